"""SARIF output validated against the official SARIF 2.1.0 schema (vendored, see sarif/SOURCE.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from docgen.cli import cli

SCHEMA = json.loads((Path(__file__).parent / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


@pytest.fixture()
def log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    monkeypatch.chdir(tmp_path)
    Path("ho so").mkdir()
    Path("ho so/cong van.txt").write_text(
        "Số 1357/UBND-KGVX\nThông tư số  25/2023/TT-BGDĐT n gày 27/12/2023\nNơi nhận:\n- Như trên;\n- Lưu VT, KGVX.\n",
        encoding="utf-8",
    )
    res = CliRunner().invoke(cli, ["check", "--format", "sarif", "--select", "FMT", "ho so"])
    assert res.exit_code == 1
    data: dict[str, Any] = json.loads(res.stdout)
    return data


def test_sarif_is_valid_against_the_official_schema(log: dict[str, Any]) -> None:
    jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(log)


def test_sarif_rules_and_results(log: dict[str, Any]) -> None:
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    by_id = {r["id"]: r for r in rules}
    assert by_id["FMT018"]["name"] == "luu-missing-colon"
    assert by_id["FMT018"]["defaultConfiguration"] == {"level": "error"}
    assert by_id["FMT027"]["defaultConfiguration"] == {"level": "note"}
    assert "Vì sao" not in by_id["FMT018"]["fullDescription"]["text"]  # the paragraph, without its label
    assert "Vì sao:" in by_id["FMT018"]["help"]["text"]
    results = {(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"]): r for r in run["results"]}
    luu = results[("FMT018", 5)]
    loc = luu["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "ho%20so/cong%20van.txt"
    assert loc["region"] == {"startLine": 5, "startColumn": 3, "endLine": 5, "endColumn": 6, "snippet": {"text": "Lưu"}}
    assert rules[luu["ruleIndex"]]["id"] == "FMT018"
    (fix,) = luu["fixes"]
    (change,) = fix["artifactChanges"]
    assert change["replacements"][0]["insertedContent"] == {"text": "Lưu:"}
    split = results[("FMT029", 2)]
    assert split["level"] == "note" and split["fixes"][0]["description"]["text"].startswith("Gợi ý")
