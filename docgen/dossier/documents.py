"""The three documents of a recognition dossier (điểm d khoản 1 Điều 9, 14, 19 TT25).

- Tờ trình đề nghị công nhận: a spec :class:`~docgen.spec.models.Document` of kind ``to-trinh``,
  rendered by the shared renderer;
- Báo cáo tự đánh giá and Bản tổng hợp kết quả: contexts for the two dossier templates
  (``templates/bao-cao-tu-danh-gia.docx``, ``templates/ban-tong-hop.docx``), which take the
  same header and signature keys as the other templates plus ``bang`` and ``blocks_sau``.

All wording is Vietnamese; articles come from ``law/tt25.py`` and the catalogue, the addressee
and the deadline from :mod:`docgen.dossier.route` (the law layer's regime table).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from docgen import vi
from docgen.dossier.engine import Assessment, IndicatorOutcome, LevelOutcome
from docgen.dossier.route import Route
from docgen.dossier.spec import SelfAssessment
from docgen.law import tt25
from docgen.law.registry import load_registry
from docgen.render.context import RenderContext, build_context
from docgen.spec.models import Document

TT25_SYMBOL = "25/2023/TT-BGDĐT"
CDHT = "“Cộng đồng học tập”"


@dataclass(frozen=True)
class Words:
    """Phrases shared by the three documents of one dossier."""

    unit: str  # xã Tân Lập
    council: str  # Ủy ban nhân dân xã Tân Lập
    level: str  # cấp xã
    target: str  # “Cộng đồng học tập” cấp xã mức độ 1
    tt25_first: str  # full first citation of TT25
    tt25_short: str  # Thông tư số 25/2023/TT-BGDĐT


def words(assessment: Assessment) -> Words:
    spec = assessment.spec
    entry = load_registry().get(TT25_SYMBOL)
    first = entry.citation() if entry else f"Thông tư số {TT25_SYMBOL}"
    short = entry.short() if entry else f"Thông tư số {TT25_SYMBOL}"
    level = vi.LEVELS[spec.unit.level]
    return Words(
        unit=spec.unit.full_name,
        council=spec.unit.council,
        level=level,
        target=f"{CDHT} {level} mức độ {spec.requested}",
        tt25_first=first,
        tt25_short=short,
    )


def agency_name(spec: SelfAssessment) -> str:
    """ô 2 of an UBND: "ỦY BAN NHÂN DÂN" / "XÃ TÂN LẬP" (no chủ quản line, nd30.md ô 2)."""
    return f"ỦY BAN NHÂN DÂN\n{spec.unit.full_name.upper()}"


def recipients(spec: SelfAssessment, route: Route) -> list[str]:
    """Kính gửi: the spec's own list, or the addressee of the regime table."""
    return list(spec.recipients) or [route.addressee_for(spec.unit.parents)]


def _is_renewal(spec: SelfAssessment) -> bool:
    return spec.previous is not None and spec.previous.muc_do == spec.requested


def _request_verb(spec: SelfAssessment) -> str:
    return "đánh giá, công nhận lại" if _is_renewal(spec) else "đánh giá, công nhận"


def _criteria_article(assessment: Assessment) -> int:
    return assessment.outcome.criteria.article


def _conditions_locator(assessment: Assessment) -> str:
    level = assessment.spec.unit.level
    point = "a" if assessment.requested == 1 else "b"
    return tt25.Locator(tt25.conditions_article(level), 1, point).text()


def _count(outcome: LevelOutcome) -> tuple[int, int, int, int]:
    """(tiêu chí đạt, tiêu chí, chỉ tiêu đạt, chỉ tiêu)."""
    criteria = outcome.criteria.criteria
    met_criteria = sum(outcome.criterion_met(c.clause) for c in criteria)
    met_indicators = sum(o.met for o in outcome.indicators)
    return met_criteria, len(criteria), met_indicators, len(outcome.indicators)


def result_sentence(assessment: Assessment, w: Words) -> str:
    """"xã Tân Lập đạt 5/5 tiêu chí, 15/15 chỉ tiêu quy định tại Điều 6 …"."""
    mc, c, mi, i = _count(assessment.outcome)
    return (
        f"{_cap(w.unit)} đạt {mc}/{c} tiêu chí, {mi}/{i} chỉ tiêu quy định tại "
        f"Điều {_criteria_article(assessment)} {w.tt25_short}"
    )


def deadline_sentence(assessment: Assessment, route: Route) -> str:
    return (
        f"Hồ sơ gửi {route.due_text()} theo quy định tại {route.due_cite} "
        f"{words(assessment).tt25_short}."
    )


# ------------------------------------------------------------------------------ Tờ trình


def to_trinh(assessment: Assessment, route: Route) -> Document:
    """The Tờ trình đề nghị công nhận, as a spec Document for ``render_document``."""
    spec = assessment.spec
    w = words(assessment)
    kinh_gui = recipients(spec, route)
    addressee = kinh_gui[0]
    procedure = tt25.procedure_article(spec.unit.level)
    dossier_items = [
        f"Tờ trình đề nghị {_request_verb(spec)} {CDHT} {w.level};",
        f"Báo cáo tự đánh giá {CDHT} {w.level} năm {spec.year};",
        "Bản tổng hợp kết quả đánh giá các tiêu chí, chỉ tiêu.",
    ]
    opening = (
        f"Căn cứ {w.tt25_first} (sau đây gọi là {w.tt25_short}), {w.council} đã tổ chức tự đánh giá "
        f"{CDHT} {w.level} năm {spec.year}, với số liệu của cả năm {spec.year} "
        f"(điểm b khoản 1 Điều {procedure} {w.tt25_short}). {w.council} kính trình {addressee} như sau:"
    )
    result = [f"{result_sentence(assessment, w)}, đáp ứng điều kiện công nhận quy định tại {_conditions_locator(assessment)} {w.tt25_short}."]
    if spec.previous is not None:
        decision = f" theo Quyết định số {spec.previous.decision}" if spec.previous.decision else ""
        result.append(
            f"{_cap(w.unit)} đã được công nhận đạt {CDHT} {w.level} mức độ {spec.previous.muc_do}"
            f"{decision} ngày {vi.date_short(spec.previous.decision_date)}."
        )
    renewal = f" theo quy định tại {route.renewal_cite} {w.tt25_short}" if _is_renewal(spec) and route.renewal_cite else ""
    request = [
        f"{w.council} kính đề nghị {addressee} xem xét, {_request_verb(spec)} {w.unit} đạt {w.target} năm {spec.year}{renewal}.",
        deadline_sentence(assessment, route),
    ]
    data: dict[str, Any] = {
        "loai": "to-trinh",
        "co_quan": [{"ten": agency_name(spec), "viet_tat": spec.unit.abbrev}],
        "so": spec.number,
        "ky_hieu": f"TTr-{spec.unit.abbrev}",
        "dia_danh": spec.unit.place_name,
        "ngay": spec.date,
        "trich_yeu": f"Đề nghị {_request_verb(spec)} {w.target} năm {spec.year}",
        "kinh_gui": kinh_gui,
        "mo_dau": opening,
        "noi_dung": [
            {"tieu_de": "Kết quả tự đánh giá", "doan": result},
            {"tieu_de": "Đề nghị", "doan": request},
            {"tieu_de": "Hồ sơ kèm theo", "doan": [f"Hồ sơ gồm (điểm d khoản 1 Điều {procedure} {w.tt25_short}):"], "y": dossier_items},
        ],
        "ket_thuc": f"{w.council} kính trình {addressee} xem xét, quyết định./.",
        "nguoi_ky": [spec.signer.model_dump(by_alias=True, exclude_none=True)],
        "noi_nhan": list(spec.distribution),
        "luu": spec.archive,
        "du_thao": spec.date is None,
    }
    return Document.model_validate(data)


# ------------------------------------------------------------------------------ template contexts


def _figures_text(outcome: IndicatorOutcome) -> str:
    result = outcome.result
    parts = []
    if result and result.text:
        parts.append(result.text)
    if outcome.figures:
        parts.append(f"Số liệu: {outcome.figures}.")
    if result is None:
        parts.append("Chưa có kết quả.")
    return " ".join(parts)


def _verdict(met: bool) -> str:
    return "Đạt" if met else "Không đạt"


def _base(spec: SelfAssessment, subject: str, kinh_gui: list[str], sections: list[dict[str, Any]], closing: str,
          distribution: list[str]) -> Document:
    """A Báo cáo-kind Document of the unit: header, subject, body, signer (the shared spec model)."""
    return Document.model_validate({
        "loai": "bao-cao",
        "co_quan": [{"ten": agency_name(spec), "viet_tat": spec.unit.abbrev}],
        "so": spec.number,
        "ky_hieu": f"BC-{spec.unit.abbrev}",
        "dia_danh": spec.unit.place_name,
        "ngay": spec.date,
        "trich_yeu": subject,
        "kinh_gui": kinh_gui,
        "noi_dung": sections,
        "ket_thuc": closing,
        "nguoi_ky": [spec.signer.model_dump(by_alias=True, exclude_none=True)],
        "noi_nhan": distribution,
        "luu": spec.archive,
        "du_thao": spec.date is None,
    })


def _split(values: dict[str, Any], first_tail_head: str | None) -> dict[str, Any]:
    """Put the blocks from the mục ``first_tail_head`` on after the table, and the closing too."""
    blocks = list(values["blocks"])
    cut = len(blocks)
    if first_tail_head is not None:
        cut = next((i for i, b in enumerate(blocks) if b.kind == "muc" and b.head.startswith(first_tail_head)), cut)
    values["blocks"], values["blocks_sau"] = blocks[:cut], blocks[cut:]
    values["ket_thuc_sau"], values["ket_thuc"] = values["ket_thuc"], ""
    return values


def report_document(assessment: Assessment, route: Route) -> Document:
    """The Báo cáo tự đánh giá as a spec Document (the criteria table is added to its context)."""
    spec = assessment.spec
    w = words(assessment)
    outcome = assessment.outcome
    kinh_gui = recipients(spec, route)
    procedure = tt25.procedure_article(spec.unit.level)
    general = [
        f"Thực hiện {w.tt25_first} (sau đây gọi là {w.tt25_short}), {w.council} đã tổ chức tự đánh giá "
        f"{CDHT} {w.level} năm {spec.year} theo các tiêu chí, chỉ tiêu quy định tại Điều {outcome.criteria.article} "
        f"{w.tt25_short}; số liệu đánh giá là số liệu của cả năm {spec.year} "
        f"(điểm b khoản 1 Điều {procedure} {w.tt25_short})."
    ]
    if spec.meeting:
        general.append(f"Cuộc họp xem xét, thống nhất kết quả tự đánh giá được tổ chức {spec.meeting.rstrip('.')}.")
    if spec.unit.hard_area:
        general.append(f"{_cap(w.unit)} thuộc vùng khó khăn; chỉ tiêu về tỷ lệ công dân được đào tạo trình độ chuyên môn kỹ thuật áp dụng mức dành cho xã vùng khó khăn.")
    lower = spec.lower_units
    if lower is not None:
        noun = "xã" if spec.unit.level == "huyen" else "huyện"
        general.append(
            f"Trên địa bàn có {lower.total} {noun}; {lower.level1} {noun} đang được công nhận mức độ 1 "
            f"và {lower.level2} {noun} đang được công nhận mức độ 2."
        )
    conclusion = (
        f"Đối chiếu với Điều {tt25.conditions_article(spec.unit.level)} {w.tt25_short}, "
        f"{_lower(result_sentence(assessment, w))}, đủ điều kiện đề nghị công nhận đạt {w.target} "
        f"theo quy định tại {_conditions_locator(assessment)} {w.tt25_short}."
    )
    sections = [
        {"tieu_de": "Khái quát chung", "doan": general},
        {"tieu_de": "Kết quả tự đánh giá các tiêu chí, chỉ tiêu",
         "doan": [f"Kết quả tự đánh giá từng chỉ tiêu theo Điều {outcome.criteria.article} {w.tt25_short} như sau:"]},
        {"tieu_de": "Kết luận", "doan": [conclusion]},
        {"tieu_de": "Đề nghị", "doan": [
            f"{w.council} kính đề nghị {kinh_gui[0]} xem xét, {_request_verb(spec)} {w.unit} đạt {w.target} năm {spec.year}."
        ]},
    ]
    closing = f"Trên đây là báo cáo kết quả tự đánh giá {CDHT} {w.level} năm {spec.year} của {w.council}./."
    return _base(spec, f"Kết quả tự đánh giá {CDHT} {w.level} năm {spec.year}", kinh_gui, sections, closing,
                 list(spec.distribution))


def report_rows(outcome: LevelOutcome) -> list[dict[str, Any]]:
    """Criteria table: a bold row per tiêu chí, then its chỉ tiêu with result, evidence, verdict."""
    rows: list[dict[str, Any]] = []
    for crit in outcome.criteria.criteria:
        rows.append({
            "nhom": True,
            "stt": str(crit.clause),
            "ten": f"Tiêu chí {crit.clause}: {crit.title} ({crit.cite()})",
            "ket_qua": "",
            "minh_chung": "",
            "danh_gia": _verdict(outcome.criterion_met(crit.clause)),
        })
        for item in (o for o in outcome.indicators if o.indicator.criterion == crit.clause):
            ind = item.indicator
            rows.append({
                "nhom": False,
                "stt": f"{ind.point})",
                "ten": f"{ind.title} ({ind.cite()})",
                "ket_qua": _figures_text(item),
                "minh_chung": "\n".join(f"- {e}" for e in item.result.evidence) if item.result else "",
                "danh_gia": _verdict(item.met),
            })
    return rows


def report_context(assessment: Assessment, route: Route) -> RenderContext:
    """Context of ``templates/bao-cao-tu-danh-gia.docx`` (and its footnote texts)."""
    ctx = build_context(report_document(assessment, route))
    values = _split(dict(ctx.values), "III.")
    values["bang"] = report_rows(assessment.outcome)
    return RenderContext(values, ctx.footnotes)


def summary_document(assessment: Assessment, route: Route) -> Document:
    spec = assessment.spec
    w = words(assessment)
    outcome = assessment.outcome
    sections = [{"doan": [
        f"Kèm theo Báo cáo kết quả tự đánh giá {CDHT} {w.level} năm {spec.year} của {w.council}, "
        f"thực hiện {w.tt25_first} (sau đây gọi là {w.tt25_short}).",
        f"Tiêu chí, chỉ tiêu {w.level} mức độ {spec.requested} theo Điều {outcome.criteria.article} {w.tt25_short} "
        f"gồm {len(outcome.criteria.criteria)} tiêu chí, {len(outcome.indicators)} chỉ tiêu.",
    ]}]
    closing = f"Kết luận: {_lower(result_sentence(assessment, w))}, đủ điều kiện đề nghị công nhận đạt {w.target}./."
    return _base(spec, f"Kết quả đánh giá các tiêu chí, chỉ tiêu {CDHT} {w.level} năm {spec.year}", [], sections,
                 closing, list(spec.distribution))


def summary_rows(outcome: LevelOutcome) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for crit in outcome.criteria.criteria:
        items = [o for o in outcome.indicators if o.indicator.criterion == crit.clause]
        rows.append({
            "nhom": False,
            "stt": str(crit.clause),
            "ten": f"Tiêu chí {crit.clause}: {crit.title} ({crit.cite()})",
            "so_chi_tieu": str(len(items)),
            "so_dat": str(sum(o.met for o in items)),
            "ket_qua": _verdict(outcome.criterion_met(crit.clause)),
        })
    mc, c, mi, i = _count(outcome)
    rows.append({"nhom": True, "stt": "", "ten": "Tổng cộng", "so_chi_tieu": str(i), "so_dat": str(mi),
                 "ket_qua": f"{mc}/{c} tiêu chí đạt"})
    return rows


def summary_context(assessment: Assessment, route: Route) -> RenderContext:
    """Context of ``templates/ban-tong-hop.docx``: an attachment of the báo cáo (no number of its own)."""
    ctx = build_context(summary_document(assessment, route))
    values = _split(dict(ctx.values), None)
    values["ten_loai"] = "BẢN TỔNG HỢP"
    values["so"] = ""
    values["bang"] = summary_rows(assessment.outcome)
    return RenderContext(values, ctx.footnotes)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:]
