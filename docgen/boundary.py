"""The error boundary shared by every entry point (CLI commands, batch workers, a web server).

A :class:`~docgen.errors.DocgenError` is the user's problem: its Vietnamese message, exit 2.
Anything else is a bug in docgen: the user gets one Vietnamese line naming the input and the
log file, the traceback goes to that log file, exit 3. No bare traceback reaches a user.

The log folder is ``$XDG_STATE_HOME/docgen`` (``~/.local/state/docgen`` when unset), or the
system temporary folder when that cannot be written.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from docgen.errors import DocgenError

BUG_EXIT: Final = 3


@dataclass(frozen=True)
class Handled:
    """What an entry point tells the user about an exception, and its exit code."""

    exit_code: int
    message: str
    log: Path | None = None  # the traceback's log file, for a bug


def log_dirs() -> list[Path]:
    """Folders tried in order for the traceback log."""
    state = os.environ.get("XDG_STATE_HOME")
    base = Path(state) if state and Path(state).is_absolute() else Path.home() / ".local" / "state"
    return [base / "docgen", Path(tempfile.gettempdir()) / "docgen"]


def write_bug_log(exc: BaseException, what: str) -> Path | None:
    """Write the traceback of ``exc`` (raised while handling ``what``) to a new log file."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    text = f"docgen: lỗi nội bộ khi xử lý {what}\n\n" + "".join(
        traceback.format_exception(type(exc), exc, exc.__traceback__)
    )
    for folder in log_dirs():
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(prefix=f"loi-{stamp}-", suffix=".log", dir=folder)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
            return Path(name)
        except OSError:
            continue
    return None


def handle_exception(exc: BaseException, what: str) -> Handled:
    """The boundary: a DocgenError gives its message (exit 2), anything else is logged (exit 3).

    ``what`` names the input being handled (a file, a batch row). Never raises.
    """
    if isinstance(exc, DocgenError):
        return Handled(exc.exit_code, str(exc))
    log = write_bug_log(exc, what)
    where = str(log) if log is not None else "(không ghi được tệp nhật ký)"
    message = f"lỗi nội bộ của docgen khi xử lý {what}: {type(exc).__name__}; chi tiết ghi ở {where}"
    return Handled(BUG_EXIT, message, log)
