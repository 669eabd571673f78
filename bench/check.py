"""Benchmark: `docgen check` against its floors (issue 10's table).

    .venv/bin/python bench/check.py [--repeat 7] [--source DIR ...]

Drafts: a 29-page plan (plans/cao-bang.yaml with its body 4×, rendered to .docx by docgen; the
.txt is the text docgen reads from it; the .pdf is LibreOffice's conversion when it is installed),
the 8-page Cao Bằng plan itself, and a one-line .txt.

Every figure is the median of ``--repeat`` runs, each paired with its floor measured in the same
loop, so a busy machine moves both: a cold ``docgen check`` beside a cold ``python -c pass`` and
``docgen --help``; an in-process check of the 8-page .docx beside just opening it with python-docx
and reading its paragraphs (the ratio of the two is the issue's "≤ 1.6×"). ``--source`` runs the
same figures with another checkout's code (e.g. the code before a change) in the same run, for a
before/after table. "check --watch" is the time from a save of the 29-page .docx to the end of
the new report of a running ``docgen check --watch --interval 0.05`` (the file is only read once
it has held still for one interval; left out for code without ``--watch``). Prints figures only;
nothing is asserted (tests never time things).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# In-process figures, run in a child with the source tree under test first on the path.
_CHILD = r"""
import json, statistics, sys, time
sys.path.insert(0, SOURCE)
from docgen.check.config import CheckConfig
from docgen.check.runner import check_paths
import docx
config = CheckConfig()
check_paths([SMALL], config)  # warm: law data, patterns (a long-running process pays this once)
def read_only():
    document = docx.Document(DOCX8)
    return [p.text for p in document.paragraphs]
out = {"check8": [], "floor8": [], "check29": [], "check29txt": []}
for _ in range(REPEAT):
    t = time.perf_counter(); read_only(); out["floor8"].append(time.perf_counter() - t)
    t = time.perf_counter(); check_paths([DOCX8], config); out["check8"].append(time.perf_counter() - t)
    t = time.perf_counter(); check_paths([DOCX29], config); out["check29"].append(time.perf_counter() - t)
    t = time.perf_counter(); check_paths([TXT29], config); out["check29txt"].append(time.perf_counter() - t)
print(json.dumps({k: statistics.median(v) for k, v in out.items()}))
"""


def big_plan(copies: int) -> bytes:
    from docgen.render.api import render_document
    from docgen.spec.loader import load_spec

    doc = load_spec(ROOT / "plans" / "cao-bang.yaml")
    extra = [s.model_copy(deep=True) for _ in range(copies - 1) for s in doc.sections]
    doc = doc.model_copy(update={"sections": doc.sections + extra})
    return render_document(doc)


def to_pdf(docx: Path) -> tuple[Path | None, str]:
    try:
        from pypdf import PdfReader

        from docgen.render.pdf import convert

        pdf = convert([docx], docx.parent)[0]
        return pdf, str(len(PdfReader(pdf).pages))
    except Exception as exc:  # noqa: BLE001 - LibreOffice missing: the PDF figures are left out
        return None, f"? ({exc.__class__.__name__})"


def cold(source: Path, *args: str) -> float:
    """Wall time of one ``docgen`` process run with ``source``'s code.

    ``-P``: without it ``python -c`` puts the current folder first on the path, and run from a
    checkout it would import that checkout's docgen, whatever ``source`` says.
    """
    env = {**os.environ, "PYTHONPATH": str(source)}
    t = time.perf_counter()
    subprocess.run([sys.executable, "-P", "-c", "from docgen.cli import main; main()", *args], capture_output=True, env=env, check=False)
    return time.perf_counter() - t


def watch_latency(source: Path, draft: Path, repeat: int, interval: float = 0.05) -> float | None:
    """Median seconds from a save of ``draft`` to the end of the new report of ``docgen check
    --watch`` (run with ``source``'s code), or None when that code has no ``--watch``."""
    import os
    import queue
    import shutil
    import signal
    import threading

    work = draft.with_name("watch-" + draft.name)
    shutil.copyfile(draft, work)
    proc = subprocess.Popen(
        [sys.executable, "-X", "faulthandler", "-P", "-c", "from docgen.cli import main; main()", "check", "--watch", "--interval", str(interval), str(work)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(source)},
    )
    lines: queue.Queue[tuple[str, str]] = queue.Queue()

    seen: list[str] = []  # every line, for the report of a watch that does not stop

    def read(stream: object, tag: str) -> None:
        for line in stream:  # type: ignore[attr-defined]
            lines.put((tag, line))
            seen.append(f"{tag}: {line.rstrip()}")

    threading.Thread(target=read, args=(proc.stdout, "out"), daemon=True).start()
    threading.Thread(target=read, args=(proc.stderr, "err"), daemon=True).start()

    def wait(tag: str, needle: str) -> bool:
        while True:
            try:
                got, line = lines.get(timeout=60)
            except queue.Empty:
                return False
            if got == tag and needle in line:
                return True

    samples: list[float] = []
    try:
        if wait("err", "Đang theo dõi"):
            for k in range(repeat):
                work.write_bytes(draft.read_bytes())  # a save: same bytes, a later time
                st = work.stat()
                os.utime(work, ns=(st.st_atime_ns, st.st_mtime_ns + (k + 1) * 1_000_000_000))
                t = time.perf_counter()
                if not wait("out", "trong 1 tệp"):  # the report's closing line
                    break
                samples.append(time.perf_counter() - t)
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            # a figure is lost, not the run: SIGABRT makes faulthandler print where it stands
            proc.send_signal(signal.SIGABRT)
            time.sleep(2)
            print(f"check --watch ({source}) không dừng 30 s sau Ctrl-C; {len(samples)} lần đo; dòng cuối:", file=sys.stderr)
            print("\n".join(seen[-40:]), file=sys.stderr)
            samples.clear()
    finally:
        if proc.poll() is None:
            proc.kill()
    return statistics.median(samples) if samples else None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--copies", type=int, default=4)
    ap.add_argument("--source", action="append", type=Path, default=[], help="another checkout to measure in the same run")
    args = ap.parse_args()
    sources = [ROOT, *[s.resolve() for s in args.source]]

    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        docx29 = d / "ke-hoach-29-trang.docx"
        docx29.write_bytes(big_plan(args.copies))
        docx8 = d / "cao-bang.docx"
        docx8.write_bytes(big_plan(1))
        from docgen.check.inputs import read_draft

        txt29 = d / "ke-hoach-29-trang.txt"
        txt29.write_text(read_draft(docx29).text, encoding="utf-8")
        pdf29, pages = to_pdf(docx29)
        small = d / "mot-dong.txt"
        small.write_text("Thực hiện Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023.\n", encoding="utf-8")

        cases: list[tuple[str, list[str]]] = [
            ("docgen check 29 trang .docx", ["check", str(docx29)]),
            ("docgen check 29 trang .txt", ["check", str(txt29)]),
            *([("docgen check 29 trang .pdf", ["check", str(pdf29)])] if pdf29 else []),
            ("docgen check 1 dòng .txt", ["check", str(small)]),
            ("docgen --help", ["--help"]),
        ]
        figures: dict[Path, dict[str, float]] = {s: {} for s in sources}
        samples: dict[tuple[Path, str], list[float]] = {}
        for _ in range(args.repeat):
            t = time.perf_counter()
            subprocess.run([sys.executable, "-P", "-c", "pass"], check=True)
            samples.setdefault((ROOT, "python -c pass (sàn)"), []).append(time.perf_counter() - t)
            for source in sources:
                for label, argv in cases:
                    samples.setdefault((source, label), []).append(cold(source, *argv))
        for (source, label), values in samples.items():
            figures[source][label] = statistics.median(values)
        for source in sources:
            child = _CHILD.replace("SOURCE", repr(str(source))).replace("SMALL", repr(str(small)))
            child = child.replace("DOCX8", repr(str(docx8))).replace("DOCX29", repr(str(docx29))).replace("TXT29", repr(str(txt29)))
            child = child.replace("REPEAT", str(args.repeat))
            run = subprocess.run([sys.executable, "-P", "-c", child], capture_output=True, text=True, check=True)
            inproc = json.loads(run.stdout)
            figures[source]["trong tiến trình: check 8 trang .docx"] = inproc["check8"]
            figures[source]["trong tiến trình: python-docx mở + đọc 8 trang (sàn)"] = inproc["floor8"]
            figures[source]["tỉ lệ check ÷ sàn, 8 trang .docx"] = inproc["check8"] / inproc["floor8"]
            figures[source]["trong tiến trình: check 29 trang .docx"] = inproc["check29"]
            figures[source]["trong tiến trình: check 29 trang .txt"] = inproc["check29txt"]
            latency = watch_latency(source, docx29, args.repeat)
            if latency is not None:
                figures[source]["check --watch: lưu → kết quả, 29 trang .docx"] = latency

    print(f"Kế hoạch thử: {pages} trang ({args.copies}× phần thân của plans/cao-bang.yaml); trung vị của {args.repeat} lần, giây")
    labels = list(dict.fromkeys(k for s in sources for k in figures[s]))
    header = f"{'':<52}" + "".join(f"{('mã này' if s == ROOT else s.name):>14}" for s in sources)
    print(header)
    for label in labels:
        cells = "".join(f"{figures[s][label]:>14.3f}" if label in figures[s] else f"{'':>14}" for s in sources)
        print(f"{label:<52}{cells}")


if __name__ == "__main__":
    main()
