"""Benchmark: does `check` take time proportional to the draft's length?

    .venv/bin/python bench/scaling.py [--factors 1,10,100] [--timeout 600]

Builds drafts of 1×, 10× and 100× a 30-page plan (plans/cao-bang.yaml with its body repeated,
rendered to .docx by docgen, as bench/check.py does; the .txt is the text docgen reads from that
.docx) and checks each in a fresh process (caches warmed on a one-line draft first). Prints
seconds per page for each size: in linear time the figures are close. Figures only, nothing is
asserted (tests never time things). A case over ``--timeout`` seconds is printed as "> N".
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# bench/check.py: 4 copies of the plan's body are a ~30-page plan.
COPIES_PER_30_PAGES = 4
PAGES = 30

_CHILD = """
import sys, time
sys.path.insert(0, {root!r})
from docgen.check.config import CheckConfig
from docgen.check.runner import check_paths
config = CheckConfig()
check_paths([{warm!r}], config)
t0 = time.perf_counter()
findings = check_paths([{path!r}], config)
print(time.perf_counter() - t0, len(findings))
"""


def big_plan(copies: int) -> bytes:
    from docgen.render.api import render_document
    from docgen.spec.loader import load_spec

    doc = load_spec(ROOT / "plans" / "cao-bang.yaml")
    extra = [s.model_copy(deep=True) for _ in range(copies - 1) for s in doc.sections]
    doc = doc.model_copy(update={"sections": doc.sections + extra})
    return render_document(doc)


def time_check(path: Path, warm: Path, timeout: float) -> tuple[float | None, int]:
    code = _CHILD.format(root=str(ROOT), warm=str(warm), path=str(path))
    try:
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return None, 0
    seconds, n = out.stdout.split()
    return float(seconds), int(n)


def main() -> None:
    from docgen.check.inputs import read_draft

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--factors", default="1,10,100")
    ap.add_argument("--timeout", type=float, default=600.0)
    args = ap.parse_args()
    factors = [int(f) for f in args.factors.split(",")]

    print(f"{'bản':<8}{'trang':>7}{'đoạn/dòng':>11}{'giây':>10}{'giây/trang':>12}{'phát hiện':>11}")
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        warm = d / "warm.txt"
        warm.write_text("Thực hiện Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023.\n", encoding="utf-8")
        for factor in factors:
            docx = d / f"ke-hoach-{factor}x.docx"
            docx.write_bytes(big_plan(COPIES_PER_30_PAGES * factor))
            txt = d / f"ke-hoach-{factor}x.txt"
            text = read_draft(docx).text
            txt.write_text(text, encoding="utf-8")
            lines = text.count("\n") + 1
            pages = PAGES * factor
            for label, path in (("docx", docx), ("txt", txt)):
                seconds, n = time_check(path, warm, args.timeout)
                shown = f"{seconds:>10.2f}{seconds / pages:>12.4f}" if seconds is not None else f"{'> ' + str(int(args.timeout)):>10}{'?':>12}"
                print(f"{f'{factor}× {label}':<8}{pages:>7}{lines:>11}{shown}{n:>11}", flush=True)


if __name__ == "__main__":
    main()
