"""Text laid out by a PDF: page furniture, and the repair of text copied out of a PDF (issue 8).

A PDF cuts sentences at the line width and puts page numbers and running headers/footers between
the halves of a sentence that crosses a page break. Left as they are, a citation "… Thông tư số
25/2023/TT-BGDĐT" / "2" / "ngày 27/12/2023 …" reads as a first citation without a date.

* .pdf: :func:`page_furniture` finds, on each page, the page numbers and running headers or
  footers at its top and foot; the reader drops them before it joins the lines again.
* .txt, .md, stdin: :func:`repair_text` first decides, conservatively, whether the text was
  copied out of a PDF (:func:`text_furniture`); a text typed with one paragraph per line is left
  exactly as it is. When it was, the furniture is dropped and the lines joined again as for a
  .pdf, and every offset of the repaired text keeps a map back to the line and column of the file
  (:class:`Repaired`), and for ``--fix`` back to the file's text (:class:`SourceMap`).

Everything here is linear in the length of the text.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from docgen import text as vtext
from docgen.check.patterns.cite import (
    FOOTNOTE_LINE_RE,
    FURNITURE_DIGITS_RE,
    MARKDOWN_BLOCK_RE,
    PAGE_FURNITURE_RE,
    PDF_FOOTNOTE_LINE_RE,
)
from docgen.check.patterns.form import SUPPRESSION

RUNNING_MAX = 100  # a running header or footer is a short line: at most this many characters
EDGE = 3  # lines looked at from the top and from the foot of a page
PAGE_GAP = 10  # non-blank lines at least between two page numbers of a copied text
FULL_LINE = 40  # characters at least in the line a page break cuts (A4 at 13–14 pt holds 80–95)


# ---------------------------------------------------------------- furniture


@dataclass(frozen=True)
class PageNumber:
    """A line that holds only a page number: "2", "- 2 -", "Trang 2/5"."""

    page: int
    total: int | None
    marked: bool  # "Trang 2", "- 2 -": a form that is nothing but a page number


MAX_PAGE = 999  # "2024" alone on a line is a year, not a page


def page_number(line: str) -> PageNumber | None:
    """The page number that ``line`` holds and nothing else, if any."""
    m = PAGE_FURNITURE_RE.match(line)
    if m is None or not 1 <= int(m.group("page")) <= MAX_PAGE:
        return None
    total = int(m.group("total")) if m.group("total") else None
    return PageNumber(int(m.group("page")), total, bool(m.group("label") or m.group("dash")))


def furniture_key(line: str) -> str:
    """What a running header or footer is compared by: its words, digits left out, any case."""
    return " ".join(FURNITURE_DIGITS_RE.sub("#", line).casefold().split())


def _may_run(line: str) -> bool:
    """Whether ``line`` could be a running header or footer: a short line with letters that does
    not go on with a sentence (lower-case start) and is not a footnote ("2 Tại Điều 7 …", "[2] …"),
    a page number or a suppression comment. Footnotes at the foot of pages are alike, digits aside."""
    return (
        3 <= len(line) <= RUNNING_MAX
        and not line[:1].islower()
        and any(c.isalpha() for c in line)
        and PDF_FOOTNOTE_LINE_RE.match(line) is None
        and FOOTNOTE_LINE_RE.match(line) is None
        and page_number(line) is None
        and SUPPRESSION.search(line) is None
    )


def _numbers_page(line: str, number: int, count: int) -> bool:
    """Whether ``line`` is the page number of page ``number`` of ``count``."""
    found = page_number(line)
    if found is None:
        return False
    if found.total is not None and found.total != count:
        return False
    return found.page == number or (found.marked and found.total is None and found.page > 0)


def page_furniture(
    pages: Sequence[Sequence[str]], heights: Sequence[Sequence[float]] | None = None
) -> list[set[int]]:
    """For each page (its non-empty lines, top to foot), the indexes of its page furniture.

    Furniture is found only at the edges: walking from the top, and from the foot, at most
    :data:`EDGE` lines, while each line is either this page's number ("3", "- 3 -", "Trang 3",
    "3/5" on page 3 of 5) or a running line: a short line that, digits aside, stands at the top or
    foot of at least two pages and of at least a third of them ("Dự thảo", "Kế hoạch số
    12/KH-UBND", "Trang 2/5"). A line repeated in the middle of pages is never furniture, and
    neither is a repeated block that goes on past the walk (the NĐ30 header of each letter in a
    PDF that holds several letters): then only that edge's page number goes.

    ``heights`` (a PDF's baselines, in points, for each line) make the test stricter: a running
    line also stands at the same height on every page, as a header or footer does, and a letter's
    signature at the foot of each page of a merged PDF does not.
    """
    count = len(pages)

    def key(page: int, index: int) -> str:
        text = furniture_key(pages[page][index])
        return text if heights is None else f"{text}@{round(heights[page][index])}"

    seen: Counter[str] = Counter()  # running-line keys at the edges, one count per page
    near: Counter[str] = Counter()  # keys a little further in, one count per page
    for page, lines in enumerate(pages):
        size = len(lines)
        edge = [*range(min(EDGE, size)), *range(max(0, size - EDGE), size)]
        wide = [*range(min(2 * EDGE, size)), *range(max(0, size - 2 * EDGE), size)]
        seen.update({key(page, i) for i in edge if _may_run(lines[i])})
        near.update({furniture_key(lines[i]) for i in wide if _may_run(lines[i])})
    running = {k for k, n in seen.items() if n >= max(2, count // 3)}
    out: list[set[int]] = []
    for page, lines in enumerate(pages):
        number = page + 1
        drop: set[int] = set()
        for order in (range(len(lines)), range(len(lines) - 1, -1, -1)):
            numbers: set[int] = set()
            texts: set[int] = set()
            inward: int | None = None  # the first line the walk keeps
            for step, index in enumerate(order):
                if index in drop:
                    break
                line = lines[index]
                if step < EDGE and _numbers_page(line, number, count):
                    numbers.add(index)
                elif step < EDGE and _may_run(line) and key(page, index) in running:
                    texts.add(index)
                else:
                    inward = index
                    break
            if inward is not None and texts and near[furniture_key(lines[inward])] >= 2 and _may_run(lines[inward]):
                texts = set()  # a repeated block, not a running header
            drop |= numbers | texts
        out.append(drop)
    return out


def _pages_by_form_feed(lines: Sequence[str]) -> list[list[int]]:
    """Line indexes of each page of a text whose pages are split by form feeds (pdftotext)."""
    pages: list[list[int]] = [[]]
    for index, line in enumerate(lines):
        if "\f" in line:
            before, _, after = line.rpartition("\f")
            if before.strip():
                pages[-1].append(index)  # "… text\f": the page ends after this line
                pages.append([])
                continue
            if pages[-1]:
                pages.append([])
            if after.strip():
                pages[-1].append(index)
            continue
        if line.strip():
            pages[-1].append(index)
    return [page for page in pages if page]


def text_furniture(lines: Sequence[str]) -> set[int] | None:
    """Indexes of page furniture in the lines of a text file, or None when the text does not
    look copied out of a PDF.

    It does when one of these holds:

    * form feeds split it into pages (``pdftotext``): furniture as for a .pdf;
    * a page number stands alone between two text lines and is either marked as one ("Trang 2",
      "- 2 -"), or cuts a sentence or a symbol in two (:func:`docgen.text.cut_between`), or is followed, at least
      :data:`PAGE_GAP` lines further, by the next page's number;
    * the same short line cuts a sentence, or sits next to such a page number, twice or more
      (a running header or footer);
    * lines are broken inside sentences at a common width (:func:`docgen.text.looks_soft_wrapped`).

    A text typed with one paragraph per line meets none of them, so none of its lines moves.
    """
    texts = [line.strip() for line in lines]
    if any("\f" in line for line in lines):
        pages = _pages_by_form_feed(lines)
        if len(pages) >= 2:
            per_page = page_furniture([[texts[i] for i in page] for page in pages])
            return {page[i] for page, drop in zip(pages, per_page) for i in drop}
    numbers = {i: found for i, t in enumerate(texts) if t and (found := page_number(t)) is not None}
    keys = {i: furniture_key(t) for i, t in enumerate(texts) if t and _may_run(t)}
    repeated = {k for k, n in Counter(keys.values()).items() if n >= 2}
    candidates = set(numbers) | {i for i, k in keys.items() if k in repeated}
    # the nearest text line above and below each line, page furniture candidates skipped
    above: list[int | None] = []
    last: int | None = None
    for i, t in enumerate(texts):
        above.append(last)
        if t and i not in candidates:
            last = i
    below: list[int | None] = [None] * len(texts)
    last = None
    for i in range(len(texts) - 1, -1, -1):
        below[i] = last
        if texts[i] and i not in candidates:
            last = i

    def cuts_sentence(i: int) -> bool:
        """Whether line ``i`` stands between two halves of a sentence, the first one running to
        about a page's width (a table cell "2" between "Lãnh đạo, chỉ đạo" and "tuyên truyền" is
        no page number)."""
        a, b = above[i], below[i]
        return a is not None and b is not None and len(texts[a]) >= FULL_LINE and vtext.cut_between(texts[a], texts[b])

    rank = {i: r for r, i in enumerate(i for i, t in enumerate(texts) if t)}
    confirmed: set[int] = set()
    latest: dict[int, int] = {}  # page number → line of its latest occurrence
    for i in sorted(numbers):
        found = numbers[i]
        if above[i] is None or below[i] is None:
            continue
        if found.marked or cuts_sentence(i):
            confirmed.add(i)
        previous = latest.get(found.page - 1)
        if previous is not None and rank[i] - rank[previous] >= PAGE_GAP:
            confirmed.update((previous, i))
        latest[found.page] = i

    # the nearest line above and below that is neither blank nor a repeated short line
    solid_above: list[int | None] = []
    last = None
    for i, t in enumerate(texts):
        solid_above.append(last)
        if t and keys.get(i) not in repeated:
            last = i
    solid_below: list[int | None] = [None] * len(texts)
    last = None
    for i in range(len(texts) - 1, -1, -1):
        solid_below[i] = last
        if texts[i] and keys.get(i) not in repeated:
            last = i

    def next_to_page_number(i: int) -> bool:
        return solid_above[i] in confirmed or solid_below[i] in confirmed

    running: dict[str, list[int]] = {}
    for i, key in keys.items():
        if key in repeated and (cuts_sentence(i) or next_to_page_number(i)):
            running.setdefault(key, []).append(i)
    headers = {i for found in running.values() if len(found) >= 2 for i in found}
    furniture = confirmed | headers
    if furniture or vtext.looks_soft_wrapped(texts):
        return furniture
    return None


# ---------------------------------------------------------------- repaired text


@dataclass(frozen=True)
class SourceMap:
    """Where the repaired text comes from in the file's text, piece by piece (for ``--fix``).

    Piece ``i`` is ``source[origins[i] : origins[i] + lengths[i]]``, copied unchanged to
    ``text[starts[i] : starts[i] + lengths[i]]``; what lies between pieces (the space that joins
    two lines) is not in the file.
    """

    source: str
    starts: tuple[int, ...]
    lengths: tuple[int, ...]
    origins: tuple[int, ...]

    def source_span(self, start: int, end: int) -> tuple[int, int] | None:
        """The span of the file's text that ``[start, end)`` of the repaired text copies, or
        None when it is not one piece of the file (it crosses a joint between two lines)."""
        i = bisect.bisect_right(self.starts, start) - 1
        if i < 0 or end > self.starts[i] + self.lengths[i]:
            return None
        origin = self.origins[i] + start - self.starts[i]
        return origin, origin + end - start


@dataclass(frozen=True)
class Repaired:
    """A repaired text and, for every piece of it, its line and column in the file."""

    text: str
    line_starts: list[int]
    line_numbers: list[int]
    column_bases: list[int]
    source: SourceMap
    dropped: list[int]  # 1-based file lines left out: page numbers, running headers and footers
    line_of: dict[int, int]  # file line index → line index in ``text``


def repair_text(text: str, alone: Collection[int] = ()) -> Repaired | None:
    """Repair ``text`` (NFC, lines split by "\\n") when it was copied out of a PDF, else None.

    Page furniture is dropped, with the blank lines around it (a page break is no paragraph
    break), and the lines are joined again as for a .pdf. Lines whose index is in ``alone`` (table
    rows), suppression comments and Markdown block lines are never joined to another line.
    """
    lines = text.split("\n")
    furniture = text_furniture(lines)
    if furniture is None:
        return None
    drop: set[int] = set()
    run: list[int] = []  # a run of blank lines and furniture: with furniture in it, a page break
    for i, line in enumerate([*lines, "end"]):
        if i < len(lines) and (i in furniture or not line.strip()):
            run.append(i)
            continue
        if any(j in furniture for j in run):
            drop.update(run)
        run = []
    kept = [i for i in range(len(lines)) if i not in drop]
    single = set(alone) | {i for i in kept if SUPPRESSION.search(lines[i]) or MARKDOWN_BLOCK_RE.match(lines[i])}
    joined = vtext.rejoin_pdf_lines_with_pieces(
        [lines[i] for i in kept], alone={k for k, i in enumerate(kept) if i in single}
    )
    file_offsets = [0]
    for line in lines:
        file_offsets.append(file_offsets[-1] + len(line) + 1)
    out: list[str] = []
    starts: list[int] = []
    numbers: list[int] = []
    columns: list[int] = []
    lengths: list[int] = []
    origins: list[int] = []
    line_of: dict[int, int] = {}
    offset = 0
    for index, joined_line in enumerate(joined):
        for piece in joined_line.pieces:
            source_line = kept[piece.line]
            starts.append(offset + piece.at)
            numbers.append(source_line + 1)
            columns.append(piece.column + 1)
            lengths.append(piece.length)
            origins.append(file_offsets[source_line] + piece.column)
            line_of[source_line] = index
        out.append(joined_line.text)
        offset += len(joined_line.text) + 1
    if not out:
        return None
    return Repaired(
        text="\n".join(out),
        line_starts=starts,
        line_numbers=numbers,
        column_bases=columns,
        source=SourceMap(text, tuple(starts), tuple(lengths), tuple(origins)),
        dropped=sorted(i + 1 for i in furniture),
        line_of=line_of,
    )
