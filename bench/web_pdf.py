"""Time from pressing "Tải về PDF" (a Tờ trình, the starter spec) to having the PDF, server warm.

    .venv/bin/python bench/web_pdf.py [--runs 7] [--source WORKTREE] [--mode js|no-js]

Starts ``docgen serve`` from ``--source`` (default: this checkout) as a clerk starts it, opens
its address once (token → cookie), asks for one PDF and throws that time away (the server and,
since issue 11, its LibreOffice are then warm), then times ``--runs`` presses and prints the
median, minimum and maximum.

A press is the POST of the form, then whatever the browser does until the file is there: the
PDF itself in the reply (before issue 11), or the job's page (``/viec/<id>``) followed as a
browser does: ``--mode no-js`` reloads it when its ``<meta http-equiv="refresh">`` says (every
second), ``--mode js`` asks ``/viec/<id>/trang-thai`` every 0.25 s as app.js does.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx2 as httpx  # Starlette 1.x TestClient's client (requirements.lock); not the older httpx

ROOT = Path(__file__).resolve().parents[1]
REFRESH = re.compile(r'<meta http-equiv="refresh" content="(\d+)(?:;url=([^"]+))?">')


def start(source: Path, cwd: Path) -> tuple[subprocess.Popen[str], str]:
    env = {**os.environ, "PYTHONPATH": str(source), "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen([sys.executable, "-m", "docgen.cli", "serve"], cwd=cwd, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert process.stdout is not None
    for _ in range(4):
        m = re.search(r"http://\S+", process.stdout.readline())
        if m:
            return process, m.group(0)
    process.kill()
    raise SystemExit("docgen serve printed no address")


def press(http: httpx.Client, base: str, spec: str, mode: str) -> bytes:
    reply = http.post(base + "/soan", data={"loai": "to-trinh", "dac_ta": spec, "lam": "pdf"})
    while True:
        if reply.status_code == 303:
            reply = http.get(base + reply.headers["location"])
            continue
        if not reply.headers.get("content-type", "").startswith("text/html"):
            assert reply.content.startswith(b"%PDF"), reply.status_code
            return reply.content
        m = REFRESH.search(reply.text)
        if m is None:
            raise SystemExit(f"no PDF: {reply.status_code} {reply.text[:300]}")
        if m.group(2):  # done: the page sends the browser to the file
            reply = http.get(base + m.group(2))
            continue
        path = reply.url.path
        if mode == "js":
            while http.get(base + path + "/trang-thai").json()["running"]:
                time.sleep(0.25)
        else:
            time.sleep(int(m.group(1)))
        reply = http.get(base + path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--source", type=Path, default=ROOT)
    parser.add_argument("--mode", choices=("js", "no-js"), default="no-js")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from docgen.spec.starter import starter_spec

    spec = starter_spec("to-trinh")
    with tempfile.TemporaryDirectory() as cwd:
        process, url = start(args.source.resolve(), Path(cwd))
        base = url.split("/?", 1)[0]
        try:
            with httpx.Client(timeout=300) as http:
                http.get(url, follow_redirects=True)
                press(http, base, spec, args.mode)  # warm-up
                times = []
                for _ in range(args.runs):
                    began = time.perf_counter()
                    press(http, base, spec, args.mode)
                    times.append(time.perf_counter() - began)
        finally:
            process.terminate()
            process.wait(timeout=30)
    print(f"{args.source} mode={args.mode}: median {statistics.median(times):.2f} s, "
          f"min {min(times):.2f} s, max {max(times):.2f} s over {len(times)} presses")


if __name__ == "__main__":
    main()
