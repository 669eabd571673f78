"""The reading of a draft: what a reader knows before reading a sentence.

A step of the checker's flow, between the draft's text and the finders (draft → text →
**reading** → citations / locators / targets → findings). Real drafts rarely say everything in
one sentence: "1. Đối với cấp xã" is a heading and the lines under it say "- Hoàn thiện hồ sơ,
gửi Phòng Giáo dục và Đào tạo trước ngày 20/3/2026"; a task table puts "Cấp xã" in a group row;
a public-service procedure page names the level only in "Tên thủ tục". The reading collects:

* the header: tên loại and trích yếu (the document's topic), or a Công văn's "V/v" line;
* the outline: numbered headings ("I.", "1.", "1.2.", "a)") and the part of the text each governs;
* tables: rows and cells (.docx tables, Markdown "| … |" rows, tab-separated .txt rows), the
  header row's column roles and the group rows ("Cấp xã") that head the rows under them;
* labelled rows of procedure pages ("Tên thủ tục", "Thời hạn giải quyết").

:meth:`Reading.scope_at` answers, for any offset, which level, mức độ and topic the place
inherits and where that was learnt, so that a finding can say "cấp xã (theo tiêu đề mục 1)". The
sentence's own words win over all of this (the finders look at them first); a table's group row
wins over a heading, a heading over the procedure's name, and that over the trích yếu.
"""

from __future__ import annotations

import bisect
import functools
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from docgen.check.find.text import LEVEL_KEYS, UNIT_LEVEL
from docgen.check.model import Draft
from docgen.check.outline import LEVELS, Heading, Line, extract_outline, split_lines
from docgen.check.patterns import reading as R
from docgen.check.patterns import target as T

_HEADER_LINES = 40  # the tên loại sits in the document's first lines (NĐ30 Phụ lục I)
_HEADING_MAX = 120  # characters: a longer numbered line is a sentence, not a heading


@dataclass(frozen=True)
class Scope:
    """What a place in the draft is about, and where each part was learnt.

    ``level`` is "xa" | "huyen" | "tinh" (None when unknown or several); ``level_source`` is a
    Vietnamese phrase naming where it comes from ("tiêu đề mục 1", "hàng nhóm “Cấp xã” của
    bảng", "tên thủ tục", "trích yếu"); "" when nothing outside the sentence names a level.
    ``about_cdht`` says whether the place is about “Cộng đồng học tập” (and not one of the other
    titles of the movement, which have other deadlines). ``role`` is the column or label the text
    sits under: "completion" for "Thời hạn giải quyết", "time" for a table's time column.
    """

    level: str | None = None
    level_source: str = ""
    muc_do: int | None = None
    year: int | None = None
    about_cdht: bool = False
    role: str | None = None


@dataclass(frozen=True)
class Section:
    """A numbered heading and the stretch of text it governs ``[start, end)``."""

    start: int
    end: int
    rank: int  # index in outline.LEVELS: smaller is outer
    where: str  # "mục 1", "mục I", "điểm a)", "Điều 3"
    text: str
    levels: frozenset[str]
    muc_do: frozenset[int]
    topic: bool | None  # True: “Cộng đồng học tập”; False: another title; None: neither


@dataclass(frozen=True)
class Cell:
    start: int
    end: int
    text: str
    column: int
    role: str | None = None  # "content", "lead", "support", "time", "completion", "number", "label", "value"


@dataclass
class Row:
    start: int
    end: int
    cells: list[Cell]
    kind: str = "data"  # "header", "group", "data", "label", "layout"
    group: Row | None = None  # the group row this row sits under
    level: str | None = None  # a group row's level


@dataclass
class Table:
    rows: list[Row] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.rows[0].start

    @property
    def end(self) -> int:
        return self.rows[-1].end


@dataclass(frozen=True)
class Label:
    """A labelled part of a procedure page: "Thời hạn giải quyết: Trước ngày 31 tháng 3"."""

    label: str
    start: int  # the label's line
    value_start: int
    end: int
    role: str | None  # "name", "completion" or None


class Reading:
    """The document as its reader understands it; built by :func:`read_document`."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.kind: str | None = None  # tên loại as written ("KẾ HOẠCH"), "CÔNG VĂN" for a V/v line
        self.topic: str = ""  # tên loại + trích yếu (or the V/v line)
        self.topic_span: tuple[int, int] | None = None
        self.sections: list[Section] = []
        self.tables: list[Table] = []
        self.labels: list[Label] = []
        self.procedure: Label | None = None
        self.addressee: tuple[str, str, int, int] | None = None  # (office key, text, start, end) of "Kính gửi:"
        self.document_cdht = False  # the text names “Cộng đồng học tập” and no other title anywhere
        self.issuer_level: str | None = None  # "xa" for a document of an Ủy ban nhân dân xã, phường, thị trấn
        self.body_start = 0  # after the tên loại and trích yếu (the header is not the body)
        self.body_end = len(text)  # "Nơi nhận:" and the signature are not the body
        self._row_starts: list[int] = []
        self._rows: list[Row] = []
        self._label_starts: list[int] = []
        # sections_at's index: (sections indexed, their count, boundaries, sections per stretch)
        self._section_index: tuple[list[Section], int, list[int], list[list[Section]]] | None = None

    # ------------------------------------------------------------------ queries

    def rows(self) -> list[Row]:
        """Every table row (header, group and data rows), in text order."""
        return self._rows

    def row_at(self, offset: int) -> Row | None:
        i = bisect.bisect_right(self._row_starts, offset) - 1
        if i >= 0 and self._rows[i].start <= offset <= self._rows[i].end:
            return self._rows[i]
        return None

    def label_at(self, offset: int) -> Label | None:
        i = bisect.bisect_right(self._label_starts, offset) - 1
        if i >= 0 and self.labels[i].value_start <= offset < self.labels[i].end:
            return self.labels[i]
        return None

    def role_at(self, offset: int) -> tuple[str | None, int]:
        """The role of the cell or labelled value holding ``offset`` and where that cell starts
        (a "Thời hạn giải quyết" label wins over a table cell)."""
        label = self.label_at(offset)
        if label is not None and label.role == "completion":
            return "completion", label.value_start
        found: tuple[str | None, int] = (None, offset)
        row = self.row_at(offset)
        if row is not None:
            for cell in row.cells:
                if cell.start <= offset <= cell.end and cell.role in ("time", "completion"):
                    found = (cell.role, cell.start)
        return found

    def sections_at(self, offset: int) -> list[Section]:
        """Headings whose stretch holds ``offset`` (the heading line itself excluded), innermost first."""
        bounds, stretches = self._sections_index()
        k = bisect.bisect_right(bounds, offset) - 1
        return list(stretches[k]) if k >= 0 else []

    def _sections_index(self) -> tuple[list[int], list[list[Section]]]:
        """The answer of :meth:`sections_at` for each stretch between two section boundaries.

        Built once by a sweep over the boundaries; asking every section for every offset was
        quadratic in the draft's length (issue 9). A section covers from the end of its heading
        line to its end; each answer is in ``self.sections`` order, then innermost first.
        """
        index = self._section_index
        if index is not None and index[0] is self.sections and index[1] == len(self.sections):
            return index[2], index[3]
        opens: dict[int, list[int]] = {}
        closes: dict[int, list[int]] = {}
        for i, section in enumerate(self.sections):
            line_end = self.text.find("\n", section.start)
            start = max(section.start, len(self.text) if line_end < 0 else line_end)
            if start < section.end:
                opens.setdefault(start, []).append(i)
                closes.setdefault(section.end, []).append(i)
        bounds = sorted(set(opens) | set(closes))
        active: set[int] = set()
        stretches: list[list[Section]] = []
        for at in bounds:
            active.difference_update(closes.get(at, ()))
            active.update(opens.get(at, ()))
            stretch = [self.sections[i] for i in sorted(active)]
            stretch.sort(key=lambda s: -s.rank)
            stretches.append(stretch)
        self._section_index = (self.sections, len(self.sections), bounds, stretches)
        return bounds, stretches

    def scope_at(self, offset: int) -> Scope:
        """The scope inherited by the text at ``offset`` (its sentence's own words not included).

        Outside the body (the header above the trích yếu, "Nơi nhận" and what follows) nothing
        is inherited: a place-and-date line is not a deadline of the document's topic.
        """
        if not self.body_start <= offset < self.body_end:
            return Scope()
        level: str | None = None
        source = ""
        muc_do: int | None = None
        decided = False
        topic: bool | None = None
        role, _ = self.role_at(offset)
        row = self.row_at(offset)
        if row is not None:
            if row.group is not None and row.group.level is not None:
                level, decided = row.group.level, True
                named = [c.text for c in row.group.cells if _levels(c.text)] or [_row_text(row.group)]
                source = f"hàng nhóm “{_short(named[0])}” của bảng"
                topic = _topic(_row_text(row.group))
        for section in self.sections_at(offset):
            if topic is None:
                topic = section.topic
            if muc_do is None and len(section.muc_do) == 1:
                muc_do = next(iter(section.muc_do))
            if decided or not section.levels:
                continue
            decided = True
            if len(section.levels) == 1:
                level, source = next(iter(section.levels)), f"tiêu đề {section.where}"
        if self.procedure is not None:
            name = self.text[self.procedure.value_start : self.procedure.end]
            if topic is None:
                topic = _topic(name)
            if not decided:
                levels = _levels(name)
                if levels:
                    decided = True
                    if len(levels) == 1:
                        level, source = next(iter(levels)), "tên thủ tục"
        if self.topic:
            if topic is None:
                topic = _topic(self.topic)
            if not decided:
                levels = _levels(self.topic, named=True)
                if len(levels) == 1:
                    level, source = next(iter(levels)), "trích yếu"
            if muc_do is None:
                muc_do = _one_muc_do(self.topic)
        if not decided and level is None and self.issuer_level is not None:
            level, source = self.issuer_level, "cơ quan ban hành"
        if topic is None:
            topic = self.document_cdht
        return Scope(level=level, level_source=source, muc_do=muc_do, about_cdht=bool(topic), role=role)


# ---------------------------------------------------------------------- building


def read_document(draft: Draft) -> Reading:
    """Read ``draft``'s header, outline, tables and labels (see the module docstring)."""
    text = draft.text
    reading = Reading(text)
    lines = split_lines(text)
    tables = _docx_tables(draft, lines) if draft.docx is not None else _text_tables(draft, lines)
    for table in tables:
        _classify(table)
    reading.tables = tables
    reading._rows = [row for table in tables for row in table.rows]
    reading._row_starts = [row.start for row in reading._rows]
    table_lines = frozenset(
        ln.index for ln in lines if any(t.start <= ln.start and ln.end <= t.end for t in tables)
    )
    _header(reading, lines, table_lines)
    _labels(reading, lines, tables)
    outline = extract_outline(draft, table_lines)
    if reading.topic_span is not None:
        reading.body_start = reading.topic_span[1]
    if outline.noi_nhan is not None:
        reading.body_end = lines[outline.noi_nhan].start
    reading.sections = _sections(outline.headings, lines, len(text))
    has_cdht = bool(T.CDHT_RE.search(text))
    reading.document_cdht = has_cdht and not T.OTHER_TITLE_RE.search(text)
    return reading


# scope_at asks the same few texts (the trích yếu, a procedure's name, a table's group rows)
# once for every dated clause: these answers depend on the text alone and are kept.
@functools.lru_cache(maxsize=4096)
def _levels(text: str, *, named: bool = False) -> frozenset[str]:
    """Levels a heading, a group row or a title is about: "cấp xã", "Đối với các xã, phường";
    with ``named``, also a unit named in a title: "“Cộng đồng học tập” xã Phước Hải"."""
    out = {LEVEL_KEYS[m.group("level").lower()] for m in T.LEVEL_RE.finditer(text)}
    if named:
        out |= {UNIT_LEVEL[" ".join(m.group("unit").split()).lower()] for m in R.NAMED_UNIT.finditer(text)}
    for m in T.LEVEL_LIST_RE.finditer(text):
        out |= {LEVEL_KEYS[w.lower()] for w in T.LEVEL_WORD_RE.findall(m.group(0))}
    out |= {UNIT_LEVEL[" ".join(m.group("unit").split()).lower()] for m in R.UNIT_HEADING.finditer(text)}
    return frozenset(out)


@functools.lru_cache(maxsize=4096)
def _one_muc_do(text: str) -> int | None:
    """The mức độ a title names, when it names exactly one."""
    mucs = {int(m.group("muc_do")) for m in T.MUC_DO_RE.finditer(text)}
    return mucs.pop() if len(mucs) == 1 else None


@functools.lru_cache(maxsize=4096)
def _topic(text: str) -> bool | None:
    cdht = bool(T.CDHT_RE.search(text))
    other = bool(T.OTHER_TITLE_RE.search(text))
    if cdht and not other:
        return True
    if other and not cdht:
        return False
    return None


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= 40 else flat[:39] + "…"


def _row_text(row: Row) -> str:
    return " ".join(c.text for c in row.cells if c.text.strip())


_OFFICE_KEYS = {"phòng": "phong", "trưởng phòng": "phong", "sở": "so", "giám đốc sở": "so", "bộ": "bo", "bộ trưởng bộ": "bo"}


def _header(reading: Reading, lines: list[Line], table_lines: frozenset[int]) -> None:
    """Tên loại + trích yếu (NĐ30: tên loại on its own line, the trích yếu under it), or V/v;
    the "Kính gửi:" line; and the issuer when it is a commune's Ủy ban nhân dân (a commune only
    deals with “Cộng đồng học tập” cấp xã)."""
    previous = ""
    for line in lines[:8]:
        # a .txt may lay the header out in two columns: "ỦY BAN NHÂN DÂN      CỘNG HÒA XÃ HỘI …"
        left = R.COLUMN_GAP.split(line.content, maxsplit=1)[0]
        if R.QUOC_HIEU.search(left):
            break
        # "ỦY BAN NHÂN DÂN XÃ PHONG PHÚ" on one line, or "ỦY BAN NHÂN DÂN" / "XÃ PHONG PHÚ" on two
        if R.COMMUNE_ISSUER.match(left) or R.COMMUNE_ISSUER.match(f"{previous} {left}"):
            reading.issuer_level = "xa"
            break
        previous = left
    for line in lines[: _HEADER_LINES + 20]:
        k = R.KINH_GUI.match(line.content)
        if k:
            office = _OFFICE_KEYS[" ".join(k.group("office").split()).lower()]
            a, b = line.content_start + k.start("addressee"), line.content_start + k.end("addressee")
            reading.addressee = (office, " ".join(k.group("addressee").split()), a, b)
            break
    for i, line in enumerate(lines[:_HEADER_LINES]):
        c = line.content
        m = R.KIND_LINE.match(c)
        if m:
            parts = [c]
            end = line.end
            for nxt in lines[i + 1 : i + 5]:
                n = nxt.content
                if not n or R.TITLE_STOP.match(n) or R.KIND_LINE.match(n) or nxt.index in table_lines:
                    break
                parts.append(n)
                end = nxt.end
            reading.kind = " ".join(m.group("kind").split())
            reading.topic = " ".join(parts)
            reading.topic_span = (line.content_start, end)
            return
        if R.VV_LINE.match(c) and line.index not in table_lines:
            parts = [c]
            end = line.end
            for nxt in lines[i + 1 : i + 3]:
                n = nxt.content
                if not n or R.TITLE_STOP.match(n) or R.QUOC_HIEU.search(n) or n.isupper():
                    break
                parts.append(n)
                end = nxt.end
            reading.kind = "CÔNG VĂN"
            reading.topic = " ".join(parts)
            reading.topic_span = (line.content_start, end)
            return


def _labels(reading: Reading, lines: list[Line], tables: list[Table]) -> None:
    """Labelled parts of a procedure page, from text lines and from two-column label tables."""
    found: list[Label] = []
    for table in tables:
        for row in table.rows:
            if row.kind == "label":
                label = " ".join(row.cells[0].text.split()).rstrip(":")
                value = row.cells[1]
                found.append(Label(label, row.start, value.start, row.end, _label_role(label)))
    raw: list[tuple[Line, Any]] = []
    for line in lines:
        if any(t.start <= line.start <= t.end for t in tables):
            continue
        m = R.PROCEDURE_LABEL.match(line.content)
        if m:
            raw.append((line, m))
    if raw and (any(R.NAME_LABEL.match(m.group("label")) for _, m in raw) or len(raw) >= 3):
        ends = [ln.start for ln, _ in raw[1:]] + [len(reading.text)]
        for (line, m), end in zip(raw, ends):
            label = " ".join(m.group("label").split())
            value_start = line.content_start + m.end()
            # a label's value runs to the next label, but no further than 40 lines
            limit = reading.text.find("\n", value_start)
            for _ in range(40):
                if limit < 0 or limit >= end:
                    break
                limit = reading.text.find("\n", limit + 1)
            found.append(Label(label, line.start, value_start, min(end, len(reading.text) if limit < 0 else limit), _label_role(label)))
    found.sort(key=lambda lb: lb.value_start)
    reading.labels = found
    reading._label_starts = [lb.value_start for lb in found]
    for lb in found:
        if lb.role == "name" and reading.procedure is None:
            reading.procedure = lb


def _label_role(label: str) -> str | None:
    if R.NAME_LABEL.match(label):
        return "name"
    if R.COMPLETION_LABEL.match(label):
        return "completion"
    return None


def _sections(headings: list[Heading], lines: list[Line], text_end: int) -> list[Section]:
    out: list[Section] = []
    for k, h in enumerate(headings):
        rank = LEVELS.index(h.level)
        end = text_end
        for nxt in headings[k + 1 :]:
            if LEVELS.index(nxt.level) <= rank:
                end = lines[nxt.line].start
                break
        line = lines[h.line]
        content = line.content
        mucs = frozenset(int(m.group("muc_do")) for m in T.MUC_DO_RE.finditer(content))
        # a long numbered sentence ("1. Hết tháng 3 năm 2025, có ít nhất 90% số xã …") is a point
        # of the text, not a heading over what follows: it lends its level only to its own lines
        governs = len(content) <= _HEADING_MAX or content.rstrip().endswith(":")
        levels = _levels(content) if governs else frozenset()
        out.append(Section(line.start, end if governs else line.end, rank, _where(h), content, levels, mucs, _topic(content)))
    return out


def _where(h: Heading) -> str:
    if h.level == "letter":
        return f"điểm {h.label})"
    if h.level == "dieu":
        return f"Điều {h.label}"
    if h.level in ("chuong", "phan"):
        return f"{'Chương' if h.level == 'chuong' else 'Phần'} {h.label}"
    return f"mục {h.label}"


# ---------------------------------------------------------------------- tables


def _docx_tables(draft: Draft, lines: list[Line]) -> list[Table]:
    """Rows and cells of a .docx's tables: line k of the draft is block k of the body walk."""
    from docx.oxml.ns import qn

    from docgen.check.inputs import docx_blocks

    tc_tag, tr_tag, tbl_tag = qn("w:tc"), qn("w:tr"), qn("w:tbl")
    # keyed by the lxml elements themselves: a dict holding the proxy keeps it (and its
    # identity) alive, where id() of a freed proxy may be reused by the next one
    tables: dict[Any, Table] = {}
    rows: dict[Any, Row] = {}
    cells: dict[Any, list[int]] = {}
    cell_row: dict[Any, Any] = {}
    for k, (element, in_table) in enumerate(docx_blocks(draft.docx)):
        if not in_table or k >= len(lines):
            continue
        tc = next(element.iterancestors(tc_tag), None)
        tr = next(element.iterancestors(tr_tag), None)
        tbl = next(element.iterancestors(tbl_tag), None)
        if tc is None or tr is None or tbl is None:
            continue
        table = tables.setdefault(tbl, Table())
        if tr not in rows:
            rows[tr] = Row(lines[k].start, lines[k].end, [])
            table.rows.append(rows[tr])
        cells.setdefault(tc, []).append(k)
        cell_row[tc] = tr
    for tc, ks in cells.items():
        row = rows[cell_row[tc]]
        start, end = lines[ks[0]].start, lines[ks[-1]].end
        body = " ".join(lines[k].content for k in ks)
        row.cells.append(Cell(start, end, body, _grid_column(tc)))
        row.start, row.end = min(row.start, start), max(row.end, end)
    return [t for t in tables.values() if t.rows]


def _grid_column(tc: Any) -> int:
    """The grid column where a ``w:tc`` starts: the spans of the cells before it in its row."""
    from docx.oxml.ns import qn

    column = 0
    for sibling in tc.itersiblings(qn("w:tc"), preceding=True):
        span = sibling.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
        column += int(span.get(qn("w:val"), "1")) if span is not None else 1
    return column


def _text_tables(draft: Draft, lines: list[Line]) -> list[Table]:
    """Markdown "| … |" rows and tab-separated rows (``draft.meta["tab_rows"]``) of a text draft."""
    from docgen.check.outline import text_table_lines

    tables: list[Table] = []
    # tab rows that are a list laid out with tabs ("1.<TAB>Mục đích") are not a table
    tab_rows = set(draft.meta.get("tab_rows", ())) & text_table_lines(draft)
    tab_cells: dict[int, list[tuple[int, int]]] = draft.meta.get("tab_cells", {})
    current: Table | None = None
    previous = -2
    for line in lines:
        is_pipe = bool(R.PIPE_ROW.match(line.text))
        if not is_pipe and line.index not in tab_rows:
            continue
        if is_pipe and R.PIPE_RULE.match(line.text.strip().strip("|").strip()):
            continue
        if current is None or line.index > previous + 2:
            current = Table()
            tables.append(current)
        previous = line.index
        row_cells: list[Cell] = []
        if is_pipe:
            inner_start = line.start + line.text.index("|") + 1
            inner_end = line.start + line.text.rindex("|")
            pos = inner_start
            for piece in draft.text[inner_start:inner_end].split("|"):
                a = pos + len(piece) - len(piece.lstrip())
                b = pos + len(piece.rstrip())
                row_cells.append(Cell(a, max(a, b), piece.strip(), len(row_cells)))
                pos += len(piece) + 1
        elif line.index in tab_cells:
            for a, b in tab_cells[line.index]:
                row_cells.append(Cell(line.start + a, line.start + b, draft.text[line.start + a : line.start + b].strip(), len(row_cells)))
        else:
            row_cells.append(Cell(line.content_start, line.end, line.content, 0))
        current.rows.append(Row(line.start, line.end, row_cells))
    return tables


def _column_role(text: str) -> str | None:
    flat = " ".join(unicodedata.normalize("NFC", text).split())
    if not flat:
        return None
    if R.COMPLETION_LABEL.match(flat):
        return "completion"
    if R.COLUMN_NUMBER.match(flat):
        return "number"
    if R.COLUMN_TIME.match(flat):
        return "time"
    if R.COLUMN_SUPPORT.search(flat):
        return "support"
    if R.COLUMN_LEAD.search(flat):
        return "lead"
    if R.COLUMN_CONTENT.match(flat):
        return "content"
    return None


def _classify(table: Table) -> None:
    """Header row and column roles, group rows, and label rows of a two-column procedure table."""
    roles: dict[int, str] = {}
    for row in table.rows[:3]:
        found = {c.column: r for c in row.cells if (r := _column_role(c.text)) is not None}
        if len(found) >= 2 and len(found) >= len([c for c in row.cells if c.text.strip()]) - 1:
            row.kind = "header"
            roles = found
            break
    group: Row | None = None
    for row in table.rows:
        if row.kind == "header":
            continue
        filled = [c for c in row.cells if c.text.strip()]
        if len(row.cells) >= 2 and len(filled) == 2 and R.PROCEDURE_LABEL.match(row.cells[0].text) and not roles:
            row.kind = "label"
            row.cells = [row.cells[0], row.cells[1]]
            continue
        distinct = {" ".join(c.text.split()) for c in filled}
        body = " ".join(sorted(distinct))
        levels = _levels(body)
        date_like = T.DATED_STEP_RE.search(body) or T.DEADLINE_MONTH_RE.search(body)
        short = len(body) <= 80
        numbered_group = len(filled) == 2 and len(filled[0].text.strip()) <= 4
        if any(R.LAYOUT_CELL.search(c.text) for c in filled):
            row.kind = "layout"  # the header table (cơ quan | Quốc hiệu; Số | địa danh, ngày) or the signature table
            continue
        if (len(distinct) == 1 or numbered_group) and levels and not date_like and short:
            row.kind = "group"
            row.level = next(iter(levels)) if len(levels) == 1 else None
            group = row
            continue
        row.group = group
        if roles:
            row.cells = [Cell(c.start, c.end, c.text, c.column, roles.get(c.column)) for c in row.cells]
