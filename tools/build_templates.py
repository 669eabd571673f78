"""Build the docxtpl templates in docgen/templates/: one NĐ30-conformant .docx per document kind.

    .venv/bin/python tools/build_templates.py [--out templates]

This script is the source of truth for the templates; the .docx files are generated, committed,
and may be restyled by a user in Word or LibreOffice (every paragraph kind has its own named
style, and the Jinja tags are visible text). Output is byte-for-byte reproducible: fixed core
properties and fixed zip timestamps.

Layout facts: /work/shared/reference/nd30.md §1 (page), §2 (elements), §4 (structures) and §5
(header-table recipe); the numbers live in docgen/render/layout.py.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from docx import Document as new_document
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Pt, Twips
from docx.styles.style import ParagraphStyle
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from docgen.render import layout as L  # noqa: E402
from docgen.spec.models import Kind  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
FIXED_TIME = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
ZIP_TIME = (2026, 1, 1, 0, 0, 0)

CENTER = WD_ALIGN_PARAGRAPH.CENTER
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY
LEFT = WD_ALIGN_PARAGRAPH.LEFT


# ---------------------------------------------------------------- fonts and styles


def set_fonts(rpr: BaseOxmlElement) -> None:
    """Times New Roman for every script (ascii, hAnsi, eastAsia, cs), black, no theme fonts."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), L.FONT)
    color = rpr.find(qn("w:color"))
    if color is None:
        color = OxmlElement("w:color")
        _insert_in_order(rpr, color, after=("w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps",
                                            "w:smallCaps", "w:strike", "w:dstrike", "w:outline", "w:shadow",
                                            "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid", "w:vanish",
                                            "w:webHidden"))
    for attr in list(color.attrib):
        del color.attrib[attr]
    color.set(qn("w:val"), L.BLACK)


def _insert_in_order(parent: BaseOxmlElement, child: BaseOxmlElement, after: Iterable[str]) -> None:
    """Insert ``child`` after the last existing element whose tag is in ``after`` (schema order)."""
    tags = {qn(t) for t in after}
    position = 0
    for i, node in enumerate(parent):
        if node.tag in tags:
            position = i + 1
    parent.insert(position, child)


def clean_styles(doc: Document) -> None:
    """Document defaults and every existing style: TNR, black, 14 pt, Vietnamese language."""
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    set_fonts(rpr)
    for tag in ("w:sz", "w:szCs", "w:lang"):
        old = rpr.find(qn(tag))
        if old is not None:
            rpr.remove(old)
    for tag, val in (("w:sz", str(L.BODY_SIZE * 2)), ("w:szCs", str(L.BODY_SIZE * 2))):
        el = OxmlElement(tag)
        el.set(qn("w:val"), val)
        rpr.append(el)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "vi-VN")
    lang.set(qn("w:eastAsia"), "vi-VN")
    lang.set(qn("w:bidi"), "ar-SA")
    rpr.append(lang)
    ppr = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}")
    if ppr is None:
        default = defaults.find(qn("w:pPrDefault"))
        if default is None:
            default = OxmlElement("w:pPrDefault")
            defaults.append(default)
        ppr = OxmlElement("w:pPr")
        default.append(ppr)
    for child in list(ppr):
        ppr.remove(child)
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    spacing.set(qn("w:lineRule"), "auto")
    ppr.append(spacing)
    # Every font and colour in every style, including table styles' conditional formats.
    for rpr in list(styles.iter(qn("w:rPr"))):
        if rpr.find(qn("w:rFonts")) is not None or rpr.find(qn("w:color")) is not None:
            set_fonts(rpr)
    normal = doc.styles["Normal"]
    set_fonts(normal.element.get_or_add_rPr())
    normal.font.size = Pt(L.BODY_SIZE)


@dataclass(frozen=True)
class Spec:
    """A paragraph style: id (ASCII), Vietnamese name shown in Word, and its formatting."""

    style_id: str
    name: str
    size: float = L.BODY_SIZE
    bold: bool = False
    italic: bool = False
    align: WD_ALIGN_PARAGRAPH = JUSTIFY
    first_line: int = 0
    left: int = 0
    hanging: int = 0
    before: int = 0
    after: int = 0
    line: int = 240
    based_on: str | None = None
    keep_next: bool = False
    page_break: bool = False


BODY = dict(first_line=L.BODY_INDENT, before=L.BODY_SPACE_BEFORE, line=L.BODY_LINE)
S = L.SIZES

PARAGRAPH_STYLES: tuple[Spec, ...] = (
    # ô 2, ô 3, ô 5b (left header cell)
    Spec("ND30ChuQuan", "NĐ30 Chủ quản", S.chu_quan, align=CENTER),
    Spec(L.STYLE_AGENCY, "NĐ30 Cơ quan ban hành", S.co_quan, bold=True, align=CENTER),
    Spec(L.STYLE_AGENCY_RULE, "NĐ30 Gạch dưới cơ quan", 1, align=CENTER, line=60, before=L.pt(2)),
    Spec("ND30So", "NĐ30 Số, ký hiệu", S.so, align=CENTER, before=L.pt(6)),
    Spec("ND30VV", "NĐ30 Trích yếu công văn (V/v)", S.vv, align=CENTER, before=L.pt(6)),
    # ô 1, ô 4 (right header cell)
    Spec("ND30QuocHieu", "NĐ30 Quốc hiệu", S.quoc_hieu, bold=True, align=CENTER),
    Spec("ND30TieuNgu", "NĐ30 Tiêu ngữ", S.tieu_ngu, bold=True, align=CENTER),
    Spec(L.STYLE_MOTTO_RULE, "NĐ30 Gạch dưới tiêu ngữ", 1, align=CENTER, line=60, before=L.pt(2)),
    Spec("ND30DiaDanh", "NĐ30 Địa danh, ngày tháng", S.date, italic=True, align=CENTER, before=L.pt(6)),
    # ô 5a, ô 9a
    Spec("ND30TenLoai", "NĐ30 Tên loại", S.ten_loai, bold=True, align=CENTER, before=L.pt(18), keep_next=True),
    Spec(L.STYLE_TITLE_SUBJECT, "NĐ30 Trích yếu", S.trich_yeu, bold=True, align=CENTER, keep_next=True),
    Spec(L.STYLE_TITLE_RULE, "NĐ30 Gạch dưới trích yếu", 1, align=CENTER, line=60, before=L.pt(2), after=L.pt(6)),
    Spec("ND30ThamQuyen", "NĐ30 Thẩm quyền ban hành", S.trich_yeu, bold=True, align=CENTER, before=L.pt(12), after=L.pt(6)),
    Spec("ND30KinhGui", "NĐ30 Kính gửi", S.body, align=LEFT, left=L.KINH_GUI_LABEL + L.KINH_GUI_HANG,
         hanging=L.KINH_GUI_HANG, before=L.pt(12), after=L.pt(6), line=L.BODY_LINE),
    # ô 6
    Spec("ND30NoiDung", "NĐ30 Nội dung", **BODY),
    Spec("ND30CanCu", "NĐ30 Căn cứ", italic=True, **BODY),
    Spec("ND30QuyetDinh", "NĐ30 QUYẾT ĐỊNH:", bold=True, align=CENTER, before=L.pt(12), after=L.pt(6), keep_next=True),
    Spec("ND30Muc", "NĐ30 Mục (I.)", bold=True, keep_next=True, **BODY),
    Spec("ND30Khoan", "NĐ30 Khoản (1.)", **BODY),
    Spec("ND30KhoanTieuDe", "NĐ30 Khoản - tiêu đề riêng dòng", keep_next=True, **BODY),
    Spec("ND30Diem", "NĐ30 Điểm (a))", **BODY),
    Spec("ND30DiemTieuDe", "NĐ30 Điểm - tiêu đề riêng dòng", keep_next=True, **BODY),
    Spec("ND30Y", "NĐ30 Ý gạch đầu dòng (-)", **BODY),
    Spec("ND30Y2", "NĐ30 Ý cấp hai (+)", left=L.mm(5), **BODY),
    Spec("ND30GhiChu", "NĐ30 Ghi chú", italic=True, **BODY),
    Spec("ND30Dieu", "NĐ30 Điều", **BODY),
    Spec("ND30Bang", "NĐ30 Bảng", S.table, align=LEFT, before=L.pt(3), after=L.pt(3)),
    Spec("ND30BangTieuDe", "NĐ30 Bảng - tiêu đề cột", S.table, bold=True, align=CENTER, before=L.pt(3), after=L.pt(3)),
    Spec("ND30Cach", "NĐ30 Dòng cách", 6, align=LEFT),
    # ô 9b, ô 7
    Spec("ND30NoiNhanNhan", "NĐ30 Nơi nhận", S.noi_nhan_label, bold=True, italic=True, align=LEFT),
    Spec("ND30NoiNhan", "NĐ30 Nơi nhận - mục", S.noi_nhan, align=LEFT),
    Spec("ND30ChucVu", "NĐ30 Quyền hạn, chức vụ", S.signer, bold=True, align=CENTER),
    Spec("ND30HoTen", "NĐ30 Họ tên người ký", S.signer, bold=True, align=CENTER, before=L.SIGN_GAP),
    # phụ lục (nd30.md §2.3): label 14 pt bold on a new page, title UPPER bold, "(Kèm theo …)" italic
    Spec("ND30PhuLuc", "NĐ30 Phụ lục - số", 14, bold=True, align=CENTER, keep_next=True, page_break=True),
    Spec("ND30PhuLucTen", "NĐ30 Phụ lục - tên", S.trich_yeu, bold=True, align=CENTER, keep_next=True),
    Spec("ND30PhuLucKemTheo", "NĐ30 Phụ lục - kèm theo", S.trich_yeu, italic=True, align=CENTER, keep_next=True),
    # page number and footnotes
    Spec("ND30SoTrang", "NĐ30 Số trang", S.page_number, align=CENTER),
    Spec(L.STYLE_FOOTNOTE_TEXT, "footnote text", S.footnote, align=JUSTIFY),
)


def add_paragraph_style(doc: Document, spec: Spec) -> ParagraphStyle:
    style = doc.styles.add_style(spec.name, WD_STYLE_TYPE.PARAGRAPH)
    assert isinstance(style, ParagraphStyle)
    style.style_id = spec.style_id
    style.base_style = doc.styles["Normal"]
    style.quick_style = True
    font = style.font
    font.size = Pt(spec.size)
    font.bold = spec.bold
    font.italic = spec.italic
    set_fonts(style.element.get_or_add_rPr())
    fmt = style.paragraph_format
    fmt.alignment = spec.align
    fmt.first_line_indent = Twips(spec.first_line) if spec.first_line else None
    if spec.hanging:
        fmt.first_line_indent = Twips(-spec.hanging)
    fmt.left_indent = Twips(spec.left) if spec.left else None
    fmt.space_before = Twips(spec.before)
    fmt.space_after = Twips(spec.after)
    if spec.line < 100:  # an exact height in twips (rule paragraphs)
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Twips(spec.line)
    else:
        fmt.line_spacing = spec.line / 240
    fmt.widow_control = True
    if spec.keep_next:
        fmt.keep_with_next = True
    if spec.page_break:
        fmt.page_break_before = True
    return style


def add_footnote_reference_style(doc: Document) -> None:
    style = doc.styles.add_style("footnote reference", WD_STYLE_TYPE.CHARACTER)
    style.style_id = L.STYLE_FOOTNOTE_REF
    rpr = style.element.get_or_add_rPr()
    set_fonts(rpr)
    style.font.superscript = True


def add_rule_border(doc: Document, style_id: str) -> None:
    """A rule paragraph: a solid bottom border between the paragraph's indents (nd30.md §5)."""
    style = doc.styles.element.get_by_id(style_id)
    ppr = style.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    bottom.set(qn("w:val"), "single")
    bottom.set(qn("w:sz"), str(L.RULE_SIZE))
    bottom.set(qn("w:space"), "1")
    bottom.set(qn("w:color"), L.BLACK)
    borders.append(bottom)
    _insert_in_order(ppr, borders, after=("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore",
                                          "w:framePr", "w:widowControl", "w:numPr", "w:suppressLineNumbers"))


# ---------------------------------------------------------------- paragraphs, runs, tables


def para(container: Document | _Cell, style: str, *runs: tuple[str, dict[str, bool]] | str) -> Paragraph:
    """A paragraph of ``style`` with runs; a run is text or (text, {"bold": …, "italic": …})."""
    p = container.add_paragraph()
    p.style = _style_by_id(container, style)
    for item in runs:
        text, fmt = (item, {}) if isinstance(item, str) else item
        run = p.add_run(text)
        rpr = run._r.get_or_add_rPr()
        set_fonts(rpr)
        if "bold" in fmt:
            run.bold = fmt["bold"]
        if "italic" in fmt:
            run.italic = fmt["italic"]
        for t in run._r.findall(qn("w:t")):
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    mark = p._p.get_or_add_pPr()
    mark_rpr = mark.find(qn("w:rPr"))
    if mark_rpr is None:
        mark_rpr = OxmlElement("w:rPr")
        mark.append(mark_rpr)
    set_fonts(mark_rpr)
    return p


def _style_by_id(container: Document | _Cell, style_id: str) -> ParagraphStyle:
    for style in container.part.document.styles:
        if style.style_id == style_id:
            assert isinstance(style, ParagraphStyle)
            return style
    raise KeyError(style_id)


def tag(container: Document | _Cell, text: str, style: str = "ND30NoiDung") -> Paragraph:
    """A paragraph holding one Jinja tag; docxtpl removes it ({%p …%})."""
    return para(container, style, text)


def borderless(table: Table, widths: Iterable[int], *, borders: str = "nil", margins: int | None = 0) -> None:
    """Fixed layout, exact column widths, borders ``nil`` (or ``single``), cell side margins."""
    widths = list(widths)
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    tbl_pr = table._tbl.tblPr
    tbl_w = tbl_pr.find(qn("w:tblW"))
    if tbl_w is None:
        tbl_w = OxmlElement("w:tblW")
        _insert_in_order(tbl_pr, tbl_w, after=("w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual",
                                               "w:tblStyleRowBandSize", "w:tblStyleColBandSize"))
    tbl_w.set(qn("w:w"), str(sum(widths)))
    tbl_w.set(qn("w:type"), "dxa")
    style = tbl_pr.find(qn("w:tblStyle"))
    if style is not None:
        tbl_pr.remove(style)
    tbl_borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), borders)
        if borders != "nil":
            el.set(qn("w:sz"), "4")
            el.set(qn("w:space"), "0")
            el.set(qn("w:color"), L.BLACK)
        tbl_borders.append(el)
    _insert_in_order(tbl_pr, tbl_borders, after=("w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual",
                                                 "w:tblStyleRowBandSize", "w:tblStyleColBandSize", "w:tblW",
                                                 "w:jc", "w:tblCellSpacing", "w:tblInd"))
    if margins is not None:
        cell_mar = OxmlElement("w:tblCellMar")
        for edge in ("left", "right"):
            el = OxmlElement(f"w:{edge}")
            el.set(qn("w:w"), str(margins))
            el.set(qn("w:type"), "dxa")
            cell_mar.append(el)
        _insert_in_order(tbl_pr, cell_mar, after=("w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual",
                                                  "w:tblStyleRowBandSize", "w:tblStyleColBandSize", "w:tblW",
                                                  "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders",
                                                  "w:shd", "w:tblLayout"))
    for i, width in enumerate(widths):
        table.columns[i].width = Twips(width)
    for row in table.rows:
        for i, cell in enumerate(row.cells):
            cell.width = Twips(widths[i])
            # python-docx puts an empty paragraph in each new cell; we add our own.
            for p in list(cell._tc.findall(qn("w:p"))):
                cell._tc.remove(p)


def row_flags(table: Table, index: int, *, cant_split: bool = False, header: bool = False) -> None:
    tr_pr = table.rows[index]._tr.get_or_add_trPr()
    if cant_split:
        tr_pr.append(OxmlElement("w:cantSplit"))
    if header:
        tr_pr.append(OxmlElement("w:tblHeader"))


# ---------------------------------------------------------------- the document parts


def build_header(doc: Document, kind: Kind) -> None:
    """ô 1–5b: a borderless 2 × 2 table: agency | Quốc hiệu, then Số (+ V/v) | place and date."""
    table = doc.add_table(rows=2, cols=2)
    borderless(table, (L.HEADER_LEFT, L.HEADER_RIGHT), margins=L.HEADER_CELL_MARGIN)
    agency, nation = table.rows[0].cells
    tag(agency, "{%p for iss in issuers %}", "ND30CoQuan")
    tag(agency, "{%p if iss.chu_quan %}", "ND30ChuQuan")
    para(agency, "ND30ChuQuan", "{{ iss.chu_quan }}")
    tag(agency, "{%p endif %}", "ND30ChuQuan")
    para(agency, L.STYLE_AGENCY, "{{ iss.name }}")
    # The rule under each issuer's name: in a joint document the second issuer (and its chủ quản)
    # starts below the first one's rule, so the first's chủ quản never reads as the second's.
    rule = para(agency, L.STYLE_AGENCY_RULE)
    # A typical length; docgen re-measures it for the actual name (layout.fit_rules).
    typical = round(L.text_width("ỦY BAN NHÂN DÂN", L.SIZES.co_quan, bold=True) * L.AGENCY_RULE_RATIO)
    left, right = L.rule_indents(L.HEADER_LEFT - 2 * L.HEADER_CELL_MARGIN, typical)
    rule.paragraph_format.left_indent = Twips(left)
    rule.paragraph_format.right_indent = Twips(right)
    tag(agency, "{%p if not loop.last %}", "ND30Cach")
    para(agency, "ND30Cach")
    tag(agency, "{%p endif %}", "ND30Cach")
    tag(agency, "{%p endfor %}", "ND30CoQuan")
    para(nation, "ND30QuocHieu", L.QUOC_HIEU)
    para(nation, "ND30TieuNgu", L.TIEU_NGU)
    motto = para(nation, L.STYLE_MOTTO_RULE)
    left, right = L.rule_indents(L.HEADER_RIGHT - 2 * L.HEADER_CELL_MARGIN, L.MOTTO_RULE)
    motto.paragraph_format.left_indent = Twips(left)
    motto.paragraph_format.right_indent = Twips(right)
    number, date = table.rows[1].cells
    para(number, "ND30So", "{{ so }}")
    if kind is Kind.CONG_VAN:
        para(number, "ND30VV", "{{ vv }}")
    para(date, "ND30DiaDanh", "{{ dia_danh_ngay }}")


def build_title(doc: Document, kind: Kind) -> None:
    """ô 5a (not for công văn), the Quyết định's thẩm quyền, ô 9a Kính gửi."""
    if kind is not Kind.CONG_VAN:
        para(doc, "ND30TenLoai", "{{ ten_loai }}")
        para(doc, L.STYLE_TITLE_SUBJECT, "{{ trich_yeu }}")
        rule = para(doc, L.STYLE_TITLE_RULE)
        typical = round(L.text_width("Triển khai xây dựng “Cộng đồng học tập”", L.SIZES.trich_yeu, bold=True) * L.TITLE_RULE_RATIO)
        left, right = L.rule_indents(L.TEXT_WIDTH, typical)
        rule.paragraph_format.left_indent = Twips(left)
        rule.paragraph_format.right_indent = Twips(right)
    if kind is Kind.QUYET_DINH:
        tag(doc, "{%p if tham_quyen %}", "ND30ThamQuyen")
        para(doc, "ND30ThamQuyen", "{{ tham_quyen }}")
        tag(doc, "{%p endif %}", "ND30ThamQuyen")
    else:
        tag(doc, "{%p if kinh_gui %}", "ND30KinhGui")
        para(doc, "ND30KinhGui", "Kính gửi:", "\t", "{{ kinh_gui }}")
        tag(doc, "{%p endif %}", "ND30KinhGui")


def build_opening(doc: Document, kind: Kind) -> None:
    """Căn cứ lines and QUYẾT ĐỊNH: for a Quyết định; otherwise one paragraph per căn cứ, then
    the opening sentence in its own paragraph."""
    if kind is Kind.QUYET_DINH:
        tag(doc, "{%p for line in can_cu %}", "ND30CanCu")
        para(doc, "ND30CanCu", "{{ line }}")
        tag(doc, "{%p endfor %}", "ND30CanCu")
        para(doc, "ND30QuyetDinh", "QUYẾT ĐỊNH:")
    else:
        tag(doc, "{%p for line in can_cu %}")
        para(doc, "ND30NoiDung", "{{ line }}")
        tag(doc, "{%p endfor %}")
        tag(doc, "{%p if mo_dau %}")
        para(doc, "ND30NoiDung", "{{ mo_dau }}")
        tag(doc, "{%p endif %}")


def build_blocks(doc: Document) -> None:
    """ô 6: the flattened sections, one paragraph kind per block type, and the task matrix."""
    tag(doc, "{%p for b in blocks %}")
    build_block_kinds(doc)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if ket_thuc %}")
    para(doc, "ND30NoiDung", "{{ ket_thuc }}")
    tag(doc, "{%p endif %}")


def build_block_kinds(doc: Document) -> None:
    """The paragraph (or table) of one block ``b``, by its kind."""
    tag(doc, '{%p if b.kind == "muc" %}', "ND30Muc")
    para(doc, "ND30Muc", "{{ b.head }}")
    # A heading on its own line (no text after it) is kept with the next paragraph.
    tag(doc, '{%p elif b.kind == "khoan" and not b.text %}', "ND30KhoanTieuDe")
    para(doc, "ND30KhoanTieuDe", ("{{ b.head }}", {"bold": True}))
    tag(doc, '{%p elif b.kind == "diem" and not b.text %}', "ND30DiemTieuDe")
    para(doc, "ND30DiemTieuDe", "{{ b.head }}")
    tag(doc, '{%p elif b.kind == "khoan" %}', "ND30Khoan")
    para(doc, "ND30Khoan", ("{{ b.head }}", {"bold": True}), "{{ b.text }}")
    tag(doc, '{%p elif b.kind == "diem" %}', "ND30Diem")
    para(doc, "ND30Diem", "{{ b.head }}", "{{ b.text }}")
    tag(doc, '{%p elif b.kind == "dieu" %}', "ND30Dieu")
    para(doc, "ND30Dieu", ("{{ b.head }}", {"bold": True}), "{{ b.text }}")
    tag(doc, '{%p elif b.kind == "y" %}', "ND30Y")
    para(doc, "ND30Y", "{{ b.text }}")
    tag(doc, '{%p elif b.kind == "y2" %}', "ND30Y2")
    para(doc, "ND30Y2", "{{ b.text }}")
    tag(doc, '{%p elif b.kind == "ghi_chu" %}', "ND30GhiChu")
    para(doc, "ND30GhiChu", "{{ b.text }}")
    tag(doc, '{%p elif b.kind == "bang" %}', "ND30Bang")
    build_task_table(doc)
    tag(doc, "{%p else %}")
    para(doc, "ND30NoiDung", "{{ b.text }}")
    tag(doc, "{%p endif %}")


def build_annexes(doc: Document) -> None:
    """Phụ lục after the signature: each on a new page, "Phụ lục I" (14 pt bold), the title (UPPER
    bold), the "(Kèm theo …)" line (italic), then its own blocks (nd30.md §2.3)."""
    tag(doc, "{%p for pl in phu_luc %}", "ND30PhuLuc")
    para(doc, "ND30PhuLuc", "{{ pl.head }}")
    para(doc, "ND30PhuLucTen", "{{ pl.title }}")
    tag(doc, "{%p if pl.note %}", "ND30PhuLucKemTheo")
    para(doc, "ND30PhuLucKemTheo", "{{ pl.note }}")
    tag(doc, "{%p endif %}", "ND30PhuLucKemTheo")
    rule = para(doc, L.STYLE_TITLE_RULE)
    typical = round(L.text_width("Triển khai xây dựng “Cộng đồng học tập”", L.SIZES.trich_yeu, bold=True) * L.TITLE_RULE_RATIO)
    left, right = L.rule_indents(L.TEXT_WIDTH, typical)
    rule.paragraph_format.left_indent = Twips(left)
    rule.paragraph_format.right_indent = Twips(right)
    tag(doc, "{%p for b in pl.blocks %}")
    build_block_kinds(doc)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endfor %}", "ND30PhuLuc")


TASK_HEADINGS = ("STT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện")
TASK_FIELDS = ("stt", "content", "lead", "partners", "timing")


def build_task_table(doc: Document) -> None:
    """Bảng phân công nhiệm vụ: bordered, header row repeated on each page, rows kept whole."""
    table = doc.add_table(rows=4, cols=len(TASK_HEADINGS))
    borderless(table, L.TASK_COLUMNS, borders="single", margins=L.mm(1.5))
    row_flags(table, 0, header=True, cant_split=True)
    row_flags(table, 2, cant_split=True)
    for cell, heading in zip(table.rows[0].cells, TASK_HEADINGS):
        para(cell, "ND30BangTieuDe", heading)
    para(table.rows[1].cells[0], "ND30Bang", "{%tr for row in b.rows %}")
    for cell in table.rows[1].cells[1:]:
        para(cell, "ND30Bang")
    for cell, name in zip(table.rows[2].cells, TASK_FIELDS):
        para(cell, "ND30Bang", "{{ row.%s }}" % name)
    para(table.rows[3].cells[0], "ND30Bang", "{%tr endfor %}")
    for cell in table.rows[3].cells[1:]:
        para(cell, "ND30Bang")
    for cell in table.rows[2].cells[:1]:
        cell.paragraphs[0].alignment = CENTER


def _signer(cell: _Cell, signer: str) -> None:
    tag(cell, "{%p for line in " + signer + ".lines %}", "ND30ChucVu")
    para(cell, "ND30ChucVu", "{{ line }}")
    tag(cell, "{%p endfor %}", "ND30ChucVu")
    para(cell, "ND30HoTen", "{{ " + signer + ".name }}")


def _distribution(cell: _Cell) -> None:
    para(cell, "ND30NoiNhanNhan", "Nơi nhận:")
    tag(cell, "{%p for item in noi_nhan %}", "ND30NoiNhan")
    para(cell, "ND30NoiNhan", "{{ item }}")
    tag(cell, "{%p endfor %}", "ND30NoiNhan")


def build_signature(doc: Document) -> None:
    """ô 7 and 9b: one borderless row Nơi nhận | người ký; two signers side by side if joint."""
    para(doc, "ND30Cach")
    tag(doc, "{%p if joint %}", "ND30Cach")
    joint = doc.add_table(rows=2, cols=2)
    half = L.TEXT_WIDTH // 2
    borderless(joint, (half, L.TEXT_WIDTH - half))
    row_flags(joint, 0, cant_split=True)
    row_flags(joint, 1, cant_split=True)
    _signer(joint.rows[0].cells[0], "signers[1]")
    _signer(joint.rows[0].cells[1], "signers[0]")
    _distribution(joint.rows[1].cells[0])
    para(joint.rows[1].cells[1], "ND30NoiNhan")
    joint.rows[1].cells[0].paragraphs[0].paragraph_format.space_before = Pt(12)
    tag(doc, "{%p else %}", "ND30Cach")
    single = doc.add_table(rows=1, cols=2)
    borderless(single, (L.SIGN_LEFT, L.SIGN_RIGHT))
    row_flags(single, 0, cant_split=True)
    _distribution(single.rows[0].cells[0])
    _signer(single.rows[0].cells[1], "signers[0]")
    tag(doc, "{%p endif %}", "ND30Cach")


def build_page_number(doc: Document) -> None:
    """PAGE field centred in the default header; the first page has an empty header (NĐ30 I.7)."""
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    header = section.header
    header.is_linked_to_previous = False
    p = header.paragraphs[0]
    p.style = _style_by_id(doc, "ND30SoTrang")
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "2"), ("end", None)):
        run = p.add_run()
        set_fonts(run._r.get_or_add_rPr())
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            run.text = text
    first = section.first_page_header
    first.is_linked_to_previous = False
    first.paragraphs[0].style = _style_by_id(doc, "ND30SoTrang")
    section.footer.is_linked_to_previous = True


def page_setup(doc: Document) -> None:
    """A4 portrait, margins 20/20/30/15 mm (nd30.md §1)."""
    section = doc.sections[0]
    section.page_width = Twips(L.PAGE_WIDTH)
    section.page_height = Twips(L.PAGE_HEIGHT)
    section.top_margin = Twips(L.MARGIN_TOP)
    section.bottom_margin = Twips(L.MARGIN_BOTTOM)
    section.left_margin = Twips(L.MARGIN_LEFT)
    section.right_margin = Twips(L.MARGIN_RIGHT)
    section.header_distance = Twips(L.HEADER_DISTANCE)
    section.footer_distance = Twips(L.FOOTER_DISTANCE)
    section.gutter = Twips(0)


def build(kind: Kind) -> bytes:
    """The template for ``kind`` as .docx bytes (deterministic)."""
    doc = new_document()
    body = doc.element.body
    for p in list(body.findall(qn("w:p"))):
        body.remove(p)
    clean_styles(doc)
    for spec in PARAGRAPH_STYLES:
        add_paragraph_style(doc, spec)
    for rule in (L.STYLE_AGENCY_RULE, L.STYLE_MOTTO_RULE, L.STYLE_TITLE_RULE):
        add_rule_border(doc, rule)
    add_footnote_reference_style(doc)
    page_setup(doc)
    build_header(doc, kind)
    build_title(doc, kind)
    build_opening(doc, kind)
    build_blocks(doc)
    build_signature(doc)
    para(doc, "ND30Cach")
    build_annexes(doc)
    build_page_number(doc)
    props = doc.core_properties
    props.title = f"Mẫu {kind.value} (NĐ 30/2020/NĐ-CP)"
    props.author = "docgen"
    props.last_modified_by = "docgen"
    props.comments = "Sinh bởi tools/build_templates.py; sửa định dạng bằng các kiểu đoạn NĐ30."
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    props.revision = 1
    lean(doc)
    buffer = io.BytesIO()
    doc.save(buffer)
    return _fixed_zip(buffer.getvalue())


# ---------------------------------------------------------------- lean package (issue 10)
#
# python-docx starts from its default template: 196 styles (386 KB of styles.xml, 38 of them
# used), a 438 KB stylesWithEffects.xml, a theme, numbering for list styles, custom XML, a
# thumbnail. Every render parsed, serialised and compressed all of it, and LibreOffice and the
# checker loaded it again. A template keeps only what NĐ30 documents use.

# Parts a template keeps, by relationship type; everything else python-docx's default template
# relates (stylesWithEffects, webSettings, theme, numbering, customXml, thumbnail) is dropped.
KEPT_DOCUMENT_RELS = frozenset({RT.STYLES, RT.SETTINGS, RT.FONT_TABLE, RT.HEADER, RT.FOOTER, RT.FOOTNOTES})
KEPT_PACKAGE_RELS = frozenset({RT.OFFICE_DOCUMENT, RT.CORE_PROPERTIES, RT.EXTENDED_PROPERTIES})
# Styles kept although no paragraph of the template names them: docgen.render.footnotes puts
# them on the footnotes it creates, and the document defaults Word and LibreOffice fall back on.
ALWAYS_KEPT_STYLES = frozenset({L.STYLE_FOOTNOTE_TEXT, L.STYLE_FOOTNOTE_REF, "Normal", "DefaultParagraphFont", "TableNormal"})
_STYLE_REFERENCES = ("w:pStyle", "w:rStyle", "w:tblStyle")
_STYLE_LINKS = ("w:basedOn", "w:next", "w:link")


def lean(doc: Document) -> None:
    """Drop every part and style of python-docx's default template that the template does not use."""
    package_rels = doc.part.package.rels
    for r_id, rel in list(package_rels.items()):
        if rel.reltype not in KEPT_PACKAGE_RELS:
            package_rels.pop(r_id)
    for r_id, rel in list(doc.part.rels.items()):
        if rel.reltype not in KEPT_DOCUMENT_RELS:
            doc.part.rels.pop(r_id)
    prune_styles(doc)
    prune_font_table(doc)


def _xml_parts(doc: Document) -> list[BaseOxmlElement]:
    """The document body and the other XML parts that hold paragraphs (headers, footers, notes)."""
    roots = [doc.element]
    for rel in doc.part.rels.values():
        if rel.reltype in (RT.HEADER, RT.FOOTER, RT.FOOTNOTES) and isinstance(rel.target_part, XmlPart):
            roots.append(rel.target_part.element)
    return roots


def prune_styles(doc: Document) -> None:
    """Keep the styles named in the template (and those they are based on), drop the rest and
    the latent-style table (Word's list of its built-in styles, not used in rendering)."""
    styles = doc.styles.element
    by_id = {s.get(qn("w:styleId")): s for s in styles.findall(qn("w:style"))}
    wanted = set(ALWAYS_KEPT_STYLES)
    for root in _xml_parts(doc):
        for tag_name in _STYLE_REFERENCES:
            wanted.update(el.get(qn("w:val")) for el in root.iter(qn(tag_name)))
    todo = list(wanted)
    while todo:
        style = by_id.get(todo.pop())
        if style is None:
            continue
        for tag_name in _STYLE_LINKS:
            link = style.find(qn(tag_name))
            if link is not None and link.get(qn("w:val")) not in wanted:
                wanted.add(link.get(qn("w:val")))
                todo.append(link.get(qn("w:val")))
    for style_id, style in by_id.items():
        if style_id not in wanted:
            styles.remove(style)
    latent = styles.find(qn("w:latentStyles"))
    if latent is not None:
        styles.remove(latent)


def prune_font_table(doc: Document) -> None:
    """Keep the font table's entries for the fonts the styles and paragraphs name (Times New Roman)."""
    names: set[str] = set()
    for root in (doc.styles.element, *_xml_parts(doc)):
        for fonts in root.iter(qn("w:rFonts")):
            names.update(v for k, v in fonts.attrib.items() if not k.endswith("Theme"))
    for r_id, rel in list(doc.part.rels.items()):
        if rel.reltype != RT.FONT_TABLE:
            continue
        table = parse_xml(rel.target_part.blob)
        for font in table.findall(qn("w:font")):
            if font.get(qn("w:name")) not in names:
                table.remove(font)
        doc.part.rels.pop(r_id)
        part = XmlPart(PackURI("/word/fontTable.xml"), CT.WML_FONT_TABLE, table, doc.part.package)
        doc.part.relate_to(part, RT.FONT_TABLE)


def _fixed_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps so that rebuilding gives identical bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            info = zipfile.ZipInfo(item.filename, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zout.writestr(info, zin.read(item.filename))
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docgen" / "templates")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for kind in Kind:
        path = args.out / f"{kind.value}.docx"
        path.write_bytes(build(kind))
        print(f"đã ghi {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
