"""``docgen check --fix``: apply SAFE replacements into a new file next to the draft.

* .txt / .md: ``name.fixed.txt`` / ``name.fixed.md``: the file's own text with the replacements
  and nothing else changed (CRLF line endings, tabs, NBSP, decomposed letters, the BOM and the
  encoding are kept, issue 9). The checker reads the text normalised (:func:`docgen.text.
  normalize_keep_offsets`); :func:`text_offsets` maps each offset of that text back to the file's
  text, character cluster by cluster, and an edit whose end falls inside a cluster is left out.
  A text copied out of a PDF, which is checked repaired (lines joined, page numbers dropped), is
  mapped to the normalised text first through the reader's map, and a replacement that would take
  in the joint of two file lines is left out;
* .docx: ``name.fixed.docx``; the text of the runs is edited in place (formatting kept), also
  when a replacement spans several runs. A paragraph whose text the checker cannot map back
  to runs character by character (a tab, a footnote mark inside the span) is left alone.

The draft itself is never modified. The output goes through :func:`docgen.output.write_output`:
an existing output is only replaced with ``force``, the draft is never the output, and the file
is written to a temporary file in the same folder and renamed (atomic).
"""

from __future__ import annotations

import codecs
import io
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docgen.check.inputs.repair import SourceMap
from docgen.check.model import Draft, Finding, FixSafety
from docgen.check.patterns.form import FOOTNOTE_MARKER
from docgen import text as vtext
from docgen.errors import DocgenError
from docgen.output import write_output

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
    else:
        source = draft.meta.get("source_map")
        if isinstance(source, SourceMap):
            normal = source.source
            placed, left = _place_repaired(draft, source, edits)
            if left and not placed:
                outcome.note = REPAIRED_NOTE
        else:
            normal = draft.text
            placed, left = [(f.span.start, f.span.end, f) for f in edits], []
        file_text = _file_text(Path(draft.path), normal)
        if file_text is None:
            outcome.skipped = edits + skipped
            outcome.note = CHANGED_NOTE
            return outcome
        text, encode = file_text
        out, applied, unmapped = _apply_in_file(text, normal, placed)
        left += unmapped
        data = encode(out)
    if applied:
        write_output(target, data, force=force, inputs=[draft.path])
        outcome.output = str(target)
    outcome.applied = applied
    outcome.skipped = skipped + left
    return outcome


# ---------------------------------------------------------------------------- text copied from a PDF

REPAIRED_NOTE = "các chỗ cần sửa nằm vắt qua chỗ nối hai dòng của tệp (văn bản chép từ PDF), không sửa tự động được"


def _place_repaired(draft: Draft, source: SourceMap, edits: list[Finding]) -> tuple[list[tuple[int, int, Finding]], list[Finding]]:
    """Place ``edits`` (spans in the repaired text) in the normalised file text ``source.source``.

    An edit is placed only where its span is copied unchanged from one line of the file; one
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
    return placed, left


# ---------------------------------------------------------------------------- the file's own text

CHANGED_NOTE = "tệp đã đổi từ lúc đọc (hoặc không đọc lại được), không sửa tự động được"

Encoder = Callable[[str], bytes]

# what the reader removes (docgen.text.normalize_keep_offsets): zero-width characters, BOM, soft hyphen
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")


def _file_text(path: Path, normal: str) -> tuple[str, Encoder] | None:
    """The file's decoded text and how to encode it back (same encoding, same BOM), or None
    when the file cannot be read again or no longer gives ``normal``."""
    try:
        data = path.read_bytes()
        text = vtext.decode_bytes(data, str(path))
    except (OSError, DocgenError):
        return None
    if vtext.normalize_keep_offsets(text) != normal:
        return None
    if data.startswith(codecs.BOM_UTF8):
        return text, lambda s: codecs.BOM_UTF8 + s.encode("utf-8")
    if data.startswith(codecs.BOM_UTF16_LE):
        return text, lambda s: codecs.BOM_UTF16_LE + s.encode("utf-16-le")
    if data.startswith(codecs.BOM_UTF16_BE):
        return text, lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be")
    return text, lambda s: s.encode("utf-8")


def text_offsets(original: str) -> tuple[str, dict[int, int], dict[int, int]] | None:
    """Normalise ``original`` as the reader does, cluster by cluster (a character and its
    combining marks; CR LF), and map offsets of the result back: (text, starts, ends) where
    ``starts[k]`` is the last and ``ends[k]`` the first offset of ``original`` that offset ``k``
    of the text stands for. None when cluster-wise normalisation differs from the reader's."""
    out: list[str] = []
    starts: dict[int, int] = {0: 0}
    ends: dict[int, int] = {0: 0}
    n = 0
    base = 0
    for line in original.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        simple = vtext.normalize_keep_offsets(body)
        if len(simple) == len(body) and not any(c in _INVISIBLE or unicodedata.combining(c) for c in body):
            # without marks or invisible characters an unchanged length means one character for
            # one: tabs and NBSP become spaces, nothing composes (fast path, most lines)
            out.append(simple)
            for k in range(1, len(body) + 1):
                starts[n + k] = ends[n + k] = base + k
            n += len(body)
            i = len(body)
        else:
            i = 0
        size = len(line)
        while i < size:
            j = i + 1
            if line[i] == "\r" and j < size and line[j] == "\n":
                j += 1
            else:
                while j < size and unicodedata.combining(line[j]):
                    j += 1
            piece = vtext.normalize_keep_offsets(line[i:j])
            out.append(piece)
            n += len(piece)
            starts[n] = base + j
            ends.setdefault(n, base + j)
            i = j
        base += size
    text = "".join(out)
    if text != vtext.normalize_keep_offsets(original):
        return None
    return text, starts, ends


def _apply_in_file(
    original: str, normal: str, placed: list[tuple[int, int, Finding]]
) -> tuple[str, list[Finding], list[Finding]]:
    """Apply edits placed in ``normal`` to ``original``, keeping every other character."""
    mapped = text_offsets(original)
    if mapped is None or mapped[0] != normal:
        return original, [], [f for _, _, f in placed]
    _, starts, ends = mapped
    spans: list[tuple[int, int, Finding]] = []
    left: list[Finding] = []
    for start, end, f in placed:
        a = starts.get(start)
        b = ends.get(end) if end != start else a
        if a is None or b is None or b < a:
            left.append(f)  # the edit begins or ends inside a character cluster
            continue
        spans.append((a, b, f))
    out = original
    for a, b, f in sorted(spans, key=lambda item: item[0], reverse=True):
        out = out[:a] + (f.replacement or "") + out[b:]
    return out, [f for _, _, f in sorted(spans, key=lambda item: item[0])], left


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
