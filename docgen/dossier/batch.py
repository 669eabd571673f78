"""Batch rendering: one Tờ trình or one dossier per row of a .csv or .xlsx table.

Kinds and columns (header row first; Vietnamese keys without diacritics, any case):

- ``to-trinh``: ``cap``, ``ten``, ``nam_danh_gia``, ``muc_do``, ``ngay``, ``ho_ten`` (người ký),
  ``luu`` (phần sau “Lưu:”, ví dụ “VT, VHXH”), and optionally ``loai`` (xã, phường…), ``cap_tren`` (đơn vị cấp trên, cách nhau bằng “;”),
  ``chuc_vu`` (CHỦ TỊCH or PHÓ CHỦ TỊCH; default CHỦ TỊCH), ``so``, ``vung_kho_khan`` (có/không),
  ``muc_do_truoc`` + ``ngay_quyet_dinh_truoc`` (lần công nhận trước), ``tong_so_duoi`` +
  ``muc_do_1_duoi`` + ``muc_do_2_duoi`` (huyện, tỉnh), ``kinh_gui``, ``noi_nhan`` (“;”), ``tep``
  (tên tệp, không đuôi). A row states that the unit met every chỉ tiêu of the requested mức độ
  (its own self-assessment); the engine still applies the conditions it can check from the row
  (12 months before mức độ 2, ≥ 90 % of lower units).
- ``dossier``: ``dac_ta`` (path of a self-assessment YAML, relative to the table), optional ``tep``.

Rows render in parallel (``ProcessPoolExecutor``, one worker per core). A bad row is reported
with its row number as the spreadsheet shows it (header = row 1), its column and a Vietnamese
reason, and the other rows go on. The PDFs of the whole batch come from one LibreOffice process
per 200 files (LibreOffice converts at most 245 files per command line).
"""

from __future__ import annotations

import csv
import io
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from docgen import vi
from docgen.errors import DocgenError, InputError, SpecError, UsageError

KINDS = ("to-trinh", "dossier")
LIST_SEPARATOR = ";"
CHUNK = 8  # rows per task: enough work per round trip to the worker
# LibreOffice (7.4, headless --convert-to) stops after 245 file arguments and still exits 0:
# measured with 300 files, long or short names. A batch converts in runs of this many files,
# one LibreOffice process per run (one process in all for up to PDF_CHUNK files).
PDF_CHUNK = 200

# Column → the self-assessment key it fills (to-trinh rows). Required columns first.
REQUIRED: dict[str, tuple[str, ...]] = {
    "to-trinh": ("cap", "ten", "nam_danh_gia", "muc_do", "ngay", "ho_ten", "luu"),
    "dossier": ("dac_ta",),
}
OPTIONAL: dict[str, tuple[str, ...]] = {
    "to-trinh": ("loai", "cap_tren", "chuc_vu", "so", "vung_kho_khan", "muc_do_truoc", "ngay_quyet_dinh_truoc",
                 "tong_so_duoi", "muc_do_1_duoi", "muc_do_2_duoi", "kinh_gui", "noi_nhan", "tep"),
    "dossier": ("tep",),
}
_T = TypeVar("_T")
_EXTRA = "\x00extra"  # marks a CSV row with more cells than the header
_YES = {"có", "co", "x", "1", "true", "yes", "đúng"}
_NO = {"không", "khong", "", "0", "false", "no", "sai"}


@dataclass(frozen=True)
class RowError:
    """A bad row: its number as the spreadsheet shows it, the column, a Vietnamese reason."""

    row: int
    column: str
    reason: str

    def __str__(self) -> str:
        where = f"dòng {self.row}" + (f", cột {self.column}" if self.column else "")
        return f"{where}: {self.reason}"


@dataclass
class RowDone:
    row: int
    name: str
    docx: list[Path]
    cover: Path | None = None  # dossier rows: cover .docx waiting for the PDF pass
    warnings: list[str] = field(default_factory=list)  # Vietnamese, to verify


@dataclass
class BatchResult:
    kind: str
    rows: int
    done: list[RowDone] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    pdf: list[Path] = field(default_factory=list)
    merged: list[Path] = field(default_factory=list)
    pdf_error: str | None = None

    @property
    def failed(self) -> bool:
        return bool(self.errors) or self.pdf_error is not None

    def outputs(self) -> list[Path]:
        return [p for d in self.done for p in d.docx]

    def lines(self) -> list[str]:
        out = [f"lỗi {e}" for e in sorted(self.errors, key=lambda e: e.row)]
        counts: dict[str, list[int]] = {}
        for done in self.done:
            for message in done.warnings:
                counts.setdefault(message, []).append(done.row)
        for message, rows in counts.items():
            where = f"dòng {rows[0]}" if len(rows) == 1 else f"{len(rows)} dòng"
            out.append(f"cảnh báo ({where}): {message}")
        if self.pdf_error:
            out.append(f"lỗi PDF: {self.pdf_error}")
        what = "Tờ trình" if self.kind == "to-trinh" else "hồ sơ"
        out.append(
            f"Tổng kết: {self.rows} dòng; {len(self.done)} {what} đã dựng ({len(self.outputs())} tệp .docx"
            + (f", {len(self.pdf)} tệp PDF" if self.pdf else "")
            + (f", {len(self.merged)} hồ sơ PDF gộp" if self.merged else "")
            + f"); {len(self.errors)} dòng lỗi."
        )
        return out


# ------------------------------------------------------------------------------ reading tables


def _key(header: Any) -> str:
    text = unicodedata.normalize("NFC", str(header or "")).strip().lower()
    return text.replace(" ", "_")


def read_table(path: Path) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """Header keys and (row number, {column: text}) for each non-empty row."""
    if not path.is_file():
        raise InputError(f"{path}: không tìm thấy tệp bảng")
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _read_xlsx(path)
    if suffix in (".csv", ".tsv", ".txt"):
        return _read_csv(path)
    raise InputError(f"{path}: chỉ đọc được bảng .csv hoặc .xlsx")


def _read_csv(path: Path) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path}: tệp CSV không phải UTF-8 (lưu lại bằng “CSV UTF-8”)") from None
    sample = text[:4096]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    rows = list(reader)
    if not rows:
        raise InputError(f"{path}: bảng trống")
    header = [_key(h) for h in rows[0]]
    out: list[tuple[int, dict[str, str]]] = []
    for number, cells in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        record = {h: unicodedata.normalize("NFC", c).strip() for h, c in zip(header, cells) if h}
        if len(cells) > len(header):
            record[_EXTRA] = str(len(cells))
        out.append((number, record))
    return header, out


def _read_xlsx(path: Path) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    import datetime as dt

    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise InputError(f"{path}: không đọc được tệp Excel ({type(exc).__name__})") from None
    sheet = book.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    try:
        header = [_key(h) for h in next(rows)]
    except StopIteration:
        raise InputError(f"{path}: bảng trống") from None
    out: list[tuple[int, dict[str, str]]] = []
    for number, cells in enumerate(rows, start=2):
        if not any(c not in (None, "") for c in cells):
            continue
        record: dict[str, str] = {}
        for h, c in zip(header, cells):
            if not h:
                continue
            if isinstance(c, dt.datetime):
                c = c.date()
            if isinstance(c, dt.date):
                text = vi.date_short(c)
            elif isinstance(c, float) and c.is_integer():
                text = str(int(c))
            else:
                text = "" if c is None else str(c)
            record[h] = unicodedata.normalize("NFC", text).strip()
        out.append((number, record))
    book.close()
    return header, out


def check_header(kind: str, header: list[str], path: Path) -> None:
    missing = [c for c in REQUIRED[kind] if c not in header]
    if missing:
        raise InputError(f"{path}: thiếu cột {', '.join(missing)} (bảng {kind} cần: {', '.join(REQUIRED[kind])})")
    known = set(REQUIRED[kind]) | set(OPTIONAL[kind])
    unknown = [h for h in header if h and h not in known]
    if unknown:
        import difflib

        hint = difflib.get_close_matches(unknown[0], sorted(known), n=1)
        more = f" (có phải “{hint[0]}”?)" if hint else ""
        raise InputError(f"{path}: cột không hợp lệ: {', '.join(unknown)}{more}")


# ------------------------------------------------------------------------------ one row


class _RowProblem(Exception):
    def __init__(self, column: str, reason: str) -> None:
        super().__init__(reason)
        self.column = column
        self.reason = reason


def slug(text: str) -> str:
    """ASCII file name part: "xã Tân Lập" → "xa-tan-lap"."""
    folded = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "van-ban"


def _int(record: dict[str, str], column: str, *, required: bool = True) -> int | None:
    text = record.get(column, "").strip()
    if not text:
        if required:
            raise _RowProblem(column, "thiếu giá trị")
        return None
    try:
        return int(text)
    except ValueError:
        raise _RowProblem(column, f"“{text}” không phải số nguyên") from None


def _date(record: dict[str, str], column: str) -> str | None:
    text = record.get(column, "").strip()
    if not text:
        return None
    try:
        vi.parse_date(text)
    except vi.DateError as exc:
        raise _RowProblem(column, str(exc)) from None
    return text


def _list(record: dict[str, str], column: str) -> list[str]:
    return [p.strip() for p in record.get(column, "").split(LIST_SEPARATOR) if p.strip()]


def row_spec_data(record: dict[str, str]) -> dict[str, Any]:
    """A self-assessment mapping from a to-trinh row: every chỉ tiêu of the requested mức độ đạt."""
    from docgen.law.criteria import catalog

    for column in REQUIRED["to-trinh"]:
        if not record.get(column, "").strip():
            raise _RowProblem(column, "thiếu giá trị")
    level = record["cap"].strip().lower()
    if level not in vi.LEVELS:
        raise _RowProblem("cap", f"“{record['cap']}” không phải cấp hợp lệ (xa, huyen, tinh)")
    muc_do = _int(record, "muc_do")
    if muc_do not in (1, 2):
        raise _RowProblem("muc_do", f"mức độ “{record['muc_do']}” không hợp lệ (1 hoặc 2)")
    year = _int(record, "nam_danh_gia")
    ngay = _date(record, "ngay")
    hard_text = record.get("vung_kho_khan", "").strip().lower()
    if hard_text not in _YES | _NO:
        raise _RowProblem("vung_kho_khan", f"“{record['vung_kho_khan']}” phải là có hoặc không")
    position = (record.get("chuc_vu") or "CHỦ TỊCH").strip().upper()
    signer: dict[str, Any] = {"tm": "ỦY BAN NHÂN DÂN", "ho_ten": record["ho_ten"]}
    if position == "CHỦ TỊCH":
        signer["chuc_vu"] = "CHỦ TỊCH"
    elif position == "PHÓ CHỦ TỊCH":
        signer.update(kt="CHỦ TỊCH", chuc_vu="PHÓ CHỦ TỊCH")
    else:
        raise _RowProblem("chuc_vu", f"“{record['chuc_vu']}” phải là CHỦ TỊCH hoặc PHÓ CHỦ TỊCH")
    codes = catalog().get(level, muc_do).codes()
    data: dict[str, Any] = {
        "don_vi": {"cap": level, "ten": record["ten"], "vung_kho_khan": hard_text in _YES, "cap_tren": _list(record, "cap_tren")},
        "nam_danh_gia": year,
        "muc_do_de_nghi": muc_do,
        "chi_tieu": {code: {"dat": True} for code in codes},
        "nguoi_ky": signer,
        "ngay": ngay,
        "noi_nhan": _list(record, "noi_nhan"),
        "luu": record["luu"],
    }
    if record.get("loai"):
        data["don_vi"]["loai"] = record["loai"]
    if record.get("so"):
        data["so"] = record["so"]
    if record.get("kinh_gui"):
        data["kinh_gui"] = _list(record, "kinh_gui")
    prev_level = _int(record, "muc_do_truoc", required=False)
    prev_date = _date(record, "ngay_quyet_dinh_truoc")
    if (prev_level is None) != (prev_date is None):
        column = "ngay_quyet_dinh_truoc" if prev_date is None else "muc_do_truoc"
        raise _RowProblem(column, "cần cả muc_do_truoc và ngay_quyet_dinh_truoc")
    if prev_level is not None:
        data["cong_nhan_truoc"] = {"muc_do": prev_level, "ngay_quyet_dinh": prev_date}
    total = _int(record, "tong_so_duoi", required=level != "xa")
    if total is not None:
        data["don_vi_cap_duoi"] = {
            "tong_so": total,
            "muc_do_1": _int(record, "muc_do_1_duoi", required=False) or 0,
            "muc_do_2": _int(record, "muc_do_2_duoi", required=False) or 0,
        }
    return data


# Field path (first loc parts) of the self-assessment → the column it came from.
_FIELD_COLUMNS: dict[tuple[str, ...], str] = {
    ("don_vi", "cap"): "cap",
    ("don_vi", "ten"): "ten",
    ("don_vi", "loai"): "loai",
    ("don_vi", "vung_kho_khan"): "vung_kho_khan",
    ("don_vi",): "loai",
    ("nam_danh_gia",): "nam_danh_gia",
    ("muc_do_de_nghi",): "muc_do",
    ("ngay",): "ngay",
    ("so",): "so",
    ("nguoi_ky",): "ho_ten",
    ("luu",): "luu",
    ("cong_nhan_truoc",): "ngay_quyet_dinh_truoc",
    ("don_vi_cap_duoi",): "tong_so_duoi",
}


def _column_of(field: str) -> str:
    parts = tuple(field.split("."))
    for n in range(len(parts), 0, -1):
        if parts[:n] in _FIELD_COLUMNS:
            return _FIELD_COLUMNS[parts[:n]]
    return ""


@dataclass(frozen=True)
class Job:
    kind: str
    row: int
    record: dict[str, str]
    name: str
    out_dir: Path
    work_dir: Path | None  # dossier + pdf: where covers go
    force: bool
    base_dir: Path
    templates_dir: Path | None


def _to_trinh(job: Job) -> RowDone:
    from docgen.dossier.build import atomic_write, letter_date
    from docgen.dossier.documents import to_trinh
    from docgen.dossier.engine import assess
    from docgen.dossier.route import route
    from docgen.dossier.spec import SelfAssessment, pydantic_message
    from docgen.render.docx import render_document

    data = row_spec_data(job.record)
    try:
        spec = SelfAssessment.model_validate(data)
    except Exception as exc:  # pydantic ValidationError: first problem, mapped to its column
        errors = getattr(exc, "errors", None)
        if errors is None:
            raise
        first = errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        raise _RowProblem(_column_of(field), pydantic_message(first)) from None
    on = letter_date(spec)
    assessment = assess(spec, on)
    refusal = assessment.refusal()
    if refusal is not None:
        column = "muc_do" if not assessment.outcome.indicators_met else "ngay"
        if not assessment.outcome.indicators_met and spec.lower_units is not None:
            column = "tong_so_duoi"
        raise _RowProblem(column, one_line(refusal))
    rt = route(spec.unit.level, spec.requested, spec.year, on)
    target = job.out_dir / f"{job.name}.docx"
    if target.exists() and not job.force:
        raise _RowProblem("tep", f"tệp đã có: {target} (dùng --force để ghi đè)")
    atomic_write(target, render_document(to_trinh(assessment, rt), template_dir=job.templates_dir))
    # A row carries no figures by design: only the notes that are not about one chỉ tiêu.
    notes = [n.message for n in assessment.notes if n.severity == "warning" and not n.code]
    return RowDone(job.row, job.name, [target], warnings=[*rt.warnings, *notes])


def _dossier(job: Job) -> RowDone:
    from docgen.dossier.build import PARTS, atomic_write, dossier_documents, output_names, prepare, refuse_existing
    from docgen.dossier.documents import words
    from docgen.dossier.merge import cover_docx

    spec_path = (job.base_dir / job.record["dac_ta"]).resolve()
    assessment, rt = prepare(spec_path)
    paths = output_names(job.out_dir, job.name)
    extra = [p.with_suffix(".pdf") for p in paths] + [job.out_dir / f"{job.name}-ho-so.pdf"] if job.work_dir else []
    refuse_existing(paths + extra, job.force)
    for path, data in zip(paths, dossier_documents(assessment, rt, job.templates_dir)):
        atomic_write(path, data)
    cover = None
    if job.work_dir is not None:
        cover = job.work_dir / f"{job.name}-0-bia.docx"
        cover.write_bytes(cover_docx(assessment, rt, [n for _, n in PARTS], words(assessment).target))
    notes = [f"{spec_path.name}: {n.message}" for n in assessment.notes if n.severity == "warning"]
    return RowDone(job.row, job.name, paths, cover=cover, warnings=[*rt.warnings, *notes])


def one_line(message: str) -> str:
    """A multi-line reason ("…:\n  - a\n  - b") on one line ("…: a; b")."""
    return message.replace(":\n  - ", ": ").replace("\n  - ", "; ").replace("\n", " ")


def run_job(job: Job) -> RowDone | RowError:
    """Render one row; every user error becomes a RowError, anything else is a bug and propagates."""
    try:
        return _to_trinh(job) if job.kind == "to-trinh" else _dossier(job)
    except _RowProblem as exc:
        return RowError(job.row, exc.column, exc.reason)
    except SpecError as exc:
        loc, message = exc.problems[0]
        column = "dac_ta" if job.kind == "dossier" else _column_of(loc.field)
        where = f"{loc}: " if job.kind == "dossier" else ""
        return RowError(job.row, column, f"{where}{message}")
    except DocgenError as exc:
        column = "dac_ta" if job.kind == "dossier" else ""
        return RowError(job.row, column, one_line(str(exc)))


def run_chunk(jobs: list[Job]) -> list[RowDone | RowError]:
    return [run_job(job) for job in jobs]


def _chunks(items: list[_T], size: int) -> Iterator[list[_T]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


# ------------------------------------------------------------------------------ the batch


def run_batch(
    kind: str,
    table: Path,
    out_dir: Path,
    *,
    force: bool = False,
    pdf: bool = True,
    jobs: int | None = None,
    templates_dir: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> BatchResult:
    """Render every row; ``progress(done, total)`` is called as rows finish."""
    if kind not in KINDS:
        raise UsageError(f"loại “{kind}” không hợp lệ (chọn: {', '.join(KINDS)})")
    header, records = read_table(table)
    check_header(kind, header, table)
    result = BatchResult(kind, len(records))
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="docgen-batch-") as tmp:
        work = Path(tmp) if (pdf and kind == "dossier") else None
        pending: list[Job] = []
        seen: dict[str, int] = {}
        for row, record in records:
            if _EXTRA in record:
                cells = record[_EXTRA]
                result.errors.append(RowError(row, "", f"dòng có {cells} ô, nhiều hơn số cột tiêu đề ({len(header)})"))
                continue
            name = _name(kind, record)
            if name in seen:
                result.errors.append(RowError(row, "tep" if record.get("tep") else "ten", f"trùng tên tệp “{name}” với dòng {seen[name]}"))
                continue
            seen[name] = row
            pending.append(Job(kind, row, record, name, out_dir, work, force, table.parent, templates_dir))
        total, finished = len(records), len(records) - len(pending)
        if progress:
            progress(finished, total)
        workers = jobs or os.cpu_count() or 1
        if workers == 1 or len(pending) <= CHUNK:
            outcomes = [run_chunk(chunk) for chunk in _chunks(pending, CHUNK)]
            for outcome in outcomes:
                finished += len(outcome)
                _collect(result, outcome)
                if progress:
                    progress(finished, total)
        else:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                futures = [pool.submit(run_chunk, chunk) for chunk in _chunks(pending, CHUNK)]
                for future in as_completed(futures):
                    outcome = future.result()
                    finished += len(outcome)
                    _collect(result, outcome)
                    if progress:
                        progress(finished, total)
        if pdf and result.done:
            _pdf_pass(result, out_dir, Path(tmp))
    result.done.sort(key=lambda d: d.row)
    return result


def _name(kind: str, record: dict[str, str]) -> str:
    if record.get("tep"):
        return slug(record["tep"])
    if kind == "dossier":
        return slug(Path(record.get("dac_ta", "")).stem)
    level = vi.LEVEL_UNITS.get(record.get("cap", "").strip().lower(), "")
    unit = record.get("loai") or level
    return slug(f"to-trinh {unit} {record.get('ten', '')} {record.get('nam_danh_gia', '')}")


def _collect(result: BatchResult, outcome: list[RowDone | RowError]) -> None:
    for item in outcome:
        (result.errors if isinstance(item, RowError) else result.done).append(item)  # type: ignore[arg-type]


def _pdf_pass(result: BatchResult, out_dir: Path, work: Path) -> None:
    """Every PDF of the batch in one LibreOffice process, then (dossier) one merged PDF per row."""
    from docgen.dossier.build import PARTS, atomic_write
    from docgen.dossier.merge import merge_dossier
    from docgen.render.pdf import convert

    sources = [p for d in result.done for p in ([d.cover] if d.cover else []) + d.docx]
    pdf_dir = work / "pdf"
    produced: list[Path] = []
    try:
        for run in _chunks(sources, PDF_CHUNK):
            produced += convert(run, pdf_dir)
    except DocgenError as exc:
        result.pdf_error = str(exc)
        return
    by_stem = {p.stem: p for p in produced}
    for done in result.done:
        pdfs = [by_stem[p.stem] for p in done.docx]
        for source, pdf_path in zip(done.docx, pdfs):
            target = out_dir / f"{source.stem}.pdf"
            atomic_write(target, pdf_path.read_bytes())
            result.pdf.append(target)
        if done.cover is not None:
            merged = out_dir / f"{done.name}-ho-so.pdf"
            atomic_write(merged, merge_dossier(by_stem[done.cover.stem], list(zip([n for _, n in PARTS], pdfs))))
            result.merged.append(merged)
