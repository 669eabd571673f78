"""Rendering speed. Prints figures; not a test.

    .venv/bin/python bench/render.py [--docs 40] [--pdf 6]

1. Documents per second: ``render_document`` (context, docxtpl, real footnotes, rules) against a
   plain docxtpl render of the same template with the same, pre-built context (no footnote or
   rule post-processing), in the same run; the ratio should be ≥ 0.9.
2. PDF seconds per document: N files in one LibreOffice process against one process per file.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import jinja2
from docxtpl import DocxTemplate

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from docgen.render import pdf  # noqa: E402
from docgen.render.context import build_context  # noqa: E402
from docgen.render.docx import render_document, template_bytes, template_path  # noqa: E402
from docgen.spec.loader import load_spec  # noqa: E402


def plain_docxtpl(template: bytes, values: dict[str, object]) -> bytes:
    tpl = DocxTemplate(io.BytesIO(template))
    # what a plain docxtpl user writes: a fresh autoescaping, strict environment
    tpl.render(values, jinja_env=jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined), autoescape=True)
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()


def timings(fn: Callable[[], object], count: int) -> list[float]:
    out = []
    for _ in range(count):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", type=Path, default=ROOT / "plans" / "cao-bang.yaml")
    parser.add_argument("--docs", type=int, default=40, help="renders per measurement")
    parser.add_argument("--pdf", type=int, default=6, help="documents for the PDF comparison (0: skip)")
    args = parser.parse_args()

    doc = load_spec(args.spec)
    template = template_bytes(template_path(doc.kind))
    values = build_context(doc).values
    render_document(doc)  # warm caches (registry, template bytes)
    plain_docxtpl(template, values)
    ours: list[float] = []
    plain: list[float] = []
    for _ in range(args.docs):  # interleaved, so both see the same machine load
        ours += timings(lambda: render_document(doc), 1)
        plain += timings(lambda: plain_docxtpl(template, values), 1)
    med_ours, med_plain = statistics.median(ours), statistics.median(plain)
    print(f"spec: {args.spec.name} ({len(values['blocks'])} khối nội dung), {args.docs} lần mỗi cách, trung vị")
    print(f"render_document : {1 / med_ours:7.1f} văn bản/giây (nhanh nhất {1 / min(ours):.1f})")
    print(f"docxtpl thuần   : {1 / med_plain:7.1f} văn bản/giây (nhanh nhất {1 / min(plain):.1f})")
    print(f"tỷ lệ           : {med_plain / med_ours:7.2f} theo trung vị, {min(plain) / min(ours):.2f} theo lần nhanh nhất (mục tiêu ≥ 0.9)")

    if args.pdf <= 0:
        return 0
    if pdf.find_soffice() is None:
        print("bỏ qua PDF: không có LibreOffice")
        return 0
    data = render_document(doc)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        files = []
        for i in range(args.pdf):
            path = root / f"vb-{i:02d}.docx"
            path.write_bytes(data)
            files.append(path)
        start = time.perf_counter()
        pdf.convert(files, root / "one")
        one = time.perf_counter() - start
        start = time.perf_counter()
        for path in files:
            pdf.convert([path], root / "each")
        each = time.perf_counter() - start
    print(f"PDF, {args.pdf} tệp trong 1 tiến trình LibreOffice : {one / args.pdf:6.2f} giây/văn bản ({one:.1f} giây)")
    print(f"PDF, 1 tiến trình cho mỗi tệp               : {each / args.pdf:6.2f} giây/văn bản ({each:.1f} giây)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
