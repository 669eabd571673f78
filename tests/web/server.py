"""`docgen serve` in a child process, as a clerk starts it, for the tests that need a real server."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).parents[2]


@dataclass
class Served:
    process: subprocess.Popen[str]
    url: str  # the printed address, token included
    lines: list[str]

    @property
    def base(self) -> str:
        return self.url.split("/?", 1)[0]

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=20)


def start(cwd: Path, *args: str) -> Served:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen([sys.executable, "-m", "docgen.cli", "serve", *args], cwd=cwd, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert process.stdout is not None
    lines: list[str] = []
    found = None
    for _ in range(4):  # the address, perhaps a note for other hosts, then how to stop
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line.rstrip("\n"))
        m = re.search(r"http://\S+", line)
        found = found or (m.group(0) if m else None)
        if "Ctrl-C" in line:
            break
    if found is None:
        process.kill()
        raise AssertionError(f"docgen serve printed no address: {lines}")
    return Served(process, found, lines)
