"""Batch throughput of `docgen batch to-trinh` against a plain docxtpl render of the same template.

    .venv/bin/python bench/batch.py [--rows 3321] [--jobs N] [--no-pdf]

3,321 is the number of communes after the 2025 reform (one Tờ trình each). The script writes a
CSV of N communes, then, in the same run:

1. plain docxtpl: one fixed context rendered N times into ``to-trinh.docx``, in this process;
2. docgen batch, .docx only: every row parsed, assessed, routed, rendered (process pool);
3. docgen batch with PDF: the same, plus one LibreOffice process for the whole batch.

It prints documents per second and the ratio batch / plain. Figures vary with the machine and
its load: read them side by side, never as absolutes.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from docxtpl import DocxTemplate  # noqa: E402

from docgen.dossier.batch import run_batch  # noqa: E402

HEADER = ["cap", "ten", "cap_tren", "nam_danh_gia", "muc_do", "ngay", "chuc_vu", "ho_ten", "luu"]


def write_table(path: Path, rows: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        for i in range(1, rows + 1):
            writer.writerow(["xa", f"Xã Số {i}", "tỉnh Lai Châu", "2025", "1", "20/01/2026", "PHÓ CHỦ TỊCH", f"Người Ký {i}", "VT, VHXH"])


def plain_context() -> tuple[Path, dict[str, object]]:
    """The to-trinh template and one context, built once by docgen (not timed)."""
    import datetime as dt

    from docgen.dossier.batch import row_spec_data
    from docgen.dossier.documents import to_trinh
    from docgen.dossier.engine import assess
    from docgen.dossier.route import route
    from docgen.dossier.spec import SelfAssessment
    from docgen.render.context import build_context
    from docgen.render.docx import template_path
    from docgen.spec.models import Kind

    record = dict(zip(HEADER, ["xa", "Xã Số 1", "tỉnh Lai Châu", "2025", "1", "20/01/2026", "PHÓ CHỦ TỊCH", "Người Ký 1", "VT, VHXH"]))
    spec = SelfAssessment.model_validate(row_spec_data(record))
    on = spec.date or dt.date.today()
    assessment = assess(spec, on)
    doc = to_trinh(assessment, route("xa", 1, 2025, on))
    return template_path(Kind.TO_TRINH), build_context(doc).values


def plain_docxtpl(rows: int, out: Path) -> float:
    template, values = plain_context()
    out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    for i in range(rows):
        tpl = DocxTemplate(str(template))
        tpl.render(values, autoescape=True)
        buffer = io.BytesIO()
        tpl.save(buffer)
        (out / f"{i}.docx").write_bytes(buffer.getvalue())
    return time.perf_counter() - start


def timed_batch(table: Path, out: Path, pdf: bool, jobs: int | None) -> tuple[float, int]:
    start = time.perf_counter()
    result = run_batch("to-trinh", table, out, pdf=pdf, jobs=jobs, force=True)
    elapsed = time.perf_counter() - start
    if result.errors or result.pdf_error:
        raise SystemExit(f"batch failed: {result.lines()}")
    return elapsed, len(result.outputs())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rows", type=int, default=3321, help="number of rows (default 3,321)")
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: cores)")
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDF run")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="docgen-bench-") as tmp:
        work = Path(tmp)
        table = work / "communes.csv"
        write_table(table, args.rows)
        plain = plain_docxtpl(args.rows, work / "plain")
        docx_time, docx_count = timed_batch(table, work / "docx", pdf=False, jobs=args.jobs)
        plain_rate = args.rows / plain
        docx_rate = docx_count / docx_time
        cores = args.jobs or os.cpu_count()
        print(f"rows: {args.rows}; workers: {cores}")
        print(f"plain docxtpl (1 process):  {plain_rate:8.1f} docs/s  ({plain:.1f} s)")
        print(f"docgen batch .docx:         {docx_rate:8.1f} docs/s  ({docx_time:.1f} s)  ratio batch/plain = {docx_rate / plain_rate:.2f}")
        if not args.no_pdf:
            pdf_time, pdf_count = timed_batch(table, work / "pdf", pdf=True, jobs=args.jobs)
            pdf_rate = pdf_count / pdf_time
            print(f"docgen batch .docx + PDF:   {pdf_rate:8.1f} docs/s  ({pdf_time:.1f} s)  ratio batch/plain = {pdf_rate / plain_rate:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
