"""Ordered blocks inside a section (``khoi``): paragraph, "-", "+", note, table, in the order
written; ``**bold**`` / ``*italic*`` as real Word runs, escaped safely; headings on their own line
kept with the next paragraph (issue 12)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from rendertools import NS, Docx, Styles, plan_data, text_runs, w
from lxml import etree

from docgen.errors import SpecError
from docgen.render import layout
from docgen.render.docx import render_document
from docgen.spec.loader import load_spec_text
from docgen.spec.models import Document

KHOI: list[dict[str, Any]] = [
    {"doan": "Đoạn mở có chữ **đậm** và chữ *nghiêng*, dấu sao \\* in nguyên, <b>&amp; {{ x }} {% if 1 %} không phải thẻ."},
    {"y": "Ý thứ nhất"},
    {"y2": "Ý con thứ nhất"},
    {"y2": "+ Ý con thứ hai"},
    {"y": "- Ý thứ hai"},
    {"ghi_chu": "Ghi chú: gửi báo cáo qua hệ thống quản lý văn bản."},
    {"bang": {"cot": [{"tieu_de": "STT", "rong": 12}, {"tieu_de": "Nội dung"}, {"tieu_de": "Số lượng", "rong": 30}],
              "dong": [["1", "Xã đạt mức độ 1", "12"], ["2", "Xã đạt **mức độ 2**", "3"]]}},
    {"doan": "Đoạn sau bảng."},
]


def khoi_data() -> dict[str, Any]:
    data = plan_data()
    data["noi_dung"] = [{"tieu_de": "Nội dung", "muc": [
        {"tieu_de": "Các khối theo thứ tự", "khoi": copy.deepcopy(KHOI)},
        {"tieu_de": "Mục có đoạn cũ và khối", "doan": ["Đoạn theo khóa doan."], "y": ["Ý theo khóa y"], "khoi": [{"y2": "Khối sau các ý"}]},
    ]}]
    return data


@pytest.fixture(scope="module")
def doc() -> tuple[Docx, Styles]:
    docx = Docx(render_document(Document.model_validate(khoi_data())))
    return docx, Styles(docx.part("word/styles.xml"))


def body_paragraphs(docx: Docx) -> list[etree._Element]:
    """Paragraphs of the body, not inside a table."""
    return [p for p in docx.body.iter(w("p")) if p.getparent().tag == w("body")]


def test_blocks_come_out_in_the_order_written_with_their_styles(doc: tuple[Docx, Styles]) -> None:
    docx, _ = doc
    paragraphs = body_paragraphs(docx)
    start = next(i for i, p in enumerate(paragraphs) if Docx.text(p) == "1. Các khối theo thứ tự")
    got = [(docx.style_of(p), Docx.text(p)) for p in paragraphs[start + 1 : start + 7]]
    assert got == [
        ("ND30NoiDung", "Đoạn mở có chữ đậm và chữ nghiêng, dấu sao * in nguyên, <b>&amp; {{ x }} {% if 1 %} không phải thẻ."),
        ("ND30Y", "- Ý thứ nhất"),
        ("ND30Y2", "+ Ý con thứ nhất"),
        ("ND30Y2", "+ Ý con thứ hai"),
        ("ND30Y", "- Ý thứ hai"),
        ("ND30GhiChu", "Ghi chú: gửi báo cáo qua hệ thống quản lý văn bản."),
    ]
    # the table sits between the note and the paragraph after it
    note = paragraphs[start + 6]
    table = note.getnext()
    assert table.tag == w("tbl")
    assert Docx.text(table.getnext()) == "Đoạn sau bảng."
    # doan and y come first, then khoi, under the same heading
    later = [Docx.text(p) for p in paragraphs[start + 8 : start + 12]]
    assert later == ["2. Mục có đoạn cũ và khối", "Đoạn theo khóa doan.", "- Ý theo khóa y", "+ Khối sau các ý"]


def test_bold_and_italic_are_real_runs_and_nothing_is_injected(doc: tuple[Docx, Styles]) -> None:
    docx, styles = doc
    p = next(p for p in body_paragraphs(docx) if Docx.text(p).startswith("Đoạn mở"))
    runs = [(Docx.text(r), styles.on(p, r, "b"), styles.on(p, r, "i")) for r in text_runs(p)]
    assert ("đậm", True, False) in runs
    assert ("nghiêng", False, True) in runs
    assert all(not b and not i for text, b, i in runs if text not in ("đậm", "nghiêng"))
    # the text is text: no element came from "<b>", no Jinja ran on "{{ x }}"
    assert p.find(".//w:b", NS) is not None  # the bold run's own property…
    assert not [el for el in p.iter() if etree.QName(el).localname == "b" and el.getparent().tag != w("rPr")]
    # a note is italic by its style, not by markup
    note = next(p for p in body_paragraphs(docx) if Docx.text(p).startswith("Ghi chú"))
    assert all(styles.on(note, r, "i") for r in text_runs(note))


def test_general_table_widths_repeated_header_and_rows_kept_whole(doc: tuple[Docx, Styles]) -> None:
    docx, styles = doc
    table = next(t for t in docx.body.findall("w:tbl", NS) if "Xã đạt mức độ 1" in Docx.text(t))
    grid = [int(c.get(w("w"))) for c in table.findall("w:tblGrid/w:gridCol", NS)]
    assert grid == [layout.mm(12), layout.TEXT_WIDTH - layout.mm(12) - layout.mm(30), layout.mm(30)]
    rows = table.findall("w:tr", NS)
    assert [[Docx.text(c) for c in r.findall("w:tc", NS)] for r in rows] == [
        ["STT", "Nội dung", "Số lượng"], ["1", "Xã đạt mức độ 1", "12"], ["2", "Xã đạt mức độ 2", "3"]]
    assert rows[0].find("w:trPr/w:tblHeader", NS) is not None
    assert all(r.find("w:trPr/w:tblHeader", NS) is None for r in rows[1:])
    assert all(r.find("w:trPr/w:cantSplit", NS) is not None for r in rows)
    assert table.find("w:tblPr/w:tblLayout", NS).get(w("type")) == "fixed"
    cell = rows[2].findall("w:tc", NS)[1].find("w:p", NS)
    assert [(Docx.text(r), styles.on(cell, r, "b")) for r in text_runs(cell)] == [("Xã đạt ", False), ("mức độ 2", True)]


def test_a_heading_on_its_own_line_is_kept_with_the_next_paragraph(doc: tuple[Docx, Styles]) -> None:
    docx, styles = doc
    paragraphs = body_paragraphs(docx)
    heading = next(p for p in paragraphs if Docx.text(p) == "1. Các khối theo thứ tự")
    assert styles.para_prop(heading, "w:keepNext") is not None
    # a khoản that runs its text on is an ordinary paragraph: keeping it would chain pages
    data = plan_data()
    data["noi_dung"] = [{"tieu_de": "Mục", "muc": [{"tieu_de": "Yêu cầu", "doan": ["Một đoạn."]}, {"tieu_de": "Điểm", "muc": [{"tieu_de": "Riêng dòng", "y": ["ý"]}]}]}]
    docx2 = Docx(render_document(Document.model_validate(data)))
    styles2 = Styles(docx2.part("word/styles.xml"))
    runs_on = next(p for p in docx2.paragraphs() if Docx.text(p).startswith("1. Yêu cầu:"))
    assert styles2.para_prop(runs_on, "w:keepNext") is None
    point = next(p for p in docx2.paragraphs() if Docx.text(p) == "a) Riêng dòng")
    assert styles2.para_prop(point, "w:keepNext") is not None


SPEC = """\
loai: ke-hoach
co_quan: [{ten: UBND XÃ A}]
dia_danh: A
trich_yeu: Thử
nguoi_ky: {ho_ten: Nguyễn Văn A}
noi_dung:
  - tieu_de: Mục
    khoi:
{khoi}
"""


@pytest.mark.parametrize(("khoi", "line", "field", "words"), [
    ("      - doan: Chữ **đậm chưa đóng", 9, "noi_dung[0].khoi[0].doan", "dấu “**” mở chữ đậm nhưng không có dấu đóng"),
    ("      - y: ok\n      - y2: 5 * 3", 10, "noi_dung[0].khoi[1].y2", "viết \\*"),
    ("      - doan: a\n        y: b", 9, "noi_dung[0].khoi[0]", "mỗi khối cần đúng một khóa"),
    ("      - bang:\n          cot: [{tieu_de: A}, {tieu_de: B}]\n          dong: [[1, 2], [3]]", 10, "noi_dung[0].khoi[0].bang", "dong[1] có 1 ô, bảng có 2 cột"),
    ("      - bang:\n          cot: [{tieu_de: A, rong: 100}, {tieu_de: B, rong: 90}]\n          dong: [[1, 2]]", 10, "noi_dung[0].khoi[0].bang", "vượt bề rộng vùng chữ 165 mm"),
    ("      - doan: \"a \\ue003 b\"", 9, "", "U+E003"),
])
def test_bad_blocks_are_spec_errors_naming_line_and_field(khoi: str, line: int, field: str, words: str) -> None:
    with pytest.raises(SpecError) as caught:
        load_spec_text(SPEC.replace("{khoi}", khoi), Path("x.yaml"))
    loc, message = caught.value.problems[0]
    assert words in message
    assert loc.path.endswith("x.yaml") and loc.line == line
    if field:
        assert loc.field == field


def test_a_literal_asterisk_and_backslash_survive() -> None:
    spec = load_spec_text(SPEC.replace("{khoi}", "      - doan: 'Điểm 5 \\* 3 = 15, đường dẫn C:\\\\tmp'"), Path("x.yaml"))
    docx = Docx(render_document(spec))
    assert any(Docx.text(p) == "Điểm 5 * 3 = 15, đường dẫn C:\\tmp./." for p in docx.paragraphs())


# ---------------------------------------------------------------- phụ lục


def annex_data(count: int) -> dict[str, Any]:
    data = plan_data()
    data["ket_thuc"] = "Trên đây là Kế hoạch của Ủy ban nhân dân tỉnh./."
    annexes = [
        {"tieu_de": "Biểu tổng hợp kết quả", "phu_luc": True, "muc": [{"tieu_de": "Cấp xã", "y": ["Xã A đạt"]}, {"tieu_de": "Cấp huyện", "y": ["Huyện B đạt"]}]},
        {"tieu_de": "Danh sách đơn vị", "phu_luc": True, "kem_theo": "Kèm theo Kế hoạch số 7/KH-UBND của Ủy ban nhân dân tỉnh", "doan": ["Các đơn vị sau."]},
    ]
    data["noi_dung"] = [*data["noi_dung"][:1], *annexes[:count], *data["noi_dung"][1:]]
    return data


def test_annexes_come_after_the_signature_on_new_pages_with_their_own_numbering() -> None:
    docx = Docx(render_document(Document.model_validate(annex_data(2))))
    styles = Styles(docx.part("word/styles.xml"))
    paragraphs = body_paragraphs(docx)
    texts = [Docx.text(p) for p in paragraphs]
    signature = next(t for t in docx.body.findall("w:tbl", NS) if "Nơi nhận:" in Docx.text(t))
    first = texts.index("Phụ lục I")
    assert paragraphs[first].getprevious() is not None
    assert list(docx.body).index(paragraphs[first]) > list(docx.body).index(signature)
    assert texts[first : first + 8] == [
        "Phụ lục I", "BIỂU TỔNG HỢP KẾT QUẢ", "(Kèm theo Kế hoạch số 07/KH-UBND ngày 05 tháng 02 năm 2025)", "",
        "I. CẤP XÃ", "- Xã A đạt", "II. CẤP HUYỆN", "- Huyện B đạt",
    ]
    second = texts.index("Phụ lục II")
    assert texts[second : second + 5] == ["Phụ lục II", "DANH SÁCH ĐƠN VỊ", "(Kèm theo Kế hoạch số 7/KH-UBND của Ủy ban nhân dân tỉnh)", "", "Các đơn vị sau."]
    for at in (first, second):
        # a new page: the section break just before it (its own page numbers, NĐ30 III.1.đ)
        before = paragraphs[at].getprevious()
        assert before is not None and before.find("w:pPr/w:sectPr", NS) is not None
        assert styles.para_prop(paragraphs[at], "w:keepNext") is not None
    # the annex is not numbered among the main mục, and "./." stays with the main content
    assert "II. BIỂU TỔNG HỢP KẾT QUẢ" not in texts
    assert texts.index("Trên đây là Kế hoạch của Ủy ban nhân dân tỉnh./.") < first


def test_a_single_annex_is_just_phu_luc() -> None:
    texts = [Docx.text(p) for p in Docx(render_document(Document.model_validate(annex_data(1)))).paragraphs()]
    assert "Phụ lục" in texts and "Phụ lục I" not in texts


@pytest.mark.parametrize(("noi_dung", "words"), [
    ("  - tieu_de: A\n    muc:\n      - tieu_de: B\n        phu_luc: true", "phu_luc chỉ dùng cho mục cấp cao nhất"),
    ("  - phu_luc: true\n    doan: [x]", "phụ lục cần tieu_de"),
    ("  - tieu_de: A\n    kem_theo: x", "kem_theo chỉ dùng cho phụ lục"),
])
def test_bad_annexes_are_spec_errors(noi_dung: str, words: str) -> None:
    source = SPEC.split("noi_dung:")[0] + "noi_dung:\n" + noi_dung + "\n"
    with pytest.raises(SpecError) as caught:
        load_spec_text(source, Path("x.yaml"))
    assert words in caught.value.problems[0][1]
