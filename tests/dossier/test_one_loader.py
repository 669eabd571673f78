"""A self-assessment is read by the one spec loader (issue 12): the same limits, encodings,
messages, positions and key suggestions as a document spec, and a JSON Schema of its own."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from docgen.cli import cli
from docgen.dossier.spec import load_self_assessment
from docgen.errors import SpecError
from docgen.spec.schema import self_assessment_schema

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "ho-so").glob("*.yaml"))


def _broken(tmp_path: Path, change: str) -> Path:
    text = (ROOT / "ho-so" / "xa-tan-lap-2025.yaml").read_text(encoding="utf-8")
    if change == "typo":
        text = text.replace("nam_danh_gia:", "nam_danh_gai:", 1)
    elif change == "code-written-5b":
        text = text.replace("  1.b:\n    dat: true", "  1b:\n    dat: có", 1)
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_bundled_self_assessment_fits_its_schema(path: Path) -> None:
    data = json.loads(json.dumps(YAML(typ="safe").load(path.read_text(encoding="utf-8")), default=str))
    assert list(jsonschema.Draft202012Validator(self_assessment_schema()).iter_errors(data)) == []


def test_the_schema_refuses_what_the_loader_refuses(tmp_path: Path) -> None:
    path = _broken(tmp_path, "typo")
    data = json.loads(json.dumps(YAML(typ="safe").load(path.read_text(encoding="utf-8")), default=str))
    assert list(jsonschema.Draft202012Validator(self_assessment_schema()).iter_errors(data))
    with pytest.raises(SpecError):
        load_self_assessment(path)


def test_a_mistyped_key_gets_the_loaders_suggestion(tmp_path: Path) -> None:
    with pytest.raises(SpecError) as info:
        load_self_assessment(_broken(tmp_path, "typo"))
    messages = [(loc.line, loc.field, message) for loc, message in info.value.problems]
    assert (9, "nam_danh_gai", "khóa không hợp lệ `nam_danh_gai` — có phải ý bạn là `nam_danh_gia`?") in messages


def test_a_code_written_without_its_dot_is_found_at_its_line(tmp_path: Path) -> None:
    """The model reads "1b" as chỉ tiêu 1.b; the problem is reported at the value in the file."""
    with pytest.raises(SpecError) as info:
        load_self_assessment(_broken(tmp_path, "code-written-5b"))
    ((loc, message),) = info.value.problems
    assert (loc.line, loc.column, loc.field) == (18, 10, "chi_tieu.1.b.dat")
    assert message == "phải là true hoặc false, không phải “có”"


@pytest.mark.parametrize(("make", "expected"), [
    (lambda d: d, "đây là thư mục, không phải tệp đặc tả"),
    (lambda d: d / "khong-co.yaml", "không tìm thấy tệp đặc tả"),
    (lambda d: (d / "tcvn3.yaml").write_bytes("ten: X· T©n LËp\ncap: xa\nghi_chu: Uû ban nh©n d©n x· T©n LËp\n".encode("cp1252")) and d / "tcvn3.yaml", "TCVN3"),
])
def test_files_are_refused_as_a_spec_is(tmp_path: Path, make: object, expected: str) -> None:
    with pytest.raises(SpecError) as info:
        load_self_assessment(make(tmp_path))  # type: ignore[operator]
    assert expected in info.value.problems[0][1]


def test_cli_prints_either_schema() -> None:
    runner = CliRunner()
    document = json.loads(runner.invoke(cli, ["schema"]).output)
    assessment = json.loads(runner.invoke(cli, ["schema", "tu-danh-gia"]).output)
    assert "trich_yeu" in document["properties"] and "chi_tieu" in assessment["properties"]
    assert runner.invoke(cli, ["schema", "ke-hoach"]).exit_code == 2
