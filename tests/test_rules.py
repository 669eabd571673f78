"""Rule cases (tests/rules/<CODE>.yaml) and meta-tests over the rule registry.

A cases file names its rule and holds named cases, in the style of sqlfluff's rule fixtures::

    rule: FMT018
    luu_without_colon:            # seed 001
      fail: "Nơi nhận:\\n- Như trên;\\n- Lưu VT, KGVX."
      expect: [{line: 3, col: 3}]
      fixed: "Nơi nhận:\\n- Như trên;\\n- Lưu: VT, KGVX."
    correct_luu:
      pass: "Nơi nhận:\\n- Như trên;\\n- Lưu: VT, TCCB."

Keys: ``fail`` / ``pass`` (text of the draft), ``kind`` (``txt`` default, or ``md``: the file
suffix), ``expect`` (every finding of this rule, in order: ``line``, ``col`` and optionally
``severity``), ``fixed`` (the text after applying this rule's SAFE fixes). A .docx case uses
``fail_docx`` / ``pass_docx`` with a description that :func:`build_docx` turns into a real .docx
(NĐ30-correct by default; the description says what differs). Each case runs the real pipeline:
the text is written to a file and read with ``read_draft``, and only the case's rule is selected.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor
from ruamel.yaml import YAML

from docgen.check.config import CheckConfig
from docgen.check.fixes import apply_text, safe_edits
from docgen.check.inputs import read_draft
from docgen.check.rules.base import CODE_RE, NAME_RE, all_rules
from docgen.check.runner import check_draft

RULES_DIR = Path(__file__).parent / "rules"
CASE_KEYS = {"fail", "pass", "fail_docx", "pass_docx", "kind", "expect", "fixed"}


def _load(path: Path) -> dict[str, Any]:
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path.name}: not a mapping"
    return data


def _cases() -> list[Any]:
    out = []
    for path in sorted(RULES_DIR.glob("*.yaml")):
        data = _load(path)
        for name, case in data.items():
            if name != "rule":
                out.append(pytest.param(data.get("rule"), name, case, id=f"{path.stem}-{name}"))
    return out


# ---------------------------------------------------------------------------- .docx builder

ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


def _set_font(font: Any, name: str) -> None:
    font.name = name
    rpr = font.element.rPr if hasattr(font, "element") else None
    if rpr is not None and rpr.rFonts is not None:
        for attr in ("w:eastAsia", "w:cs"):
            rpr.rFonts.set(qn(attr), name)


def _page_field(paragraph: Any) -> None:
    run = paragraph.add_run()
    begin, instr, end = OxmlElement("w:fldChar"), OxmlElement("w:instrText"), OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instr.text = "PAGE"
    end.set(qn("w:fldCharType"), "end")
    run._r.append(begin)
    run._r.append(instr)
    run._r.append(end)


def build_docx(spec: dict[str, Any], path: Path) -> Path:
    """A .docx that follows NĐ30 (A4, margins 20/20/30/15 mm, Times New Roman 13, justified,
    first-line indent 1.27 cm) except where ``spec`` says otherwise:

    ``page: {width_mm, height_mm, landscape}``, ``margins_mm: {top, …}``,
    ``paragraphs: [text | {text, font, size, bold, italic, color, align, indent_cm, table,
    style}]``,
    ``header_page_number`` / ``footer_page_number`` (bool), ``title_page`` (bool, default true).
    """
    doc = Document()
    section = doc.sections[0]
    page = spec.get("page", {})
    section.page_width = Mm(page.get("width_mm", 210))
    section.page_height = Mm(page.get("height_mm", 297))
    if page.get("landscape"):
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    margins = {"top": 20, "bottom": 20, "left": 30, "right": 15} | spec.get("margins_mm", {})
    for side, mm in margins.items():
        setattr(section, f"{side}_margin", Mm(mm))
    normal = doc.styles["Normal"]
    _set_font(normal.font, "Times New Roman")
    normal.font.size = Pt(13)
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    normal.paragraph_format.first_line_indent = Cm(1.27)
    for item in spec.get("paragraphs", []):
        item = {"text": item} if isinstance(item, str) else dict(item)
        container = doc.add_table(rows=1, cols=1).cell(0, 0) if item.get("table") else doc
        p = container.paragraphs[0] if item.get("table") else container.add_paragraph()
        if "style" in item:
            p.style = doc.styles[item["style"]]
        run = p.add_run(item["text"])
        if "font" in item:
            _set_font(run.font, item["font"])
        if "size" in item:
            run.font.size = Pt(item["size"])
        if "bold" in item:
            run.font.bold = item["bold"]
        if "italic" in item:
            run.font.italic = item["italic"]
        if "color" in item:
            run.font.color.rgb = RGBColor.from_string(item["color"])
        if "align" in item:
            p.paragraph_format.alignment = ALIGN[item["align"]]
        if "indent_cm" in item:
            p.paragraph_format.first_line_indent = Cm(item["indent_cm"])
    if spec.get("header_page_number") or spec.get("footer_page_number"):
        section.different_first_page_header_footer = spec.get("title_page", True)
        where = section.header if spec.get("header_page_number") else section.footer
        _page_field(where.paragraphs[0])
    doc.save(str(path))
    return path


# ---------------------------------------------------------------------------- the cases


def _run_case(code: str, case: dict[str, Any], tmp_path: Path) -> tuple[list[Any], Any]:
    if "fail_docx" in case or "pass_docx" in case:
        path = build_docx(case.get("fail_docx") or case.get("pass_docx") or {}, tmp_path / "case.docx")
    else:
        text = case["fail"] if "fail" in case else case["pass"]
        path = tmp_path / f"case.{case.get('kind', 'txt')}"
        path.write_text(text, encoding="utf-8")
    draft = read_draft(str(path))
    findings = check_draft(draft, CheckConfig(select=(code,)))
    return findings, draft


@pytest.mark.parametrize(("code", "name", "case"), _cases())
def test_rule_case(code: str, name: str, case: dict[str, Any], tmp_path: Path) -> None:
    assert set(case) <= CASE_KEYS, f"unknown keys {set(case) - CASE_KEYS}"
    findings, draft = _run_case(code, case, tmp_path)
    assert all(f.code == code for f in findings)
    if "pass" in case or "pass_docx" in case:
        assert [(f.line, f.column, f.message) for f in findings] == []
        return
    got = [{"line": f.line, "col": f.column} for f in findings]
    want = [{"line": e["line"], "col": e["col"]} for e in case["expect"]]
    assert got == want
    for f, e in zip(findings, case["expect"]):
        if "severity" in e:
            assert f.severity.value == e["severity"]
        assert f.message and "{" not in f.message
    if "fixed" in case:
        edits, _ = safe_edits(findings)
        assert apply_text(draft.text, edits) == case["fixed"]


# ---------------------------------------------------------------------------- meta-tests


def test_every_rule_has_a_cases_file_with_fail_and_pass() -> None:
    missing = []
    for rule in all_rules():
        path = RULES_DIR / f"{rule.code}.yaml"
        if not path.is_file():
            missing.append(f"{rule.code}: no cases file")
            continue
        cases = [c for k, c in _load(path).items() if k != "rule"]
        if not any("fail" in c or "fail_docx" in c for c in cases):
            missing.append(f"{rule.code}: no fail case")
        if not any("pass" in c or "pass_docx" in c for c in cases):
            missing.append(f"{rule.code}: no pass case")
    assert missing == []


def test_every_fail_case_says_where() -> None:
    bad = [f"{code}/{name}" for code, name, case in (p.values for p in _cases())
           if ("fail" in case or "fail_docx" in case) and not case.get("expect")]
    assert bad == []


def test_every_fixable_rule_has_a_fixed_case() -> None:
    bad = []
    for rule in all_rules():
        if rule.fix.value != "safe" or not (RULES_DIR / f"{rule.code}.yaml").is_file():
            continue
        if not any("fixed" in c for k, c in _load(RULES_DIR / f"{rule.code}.yaml").items() if k != "rule"):
            bad.append(rule.code)
    assert bad == []


def test_every_cases_file_names_a_registered_rule() -> None:
    codes = {r.code for r in all_rules()}
    bad = []
    for path in sorted(RULES_DIR.glob("*.yaml")):
        rule = _load(path).get("rule")
        if rule != path.stem or rule not in codes:
            bad.append(f"{path.name}: rule {rule!r}")
    assert bad == []


def test_codes_and_names_are_well_formed_and_unique() -> None:
    rules = all_rules()
    codes = [r.code for r in rules]
    names = [r.name for r in rules]
    assert len(set(codes)) == len(codes)
    assert len(set(names)) == len(names)
    assert [c for c in codes if not CODE_RE.match(c)] == []
    assert [n for n in names if not NAME_RE.match(n)] == []
    assert {CODE_RE.match(c).group("family") for c in codes} <= {"REF", "ART", "DL", "STR", "FMT"}  # type: ignore[union-attr]


def test_every_rule_documents_why_in_vietnamese() -> None:
    bad = []
    for rule in all_rules():
        if not rule.summary() or not rule.why():
            bad.append(f"{rule.code}: summary or 'Vì sao:' paragraph missing")
        elif not re.search(r"[àáảãạăâđèéêìíòóôơùúưỳý]", rule.doc(), re.IGNORECASE):
            bad.append(f"{rule.code}: docstring not Vietnamese")
    assert bad == []


def test_every_message_fills_from_named_placeholders() -> None:
    bad = [r.code for r in all_rules() if re.search(r"\{\d*\}", r.message)]
    assert bad == []
