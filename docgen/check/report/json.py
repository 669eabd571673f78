"""JSON output: ``{"findings": [Finding.to_dict(), …], "summary": {…}}``."""

from __future__ import annotations

import json
from collections.abc import Sequence

from docgen.check.model import Finding
from docgen.check.report import summary


def render(findings: Sequence[Finding], files: int, errors: int = 0) -> str:
    data = {"findings": [f.to_dict() for f in findings], "summary": summary(findings, files, errors)}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
