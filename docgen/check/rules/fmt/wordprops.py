"""Word formatting as it takes effect, for the FMT styling rules.

Values are *effective* ones: a run's own property, else its character style chain, else its
paragraph's style chain, else the document defaults (``w:docDefaults``), as Word resolves them.
Theme fonts (``w:asciiTheme``) are looked up in the document's theme. Also: which paragraphs
are running text (:func:`body_paragraphs`) and where a paragraph is in the draft.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Final

from docgen.check.memo import PerObject
from docgen.check.model import Span
from docgen.check.outline import DocxParagraph, DocxRun
from docgen.check.patterns import form
from docgen.check.rules.base import CheckContext


@functools.cache
def qn(tag: str) -> str:
    """python-docx's ``qn``, imported on first use: a .txt check never loads python-docx. The few
    tags asked for are kept (thousands of calls on a long draft)."""
    from docx.oxml.ns import qn as docx_qn

    return docx_qn(tag)


_ON = {"true", "1", "on", None}  # w:b, w:i … values that mean "on" (no w:val = on)


def _styles_chain(style: Any) -> Iterator[Any]:
    seen = 0
    while style is not None and seen < 20:
        yield style.element
        style = style.base_style
        seen += 1


# Style lookups per document. python-docx finds a paragraph's style by scanning every style of
# the document (and its default style by reading each one's type): about 20 ms per paragraph,
# minutes for a long draft (issue 9). The chains are the same for every paragraph of a style,
# so they are looked up once per document. An entry holds its document, so an id is never
# reused while cached.
_STYLES: Final = PerObject(4)


def _cache(doc: Any) -> dict[tuple[str | None, ...], Any]:
    table: dict[tuple[str | None, ...], Any] = _STYLES.table(doc)
    return table


def _paragraph_chain(doc: Any, p: DocxParagraph) -> list[Any]:
    """The ``w:style`` elements of the paragraph's style and the styles it is based on."""
    key = ("p", p.style_id)
    cache = _cache(doc)
    if key not in cache:
        cache[key] = list(_styles_chain(p.paragraph.style))
    chain: list[Any] = cache[key]
    return chain


def _character_chain(doc: Any, style_id: str) -> list[Any]:
    """The ``w:rPr`` of a character style and of the styles it is based on."""
    key = ("r", style_id)
    cache = _cache(doc)
    if key not in cache:
        levels: list[Any] = []
        style = doc.styles.element.get_by_id(style_id)
        while style is not None and len(levels) < 20:
            levels.append(style.rPr)
            based = style.basedOn_val
            style = doc.styles.element.get_by_id(based) if based else None
        cache[key] = levels
    chain: list[Any] = cache[key]
    return chain


def _doc_defaults(doc: Any, tag: str) -> Any:
    """``w:rPrDefault/w:rPr`` (tag "rPr") or ``w:pPrDefault/w:pPr`` (tag "pPr"), or None."""
    cache = _cache(doc)
    key = ("d", tag)
    if key not in cache:
        cache[key] = _read_doc_defaults(doc, tag)
    return cache[key]


def _read_doc_defaults(doc: Any, tag: str) -> Any:
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    if defaults is None:
        return None
    holder = defaults.find(qn(f"w:{tag}Default"))
    return None if holder is None else holder.find(qn(f"w:{tag}"))


def _run_value(doc: Any, p: DocxParagraph, run: DocxRun, name: str, read: Callable[[Any], Any]) -> Any:
    """The first value ``read`` finds in the run's own ``w:rPr``, then its character style chain,
    its paragraph's style chain and the document defaults. All but the first level are the same
    for every run of one (paragraph style, character style): their answer is looked up once per
    document and ``name`` (which must identify ``read``)."""
    if run.rpr is not None:
        value = read(run.rpr)
        if value is not None:
            return value
    cache = _cache(doc)
    key = ("rv", p.style_id, run.rstyle, name)
    if key not in cache:
        levels: list[Any] = []
        if run.rstyle is not None:
            levels.extend(_character_chain(doc, run.rstyle))
        levels.extend(element.rPr for element in _paragraph_chain(doc, p))
        levels.append(_doc_defaults(doc, "rPr"))
        cache[key] = _first(levels, read)
    return cache[key]


def _paragraph_value(doc: Any, p: DocxParagraph, name: str, read: Callable[[Any], Any]) -> Any:
    """The first value ``read`` finds in the paragraph's ``w:pPr``, its style chain and the
    document defaults (the inherited part looked up once per document, style and ``name``)."""
    if p.ppr is not None:
        value = read(p.ppr)
        if value is not None:
            return value
    cache = _cache(doc)
    key = ("pv", p.style_id, name)
    if key not in cache:
        levels = [element.pPr for element in _paragraph_chain(doc, p)]
        levels.append(_doc_defaults(doc, "pPr"))
        cache[key] = _first(levels, read)
    return cache[key]


def _first(levels: Iterable[Any], read: Callable[[Any], Any]) -> Any:
    for level in levels:
        if level is None:
            continue
        value = read(level)
        if value is not None:
            return value
    return None


@functools.lru_cache(maxsize=32)
def _theme_fonts(theme_xml: bytes) -> dict[str, str]:
    from docx.oxml import parse_xml

    root = parse_xml(theme_xml)
    ns = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main"}
    out: dict[str, str] = {}
    for kind in ("major", "minor"):
        latin = root.find(f".//a:{kind}Font/a:latin", ns)
        if latin is not None:
            out[kind] = latin.get("typeface", "")
    return out


def _theme(doc: Any) -> dict[str, str]:
    try:
        from docx.opc.constants import RELATIONSHIP_TYPE as RT

        part = doc.part.part_related_by(RT.THEME)
    except KeyError:
        return {}
    return _theme_fonts(part.blob)


def run_font(doc: Any, p: DocxParagraph, run: DocxRun, attr: str = "ascii") -> str:
    """Effective font of a run for ``attr`` ("ascii" or "hAnsi"); "" when nothing sets it."""

    def read(rpr: Any) -> str | None:
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            return None
        theme = fonts.get(qn(f"w:{attr}Theme"))
        if theme:
            return str(_theme(doc).get("major" if theme.startswith("major") else "minor", theme))
        value = fonts.get(qn(f"w:{attr}"))
        return str(value) if value else None

    return str(_run_value(doc, p, run, f"font:{attr}", read) or "")


def run_size(doc: Any, p: DocxParagraph, run: DocxRun) -> float:
    """Effective size in points (Word's default is 10 pt when nothing sets it)."""

    def read(rpr: Any) -> float | None:
        sz = rpr.find(qn("w:sz"))
        return None if sz is None else int(sz.get(qn("w:val"))) / 2

    value = _run_value(doc, p, run, "size", read)
    return float(value) if value is not None else 10.0


def run_flag(doc: Any, p: DocxParagraph, run: DocxRun, tag: str) -> bool:
    """Effective bold ("b") or italic ("i")."""

    def read(rpr: Any) -> bool | None:
        el = rpr.find(qn(f"w:{tag}"))
        return None if el is None else el.get(qn("w:val")) in _ON

    return bool(_run_value(doc, p, run, f"flag:{tag}", read))


def run_colour(doc: Any, p: DocxParagraph, run: DocxRun) -> str:
    """Effective colour: "auto", a hex value, or "theme:<name>"."""

    def read(rpr: Any) -> str | None:
        el = rpr.find(qn("w:color"))
        if el is None:
            return None
        theme = el.get(qn("w:themeColor"))
        return f"theme:{theme}" if theme else str(el.get(qn("w:val")) or "auto")

    return str(_run_value(doc, p, run, "colour", read) or "auto")


def paragraph_alignment(doc: Any, p: DocxParagraph) -> str:
    def read(ppr: Any) -> str | None:
        el = ppr.find(qn("w:jc"))
        return None if el is None else str(el.get(qn("w:val")))

    return str(_paragraph_value(doc, p, "jc", read) or "left")


def paragraph_first_line_cm(doc: Any, p: DocxParagraph) -> float:
    """Effective first-line indent in cm (negative for a hanging indent)."""

    def read(ppr: Any) -> float | None:
        el = ppr.find(qn("w:ind"))
        if el is None:
            return None
        if el.get(qn("w:firstLine")) is not None:
            return int(el.get(qn("w:firstLine"))) / 567.0
        if el.get(qn("w:hanging")) is not None:
            return -int(el.get(qn("w:hanging"))) / 567.0
        return None

    value = _paragraph_value(doc, p, "ind", read)
    return float(value) if value is not None else 0.0


def is_numbered(doc: Any, p: DocxParagraph) -> bool:
    """True when Word numbering (w:numPr, direct or from the style) applies to the paragraph."""
    return _paragraph_value(doc, p, "numPr", lambda ppr: True if ppr.find(qn("w:numPr")) is not None else None) is True


def text_runs(p: DocxParagraph) -> list[DocxRun]:
    return p.text_runs


def paragraph_span(p: DocxParagraph) -> Span:
    if p.line is None:
        return Span(0, 0)
    return Span(p.line.content_start, p.line.content_start + len(p.line.content))


def find_paragraph(ctx: CheckContext, pattern: Any) -> DocxParagraph | None:
    for p in ctx.docx_paragraphs:
        text = p.nfc_text.strip()
        if text and pattern.match(text):
            return p
    return None


def body_paragraphs(ctx: CheckContext) -> list[DocxParagraph]:
    """Running-text paragraphs: outside tables, a sentence long, not a title (in capitals or
    all bold, like the trích yếu), not "Kính gửi", "Nơi nhận" or a "(Kèm theo …)" line. A page
    of a public-service procedure (it has a "Tên thủ tục") is not an NĐ30 document: none.
    Found once per draft and shared by the rules."""
    found: list[DocxParagraph] | None = ctx.memo.get("fmt.body_paragraphs")
    if found is None:
        found = list(_body_paragraphs(ctx))
        ctx.memo["fmt.body_paragraphs"] = found
    return found


def _body_paragraphs(ctx: CheckContext) -> Iterator[DocxParagraph]:
    if ctx.reading.procedure is not None:
        return
    doc = ctx.draft.docx
    for p in ctx.docx_paragraphs:
        text = p.raw_text.strip()
        if p.in_table or len(text) < 40 or text.isupper() or text.startswith("("):
            continue
        if form.NOI_NHAN.match(text) or form.KINH_GUI.match(text):
            continue
        runs = text_runs(p)
        if runs and all(run_flag(doc, p, r, "b") for r in runs):
            continue
        yield p


def fmt_number(value: float) -> str:
    """A number as Vietnamese writes it: 1.27 → "1,27", 13.0 → "13"."""
    return f"{value:g}".replace(".", ",")
