"""`docgen check -` reads at most the text limit plus one byte from stdin (issue 9)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from docgen import limits


def check_stdin(stdin: object, data: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "docgen.cli", "check", "-"],
        stdin=stdin, input=data, capture_output=True, timeout=120,  # type: ignore[call-overload]
    )


def test_stdin_one_byte_over_the_limit_is_refused() -> None:
    data = b"a" * limits.TEXT_BYTES + b"\n"  # 50 MB + 1 byte of text
    result = check_stdin(None, data)
    err = result.stderr.decode("utf-8")
    assert result.returncode == 2, err
    assert limits.mib(limits.TEXT_BYTES) in err and "giới hạn" in err
    assert "Traceback" not in err


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_endless_stdin_is_refused_without_reading_it_all() -> None:
    with open("/dev/zero", "rb") as endless:
        result = check_stdin(endless)
    err = result.stderr.decode("utf-8")
    assert result.returncode == 2, err
    assert limits.mib(limits.TEXT_BYTES) in err


def test_stdin_under_the_limit_is_checked() -> None:
    result = check_stdin(None, "Kế hoạch số 12/KH-UBND\n".encode())
    assert result.returncode in (0, 1), result.stderr.decode("utf-8")
