"""The one error boundary (docgen/boundary.py, cli.main): a DocgenError is exit 2 with its
message; anything else is a bug: one Vietnamese line naming the input and a log file holding
the traceback, exit 3, never a bare traceback."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from docgen.boundary import BUG_EXIT, handle_exception
from docgen.errors import InputError


def run_main(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> int:
    from docgen.cli import main

    monkeypatch.setattr(sys, "argv", ["docgen", *argv])
    with pytest.raises(SystemExit) as exc:
        main()
    code = exc.value.code
    assert isinstance(code, int)
    return code


def boom(*args: object, **kwargs: object) -> str:
    raise KeyError("khóa-lạ")


def test_a_bug_is_one_line_a_log_file_and_exit_3(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import docgen.check.runner

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setattr(docgen.check.runner, "run_check", boom)
    draft = tmp_path / "du-thao.txt"
    draft.write_text("Số: 12/UBND-VX\n", encoding="utf-8")
    code = run_main(["check", "--format", "json", str(draft)], monkeypatch)
    err = capsys.readouterr().err
    assert code == 3 == BUG_EXIT
    lines = err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"lỗi nội bộ của docgen khi xử lý {draft}: KeyError; chi tiết ghi ở ")
    assert "Traceback" not in err
    log = Path(lines[0].rsplit("chi tiết ghi ở ", 1)[1])
    assert log.parent == tmp_path / "state" / "docgen"
    text = log.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text and "KeyError: 'khóa-lạ'" in text and "def boom" not in text
    assert "in boom" in text


def test_the_log_falls_back_to_the_temporary_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import tempfile

    import docgen.law.show

    blocker = tmp_path / "state"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_STATE_HOME", str(blocker))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    monkeypatch.setattr(docgen.law.show, "refs_report", boom)
    assert run_main(["refs", "25/2023/TT-BGDĐT"], monkeypatch) == 3
    line = capsys.readouterr().err.strip()
    assert "khi xử lý 25/2023/TT-BGDĐT: KeyError" in line
    log = Path(line.rsplit("chi tiết ghi ở ", 1)[1])
    assert log.parent == tmp_path / "tmp" / "docgen" and "KeyError" in log.read_text(encoding="utf-8")


def test_a_command_without_inputs_is_named_by_its_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import docgen.spec.schema

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    monkeypatch.setattr(docgen.spec.schema, "spec_json_schema", boom)
    assert run_main(["schema"], monkeypatch) == 3
    assert "lỗi nội bộ của docgen khi xử lý lệnh docgen schema: KeyError" in capsys.readouterr().err


def test_a_docgen_error_is_still_its_message_and_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    assert run_main(["check", str(tmp_path / "khong-co.txt"), "-o", str(tmp_path / "r.json")], monkeypatch) == 2
    assert not (tmp_path / "state").exists()  # no log for a user's mistake


def test_handle_exception_is_the_boundary_for_other_entry_points(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    user = handle_exception(InputError("không tìm thấy tệp"), "dòng 3")
    assert (user.exit_code, user.message, user.log) == (2, "không tìm thấy tệp", None)
    try:
        raise ValueError("x")
    except ValueError as exc:
        bug = handle_exception(exc, "dòng 7 của bang.csv")
    assert bug.exit_code == 3 and bug.log is not None and bug.log.is_file()
    assert bug.message == f"lỗi nội bộ của docgen khi xử lý dòng 7 của bang.csv: ValueError; chi tiết ghi ở {bug.log}"
