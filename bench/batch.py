"""CPU per Tờ trình in `docgen batch to-trinh`, .docx only and with PDF, against its floor.

    .venv/bin/python bench/batch.py [--rows 3321] [--jobs N] [--no-pdf]

3,321 is the number of communes after the 2025 reform (one Tờ trình each). The script writes a
CSV of N communes, then, in the same run (the machine is shared and noisy: read the ratios):

1. the floor: plain docxtpl filling ``docgen/templates/to-trinh.docx`` with one fixed context, a
   DocxTemplate per document but its Jinja template compiled once (not per document), in this
   process: CPU per document;
2. `docgen batch --no-pdf`: every row parsed, assessed, routed, rendered, written (process pool);
3. `docgen batch` with PDF: the same, plus LibreOffice.

CPU is this process's and its children's (pool workers, soffice) user + system time, divided by
the rows. Issue 10's table: CPU per Tờ trình ≤ 25 ms without PDF, ≤ 100 ms with PDF.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

import jinja2

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
    on = spec.date
    assert on is not None
    doc = to_trinh(assess(spec, on), route("xa", 1, 2025, on))
    return template_path(Kind.TO_TRINH), build_context(doc).values


class CompiledOnce(jinja2.Environment):
    """What a plain docxtpl user writes for a loop: an autoescaping, strict environment that
    compiles each template source once (docxtpl calls from_string at every render)."""

    def __init__(self) -> None:
        super().__init__(autoescape=True, undefined=jinja2.StrictUndefined)
        self.compiled: dict[str, jinja2.Template] = {}

    def from_string(self, source, globals=None, template_class=None):  # type: ignore[no-untyped-def, override]
        if source not in self.compiled:
            self.compiled[source] = super().from_string(source, globals, template_class)
        return self.compiled[source]


def plain_docxtpl(template: bytes, values: dict[str, object], env: jinja2.Environment) -> bytes:
    tpl = DocxTemplate(io.BytesIO(template))
    tpl.render(values, jinja_env=env, autoescape=True)
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()


def cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def floor_cpu(rows: int, out: Path) -> float:
    """CPU seconds per document of the floor, writing each file as the batch does."""
    template, values = plain_context()
    data = template.read_bytes()
    env = CompiledOnce()
    plain_docxtpl(data, values, env)  # compile once, outside the measure
    out.mkdir(parents=True, exist_ok=True)
    start = cpu()
    for i in range(rows):
        (out / f"{i}.docx").write_bytes(plain_docxtpl(data, values, env))
    return (cpu() - start) / rows


def timed_batch(table: Path, out: Path, pdf: bool, jobs: int | None) -> tuple[float, float, int]:
    """(CPU seconds per row, wall seconds, .docx written) of one `docgen batch to-trinh`."""
    start, wall = cpu(), time.perf_counter()
    result = run_batch("to-trinh", table, out, pdf=pdf, jobs=jobs, force=True)
    elapsed = time.perf_counter() - wall
    if result.errors or result.pdf_error:
        raise SystemExit(f"batch failed: {result.lines()}")
    return (cpu() - start) / result.rows, elapsed, len(result.outputs())


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
        floor = floor_cpu(min(args.rows, 300), work / "plain")
        docx_cpu, docx_wall, _ = timed_batch(table, work / "docx", pdf=False, jobs=args.jobs)
        print(f"rows: {args.rows}; workers: {args.jobs or os.cpu_count()}; CPU = user + system of this process and its children")
        print(f"floor, plain docxtpl compiled once (1 process): {floor * 1000:6.1f} ms CPU/document")
        print(f"docgen batch --no-pdf:                         {docx_cpu * 1000:6.1f} ms CPU/Tờ trình  "
              f"({docx_wall:.1f} s wall)  ratio to floor {docx_cpu / floor:.2f}  (aim ≤ 25 ms)")
        if not args.no_pdf:
            pdf_cpu, pdf_wall, _ = timed_batch(table, work / "pdf", pdf=True, jobs=args.jobs)
            print(f"docgen batch with PDF:                         {pdf_cpu * 1000:6.1f} ms CPU/Tờ trình  "
                  f"({pdf_wall:.1f} s wall, {pdf_wall / args.rows * 1000:.0f} ms wall/Tờ trình)  "
                  f"ratio to floor {pdf_cpu / floor:.2f}  (aim ≤ 100 ms; 3,321 in < 5 min)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
