"""Structure of the produced .docx, read from its XML (NĐ30 facts: nd30.md §1, §2, §5)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from rendertools import NS, Docx, Styles, decision_data, joint_data, letter_data, plan_data, text_runs, twips_mm, w
from lxml import etree

from docgen.render.docx import render_document
from docgen.spec.models import Document

TNR = "Times New Roman"


def render(data: dict[str, Any]) -> tuple[Docx, Styles]:
    docx = Docx(render_document(Document.model_validate(data)))
    return docx, Styles(docx.part("word/styles.xml"))


@pytest.fixture(scope="module")
def plan() -> tuple[Docx, Styles]:
    return render(plan_data())


@pytest.fixture(scope="module")
def letter() -> tuple[Docx, Styles]:
    return render(letter_data())


def find_paragraph(docx: Docx, text: str) -> etree._Element:
    for p in docx.paragraphs():
        if Docx.text(p) == text:
            return p
    raise AssertionError(f"no paragraph {text!r}")


def header_parts(docx: Docx) -> dict[str, str]:
    """Header reference type → part name."""
    rels = docx.part("word/_rels/document.xml.rels")
    targets = {r.get("Id"): r.get("Target") for r in rels}
    refs = docx.body.findall("w:sectPr/w:headerReference", NS)
    rid = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    return {ref.get(w("type")): "word/" + targets[ref.get(rid)] for ref in refs}


# ---------------------------------------------------------------- page


def test_page_is_a4_portrait_with_nd30_margins(plan: tuple[Docx, Styles]) -> None:
    docx, _ = plan
    sect = docx.body.find("w:sectPr", NS)
    size = sect.find("w:pgSz", NS)
    assert (size.get(w("w")), size.get(w("h"))) == ("11906", "16838")
    assert size.get(w("orient")) in (None, "portrait")
    margins = sect.find("w:pgMar", NS)
    expected_mm = {"top": 20, "bottom": 20, "left": 30, "right": 15}
    for edge, mm in expected_mm.items():
        assert twips_mm(margins.get(w(edge))) == pytest.approx(mm, abs=0.05), edge


def all_runs(docx: Docx) -> list[tuple[str, etree._Element]]:
    names = ["word/document.xml", "word/footnotes.xml"] + sorted(n for n in docx.names if re.match(r"word/header\d*\.xml", n))
    return [(name, r) for name in names if docx.has(name) for r in docx.part(name).iter(w("r"))]


@pytest.mark.parametrize("make", [plan_data, letter_data, joint_data, decision_data])
def test_every_run_is_times_new_roman_for_every_script_and_black(make: Callable[[], dict[str, Any]]) -> None:
    docx, _ = render(make())
    runs = all_runs(docx)
    assert len(runs) > 15
    for name, r in runs:
        fonts = r.find("w:rPr/w:rFonts", NS)
        assert fonts is not None, (name, etree.tostring(r))
        assert {fonts.get(w(a)) for a in ("ascii", "hAnsi", "eastAsia", "cs")} == {TNR}, (name, etree.tostring(r))
        assert not [a for a in fonts.attrib if a.endswith("Theme")]
        color = r.find("w:rPr/w:color", NS)
        assert color is None or color.get(w("val")) == "000000"


def test_styles_and_defaults_use_times_new_roman(plan: tuple[Docx, Styles]) -> None:
    docx, _ = plan
    styles = docx.part("word/styles.xml")
    defaults = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts", NS)
    assert {defaults.get(w(a)) for a in ("ascii", "hAnsi", "eastAsia", "cs")} == {TNR}
    every = styles.findall(".//w:rFonts", NS)
    assert len(every) > 20
    for fonts in every:
        assert not [a for a in fonts.attrib if a.endswith("Theme")], etree.tostring(fonts)
        assert {fonts.get(w(a)) for a in ("ascii", "hAnsi", "eastAsia", "cs")} == {TNR}, etree.tostring(fonts)
    for color in styles.findall(".//w:color", NS):
        assert color.get(w("val")) == "000000"


# ---------------------------------------------------------------- header table (ô 1–4)


def test_header_is_a_borderless_fixed_two_column_table(plan: tuple[Docx, Styles]) -> None:
    docx, _ = plan
    first = docx.body[0]
    assert first.tag == w("tbl")
    cols = [int(c.get(w("w"))) for c in first.findall("w:tblGrid/w:gridCol", NS)]
    assert len(cols) == 2
    assert sum(cols) == pytest.approx(9355, abs=3)  # 165 mm text width
    assert 0.35 <= cols[0] / sum(cols) <= 0.42
    assert twips_mm(cols[1]) >= 95
    assert first.find("w:tblPr/w:tblLayout", NS).get(w("type")) == "fixed"
    borders = first.find("w:tblPr/w:tblBorders", NS)
    assert {b.get(w("val")) for b in borders} <= {"nil", "none"}
    assert len(borders) == 6
    for tc in first.iter(w("tc")):
        assert tc.find("w:tcPr/w:tcBorders", NS) is None


def test_header_texts_sizes_and_styles(plan: tuple[Docx, Styles]) -> None:
    docx, styles = plan
    header = docx.body[0]
    left, right = header.findall("w:tr", NS)[0].findall("w:tc", NS)
    expectations = [
        (right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, True, False),
        (right, "Độc lập - Tự do - Hạnh phúc", 14, True, False),
        (left, "ỦY BAN NHÂN DÂN\nTỈNH CAO BẰNG", 13, True, False),
    ]
    for cell, text, size, bold, italic in expectations:
        p = next(p for p in cell.findall("w:p", NS) if Docx.text(p) == text)
        for r in text_runs(p):
            assert styles.size(p, r) == size, text
            assert styles.on(p, r, "b") is bold
            assert styles.on(p, r, "i") is italic
        assert styles.para_prop(p, "w:jc").get(w("val")) == "center"
    number, date = header.findall("w:tr", NS)[1].findall("w:tc", NS)
    p_number = number.find("w:p", NS)
    assert Docx.text(p_number) == "Số: 07/KH-UBND"
    assert all(styles.size(p_number, r) == 13 and not styles.on(p_number, r, "b") for r in text_runs(p_number))
    p_date = date.find("w:p", NS)
    assert Docx.text(p_date) == "Cao Bằng, ngày 05 tháng 02 năm 2025"
    assert all(styles.size(p_date, r) == 14 and styles.on(p_date, r, "i") for r in text_runs(p_date))
    assert styles.para_prop(p_date, "w:jc").get(w("val")) == "center"


def rule_after(cell: etree._Element, text: str, styles: Styles) -> tuple[float, float]:
    """Length (mm) of the bottom-border paragraph right after ``text`` and its centring error."""
    paragraphs = cell.findall("w:p", NS)
    index = next(i for i, p in enumerate(paragraphs) if Docx.text(p) == text)
    rule = paragraphs[index + 1]
    assert Docx.text(rule) == ""
    bottom = styles.para_prop(rule, "w:pBdr/w:bottom")
    assert bottom is not None and bottom.get(w("val")) == "single"
    assert styles.para_prop(rule, "w:pBdr/w:top") is None
    ind = styles.para_prop(rule, "w:ind")
    width = int(cell.find("w:tcPr/w:tcW", NS).get(w("w")))
    table = cell.getparent().getparent()
    margins = sum(int(m.get(w("w"))) for m in table.findall("w:tblPr/w:tblCellMar/*", NS) if m.tag in (w("left"), w("right")))
    left, right = int(ind.get(w("left"))), int(ind.get(w("right")))
    return twips_mm(width - margins - left - right), twips_mm(abs(left - right))


def test_rules_sit_under_the_tieu_ngu_and_the_agency(plan: tuple[Docx, Styles]) -> None:
    docx, styles = plan
    left, right = docx.body[0].findall("w:tr", NS)[0].findall("w:tc", NS)
    # Tiêu ngữ rule: as long as the 14 pt bold Tiêu ngữ line, ≈ 57 mm (nd30.md §2.2, ±15 %).
    motto, off_centre = rule_after(right, "Độc lập - Tự do - Hạnh phúc", styles)
    assert 57.3 * 0.85 <= motto <= 57.3 * 1.15
    assert off_centre < 0.2
    # Agency rule: 1/3 to 1/2 of the agency line ("ỦY BAN NHÂN DÂN" at 13 pt bold ≈ 40–45 mm).
    agency, off_centre = rule_after(left, "ỦY BAN NHÂN DÂN\nTỈNH CAO BẰNG", styles)
    assert 40 / 3 <= agency <= 45 / 2
    assert off_centre < 0.2


def test_title_block_and_short_rule(plan: tuple[Docx, Styles]) -> None:
    docx, styles = plan
    title = find_paragraph(docx, "KẾ HOẠCH")
    paragraphs = list(docx.body.iterchildren(w("p")))
    i = paragraphs.index(title)
    subject, rule = paragraphs[i + 1], paragraphs[i + 2]
    assert Docx.text(subject).startswith("Triển khai xây dựng, tổ chức đánh giá")
    for p in (title, subject):
        assert styles.para_prop(p, "w:jc").get(w("val")) == "center"
        for r in text_runs(p):
            assert styles.size(p, r) == 14 and styles.on(p, r, "b")
    assert styles.para_prop(rule, "w:pBdr/w:bottom") is not None
    ind = styles.para_prop(rule, "w:ind")
    length = twips_mm(9355 - int(ind.get(w("left"))) - int(ind.get(w("right"))))
    assert 165 / 3 <= length <= 165 / 2  # the trích yếu wraps: its line is the full text width


# ---------------------------------------------------------------- page number


def test_page_number_field_centred_in_header_and_hidden_on_first_page(plan: tuple[Docx, Styles]) -> None:
    docx, styles = plan
    sect = docx.body.find("w:sectPr", NS)
    assert sect.find("w:titlePg", NS) is not None
    parts = header_parts(docx)
    assert set(parts) >= {"default", "first"}
    default = docx.part(parts["default"])
    instr = "".join(t.text or "" for t in default.iter(w("instrText")))
    simple = [f.get(w("instr")) for f in default.iter(w("fldSimple"))]
    assert "PAGE" in instr.split() or any("PAGE" in (s or "").split() for s in simple)
    p = default.find("w:p", NS)
    assert styles.para_prop(p, "w:jc").get(w("val")) == "center"
    for r in p.findall("w:r", NS):
        assert styles.size(p, r) in (13, 14)
        assert not styles.on(p, r, "b") and not styles.on(p, r, "i")
    first = docx.part(parts["first"])
    assert "".join(first.itertext()).strip() == ""
    assert not list(first.iter(w("fldChar"))) and not list(first.iter(w("fldSimple")))
    assert sect.find("w:footerReference", NS) is None or "PAGE" not in etree.tostring(sect).decode()


# ---------------------------------------------------------------- body


def test_body_paragraphs_are_justified_14pt_with_127cm_indent(plan: tuple[Docx, Styles]) -> None:
    docx, styles = plan
    body_texts = [
        "2. Yêu cầu: Bảo đảm thực chất, nghiêm túc, khách quan.",
        "- Tăng cường sự lãnh đạo của các cấp ủy Đảng.",
        "I. MỤC ĐÍCH, YÊU CẦU",
    ]
    opening = next(p for p in docx.paragraphs() if Docx.text(p).startswith("Thực hiện Thông tư số 25/2023/TT-BGDĐT"))
    for p in [opening, *(find_paragraph(docx, t) for t in body_texts)]:
        assert styles.para_prop(p, "w:jc").get(w("val")) == "both"
        ind = styles.para_prop(p, "w:ind")
        assert twips_mm(ind.get(w("firstLine"))) == pytest.approx(12.7, abs=0.05)
        spacing_before = int(styles.para_prop(p, "w:spacing[@w:before]").get(w("before")))
        assert spacing_before >= 120
        line = styles.para_prop(p, "w:spacing[@w:line]")
        assert line.get(w("lineRule")) in (None, "auto") and 240 <= int(line.get(w("line"))) <= 360
        for r in text_runs(p):
            assert styles.size(p, r) == 14


def test_heading_levels_are_formatted_per_nd30(plan: tuple[Docx, Styles]) -> None:
    docx, styles = plan
    muc = find_paragraph(docx, "I. MỤC ĐÍCH, YÊU CẦU")
    assert all(styles.on(muc, r, "b") for r in text_runs(muc))
    khoan = find_paragraph(docx, "2. Yêu cầu: Bảo đảm thực chất, nghiêm túc, khách quan.")
    runs = text_runs(khoan)
    bold = "".join(Docx.text(r) for r in runs if styles.on(khoan, r, "b"))
    assert bold == "2. Yêu cầu:"
    bullet = find_paragraph(docx, "- Tăng cường sự lãnh đạo của các cấp ủy Đảng.")
    assert not any(styles.on(bullet, r, "b") for r in text_runs(bullet))


def test_task_matrix_is_a_table_with_repeated_header_row(plan: tuple[Docx, Styles]) -> None:
    docx, _ = plan
    tables = docx.body.findall("w:tbl", NS)
    matrix = next(t for t in tables if len(t.findall("w:tblGrid/w:gridCol", NS)) == 5)
    rows = matrix.findall("w:tr", NS)
    assert [Docx.text(tc) for tc in rows[0].findall("w:tc", NS)] == [
        "STT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện",
    ]
    assert rows[0].find("w:trPr/w:tblHeader", NS) is not None
    assert [[Docx.text(tc) for tc in r.findall("w:tc", NS)] for r in rows[1:]] == [
        ["1", "Rà soát các tiêu chí", "Sở Giáo dục và Đào tạo", "UBND các huyện", "Quý I/2025"],
        ["2", "Tổ chức đánh giá", "UBND cấp xã", "", "Trước 28/02/2026"],
    ]
    borders = matrix.find("w:tblPr/w:tblBorders", NS)
    assert {b.get(w("val")) for b in borders} == {"single"}


def test_signature_table_noi_nhan_and_signer(plan: tuple[Docx, Styles]) -> None:
    docx, styles = plan
    table = docx.body.findall("w:tbl", NS)[-1]
    assert {b.get(w("val")) for b in table.find("w:tblPr/w:tblBorders", NS)} <= {"nil", "none"}
    row = table.find("w:tr", NS)
    assert row.find("w:trPr/w:cantSplit", NS) is not None
    left, right = row.findall("w:tc", NS)
    lp = left.findall("w:p", NS)
    assert [Docx.text(p) for p in lp] == [
        "Nơi nhận:", "- Bộ Giáo dục và Đào tạo (b/c);", "- Thường trực Tỉnh ủy (b/c);", "- Lưu: VT, VX.",
    ]
    label = lp[0]
    assert all(styles.size(label, r) == 12 and styles.on(label, r, "b") and styles.on(label, r, "i") for r in text_runs(label))
    for p in lp[1:]:
        assert all(styles.size(p, r) == 11 and not styles.on(p, r, "b") for r in text_runs(p))
    rp = [p for p in right.findall("w:p", NS) if Docx.text(p)]
    assert [Docx.text(p) for p in rp] == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trịnh Trường Huy"]
    for p in rp:
        assert all(styles.size(p, r) == 14 and styles.on(p, r, "b") for r in text_runs(p))
    gap = int(styles.para_prop(rp[-1], "w:spacing[@w:before]").get(w("before")))
    assert gap >= 3 * 280  # room for 3+ blank 14 pt lines (signature and seal)


# ---------------------------------------------------------------- footnotes


def test_footnotes_are_real_and_in_order(plan: tuple[Docx, Styles]) -> None:
    docx, styles = plan
    assert docx.has("word/footnotes.xml")
    types = docx.part("[Content_Types].xml")
    overrides = {o.get("PartName"): o.get("ContentType") for o in types}
    assert overrides["/word/footnotes.xml"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
    rels = docx.part("word/_rels/document.xml.rels")
    assert any(r.get("Type").endswith("/footnotes") and r.get("Target") == "footnotes.xml" for r in rels)
    notes = docx.part("word/footnotes.xml")
    special = {n.get(w("type")): n.get(w("id")) for n in notes.findall("w:footnote", NS) if n.get(w("type"))}
    assert special == {"separator": "-1", "continuationSeparator": "0"}
    texts = {n.get(w("id")): Docx.text(n).strip() for n in notes.findall("w:footnote", NS) if not n.get(w("type"))}
    refs = [r.get(w("id")) for r in docx.body.iter(w("footnoteReference"))]
    assert refs == [str(i) for i in range(1, 6)]
    tt25 = "Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023 của Bộ trưởng Bộ Giáo dục và Đào tạo."
    assert [texts[i] for i in refs] == [
        "Đề án “Xây dựng xã hội học tập giai đoạn 2021 - 2030”.",
        f"Điều 6 {tt25}",
        f"Điều 6 {tt25}",
        "Chú thích riêng của mục tiêu này.",
        f"Điều 16 {tt25}",
    ]
    for note in notes.findall("w:footnote", NS):
        if note.get(w("type")):
            continue
        p = note.find("w:p", NS)
        assert p.find("w:pPr/w:pStyle", NS).get(w("val")) == "FootnoteText"
        assert p.find(".//w:footnoteRef", NS) is not None
        assert all(styles.size(p, r) == 12 for r in text_runs(p))
    for ref in docx.body.iter(w("footnoteReference")):
        run = ref.getparent()
        assert run.find("w:rPr/w:rStyle", NS).get(w("val")) == "FootnoteReference"
    ref_style = styles.by_id["FootnoteReference"]
    assert ref_style.find("w:rPr/w:vertAlign", NS).get(w("val")) == "superscript"
    settings = docx.part("word/settings.xml")
    assert [f.get(w("id")) for f in settings.findall("w:footnotePr/w:footnote", NS)] == ["-1", "0"]


def test_reference_sits_in_its_sentence_before_the_final_period(plan: tuple[Docx, Styles]) -> None:
    docx, _ = plan
    texts = [Docx.text(p) for p in docx.paragraphs()]
    assert "- Tạo cơ hội học tập công bằng[1]." in texts
    assert (
        "- Đến hết tháng 3 năm 2026, ít nhất 90% các xã, phường, thị trấn được công nhận "
        "“Cộng đồng học tập” cấp xã mức độ 1[3]."
    ) in texts


# ---------------------------------------------------------------- other kinds


def test_cong_van_has_vv_under_number_no_title_and_kinh_gui(letter: tuple[Docx, Styles]) -> None:
    docx, styles = letter
    number_cell = docx.body[0].findall("w:tr", NS)[1].findall("w:tc", NS)[0]
    paragraphs = number_cell.findall("w:p", NS)
    assert Docx.text(paragraphs[0]) == "Số:      /UBND-KGVX"
    vv = paragraphs[1]
    assert Docx.text(vv).startswith("V/v triển khai thực hiện Thông tư số 25/2023/TT-BGDĐT")
    assert all(styles.size(vv, r) in (12, 13) and not styles.on(vv, r, "b") for r in text_runs(vv))
    assert int(styles.para_prop(vv, "w:spacing[@w:before]").get(w("before"))) == 120
    all_text = [Docx.text(p) for p in docx.paragraphs()]
    assert "CÔNG VĂN" not in all_text
    assert "Kính gửi:\t- Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh;\n- Các sở, ban, ngành tỉnh;\n- Ủy ban nhân dân huyện, thành phố." in all_text
    last_table = docx.body.findall("w:tbl", NS)[-1]
    assert [Docx.text(p) for p in last_table.iter(w("p"))][:3] == ["Nơi nhận:", "- Như trên;", "- Bộ Giáo dục và Đào tạo;"]


def test_joint_document_lists_both_agencies_and_signs_side_by_side() -> None:
    docx, styles = render(joint_data())
    left = docx.body[0].findall("w:tr", NS)[0].findall("w:tc", NS)[0]
    texts = [Docx.text(p) for p in left.findall("w:p", NS)]
    # each issuer under its own rule (then a spacer), so the chủ quản reads as the first one's only
    assert texts == ["UBND TỈNH CAO BẰNG", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "", "", "HỘI KHUYẾN HỌC TỈNH", ""]
    chu_quan, first, _, _, second, _ = left.findall("w:p", NS)
    assert not any(styles.on(chu_quan, r, "b") for r in text_runs(chu_quan))
    assert all(styles.on(p, r, "b") for p in (first, second) for r in text_runs(p))
    signature = docx.body.findall("w:tbl", NS)[-1]
    first_row = signature.find("w:tr", NS)
    cells = [[Docx.text(p) for p in tc.findall("w:p", NS) if Docx.text(p)] for tc in first_row.findall("w:tc", NS)]
    assert cells == [["CHỦ TỊCH", "Trần Thị B"], ["GIÁM ĐỐC", "Nguyễn Văn A"]]
    assert all(r.find("w:trPr/w:cantSplit", NS) is not None for r in signature.findall("w:tr", NS))


def test_quyet_dinh_bases_italic_and_articles_bold() -> None:
    docx, styles = render(decision_data())
    texts = [Docx.text(p) for p in docx.paragraphs()]
    i = texts.index("CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN HÒA AN")
    bases = texts[i + 1 : i + 4]
    assert bases[0] == "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"
    assert bases[1].startswith("Căn cứ Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023") and bases[1].endswith(";")
    assert bases[2] == "Theo đề nghị của Trưởng phòng Giáo dục và Đào tạo."
    for text in bases:
        p = find_paragraph(docx, text)
        assert all(styles.on(p, r, "i") for r in text_runs(p))
    assert texts[i + 4] == "QUYẾT ĐỊNH:"
    article = find_paragraph(docx, "Điều 1. Công nhận 12 xã đạt “Cộng đồng học tập” cấp xã mức độ 1 năm 2025.")
    bold = "".join(Docx.text(r) for r in text_runs(article) if styles.on(article, r, "b"))
    assert bold == "Điều 1."
    assert "Điều 2. Quyết định này có hiệu lực kể từ ngày ký./." in texts


def test_document_symbols_are_not_split_across_lines(plan: tuple[Docx, Styles]) -> None:
    docx, _ = plan
    texts = [t.text or "" for t in docx.body.iter(w("t"))]
    notes = [t.text or "" for t in docx.part("word/footnotes.xml").iter(w("t"))]
    # "25/2023/TT-BGDĐT", "3727/KH-UBND": the hyphen is a w:noBreakHyphen, never a plain "-" in w:t
    assert not [t for t in texts + notes if re.search(r"\d+/[\w/]*[A-ZĐ]-[A-ZĐ]", t)]
    # one paragraph per căn cứ: the symbols of both căn cứ count together
    bases = [p for p in docx.paragraphs() if Docx.text(p).startswith(("Thực hiện ", "Căn cứ "))]
    assert len(bases) == 2
    assert sum(len(p.findall(".//w:noBreakHyphen", NS)) for p in bases) >= 3
    assert "Thông tư số 25/2023/TT-BGDĐT" in Docx.text(bases[0])
    # A range of years keeps its ordinary hyphen.
    assert any("2021 - 2030" in t for t in notes)
