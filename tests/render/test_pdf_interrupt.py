"""Ctrl-C while LibreOffice converts: convert() stops soffice's whole process group and re-raises
(issue 9). soffice runs in its own session, so a terminal's Ctrl-C would never reach it.

A stand-in "soffice" (a shell script that, like soffice, leaves a child running) shows it without
LibreOffice: it writes its pid (= its process group, as a session leader) and waits."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import pytest

from docgen.render import pdf


def fake_soffice(tmp_path: Path, *, ignore_term: bool) -> Path:
    script = tmp_path / "soffice"
    trap = "trap '' TERM\n" if ignore_term else ""
    script.write_text(f'#!/bin/sh\n{trap}echo $$ > "{tmp_path / "pid"}"\nsleep 300 &\nsleep 300\nwait\n')
    script.chmod(0o755)
    return script


def group_alive(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    return True


def gone(group: int) -> bool:
    """The group is empty within 2 s (killed children are reaped by init a moment later)."""
    deadline = time.monotonic() + 2
    while group_alive(group) and time.monotonic() < deadline:
        time.sleep(0.02)
    return not group_alive(group)


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="POSIX process groups")
@pytest.mark.parametrize("ignore_term", [False, True], ids=["quits-on-term", "needs-kill"])
def test_ctrl_c_stops_the_soffice_group(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ignore_term: bool) -> None:
    monkeypatch.setattr(pdf, "find_soffice", lambda: str(fake_soffice(tmp_path, ignore_term=ignore_term)))
    docx = tmp_path / "a.docx"
    docx.write_bytes(b"PK")
    pid_file = tmp_path / "pid"

    def ctrl_c() -> None:
        deadline = time.monotonic() + 10
        while not pid_file.exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(0.1)
        os.kill(os.getpid(), signal.SIGINT)

    threading.Thread(target=ctrl_c, daemon=True).start()
    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        pdf.convert([docx], tmp_path / "out", timeout=60)
    elapsed = time.monotonic() - started
    assert gone(int(pid_file.read_text())), "soffice (or its child) still running after Ctrl-C"
    print(f"convert() returned {elapsed:.2f} s after start")


def test_timeout_still_stops_the_group(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf, "find_soffice", lambda: str(fake_soffice(tmp_path, ignore_term=True)))
    docx = tmp_path / "a.docx"
    docx.write_bytes(b"PK")
    with pytest.raises(pdf.RenderError, match="đã dừng"):
        pdf.convert([docx], tmp_path / "out", timeout=0.5)
    assert gone(int((tmp_path / "pid").read_text()))
