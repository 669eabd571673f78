"""STR: the document's structure: heading sequences and footnotes.

Headings of the running text form one numbering; each table cell is a numbering of its own
(issue 8: a task table whose rows each list "a), b)" or "1., 2." again is not a repeated or
skipped heading).
"""

from __future__ import annotations

from collections.abc import Iterator

from docgen import vi
from docgen.check.model import Finding, Severity
from docgen.check.outline import CONTINUOUS, LEVELS, Heading, cell_headings, table_cells, text_table_lines
from docgen.check.rules.base import CheckContext, Rule, register

LEVEL_WORDS: dict[str, str] = {
    "phan": "phần",
    "chuong": "chương",
    "muc": "mục",
    "roman": "mục (số La Mã)",
    "dieu": "điều",
    "arabic": "khoản (số)",
    "arabic2": "tiểu mục (số hai cấp)",
    "letter": "điểm (chữ cái)",
}


def _label(level: str, number: int) -> str:
    if level in ("roman", "phan", "chuong") and 1 <= number <= len(vi.ROMAN):
        return vi.roman(number)
    if level == "letter" and 1 <= number <= len(vi.POINT_LETTERS):
        return vi.point_letter(number)
    return str(number)


def _sequences(headings: list[Heading]) -> Iterator[tuple[Heading, Heading | None]]:
    """Each heading with the previous heading of its sequence (None at a sequence start).

    A heading ends the sequences of the levels inside it; Điều and Chương run through the
    whole document. "1.2" belongs to the sequence of its parent "1".
    """
    last: dict[str, Heading] = {}
    for h in headings:
        if h.level == "letter" and h.number == 0:
            continue  # f) j) w) z): STR004; the letters around it keep their order
        rank = LEVELS.index(h.level)
        for inner in LEVELS[rank + 1 :]:
            if inner not in CONTINUOUS:
                last.pop(inner, None)
        prev = last.get(h.level)
        if h.level == "arabic2" and prev is not None and prev.parent != h.parent:
            prev = None
        yield h, prev
        last[h.level] = h


def _scopes(ctx: CheckContext) -> list[tuple[list[Heading], bool]]:
    """The numbering scopes of the draft, computed once: the running text's headings (table rows
    left out), then each table cell's headings; the flag says "a table cell"."""
    cached: list[tuple[list[Heading], bool]] | None = ctx.memo.get("str_scopes")
    if cached is None:
        outline = ctx.outline
        table = text_table_lines(ctx.draft)
        cached = [([h for h in outline.headings if h.line not in table], False)]
        for lines in table_cells(ctx.draft, ctx.docx_paragraphs):
            headings = cell_headings(lines, outline.noi_nhan)
            if headings:
                cached.append((headings, True))
        ctx.memo["str_scopes"] = cached
    return cached


def _all_sequences(ctx: CheckContext) -> Iterator[tuple[Heading, Heading | None, bool]]:
    """:func:`_sequences` over every scope, with whether the heading sits in a table cell."""
    for headings, in_cell in _scopes(ctx):
        for h, prev in _sequences(headings):
            yield h, prev, in_cell


@register
class HeadingNumberSkipped(Rule):
    """Số thứ tự đề mục bị nhảy cóc (I, II, IV; 1, 2, 4; a, b, d).

    Vì sao: đề mục thiếu một số làm người đọc tưởng mất một phần nội dung, và mọi viện dẫn
    "mục III", "khoản 3" trong văn bản trỏ sai chỗ. NĐ 30/2020/NĐ-CP (Phụ lục I, II.6.đ) đánh
    số phần, mục, khoản, điểm liên tục theo thứ tự. Mỗi ô của bảng được đánh số riêng: danh sách
    a), b) hay 1., 2. bắt đầu lại trong từng hàng của bảng không bị báo, và một ô bắt đầu bằng
    “b)” (phần tiếp của ô khác) cũng không; chỉ số nhảy cóc bên trong một ô mới bị báo.
    """

    code = "STR001"
    name = "heading-number-skipped"
    severity = Severity.WARNING
    message = "đề mục {level} “{found}” đứng sau “{previous}”: thiếu “{missing}”"

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for h, prev, in_cell in _all_sequences(ctx):
            if in_cell and prev is None:
                continue  # a cell may go on from the cell before it
            expected = prev.number + 1 if prev else 1
            if h.number <= expected:
                continue
            if h.level == "letter" and prev and prev.label == "d" and h.label == "e":
                continue  # STR003 says it better
            missing = ", ".join(_label(h.level, n) for n in range(expected, h.number))
            yield self.finding(
                ctx, h.span, level=LEVEL_WORDS[h.level], found=h.label,
                previous=prev.label if prev else "đầu", missing=missing,
            )


@register
class HeadingNumberRepeated(Rule):
    """Số thứ tự đề mục lặp lại hoặc lùi lại (1, 2, 2; I, III, II).

    Vì sao: hai đề mục cùng số khiến viện dẫn "khoản 2" không rõ trỏ vào đâu; số lùi lại
    thường là dấu vết của đoạn bị cắt dán. Một danh sách bắt đầu lại từ 1 không bị coi là lặp;
    mỗi ô của bảng là một danh sách riêng.
    """

    code = "STR002"
    name = "heading-number-repeated"
    severity = Severity.WARNING
    message = "đề mục {level} “{found}” đứng sau “{previous}”"

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for h, prev, _ in _all_sequences(ctx):
            if prev is None or h.number > prev.number:
                continue
            if h.number == 1 and prev.number > 1:
                continue  # a new list starting again at 1
            if h.number == prev.number == 1 and ctx.draft.kind == "md":
                continue  # Markdown's "1. 1. 1." list numbering
            yield self.finding(ctx, h.span, level=LEVEL_WORDS[h.level], found=h.label, previous=prev.label)


@register
class PointLetterDSkipped(Rule):
    """Điểm “e)” đứng ngay sau “d)”: bỏ sót chữ “đ)”.

    Vì sao: điểm được đánh theo thứ tự chữ cái tiếng Việt a, b, c, d, đ, e, g… (NĐ 30/2020/NĐ-CP,
    Phụ lục I, II.6.đ; văn bản mẫu dùng a) b) c) d) đ) e) g)). Bỏ “đ)” làm lệch mọi viện dẫn
    “điểm e”, “điểm g” về sau.
    """

    code = "STR003"
    name = "point-letter-d-skipped"
    severity = Severity.ERROR
    message = "điểm “e)” đứng ngay sau “d)”: thiếu điểm “đ)”"

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for h, prev, _ in _all_sequences(ctx):
            if h.level == "letter" and prev and prev.label == "d" and h.label == "e":
                yield self.finding(ctx, h.span)


@register
class NonVietnamesePointLetter(Rule):
    """Điểm dùng chữ cái không có trong bảng chữ tiếng Việt (f, j, w, z).

    Vì sao: điểm được đánh theo bảng chữ cái tiếng Việt (a b c d đ e g h i k l m n o p q r s t u
    v x y); văn bản mẫu của NĐ 30/2020/NĐ-CP đi thẳng từ e) sang g). “f)” chắc chắn sai (lỗi);
    sau g) NĐ 30 không nêu thứ tự nên “j)”, “w)”, “z)” chỉ là cảnh báo.
    """

    code = "STR004"
    name = "non-vietnamese-point-letter"
    severity = Severity.ERROR
    message = "điểm “{found})” không có trong thứ tự chữ cái tiếng Việt"

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for h in sorted((h for headings, _ in _scopes(ctx) for h in headings), key=lambda h: h.span.start):
            if h.level == "letter" and h.number == 0:
                severity = Severity.ERROR if h.label == "f" else Severity.WARNING
                yield self.finding(ctx, h.span, severity=severity, found=h.label)


@register
class FootnoteMarkerWithoutNote(Rule):
    """Dấu chú thích trong văn bản không có lời chú thích tương ứng.

    Vì sao: người đọc gặp “[3]” mà không tìm thấy chú thích 3 thì mất căn cứ của câu đó. Trong
    .txt/.md, dấu là “[1]” (hoặc “[^1]”) trong câu và lời chú thích là dòng bắt đầu bằng “[1] ”
    (hoặc “[^1]: ”); trong .docx là chú thích cuối trang thật của Word (bộ đọc hiện chúng thành
    “[n]” và dòng “[n] …”) hoặc dấu “[1]” gõ tay.
    """

    code = "STR005"
    name = "footnote-marker-without-note"
    severity = Severity.ERROR
    message = "dấu chú thích “{key}” không có lời chú thích"
    kinds = frozenset({"txt", "md", "docx", "stdin"})

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        have = {n.key for n in ctx.outline.notes}
        for m in ctx.outline.markers:
            if m.key not in have:
                yield self.finding(ctx, m.span, key=m.key)


@register
class FootnoteNoteWithoutMarker(Rule):
    """Lời chú thích không được dấu chú thích nào trong văn bản trỏ tới.

    Vì sao: chú thích mồ côi thường do xóa câu mà quên xóa chú thích, hoặc đánh số lệch; người
    đọc không biết chú thích ấy giải thích cho câu nào.
    """

    code = "STR006"
    name = "footnote-note-without-marker"
    severity = Severity.WARNING
    message = "lời chú thích “{key}” không có dấu chú thích nào trỏ tới"
    kinds = frozenset({"txt", "md", "docx", "stdin"})

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        used = {m.key for m in ctx.outline.markers}
        for n in ctx.outline.notes:
            if n.key not in used:
                yield self.finding(ctx, n.span, key=n.key)
