"""NĐ 30/2020/NĐ-CP page and element layout, in Word units, plus text measurement.

The numbers come from /work/shared/reference/nd30.md: page setup (§1), the ô map and element
sizes (§2) and the header-table recipe (§5). Each constant cites the section it comes from.
Word measures in twips (1/20 pt; 1 mm = 56.69 twips) and font sizes in half-points.

Text widths use the advance widths of Liberation Serif, which is metric-compatible with Times
New Roman (widths in font units of 1/2048 em), so the short solid rules under the agency name
and the trích yếu can be sized from the text they sit under (nd30.md §2.2: 1/3 to 1/2 of the
text line; the Tiêu ngữ rule as long as the Tiêu ngữ line).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Final, cast

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.text.paragraph import CT_P
from docx.oxml.xmlchemy import BaseOxmlElement

FONT: Final = "Times New Roman"  # nd30.md §1 font.family (high)
BLACK: Final = "000000"  # nd30.md §1 font.colour (high)

QUOC_HIEU: Final = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"  # nd30.md §2.2 ô 1, spelling of the rule text
TIEU_NGU: Final = "Độc lập - Tự do - Hạnh phúc"  # nd30.md §2.2 ô 1: hyphen with a space each side


def mm(value: float) -> int:
    """Millimetres to twips."""
    return round(value * 1440 / 25.4)


def pt(value: float) -> int:
    """Points to twips."""
    return round(value * 20)


# Page (nd30.md §1): A4 portrait, margins top/bottom 20, left 30, right 15 mm.
PAGE_WIDTH: Final = 11906
PAGE_HEIGHT: Final = 16838
MARGIN_TOP: Final = mm(20)
MARGIN_BOTTOM: Final = mm(20)
MARGIN_LEFT: Final = mm(30)
MARGIN_RIGHT: Final = mm(15)
HEADER_DISTANCE: Final = mm(10)  # the page number sits in the top margin (nd30.md §1 page_numbers)
FOOTER_DISTANCE: Final = mm(10)
TEXT_WIDTH: Final = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT  # 9355 twips = 165 mm

# Header table (nd30.md §2.1 and §5): about 40 % | 60 %, right column >= 95 mm. Measured with
# the widths below, the 13 pt bold Quốc hiệu is ≈ 95.7 mm wide and "SỞ GIÁO DỤC VÀ ĐÀO TẠO"
# ≈ 60.8 mm; with 1 mm cell margins a 64 | 101 mm split keeps both on one line (the decree's
# own mẫu measure 60–70 | 95–103 mm).
HEADER_LEFT: Final = mm(64)
HEADER_RIGHT: Final = TEXT_WIDTH - HEADER_LEFT
HEADER_CELL_MARGIN: Final = mm(1)  # left and right, inside each header cell
# Signature table (nd30.md §5 and §2.2 ô 9b layout_practice): the same split.
SIGN_LEFT: Final = HEADER_LEFT
SIGN_RIGHT: Final = HEADER_RIGHT
# Task matrix columns: STT | Nội dung | Chủ trì | Phối hợp | Thời gian (sum = TEXT_WIDTH).
TASK_COLUMNS: Final = (mm(12), mm(62), mm(33), mm(33), TEXT_WIDTH - mm(12 + 62 + 33 + 33))

# Body text (nd30.md §1 body_text): 14 pt, justified, first-line indent 1.27 cm, 6 pt before,
# line spacing between single and 1.5 lines (1.15 chosen, in 240ths of a line).
BODY_SIZE: Final = 14
BODY_INDENT: Final = mm(12.7)
BODY_SPACE_BEFORE: Final = pt(6)
BODY_LINE: Final = 276

# Kính gửi (nd30.md §2.2 ô 9a): centre-right; the label starts 30 mm from the left margin and
# the recipients line up 20 mm further on ("Kính gửi:" is ≈ 18 mm wide at 14 pt).
KINH_GUI_LABEL: Final = mm(30)
KINH_GUI_HANG: Final = mm(20)

SIGN_GAP: Final = pt(72)  # room for signature and seal (nd30.md §2.2 ô 7: not found; practice)

# Rules: paragraph bottom borders between computed indents (nd30.md §5).
RULE_SIZE: Final = 6  # border width in eighths of a point (0.75 pt)
AGENCY_RULE_RATIO: Final = 0.4  # nd30.md §2.2 ô 2: 1/3 to 1/2 of the text line
TITLE_RULE_RATIO: Final = 0.4  # nd30.md §2.2 ô 5a: 1/3 to 1/2 of the text line


@dataclass(frozen=True)
class Sizes:
    """Font sizes in points (nd30.md §2.2; the Phụ lục III mẫu pair 13 | 14)."""

    chu_quan: int = 13
    co_quan: int = 13
    so: int = 13
    vv: int = 12
    quoc_hieu: int = 13
    tieu_ngu: int = 14
    date: int = 14
    ten_loai: int = 14
    trich_yeu: int = 14
    body: int = BODY_SIZE
    table: int = 13
    noi_nhan_label: int = 12
    noi_nhan: int = 11
    signer: int = 14
    page_number: int = 14
    footnote: int = 12  # not fixed by NĐ30; 12 pt TNR


SIZES: Final = Sizes()

# Paragraph style ids used by the templates and by post-processing (ids are ASCII; the names a
# user sees in Word are Vietnamese, see tools/build_templates.py).
STYLE_AGENCY: Final = "ND30CoQuan"
STYLE_AGENCY_RULE: Final = "ND30GachCoQuan"
STYLE_TITLE_SUBJECT: Final = "ND30TrichYeu"
STYLE_TITLE_RULE: Final = "ND30GachTrichYeu"
STYLE_MOTTO_RULE: Final = "ND30GachTieuNgu"
STYLE_FOOTNOTE_TEXT: Final = "FootnoteText"
STYLE_FOOTNOTE_REF: Final = "FootnoteReference"

# Advance widths (1/2048 em) of Liberation Serif Regular and Bold for ' '..'~' and a few more
# characters; other letters are measured by their base letter (Vietnamese tone marks and the
# circumflex/breve do not change the advance width; the horn does, hence Ơ ơ Ư ư).
_CHARS: Final = "".join(chr(c) for c in range(0x20, 0x7F)) + "ĐđƠơƯư“”‘’–—…"
_REGULAR: Final = (
    512, 682, 836, 1024, 1024, 1706, 1593, 369, 682, 682, 1024, 1155, 512, 682, 512, 569, 1024, 1024,
    1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 569, 569, 1155, 1155, 1155, 909, 1886, 1479, 1366,
    1366, 1479, 1251, 1139, 1479, 1479, 682, 797, 1479, 1251, 1821, 1479, 1479, 1139, 1479, 1366, 1139,
    1251, 1479, 1479, 1933, 1479, 1479, 1251, 682, 569, 682, 961, 1024, 682, 909, 1024, 909, 1024, 909,
    682, 1024, 1024, 569, 569, 1024, 569, 1593, 1024, 1024, 1024, 1024, 682, 797, 569, 1024, 1024,
    1479, 1024, 1024, 909, 983, 410, 983, 1108, 1479, 1024, 1479, 1083, 1589, 1110, 909, 909, 682,
    682, 1024, 2048, 2048,
)
_BOLD: Final = (
    512, 682, 1137, 1024, 1024, 2048, 1706, 569, 682, 682, 1024, 1167, 512, 682, 512, 569, 1024, 1024,
    1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 682, 682, 1167, 1167, 1167, 1024, 1905, 1479, 1366,
    1479, 1479, 1366, 1251, 1593, 1593, 797, 1024, 1593, 1366, 1933, 1479, 1593, 1251, 1593, 1479,
    1139, 1366, 1479, 1479, 2048, 1479, 1479, 1366, 682, 569, 682, 1190, 1024, 682, 1024, 1139, 909,
    1139, 909, 682, 1024, 1139, 569, 682, 1139, 569, 1706, 1139, 1024, 1139, 1139, 909, 797, 682, 1139,
    1024, 1479, 1024, 1024, 909, 807, 451, 807, 1065, 1479, 1139, 1593, 1134, 1630, 1229, 1024, 1024,
    682, 682, 1024, 2048, 2048,
)
_WIDTHS: Final = {False: dict(zip(_CHARS, _REGULAR)), True: dict(zip(_CHARS, _BOLD))}
_HORN: Final = "\u031b"


def _advance(char: str, bold: bool) -> int:
    table = _WIDTHS[bold]
    if char in table:
        return table[char]
    decomposed = unicodedata.normalize("NFD", char)
    kept = decomposed[0] + (_HORN if _HORN in decomposed[1:] else "")
    base = unicodedata.normalize("NFC", kept)
    return table.get(base, table.get(decomposed[0], 1024))


def text_width(text: str, size_pt: float, bold: bool = False) -> int:
    """Width of one line of Times New Roman text, in twips."""
    units = sum(_advance(c, bold) for c in unicodedata.normalize("NFC", text))
    return round(units * size_pt * 20 / 2048)


# Where an agency name breaks best: before "VÀ" or an administrative unit ("PHÒNG GIÁO DỤC / VÀ
# ĐÀO TẠO", "HỘI KHUYẾN HỌC / TỈNH CAO BẰNG"), then after a comma; never inside a compound word
# if it can be helped ("GIÁO / DỤC").
_BREAK_BEFORE: Final = frozenset("VÀ TỈNH HUYỆN QUẬN THỊ XÃ PHƯỜNG THÀNH".split())


def _break_rank(words: list[str], i: int) -> int:
    if words[i] in _BREAK_BEFORE:
        return 0
    return 1 if words[i - 1].endswith(",") or words[i - 1] == "-" else 2


def _split(words: list[str], size_pt: float, bold: bool, width: int) -> list[str]:
    line = " ".join(words)
    if len(words) < 2 or text_width(line, size_pt, bold) <= width:
        return [line]

    def cost(i: int) -> tuple[int, int, int]:
        """(halves do not fit, boundary rank, widest half): smaller is better."""
        widest = max(text_width(" ".join(half), size_pt, bold) for half in (words[:i], words[i:]))
        return (0 if widest <= width else 1), _break_rank(words, i), widest

    best = min(range(1, len(words)), key=cost)
    if _break_rank(words, best) == 2:
        return [line]  # no good boundary: leave the wrapping to the word processor
    return _split(words[:best], size_pt, bold, width) + _split(words[best:], size_pt, bold, width)


def balance_lines(text: str, size_pt: float, bold: bool, width: int = 0) -> str:
    """Break each line of ``text`` wider than ``width`` twips at good word boundaries (before
    "VÀ" or an administrative unit, after a comma or a dash: ``_BREAK_BEFORE``), the parts as
    even as possible; a line with no good boundary is left to the word processor.

    Used for the agency lines of the header (nd30.md §2.2 ô 2: long names may wrap); a line the
    author broke with "\n" is kept as written when it fits.
    """
    width = width or HEADER_LEFT - 2 * HEADER_CELL_MARGIN
    return "\n".join(part for line in text.split("\n") for part in _split(line.split(), size_pt, bold, width))


def rule_indents(cell_width: int, rule_length: int) -> tuple[int, int]:
    """Left and right indents (twips) that centre a rule of ``rule_length`` in ``cell_width``."""
    length = max(0, min(rule_length, cell_width))
    left = (cell_width - length) // 2
    return left, cell_width - length - left


MOTTO_RULE: Final = text_width(TIEU_NGU, SIZES.tieu_ngu, bold=True)  # ≈ 57 mm (nd30.md §2.2)


def _paragraph_lines(p: BaseOxmlElement) -> list[str]:
    """The text lines of a paragraph (split at ``w:br``)."""
    lines = [""]
    for node in p.iter(qn("w:t"), qn("w:br"), qn("w:tab")):
        if node.tag == qn("w:br"):
            lines.append("")
        elif node.tag == qn("w:tab"):
            lines[-1] += " "
        else:
            lines[-1] += node.text or ""
    return lines


def _style_of(p: BaseOxmlElement) -> str | None:
    style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return None if style is None else style.get(qn("w:val"))


def _available_width(p: BaseOxmlElement) -> int:
    """Text width of the cell holding ``p`` (``w:tcW`` less the table's cell margins), or the
    text width of the page outside tables."""
    cell = p.getparent()
    if cell is None or cell.tag != qn("w:tc"):
        return TEXT_WIDTH
    width = cell.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
    if width is None or width.get(qn("w:type")) not in (None, "dxa"):
        return TEXT_WIDTH
    margins = 0
    table = cell.getparent().getparent() if cell.getparent() is not None else None
    if table is not None:
        for edge in ("left", "right", "start", "end"):
            mar = table.find(f"{qn('w:tblPr')}/{qn('w:tblCellMar')}/{qn('w:' + edge)}")
            if mar is not None and mar.get(qn("w:type")) in (None, "dxa"):
                margins += int(mar.get(qn("w:w")))
    return int(width.get(qn("w:w"))) - margins


# Children of w:pPr that come after w:ind (ECMA-376 CT_PPrBase / CT_PPr sequence).
_AFTER_IND: Final = tuple(
    qn(t) for t in ("w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
                    "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
                    "w:sectPr", "w:pPrChange")
)


def paragraph_properties(p: BaseOxmlElement) -> BaseOxmlElement:
    """The ``w:pPr`` of a ``w:p``, added first if missing (python-docx's ``CT_P.get_or_add_pPr``)."""
    ppr: BaseOxmlElement = cast(CT_P, p).get_or_add_pPr()
    return ppr


def _set_indents(p: BaseOxmlElement, left: int, right: int) -> None:
    ppr = paragraph_properties(p)
    ind = ppr.find(qn("w:ind"))
    if ind is None:
        ind = OxmlElement("w:ind")
        later = next((i for i, child in enumerate(ppr) if child.tag in _AFTER_IND), len(ppr))
        ppr.insert(later, ind)
    for attr in ("w:start", "w:end", "w:firstLine", "w:hanging"):
        ind.attrib.pop(qn(attr), None)
    ind.set(qn("w:left"), str(left))
    ind.set(qn("w:right"), str(right))


TOP_ELEMENTS: Final = 12  # header table, tên loại, trích yếu lines, rule, with room to spare


def fit_rules(body: BaseOxmlElement) -> None:
    """Size the rules under the agency name and the trích yếu to the text above them.

    A rule paragraph measures the paragraphs of the matching text style that precede it in the
    same container (the header cell, or the body): the longest line, capped at the available
    width (a wrapped line fills it), times the ratio of nd30.md §2.2.
    """
    measured = {
        STYLE_AGENCY_RULE: (STYLE_AGENCY, SIZES.co_quan, AGENCY_RULE_RATIO),
        STYLE_TITLE_RULE: (STYLE_TITLE_SUBJECT, SIZES.trich_yeu, TITLE_RULE_RATIO),
    }
    # The rules sit in the header table and the title block, at the top of the body.
    top = [p for element in body[:TOP_ELEMENTS] for p in element.iter(qn("w:p"))]
    for p in top:
        rule = measured.get(_style_of(p) or "")
        if rule is None:
            continue
        text_style, size, ratio = rule
        available = _available_width(p)
        longest = 0
        sibling = p.getprevious()
        while sibling is not None and sibling.tag == qn("w:p"):
            if _style_of(sibling) == text_style:
                for line in _paragraph_lines(sibling):
                    longest = max(longest, text_width(line.strip(), size, bold=True))
            elif _style_of(sibling) in measured:
                break
            sibling = sibling.getprevious()
        if longest == 0:
            continue
        _set_indents(p, *rule_indents(available, round(min(longest, available) * ratio)))


# A document number and symbol ("25/2023/TT-BGDĐT", "3727/KH-UBND", "49-KL/TW"): its hyphens are
# written as w:noBreakHyphen so that the symbol is never split across two lines (a split symbol
# also reads back from the PDF as "TT- BGDĐT"). Word and LibreOffice draw it with the run's own
# font; python-docx reads it back as "-".
_SYMBOL: Final = re.compile(r"\d+(?:-[A-ZĐ]+)?/[0-9A-Za-zĐđ/&.]*[A-Za-zĐđ][0-9A-Za-zĐđ&]*(?:-[0-9A-Za-zĐđ&]+)*")
_T: Final = qn("w:t")


def keep_symbols_whole(root: BaseOxmlElement) -> None:
    """Replace the hyphens inside document symbols of every ``w:t`` under ``root``."""
    for t in list(root.iter(_T)):
        text = t.text or ""
        if "-" not in text or "/" not in text:
            continue
        cuts = [m.start() + i for m in _SYMBOL.finditer(text) for i, c in enumerate(m.group()) if c == "-"]
        if not cuts:
            continue
        run = t.getparent()
        at = run.index(t)
        run.remove(t)
        start = 0
        for cut in [*cuts, len(text)]:
            piece = OxmlElement("w:t")
            piece.text = text[start:cut]
            piece.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            if piece.text:
                run.insert(at, piece)
                at += 1
            if cut < len(text):
                run.insert(at, OxmlElement("w:noBreakHyphen"))
                at += 1
            start = cut + 1


# ---------------------------------------------------------------- phụ lục page numbers

# The first paragraph of each phụ lục ("Phụ lục I"), as tools/build_templates.py styles it.
ANNEX_STYLE: Final = "ND30PhuLuc"


def number_annexes_separately(body: BaseOxmlElement) -> None:
    """Each phụ lục numbered separately (NĐ30 Phụ lục I, III.1.đ): a section break before it, the
    section it opens counting pages from 1 again. Every section copies the document's own page
    setup and headers (page number in the header, none on a section's first page), and the
    phụ lục's own "page break before" gives way to the section break (no blank page)."""
    import copy

    final = body.find(qn("w:sectPr"))
    starts = [p for p in body.iterchildren(qn("w:p")) if _style_of(p) == ANNEX_STYLE]
    if final is None or not starts:
        return
    closers: list[BaseOxmlElement] = []
    for start in starts:
        before = start.getprevious()
        if before is None or before.tag != qn("w:p") or before.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
            before = OxmlElement("w:p")  # after a table (the signature block): an empty paragraph ends the section
            start.addprevious(before)
        section = copy.deepcopy(final)
        paragraph_properties(before).append(section)
        closers.append(section)
        own = paragraph_properties(start)
        if own.find(qn("w:pageBreakBefore")) is None:
            # CT_PPr order: pStyle, keepNext, keepLines, pageBreakBefore, …
            leading = [c for c in own if c.tag in (qn("w:pStyle"), qn("w:keepNext"), qn("w:keepLines"))]
            flag = OxmlElement("w:pageBreakBefore", {qn("w:val"): "0"})
            if leading:
                leading[-1].addnext(flag)
            else:
                own.insert(0, flag)
    # a section's properties sit at its end: the first closer ends the body, each later one (and
    # the document's own) ends a phụ lục, whose numbering restarts
    for section in [*closers[1:], final]:
        restart_page_numbers(section)


# sectPr children that follow w:pgNumType (ECMA-376 CT_SectPr order)
_AFTER_PAGE_NUMBERS: Final = tuple(qn(f"w:{t}") for t in (
    "cols", "formProt", "vAlign", "noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid",
    "printerSettings", "sectPrChange"))


def restart_page_numbers(section: BaseOxmlElement, *, keep: bool = False) -> None:
    """Page numbers of the section ``section`` (a ``w:sectPr``) start at 1; with ``keep``, a start
    the section already sets stays (render/pdf.py's joined documents)."""
    numbers = section.find(qn("w:pgNumType"))
    if numbers is None:
        numbers = OxmlElement("w:pgNumType")
        following = next((child for child in section if child.tag in _AFTER_PAGE_NUMBERS), None)
        if following is None:
            section.append(numbers)
        else:
            following.addprevious(numbers)
    if not keep or numbers.get(qn("w:start")) is None:
        numbers.set(qn("w:start"), "1")
