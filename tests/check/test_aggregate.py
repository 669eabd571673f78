"""Issue 14, item 4: a formatting rule failing on many paragraphs reports once."""

from __future__ import annotations

import json
from pathlib import Path

import docx
from docx.shared import Pt

from docgen.check.inputs import read_draft
from docgen.check.report import json as json_report
from docgen.check.report import text as text_report
from docgen.check.runner import check_draft

BODY = [
    "Ủy ban nhân dân xã triển khai xây dựng Cộng đồng học tập cấp xã trong năm 2025 theo kế hoạch.",
    "Các thôn, tổ dân phố tuyên truyền về xây dựng xã hội học tập đến từng hộ gia đình trong xã.",
    "Trung tâm học tập cộng đồng tổ chức các lớp học chuyên đề cho người dân vào buổi tối hằng tuần.",
    "Hội Khuyến học xã phối hợp với nhà trường vận động học sinh bỏ học trở lại lớp trong học kỳ.",
]


def _arial_docx(path: Path, arial: list[int]) -> None:
    """Paragraphs of BODY, those at ``arial`` (0-based) in Arial, the others in Times New Roman."""
    document = docx.Document()
    for i, text in enumerate(BODY):
        run = document.add_paragraph().add_run(text)
        run.font.name = "Arial" if i in arial else "Times New Roman"
        run.font.size = Pt(14)
    document.save(str(path))


def test_font_rule_on_three_paragraphs_reports_once_with_count_and_first_line(tmp_path: Path) -> None:
    path = tmp_path / "arial.docx"
    _arial_docx(path, arial=[1, 2, 3])
    findings = [f for f in check_draft(read_draft(path)) if f.code == "FMT042"]
    assert len(findings) == 1
    f = findings[0]
    assert f.message == "Times New Roman: 3 đoạn dùng phông khác, đầu tiên ở dòng 2"
    assert (f.line, f.column) == (2, 1)
    assert f.text == BODY[1]


def test_json_keeps_every_place_with_its_own_message(tmp_path: Path) -> None:
    path = tmp_path / "arial.docx"
    _arial_docx(path, arial=[0, 2, 3])
    findings = check_draft(read_draft(path))
    data = json.loads(json_report.render(findings, 1))
    fmt042 = [f for f in data["findings"] if f["code"] == "FMT042"]
    assert len(fmt042) == 1
    assert fmt042[0]["count"] == 3
    assert [p["line"] for p in fmt042[0]["places"]] == [1, 3, 4]
    assert [p["text"] for p in fmt042[0]["places"]] == [BODY[0], BODY[2], BODY[3]]
    assert all(p["message"] == "chữ dùng phông “Arial”, phải là Times New Roman" for p in fmt042[0]["places"])
    # the text report shows the one summary line
    lines = [ln for ln in text_report.render(findings, 1).splitlines() if " FMT042 " in ln]
    assert lines == [f"{path}:1:1: FMT042 lỗi: Times New Roman: 3 đoạn dùng phông khác, đầu tiên ở dòng 1"]


def test_one_paragraph_keeps_the_rules_own_finding(tmp_path: Path) -> None:
    path = tmp_path / "arial.docx"
    _arial_docx(path, arial=[2])
    findings = [f for f in check_draft(read_draft(path)) if f.code == "FMT042"]
    assert [(f.line, f.message) for f in findings] == [(3, "chữ dùng phông “Arial”, phải là Times New Roman")]
    assert "places" not in findings[0].to_dict()


def test_pasted_letter_from_libreoffice_folds_per_paragraph_rules() -> None:
    """The measured case: a seed .txt converted to .docx by LibreOffice (another font, no
    NĐ30 indents, left-aligned), kept as a fixture; each per-paragraph rule reports once."""
    path = Path(__file__).parent / "annotate" / "thai-binh-lo.docx"
    findings = check_draft(read_draft(path))
    codes = [f.code for f in findings]
    for code in ("FMT042", "FMT044", "FMT045", "FMT046"):
        assert codes.count(code) == 1, code
    assert len(findings) < 20


def test_sarif_lists_every_place_as_a_related_location(tmp_path: Path) -> None:
    from docgen.check.report import sarif

    path = tmp_path / "arial.docx"
    _arial_docx(path, arial=[0, 1, 3])
    data = json.loads(sarif.render(check_draft(read_draft(path)), 1))
    results = [r for r in data["runs"][0]["results"] if r["ruleId"] == "FMT042"]
    assert len(results) == 1
    related = results[0]["relatedLocations"]
    assert [r["physicalLocation"]["region"]["startLine"] for r in related] == [1, 2, 4]
    assert related[2]["physicalLocation"]["region"]["snippet"]["text"] == BODY[3]
    import jsonschema

    schema = json.loads((Path(__file__).parent / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker()).validate(data)


def test_a_place_the_rule_could_not_locate_does_not_become_the_first(tmp_path: Path) -> None:
    """The rules give an empty span at offset 0 for a paragraph they cannot match to a line
    (here: one ending in a simple field, whose text python-docx does not show); the folded
    finding stands on the first located paragraph, and still counts the other."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    first = document.add_paragraph()
    first.add_run(BODY[0][:20]).font.name = "Arial"
    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), " DOCPROPERTY x ")
    first._p.append(simple)
    for text in BODY[1:]:
        document.add_paragraph().add_run(text).font.name = "Arial"
    run = first.add_run(BODY[0][20:])
    run.font.name = "Arial"
    simple.append(run._r)
    path = tmp_path / "field.docx"
    document.save(str(path))
    raw = [f for f in check_draft(read_draft(path)) if f.code == "FMT042"]
    assert len(raw) == 1
    places = raw[0].to_dict()["places"]
    assert len(places) == 4 and places[0]["text"] == ""  # the unplaced paragraph is still counted
    assert (raw[0].line, raw[0].text) == (2, BODY[1])
    assert raw[0].message == "Times New Roman: 4 đoạn dùng phông khác, đầu tiên ở dòng 2"
