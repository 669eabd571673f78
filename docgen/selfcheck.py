"""Render checks itself (issue 12): the spec and the document made from it are checked before
anything is written.

The spec is checked as `docgen check x.yaml` would (its strings, at their YAML positions: a wrong
date or deadline typed into a ``noi_dung``), and the rendered .docx as `docgen check x.docx` would
(what the templates and the registry wrote). A finding of the document already found in the spec
is said once, at the spec's line. Errors stop the command (exit 1, nothing written) unless the
user passes ``--no-check``; warnings and notes are printed and the files are written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from docgen.check.model import Finding, Severity
from docgen.errors import DocgenError


class CheckFailed(DocgenError):
    """The document docgen made (or its spec) has errors: nothing was written."""

    exit_code = 1

    def __init__(self, findings: Sequence[Finding]) -> None:
        from docgen.check.report.text import format_finding

        lines = [format_finding(f) for f in findings]
        message = (
            f"không ghi tệp nào: văn bản có {len(findings)} lỗi (sửa tệp đặc tả rồi chạy lại, "
            "hoặc dùng --no-check để vẫn ghi)\n" + "\n".join(lines)
        )
        super().__init__(message)
        self.findings = list(findings)


@dataclass
class SelfCheck:
    """The findings of one document: those that block it and the others."""

    errors: list[Finding] = field(default_factory=list)
    others: list[Finding] = field(default_factory=list)


def check_rendered(spec: Path | None, data: bytes, target: Path, office_config: Path | None = None) -> SelfCheck:
    """Check the spec (when there is one, with the office defaults of ``office_config`` as render
    read it) and the rendered .docx ``data`` to be written at ``target``."""
    from docgen.check.config import CheckConfig
    from docgen.check.inputs import read_draft
    from docgen.check.inputs.docx import docx_draft
    from docgen.check.runner import check_draft

    config = CheckConfig()
    found: list[Finding] = []
    if spec is not None:
        found += check_draft(read_draft(spec, office_config=office_config), config)
    said = {(f.code, f.message) for f in found}
    found += [f for f in check_draft(docx_draft(data, str(target)), config) if (f.code, f.message) not in said]
    result = SelfCheck()
    for f in found:
        (result.errors if f.severity is Severity.ERROR else result.others).append(f)
    return result
