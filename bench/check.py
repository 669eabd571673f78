"""Benchmark: time to check a ~30-page plan (.docx and .txt) and the CLI start time.

    .venv/bin/python bench/check.py [--repeat 5] [--copies 4]

The plan is plans/cao-bang.yaml (8 pages when rendered) with its body repeated ``--copies``
times, rendered to .docx by docgen itself; the .txt is the text docgen reads from that .docx.
Prints figures only; nothing is asserted (tests never time things). Aim: < 0.3 s each.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from docgen.check.inputs import read_draft  # noqa: E402
from docgen.check.runner import check_paths  # noqa: E402
from docgen.check.config import CheckConfig  # noqa: E402
from docgen.render.api import render_document  # noqa: E402
from docgen.spec.loader import load_spec  # noqa: E402


def timed(fn: object, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()  # type: ignore[operator]
        out.append(time.perf_counter() - t0)
    return out


def big_plan(copies: int) -> bytes:
    doc = load_spec(ROOT / "plans" / "cao-bang.yaml")
    extra = [s.model_copy(deep=True) for _ in range(copies - 1) for s in doc.sections]
    doc = doc.model_copy(update={"sections": doc.sections + extra})
    return render_document(doc)


def page_count(docx: Path) -> str:
    try:
        from docgen.render.pdf import convert

        pdfs = convert([docx], docx.parent)
        from pypdf import PdfReader

        return str(len(PdfReader(pdfs[0]).pages))
    except Exception as exc:  # LibreOffice missing: the figure is optional
        return f"? ({exc.__class__.__name__})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--copies", type=int, default=4)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        docx = d / "ke-hoach-30-trang.docx"
        docx.write_bytes(big_plan(args.copies))
        txt = d / "ke-hoach-30-trang.txt"
        txt.write_text(read_draft(docx).text, encoding="utf-8")
        pages = page_count(docx)
        config = CheckConfig()

        check_paths([str(txt)], config)  # warm caches (registry, patterns) once, as a long run would
        rows = []
        for label, path in (("docx", docx), ("txt", txt)):
            times = timed(lambda p=path: check_paths([str(p)], config), args.repeat)
            n = len(check_paths([str(path)], config))
            rows.append((label, statistics.median(times), min(times), n))

        docgen = ROOT / ".venv" / "bin" / "docgen"
        exe = [str(docgen)] if docgen.exists() else [sys.executable, "-m", "docgen.cli"]
        start = timed(lambda: subprocess.run([*exe, "--help"], capture_output=True, check=True), args.repeat)
        small = d / "ngan.txt"
        small.write_text("Thực hiện Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023.\n", encoding="utf-8")
        cold = timed(lambda: subprocess.run([*exe, "check", str(small)], capture_output=True), args.repeat)
        cold_big = timed(lambda: subprocess.run([*exe, "check", str(txt)], capture_output=True), args.repeat)

    print(f"Kế hoạch thử: {pages} trang ({args.copies}× phần thân của plans/cao-bang.yaml)")
    print(f"{'đầu vào':<28}{'trung vị (s)':>14}{'nhanh nhất (s)':>16}{'phát hiện':>11}")
    for label, med, best, n in rows:
        print(f"{'check trong tiến trình, ' + label:<28}{med:>14.3f}{best:>16.3f}{n:>11}")
    print(f"{'docgen --help (khởi động)':<28}{statistics.median(start):>14.3f}{min(start):>16.3f}")
    print(f"{'docgen check 1 dòng .txt':<28}{statistics.median(cold):>14.3f}{min(cold):>16.3f}")
    print(f"{'docgen check 30 trang .txt':<28}{statistics.median(cold_big):>14.3f}{min(cold_big):>16.3f}")


if __name__ == "__main__":
    main()
