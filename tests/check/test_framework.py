"""Checker framework: registration, config, suppression, runner, fixes, CLI and exit codes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner
from docx import Document

from docgen.check.config import CheckConfig, load_config
from docgen.check.fixes import fix_draft, output_path
from docgen.check.inputs import read_draft
from docgen.check.model import Draft, Finding, FixSafety, Severity, Span
from docgen.check.rules.base import RULES, CheckContext, Rule, register
from docgen.check.runner import check_draft, check_paths
from docgen.cli import cli
from docgen.errors import RenderError, UsageError

KNOWN = ["FMT001", "FMT027", "FMT028", "STR001", "REF002"]


# ---------------------------------------------------------------------------- registration


def test_register_rejects_a_duplicate_code() -> None:
    class Again(Rule):
        """Trùng mã.

        Vì sao: thử.
        """

        code = "FMT001"
        name = "again"
        severity = Severity.INFO
        message = "x"

    with pytest.raises(ValueError, match="registered twice"):
        register(Again)
    assert RULES["FMT001"].__name__ == "SoMissingColon"


@pytest.mark.parametrize("code", ["FMT1", "fmt001", "FORMAT001", "FMT0001"])
def test_register_rejects_a_malformed_code(code: str) -> None:
    bad = type("Bad", (Rule,), {"code": code, "name": "bad", "severity": Severity.INFO, "message": "x"})
    with pytest.raises(ValueError, match="not PREFIX"):
        register(bad)


def test_finding_positions_and_message() -> None:
    class Probe(Rule):
        code: ClassVar[str] = "STR999"
        name: ClassVar[str] = "probe"
        severity: ClassVar[Severity] = Severity.WARNING
        message: ClassVar[str] = "thấy “{word}”"
        fix: ClassVar[FixSafety] = FixSafety.SAFE

        def check(self, ctx: CheckContext) -> Iterator[Finding]:
            yield self.finding(ctx, Span(8, 12), replacement="HAI", word="hai")

    draft = Draft("a.txt", "txt", "một\nhai ba hai bốn")
    (f,) = Probe().check(CheckContext(draft))
    assert (f.line, f.column, f.end_line, f.end_column) == (2, 5, 2, 9)
    assert (f.text, f.message, f.fix, f.code) == ("ba h", "thấy “hai”", FixSafety.SAFE, "STR999")
    assert "STR999" not in RULES


# ---------------------------------------------------------------------------- config


@pytest.mark.parametrize(
    ("select", "ignore", "code", "on"),
    [
        ((), (), "FMT027", True),
        (("FMT",), (), "STR001", False),
        (("FMT",), ("FMT027",), "FMT027", False),
        (("FMT",), ("FMT027",), "FMT028", True),
        (("FMT027",), ("FMT",), "FMT027", True),  # the more specific selector wins
        (("FMT",), ("FMT",), "FMT001", False),  # a tie goes to ignore
    ],
)
def test_select_and_ignore(select: tuple[str, ...], ignore: tuple[str, ...], code: str, on: bool) -> None:
    assert CheckConfig(select=select, ignore=ignore).enabled(code) is on


def test_config_from_pyproject_found_upward(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.docgen]\nselect = ["FMT"]\nignore = ["FMT027"]\nfail-on = "warning"\n', encoding="utf-8"
    )
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    cfg = load_config(deep, ignore=["FMT028"], known_codes=KNOWN)
    assert cfg.select == ("FMT",)
    assert cfg.ignore == ("FMT027", "FMT028")
    assert cfg.fail_on is Severity.WARNING
    assert cfg.source == str(tmp_path / "pyproject.toml")
    assert load_config(deep, select=["STR"], fail_on="info", known_codes=KNOWN).select == ("STR",)


def test_docgen_toml_wins_over_a_parent_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.docgen]\nselect = ["FMT"]\n', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "docgen.toml").write_text('select = ["STR"]\n', encoding="utf-8")
    assert load_config(tmp_path / "sub", known_codes=KNOWN).select == ("STR",)


def test_pyproject_without_docgen_table_is_passed_over(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.docgen]\nignore = ["STR"]\n', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert load_config(tmp_path / "sub", known_codes=KNOWN).ignore == ("STR",)


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ('select = ["XYZ999"]\n', "XYZ999"),
        ('fail-on = "fatal"\n', "fail-on"),
        ('selct = ["FMT"]\n', "selct"),
        ("select = [\n", "TOML"),
    ],
)
def test_bad_config_file_is_a_usage_error_naming_the_file(tmp_path: Path, content: str, fragment: str) -> None:
    (tmp_path / "docgen.toml").write_text(content, encoding="utf-8")
    with pytest.raises(UsageError) as err:
        load_config(tmp_path, known_codes=KNOWN)
    assert fragment in str(err.value) and "docgen.toml" in str(err.value)


def test_unknown_code_on_the_command_line(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="ABC123"):
        load_config(tmp_path, select=["ABC123"], known_codes=KNOWN)


# ---------------------------------------------------------------------------- suppression

LUU = "Nơi nhận:\n- Như trên;\n- Lưu VT, KGVX."


def _codes(text: str, kind: str = "txt") -> list[tuple[int, str]]:
    findings = check_draft(Draft(f"a.{kind}", kind, text), CheckConfig(select=("FMT", "STR")))
    return [(f.line, f.code) for f in findings]


def test_suppression_on_the_line_above() -> None:
    assert (3, "FMT018") in _codes(LUU)
    text = "Nơi nhận:\n- Như trên;\ndocgen: bỏ qua FMT018\n- Lưu VT, KGVX."
    assert (4, "FMT018") not in _codes(text)


def test_suppression_skips_blank_lines_and_names_only_its_code() -> None:
    text = "<!-- docgen: bỏ qua FMT027 -->\n\nThông tư số  25/2023 , ngày"
    codes = _codes(text, "md")
    assert (3, "FMT027") not in codes
    assert (3, "FMT028") in codes


def test_suppression_on_the_same_line_and_by_prefix() -> None:
    assert _codes("Thông tư số  25/2023 , ngày <!-- docgen: bỏ qua FMT -->", "md") == []


def test_suppression_reaches_only_the_next_line() -> None:
    text = "docgen: bỏ qua FMT027\nmột  hai\nba  bốn"
    assert _codes(text) == [(3, "FMT027")]


def test_whole_file_suppression_and_ascii_spelling() -> None:
    text = "một  hai\nba  bốn\n<!-- docgen: bo qua ca tep FMT027 -->"
    assert _codes(text, "md") == []


def test_word_comment_suppresses_its_paragraph(tmp_path: Path) -> None:
    doc = Document()
    doc.add_paragraph("Nơi nhận:")
    doc.add_paragraph("- Như trên;")
    luu = doc.add_paragraph("- Lưu VT, KGVX.")
    doc.add_comment(luu.runs, text="docgen: bỏ qua FMT018", author="Văn thư")
    other = doc.add_paragraph("Thông tư số  25/2023/TT-BGDĐT.")
    path = tmp_path / "c.docx"
    doc.save(str(path))
    found = {(f.line, f.code) for f in check_draft(read_draft(str(path)), CheckConfig(select=("FMT018", "FMT027")))}
    assert found == {(4, "FMT027")}
    assert other.text


# ---------------------------------------------------------------------------- runner and CLI


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_directory_is_recursed_and_bad_files_do_not_stop_the_run(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", "Số 12/UBND-VX\n")
    _write(tmp_path, "sub/b.md", "Nơi nhận\n- Lưu: VT, VX.\n")
    _write(tmp_path, "sub/ignored.csv", "Số 1/UBND-VX\n")
    _write(tmp_path, "a.fixed.txt", "Số 12/UBND-VX\n")
    (tmp_path / "broken.docx").write_bytes(b"not a zip")
    result = check_paths([str(tmp_path)], CheckConfig(select=("FMT001", "FMT017")))
    assert sorted((Path(f.path).name, f.code) for f in result) == [("a.txt", "FMT001"), ("b.md", "FMT017")]
    assert result.files == 2
    assert len(result.errors) == 1 and "broken.docx" in str(result.errors[0])


def test_cli_exit_codes_and_text_format(tmp_path: Path) -> None:
    bad = _write(tmp_path, "du-thao.txt", "Số 12/UBND-VX\n")
    good = _write(tmp_path, "tot.txt", "Số: 12/UBND-VX\n")
    runner = CliRunner()
    res = runner.invoke(cli, ["check", "--select", "FMT001", str(bad)])
    assert res.exit_code == 1
    lines = res.output.splitlines()
    assert lines[0] == f"{bad}:1:1: FMT001 lỗi: “Số” thiếu dấu hai chấm: “Số 12/UBND-VX” [sửa được]"
    assert lines[1] == "Tìm thấy 1 lỗi trong 1 tệp (1 sửa được bằng --fix)."
    assert runner.invoke(cli, ["check", "--select", "FMT001", str(good)]).exit_code == 0


def test_cli_fail_on_and_bad_input(tmp_path: Path) -> None:
    info_only = _write(tmp_path, "a.txt", "một  hai\n")
    runner = CliRunner()
    assert runner.invoke(cli, ["check", "--select", "FMT027", str(info_only)]).exit_code == 0
    assert runner.invoke(cli, ["check", "--select", "FMT027", "--fail-on", "info", str(info_only)]).exit_code == 1
    res = runner.invoke(cli, ["check", "--select", "FMT027", str(info_only), str(tmp_path / "khong-co.txt")])
    assert res.exit_code == 2
    assert "a.txt:1:4: FMT027" in res.output  # the good file is still reported
    assert "khong-co.txt: không tìm thấy tệp" in res.stderr


def test_cli_stdin_and_json(tmp_path: Path) -> None:
    res = CliRunner().invoke(cli, ["check", "--format", "json", "--select", "FMT018", "-"], input=LUU.encode())
    assert res.exit_code == 1
    data = json.loads(res.stdout)
    assert [(f["line"], f["column"], f["code"], f["severity"]) for f in data["findings"]] == [(3, 3, "FMT018", "error")]
    assert data["findings"][0]["fix"] == {"replacement": "Lưu:", "safety": "safe"}
    assert data["summary"]["errors"] == 1 and data["summary"]["files"] == 1


def test_cli_output_file(tmp_path: Path) -> None:
    src = _write(tmp_path, "a.txt", LUU)
    out = tmp_path / "report.json"
    res = CliRunner().invoke(cli, ["check", "--format", "json", "-o", str(out), str(src)])
    assert res.stdout == ""
    assert any(f["code"] == "FMT018" for f in json.loads(out.read_text(encoding="utf-8"))["findings"])


def test_cli_unknown_select_is_exit_2() -> None:
    from docgen.cli import main

    import sys

    argv = sys.argv
    sys.argv = ["docgen", "check", "--select", "QQQ", "x.txt"]
    try:
        with pytest.raises(SystemExit) as exc:
            main()
    finally:
        sys.argv = argv
    assert exc.value.code == 2


def test_rules_command_lists_and_explains() -> None:
    runner = CliRunner()
    listing = runner.invoke(cli, ["rules"])
    assert listing.exit_code == 0
    for code in ("FMT001", "FMT052", "STR001", "STR006"):
        assert code in listing.output
    one = runner.invoke(cli, ["rules", "FMT018"])
    assert one.exit_code == 0
    assert "Vì sao:" in one.output
    assert "- Lưu VT, KGVX." in one.output and "- Lưu: VT, KGVX." in one.output  # first fail, fixed, pass


# ---------------------------------------------------------------------------- fixes


def test_fix_txt_writes_a_copy_and_never_overwrites(tmp_path: Path) -> None:
    src = _write(tmp_path, "du-thao.txt", "Số 12/UBND-VX\nmột  hai\n")
    runner = CliRunner()
    res = runner.invoke(cli, ["check", "--fix", "--select", "FMT", str(src)])
    assert res.exit_code == 0  # everything that was found got fixed
    assert (tmp_path / "du-thao.fixed.txt").read_text(encoding="utf-8") == "Số: 12/UBND-VX\nmột hai\n"
    assert src.read_text(encoding="utf-8") == "Số 12/UBND-VX\nmột  hai\n"
    again = runner.invoke(cli, ["check", "--fix", "--select", "FMT", str(src)])
    assert again.exit_code == 2 and "--force" in again.stderr
    assert runner.invoke(cli, ["check", "--fix", "--force", "--select", "FMT", str(src)]).exit_code == 0


def test_fix_keeps_unsafe_and_overlapping_edits_out(tmp_path: Path) -> None:
    src = _write(tmp_path, "a.txt", "Thông tư số 25/2023/TT-BGDĐT n gày 27/12/2023\n")
    draft = read_draft(str(src))
    outcome = fix_draft(draft, check_draft(draft, CheckConfig(select=("FMT029",))))
    assert outcome.output is None and outcome.applied == []


def test_fix_docx_across_runs_keeps_formatting(tmp_path: Path) -> None:
    doc = Document()
    doc.add_paragraph("Nơi nhận:")
    p = doc.add_paragraph()
    p.add_run("- Như trên ")
    bold = p.add_run(";")
    bold.bold = True
    q = doc.add_paragraph()
    q.add_run("- Lư")
    q.add_run("u VT, ").italic = True
    q.add_run("KGVX.")
    path = tmp_path / "du-thao.docx"
    doc.save(str(path))
    draft = read_draft(str(path))
    outcome = fix_draft(draft, check_draft(draft, CheckConfig(select=("FMT018", "FMT021"))))
    assert [f.code for f in outcome.applied] == ["FMT021", "FMT018"]
    fixed = Document(str(output_path(str(path))))
    assert [par.text for par in fixed.paragraphs] == ["Nơi nhận:", "- Như trên;", "- Lưu: VT, KGVX."]
    assert fixed.paragraphs[1].runs[1].bold is True
    assert fixed.paragraphs[2].runs[1].italic is True
    assert Document(str(path)).paragraphs[2].text == "- Lưu VT, KGVX."  # the draft is untouched


def test_fix_refuses_existing_output_without_force(tmp_path: Path) -> None:
    src = _write(tmp_path, "a.txt", "một  hai\n")
    (tmp_path / "a.fixed.txt").write_text("cũ", encoding="utf-8")
    draft = read_draft(str(src))
    findings = check_draft(draft, CheckConfig(select=("FMT027",)))
    with pytest.raises(RenderError):
        fix_draft(draft, findings)
    assert (tmp_path / "a.fixed.txt").read_text(encoding="utf-8") == "cũ"
    fix_draft(draft, findings, force=True)
    assert (tmp_path / "a.fixed.txt").read_text(encoding="utf-8") == "một hai\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.fixed.txt", "a.txt"]  # no temp file left


def test_hidden_paragraph_suppresses_the_next_paragraph(tmp_path: Path) -> None:
    doc = Document()
    doc.add_paragraph("Nơi nhận:")
    hidden = doc.add_paragraph().add_run("docgen: bỏ qua FMT018")
    hidden.font.hidden = True
    doc.add_paragraph("- Lưu VT, KGVX.")
    path = tmp_path / "h.docx"
    doc.save(str(path))
    assert check_draft(read_draft(str(path)), CheckConfig(select=("FMT018",))) == []
    doc.paragraphs[1].runs[0].text = "docgen: bỏ qua FMT027"
    doc.save(str(path))
    assert [f.line for f in check_draft(read_draft(str(path)), CheckConfig(select=("FMT018",)))] == [3]


def test_checker_doc_lists_every_str_and_fmt_rule() -> None:
    from docgen.check.rules.base import all_rules

    doc = (Path(__file__).resolve().parents[2] / "docs" / "checker.md").read_text(encoding="utf-8")
    missing = [r.code for r in all_rules() if r.family() in ("STR", "FMT") and f"| {r.code} | {r.name} |" not in doc]
    assert missing == []


# ---------------------------------------------------------------------------- nothing lost (issue 9)


def test_cli_output_onto_its_own_draft_is_refused(tmp_path: Path) -> None:
    src = _write(tmp_path, "a.txt", LUU)
    for target in (src, tmp_path / "." / "a.txt"):
        res = CliRunner().invoke(cli, ["check", "--format", "json", "--force", "-o", str(target), str(src)])
        assert res.exit_code != 0 and "cũng là tệp đầu vào" in str(res.exception)
    folder_run = CliRunner().invoke(cli, ["check", "--format", "json", "-o", str(src), str(tmp_path)])
    assert "cũng là tệp đầu vào" in str(folder_run.exception)
    assert src.read_text(encoding="utf-8") == LUU


def test_cli_output_is_not_overwritten_without_force(tmp_path: Path) -> None:
    src = _write(tmp_path, "a.txt", LUU)
    out = tmp_path / "report.json"
    out.write_text("old", encoding="utf-8")
    res = CliRunner().invoke(cli, ["check", "--format", "json", "-o", str(out), str(src)])
    assert "--force" in str(res.exception) and out.read_text(encoding="utf-8") == "old"
    again = CliRunner().invoke(cli, ["check", "--format", "json", "--force", "-o", str(out), str(src)])
    assert again.exit_code == 1 and json.loads(out.read_text(encoding="utf-8"))["findings"]


def test_fix_txt_keeps_crlf_tabs_and_everything_else(tmp_path: Path) -> None:
    original = "Nội dung\tThời hạn\r\nSố 12/UBND-VX\r\nmột  hai\u00a0ba\r\nNơi nhận:\r\n- Như trên;\r\n- Lưu VT, KGVX.\r\n"
    src = tmp_path / "du-thao.txt"
    src.write_bytes(original.encode("utf-8"))
    res = CliRunner().invoke(cli, ["check", "--fix", "--select", "FMT001,FMT018", str(src)])
    assert res.exit_code == 0, res.output
    fixed = (tmp_path / "du-thao.fixed.txt").read_bytes().decode("utf-8")
    assert fixed == original.replace("Số 12", "Số: 12").replace("Lưu VT", "Lưu: VT")
    assert src.read_bytes() == original.encode("utf-8")


def test_fix_txt_keeps_the_bom_and_decomposed_letters(tmp_path: Path) -> None:
    import unicodedata

    body = unicodedata.normalize("NFD", "Ủy ban nhân dân\nSố 12/UBND-VX\n")
    src = tmp_path / "a.txt"
    src.write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
    draft = read_draft(str(src))
    outcome = fix_draft(draft, check_draft(draft, CheckConfig(select=("FMT001",))))
    assert outcome.output is not None and [f.code for f in outcome.applied] == ["FMT001"]
    data = (tmp_path / "a.fixed.txt").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    first, second, end = data[3:].decode("utf-8").split("\n")
    assert first == unicodedata.normalize("NFD", "Ủy ban nhân dân")  # not asked to change: kept as is
    assert unicodedata.normalize("NFC", second) == "Số: 12/UBND-VX" and end == ""


def test_fixed_file_has_the_usual_mode(tmp_path: Path) -> None:
    import os

    src = _write(tmp_path, "a.txt", "Số 12/UBND-VX\n")
    old = os.umask(0o022)
    try:
        CliRunner().invoke(cli, ["check", "--fix", "--select", "FMT001", str(src)])
    finally:
        os.umask(old)
    assert (tmp_path / "a.fixed.txt").stat().st_mode & 0o777 == 0o644


def test_fix_on_a_text_copied_from_pdf_keeps_crlf(tmp_path: Path) -> None:
    import importlib.util

    from docgen.check.runner import run_check

    spec = importlib.util.spec_from_file_location("repair_cases", Path(__file__).with_name("test_repair.py"))
    assert spec is not None and spec.loader is not None
    cases = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(cases)
    crlf = cases.COPIED.replace("\n", "\r\n")
    path = tmp_path / "ke-hoach.txt"
    path.write_bytes(crlf.encode("utf-8"))
    run_check([str(path)], fix=True, select=["REF"])
    fixed = (tmp_path / "ke-hoach.fixed.txt").read_bytes().decode("utf-8")
    assert fixed == crlf.replace("BGDĐT ngày 28/12/2023", "BGDĐT ngày 27/12/2023", 1)
