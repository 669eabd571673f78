"""`docgen batch` on hostile tables and interrupted runs (issue 9): strict reading, one bad row,
long names, no overwrite, --resume, no LibreOffice, Ctrl-C.

Exit codes (docs/dossier.md): 0 every row written; 1 some row (or the PDF pass) failed; 2 the
table or the output folder cannot be used, nothing written; 130 stopped by Ctrl-C.
"""

from __future__ import annotations

import csv
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from docgen.dossier import batch as batch_module
from docgen.dossier.batch import MAX_STEM, read_table, run_batch, valid_output
from docgen.errors import InputError

HEADER = ["cap", "ten", "cap_tren", "nam_danh_gia", "muc_do", "ngay", "chuc_vu", "ho_ten", "luu"]
ROOT = Path(__file__).resolve().parents[2]


def row(i: int, name: str | None = None) -> list[str]:
    return ["xa", name or f"Xã Số {i}", "tỉnh Lai Châu", "2024", "1", "20/01/2025", "CHỦ TỊCH", f"Người Ký {i}", "VT, VHXH"]


def write_csv(path: Path, rows: list[list[str]], header: list[str] = HEADER) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def docgen(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The real command line, as a user runs it (exit code, stdout, stderr)."""
    env = {**os.environ, "XDG_STATE_HOME": str(cwd / "state"), "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-c", "from docgen.cli import main; main()", *args],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=300,
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())} if folder.exists() else {}


# ------------------------------------------------------------------------------ strict reading


@pytest.mark.parametrize("rows", [5, 40, 10_000])
def test_unclosed_quote_refuses_the_table(tmp_path: Path, rows: int) -> None:
    lines = [",".join(HEADER)] + [",".join(row(i)[:3] + ["2024", "1", "20/01/2025", "CHỦ TỊCH", "A", "VT"]) for i in range(1, rows + 1)]
    lines[3] = lines[3].replace("Xã Số 3", '"Xã Số 3')  # spreadsheet row 4: the quote is never closed
    table = tmp_path / "t.csv"
    table.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run = docgen("batch", "to-trinh", str(table), "-o", "out", "--no-pdf", cwd=tmp_path)
    assert run.returncode == 2, run.stdout + run.stderr
    assert "Traceback" not in run.stderr
    assert "dòng 4" in run.stderr and "ngoặc kép" in run.stderr
    assert snapshot(tmp_path / "out") == {}


def test_unclosed_quote_closed_rows_later_is_refused(tmp_path: Path) -> None:
    lines = [",".join(HEADER)] + [",".join(row(i)).replace("VT, VHXH", "VT") for i in range(1, 8)]
    lines[2] = lines[2].replace("Xã Số 2", '"Xã Số 2')
    lines[6] = lines[6].replace("Người Ký 6", 'Người Ký 6"')  # a stray quote closes it four rows later
    table = tmp_path / "t.csv"
    table.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"dòng 3, cột B \(ten\)"):
        run_batch("to-trinh", table, tmp_path / "out", pdf=False, jobs=1)
    assert not (tmp_path / "out").exists()


def test_a_quote_closed_later_on_the_same_line_is_that_rows_error(tmp_path: Path) -> None:
    """Issue 9: ``"Xã Số 2,tỉnh Lai Châu"`` joins two cells; it was reported as a missing value."""
    lines = [",".join(HEADER)] + [",".join(row(i)).replace("VT, VHXH", "VT") for i in range(1, 4)]
    lines[2] = lines[2].replace("Xã Số 2,tỉnh Lai Châu", '"Xã Số 2,tỉnh Lai Châu"')
    table = tmp_path / "t.csv"
    table.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_batch("to-trinh", table, tmp_path / "out", pdf=False, jobs=1)
    assert [(e.row, e.column) for e in result.errors] == [(3, "B")]
    assert "ngoặc kép" in result.errors[0].reason and "8 ô thay vì 9" in result.errors[0].reason
    assert len(result.done) == 2 and result.exit_code == 1


def test_a_quoted_cell_holding_a_comma_in_a_full_row_is_read(tmp_path: Path) -> None:
    rows = [row(1), row(2, "Xã Tân Lập, huyện Phong Thổ"), row(3)]
    table = read_table(write_csv(tmp_path / "t.csv", rows))
    assert [r.problem for r in table.rows] == [None, None, None]
    assert table.rows[1].record["ten"] == "Xã Tân Lập, huyện Phong Thổ"


def test_a_cell_on_two_lines_is_that_rows_error(tmp_path: Path) -> None:
    rows = [row(1), row(2, "Tân\nLập"), row(3)]
    table = write_csv(tmp_path / "t.csv", rows)
    result = run_batch("to-trinh", table, tmp_path / "out", pdf=False, jobs=1)
    assert [(e.row, e.column) for e in result.errors] == [(3, "B")]
    assert len(result.done) == 2 and result.exit_code == 1


@pytest.mark.parametrize("header, message", [
    ([*HEADER, "ten"], r"cột “ten” lặp lại \(cột B và cột J\)"),
    (["cap", "", *HEADER[1:]], r"dòng 1, cột B: tiêu đề cột trống"),
])
def test_bad_csv_header_refuses_the_table(tmp_path: Path, header: list[str], message: str) -> None:
    table = write_csv(tmp_path / "t.csv", [[*row(1), "x"]], header)
    with pytest.raises(InputError, match=message):
        run_batch("to-trinh", table, tmp_path / "out", pdf=False, jobs=1)
    assert not (tmp_path / "out").exists()


def test_more_cells_than_headers_is_that_rows_error(tmp_path: Path) -> None:
    table = write_csv(tmp_path / "t.csv", [row(1), [*row(2), "thừa"], [*row(3), ""]])
    result = run_batch("to-trinh", table, tmp_path / "out", pdf=False, jobs=1)
    assert [(e.row, e.column) for e in result.errors] == [(3, "J")]
    assert "nhiều hơn số cột tiêu đề" in result.errors[0].reason
    assert sorted(d.row for d in result.done) == [2, 4]


def xlsx(path: Path, rows: Sequence[Sequence[object]], header: list[str] = HEADER) -> Workbook:
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for cells in rows:
        sheet.append(cells)
    return book


def test_xlsx_duplicate_header_refuses_the_table(tmp_path: Path) -> None:
    table = tmp_path / "t.xlsx"
    xlsx(table, [[*row(1), "Khác"]], [*HEADER, "ten"]).save(table)
    run = docgen("batch", "to-trinh", str(table), "-o", "out", "--no-pdf", cwd=tmp_path)
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert "“ten” lặp lại (cột B và cột J)" in run.stderr
    assert snapshot(tmp_path / "out") == {}


def test_xlsx_merged_and_formula_cells_are_row_errors(tmp_path: Path) -> None:
    table = tmp_path / "t.xlsx"
    book = xlsx(table, [row(i) for i in range(1, 6)])
    sheet = book.active
    sheet.merge_cells("D3:D4")  # rows 3-4 share one nam_danh_gia: row 4 would read it as empty
    sheet["E6"] = "=1+0"  # a formula: the value Excel shows is not in the file docgen reads
    book.save(table)
    result = run_batch("to-trinh", table, tmp_path / "out", pdf=False, jobs=1)
    errors = {e.row: e for e in result.errors}
    assert sorted(errors) == [3, 4, 6]
    assert errors[3].column == "D" and "ô gộp D3:D4" in errors[3].reason
    assert errors[6].column == "E" and "công thức" in errors[6].reason and "=1+0" in errors[6].reason
    assert [d.row for d in result.done] == [2, 5]


def test_xlsx_merged_header_refuses_the_table(tmp_path: Path) -> None:
    table = tmp_path / "t.xlsx"
    book = xlsx(table, [row(1)])
    book.active.merge_cells("A1:B1")
    book.save(table)
    with pytest.raises(InputError, match="dòng 1, cột A.*ô gộp A1:B1"):
        run_batch("to-trinh", table, tmp_path / "out", pdf=False, jobs=1)


# Cells a clerk's table may hold: quotes, delimiters, line breaks, Vietnamese, control characters.
CELL = st.text(alphabet=st.sampled_from(list('ab ,;"\n\r\tđẠ\x00\x0b=')), max_size=12)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(CELL, min_size=1, max_size=5), min_size=1, max_size=6), st.booleans())
def test_any_csv_is_read_or_refused_with_a_message(tmp_path: Path, rows: list[list[str]], raw: bool) -> None:
    """Written by csv (well-formed) or joined by hand (quotes left open): a Table or an InputError."""
    table = tmp_path / "fuzz.csv"
    if raw:
        table.write_text("\n".join(",".join(cells) for cells in rows), encoding="utf-8")
    else:
        with table.open("w", encoding="utf-8", newline="") as fh:
            csv.writer(fh).writerows(rows)
    try:
        read = read_table(table)
    except InputError as exc:
        assert str(exc).startswith(str(table))
        return
    width = len(read.header)
    for row in read.rows:
        assert row.number >= 2 and set(row.record) <= set(read.header)
        assert row.problem is not None or all("\n" not in v for v in row.record.values()) or width == 1


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(st.one_of(st.none(), st.integers(-5, 5), CELL), min_size=1, max_size=4), min_size=1, max_size=5),
       st.lists(st.tuples(st.integers(1, 5), st.integers(1, 4)), max_size=2))
def test_any_xlsx_is_read_or_refused_with_a_message(tmp_path: Path, rows: list[list[object]], formulas: list[tuple[int, int]]) -> None:
    table = tmp_path / "fuzz.xlsx"
    book = Workbook()
    sheet = book.active
    for cells in rows:
        sheet.append([c.replace("\x00", "").replace("\x0b", "") if isinstance(c, str) else c for c in cells])
    for r, c in formulas:
        sheet.cell(row=r, column=c, value="=1+1")
    book.save(table)
    try:
        read = read_table(table)
    except InputError as exc:
        assert str(exc).startswith(str(table))
        return
    formula_rows = {r for r, _ in formulas if r >= 2}
    for row in read.rows:
        if row.number in formula_rows:
            assert row.problem is not None and "công thức" in row.problem.reason


def test_output_folder_that_is_a_file_is_refused(tmp_path: Path) -> None:
    table = write_csv(tmp_path / "t.csv", [row(1)])
    (tmp_path / "out").write_bytes(b"not a folder")
    run = docgen("batch", "to-trinh", str(table), "-o", "out", "--no-pdf", cwd=tmp_path)
    assert run.returncode == 2 and "Traceback" not in run.stderr and "không phải thư mục" in run.stderr
    assert (tmp_path / "out").read_bytes() == b"not a folder"


# ------------------------------------------------------------------------------ rows


def test_one_bad_row_is_its_error_and_the_batch_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    real = batch_module.row_spec_data

    def buggy(record: dict[str, str]) -> dict[str, object]:
        if record["ten"] == "Xã Số 2":
            raise ZeroDivisionError("division by zero")  # stands for any docgen bug
        return real(record)

    monkeypatch.setattr(batch_module, "row_spec_data", buggy)
    table = write_csv(tmp_path / "t.csv", [row(1), row(2), row(3)])
    result = run_batch("to-trinh", table, tmp_path / "out", pdf=False, jobs=1)
    assert [e.row for e in result.errors] == [3]
    assert "lỗi nội bộ" in result.errors[0].reason and "ZeroDivisionError" in result.errors[0].reason
    assert len(list((tmp_path / "state" / "docgen").glob("*.log"))) == 1
    assert [d.row for d in result.done] == [2, 4] and result.exit_code == 1
    assert "1 dòng lỗi" in result.lines()[-1]


def test_a_name_too_long_for_the_file_system_is_shortened(tmp_path: Path) -> None:
    long = "Tân Lập " * 60  # 480 characters: over 255 bytes as a file name
    table = write_csv(tmp_path / "t.csv", [row(1, long + "Một"), row(2, long + "Hai"), row(3)])
    run = docgen("batch", "to-trinh", str(table), "-o", "out", "--no-pdf", cwd=tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert len(names) == 3 and all(len(n.encode()) <= MAX_STEM + len(".docx") for n in names)
    assert sum(n.startswith("to-trinh-xa-tan-lap-tan-lap") for n in names) == 2


def test_an_existing_pdf_is_never_overwritten(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "to-trinh-xa-xa-so-1-2024.pdf").write_bytes(b"%PDF- the clerk's signed copy")
    before = snapshot(out)
    table = write_csv(tmp_path / "t.csv", [row(1)])
    run = docgen("batch", "to-trinh", str(table), "-o", "out", cwd=tmp_path)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "lỗi dòng 2, cột tep: tệp đã có: to-trinh-xa-xa-so-1-2024.pdf" in run.stdout
    assert snapshot(out) == before  # neither the PDF replaced nor a .docx written beside it


# ------------------------------------------------------------------------------ --resume, no LibreOffice


def test_resume_skips_valid_outputs_and_redoes_missing_ones(tmp_path: Path) -> None:
    table = write_csv(tmp_path / "t.csv", [row(i) for i in range(1, 5)])
    out = tmp_path / "out"
    first = run_batch("to-trinh", table, out, pdf=False, jobs=1)
    assert first.exit_code == 0
    again = run_batch("to-trinh", table, out, pdf=False, jobs=1)
    assert sorted(e.row for e in again.errors) == [2, 3, 4, 5]  # without --resume: existing files are refused
    kept = out / "to-trinh-xa-xa-so-1-2024.docx"
    kept_bytes = kept.read_bytes()
    (out / "to-trinh-xa-xa-so-2-2024.docx").unlink()
    (out / "to-trinh-xa-xa-so-3-2024.docx").write_bytes(b"half a file")  # e.g. copied from a full disk
    resumed = run_batch("to-trinh", table, out, pdf=False, jobs=1, resume=True)
    assert sorted(resumed.skipped) == [2, 5]
    assert [d.row for d in resumed.done] == [3]
    assert [(e.row, e.column) for e in resumed.errors] == [(4, "tep")] and "hỏng" in resumed.errors[0].reason
    assert kept.read_bytes() == kept_bytes
    assert (out / "to-trinh-xa-xa-so-3-2024.docx").read_bytes() == b"half a file"
    assert valid_output(out / "to-trinh-xa-xa-so-2-2024.docx")
    assert "2 dòng đã có đủ tệp, bỏ qua (--resume)" in resumed.lines()[-1]


def test_no_libreoffice_keeps_the_docx_and_resume_finishes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("docgen.render.pdf.find_soffice", lambda: None)
    table = write_csv(tmp_path / "t.csv", [row(1), row(2)])
    out = tmp_path / "out"
    result = run_batch("to-trinh", table, out, pdf=True, jobs=1)
    assert result.exit_code == 1 and result.pdf_error is not None
    assert "đã ghi 2 tệp .docx" in result.pdf_error and "--resume" in result.pdf_error
    assert sorted(p.suffix for p in out.iterdir()) == [".docx", ".docx"]
    docx_only = run_batch("to-trinh", table, out, pdf=False, jobs=1, resume=True)
    assert docx_only.exit_code == 0 and sorted(docx_only.skipped) == [2, 3]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_resume_adds_the_missing_pdfs(tmp_path: Path) -> None:
    table = write_csv(tmp_path / "t.csv", [row(1)])
    out = tmp_path / "out"
    run_batch("to-trinh", table, out, pdf=False, jobs=1)
    docx = out / "to-trinh-xa-xa-so-1-2024.docx"
    before = docx.read_bytes()
    resumed = run_batch("to-trinh", table, out, pdf=True, jobs=1, resume=True)
    assert resumed.exit_code == 0, resumed.lines()
    assert valid_output(out / "to-trinh-xa-xa-so-1-2024.pdf") and docx.read_bytes() == before


def test_resume_finishes_a_dossier_row_left_half_done(write_spec: Callable[..., Path], xa: dict[str, Any], tmp_path: Path) -> None:
    spec = write_spec(xa, "xa-tan-lap")
    table = write_csv(spec.parent / "hoso.csv", [[spec.name, "hs"]], ["dac_ta", "tep"])
    out = tmp_path / "out"
    assert run_batch("dossier", table, out, pdf=False, jobs=1).exit_code == 0
    report = out / "hs-2-bao-cao-tu-danh-gia.docx"
    report.unlink()  # as if stopped after the first of the three documents
    kept = snapshot(out)
    resumed = run_batch("dossier", table, out, pdf=False, jobs=1, resume=True)
    assert resumed.exit_code == 0 and [d.row for d in resumed.done] == [2]
    assert valid_output(report) and {k: v for k, v in snapshot(out).items() if k in kept} == kept


# ------------------------------------------------------------------------------ Ctrl-C


def test_ctrl_c_stops_quickly_and_lists_what_was_written(tmp_path: Path) -> None:
    table = write_csv(tmp_path / "t.csv", [row(i) for i in range(1, 121)])
    out = tmp_path / "out"
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path / "state"), "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-c", "from docgen.cli import main; main()", "batch", "to-trinh", str(table), "-o", str(out), "--no-pdf", "-j", "2"],
        cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    deadline = time.monotonic() + 120
    while not list(out.glob("*.docx")) and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    assert process.poll() is None, "the batch ended before it could be interrupted"
    process.send_signal(signal.SIGINT)
    sent = time.monotonic()
    stdout, stderr = process.communicate(timeout=30)
    assert time.monotonic() - sent < 5
    assert process.returncode == 130, stdout + stderr
    assert "Traceback" not in stderr
    assert "Đã dừng (Ctrl-C)" in stdout and "--resume" in stdout
    written = sorted(out.glob("*.docx"))
    summary = stdout.strip().splitlines()[-1]
    assert f"{len(written)} Tờ trình đã dựng" in summary and "dòng chưa dựng" in summary
    assert not list(out.glob(".docgen-*")) and all(valid_output(p) for p in written)
    resumed = docgen("batch", "to-trinh", str(table), "-o", str(out), "--no-pdf", "--resume", cwd=tmp_path)
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    assert len(list(out.glob("*.docx"))) == 120


def _processes() -> list[tuple[int, int, int, str]]:
    """(pid, parent, group, state) of every process."""
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2:].split()
            out.append((int(entry.name), int(fields[1]), int(fields[2]), fields[0]))
    return out


@pytest.mark.skipif(not Path("/proc").is_dir() or shutil.which("soffice") is None, reason="needs Linux (/proc) and LibreOffice")
def test_ctrl_c_in_the_pdf_pass_stops_libreoffice(tmp_path: Path) -> None:
    table = write_csv(tmp_path / "t.csv", [row(i) for i in range(1, 31)])
    out = tmp_path / "out"
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path / "state"), "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-c", "from docgen.cli import main; main()", "batch", "to-trinh", str(table), "-o", str(out), "-j", "1"],
        cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    deadline = time.monotonic() + 120
    soffice: list[int] = []
    while not soffice and time.monotonic() < deadline and process.poll() is None:
        soffice = [pid for pid, parent, group, _ in _processes() if parent == process.pid and group == pid]
        time.sleep(0.05)
    assert soffice, "LibreOffice was not started"
    time.sleep(1)  # let it start converting
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=30)
    assert process.returncode == 130 and "Traceback" not in stderr, stdout + stderr
    assert "Chưa có PDF cho" in stdout
    time.sleep(0.5)
    alive = [(pid, state) for pid, _, group, state in _processes() if group == soffice[0] and state != "Z"]
    assert alive == []
    assert all(valid_output(p) for p in out.iterdir()) and not list(out.glob(".docgen-*"))
    resumed = docgen("batch", "to-trinh", str(table), "-o", str(out), "--resume", cwd=tmp_path)
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    assert len(list(out.glob("*.pdf"))) == 30
