"""Findings as Word comments, SAFE fixes as tracked changes, in a copy of a .docx.

How a finding finds its text. The reader (:mod:`docgen.check.inputs.docx`) makes line ``i`` of
the draft from the ``i``-th paragraph of :func:`docx_blocks` (body and table cells, in reading
order): the characters of its ``w:t`` elements, wherever they sit (runs inside hyperlinks, simple
and complex field results, content controls, earlier insertions), a space for a tab or a break,
"-" for a non-breaking hyphen and "[n]" for a footnote reference; then NFC. :class:`_Paragraph`
walks the same way and keeps, for each character, the run and the element it comes from, so an
offset of the draft becomes a point between two characters of the file.

Anchoring. Each point where a comment or a change begins or ends is made a run boundary first:
a run holding characters on both sides is split in two, both halves keeping the run's
properties (``w:rPr``), so bold, italic, font and the hyperlink or field around the run are kept.
Then ``w:commentRangeStart`` goes before the run of the first character and
``w:commentRangeEnd`` after the run of the last one, followed by the run holding
``w:commentReference`` (moved past a field's end, so that updating the field does not drop it).
A footnote mark "[n]" is one element: a range starting or ending inside it takes it whole.

The comments themselves (word/comments.xml, its relationship and content type, unique ids,
author, date) come from python-docx ≥ 1.2 (``document.comments.add_comment``); its
``Document.add_comment`` anchors on whole runs only, so the range markers are placed here.

Tracked changes. A SAFE fix becomes ``w:del`` around the runs of the old text (their ``w:t``
renamed ``w:delText``) and ``w:ins`` with one new run (the properties of the first old run)
holding the new text, just before the deletions: accepting every change gives the text of
``--fix``. A fix touching a field's result deletes the whole field (code and result, as Word
itself does; a simple field is first written as the equivalent complex one), since LibreOffice
drops a deletion inside a field result and a field update would undo it. The edits are those
that ``--fix`` applies to the same file (asked of :mod:`docgen.check.fixes` itself, on a second
copy of the document); the others stay comments that show the fix.

Footnotes. A finding in a footnote's text is anchored on the footnote's mark in the body, its
comment quoting the text: LibreOffice (7.4) refuses to open a file with a comment reference
inside a footnote.

No place of its own. A finding about the page (margins, paper size, page numbers), in a page
header (Word has no comments there), or whose text cannot be found again in the file, is
anchored on the whole first non-empty body paragraph, and its comment says where it is.
"""

from __future__ import annotations

import bisect
import copy
import dataclasses
import datetime as dt
import io
from dataclasses import dataclass
from typing import Any

from docgen import text as vtext
from docgen.check.annotate import AUTHOR, INITIALS, Annotated, comment_lines
from docgen.check.fixes import _fix_docx as fix_docx_edits
from docgen.check.fixes import safe_edits, text_offsets
from docgen.check.inputs.docx import docx_blocks
from docgen.check.model import Draft, Finding
from docgen.check.patterns.form import FOOTNOTE_MARKER


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return str(qn(tag))


def _element(tag: str, attrs: dict[str, str] | None = None) -> Any:
    from docx.oxml import OxmlElement

    return OxmlElement(tag, attrs={_qn(k): v for k, v in (attrs or {}).items()})


@dataclass
class _Slot:
    """Where one character of the paragraph text comes from."""

    run: Any  # the w:r holding it
    node: Any  # its w:t, or the element standing for it (w:tab, w:br, w:footnoteReference …)
    index: int  # position in the w:t text; -1 for an element that is not text


class _Paragraph:
    """A body paragraph, its text as the reader builds it, and a map back to its runs."""

    ATOMS = {"w:tab": " ", "w:br": " ", "w:cr": " ", "w:noBreakHyphen": "-"}

    def __init__(self, p: Any, line_text: str) -> None:
        self.p = p
        self.line_text = line_text
        self.raw = ""
        self.slots: list[_Slot] = []
        self.ok = True
        self.refresh()
        normal = vtext.normalize_keep_offsets(self.raw).replace("\n", " ")
        self.identity = normal == line_text and len(self.raw) == len(line_text)
        self.starts: dict[int, int] = {}
        self.ends: dict[int, int] = {}
        if normal != line_text:
            self.ok = False  # the file no longer gives the text that was checked
        elif not self.identity:
            mapped = text_offsets(self.raw)
            if mapped is None or mapped[0].replace("\n", " ") != line_text:
                self.ok = False
            else:
                _, self.starts, self.ends = mapped

    def refresh(self) -> None:
        atoms = {_qn(k): v for k, v in self.ATOMS.items()}
        text_tag, note_tag, run_tag, p_tag = _qn("w:t"), _qn("w:footnoteReference"), _qn("w:r"), _qn("w:p")
        chars: list[str] = []
        slots: list[_Slot] = []
        for el in self.p.iter():
            if el.tag == text_tag:
                for i, ch in enumerate(el.text or ""):
                    chars.append(ch)
                    slots.append(_Slot(el.getparent(), el, i))
            elif el.tag in atoms:
                chars.append(atoms[el.tag])
                slots.append(_Slot(el.getparent(), el, -1))
            elif el.tag == note_tag:
                m = FOOTNOTE_MARKER.match(self.line_text, len(chars))
                mark = m.group() if m else "[?]"
                chars.extend(mark)
                slots.extend(_Slot(el.getparent(), el, -1) for _ in mark)
        for s in slots:
            run = s.run
            if run is None or run.tag != run_tag or next(run.iterancestors(p_tag), None) is not self.p:
                self.ok = False  # text in a text box or a shape inside the paragraph: not ours to split
                break
        self.raw = "".join(chars)
        self.slots = slots

    def raw_offset(self, k: int, end: bool) -> int | None:
        """The offset in ``raw`` of offset ``k`` of the line text; a point inside an element
        that is not text ("[n]") moves out of it, backwards for a start, forwards for an end."""
        if self.identity:
            r: int | None = k
        else:
            r = (self.ends if end else self.starts).get(k)
        if r is None:
            return None
        n = len(self.slots)
        while 0 < r < n and self.slots[r - 1].node is self.slots[r].node and self.slots[r].index < 0:
            r += 1 if end else -1
        return r

    def split_at(self, r: int) -> None:
        """Make ``r`` a run boundary: split the run holding characters ``r - 1`` and ``r``."""
        if not 0 < r < len(self.slots):
            return
        before, after = self.slots[r - 1], self.slots[r]
        if before.run is not after.run:
            return
        run = after.run
        new = _element("w:r")
        for key, value in run.attrib.items():
            new.set(key, value)
        rpr = run.find(_qn("w:rPr"))
        if rpr is not None:
            new.append(copy.deepcopy(rpr))
        children = list(run)
        pos = children.index(after.node)
        if after.index > 0:  # inside one w:t: cut its text in two
            tail = _element("w:t")
            tail.text = (after.node.text or "")[after.index :]
            after.node.text = (after.node.text or "")[: after.index]
            for t in (tail, after.node):
                t.set(_qn("xml:space"), "preserve")
            new.append(tail)
            moved = children[pos + 1 :]
        else:
            moved = children[pos:]
        for child in moved:
            new.append(child)
        run.addnext(new)
        self.refresh()

    def place(self, marker: Any, r: int, *, end: bool) -> None:
        """Put ``marker`` at point ``r`` (a run boundary): before the run of character ``r``,
        or after the run of character ``r - 1`` for an end (and at the paragraph's end)."""
        n = len(self.slots)
        if n == 0:
            self.p.append(marker)
        elif (end and r > 0) or r >= n:
            self.slots[r - 1].run.addnext(marker)
        else:
            self.slots[r].run.addprevious(marker)

    def place_whole(self, start: Any, end: Any) -> None:
        ppr = self.p.find(_qn("w:pPr"))
        if ppr is not None:
            ppr.addnext(start)
        else:
            self.p.insert(0, start)
        self.p.append(end)


def _note_marks(document: Any, blocks: list[Any]) -> dict[int, tuple[int, Any]]:
    """Draft line index of a footnote → (index of the body paragraph holding its reference, the
    ``w:footnoteReference``), in the reader's order: body paragraphs, page-header paragraphs,
    then the footnotes by their number (docgen.check.inputs.docx)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml

    root = None
    for rel in document.part.rels.values():
        if rel.reltype == RT.FOOTNOTES and not rel.is_external:
            part = rel.target_part
            root = part.element if hasattr(part, "element") else parse_xml(part.blob)
            break
    if root is None:
        return {}
    headers: list[Any] = []
    for section in document.sections:
        for header in (section.header, section.first_page_header):
            if not header.is_linked_to_previous:
                headers.extend(para._p for para in header.paragraphs)
    numbers: dict[str, int] = {}
    marks: dict[str, tuple[int, Any]] = {}
    for i, p in enumerate((*blocks, *headers)):
        for ref in p.iter(_qn("w:footnoteReference")):
            fid = ref.get(_qn("w:id")) or ""
            numbers.setdefault(fid, len(numbers) + 1)
            if i < len(blocks):
                marks.setdefault(fid, (i, ref))
    notes = [fn.get(_qn("w:id")) or "" for fn in root.iterchildren(_qn("w:footnote"))
             if fn.get(_qn("w:type")) not in ("separator", "continuationSeparator", "continuationNotice")]
    order = [(numbers[fid], fid) for fid in numbers if fid in notes]
    unreferenced = [fid for fid in notes if fid not in numbers]
    order += [(len(numbers) + 1 + k, fid) for k, fid in enumerate(unreferenced)]
    first = len(blocks) + len(headers)
    return {first + k: marks[fid] for k, (_, fid) in enumerate(sorted(order)) if fid in marks}


@dataclass
class _Anchor:
    finding: Finding
    first: _Paragraph | None = None  # None: on the whole fallback paragraph
    last: _Paragraph | None = None
    start: int = 0  # raw offsets in first / last
    end: int = 0
    where: str | None = None  # for a finding placed elsewhere: where it really is


def annotate_docx(draft: Draft, findings: list[Finding], data: bytes, now: dt.datetime) -> Annotated:
    import docx

    document = docx.Document(io.BytesIO(data))
    blocks = [el for el, _ in docx_blocks(document)]
    texts = draft.text.split("\n")
    editable = {id(f) for f in _fixed_by_fix(draft, findings, data)}
    starts = draft.line_starts
    for f in findings:  # a simple field under a fix becomes a complex one, which a change can hold
        i = bisect.bisect_right(starts, f.span.start) - 1
        if id(f) in editable and 0 <= i < len(blocks):
            _explode_simple_fields(blocks[i])
    paragraphs: dict[int, _Paragraph] = {}

    def paragraph(i: int) -> _Paragraph | None:
        if i >= len(blocks) or i >= len(texts):
            return None
        if i not in paragraphs:
            paragraphs[i] = _Paragraph(blocks[i], texts[i])
        return paragraphs[i] if paragraphs[i].ok else None

    marks = _note_marks(document, blocks) if len(texts) > len(blocks) else {}
    anchors = [_anchor(draft, f, paragraph, marks) for f in findings]
    # every point becomes a run boundary before any marker is placed
    points: dict[int, tuple[_Paragraph, set[int]]] = {}
    for a in anchors:
        if a.first is not None and a.last is not None:
            points.setdefault(id(a.first), (a.first, set()))[1].add(a.start)
            points.setdefault(id(a.last), (a.last, set()))[1].add(a.end)
    for para, offsets in points.values():
        for r in sorted(offsets):
            para.split_at(r)

    fallback = next((paragraph(i) for i, t in enumerate(texts[: len(blocks)]) if t.strip() and paragraph(i)), None)
    if fallback is None and blocks and texts:
        fallback = _Paragraph(blocks[0], texts[0])
    stamp = now.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    revision = [_max_id(document) + 1]
    changes = approximate = written = 0
    for a in anchors:
        f = a.finding
        if (a.first is None or a.last is None) and fallback is None:
            continue  # a document without a single paragraph: nowhere to anchor a comment
        doomed = _deletion(a) if id(f) in editable else None
        comment = document.comments.add_comment(text="", author=AUTHOR, initials=INITIALS)
        lines = comment_lines(f, doomed is not None, a.where)
        comment.paragraphs[0].add_run(lines[0])
        for line in lines[1:]:
            comment.add_paragraph(line)
        cid = str(comment.comment_id)
        start = _element("w:commentRangeStart", {"w:id": cid})
        end = _element("w:commentRangeEnd", {"w:id": cid})
        if a.first is None or a.last is None:
            assert fallback is not None
            fallback.place_whole(start, end)
            approximate += 1
        elif a.first is a.last and a.start == a.end:
            a.first.place(start, a.start, end=False)
            start.addnext(end)
        else:
            a.first.place(start, a.start, end=False)
            a.last.place(end, a.end, end=True)
        _reference_after(end, cid)
        written += 1
        if doomed is not None and a.first is not None:
            _track(a.first, a.start, doomed, f.replacement or "", start, revision, stamp)
            changes += 1
    buffer = io.BytesIO()
    document.save(buffer)
    return Annotated(buffer.getvalue(), written, changes, approximate)


def _anchor(draft: Draft, f: Finding, paragraph: Any, marks: dict[int, tuple[int, Any]]) -> _Anchor:
    """Where ``f`` goes: its own text when both ends fall in body paragraphs that map back; for
    a footnote's text, the footnote's mark in the body."""
    starts = draft.line_starts
    i = max(0, bisect.bisect_right(starts, f.span.start) - 1)
    j = max(0, bisect.bisect_right(starts, f.span.end) - 1)
    if f.span.end == f.span.start == 0 and f.text == "":
        return _Anchor(f, where="Lỗi chung của cả văn bản (trang, lề, số trang…), không gắn với đoạn chữ nào.")
    elsewhere = _Anchor(f, where=f"Vị trí: dòng {f.line}, cột {f.column}: “{f.text}”")
    if i in marks:
        block, ref = marks[i]
        host = paragraph(block)
        place = [k for k, s in enumerate(host.slots) if s.node is ref] if host is not None else []
        if host is None or not place:
            return elsewhere
        mark = draft.text[starts[i] : draft.text.find(" ", starts[i])]
        where = f"Trong chú thích {mark} (dòng {f.line}, cột {f.column}): “{f.text}”"
        return _Anchor(f, host, host, place[0], place[-1] + 1, where=where)
    first, last = paragraph(i), paragraph(j)
    if first is None or last is None:
        return elsewhere
    a = first.raw_offset(f.span.start - starts[i], end=False)
    b = last.raw_offset(f.span.end - starts[j], end=True)
    if a is None or b is None or (first is last and b < a):
        return elsewhere
    return _Anchor(f, first, last, a, b)


def _fixed_by_fix(draft: Draft, findings: list[Finding], data: bytes) -> list[Finding]:
    """The findings that ``--fix`` applies to this file: its own choice (safe_edits) and its own
    conditions, run on a second copy of the document so that accepting every tracked change
    gives exactly the text of ``name.fixed.docx``."""
    import docx

    edits, _ = safe_edits(findings)
    if not edits:
        return []
    twin = dataclasses.replace(draft, docx=docx.Document(io.BytesIO(data)))
    applied, _ = fix_docx_edits(twin, edits)
    return applied


def _deletion(a: _Anchor) -> list[Any] | None:
    """The runs a tracked change for ``a`` deletes, in document order (empty for a pure
    insertion), or None when the fix cannot be a tracked change here. The conditions of
    ``--fix`` (one paragraph whose characters map one to one, only text characters in the span:
    not a tab, a break or a footnote mark), and a field's result is deleted with the whole field
    (its code too, as Word does), because a deletion inside a result is lost by LibreOffice and
    by the next field update; a fix covering part of a result is left as a comment."""
    p = a.first
    if p is None or p is not a.last or not p.identity:
        return None
    n = len(p.slots)
    window = p.slots[a.start : a.end] if a.end > a.start else p.slots[a.start : a.start + 1] if a.start < n else p.slots[a.start - 1 : a.start]
    if not window or any(s.index < 0 for s in window):
        return None
    runs: list[Any] = []
    for s in p.slots[a.start : a.end]:
        if not runs or runs[-1] is not s.run:
            runs.append(s.run)
    chosen = {id(r) for r in runs}
    for field_runs, result in _fields(p.p):
        inside = {id(r) for r in field_runs}
        touched = chosen & inside
        if not touched:
            continue
        if a.end == a.start or not {id(r) for r in result} <= chosen or touched - {id(r) for r in result}:
            return None  # an insertion into a field, part of a result, or the field code itself
        chosen |= inside
    if a.end == a.start:
        for field_runs, _ in _fields(p.p):
            if any(r is window[0].run for r in field_runs):
                return None
    return [r for r in p.p.iter(_qn("w:r")) if id(r) in chosen]


def _fields(p: Any) -> list[tuple[list[Any], list[Any]]]:
    """The complex fields of paragraph ``p`` (outermost only): (every run from the begin mark
    to the end mark, the runs of the result that hold text)."""
    fld, kind, text = _qn("w:fldChar"), _qn("w:fldCharType"), _qn("w:t")
    out: list[tuple[list[Any], list[Any]]] = []
    depth = 0
    in_result = False
    current: list[Any] = []
    result: list[Any] = []
    for run in p.iter(_qn("w:r")):
        marks = [c.get(kind) for c in run.iter(fld)]
        if depth == 0 and "begin" not in marks:
            continue
        current.append(run)
        if depth == 1 and in_result and run.find(text) is not None:
            result.append(run)
        for mark in marks:
            if mark == "begin":
                depth += 1
            elif mark == "separate" and depth == 1:
                in_result = True
            elif mark == "end":
                depth -= 1
                if depth == 0:
                    out.append((current, result))
                    current, result, in_result = [], [], False
    return out


def _explode_simple_fields(p: Any) -> None:
    """Each ``w:fldSimple`` of paragraph ``p`` written as the equivalent complex field (begin,
    code, separate, its result runs, end), which tracked changes can delete whole."""
    for simple in list(p.iter(_qn("w:fldSimple"))):
        parent = simple.getparent()
        at = parent.index(simple)
        pieces: list[Any] = [_field_char("begin")]
        code = _element("w:r")
        instr = _element("w:instrText")
        instr.text = simple.get(_qn("w:instr")) or ""
        instr.set(_qn("xml:space"), "preserve")
        code.append(instr)
        pieces += [code, _field_char("separate"), *list(simple), _field_char("end")]
        parent.remove(simple)
        for k, piece in enumerate(pieces):
            parent.insert(at + k, piece)


def _field_char(kind: str) -> Any:
    run = _element("w:r")
    run.append(_element("w:fldChar", {"w:fldCharType": kind}))
    return run


def _track(p: _Paragraph, a: int, doomed: list[Any], replacement: str, start: Any, revision: list[int], stamp: str) -> None:
    """``doomed`` runs deleted and ``replacement`` inserted just before them, as tracked changes
    (one ``w:del`` per run: runs may sit in different hyperlinks or fields)."""

    def attrs() -> dict[str, str]:
        revision[0] += 1
        return {"w:id": str(revision[0]), "w:author": AUTHOR, "w:date": stamp}

    first_del = None
    for run in doomed:
        deletion = _element("w:del", attrs())
        run.addprevious(deletion)
        deletion.append(run)
        for t in run.findall(_qn("w:t")):
            t.tag = _qn("w:delText")
        for t in run.findall(_qn("w:instrText")):
            t.tag = _qn("w:delInstrText")
        first_del = first_del if first_del is not None else deletion
    if not replacement:
        return
    text_runs = [r for r in doomed if r.find(_qn("w:delText")) is not None]
    model = text_runs[0] if text_runs else p.slots[a].run if a < len(p.slots) else p.slots[a - 1].run
    insertion = _element("w:ins", attrs())
    new = _element("w:r")
    rpr = model.find(_qn("w:rPr"))
    if rpr is not None:
        new.append(copy.deepcopy(rpr))
    t = _element("w:t")
    t.text = replacement
    t.set(_qn("xml:space"), "preserve")
    new.append(t)
    insertion.append(new)
    if first_del is not None:
        first_del.addprevious(insertion)
    else:
        start.addnext(insertion)  # a pure insertion: inside the comment's (empty) range


def _reference_after(end: Any, cid: str) -> None:
    """The run holding ``w:commentReference``, right after ``end``; past the end of a field
    whose result holds ``end`` (a field update would replace the result and lose it)."""
    run = _element("w:r")
    rpr = _element("w:rPr")
    rpr.append(_element("w:rStyle", {"w:val": "CommentReference"}))
    run.append(rpr)
    run.append(_element("w:commentReference", {"w:id": cid}))
    anchor = end
    simple = next(end.iterancestors(_qn("w:fldSimple")), None)
    if simple is not None:
        anchor = simple
    else:
        p = next(end.iterancestors(_qn("w:p")), None)
        depth = 0
        seen = False
        fld, kind = _qn("w:fldChar"), _qn("w:fldCharType")
        for el in p.iter() if p is not None else ():
            if el is end:
                seen = True
                if depth == 0:
                    break
            elif el.tag == fld:
                depth += {"begin": 1, "end": -1}.get(el.get(kind) or "", 0)
                if seen and depth == 0:
                    anchor = el.getparent()
                    break
    anchor.addnext(run)


def _max_id(document: Any) -> int:
    """The largest numeric ``w:id`` of the document part, so that revision ids stay unique."""
    key = _qn("w:id")
    best = 0
    for el in document.element.iter():
        value = el.get(key)
        if value is not None and value.isdigit():
            best = max(best, int(value))
    return best + 1000
