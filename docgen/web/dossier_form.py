"""Hồ sơ công nhận as a form: the self-assessment filled in field by field.

The unit, year, request, signer… are fields built from the self-assessment model's JSON Schema
(:mod:`docgen.web.form`); the chỉ tiêu are one row each, listed from the criteria catalogue for
the unit's level and the mức độ asked for (:func:`docgen.law.criteria.criteria_set`), each with
đạt / không đạt, the result, the figures its thresholds read and the evidence. The posted form is
written as the same YAML the box takes and goes through the same functions
(:func:`docgen.web.dossier.assess_text`, :func:`docgen.web.dossier.dossier_zip`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Final

from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from docgen.errors import DocgenError
from docgen.web import core, dossier, form, jobs

#: Vietnamese names of the fields whose schema describes them in English or not at all.
LABELS: Final[dict[str, str]] = {
    "don_vi": "Đơn vị tự đánh giá",
    "don_vi.cap": "Cấp",
    "don_vi.loai": "Loại đơn vị",
    "cong_nhan_truoc": "Lần công nhận trước (nếu có)",
    "cong_nhan_truoc.muc_do": "Mức độ đã được công nhận",
    "don_vi_cap_duoi": "Đơn vị cấp dưới (cấp huyện, tỉnh)",
    "don_vi_cap_duoi.tong_so": "Tổng số đơn vị cấp dưới",
    "nguoi_ky": "Người ký Tờ trình",
    "noi_nhan": "Nơi nhận, mỗi dòng một nơi (không ghi dòng Lưu)",
}
#: The figures of an increase or a decrease (kinh phí, số người… this year against last year).
CHANGE_FIGURES: Final = ("nam_truoc", "nam_danh_gia", "don_vi_tinh")
PREFIX: Final = "ct"  # posted names of a chỉ tiêu: "ct:1.a:dat", "ct:5.a:so_lieu:ty_le"
_NUMBER: Final = re.compile(r"-?\d+(?:[.,]\d+)?")


@cache
def schema() -> dict[str, Any]:
    """The self-assessment's JSON Schema without ``chi_tieu`` (the rows below take its place)."""
    from docgen.dossier.spec import SelfAssessment

    full = SelfAssessment.model_json_schema(by_alias=True)
    properties = {k: v for k, v in full["properties"].items() if k != "chi_tieu"}
    return {**full, "properties": properties, "required": [k for k in full.get("required", []) if k != "chi_tieu"]}


@cache
def figure_labels() -> dict[str, str]:
    from docgen.dossier.spec import Figures

    return {str(info.alias): str(info.description or info.alias) for info in Figures.model_fields.values()}


@dataclass
class Row:
    """One chỉ tiêu: what TT25 asks, and what the unit wrote."""

    code: str
    title: str
    cite: str
    met: str  # "true" | "false" | "" (not filled in)
    text: str
    evidence: str  # one per line
    figures: list[tuple[str, str, str]]  # (key, label, value)
    errors: list[str] = field(default_factory=list)


def rows(data: Mapping[str, Any]) -> list[Row]:
    """The chỉ tiêu of the unit's level and requested mức độ, with the values in ``data``."""
    from docgen.law.criteria import criteria_set

    unit = _mapping(data.get("don_vi"))
    level = str(unit.get("cap")) if unit.get("cap") in ("xa", "huyen", "tinh") else "xa"
    muc_do = int(data["muc_do_de_nghi"]) if data.get("muc_do_de_nghi") in (1, 2) else 1
    results = _mapping(data.get("chi_tieu"))
    labels = figure_labels()
    # the figures of a chỉ tiêu for either mức độ: the page says which mức độ the unit meets
    thresholds: dict[str, list[Any]] = {}
    for m in (1, 2):
        for ind in criteria_set(level, m).indicators():
            thresholds.setdefault(ind.code, []).extend(ind.thresholds)
    out: list[Row] = []
    for ind in criteria_set(level, muc_do).indicators():
        result = _mapping(results.get(ind.code))
        keys: list[str] = []
        for t in thresholds.get(ind.code, []):
            if t.lower_units:  # computed from don_vi_cap_duoi
                continue
            for key in (CHANGE_FIGURES if t.kind in ("increase", "decrease") else (t.figure,) if t.figure else ()):
                if key not in keys:
                    keys.append(key)
        figures = _mapping(result.get("so_lieu"))
        met = result.get("dat")
        evidence = result.get("minh_chung")
        out.append(Row(
            ind.code, ind.title, ind.cite(), "true" if met is True else "false" if met is False else "",
            str(result.get("ket_qua") or ""), "\n".join(str(e) for e in evidence) if isinstance(evidence, list) else "",
            [(k, labels.get(k, k), _text(figures.get(k))) for k in keys]))
    return out


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _value(text: str) -> Any:
    text = text.strip()
    if text in ("true", "false"):
        return text == "true"
    if _NUMBER.fullmatch(text):  # "62,5" as a clerk writes it
        number = float(text.replace(",", "."))
        return int(number) if number.is_integer() and "," not in text and "." not in text else number
    return text


def results_from_form(posted: FormData) -> dict[str, Any]:
    """``chi_tieu`` from the rows' fields; a row left blank is left out."""
    results: dict[str, dict[str, Any]] = {}
    for name, raw in posted.multi_items():
        if isinstance(raw, UploadFile) or not name.startswith(PREFIX + ":"):
            continue
        parts = name.split(":")
        if len(parts) not in (3, 4) or not re.fullmatch(r"\d\.[a-zđ]", parts[1]):
            continue
        text = raw.replace("\r\n", "\n").strip()
        if not text:
            continue
        entry = results.setdefault(parts[1], {})
        if parts[2] == "dat":
            entry["dat"] = _value(text)
        elif parts[2] == "ket_qua":
            entry["ket_qua"] = text
        elif parts[2] == "minh_chung":
            entry["minh_chung"] = [line.strip() for line in text.split("\n") if line.strip()]
        elif parts[2] == "so_lieu" and len(parts) == 4 and parts[3] in figure_labels():
            entry.setdefault("so_lieu", {})[parts[3]] = _value(text)
    return results


def data_from_form(posted: FormData) -> dict[str, Any]:
    data = form.data_from_form(posted, schema())
    results = results_from_form(posted)
    if results:
        data["chi_tieu"] = results
    return data


def _page(data: dict[str, Any], *, view: dossier.DossierView | None = None,
          problems: list[tuple[str, str]] | None = None, error: str | None = None, status: int = 200) -> Response:
    problems = problems or []
    fields = form.build(schema(), data, LABELS)
    table = rows(data)
    left: list[str] = []
    for path, message in problems:
        code = next((r for r in table if path.startswith(f"chi_tieu.{r.code}")), None)
        if code is not None:
            code.errors.append(message)
        else:
            left += form.attach(fields, [(path, message)])
    flagged = [f for f in form.names(fields).values() if f.errors]
    return core.html("dossier_form.html", tab="/ho-so", status=status, fields=fields, rows=table, view=view,
                     problems=problems, left=left, flagged=flagged, error=error)


async def page(request: Request) -> Response:
    from ruamel.yaml import YAML

    return _page(dict(YAML(typ="safe", pure=True).load(dossier.starter())))  # our own example


async def submit(request: Request) -> Response:
    posted = await core.read_form(request, request.app.state.upload_bytes, core.SPEC_FORM_FIELDS)
    try:
        data = data_from_form(posted)
        action = core.text_field(posted, "lam", "danh-gia")
    finally:
        await posted.close()
    verb, _, path = action.partition(":")
    if verb in ("them", "xoa"):
        (form.add_item if verb == "them" else form.remove_item)(data, path)
        return _page(data)
    if action == "cap-nhat":  # another level or mức độ: another list of chỉ tiêu
        return _page(data)
    text = form.to_yaml(data)
    if action == "yaml":
        return core.attachment(text.encode("utf-8"), dossier.SPEC_NAME, "application/yaml; charset=utf-8")
    try:
        if action == "tai":
            await core.off_loop(dossier.ready, text)  # a spec error goes by its field, a refusal on this page
            return jobs.started(request, dossier.LABEL, "/ho-so/bieu-mau", lambda: dossier.download(text))
        view = await core.off_loop(dossier.assess_text, text)
    except DocgenError as exc:
        problems = list(getattr(exc, "problems", []))
        return _page(data, problems=problems, error=None if problems else str(exc), status=422)
    return _page(data, view=view)


routes = [
    Route("/ho-so/bieu-mau", page, methods=["GET"]),
    Route("/ho-so/bieu-mau", submit, methods=["POST"]),
]
