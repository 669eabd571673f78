"""The draft's outline: its lines without Markdown decoration, its numbered headings and its
footnote markers and notes. STR rules read the headings and footnotes; FMT rules read the lines.

Headings are recognised by their numbering, not by Markdown level or Word style: seed 001 puts
"2. Hội Khuyến học tỉnh" under "##" and "1. Sở Giáo dục và Đào tạo" under "###".

Table cells are not running text: a list "a), b)" or "1., 2." that starts again in every row of a
task table is numbered per cell (issue 8). :func:`table_cells` gives each cell's lines, and
:func:`cell_headings` the headings of one cell, a numbering scope of its own.
"""

from __future__ import annotations

import bisect
import functools
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Final

from docgen import vi
from docgen.check.model import Draft, Span
from docgen.check.patterns import form

# Heading levels, outermost first. A heading resets the numbering of the levels inside it,
# except that Điều and Chương are numbered through the whole document (NĐ30 Phụ lục I II.6).
LEVELS: Final[tuple[str, ...]] = ("phan", "chuong", "muc", "roman", "dieu", "arabic", "arabic2", "letter")
CONTINUOUS: Final[frozenset[str]] = frozenset({"chuong", "dieu"})

_ROMAN_VALUE: Final[dict[str, int]] = {r: i + 1 for i, r in enumerate(vi.ROMAN)}


@dataclass(frozen=True)
class Line:
    """One "\\n"-separated line of ``Draft.text`` and its content without Markdown decoration."""

    index: int  # 0-based index of the line in the text
    start: int  # offset of the line in Draft.text
    text: str  # the raw line
    content_start: int  # offset of the content in Draft.text
    content: str  # the line without "## **…**" decoration and surrounding blanks

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    def span(self, start: int, end: int) -> Span:
        """Span of ``content[start:end]`` in Draft.text."""
        return Span(self.content_start + start, self.content_start + end)


@dataclass(frozen=True)
class Heading:
    """A numbered heading: "IV." (roman 4), "3." (arabic 3), "đ)" (letter 5)."""

    level: str
    label: str  # as written: "IV", "3", "đ", "1.2"
    number: int  # place in its sequence; 0 for a letter outside the Vietnamese order (f, j, w, z)
    parent: str  # for arabic2, the parent number ("1" in "1.2"); "" otherwise
    span: Span  # the label with its punctuation, e.g. "IV." or "đ)"
    line: int  # Line.index


@dataclass(frozen=True)
class Footnote:
    """A footnote marker in the text ("[1]", "[^a]") or the start of a note line ("[1] …")."""

    key: str
    span: Span
    line: int


@dataclass
class Outline:
    lines: list[Line] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    markers: list[Footnote] = field(default_factory=list)
    notes: list[Footnote] = field(default_factory=list)
    noi_nhan: int | None = None  # Line.index of "Nơi nhận", when present

    def nonblank(self) -> list[Line]:
        return [ln for ln in self.lines if ln.content]


def _decor_end(raw: str, c0: int) -> int:
    """Where :data:`form.LINE_DECOR_END` starts in ``raw[c0:]``, found from the right.

    The same match as ``form.LINE_DECOR_END.search(raw, c0).start()``, but searching left to
    right retries the pattern at each blank of a long run of spaces, cubic in its length
    (issue 9: 800 spaces took 15 s).
    """
    end = len(raw.rstrip(" \t"))
    if end - 2 >= c0 and raw[end - 2 : end] in ("**", "__"):
        end = len(raw[: end - 2].rstrip(" \t"))
    return max(end, c0)


def split_lines(text: str) -> list[Line]:
    """Every line of ``text`` with its decoration-free content and offsets."""
    out: list[Line] = []
    start = 0
    for index, raw in enumerate(text.split("\n")):
        lead = form.LINE_DECOR_START.match(raw)
        c0 = lead.end() if lead else 0
        c1 = _decor_end(raw, c0)
        content = raw[c0:c1] if c1 > c0 else ""
        if form.SUPPRESSION_LINE.match(content):
            content = ""  # a suppression comment is not text of the document
        out.append(Line(index, start, raw, start + c0, content))
        start += len(raw) + 1
    return out


def _heading(line: Line) -> Heading | None:
    c = line.content
    for level, pattern in (
        ("phan", form.HEADING_PHAN),
        ("chuong", form.HEADING_CHUONG),
        ("muc", form.HEADING_MUC),
        ("dieu", form.HEADING_DIEU),
    ):
        m = pattern.match(c)
        if m:
            label = m.group("num")
            number = int(label) if label.isdigit() else _ROMAN_VALUE.get(label, 0)
            if number:
                return Heading(level, label, number, "", line.span(m.start(), m.end("num")), line.index)
    m = form.HEADING_ROMAN.match(c)
    if m and m.group("num") in _ROMAN_VALUE:
        label = m.group("num")
        return Heading("roman", label, _ROMAN_VALUE[label], "", line.span(0, m.end("num") + 1), line.index)
    m = form.HEADING_ARABIC2.match(c)
    if m:
        label = f"{m.group('parent')}.{m.group('num')}"
        end = m.end("num") + (1 if c[m.end("num") : m.end("num") + 1] == "." else 0)
        return Heading("arabic2", label, int(m.group("num")), m.group("parent"), line.span(0, end), line.index)
    m = form.HEADING_ARABIC.match(c)
    if m:
        label = m.group("num")
        return Heading("arabic", label, int(label), "", line.span(0, m.end("num") + 1), line.index)
    m = form.HEADING_LETTER.match(c)
    if m:
        letter = m.group("letter")
        number = vi.POINT_LETTERS.index(letter) + 1 if letter in vi.POINT_LETTERS else 0
        return Heading("letter", letter, number, "", line.span(0, m.end("letter") + 1), line.index)
    return None


def extract_outline(draft: Draft, skip_lines: frozenset[int] = frozenset()) -> Outline:
    """Headings (up to "Nơi nhận"), footnote markers and note lines of ``draft``.

    ``skip_lines`` are line indexes that are not running text (e.g. .docx table cells), which
    take no part in heading sequences. Without them, the table rows of a text draft
    (:func:`text_table_lines`) are skipped.
    """
    skip = skip_lines or text_table_lines(draft)
    outline = Outline(lines=split_lines(draft.text))
    for line in outline.lines:
        c = line.content
        if not c:
            continue
        note = form.FOOTNOTE_NOTE.match(c)
        if note:
            key = note.group("num") or note.group("key")
            outline.notes.append(Footnote(key, line.span(0, note.end()), line.index))
        for m in form.FOOTNOTE_MARKER.finditer(c, note.end() if note else 0):
            outline.markers.append(Footnote(m.group("num") or m.group("key"), line.span(m.start(), m.end()), line.index))
        if outline.noi_nhan is None and form.NOI_NHAN.match(c):
            outline.noi_nhan = line.index
        if outline.noi_nhan is not None or note or line.index in skip:
            continue
        heading = _heading(line)
        if heading:
            outline.headings.append(heading)
    return outline


# ---------------------------------------------------------------------------- .docx helpers


_W: Final = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R, _HYPERLINK, _T, _BR, _CR = _W + "r", _W + "hyperlink", _W + "t", _W + "br", _W + "cr"
_TABS: Final = frozenset({_W + "tab", _W + "ptab"})
_NO_BREAK_HYPHEN: Final = _W + "noBreakHyphen"


def run_text(r: Any) -> str:
    """The text of a ``w:r`` exactly as python-docx's ``Run.text`` gives it (a tab "\t", a line
    break "\n", a page or column break nothing, a non-breaking hyphen "-"), read with one pass
    over its children instead of an XPath query (issue 10: 35 µs a run)."""
    parts: list[str] = []
    for child in r.iterchildren():
        tag = child.tag
        if tag == _T:
            parts.append(child.text or "")
        elif tag in _TABS:
            parts.append("\t")
        elif tag == _BR:
            if child.get(_W + "type", "textWrapping") == "textWrapping":
                parts.append("\n")
        elif tag == _CR:
            parts.append("\n")
        elif tag == _NO_BREAK_HYPHEN:
            parts.append("-")
    return "".join(parts)


def paragraph_text(p: Any) -> str:
    """The text of a ``w:p`` exactly as python-docx's ``Paragraph.text`` gives it: its runs and
    the runs of its hyperlinks."""
    parts: list[str] = []
    for child in p.iterchildren(_R, _HYPERLINK):
        if child.tag == _R:
            parts.append(run_text(child))
        else:
            parts.extend(run_text(r) for r in child.iterchildren(_R))
    return "".join(parts)


@dataclass(frozen=True, slots=True)
class DocxRun:
    """A ``w:r`` of a paragraph, read once: its element, python-docx's text of it, its own
    ``w:rPr`` (or None) and character style id (or None)."""

    element: Any
    text: str
    rpr: Any
    rstyle: str | None


@dataclass(frozen=True)
class DocxParagraph:
    """A python-docx paragraph in reading order, with the draft line it became (if found).

    Its text, runs and style id are read from the XML once, on first use, and shared by every
    styling rule (python-docx re-reads them through XPath at each access: issue 10)."""

    paragraph: Any
    in_table: bool
    line: Line | None
    raw_text: str  # python-docx's ``paragraph.text`` (runs and hyperlinks; not NFC)

    @functools.cached_property
    def nfc_text(self) -> str:
        return unicodedata.normalize("NFC", self.raw_text)

    @functools.cached_property
    def runs(self) -> list[DocxRun]:
        """The paragraph's own ``w:r`` children (python-docx's ``paragraph.runs``)."""
        out: list[DocxRun] = []
        for r in self.paragraph._p.iterchildren(_W + "r"):
            rpr = r.find(_W + "rPr")
            rstyle = rpr.find(_W + "rStyle") if rpr is not None else None
            out.append(DocxRun(r, run_text(r), rpr, rstyle.get(_W + "val") if rstyle is not None else None))
        return out

    @functools.cached_property
    def text_runs(self) -> list[DocxRun]:
        """Runs with visible text."""
        return [r for r in self.runs if r.text.strip()]

    @functools.cached_property
    def ppr(self) -> Any:
        return self.paragraph._p.find(_W + "pPr")

    @functools.cached_property
    def style_id(self) -> str | None:
        """``w:pStyle/@w:val`` (None: the document's default paragraph style)."""
        if self.ppr is None:
            return None
        style = self.ppr.find(_W + "pStyle")
        return None if style is None else style.get(_W + "val")


def _iter_docx_paragraphs(document: Any) -> Iterator[tuple[Any, bool]]:
    """python-docx paragraphs over the reader's own walk of the body (``inputs.docx_blocks``)."""
    from docx.text.paragraph import Paragraph

    from docgen.check.inputs import docx_blocks

    body = document._body  # parent for style look-ups: every paragraph resolves through the part
    for element, in_table in docx_blocks(document):
        yield Paragraph(element, body), in_table


def docx_paragraphs(draft: Draft) -> list[DocxParagraph]:
    """Body and table-cell paragraphs of ``draft.docx`` in reading order, each matched to the
    draft line holding its text (matching by text, moving forward, so the mapping does not
    depend on how the reader numbered empty paragraphs)."""
    if draft.docx is None:
        return []
    lines = split_lines(draft.text)
    # the lines holding each key, in order: the next one at or after ``j`` is found by bisection
    # (a scan to the end for every paragraph with no line of its own was quadratic, issue 9)
    where: dict[str, list[int]] = {}
    for k, ln in enumerate(lines):
        where.setdefault(_match_key(ln.text), []).append(k)
    out: list[DocxParagraph] = []
    j = 0
    for paragraph, in_table in _iter_docx_paragraphs(draft.docx):
        raw = paragraph_text(paragraph._p)
        key = _match_key(unicodedata.normalize("NFC", raw))
        found: Line | None = None
        if key and key in where:
            at = where[key]
            i = bisect.bisect_left(at, j)
            if i < len(at):
                found = lines[at[i]]
                j = at[i] + 1
        out.append(DocxParagraph(paragraph, in_table, found, raw))
    return out


def _match_key(text: str) -> str:
    """Text without blanks and footnote marks: python-docx shows a line break as "\n" and no
    footnote mark, the reader a space and "[n]"."""
    return form.MATCH_NOISE.sub("", text)


# ---------------------------------------------------------------------------- table cells

# A line that starts a list item rather than a table row when a tab follows its label ("-\tNâng
# cao …", Word's bullets saved as text); numbered labels ("1.\tMục đích") are headings.
_BULLETS: Final = ("-", "+", "•", "*", "–")


def text_table_lines(draft: Draft) -> frozenset[int]:
    """Lines of a .txt/.md draft that are table rows: ``meta["table_lines"]``, and the rows whose
    cells were separated by tabs (``meta["tab_rows"]``).

    A block of consecutive tab rows (blank lines allowed between them) in which every row starts
    with a heading label or a bullet is a list laid out with tabs, as Word saves numbered
    paragraphs ("1.<TAB>Mục đích"), not a table: its headings stay in the running text.
    """
    rows = sorted(set(draft.meta.get("tab_rows", ())))
    out = set(draft.meta.get("table_lines", ()))
    if not rows:
        return frozenset(out)
    lines = split_lines(draft.text)
    blocks: list[list[int]] = []
    for index in rows:
        if index >= len(lines):
            continue
        if blocks and index <= blocks[-1][-1] + 2 and all(not lines[k].content for k in range(blocks[-1][-1] + 1, index)):
            blocks[-1].append(index)
        else:
            blocks.append([index])
    for block in blocks:
        if all(_heading(lines[k]) is not None or lines[k].content.startswith(_BULLETS) for k in block):
            continue
        out.update(block)
    return frozenset(out)


def table_cells(draft: Draft, paragraphs: list[DocxParagraph]) -> list[list[Line]]:
    """The lines of each table cell, in reading order: for a .docx, the paragraphs of one ``w:tc``
    (the innermost, for a table inside a cell); for a text draft, each table row's line
    (:func:`text_table_lines`: its cells are on that one line, and only the first can start with
    a heading)."""
    if draft.docx is None:
        lines = split_lines(draft.text)
        return [[lines[k]] for k in sorted(text_table_lines(draft)) if k < len(lines)]
    from docx.oxml.ns import qn

    tc_tag = qn("w:tc")
    cells: dict[int, list[Line]] = {}
    order: list[int] = []
    for p in paragraphs:
        if not p.in_table or p.line is None:
            continue
        tc = next(p.paragraph._p.iterancestors(tc_tag), None)
        key = id(tc) if tc is not None else -1
        if key not in cells:
            cells[key] = []
            order.append(key)
        cells[key].append(p.line)
    return [cells[k] for k in order]


def cell_headings(lines: list[Line], stop: int | None = None) -> list[Heading]:
    """Numbered headings of one table cell's lines (none at or after line ``stop``, "Nơi nhận")."""
    out: list[Heading] = []
    for line in lines:
        if not line.content or (stop is not None and line.index >= stop) or form.FOOTNOTE_NOTE.match(line.content):
            continue
        heading = _heading(line)
        if heading:
            out.append(heading)
    return out
