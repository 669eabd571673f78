"""Rendering speed. Prints figures; not a test.

    .venv/bin/python bench/render.py [--docs 40] [--pdf 20]

1. CPU per document: ``render_document`` (context, docxtpl, real footnotes, rules, zip) against
   its floor in the same run, interleaved: plain docxtpl filling the same template with the same
   pre-built context, a DocxTemplate per document but its Jinja template compiled once.
2. Deflate level of the .docx: for each level, CPU to zip a rendered document's parts and the
   size it gives (docgen.render.docx.ZIP_LEVEL is the level kept).
3. PDF of N documents of one template (``--pdf``, 0 skips): one LibreOffice for all, each file
   converted alone; two LibreOffice in parallel, each with its own profile; the documents joined
   into one file, converted once and cut apart (what docgen does); joined, half in each of two
   LibreOffice. Then a one-document command: a cold LibreOffice for one file against the cost of
   one more file in a LibreOffice already running (the most a warm LibreOffice, unoserver, could give).
"""

from __future__ import annotations

import argparse
import io
import resource
import statistics
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from batch import CompiledOnce, plain_docxtpl  # noqa: E402  (bench/batch.py)

from docgen.render import docx as render_docx  # noqa: E402
from docgen.render import pdf  # noqa: E402
from docgen.render.context import build_context  # noqa: E402
from docgen.render.docx import render_document, template_bytes, template_path  # noqa: E402
from docgen.spec.loader import load_spec  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def cpu_of(fn: Callable[[], object]) -> float:
    start = time.process_time()
    fn()
    return time.process_time() - start


def render_figures(spec: Path, count: int) -> None:
    doc = load_spec(spec)
    template = template_bytes(template_path(doc.kind))
    values = build_context(doc).values
    env = CompiledOnce()
    render_document(doc)  # warm caches (registry, prepared template)
    plain_docxtpl(template, values, env)
    ours: list[float] = []
    plain: list[float] = []
    for _ in range(count):  # interleaved, so both see the same machine load
        ours.append(cpu_of(lambda: render_document(doc)))
        plain.append(cpu_of(lambda: plain_docxtpl(template, values, env)))
    med_ours, med_plain = statistics.median(ours), statistics.median(plain)
    print(f"spec: {spec.name} ({len(values['blocks'])} khối nội dung), {count} lần mỗi cách, CPU trung vị")
    print(f"render_document               : {med_ours * 1000:6.1f} ms/văn bản")
    print(f"docxtpl thuần, biên dịch 1 lần : {med_plain * 1000:6.1f} ms/văn bản (mức sàn)")
    print(f"tỷ lệ render_document / sàn    : {med_ours / med_plain:6.2f}")


def zip_figures(spec: Path, count: int) -> None:
    data = render_document(load_spec(spec))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        items = [(name, archive.read(name)) for name in archive.namelist()]
    levels = [None, 1, 2, 3, 4, 5, 6, 9]
    times: dict[int | None, list[float]] = {level: [] for level in levels}
    sizes: dict[int | None, int] = {}

    def write(level: int | None) -> bytes:
        out = io.BytesIO()
        method = zipfile.ZIP_STORED if level is None else zipfile.ZIP_DEFLATED
        with zipfile.ZipFile(out, "w", method, compresslevel=level) as archive:
            for name, blob in items:
                archive.writestr(name, blob)
        return out.getvalue()

    for _ in range(count):
        for level in levels:
            times[level].append(cpu_of(lambda: [write(level) for _ in range(5)]) / 5)
            sizes[level] = len(write(level))
    print(f"nén .docx ({spec.name}, {sum(len(b) for _, b in items)} byte XML), CPU trung vị:")
    for level in levels:
        mark = "  ← ZIP_LEVEL" if level == getattr(render_docx, "ZIP_LEVEL", 6) else ""  # python-docx: 6
        name = "không nén" if level is None else f"mức {level}"
        print(f"  {name:10}: {statistics.median(times[level]) * 1000:5.2f} ms, {sizes[level]:7d} byte{mark}")


def pdf_figures(spec: Path, count: int) -> None:
    if pdf.find_soffice() is None:
        print("bỏ qua PDF: không có LibreOffice")
        return
    doc = load_spec(spec)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        files = []
        for i in range(count):
            path = root / f"vb-{i:03d}.docx"
            path.write_bytes(render_document(doc))
            files.append(path)
        merge_limit = getattr(pdf, "MERGE_LIMIT", None)

        def alone(paths: list[Path], out: Path) -> None:
            if merge_limit is not None:
                pdf.MERGE_LIMIT = 1  # type: ignore[misc]
            try:
                pdf.convert(paths, out)
            finally:
                if merge_limit is not None:
                    pdf.MERGE_LIMIT = merge_limit  # type: ignore[misc]

        def parallel(out: Path) -> None:
            half = len(files) // 2
            with ThreadPoolExecutor(2) as pool:
                list(pool.map(lambda part: alone(part[0], out / part[1]), [(files[:half], "a"), (files[half:], "b")]))

        ways: list[tuple[str, Callable[[Path], None]]] = [
            ("1 LibreOffice, từng tệp        ", lambda out: alone(files, out)),
            ("2 LibreOffice song song, từng tệp", parallel),
        ]
        if merge_limit is not None:
            def joined_parallel(out: Path) -> None:
                half = len(files) // 2
                with ThreadPoolExecutor(2) as pool:
                    list(pool.map(lambda part: pdf.convert(part[0], out / part[1]), [(files[:half], "a"), (files[half:], "b")]))

            ways.append(("1 LibreOffice, gộp rồi cắt     ", lambda out: pdf.convert(files, out)))
            ways.append(("2 LibreOffice song song, gộp   ", joined_parallel))
        print(f"PDF, {count} văn bản {spec.name} (giây thực / CPU mỗi văn bản):")
        for name, way in ways:
            start, wall = cpu(), time.perf_counter()
            way(root / name.strip().replace(" ", "-").replace(",", ""))
            elapsed, used = time.perf_counter() - wall, cpu() - start
            print(f"  {name}: {elapsed / count * 1000:5.0f} ms thực, {used / count * 1000:5.0f} ms CPU")
        start, wall = cpu(), time.perf_counter()
        alone(files[:1], root / "one")
        one_wall, one_cpu = time.perf_counter() - wall, cpu() - start
        start, wall = cpu(), time.perf_counter()
        alone(files[:5], root / "five")
        five_wall, five_cpu = time.perf_counter() - wall, cpu() - start
        print("lệnh một văn bản (docgen render, dossier):")
        print(f"  LibreOffice khởi động nguội, 1 tệp : {one_wall:5.2f} s thực, {one_cpu:5.2f} s CPU")
        print(f"  thêm 1 tệp khi LibreOffice đã chạy : {(five_wall - one_wall) / 4:5.2f} s thực, "
              f"{(five_cpu - one_cpu) / 4:5.2f} s CPU (mức tốt nhất một LibreOffice chạy sẵn có thể đạt)")


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--spec", type=Path, default=ROOT / "plans" / "cao-bang.yaml")
    parser.add_argument("--pdf-spec", type=Path, default=ROOT / "plans" / "to-trinh-xa.yaml")
    parser.add_argument("--docs", type=int, default=40, help="renders per measurement")
    parser.add_argument("--pdf", type=int, default=20, help="documents for the PDF comparison (0: skip)")
    args = parser.parse_args()
    render_figures(args.spec, args.docs)
    zip_figures(args.spec, max(5, args.docs // 4))
    if args.pdf > 0:
        pdf_figures(args.pdf_spec, args.pdf)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
