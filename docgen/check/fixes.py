"""``docgen check --fix``: apply SAFE replacements into a new file next to the draft.

* .txt / .md: ``name.fixed.txt`` / ``name.fixed.md`` with the NFC text and the replacements; a
  text copied out of a PDF, which is checked repaired (lines joined, page numbers dropped), is
  fixed in the file's own lines through the reader's map, and a replacement that would take in
  the joint of two file lines is left out;
* .docx: ``name.fixed.docx``; the text of the runs is edited in place (formatting kept), also
  when a replacement spans several runs. A paragraph whose text the checker cannot map back
  to runs character by character (a tab, a footnote mark inside the span) is left alone.

The draft itself is never modified. An existing output is only replaced with ``force``; the
output is written to a temporary file in the same folder and renamed (atomic).
"""

from __future__ import annotations

import io
import os
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docgen.check.inputs.repair import SourceMap
from docgen.check.model import Draft, Finding, FixSafety
from docgen.check.patterns.form import FOOTNOTE_MARKER
from docgen.errors import Location, RenderError

FIXABLE_KINDS = ("txt", "md", "docx")


@dataclass
class FixOutcome:
    path: str
    output: str | None  # None when nothing was written
    applied: list[Finding] = field(default_factory=list)
    skipped: list[Finding] = field(default_factory=list)
    note: str = ""


def safe_edits(findings: list[Finding]) -> tuple[list[Finding], list[Finding]]:
    """(edits to apply, left out): SAFE replacements sorted, overlapping ones dropped."""
    chosen: list[Finding] = []
    dropped: list[Finding] = []
    end = -1
    for f in sorted((f for f in findings if f.fix is FixSafety.SAFE and f.replacement is not None),
                    key=lambda f: (f.span.start, f.span.end)):
        if f.span.start < end or (chosen and f.span.start == end == chosen[-1].span.start):
            dropped.append(f)
            continue
        chosen.append(f)
        end = max(end, f.span.end)
    return chosen, dropped


def apply_text(text: str, edits: list[Finding]) -> str:
    out = text
    for f in sorted(edits, key=lambda f: f.span.start, reverse=True):
        out = out[: f.span.start] + (f.replacement or "") + out[f.span.end :]
    return out


def output_path(path: str) -> Path:
    p = Path(path)
    return p.with_name(f"{p.stem}.fixed{p.suffix}")


def _write_atomic(target: Path, data: bytes, force: bool) -> None:
    if target.exists() and not force:
        raise RenderError(f"tệp {target.name} đã có; dùng --force để ghi đè", Location(str(target)))
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def fix_draft(draft: Draft, findings: list[Finding], force: bool = False) -> FixOutcome:
    """Write the fixed copy of ``draft`` and say which findings were fixed."""
    mine = [f for f in findings if f.path == draft.path]
    edits, skipped = safe_edits(mine)
    outcome = FixOutcome(draft.path, None, skipped=skipped)
    if not edits:
        return outcome
    if draft.kind not in FIXABLE_KINDS:
        outcome.skipped = edits + skipped
        outcome.note = "chỉ sửa được .txt, .md và .docx"
        return outcome
    target = output_path(draft.path)
    if draft.kind == "docx":
        applied, left = _fix_docx(draft, edits)
        buffer = io.BytesIO()
        draft.docx.save(buffer)
        data = buffer.getvalue()
    elif isinstance(draft.meta.get("source_map"), SourceMap):
        text, applied, left = _fix_repaired(draft, draft.meta["source_map"], edits)
        data = text.encode("utf-8")
        if left and not applied:
            outcome.note = REPAIRED_NOTE
    else:
        applied, left = edits, []
        data = apply_text(draft.text, edits).encode("utf-8")
    if applied:
        _write_atomic(target, data, force)
        outcome.output = str(target)
    outcome.applied = applied
    outcome.skipped = skipped + left
    return outcome


# ---------------------------------------------------------------------------- text copied from a PDF

REPAIRED_NOTE = "các chỗ cần sửa nằm vắt qua chỗ nối hai dòng của tệp (văn bản chép từ PDF), không sửa tự động được"


def _fix_repaired(draft: Draft, source: SourceMap, edits: list[Finding]) -> tuple[str, list[Finding], list[Finding]]:
    """Apply ``edits`` (spans in the repaired text) to the file's own text through ``source``.

    An edit is applied only where its span is copied unchanged from one line of the file; one
    that takes in the space or the hyphen where two file lines were joined is left out.
    """
    placed: list[tuple[int, int, Finding]] = []
    left: list[Finding] = []
    for f in edits:
        span = source.source_span(f.span.start, f.span.end)
        if span is None or source.source[span[0] : span[1]] != draft.text[f.span.start : f.span.end]:
            left.append(f)
            continue
        placed.append((span[0], span[1], f))
    out = source.source
    for start, end, f in sorted(placed, key=lambda item: item[0], reverse=True):
        out = out[:start] + (f.replacement or "") + out[end:]
    return out, [f for _, _, f in sorted(placed, key=lambda item: item[0])], left


# ---------------------------------------------------------------------------- .docx


def _slots(p: Any, line_text: str) -> tuple[str, list[tuple[Any, int] | None]]:
    """The paragraph text as the reader builds it, and for each character its (w:t, index),
    or None where the character is not editable text (tab, break, footnote mark "[n]", whose
    number is read from the draft line)."""
    from docx.oxml.ns import qn

    chars: list[str] = []
    slots: list[tuple[Any, int] | None] = []
    for el in p.iter():
        if el.tag == qn("w:t"):
            for i, ch in enumerate(el.text or ""):
                chars.append(ch)
                slots.append((el, i))
        elif el.tag in (qn("w:tab"), qn("w:br"), qn("w:cr")):
            chars.append(" ")
            slots.append(None)
        elif el.tag == qn("w:noBreakHyphen"):
            chars.append("-")
            slots.append(None)
        elif el.tag == qn("w:footnoteReference"):
            m = FOOTNOTE_MARKER.match(line_text, len(chars))
            mark = m.group() if m else "[?]"
            chars.extend(mark)
            slots.extend([None] * len(mark))
    return "".join(chars), slots


def _fix_docx(draft: Draft, edits: list[Finding]) -> tuple[list[Finding], list[Finding]]:
    from docx.oxml.ns import qn

    from docgen.check.outline import docx_paragraphs

    by_line: dict[int, Any] = {}
    for dp in docx_paragraphs(draft):
        if dp.line is not None:
            by_line[dp.line.start] = (dp.paragraph, dp.line)
    applied: list[Finding] = []
    left: list[Finding] = []
    # group edits per paragraph; apply right to left so earlier slots stay valid
    for f in sorted(edits, key=lambda f: f.span.start, reverse=True):
        target = next(((p, ln) for start, (p, ln) in by_line.items()
                       if ln.start <= f.span.start and f.span.end <= ln.end), None)
        if target is None:
            left.append(f)
            continue
        paragraph, line = target
        text, slots = _slots(paragraph._p, line.text)
        if unicodedata.normalize("NFC", text) != text or len(slots) != len(line.text):
            left.append(f)
            continue
        a, b = f.span.start - line.start, f.span.end - line.start
        if text[a:b] != line.text[a:b]:
            left.append(f)
            continue
        window = slots[a:b] if b > a else slots[a : a + 1] if a < len(slots) else slots[a - 1 : a]
        touched = [s for s in window if s is not None]
        if not touched or len(touched) != len(window):
            left.append(f)  # a tab, break or footnote mark inside the span: not editable text
            continue
        replacement = f.replacement or ""
        if b == a:  # insertion before slot a (or after the last character)
            el, i = touched[0]
            i = i if a < len(slots) else i + 1
            el.text = (el.text or "")[:i] + replacement + (el.text or "")[i:]
            el.set(qn("xml:space"), "preserve")
        else:
            # delete right to left, then put the replacement where the first character was
            for el, i in reversed(touched):
                el.text = (el.text or "")[:i] + (el.text or "")[i + 1 :]
                el.set(qn("xml:space"), "preserve")
            first_el, first_i = touched[0]
            first_el.text = (first_el.text or "")[:first_i] + replacement + (first_el.text or "")[first_i:]
        applied.append(f)
    applied.reverse()
    return applied, left
