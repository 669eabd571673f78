"""Findings as highlight annotations in a copy of a PDF (pypdf).

The finding's page comes from the draft (``Draft.page_of``). On that page the text pieces that
pypdf's extractor reports (text, position, font size) are joined without their blanks and the
finding's text, also without blanks, is looked for there: the k-th occurrence when the same
text comes k times before it on the page. The highlight covers the pieces' characters, one
rectangle per line; the characters' advance widths come from the font's own widths (pypdf's
font reader), stretched to where the next piece on the line starts (justified lines widen their
spaces). A finding
without text (a layout rule) or not found on its page gets a highlight over the page's first
line, its note saying where it is. The message is the annotation's contents (shown on hover
and in the reader's comment list).
"""

from __future__ import annotations

import io
import math
import unicodedata
from dataclasses import dataclass
from typing import Any

from docgen.check.annotate import AUTHOR, Annotated, comment_lines
from docgen.check.model import Draft, Finding

HIGHLIGHT = "ffff00"


@dataclass
class _Piece:
    text: str
    x: float
    y: float
    size: float
    advances: list[float]  # each character's width, in points

    @property
    def width(self) -> float:
        return sum(self.advances)

    def offset(self, k: int) -> float:
        return self.x + sum(self.advances[:k])


def _widths(font: Any, cache: dict[int, dict[str, float]]) -> dict[str, float]:
    """Glyph widths (thousandths of the font size) by character, from the font's own /Widths
    or /W through its ToUnicode map; {} when pypdf cannot tell."""
    if font is None:
        return {}
    key = id(font)
    if key not in cache:
        try:
            from pypdf.generic._font import Font  # pypdf ≥ 6: widths as text extraction sees them

            parsed = Font.from_font_resource(font)
            by_code = parsed.character_widths
            cache[key] = {str(uni): float(by_code[code]) for code, uni in parsed.character_map.items()
                          if code in by_code and isinstance(uni, str) and len(uni) == 1}
        except Exception:  # noqa: BLE001 - an odd font only makes the highlight approximate
            cache[key] = {}
    return cache[key]


def _pieces(page: Any) -> list[_Piece]:
    pieces: list[_Piece] = []
    cache: dict[int, dict[str, float]] = {}

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if not text or not text.strip():
            return
        _, _, c, d, e, f = tm
        ca, cb, cc, cd, ce, cf = cm
        x = e * ca + f * cc + ce
        y = e * cb + f * cd + cf
        scale = math.hypot(c * ca + d * cc, c * cb + d * cd) or 1.0
        points = abs(size) * scale or 12.0
        widths = _widths(font, cache)
        for part in text.split("\n"):
            if part.strip():
                nfc = unicodedata.normalize("NFC", part)
                advances = [widths.get(ch, 500.0) * points / 1000 for ch in nfc]
                pieces.append(_Piece(nfc, x, y, points, advances))

    page.extract_text(visitor_text=visit)
    if not pieces:
        return pieces
    # Justified lines widen their spaces (word spacing, which the extractor does not report):
    # the room up to the next piece on the line, or up to the right margin (the furthest natural
    # line end on the page) when it is small, is shared among the piece's spaces.
    right = max(p.x + p.width for p in pieces)
    for k, here in enumerate(pieces):
        there = pieces[k + 1] if k + 1 < len(pieces) else None
        same_line = there is not None and abs(there.y - here.y) < 0.25 * here.size and there.x > here.x
        room = (there.x if there is not None and same_line else right) - (here.x + here.width)
        if room <= 0 or (not same_line and room > 0.15 * here.width):
            continue
        spaces = [i for i, ch in enumerate(here.text) if ch == " "]
        if spaces:
            for i in spaces:
                here.advances[i] += room / len(spaces)
        elif same_line and here.width > 0:
            ratio = 1 + room / here.width
            here.advances = [w * ratio for w in here.advances]
    return pieces


def _locate(pieces: list[_Piece], needle: str, nth: int) -> list[tuple[float, float, float, float]] | None:
    """Rectangles (x1, y1, x2, y2), one per line, over the ``nth`` occurrence of ``needle``
    (blanks ignored) in ``pieces``; None when it is not there."""
    chars: list[tuple[int, int]] = []  # (piece, index in its text) of each non-blank character
    for i, piece in enumerate(pieces):
        chars.extend((i, k) for k, ch in enumerate(piece.text) if not ch.isspace())
    hay = "".join(pieces[i].text[k] for i, k in chars)
    key = "".join(needle.split())
    if not key:
        return None
    at = -1
    for _ in range(nth + 1):
        at = hay.find(key, at + 1)
        if at < 0:
            return None
    covered: dict[int, tuple[int, int]] = {}
    for i, k in chars[at : at + len(key)]:
        lo, hi = covered.get(i, (k, k))
        covered[i] = (min(lo, k), max(hi, k))
    lines: dict[float, list[float]] = {}
    for i, (lo, hi) in covered.items():
        piece = pieces[i]
        box = [piece.offset(lo), piece.y - 0.25 * piece.size, piece.offset(hi + 1), piece.y + 0.85 * piece.size]
        row = next((y for y in lines if abs(y - piece.y) < 0.25 * piece.size), piece.y)
        if row in lines:
            old = lines[row]
            lines[row] = [min(old[0], box[0]), min(old[1], box[1]), max(old[2], box[2]), max(old[3], box[3])]
        else:
            lines[row] = box
    return [(b[0], b[1], b[2], b[3]) for _, b in sorted(lines.items(), key=lambda item: -item[0])]


def annotate_pdf(draft: Draft, findings: list[Finding], data: bytes) -> Annotated:
    from pypdf import PdfReader, PdfWriter
    from pypdf.annotations import Highlight
    from pypdf.generic import ArrayObject, FloatObject, NameObject, TextStringObject

    reader = PdfReader(io.BytesIO(data), strict=False)
    writer = PdfWriter(clone_from=reader)
    pieces: dict[int, list[_Piece]] = {}
    approximate = 0
    for f in findings:
        page_no = draft.page_of(f.span.start) or 1
        index = min(max(page_no - 1, 0), len(writer.pages) - 1)
        if index not in pieces:
            pieces[index] = _pieces(reader.pages[index])
        boxes = _locate(pieces[index], f.text, _occurrence(draft, f, page_no)) if f.text.strip() else None
        where = None
        if boxes is None:
            approximate += 1
            where = (f"Vị trí: dòng {f.line}, cột {f.column}: “{f.text}”" if f.text.strip()
                     else "Lỗi chung của cả văn bản (trang, lề, số trang…), không gắn với đoạn chữ nào.")
            first = pieces[index][:1]
            if first:
                p = first[0]
                boxes = [(p.x, p.y - 0.25 * p.size, p.x + p.width, p.y + 0.85 * p.size)]
            else:
                box = reader.pages[index].mediabox
                top = float(box.top)
                boxes = [(float(box.left) + 36, top - 60, float(box.left) + 236, top - 36)]
        quads: list[FloatObject] = []
        for x1, y1, x2, y2 in boxes:
            quads.extend(FloatObject(v) for v in (x1, y2, x2, y2, x1, y1, x2, y1))
        rect = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
        annotation = Highlight(rect=rect, quad_points=ArrayObject(quads), highlight_color=HIGHLIGHT, printing=False)
        annotation[NameObject("/Contents")] = TextStringObject("\n".join(comment_lines(f, False, where)))
        annotation[NameObject("/T")] = TextStringObject(AUTHOR)
        writer.add_annotation(page_number=index, annotation=annotation)
    buffer = io.BytesIO()
    writer.write(buffer)
    return Annotated(buffer.getvalue(), len(findings), 0, approximate)


def _occurrence(draft: Draft, f: Finding, page: int) -> int:
    """How many times ``f.text`` (blanks ignored) comes on its page before ``f`` itself."""
    key = "".join(f.text.split())
    if not key or not draft.pages:
        return 0
    first_line = next((i for i, p in enumerate(draft.pages) if p == page), 0)
    before = draft.text[draft.line_starts[first_line] : f.span.start]
    return "".join(before.split()).count(key)
