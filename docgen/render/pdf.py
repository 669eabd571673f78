"""PDF through LibreOffice: one headless ``soffice`` process converts every file at once.

A throw-away user profile (``-env:UserInstallation``) keeps the run independent of a desktop
LibreOffice the user may have open, and of other docgen runs. The timeout grows with the number
of files; on timeout the whole process group (soffice forks ``soffice.bin``) is stopped.

soffice runs in a session of its own (so that its whole group can be stopped), which means a
terminal's Ctrl-C never reaches it: any exception while waiting for it (KeyboardInterrupt above
all) stops its group too, gently then by force, before it propagates (issue 9).

A PDF is only reported made after :func:`verify_pdf`: it ends with ``%%EOF``, pypdf opens it and
it has at least one page. A disk that fills up under LibreOffice leaves a truncated file that is
not empty; it is removed and named in the error (issue 9).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Final

from docgen.errors import RenderError

INSTALL_HINT: Final = (
    "Muốn có PDF, cài LibreOffice: apt-get install libreoffice-writer-nogui fonts-liberation2 "
    "(hoặc chạy ./run.sh setup)."
)
BASE_TIMEOUT: Final = 60.0  # start-up of a fresh profile
PER_FILE_TIMEOUT: Final = 20.0


class SofficeMissing(RenderError):
    """LibreOffice is not installed: the .docx are written, the PDF cannot be."""


def find_soffice() -> str | None:
    """Path of the LibreOffice executable, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def timeout_for(count: int) -> float:
    return BASE_TIMEOUT + PER_FILE_TIMEOUT * count


def convert(docx_files: Sequence[Path], out_dir: Path, *, timeout: float | None = None) -> list[Path]:
    """Convert ``docx_files`` to PDF in ``out_dir`` with one LibreOffice process.

    Returns the PDF paths in the order of ``docx_files``. Raises :class:`SofficeMissing` when
    LibreOffice is absent and :class:`RenderError` (Vietnamese message) when it fails.
    """
    if not docx_files:
        return []
    exe = find_soffice()
    if exe is None:
        raise SofficeMissing(f"không tìm thấy LibreOffice (soffice) nên chưa xuất được PDF. {INSTALL_HINT}")
    stems = [p.stem for p in docx_files]
    if len(set(stems)) != len(stems):
        raise RenderError("hai tệp cùng tên sẽ ghi đè PDF của nhau: " + ", ".join(sorted({s for s in stems if stems.count(s) > 1})))
    # soffice runs in its profile directory: relative paths would point there, not at the user's files
    out_dir = out_dir.resolve()
    docx_files = [p.resolve() for p in docx_files]
    out_dir.mkdir(parents=True, exist_ok=True)
    expected = [out_dir / f"{stem}.pdf" for stem in stems]
    limit = timeout if timeout is not None else timeout_for(len(docx_files))
    with tempfile.TemporaryDirectory(prefix="docgen-lo-") as profile:
        command = [
            exe,
            f"-env:UserInstallation={Path(profile).resolve().as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            *(str(p) for p in docx_files),
        ]
        process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True, cwd=profile
        )
        try:
            _, stderr = process.communicate(timeout=limit)
        except subprocess.TimeoutExpired:
            _stop(process)
            raise RenderError(
                f"LibreOffice chưa chuyển xong {len(docx_files)} tệp sang PDF sau {limit:.0f} giây; đã dừng."
            ) from None
        except BaseException:  # Ctrl-C, SystemExit…: never leave soffice running behind us
            _stop(process, grace=STOP_GRACE)
            raise
    missing = [p for p in expected if not p.is_file() or p.stat().st_size == 0]
    if process.returncode != 0 or missing:
        detail = stderr.decode("utf-8", "replace").strip().splitlines()
        names = ", ".join(p.name for p in missing) or ", ".join(p.name for p in expected)
        tail = f": {detail[-1]}" if detail else ""
        raise RenderError(f"LibreOffice không tạo được PDF cho {names} (mã thoát {process.returncode}){tail}")
    for made in expected:
        verify_pdf(made)
    return expected


STOP_GRACE: Final = 1.0  # seconds soffice gets to quit on SIGTERM before SIGKILL
EOF_WINDOW: Final = 1024  # the PDF standard lets "%%EOF" sit within the last 1,024 bytes


def verify_pdf(path: Path) -> None:
    """Raise :class:`RenderError` naming ``path``, and remove it, unless it is a whole PDF:
    it ends with ``%%EOF``, pypdf opens it, and it has at least one page."""
    from pypdf import PdfReader

    problem: str | None = None
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RenderError(f"không đọc lại được PDF {path} ({exc.strerror})") from None
    if b"%%EOF" not in data[-EOF_WINDOW:]:
        problem = "tệp bị cắt cụt (thiếu %%EOF; có thể ổ đĩa đầy)"
    else:
        try:
            pages = len(PdfReader(path, strict=False).pages)
        except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds on a broken file
            problem = f"pypdf không mở được ({type(exc).__name__})"
        else:
            if pages < 1:
                problem = "tệp không có trang nào"
    if problem is not None:
        path.unlink(missing_ok=True)
        raise RenderError(f"PDF {path} hỏng, đã xóa: {problem}")


def _stop(process: subprocess.Popen[bytes], grace: float = 0.0) -> None:
    """Stop the process group this module started (soffice and its soffice.bin child): SIGTERM
    and up to ``grace`` seconds to quit, then SIGKILL; reap the leader and close its pipes."""
    if grace > 0:
        _signal_group(process, signal.SIGTERM)
        try:
            process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            pass
    _signal_group(process, signal.SIGKILL)  # also soffice.bin when the leader quit first
    process.communicate()


def _signal_group(process: subprocess.Popen[bytes], signum: int) -> None:
    try:
        os.killpg(process.pid, signum)
    except (ProcessLookupError, PermissionError):
        pass
