"""General tables of a spec's ``khoi`` (``bang``: headed columns, widths, rows of text).

docxtpl cannot give a table a number of columns and widths decided by the data, so the context
builder puts a private marker paragraph (``U+E006 <index> U+E007``) where the table goes and
:func:`apply` replaces that paragraph, after rendering, by a bordered Word table: fixed layout, the
given column widths (the rest of the 165 mm text width shared by the columns without one), the
header row repeated at the top of every page (``w:tblHeader``) and every row kept on one page
(``w:cantSplit``), so that no row is cut into two half-empty pieces. Cell text keeps its footnote
and bold/italic markers for :mod:`docgen.render.footnotes` and :mod:`docgen.render.inline`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from docgen.render import layout as L

OPEN: Final = "\ue006"
CLOSE: Final = "\ue007"
_MARK: Final = re.compile("^\ue006([0-9]{1,9})\ue007$")
_XML_SPACE: Final = "{http://www.w3.org/XML/1998/namespace}space"
CELL_MARGIN: Final = L.mm(1.5)


@dataclass(frozen=True)
class GeneralTable:
    """A table as the template will show it: headings, widths in mm (None: shared), rows."""

    headings: tuple[str, ...]
    widths: tuple[float | None, ...]
    rows: tuple[tuple[str, ...], ...]

    def twips(self) -> list[int]:
        """Column widths in twips, summing to the text width when some are left to share."""
        fixed = [L.mm(w) for w in self.widths if w is not None]
        free = sum(1 for w in self.widths if w is None)
        share = (L.TEXT_WIDTH - sum(fixed)) // free if free else 0
        out = [L.mm(w) if w is not None else share for w in self.widths]
        if free:  # the rounding remainder goes to the last shared column
            last = max(i for i, w in enumerate(self.widths) if w is None)
            out[last] += L.TEXT_WIDTH - sum(out)
        return out


def table_marker(index: int) -> str:
    """The private text of the paragraph that table ``index`` replaces."""
    return f"{OPEN}{index}{CLOSE}"


def apply(root: BaseOxmlElement, tables: Sequence[GeneralTable]) -> int:
    """Replace each marker paragraph under ``root`` by its table; returns how many were made."""
    made = 0
    for p in list(root.iter(qn("w:p"))):
        text = "".join(t.text or "" for t in p.iter(qn("w:t")))
        m = _MARK.match(text.strip())
        if m is None or not 0 <= int(m.group(1)) < len(tables):
            continue
        parent = p.getparent()
        parent.replace(p, build(tables[int(m.group(1))]))
        made += 1
    return made


def build(table: GeneralTable) -> BaseOxmlElement:
    """The ``w:tbl`` of ``table``."""
    widths = table.twips()
    tbl = OxmlElement("w:tbl")
    pr = _child(tbl, "w:tblPr")
    width = _child(pr, "w:tblW")
    width.set(qn("w:w"), str(sum(widths)))
    width.set(qn("w:type"), "dxa")
    _child(pr, "w:jc").set(qn("w:val"), "center")
    borders = _child(pr, "w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = _child(borders, f"w:{edge}")
        for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "0"), ("w:color", L.BLACK)):
            el.set(qn(key), value)
    _child(pr, "w:tblLayout").set(qn("w:type"), "fixed")
    margins = _child(pr, "w:tblCellMar")
    for edge in ("left", "right"):
        el = _child(margins, f"w:{edge}")
        el.set(qn("w:w"), str(CELL_MARGIN))
        el.set(qn("w:type"), "dxa")
    _child(pr, "w:tblLook").set(qn("w:val"), "0000")
    grid = _child(tbl, "w:tblGrid")
    for w in widths:
        _child(grid, "w:gridCol").set(qn("w:w"), str(w))
    _row(tbl, table.headings, widths, "ND30BangTieuDe", header=True)
    for row in table.rows:
        _row(tbl, row, widths, "ND30Bang", header=False)
    return tbl


def _row(tbl: BaseOxmlElement, cells: Sequence[str], widths: Sequence[int], style: str, *, header: bool) -> None:
    tr = _child(tbl, "w:tr")
    tr_pr = _child(tr, "w:trPr")
    _child(tr_pr, "w:cantSplit")
    if header:
        _child(tr_pr, "w:tblHeader")
    for text, width in zip(cells, widths):
        tc = _child(tr, "w:tc")
        tc_w = _child(_child(tc, "w:tcPr"), "w:tcW")
        tc_w.set(qn("w:w"), str(width))
        tc_w.set(qn("w:type"), "dxa")
        for line in text.split("\n") if text else [""]:
            p = _child(tc, "w:p")
            _child(_child(p, "w:pPr"), "w:pStyle").set(qn("w:val"), style)
            if line:
                t = _child(_child(p, "w:r"), "w:t")
                t.text = line
                t.set(_XML_SPACE, "preserve")


def _child(parent: BaseOxmlElement, tag: str) -> BaseOxmlElement:
    el = OxmlElement(tag)
    parent.append(el)
    return el
