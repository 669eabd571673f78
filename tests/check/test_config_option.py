"""``docgen check --config FILE``: the named settings file instead of the upward search."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from docgen.cli import cli

DRAFT = "Số 12/KH-UBND\nCăn cứ Thông tư số 25/2023/TT-BGDĐT ngày 28/12/2023;\n- Lưu VT, VP.\n"


def test_check_config_names_the_settings_file(tmp_path: Path) -> None:
    draft = tmp_path / "du-thao.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    settings = tmp_path / "noi-khac" / "cau-hinh.toml"
    settings.parent.mkdir()
    settings.write_text('select = ["REF"]\n\n[mac_dinh]\ndia_danh = "Yên Phong"\n', encoding="utf-8")
    plain = CliRunner().invoke(cli, ["check", str(draft)])
    assert " FMT0" in plain.stdout and " REF002 " in plain.stdout
    named = CliRunner().invoke(cli, ["check", "--config", str(settings), str(draft)])
    assert " REF002 " in named.stdout and " FMT0" not in named.stdout
    missing = CliRunner().invoke(cli, ["check", "--config", str(tmp_path / "khong-co.toml"), str(draft)])
    assert missing.exit_code != 0 and "không tìm thấy tệp cấu hình" in str(missing.exception)
