"""One LibreOffice kept running for the web page (``docgen serve``), driven over UNO.

A cold ``soffice --convert-to`` costs 2–5 s, most of it starting LibreOffice and its profile; a
LibreOffice already running converts one more file in well under a second. :class:`WarmOffice`
starts ``soffice --headless --accept=pipe,…`` once, with a private user profile in a temporary
folder, in a session of its own (so that its whole process group can be stopped, as
:mod:`docgen.render.pdf` does for the cold one), and converts each file with
``loadComponentFromURL`` + ``storeToURL`` (filter ``writer_pdf_Export``).

- Conversions are serialised (one lock): LibreOffice's UNO API is not made for parallel loads.
- A dead or stuck process (killed, crashed, past its time limit) is stopped; the next conversion
  starts a fresh one. A file the warm process fails on is reported as not converted (None), and
  :func:`docgen.render.pdf.convert` then converts it the cold way, whose messages the CLI shares.
- :meth:`WarmOffice.close` stops the process group and removes the profile; the web page calls
  it when the server stops. The CLI never starts one: a command leaves no LibreOffice behind.

The ``uno`` module comes from Debian's ``python3-uno`` (same version as LibreOffice); it is built
for Debian's Python 3.11 and imports into the venv's 3.11 too. Its folders are put on
``sys.path`` only for that import. Without it, :func:`available` is False and every PDF is cold.

:func:`activate` makes an office the one :func:`docgen.render.pdf.convert` uses in this process
(the web page does so for its lifetime); :func:`current` is None otherwise.
"""

from __future__ import annotations

import atexit
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

from docgen.errors import RenderError

#: Where Debian's python3-uno puts ``uno.py`` and ``pyuno.so``.
UNO_PATHS: Final = ("/usr/lib/python3/dist-packages", "/usr/lib/libreoffice/program")
START_TIMEOUT: Final = 60.0  # a fresh profile on a busy machine
FILE_TIMEOUT: Final = 60.0  # one file; past it the process is stopped and the file converted cold
STOP_GRACE: Final = 1.0
PROFILE_PREFIX: Final = "docgen-warm-"  # the profile folder's name starts so (tests look for it)

_uno: Any = None
_uno_lock = threading.Lock()


def load_uno() -> Any:
    """The ``uno`` module, or None when python3-uno is not installed (or does not load)."""
    global _uno
    with _uno_lock:
        if _uno is not None:
            return _uno if _uno is not False else None
        added = [p for p in UNO_PATHS if p not in sys.path and Path(p).is_dir()]
        sys.path.extend(added)
        try:
            import uno  # type: ignore[import-not-found]  # noqa: PLC0415 - Debian's, found only here

            _uno = uno
        except Exception:  # noqa: BLE001 - a missing or mismatched pyuno: cold conversion
            _uno = False
        finally:
            for p in added:
                if p in sys.path:
                    sys.path.remove(p)
        return _uno if _uno is not False else None


def available() -> bool:
    return load_uno() is not None


class WarmFailure(Exception):
    """The warm process could not convert a file (it is stopped; the caller converts cold).
    ``retry``: the process, not the file, failed (a fresh process may well convert it)."""

    def __init__(self, message: str, *, retry: bool = False) -> None:
        super().__init__(message)
        self.retry = retry


class WarmOffice:
    """A LibreOffice process kept for many conversions; started on first use."""

    def __init__(self, exe: str | None = None) -> None:
        self._exe = exe
        self._lock = threading.Lock()  # one conversion (or start) at a time
        self._state = threading.Lock()  # the process and its folder, as close() sees them
        self._process: subprocess.Popen[bytes] | None = None
        self._desktop: Any = None
        self._folder: Path | None = None
        self._closed = False
        self.starts = 0  # processes started so far

    # ------------------------------------------------------------------ state

    @property
    def pid(self) -> int | None:
        """Process id of the running LibreOffice (the leader of its process group), or None."""
        process = self._process
        return process.pid if process is not None and process.poll() is None else None

    @property
    def profile(self) -> Path | None:
        """The private folder holding the profile; its name is on soffice's command line."""
        return self._folder

    def alive(self) -> bool:
        return self.pid is not None

    # ------------------------------------------------------------------ start / stop

    def start(self) -> int:
        """Start LibreOffice now if it is not running (the web page does so at start-up, off the
        loop, so that the first PDF is quick too); its process id."""
        with self._lock:
            self._ensure()
            assert self._process is not None
            return self._process.pid

    def _ensure(self) -> None:
        if self._closed:
            raise RenderError("máy chủ đang dừng, không tạo PDF nữa")
        running = self._process
        if running is not None and running.poll() is None and self._desktop is not None:
            return
        self._stop()
        uno = load_uno()
        if uno is None:
            raise WarmFailure("python3-uno is not installed")
        from docgen.render.pdf import find_soffice

        exe = self._exe or find_soffice()
        if exe is None:
            raise WarmFailure("soffice is not installed")
        with self._state:  # close() cannot slip between the check and the start
            if self._closed:
                raise RenderError("máy chủ đang dừng, không tạo PDF nữa")
            folder = Path(tempfile.mkdtemp(prefix=PROFILE_PREFIX))
            name = f"{folder.name}-{secrets.token_hex(4)}"
            command = [
                exe,
                f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                "--headless", "--invisible", "--norestore", "--nolockcheck", "--nodefault", "--nologo",
                f"--accept=pipe,name={name};urp;StarOffice.ComponentContext",
            ]
            process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL, start_new_session=True, cwd=folder)
            self._process, self._folder = process, folder
            if self.starts == 0:  # whatever way the interpreter exits, the process goes with it
                atexit.register(self.close)
            self.starts += 1
        try:
            local = uno.getComponentContext()
            resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
            deadline = time.monotonic() + START_TIMEOUT
            while True:
                try:
                    remote = resolver.resolve(f"uno:pipe,name={name};urp;StarOffice.ComponentContext")
                    break
                except Exception as exc:  # noqa: BLE001 - NoConnectException until soffice listens
                    if process.poll() is not None or time.monotonic() > deadline or self._closed:
                        raise WarmFailure(f"LibreOffice did not start: {type(exc).__name__}") from None
                    time.sleep(0.1)
            self._desktop = remote.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", remote)
        except BaseException:
            self._stop()
            raise

    def close(self) -> None:
        """Stop the process group and remove the profile; later conversions are refused. Does not
        wait for a conversion in progress (it fails, and its job says so)."""
        with self._state:
            self._closed = True
        self._stop()

    def _stop(self) -> None:
        with self._state:
            process, folder = self._process, self._folder
            self._process, self._desktop, self._folder = None, None, None
        if process is not None:
            _stop_group(process)
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)

    # ------------------------------------------------------------------ converting

    def convert(self, docx_files: Sequence[Path], out_dir: Path, timeout: float = FILE_TIMEOUT) -> list[Path] | None:
        """``out_dir/<stem>.pdf`` for each file, or None when the warm process could not make
        them all (it is then stopped, to be restarted by the next call). The PDFs are not
        verified here: :func:`docgen.render.pdf.convert` does that."""
        uno = load_uno()
        if uno is None:
            return None
        with self._lock:
            made: list[Path] = []
            for source in docx_files:
                for attempt in (1, 2):  # a process that died since the last file: once more, fresh
                    try:
                        self._ensure()
                        made.append(self._one(uno, source, out_dir, timeout))
                        break
                    except WarmFailure as failure:
                        self._stop()
                        if attempt == 2 or not failure.retry:
                            return None
            return made

    def _one(self, uno: Any, source: Path, out_dir: Path, timeout: float) -> Path:
        target = out_dir / f"{source.stem}.pdf"
        process = self._process
        expired = threading.Event()

        def stop_stuck() -> None:
            expired.set()
            if process is not None:
                _stop_group(process)

        watchdog = threading.Timer(timeout, stop_stuck)
        watchdog.daemon = True
        watchdog.start()
        try:
            document = self._desktop.loadComponentFromURL(
                uno.systemPathToFileUrl(str(source.resolve())), "_blank", 0,
                (_prop(uno, "Hidden", True), _prop(uno, "ReadOnly", True)))
            if document is None:
                raise WarmFailure(f"LibreOffice could not open {source.name}")
            try:
                document.storeToURL(uno.systemPathToFileUrl(str(target.resolve())),
                                    (_prop(uno, "FilterName", "writer_pdf_Export"),))
            finally:
                try:
                    document.close(True)
                except Exception:  # noqa: BLE001 - a closing failure leaves the PDF written
                    pass
        except WarmFailure:
            raise
        except Exception as exc:  # noqa: BLE001 - UNO raises its own exception types
            # a dead bridge (killed, crashed): worth one fresh start; a stuck file is not
            raise WarmFailure(f"{type(exc).__name__}{' (timeout)' if expired.is_set() else ''}",
                              retry=not expired.is_set()) from None
        finally:
            watchdog.cancel()
        if not target.is_file():
            raise WarmFailure(f"no PDF for {source.name}")
        return target


def _prop(uno: Any, name: str, value: Any) -> Any:
    prop = uno.createUnoStruct("com.sun.star.beans.PropertyValue")
    prop.Name = name
    prop.Value = value
    return prop


def _stop_group(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM to the group, a moment to quit, then SIGKILL (soffice.bin too); reap the leader."""
    for signum, wait in ((signal.SIGTERM, STOP_GRACE), (signal.SIGKILL, 5.0)):
        try:
            os.killpg(process.pid, signum)
        except (ProcessLookupError, PermissionError):
            pass
        try:
            process.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            continue
    # the leader may be gone while soffice.bin lingers: the group is killed once more regardless
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


_current: WarmOffice | None = None


def activate(office: WarmOffice) -> None:
    """Make ``office`` the one :func:`docgen.render.pdf.convert` uses in this process."""
    global _current
    _current = office


def deactivate(office: WarmOffice) -> None:
    global _current
    if _current is office:
        _current = None


def current() -> WarmOffice | None:
    return _current
