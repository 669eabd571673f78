"""JSON Schema, starter specs and the two CLI commands built on them (new, schema)."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pydantic
import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from docgen.cli import cli
from docgen.errors import UsageError
from docgen.spec.loader import Problem, load_spec, load_spec_text
from docgen.spec.models import Document, Kind
from docgen.spec.schema import spec_json_schema, spec_schema
from docgen.spec.starter import starter_spec

ROOT = Path(__file__).resolve().parents[2]
DOCGEN = ROOT / ".venv" / "bin" / "docgen"


def properties(node: Any) -> list[tuple[str, dict[str, Any]]]:
    """Every (key, property schema) pair anywhere in a schema."""
    out: list[tuple[str, dict[str, Any]]] = []
    if isinstance(node, dict):
        for key, prop in (node.get("properties") or {}).items():
            out.append((key, prop))
        for value in node.values():
            out += properties(value)
    elif isinstance(node, list):
        for value in node:
            out += properties(value)
    return out


# ---------------------------------------------------------------- schema


def test_schema_is_valid_draft_2020_12_with_id_and_title() -> None:
    schema = json.loads(spec_json_schema())
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].endswith(".json")
    assert schema["title"] == "Đặc tả văn bản"


def test_schema_uses_yaml_keys_and_every_key_has_a_vietnamese_description() -> None:
    schema = spec_schema()
    assert {"loai", "co_quan", "muc_tieu", "nguoi_ky", "noi_nhan", "chu_thich"} <= {k for k, _ in properties(schema)}
    assert "kind" not in schema["properties"] and "signers" not in schema["properties"]
    missing = sorted({k for k, prop in properties(schema) if not prop.get("description")})
    assert missing == []
    english = re.compile(r"\b(the|and|of|with|that|one|when)\b")
    for name, definition in schema["$defs"].items():
        assert definition.get("title") and definition.get("description"), name
        assert not english.search(definition["description"]), name  # English docstrings stay in the code
    for key, prop in properties(schema):
        assert not english.search(prop["description"]), key


@pytest.mark.parametrize(
    ("patch", "valid"),
    [
        ({"ngay": "31/12/2025"}, True),
        ({"ngay": "2025-12-31"}, False),
        ({"loai": "ke hoach"}, False),
        ({"muc_tiue": []}, False),
        ({"nguoi_ky": [{"ho_ten": "A"}, {"ho_ten": "B"}]}, True),
        ({"so": 1357}, True),
        ({"dia_danh": 12}, True),
        ({"dia_danh": ["Cao Bằng"]}, False),
        ({"loai": 3}, False),
    ],
)
def test_schema_accepts_what_the_loader_accepts(patch: dict[str, Any], valid: bool) -> None:
    base = {
        "loai": "ke-hoach",
        "co_quan": [{"ten": "ỦY BAN NHÂN DÂN"}],
        "dia_danh": "Cao Bằng",
        "trich_yeu": "Kế hoạch",
        "nguoi_ky": {"ho_ten": "Trịnh Trường Huy"},
    }
    errors = list(jsonschema.Draft202012Validator(spec_schema()).iter_errors({**base, **patch}))
    assert (errors == []) is valid


@pytest.mark.parametrize("number", [5, 1357, "5", "007", 999_999_999, 0, "0", "000", -5, "-5", 5.5, "1e5", "0x1F", "١٢", 10**9, "1234567890", "abc", True])
def test_schema_and_loader_agree_on_the_number(number: object) -> None:
    """Issue 9: the schema let any text through as ``so`` while the loader refused it."""
    base = {
        "loai": "cong-van",
        "co_quan": [{"ten": "ỦY BAN NHÂN DÂN"}],
        "dia_danh": "Cao Bằng",
        "trich_yeu": "V/v thử",
        "nguoi_ky": {"ho_ten": "Trịnh Trường Huy"},
        "so": number,
    }
    schema_ok = not list(jsonschema.Draft202012Validator(spec_schema()).iter_errors(base))
    try:
        Document.model_validate(base)
    except pydantic.ValidationError:
        model_ok = False
    else:
        model_ok = True
    assert schema_ok == model_ok, f"schema {'accepts' if schema_ok else 'refuses'} so={number!r}, the loader {'accepts' if model_ok else 'refuses'} it"


@pytest.mark.parametrize("deadline", ["31/12/2025", "03/2026", 2027])
def test_schema_deadline_forms(deadline: object) -> None:
    spec = {
        "loai": "ke-hoach", "co_quan": [{"ten": "X"}], "dia_danh": "X", "trich_yeu": "X", "nguoi_ky": {"ho_ten": "X"},
        "noi_dung": [{"muc_tieu": [{"cap": "xa", "han": deadline}]}],
    }
    assert list(jsonschema.Draft202012Validator(spec_schema()).iter_errors(spec)) == []


# ---------------------------------------------------------------- starters


@pytest.mark.parametrize("kind", list(Kind), ids=lambda k: k.value)
def test_starter_loads_for_every_kind(kind: Kind) -> None:
    text = starter_spec(kind)
    warnings: list[Problem] = []
    doc = load_spec_text(text, f"{kind.value}.yaml", warnings)
    assert doc.kind is kind
    assert warnings == []
    data = YAML(typ="safe", pure=True).load(text)
    assert list(jsonschema.Draft202012Validator(spec_schema()).iter_errors(data)) == []
    assert sum(1 for line in text.splitlines() if line.lstrip().startswith("#")) >= 10


def test_starter_comments_explain_keys_in_vietnamese() -> None:
    text = starter_spec("ke-hoach")
    for words in ("# Cơ quan ban hành", "# Căn cứ.", "# Người ký", "# Nơi nhận", "# Mục tiêu."):
        assert words in text


def test_starter_two_issuers_two_signers_for_chuong_trinh() -> None:
    doc = load_spec_text(starter_spec(Kind.CHUONG_TRINH), "c.yaml")
    assert len(doc.issuers) == len(doc.signers) == 2


def test_starter_unknown_kind() -> None:
    with pytest.raises(UsageError, match="không có loại văn bản “cong-vann”"):
        starter_spec("cong-vann")


# ---------------------------------------------------------------- CLI


def test_cli_new_prints_a_spec_that_loads(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["new", "ke-hoach"])
    assert result.exit_code == 0
    spec = tmp_path / "ke-hoach.yaml"
    spec.write_text(result.output, encoding="utf-8")
    assert load_spec(spec).kind is Kind.KE_HOACH


def test_cli_schema_prints_json() -> None:
    result = CliRunner().invoke(cli, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.output)["$id"] == spec_schema()["$id"]


@pytest.mark.skipif(not DOCGEN.exists(), reason="the console script is installed by ./run.sh setup")
def test_console_script_exit_codes() -> None:
    ok = subprocess.run([str(DOCGEN), "new", "to-trinh"], capture_output=True, text=True, check=False)
    assert ok.returncode == 0
    assert ok.stdout.startswith("# Đặc tả văn bản cho docgen (to-trinh).")
    bad = subprocess.run([str(DOCGEN), "new", "cong-vann"], capture_output=True, text=True, check=False)
    assert bad.returncode == 2
    assert "cong-vann" in bad.stderr


@pytest.mark.skipif(not DOCGEN.exists(), reason="the console script is installed by ./run.sh setup")
def test_console_script_spec_error_exits_2_with_every_problem(tmp_path: Path) -> None:
    spec = ROOT / "tests" / "fixtures" / "specs" / "bad_dates.yaml"
    run = subprocess.run(
        [str(DOCGEN), "render", str(spec), "-o", str(tmp_path), "--no-pdf"], capture_output=True, text=True, check=False
    )
    assert run.returncode == 2
    assert f"{spec}:15:14: noi_dung[0].muc_tieu[1].han: ngày 31/02/2025 không tồn tại" in run.stderr.splitlines()
    assert len([line for line in run.stderr.splitlines() if line.startswith(str(spec))]) == 3
    assert list(tmp_path.iterdir()) == []
