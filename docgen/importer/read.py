"""A draft (.docx, .pdf, .txt, .md) → the paragraphs ``docgen import`` maps, in reading order.

The checker's reader does the reading (:func:`docgen.check.inputs.read_draft`: NFC text, limits,
Vietnamese errors for corrupt files) and its :func:`~docgen.check.reading.read_document` finds the
tên loại + trích yếu and the tables with their column roles. This module only adds what an import
needs and a check does not: which paragraphs a task table holds (one :class:`Para` for the whole
table), the bold head of a .docx paragraph ("1. Sở Tài chính:" before the normal text), line
breaks inside a header cell ("ỦY BAN NHÂN DÂN" / "TỈNH THÁI BÌNH"), and the footnotes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from docgen.check.inputs import docx_blocks, read_draft
from docgen.check.outline import split_lines
from docgen.check.patterns import reading as R
from docgen.check.reading import Reading, Table, read_document
from docgen.errors import InputError, Location
from docgen.importer.patterns import FOOTNOTE_LINE, STARTS_PART

_W: Final = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass
class Para:
    """One paragraph of the draft (or one task table, ``rows`` set)."""

    text: str  # NFC, one line, Markdown decoration removed
    line: int  # 1-based line of the draft where it starts (for messages)
    in_table: bool = False
    bold: str | None = None  # .docx: the text of the paragraph's leading bold runs
    broken: str | None = None  # .docx: the text with its line breaks as "\n"
    rows: list[list[tuple[str | None, str]]] | None = None  # a table: cells as (column role, text)


@dataclass
class Source:
    path: str
    kind: str  # "docx", "pdf", "txt", "md"
    paras: list[Para] = field(default_factory=list)
    footnotes: dict[str, str] = field(default_factory=dict)
    reading: Reading | None = None


def read_source(path: Path | str, stdin: bytes | None = None) -> Source:
    """Read ``path`` ("-": ``stdin`` as text) into paragraphs; InputError in Vietnamese when it
    cannot be read, or when it is a spec already."""
    if Path(str(path)).suffix.lower() in (".yaml", ".yml"):
        raise InputError("tệp .yaml đã là tệp đặc tả: docgen import đọc văn bản .docx, .pdf, .txt, .md", Location(str(path)))
    draft = read_draft(path, stdin)
    reading = read_document(draft)
    source = Source(str(path), draft.kind, reading=reading)
    lines = split_lines(draft.text)
    elements: list[Any] = []
    if draft.docx is not None:
        elements = [el for el, _ in docx_blocks(draft.docx)]
    body_end = len(elements) if elements else len(lines)
    # footnotes: after the body (and a .docx's page-header lines), "[n] text" to the end
    tail = len(lines)
    while tail > 0 and (not lines[tail - 1].content or FOOTNOTE_LINE.match(lines[tail - 1].content)):
        tail -= 1
    for ln in lines[tail:]:
        m = FOOTNOTE_LINE.match(ln.content)
        if m:
            source.footnotes[m.group(1)] = m.group(2).strip()
    last = min(body_end, tail) if elements else tail
    tables = [t for t in reading.tables if _is_task_table(t)]
    done: set[int] = set()
    for ln in lines[:last]:
        table = next((t for t in tables if t.start <= ln.start <= t.end), None)
        if table is not None:
            if id(table) not in done:
                done.add(id(table))
                source.paras.append(Para("", ln.index + 1, True, rows=_rows(table)))
            continue
        if not ln.content:
            continue
        content = ln.content
        if len(content) > 2 and content[0] == content[-1] == "*" and content[1] != "*":
            content = content[1:-1].strip()  # a Markdown italic line: "*Lê Đình Vương*"
        para = Para(content, ln.index + 1)
        if elements and ln.index < len(elements):
            element = elements[ln.index]
            para.in_table = next(element.iterancestors(_W + "tc"), None) is not None
            para.bold, para.broken = _docx_extras(element, draft.docx)
        source.paras.append(para)
    if draft.kind in ("txt", "md") and "source_map" not in draft.meta:
        # a PDF's lines are re-joined by its reader, and so is a text it recognised as copied
        # out of a PDF; a text with blank lines between the cut lines (seed 002) is not
        source.paras = join_broken(source.paras)
    return source


_LINE_FULL: Final = 60  # characters: a text cut to the page's width (seed 002) has lines this long


def join_broken(paras: list[Para]) -> list[Para]:
    """Lines of a text copied out of a PDF, cut at the page's width, joined back into their
    paragraphs (seed 002): a line continues the one above when that one does not end a sentence
    and either was cut at full width or is followed by a small letter."""
    out: list[Para] = []
    for para in paras:
        prev = out[-1] if out else None
        if prev is not None and prev.rows is None and para.rows is None and _continues(prev.text, para.text):
            prev.text = f"{prev.text} {para.text}"
            continue
        out.append(para)
    return out


def _continues(prev: str, text: str) -> bool:
    if not prev or not text or prev.rstrip().endswith((".", ";", ":", "!", "?")) or STARTS_PART.match(text) or R.TITLE_STOP.match(text):
        return False
    if _capitals(prev) or _capitals(text):
        return False
    return text[0].islower() or len(prev) >= _LINE_FULL


def _capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _is_task_table(table: Table) -> bool:
    """A table with a content column and a lead or time column (NĐ30 layout tables have none)."""
    roles = {c.role for row in table.rows for c in row.cells}
    return "content" in roles and bool(roles & {"lead", "time"})


def _rows(table: Table) -> list[list[tuple[str | None, str]]]:
    return [[(c.role, " ".join(c.text.split())) for c in row.cells] for row in table.rows if row.kind != "header"]


def _docx_extras(element: Any, document: Any) -> tuple[str | None, str | None]:
    """The leading bold text of a ``w:p`` and its text with line breaks kept."""
    import unicodedata

    from docx.text.paragraph import Paragraph

    paragraph = Paragraph(element, document._body)  # the body resolves styles through the part
    bold_parts: list[str] = []
    style_bold = _style_bold(paragraph)
    for run in paragraph.runs:
        if not run.text:
            continue
        bold = run.bold if run.bold is not None else style_bold
        if not bold:
            break
        bold_parts.append(run.text)
    broken = unicodedata.normalize("NFC", paragraph.text).replace("\t", " ")
    bold_text = unicodedata.normalize("NFC", "".join(bold_parts)).replace("\n", " ")
    return bold_text, broken


def _style_bold(paragraph: Any) -> bool:
    try:
        style = paragraph.style
    except Exception:  # noqa: BLE001 - a style that python-docx cannot resolve is not bold
        return False
    while style is not None:
        if style.font.bold is not None:
            return bool(style.font.bold)
        style = style.base_style
    return False
