"""SARIF 2.1.0 output (OASIS), for code-scanning tools.

``tool.driver.rules`` lists every rule (id, name, descriptions, help, default level);
each result has its rule id, level, message, one location (a relative URI and a region with
1-based line/column, end column exclusive, and the snippet) and, when the finding carries a
replacement, a ``fixes`` entry. Columns count Unicode code points (``columnKind``).
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import Any
from urllib.parse import quote

from docgen.check.aggregate import AggregatedFinding
from docgen.check.model import Finding, FixSafety, Severity
from docgen.check.report import summary

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _uri(path: str) -> str:
    """A relative, '/'-separated, percent-encoded URI for ``path`` (relative to the cwd)."""
    if path.startswith("<"):
        return quote(path.strip("<>"))
    p = Path(path)
    try:
        rel = Path(os.path.relpath(p.resolve(), Path.cwd().resolve())) if p.is_absolute() else p
    except ValueError:  # another drive on Windows
        rel = p
    return quote(rel.as_posix())


def _rules() -> list[dict[str, Any]]:
    from docgen.check.rules.base import all_rules

    out: list[dict[str, Any]] = []
    for r in all_rules():
        out.append({
            "id": r.code,
            "name": r.name,
            "shortDescription": {"text": r.summary()},
            "fullDescription": {"text": r.why() or r.summary()},
            "help": {"text": r.doc()},
            "defaultConfiguration": {"level": LEVELS[r.severity]},
            "properties": {"fix": r.fix.value},
        })
    return out


def _region(f: Finding, snippet: bool = True) -> dict[str, Any]:
    region: dict[str, Any] = {
        "startLine": f.line,
        "startColumn": f.column,
        "endLine": f.end_line,
        "endColumn": f.end_column,
    }
    if snippet:
        region["snippet"] = {"text": f.text}
    return region


def _result(f: Finding, index: dict[str, int]) -> dict[str, Any]:
    uri = _uri(f.path)
    result: dict[str, Any] = {
        "ruleId": f.code,
        "level": LEVELS[f.severity],
        "message": {"text": f.message},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": _region(f)}}],
    }
    if f.code in index:
        result["ruleIndex"] = index[f.code]
    if isinstance(f, AggregatedFinding):  # one finding for a slip on many paragraphs: every place kept
        result["relatedLocations"] = [
            {"id": k, "message": {"text": p.message},
             "physicalLocation": {"artifactLocation": {"uri": uri}, "region": _region(p)}}
            for k, p in enumerate(f.places)
        ]
    if f.replacement is not None:
        safe = f.fix is FixSafety.SAFE
        result["fixes"] = [{
            "description": {"text": ("Sửa an toàn: " if safe else "Gợi ý (cần xem lại): ") + f"thay bằng “{f.replacement}”"},
            "artifactChanges": [{
                "artifactLocation": {"uri": uri},
                "replacements": [{
                    "deletedRegion": _region(f, snippet=False),
                    "insertedContent": {"text": f.replacement},
                }],
            }],
        }]
    return result


def render(findings: Sequence[Finding], files: int, errors: int = 0) -> str:
    rules = _rules()
    index = {r["id"]: i for i, r in enumerate(rules)}
    try:
        version = metadata.version("docgen")
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a source tree
        version = "0"
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "docgen",
                "version": version,
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": [_result(f, index) for f in findings],
            "invocations": [{"executionSuccessful": errors == 0}],
            "properties": {"summary": summary(findings, files, errors)},
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
