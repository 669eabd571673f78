"""Human output: one finding a line, then a Vietnamese summary line.

    du-thao.docx:14:52: REF002 lỗi: Thông tư số 25/2023/TT-BGDĐT ban hành ngày 27/12/2023, không phải 28/12/2023 [sửa được]
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from docgen import vi
from docgen.check.model import Finding
from docgen.check.report import fixable, summary_line


def format_finding(f: Finding) -> str:
    line = f"{f.path}:{f.line}:{f.column}: {f.code} {vi.SEVERITY_WORDS[f.severity.value]}: {f.message}"
    if fixable(f):
        line += " [sửa được]"
    elif f.suggestion:
        line += f" (gợi ý: {f.suggestion})"
    return line


def render(findings: Sequence[Finding], files: int, errors: int = 0) -> str:
    lines = [format_finding(f) for f in findings]
    lines.append(summary_line(findings, files, errors))
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------- docgen rules

# Rule examples are the cases in tests/rules/<CODE>.yaml, read from the source tree (they are
# not packaged); an installed copy without tests/ prints the docstring only.
CASES_DIR = Path(__file__).resolve().parents[3] / "tests" / "rules"


def load_cases(code: str, folder: Path | None = None) -> dict[str, Any]:
    """The cases of one rule (name → case), in file order; {} when the file is missing."""
    from ruamel.yaml import YAML

    path = (folder or CASES_DIR) / f"{code}.yaml"
    if not path.is_file():
        return {}
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {}
    return {k: v for k, v in data.items() if isinstance(v, dict)}


def _first(cases: dict[str, Any], key: str) -> tuple[str, Any] | None:
    """The first case with ``key`` ("fail"/"pass"), or with ``key_docx`` (a .docx described
    by what differs from an NĐ30-correct document), as (case name, text to show)."""
    for name, case in cases.items():
        if key in case:
            return name, case[key]
        if f"{key}_docx" in case:
            import json  # only for `docgen rule CODE`, never for a report

            shown = json.dumps(case[f"{key}_docx"], ensure_ascii=False)
            return name, f"(tệp .docx) {shown}"
    return None


def _shorten(text: str, width: int = 60) -> str:
    one = " ".join(str(text).split())
    return one if len(one) <= width else one[: width - 1] + "…"


def render_rule_list() -> str:
    """Every rule: code, severity, name, summary, and its first failing example."""
    from docgen.check.rules.base import FAMILIES, all_rules

    out: list[str] = []
    family = ""
    for r in all_rules():
        if r.family() != family:
            family = r.family()
            out.append(f"{'' if not out else chr(10)}{family}: {FAMILIES.get(family, '')}")
        fix = " [sửa được]" if r.fix.value == "safe" else ""
        out.append(f"{r.code:<7} {vi.SEVERITY_WORDS[r.severity.value]:<9} {r.name}{fix}")
        out.append(f"        {r.summary()}")
        fail = _first(load_cases(r.code), "fail")
        if fail:
            out.append(f"        ví dụ sai: {_shorten(fail[1])}")
    return "\n".join(out) + "\n"


def render_rule_doc(code: str) -> str:
    """One rule: header, docstring, first fail and pass case."""
    from docgen.check.rules.base import RULES, all_rules
    from docgen.errors import UsageError

    all_rules()
    rule = RULES.get(code.upper())
    if rule is None:
        raise UsageError(f"không có quy tắc “{code}” (xem: docgen rules)")
    head = (f"{rule.code} {rule.name} ({vi.SEVERITY_WORDS[rule.severity.value]}"
            + (", sửa được bằng --fix" if rule.fix.value == "safe" else "") + ")")
    out = [head, "", rule.doc(), ""]
    cases = load_cases(rule.code)
    fail, good = _first(cases, "fail"), _first(cases, "pass")
    if fail:
        case = cases[fail[0]]
        out += ["Ví dụ sai:", _indent(fail[1])]
        if "fixed" in case:
            out += ["Sửa thành:", _indent(case["fixed"])]
    if good:
        out += ["Ví dụ đúng:", _indent(good[1])]
    if not cases:
        out.append("(không có ví dụ: thư mục tests/rules không có trong bản cài đặt này)")
    return "\n".join(out).rstrip() + "\n"


def _indent(text: Any) -> str:
    return "\n".join("    " + line for line in str(text).rstrip("\n").split("\n"))
