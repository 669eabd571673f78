"""Inline bold and italic: ``**đậm**`` and ``*nghiêng*`` in a spec's ``khoi`` text become real Word runs.

The markup is read once, by :func:`docgen.spec.markup.parse`, into private markers (U+E002/U+E003 around bold text,
U+E004/U+E005 around italic text) that travel through Jinja as ordinary, escaped characters;
after docxtpl has rendered the body, :func:`apply` cuts each run at its markers and sets ``w:b`` /
``w:i`` on the pieces between them. ``\\*`` writes a literal asterisk and ``\\\\`` a backslash. The
loader refuses the marker characters in a spec, so only docgen can write them; the text itself is
never interpreted as XML or as a Jinja tag (autoescape does its usual work on it).

An asterisk that opens but never closes is an error (:class:`~docgen.spec.markup.MarkupError`, reported by the spec
model at the text's line): the author meant a literal one (``\\*``) or forgot to close it.
"""

from __future__ import annotations

import copy
from typing import Final

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from docgen.spec.markup import BOLD_OFF, BOLD_ON, ITALIC_ON, MARKERS

_T: Final = qn("w:t")
_R: Final = qn("w:r")
_P: Final = qn("w:p")
_RPR: Final = qn("w:rPr")
_XML_SPACE: Final = "{http://www.w3.org/XML/1998/namespace}space"
# w:rPr children that come before w:b / w:i in the schema (CT_RPr order).
_BEFORE_B: Final = (qn("w:rStyle"), qn("w:rFonts"))


def apply(root: BaseOxmlElement) -> int:
    """Cut every run under ``root`` at its markers and format the pieces; returns the runs cut."""
    cut = 0
    for p in list(root.iter(_P)):
        if not any(t.text and any(m in t.text for m in MARKERS) for t in p.iter(_T)):
            continue
        bold = italic = False
        for run in [r for r in p.iter(_R)]:
            if not any(t.text and any(m in t.text for m in MARKERS) for t in run.findall(_T)):
                if bold or italic:
                    _format(run, bold, italic)
                continue
            pieces, bold, italic = _split(run, bold, italic)
            parent = run.getparent()
            at = parent.index(run)
            parent.remove(run)
            for offset, piece in enumerate(pieces):
                parent.insert(at + offset, piece)
            cut += 1
    return cut


def _split(run: BaseOxmlElement, bold: bool, italic: bool) -> tuple[list[BaseOxmlElement], bool, bool]:
    rpr = run.find(_RPR)
    pieces: list[BaseOxmlElement] = []
    current = _new_run(rpr, bold, italic)

    def flush() -> None:
        nonlocal current
        if len(current) > (1 if current.find(_RPR) is not None else 0):
            pieces.append(current)
        current = _new_run(rpr, bold, italic)

    for child in list(run):
        if child.tag == _RPR:
            continue
        if child.tag != _T:
            current.append(child)
            continue
        buffer: list[str] = []
        for ch in child.text or "":
            if ch not in MARKERS:
                buffer.append(ch)
                continue
            if buffer:
                current.append(_text("".join(buffer)))
                buffer = []
            flush()
            if ch in (BOLD_ON, BOLD_OFF):
                bold = ch == BOLD_ON
            else:
                italic = ch == ITALIC_ON
            current = _new_run(rpr, bold, italic)
        if buffer:
            current.append(_text("".join(buffer)))
    flush()
    return pieces, bold, italic


def _new_run(rpr: BaseOxmlElement | None, bold: bool, italic: bool) -> BaseOxmlElement:
    run = OxmlElement("w:r")
    if rpr is not None:
        run.append(copy.deepcopy(rpr))
    if bold or italic:
        _format(run, bold, italic)
    return run


def _format(run: BaseOxmlElement, bold: bool, italic: bool) -> None:
    """Turn on bold / italic in ``run`` (schema order: after rStyle, rFonts)."""
    rpr = run.find(_RPR)
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        run.insert(0, rpr)
    position = sum(1 for child in rpr if child.tag in _BEFORE_B)
    for on, names in ((italic, ("w:i", "w:iCs")), (bold, ("w:b", "w:bCs"))):
        if not on:
            continue
        for name in reversed(names):
            old = rpr.find(qn(name))
            if old is not None:
                rpr.remove(old)
            rpr.insert(position, OxmlElement(name))
    # bold before italic in the schema: b, bCs, i, iCs
    order = {qn("w:b"): 0, qn("w:bCs"): 1, qn("w:i"): 2, qn("w:iCs"): 3}
    formatted = sorted((c for c in rpr if c.tag in order), key=lambda c: order[c.tag])
    for c in formatted:
        rpr.remove(c)
    for offset, c in enumerate(formatted):
        rpr.insert(position + offset, c)


def _text(value: str) -> BaseOxmlElement:
    t = OxmlElement("w:t")
    t.text = value
    t.set(_XML_SPACE, "preserve")
    return t
