"""`docgen batch`: one output per good row, bad rows reported by number and column."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from docgen.dossier.batch import run_batch

SpecWriter = Callable[..., Path]
HEADER = ["cap", "ten", "cap_tren", "nam_danh_gia", "muc_do", "ngay", "chuc_vu", "ho_ten", "luu"]


def commune_rows(n: int) -> list[list[str]]:
    return [
        ["xa", f"Xã Số {i}", "huyện Mường Tè; tỉnh Lai Châu", "2024", "1", "20/01/2025", "PHÓ CHỦ TỊCH", f"Người Ký {i}", "VT, VHXH"]
        for i in range(1, n + 1)
    ]


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


def test_500_rows_with_two_bad_ones(tmp_path: Path) -> None:
    rows = commune_rows(500)
    rows[56][4] = "3"  # spreadsheet row 58: no mức độ 3
    rows[299][5] = "31/02/2025"  # spreadsheet row 301: no such day
    table = write_csv(tmp_path / "communes.csv", rows)
    seen: list[tuple[int, int]] = []
    result = run_batch("to-trinh", table, tmp_path / "out", pdf=False, jobs=2, progress=lambda d, t: seen.append((d, t)))
    assert [(e.row, e.column) for e in sorted(result.errors, key=lambda e: e.row)] == [(58, "muc_do"), (301, "ngay")]
    assert "31/02/2025" in next(e.reason for e in result.errors if e.row == 301)
    outputs = sorted((tmp_path / "out").glob("*.docx"))
    assert len(outputs) == 498 == len(result.outputs())
    assert seen[-1] == (500, 500)
    assert "498 Tờ trình" in result.lines()[-1] and "2 dòng lỗi" in result.lines()[-1]
    assert result.failed


def test_existing_outputs_are_row_errors_without_force(tmp_path: Path) -> None:
    table = write_csv(tmp_path / "t.csv", commune_rows(3))
    first = run_batch("to-trinh", table, tmp_path / "out", pdf=False, jobs=1)
    assert not first.failed and len(first.outputs()) == 3
    again = run_batch("to-trinh", table, tmp_path / "out", pdf=False, jobs=1)
    assert sorted(e.row for e in again.errors) == [2, 3, 4] and all("--force" in e.reason for e in again.errors)
    forced = run_batch("to-trinh", table, tmp_path / "out", pdf=False, jobs=1, force=True)
    assert not forced.failed


def test_level_2_too_soon_and_duplicate_names(tmp_path: Path) -> None:
    header = [*HEADER, "muc_do_truoc", "ngay_quyet_dinh_truoc"]
    rows = [
        ["xa", "Tân Lập", "tỉnh Lai Châu", "2025", "2", "20/01/2026", "CHỦ TỊCH", "A", "VT", "1", "10/06/2025"],
        ["xa", "Tân Lập", "tỉnh Lai Châu", "2025", "1", "20/01/2026", "CHỦ TỊCH", "B", "VT", "", ""],
    ]
    table = tmp_path / "t.csv"
    with table.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([header, *rows])
    result = run_batch("to-trinh", table, tmp_path / "out", pdf=False, jobs=1)
    errors = {e.row: e for e in result.errors}
    assert errors[2].column == "ngay" and "12 tháng" in errors[2].reason
    assert errors[3].column == "ten" and "dòng 2" in errors[3].reason


def test_xlsx_table_and_dossier_rows(write_spec: SpecWriter, xa: dict[str, Any], tmp_path: Path) -> None:
    spec = write_spec(xa, "xa-tan-lap")
    book = Workbook()
    sheet = book.active
    sheet.append(["dac_ta", "tep"])
    sheet.append([spec.name, "ho-so-tan-lap"])
    sheet.append(["khong-co.yaml", None])
    table = spec.parent / "hoso.xlsx"
    book.save(table)
    result = run_batch("dossier", table, tmp_path / "out", pdf=False, jobs=1)
    assert [p.name for p in result.outputs()] == [
        "ho-so-tan-lap-1-to-trinh.docx", "ho-so-tan-lap-2-bao-cao-tu-danh-gia.docx", "ho-so-tan-lap-3-ban-tong-hop.docx",
    ]
    assert [(e.row, e.column) for e in result.errors] == [(3, "dac_ta")]
    assert "không tìm thấy" in result.errors[0].reason
