"""The one writer: every file docgen writes (.docx, PDF, reports, fixed copies) goes through here.

:func:`write_output` writes to a temporary file in the target's folder, flushes it to disk and
only then gives it the final name, so a reader never sees half a file and a failure leaves
nothing behind (issue 9, "Nothing lost, ever"):

* without ``force`` an existing file is never replaced, and the final name is created
  exclusively (``os.link``), so of two writers racing for the same new file exactly one succeeds;
* with ``force`` the file is replaced in one step (``os.replace``);
* a target that is one of the command's inputs (same file, also through a symlink or a hard
  link) is refused, with or without ``force``;
* the file gets the usual mode, 0o666 less the umask (``mkstemp`` would give 0o600);
* operating-system failures (no permission, read-only file system, disk full, a file where a
  folder is expected, a name too long) become an :class:`~docgen.errors.OutputError` in
  Vietnamese naming the file, never a traceback.
"""

from __future__ import annotations

import errno
import os
import secrets
from collections.abc import Iterable
from pathlib import Path

from docgen.errors import Location, OutputError

__all__ = ["ensure_dir", "is_same_file", "refuse_file_as_dir", "write_output"]

NAME_MAX = 255  # bytes in one file name on ext4, xfs, btrfs, NTFS (in UTF-16 units), APFS


def _message(exc: OSError, path: Path) -> str:
    """The Vietnamese sentence for an operating-system failure while writing ``path``."""
    code = exc.errno
    if code in (errno.EACCES, errno.EPERM):
        return f"không có quyền ghi {path} (thư mục {path.parent})"
    if code == errno.EROFS:
        return f"không ghi được {path}: hệ thống tệp chỉ cho đọc"
    if code in (errno.ENOSPC, errno.EDQUOT):
        return f"ổ đĩa đầy (hoặc hết hạn mức), chưa ghi được {path}; đã xóa phần ghi dở, không có tệp nào bị ghi dở"
    if code == errno.ENAMETOOLONG:
        size = len(os.fsencode(path.name))
        return f"tên tệp quá dài ({size} byte, tối đa {NAME_MAX}): {path}"
    if code in (errno.ENOTDIR, errno.EEXIST):
        return f"không ghi được {path}: {_file_in_the_way(path)} là một tệp, không phải thư mục"
    if code == errno.EISDIR:
        return f"không ghi được {path}: đó là một thư mục"
    return f"không ghi được {path} ({exc.strerror or type(exc).__name__})"


def _file_in_the_way(path: Path) -> Path:
    """The first ancestor of ``path`` that exists and is not a folder (or the parent)."""
    for parent in reversed(path.parents):
        if parent.exists() and not parent.is_dir():
            return parent
    return path.parent


def _error(exc: OSError, path: Path) -> OutputError:
    return OutputError(_message(exc, path), Location(str(path)))


def refuse_file_as_dir(folder: Path) -> None:
    """An OutputError when ``folder``, or a folder above it, is an existing file (``-o x.docx``
    where an output folder is expected). Creates nothing."""
    try:
        if folder.exists() and not folder.is_dir():
            raise OutputError(f"{folder} là một tệp, không phải thư mục: cần một thư mục để ghi kết quả", Location(str(folder)))
        blocker = _file_in_the_way(folder / "x")
        if blocker.exists() and not blocker.is_dir():
            raise OutputError(f"{blocker} là một tệp, không phải thư mục: không tạo được thư mục {folder}", Location(str(folder)))
    except OSError as exc:  # a name too long, a folder that cannot be listed
        raise _error(exc, folder) from None


def ensure_dir(folder: Path) -> None:
    """Create ``folder`` (and its parents) for output; a file in the way is an OutputError."""
    refuse_file_as_dir(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputError(f"{_file_in_the_way(folder / 'x')} là một tệp, không phải thư mục", Location(str(folder))) from None
    except OSError as exc:
        raise _error(exc, folder) from None


def is_same_file(a: Path | str, b: Path | str) -> bool:
    """Whether ``a`` and ``b`` name one file (resolved paths, symlinks and hard links)."""
    a, b = Path(a), Path(b)
    try:
        if a.resolve() == b.resolve():
            return True
        return os.path.samefile(a, b)
    except (OSError, RuntimeError):  # missing, or a symlink loop
        return False


def _refuse_inputs(path: Path, inputs: Iterable[Path | str]) -> None:
    for source in inputs:
        if str(source) == "-":
            continue
        if is_same_file(path, source):
            raise OutputError(
                f"tệp kết quả {path} cũng là tệp đầu vào {source} của lệnh: không ghi đè lên đầu vào; hãy chọn tên khác",
                Location(str(path)),
            )


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]
    os.fsync(fd)


def write_output(path: Path | str, data: bytes, *, force: bool, inputs: Iterable[Path | str] = ()) -> Path:
    """Write ``data`` to ``path`` atomically; refuse an existing file without ``force`` and any
    of ``inputs``. Returns the path written. Raises :class:`OutputError` (Vietnamese)."""
    path = Path(path)
    if len(os.fsencode(path.name)) > NAME_MAX:
        raise _error(OSError(errno.ENAMETOOLONG, "File name too long"), path)
    _refuse_inputs(path, inputs)
    folder = path.parent
    try:
        ensure_dir(folder)
        if path.is_dir():
            raise OutputError(f"không ghi được {path}: đó là một thư mục", Location(str(path)))
        if not force and os.path.lexists(path):
            raise _exists(path)
    except OSError as exc:  # Path.is_dir and exists raise on a name too long
        raise _error(exc, path) from None
    # a short temporary name: the target's own name may already be near the limit
    tmp = folder / f".docgen-{secrets.token_hex(6)}.tmp"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # the umask applies
    except OSError as exc:
        raise _error(exc, path) from None
    try:
        try:
            _write_all(fd, data)
        finally:
            os.close(fd)
        if force:
            os.replace(tmp, path)
        else:
            _link_exclusive(tmp, path)
    except FileExistsError:
        raise _exists(path) from None
    except OSError as exc:
        raise _error(exc, path) from None
    finally:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        except OSError:  # pragma: no cover - the folder became unwritable meanwhile
            pass
    return path


def _exists(path: Path) -> OutputError:
    return OutputError(f"tệp {path} đã có; dùng --force để ghi đè", Location(str(path)))


def _link_exclusive(tmp: Path, path: Path) -> None:
    """Give ``tmp`` the name ``path`` only if no file has it (FileExistsError otherwise)."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
            raise
        # no hard links here (FAT, some network shares): claim the name, then fill it
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        os.replace(tmp, path)
