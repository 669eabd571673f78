"""Renderers of a checker run, one module per output format (text, json, sarif)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from docgen import vi
from docgen.check.model import Finding, FixSafety, Severity


def fixable(f: Finding) -> bool:
    return f.replacement is not None and f.fix is FixSafety.SAFE


def summary(findings: Sequence[Finding], files: int, errors: int = 0) -> dict[str, int]:
    counts = Counter(f.severity.value for f in findings)
    return {
        "files": files,
        "findings": len(findings),
        "errors": counts.get(Severity.ERROR.value, 0),
        "warnings": counts.get(Severity.WARNING.value, 0),
        "infos": counts.get(Severity.INFO.value, 0),
        "fixable": sum(1 for f in findings if fixable(f)),
        "unreadable": errors,
    }


def summary_line(findings: Sequence[Finding], files: int, errors: int = 0) -> str:
    """"Tìm thấy 2 lỗi, 1 cảnh báo, 3 thông tin trong 2 tệp (4 sửa được bằng --fix)."."""
    s = summary(findings, files, errors)
    if not findings:
        text = f"Không tìm thấy vấn đề nào trong {files} tệp."
    else:
        parts = [
            f"{s[key]} {vi.SEVERITY_WORDS[sev]}"
            for key, sev in (("errors", "error"), ("warnings", "warning"), ("infos", "info"))
            if s[key]
        ]
        text = f"Tìm thấy {', '.join(parts)} trong {files} tệp"
        text += f" ({s['fixable']} sửa được bằng --fix)." if s["fixable"] else "."
    if errors:
        text += f" {errors} tệp không đọc được."
    return text
