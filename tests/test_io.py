"""The one writer (docgen/output.py): atomic, no overwrite without force, never over an input,
one winner when two writers race, normal file mode, Vietnamese errors for what the OS refuses."""

from __future__ import annotations

import errno
import os
import threading
from pathlib import Path

import pytest

from docgen.errors import OutputError, RenderError
from docgen.output import ensure_dir, is_same_file, write_output


def test_writes_a_new_file_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "a.docx"
    assert write_output(target, b"data", force=False) == target
    assert target.read_bytes() == b"data"
    assert os.listdir(tmp_path) == ["a.docx"]


def test_creates_the_folder(tmp_path: Path) -> None:
    target = tmp_path / "x" / "y" / "a.json"
    write_output(target, b"{}", force=False)
    assert target.read_bytes() == b"{}"


def test_existing_file_is_refused_without_force_and_replaced_with_it(tmp_path: Path) -> None:
    target = tmp_path / "a.docx"
    target.write_bytes(b"old")
    with pytest.raises(OutputError, match="đã có; dùng --force") as err:
        write_output(target, b"new", force=False)
    assert isinstance(err.value, RenderError)  # exit 2, like every output problem
    assert str(target) in str(err.value)
    assert target.read_bytes() == b"old"
    write_output(target, b"new", force=True)
    assert target.read_bytes() == b"new"
    assert os.listdir(tmp_path) == ["a.docx"]


def test_an_input_is_never_the_output_even_with_force(tmp_path: Path) -> None:
    draft = tmp_path / "du-thao.docx"
    draft.write_bytes(b"draft")
    link = tmp_path / "link.docx"
    link.symlink_to(draft)
    hard = tmp_path / "hard.docx"
    os.link(draft, hard)
    for target in (draft, link, hard, tmp_path / "." / "du-thao.docx"):
        with pytest.raises(OutputError, match="cũng là tệp đầu vào"):
            write_output(target, b"report", force=True, inputs=[str(draft)])
    assert draft.read_bytes() == b"draft"
    assert is_same_file(link, draft) and not is_same_file(tmp_path / "none", draft)


def test_two_writers_racing_for_one_new_file_one_wins(tmp_path: Path) -> None:
    for attempt in range(10):
        target = tmp_path / f"race-{attempt}.pdf"
        barrier = threading.Barrier(2)
        results: list[str] = []

        def writer(payload: bytes) -> None:
            barrier.wait()
            try:
                write_output(target, payload, force=False)
                results.append("ok")
            except OutputError:
                results.append("refused")

        threads = [threading.Thread(target=writer, args=(p,)) for p in (b"first", b"second")]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sorted(results) == ["ok", "refused"]
        assert target.read_bytes() in (b"first", b"second")
    assert all(not name.endswith(".tmp") for name in os.listdir(tmp_path))


def test_file_mode_follows_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_output(tmp_path / "a.docx", b"x", force=False)
        write_output(tmp_path / "a.docx", b"y", force=True)
    finally:
        os.umask(old)
    assert (tmp_path / "a.docx").stat().st_mode & 0o777 == 0o644


def test_disk_full_says_so_and_leaves_no_partial_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(fd: int, data: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(OutputError, match="ổ đĩa đầy") as err:
        write_output(tmp_path / "a.pdf", b"x" * 10_000, force=False)
    assert str(tmp_path / "a.pdf") in str(err.value)
    assert os.listdir(tmp_path) == []


def test_disk_full_at_fsync_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    (tmp_path / "a.pdf").write_bytes(b"old")
    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OutputError, match="ổ đĩa đầy"):
        write_output(tmp_path / "a.pdf", b"new", force=True)
    assert os.listdir(tmp_path) == ["a.pdf"] and (tmp_path / "a.pdf").read_bytes() == b"old"


@pytest.mark.parametrize(
    ("code", "words"),
    [(errno.EACCES, "không có quyền ghi"), (errno.EROFS, "chỉ cho đọc"), (errno.EIO, "không ghi được")],
)
def test_os_refusals_are_vietnamese_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, words: str) -> None:
    real_open = os.open

    def refuse(path: object, flags: int, mode: int = 0o777, **kw: object) -> int:
        if str(path).startswith(str(tmp_path)):
            raise OSError(code, os.strerror(code))
        return real_open(path, flags, mode)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(OutputError, match=words) as err:
        write_output(tmp_path / "a.docx", b"x", force=False)
    assert str(tmp_path / "a.docx") in str(err.value)


def test_a_file_where_a_folder_is_expected(tmp_path: Path) -> None:
    blocker = tmp_path / "out"
    blocker.write_bytes(b"not a folder")
    with pytest.raises(OutputError, match="là một tệp, không phải thư mục"):
        ensure_dir(blocker)
    with pytest.raises(OutputError, match="là một tệp, không phải thư mục"):
        write_output(blocker / "a.docx", b"x", force=True)
    with pytest.raises(OutputError, match="là một tệp, không phải thư mục"):
        write_output(blocker / "sub" / "a.docx", b"x", force=True)
    assert blocker.read_bytes() == b"not a folder"


def test_a_folder_as_the_target(tmp_path: Path) -> None:
    (tmp_path / "a.json").mkdir()
    with pytest.raises(OutputError, match="thư mục"):
        write_output(tmp_path / "a.json", b"x", force=True)


def test_a_name_too_long(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="tên tệp quá dài"):
        write_output(tmp_path / ("ủy-ban-" * 40 + ".docx"), b"x", force=False)
    assert os.listdir(tmp_path) == []
