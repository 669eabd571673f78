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

The table is read strictly (issue 9): an unclosed quote, a repeated or empty header, a merged
cell or a formula in the header refuse the whole table before anything is written; a row with
more cells than headers, a cell on several lines, a merged or formula cell is that row's error.

Rows render in parallel (``ProcessPoolExecutor``, one worker per core). A bad row is reported
with its row number as the spreadsheet shows it (header = row 1), its column and a Vietnamese
reason, and the other rows go on; so does a row that meets a docgen bug (logged by
:mod:`docgen.boundary`). Outputs go through :func:`docgen.output.write_output` and are never
replaced without ``force``; ``resume`` skips rows whose outputs exist and are valid. The PDFs of
the whole batch come from one LibreOffice process per 200 files (LibreOffice converts at most 245
files per command line), which converts the documents of one template joined, 50 to a file, and
cuts them apart (:func:`docgen.render.pdf.convert`: half the CPU of converting each file). The
pool starts once per batch; each worker prepares a template once (:mod:`docgen.render.docx`).
Ctrl-C stops the workers and LibreOffice, removes what was half done
and returns the result marked ``interrupted`` (exit 130).
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import signal
import tempfile
import unicodedata
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
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
_YES = {"có", "co", "x", "1", "true", "yes", "đúng"}
_NO = {"không", "khong", "", "0", "false", "no", "sai"}
# Longest file-name stem made from a row: with the longest suffix ("-2-bao-cao-tu-danh-gia.docx",
# 27 bytes) a name stays far below the 255 bytes most file systems allow (ENAMETOOLONG otherwise).
MAX_STEM = 100
_HASH = 8  # hex digits of the hash that keeps two shortened names apart
_TMP_GLOB = ".docgen-*.tmp"  # docgen.output's temporary files


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
    skipped: list[int] = field(default_factory=list)  # --resume: rows whose outputs were already there
    not_done: list[int] = field(default_factory=list)  # Ctrl-C: rows left unrendered
    no_pdf: list[int] = field(default_factory=list)  # rows rendered whose PDFs were not written
    interrupted: bool = False

    @property
    def failed(self) -> bool:
        return bool(self.errors) or self.pdf_error is not None or self.interrupted

    @property
    def exit_code(self) -> int:
        """130 after Ctrl-C (as a shell reports SIGINT), 1 when a row or the PDF pass failed, else 0."""
        if self.interrupted:
            return 130
        return 1 if self.failed else 0

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
        if self.interrupted:
            out.append(
                "Đã dừng (Ctrl-C). "
                + (f"Chưa dựng {len(self.not_done)} dòng: {_rows_text(self.not_done)}. " if self.not_done else "")
                + (f"Chưa có PDF cho {len(self.no_pdf)} dòng: {_rows_text(self.no_pdf)}. " if self.no_pdf else "")
                + "Không tệp nào bị ghi dở; chạy lại lệnh với --resume để dựng tiếp."
            )
        what = "Tờ trình" if self.kind == "to-trinh" else "hồ sơ"
        out.append(
            f"Tổng kết: {self.rows} dòng; {len(self.done)} {what} đã dựng ({len(self.outputs())} tệp .docx"
            + (f", {len(self.pdf)} tệp PDF" if self.pdf else "")
            + (f", {len(self.merged)} hồ sơ PDF gộp" if self.merged else "")
            + ")"
            + (f"; {len(self.skipped)} dòng đã có đủ tệp, bỏ qua (--resume)" if self.skipped else "")
            + (f"; {len(self.not_done)} dòng chưa dựng" if self.not_done else "")
            + f"; {len(self.errors)} dòng lỗi."
        )
        return out


def _rows_text(rows: list[int], limit: int = 20) -> str:
    rows = sorted(rows)
    text = ", ".join(str(r) for r in rows[:limit])
    return text + (f", … (thêm {len(rows) - limit} dòng)" if len(rows) > limit else "")


# ------------------------------------------------------------------------------ reading tables
#
# The reader is strict: a table that cannot be read exactly as the clerk sees it in a spreadsheet is
# refused (InputError, exit 2, nothing written) when the problem is in the header or spans rows (an
# unclosed quote swallows the rows after it), and is that row's error when it is confined to a row.


@dataclass
class TableRow:
    """One non-empty row: its spreadsheet number (header = 1), {column: text}, and its problem if any."""

    number: int
    record: dict[str, str]
    problem: RowError | None = None


@dataclass
class Table:
    header: list[str]
    rows: list[TableRow]


def _key(header: Any) -> str:
    text = unicodedata.normalize("NFC", str(header or "")).strip().lower()
    return text.replace(" ", "_")


def _letter(index: int) -> str:
    """Spreadsheet column letter of a 0-based index: 0 → A, 26 → AA."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(ord("A") + rest) + out
    return out


def _where(path: Path, row: int, index: int | None = None, header: list[str] | None = None) -> str:
    out = f"{path}: dòng {row}"
    if index is not None:
        name = header[index] if header and index < len(header) and header[index] else ""
        out += f", cột {_letter(index)}" + (f" ({name})" if name else "")
    return out


def read_table(path: Path) -> Table:
    """The header keys and every non-empty row; InputError for a table that cannot be trusted."""
    if not path.is_file():
        raise InputError(f"{path}: không tìm thấy tệp bảng")
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _read_xlsx(path)
    if suffix in (".csv", ".tsv", ".txt"):
        return _read_csv(path)
    raise InputError(f"{path}: chỉ đọc được bảng .csv hoặc .xlsx")


def _check_header(path: Path, header: list[str]) -> None:
    """Empty header cells before the last named column, and repeated names, are refused."""
    last = max((i for i, h in enumerate(header) if h), default=-1)
    if last < 0:
        raise InputError(f"{path}: dòng 1 (dòng tiêu đề) trống")
    for i, name in enumerate(header[:last]):
        if not name:
            raise InputError(f"{_where(path, 1, i)}: tiêu đề cột trống (mỗi cột cần một tên)")
    first: dict[str, int] = {}
    for i, name in enumerate(header):
        if name and name in first:
            raise InputError(
                f"{path}: dòng 1: cột “{name}” lặp lại (cột {_letter(first[name])} và cột {_letter(i)}): "
                "không biết lấy giá trị ở cột nào"
            )
        first.setdefault(name, i)


def _row(path: Path, header: list[str], number: int, cells: list[str], delimiter: str | None = None) -> TableRow | None:
    """A TableRow, None for an empty row; cells beyond the named columns make the row's problem, and
    so does (in a CSV) a short row whose cell holds the delimiter: a quote put in the wrong place
    (``"Xã A,2025``… closed later on the line) has joined several cells into one."""
    if not any(c.strip() for c in cells):
        return None
    record = {h: unicodedata.normalize("NFC", c).strip() for h, c in zip(header, cells) if h}
    problem = None
    named = max((i for i, h in enumerate(header) if h), default=-1) + 1
    if delimiter and len(cells) < named:
        for i, cell in enumerate(cells):
            if delimiter in cell:
                shown = "tab" if delimiter == "\t" else f"“{delimiter}”"
                return TableRow(number, record, RowError(
                    number, _letter(i),
                    f"dòng chỉ có {len(cells)} ô thay vì {named} vì ô {_letter(i)}{number} (“{cell.strip()[:40]}”) "
                    f"chứa dấu {shown} nằm trong cặp ngoặc kép: dấu \" đặt sai chỗ đã gộp nhiều ô làm một; "
                    "hãy sửa hoặc bỏ dấu \"",
                ))
    for i, cell in enumerate(cells):
        if cell.strip() and (i >= len(header) or not header[i]):
            reason = (
                f"dòng có {len(cells)} ô, nhiều hơn số cột tiêu đề ({len(header)})" if i >= len(header)
                else "ô có giá trị nhưng cột không có tiêu đề"
            )
            problem = RowError(number, _letter(i), f"{reason} (ô {_letter(i)}{number}: “{cell.strip()[:40]}”)")
            break
    return TableRow(number, record, problem)


def _read_csv(path: Path) -> Table:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path}: tệp CSV không phải UTF-8 (lưu lại bằng “CSV UTF-8”)") from None
    first_line = text.split("\n", 1)[0]
    try:
        dialect: Any = csv.Sniffer().sniff(first_line, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect, strict=True)
    records: list[tuple[int, list[str]]] = []
    broken: dict[int, RowError] = {}
    number, line = 0, 1
    try:
        for cells in reader:
            number += 1
            for i, cell in enumerate(cells):
                if "\n" not in cell and "\r" not in cell:
                    continue
                if records and len(records[0][1]) > 1 and dialect.delimiter not in cell:
                    # A cell written on several lines (Alt+Enter in Excel): that row's problem. In a
                    # one-column table an open quote swallows lines without a delimiter: refused below.
                    broken.setdefault(number, RowError(number, _letter(i), "ô viết trên nhiều dòng; hãy viết trên một dòng (danh sách cách nhau “;”)"))
                else:
                    # Lines holding the delimiter inside one cell: an open quote has swallowed the
                    # rows after it (they would silently vanish into this cell).
                    raise InputError(
                        f"{_where(path, number, i, [_key(h) for h in records[0][1]] if records else None)} "
                        f"(dòng {line} của tệp): dấu ngoặc kép mở ở đây không được đóng trên cùng dòng, "
                        f"nên {cell.count(chr(10))} dòng sau bị gộp vào một ô; hãy thêm dấu \" đóng hoặc bỏ dấu \" thừa"
                    )
            records.append((number, cells))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise InputError(
            f"{path}: dòng {number + 1} (dòng {line} của tệp): không đọc được CSV ({exc}); "
            "thường do dấu ngoặc kép \" không được đóng"
        ) from None
    if not records:
        raise InputError(f"{path}: bảng trống")
    header = [_key(h) for h in records[0][1]]
    _check_header(path, header)
    rows = [r for number, cells in records[1:] if (r := _row(path, header, number, cells, dialect.delimiter)) is not None]
    for row in rows:
        row.problem = broken.get(row.number) or row.problem
    return Table(header, rows)


def _cell_text(value: Any) -> str:
    import datetime as dt

    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return vi.date_short(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def _read_xlsx(path: Path) -> Table:
    from openpyxl import load_workbook

    try:
        # Not read-only (merged ranges are only known then) and not data_only (formulas must be seen:
        # data_only gives the value Excel cached last time, or None for a file never opened in Excel).
        book = load_workbook(path, data_only=False)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise InputError(f"{path}: không đọc được tệp Excel ({type(exc).__name__})") from None
    try:
        sheet = book.worksheets[0]
        grid = [list(cells) for cells in sheet.iter_rows()]
        if not grid:
            raise InputError(f"{path}: bảng trống")
        problems: dict[int, RowError] = {}
        for merged in sorted(sheet.merged_cells.ranges, key=lambda r: (r.min_row, r.min_col)):
            text = f"ô gộp {merged.coord}: docgen chỉ thấy giá trị ở ô đầu, các ô còn lại coi như trống; hãy bỏ gộp ô và điền đủ từng ô"
            if merged.min_row == 1:
                raise InputError(f"{_where(path, 1, merged.min_col - 1)}: {text}")
            for number in range(merged.min_row, merged.max_row + 1):
                problems.setdefault(number, RowError(number, _letter(merged.min_col - 1), text))
        for number, cells in enumerate(grid, start=1):
            for i, cell in enumerate(cells):
                if cell.data_type == "f":
                    formula = str(getattr(cell.value, "text", cell.value))[:40]
                    text = f"ô {_letter(i)}{number} chứa công thức “{formula}”: docgen không tính công thức; hãy dán giá trị (Paste Special → Values)"
                    if number == 1:
                        raise InputError(f"{_where(path, 1, i)}: {text}")
                    problems.setdefault(number, RowError(number, _letter(i), text))
        header = [_key(c.value) for c in grid[0]]
        _check_header(path, header)
        rows: list[TableRow] = []
        for number, cells in enumerate(grid[1:], start=2):
            row = _row(path, header, number, [_cell_text(c.value) for c in cells])
            if row is None and number in problems:
                row = TableRow(number, {})
            if row is not None:
                row.problem = problems.get(number) or row.problem
                rows.append(row)
    finally:
        book.close()
    return Table(header, rows)


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
    table: str = ""  # names the input in a bug report
    resume: bool = False  # keep this row's outputs that are already there (checked valid by the parent)


# ------------------------------------------------------------------------------ writing outputs


def _write(path: Path, data: bytes, *, force: bool) -> None:
    """The project's atomic writer: never replaces a file without ``force`` (OutputError)."""
    from docgen.output import write_output

    write_output(path, data, force=force)


def valid_output(path: Path) -> bool:
    """A .docx that opens as a zip holding word/document.xml; a PDF that pypdf opens, with a page."""
    if not path.is_file():
        return False
    try:
        if path.suffix.lower() == ".docx":
            import zipfile

            with zipfile.ZipFile(path) as archive:
                return "word/document.xml" in archive.namelist()
        if path.suffix.lower() == ".pdf":
            return _valid_pdf(path.read_bytes())
    except Exception:  # any damage (BadZipFile, OSError, pypdf errors) means "not valid"
        return False
    return True


def _valid_pdf(data: bytes) -> bool:
    from pypdf import PdfReader

    try:
        return len(PdfReader(io.BytesIO(data)).pages) >= 1
    except Exception:  # pypdf raises many types for a damaged file
        return False


def _outputs(job: Job, pdf: bool) -> list[Path]:
    """Every file a row writes, in the output folder."""
    from docgen.dossier.build import output_names

    docx = [job.out_dir / f"{job.name}.docx"] if job.kind == "to-trinh" else output_names(job.out_dir, job.name)
    if not pdf:
        return docx
    merged = [job.out_dir / f"{job.name}-ho-so.pdf"] if job.kind == "dossier" else []
    return [*docx, *(p.with_suffix(".pdf") for p in docx), *merged]


def _write_row(job: Job, path: Path, data: bytes) -> None:
    if job.resume and valid_output(path):
        return
    _write(path, data, force=job.force)


# ------------------------------------------------------------------------------ one row, in a worker


def _to_trinh(job: Job) -> RowDone:
    from docgen.dossier.build import letter_date
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
    if not (job.resume and valid_output(target)):
        _write_row(job, target, render_document(to_trinh(assessment, rt), template_dir=job.templates_dir))
    # A row carries no figures by design: only the notes that are not about one chỉ tiêu.
    notes = [n.message for n in assessment.notes if n.severity == "warning" and not n.code]
    return RowDone(job.row, job.name, [target], warnings=[*rt.warnings, *notes])


def _dossier(job: Job) -> RowDone:
    from docgen.dossier.build import PARTS, dossier_documents, output_names, prepare
    from docgen.dossier.documents import words
    from docgen.dossier.merge import cover_docx

    spec_path = (job.base_dir / job.record["dac_ta"]).resolve()
    assessment, rt = prepare(spec_path)
    paths = output_names(job.out_dir, job.name)
    if not (job.resume and all(valid_output(p) for p in paths)):
        for path, data in zip(paths, dossier_documents(assessment, rt, job.templates_dir)):
            _write_row(job, path, data)
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
    """Render one row; whatever goes wrong becomes that row's RowError and the batch goes on.

    User errors get their Vietnamese message; a file system error (disk full, no permission, a
    name too long) names the file; anything else is a docgen bug: the row says so and names the
    log file holding the traceback (:mod:`docgen.boundary`).
    """
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
    except OSError as exc:  # the cover in the work folder; outputs go through docgen.output
        name = exc.filename or job.out_dir
        return RowError(job.row, "", f"không ghi được {name}: {exc.strerror or type(exc).__name__}")
    except Exception as exc:  # a docgen bug: this row fails (traceback in a log file), the batch goes on
        from docgen.boundary import handle_exception

        return RowError(job.row, "", handle_exception(exc, f"{job.table} dòng {job.row}").message)


def run_chunk(jobs: list[Job]) -> list[RowDone | RowError]:
    return [run_job(job) for job in jobs]


def _ignore_sigint() -> None:
    """Pool workers leave Ctrl-C to the parent, which stops them (no traceback from each worker)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


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
    resume: bool = False,
) -> BatchResult:
    """Render every row; ``progress(done, total)`` is called as rows finish.

    Raises InputError (nothing written) for a table that cannot be trusted or an output folder
    that cannot be written. Row problems, existing outputs (without ``force``) and docgen bugs are
    row errors. Ctrl-C stops the workers and LibreOffice, removes temporary files and returns the
    result with ``interrupted`` set: every file it lists is complete.
    """
    if kind not in KINDS:
        raise UsageError(f"loại “{kind}” không hợp lệ (chọn: {', '.join(KINDS)})")
    if force and resume:
        raise UsageError("--force (ghi đè) và --resume (giữ tệp đã có) không dùng cùng nhau")
    table_data = read_table(table)
    check_header(kind, table_data.header, table)
    _prepare_out_dir(out_dir)
    result = BatchResult(kind, len(table_data.rows))
    stray = set(out_dir.glob(_TMP_GLOB))
    with tempfile.TemporaryDirectory(prefix="docgen-batch-", ignore_cleanup_errors=True) as tmp:
        work = Path(tmp) if (pdf and kind == "dossier") else None
        pending = _plan(kind, table_data, table, out_dir, work, result, force=force, pdf=pdf, resume=resume,
                        templates_dir=templates_dir)
        # Ctrl-C in the PDF pass: render/pdf.py's convert() stops its LibreOffice and re-raises
        try:
            _render_rows(result, pending, jobs, progress)
            if pdf and result.done:
                _pdf_pass(result, out_dir, Path(tmp), force=force)
        except KeyboardInterrupt:
            result.interrupted = True
            _clean_after_interrupt(result, pending, out_dir, stray, force=force, pdf=pdf)
    result.done.sort(key=lambda d: d.row)
    return result


def _prepare_out_dir(out_dir: Path) -> None:
    from docgen.output import ensure_dir

    ensure_dir(out_dir)
    if not os.access(out_dir, os.W_OK | os.X_OK):
        raise InputError(f"{out_dir}: không có quyền ghi vào thư mục kết quả")


def _plan(
    kind: str, table_data: Table, table: Path, out_dir: Path, work: Path | None, result: BatchResult, *,
    force: bool, pdf: bool, resume: bool, templates_dir: Path | None,
) -> list[Job]:
    """The rows to render; reader problems, duplicate names and existing outputs become row errors."""
    pending: list[Job] = []
    seen: dict[str, int] = {}
    for row in table_data.rows:
        if row.problem is not None:
            result.errors.append(row.problem)
            continue
        record = row.record
        name = _name(kind, record)
        if name in seen:
            result.errors.append(RowError(row.number, "tep" if record.get("tep") else "ten", f"trùng tên tệp “{name}” với dòng {seen[name]}"))
            continue
        seen[name] = row.number
        job = Job(kind, row.number, record, name, out_dir, work, force, table.parent, templates_dir, str(table), resume)
        outputs = _outputs(job, pdf)
        existing = [p for p in outputs if p.exists() or p.is_symlink()]
        if existing and not force:
            if not resume:
                names = ", ".join(p.name for p in existing)
                result.errors.append(RowError(row.number, "tep", f"tệp đã có: {names} trong {out_dir} (không ghi đè; dùng --resume để bỏ qua dòng đã dựng, --force để ghi đè)"))
                continue
            broken = [p.name for p in existing if not valid_output(p)]
            if broken:
                result.errors.append(RowError(row.number, "tep", f"tệp đã có nhưng hỏng hoặc dở dang: {', '.join(broken)} (xóa tệp đó rồi chạy lại, hoặc dùng --force)"))
                continue
            if len(existing) == len(outputs):
                result.skipped.append(row.number)
                continue
        pending.append(job)
    return pending


def _render_rows(
    result: BatchResult, pending: list[Job], jobs: int | None, progress: Callable[[int, int], None] | None
) -> None:
    total = result.rows
    finished = total - len(pending)
    left = {job.row for job in pending}
    try:
        _run_pending(result, pending, jobs, progress, left, finished)
    finally:
        result.not_done = sorted(left)


def _run_pending(
    result: BatchResult, pending: list[Job], jobs: int | None, progress: Callable[[int, int], None] | None,
    left: set[int], finished: int,
) -> None:
    total = result.rows
    if progress:
        progress(finished, total)
    workers = jobs or os.cpu_count() or 1
    chunks = list(_chunks(pending, CHUNK))

    def collect(outcome: list[RowDone | RowError]) -> None:
        nonlocal finished
        finished += len(outcome)
        _collect(result, outcome)
        left.difference_update(item.row for item in outcome)
        if progress:
            progress(finished, total)

    if workers == 1 or len(pending) <= CHUNK:
        for chunk in chunks:
            collect(run_chunk(chunk))
        return
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_ignore_sigint)
    try:
        futures = {pool.submit(run_chunk, chunk): chunk for chunk in chunks}
        for future in as_completed(futures):
            try:
                outcome = future.result()
            except BrokenProcessPool:  # a worker died (out of memory, killed): its rows fail, others go on
                outcome = [RowError(job.row, "", "tiến trình dựng dòng này bị dừng đột ngột (thiếu bộ nhớ?)") for job in futures[future]]
            collect(outcome)
    except BaseException:
        processes = list((pool._processes or {}).values())  # no public way before Python 3.14
        for process in processes:
            process.terminate()
        pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.join(2)
        raise
    pool.shutdown()


def _name(kind: str, record: dict[str, str]) -> str:
    if record.get("tep"):
        return short_name(slug(record["tep"]))
    if kind == "dossier":
        return short_name(slug(Path(record.get("dac_ta", "")).stem))
    level = vi.LEVEL_UNITS.get(record.get("cap", "").strip().lower(), "")
    unit = record.get("loai") or level
    return short_name(slug(f"to-trinh {unit} {record.get('ten', '')} {record.get('nam_danh_gia', '')}"))


def short_name(stem: str) -> str:
    """``stem`` cut to MAX_STEM bytes at a hyphen, with a short hash of the whole so names stay unique."""
    if len(stem) <= MAX_STEM:
        return stem
    digest = hashlib.sha1(stem.encode()).hexdigest()[:_HASH]
    head = stem[:MAX_STEM - _HASH - 1]
    if "-" in head[MAX_STEM // 2:]:
        head = head[:head.rindex("-")]
    return f"{head.rstrip('-')}-{digest}"


def _collect(result: BatchResult, outcome: list[RowDone | RowError]) -> None:
    for item in outcome:
        if isinstance(item, RowError):
            result.errors.append(item)
        else:
            result.done.append(item)


def _pdf_pass(result: BatchResult, out_dir: Path, work: Path, *, force: bool) -> None:
    """Every missing PDF of the batch from one LibreOffice process per PDF_CHUNK files, then (dossier)
    one merged PDF per row. Each PDF is checked (pypdf opens it, ≥ 1 page) before it is written."""
    todo = [d for d in result.done
            if any(_wanted(p.with_suffix(".pdf"), force) for p in d.docx)
            or (d.cover and _wanted(out_dir / f"{d.name}-ho-so.pdf", force))]
    left = {d.row for d in todo}
    try:
        _convert_and_write(result, todo, out_dir, work, left, force=force)
    finally:
        result.no_pdf = sorted(left)


def _wanted(path: Path, force: bool) -> bool:
    return force or not valid_output(path)


def _convert_and_write(
    result: BatchResult, todo: list[RowDone], out_dir: Path, work: Path, left: set[int], *, force: bool
) -> None:
    from docgen.dossier.build import PARTS
    from docgen.dossier.merge import merge_dossier
    from docgen.render.pdf import INSTALL_HINT, SofficeMissing, convert

    # A resumed row converts its kept .docx again when the merged PDF is missing: the merge needs them.
    sources = [p for d in todo for p in ([d.cover] if d.cover else []) + d.docx]
    produced: list[Path] = []
    try:
        for run in _chunks(sources, PDF_CHUNK):
            produced += convert(run, work / "pdf")
    except SofficeMissing:
        result.pdf_error = (
            f"đã ghi {len(result.outputs())} tệp .docx nhưng chưa có PDF: không tìm thấy LibreOffice (soffice). "
            f"{INSTALL_HINT} Sau đó chạy lại đúng lệnh này, thêm --resume: các tệp .docx đã ghi được giữ nguyên "
            "và chỉ PDF còn thiếu được tạo (hoặc dùng --no-pdf --resume nếu chỉ cần .docx)."
        )
        return
    except DocgenError as exc:
        result.pdf_error = f"{exc} Các tệp .docx đã ghi được giữ nguyên; chạy lại lệnh với --resume để tạo PDF còn thiếu."
        return
    by_stem = {p.stem: p for p in produced}
    for done in todo:
        try:
            pdfs = [by_stem[p.stem] for p in done.docx]
            for source, pdf_path in zip(done.docx, pdfs):
                target = out_dir / f"{source.stem}.pdf"
                if _wanted(target, force):
                    _write_pdf(target, pdf_path.read_bytes(), force=force)
                result.pdf.append(target)
            if done.cover is not None:
                merged = out_dir / f"{done.name}-ho-so.pdf"
                if _wanted(merged, force):
                    parts = list(zip([n for _, n in PARTS], pdfs))
                    _write_pdf(merged, merge_dossier(by_stem[done.cover.stem], parts), force=force)
                result.merged.append(merged)
        except _RowProblem as exc:
            result.errors.append(RowError(done.row, exc.column, exc.reason))
        except DocgenError as exc:  # OutputError: the PDF exists, disk full…
            result.errors.append(RowError(done.row, "", one_line(str(exc))))
        left.discard(done.row)


def _write_pdf(target: Path, data: bytes, *, force: bool) -> None:
    if not _valid_pdf(data):
        raise _RowProblem("", f"LibreOffice tạo ra {target.name} hỏng (pypdf không mở được hoặc không có trang nào); chưa ghi")
    _write(target, data, force=force)


# ------------------------------------------------------------------------------ Ctrl-C


def _clean_after_interrupt(
    result: BatchResult, pending: list[Job], out_dir: Path, stray: set[Path], *, force: bool, pdf: bool
) -> None:
    """After Ctrl-C (workers stopped): remove the temporary files a stopped worker left in the output
    folder (those that were not there before the batch) and every output of a row that did not
    finish (without --force these files did not exist before the batch: the parent checked)."""
    for tmp in set(out_dir.glob(_TMP_GLOB)) - stray:
        tmp.unlink(missing_ok=True)
    if force:
        return
    unfinished = set(result.not_done)
    for job in pending:
        if job.row in unfinished and not job.resume:
            for path in _outputs(job, pdf):
                path.unlink(missing_ok=True)
