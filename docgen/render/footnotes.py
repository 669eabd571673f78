"""Real Word footnotes: markers in the rendered text become ``w:footnoteReference`` runs.

The context builder replaces every ``[^key]`` (and every automatic footnote) by a private marker
``U+E000 <index> U+E001``, where ``index`` points into the list of footnote texts. After docxtpl
has rendered the body, :func:`apply` walks the runs in document order, splits each run at its
markers, puts a reference run in place of each marker and appends the footnote to
``word/footnotes.xml`` (created with its separator footnotes, relationship, content type and
styles when the template has none). Word and LibreOffice number footnotes by order of
appearance; ids are given in that same order.
"""

from __future__ import annotations

import copy
import re
from functools import cache
from collections.abc import Callable, Sequence
from typing import Final, cast

from docx.document import Document as DocxDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement
from docx.oxml.ns import nsmap, qn
from docx.oxml.parser import parse_xml
from docx.oxml.styles import CT_Styles
from docx.oxml.xmlchemy import BaseOxmlElement

from docgen.render import layout as L

OPEN: Final = "\ue000"
CLOSE: Final = "\ue001"
_MARK: Final = re.compile("\ue000([0-9]{1,9})\ue001")
_XML_SPACE: Final = "{http://www.w3.org/XML/1998/namespace}space"


_T: Final = qn("w:t")
_R: Final = qn("w:r")
_RPR: Final = qn("w:rPr")
_ID: Final = qn("w:id")
_FONTS: Final = qn("w:rFonts")
_DROP_FROM_REFERENCE: Final = frozenset({qn("w:rStyle"), qn("w:vertAlign")})


def marker(index: int) -> str:
    """The private marker standing for footnote ``index`` (0-based) in rendered text."""
    return f"{OPEN}{index}{CLOSE}"


def apply(document: DocxDocument, texts: Sequence[str]) -> int:
    """Turn every marker of the body into a real footnote; returns how many were made."""
    body = document.element.body
    hosts: list[BaseOxmlElement] = []
    for t in body.iter(_T):
        if t.text and OPEN in t.text:
            run = t.getparent()
            if run.tag == _R and (not hosts or hosts[-1] is not run):
                hosts.append(run)
    if not hosts:
        return 0
    root = _footnotes_root(document)
    _ensure_styles(document)
    _ensure_settings(document)
    next_id = 1 + max((int(fn.get(_ID)) for fn in root.findall(qn("w:footnote"))), default=0)
    made = 0

    def reference(index: int) -> BaseOxmlElement:
        nonlocal next_id, made
        root.append(_footnote(next_id, texts[index]))
        ref = _reference_run(run.find(_RPR), next_id)
        next_id += 1
        made += 1
        return ref

    for run in hosts:
        pieces = _split_run(run, reference, lambda index: 0 <= index < len(texts))
        parent = run.getparent()
        at = parent.index(run)
        parent.remove(run)
        for offset, piece in enumerate(pieces):
            parent.insert(at + offset, piece)
    return made


def _split_run(
    run: BaseOxmlElement, reference: Callable[[int], BaseOxmlElement], reference_exists: Callable[[int], bool]
) -> list[BaseOxmlElement]:
    """``run`` cut at its markers: runs with the same properties around reference runs."""
    rpr = run.find(_RPR)
    empty = 1 if rpr is not None else 0
    pieces: list[BaseOxmlElement] = []
    current = _new_run(rpr)
    for child in list(run):
        if child.tag == _RPR:
            continue
        if child.tag != _T or OPEN not in (child.text or ""):
            current.append(child)
            continue
        text = child.text or ""
        position = 0
        for m in _MARK.finditer(text):
            if not reference_exists(int(m.group(1))):
                continue  # not one of docgen's markers: left as text (the loader refuses U+E000/U+E001)
            if m.start() > position:
                current.append(_text(text[position : m.start()]))
            if len(current) > empty:
                pieces.append(current)
            current = _new_run(rpr)
            pieces.append(reference(int(m.group(1))))
            position = m.end()
        if position < len(text):
            current.append(_text(text[position:]))
    if len(current) > empty:
        pieces.append(current)
    return pieces


def _new_run(rpr: BaseOxmlElement | None) -> BaseOxmlElement:
    run = copy.deepcopy(_prototype("w:r"))
    if rpr is not None:
        run.append(copy.deepcopy(rpr))
    return run


@cache
def _prototype(tag: str) -> BaseOxmlElement:
    element = OxmlElement(tag)
    if tag == "w:t":
        element.set(_XML_SPACE, "preserve")
    return element


def _text(value: str) -> BaseOxmlElement:
    t = copy.deepcopy(_prototype("w:t"))
    t.text = value
    return t


def _fonts() -> BaseOxmlElement:
    fonts = OxmlElement("w:rFonts")
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), L.FONT)
    return fonts


def _reference_rpr(host: BaseOxmlElement | None) -> BaseOxmlElement:
    """The host run's properties with the FootnoteReference character style (superscript)."""
    rpr = copy.deepcopy(host) if host is not None else copy.deepcopy(_prototype("w:rPr"))
    for child in list(rpr):
        if child.tag in _DROP_FROM_REFERENCE:
            rpr.remove(child)
    rpr.insert(0, copy.deepcopy(_reference_style()))
    if rpr.find(_FONTS) is None:
        rpr.insert(1, _fonts())
    return rpr


@cache
def _reference_style() -> BaseOxmlElement:
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), L.STYLE_FOOTNOTE_REF)
    return style


def _reference_run(host: BaseOxmlElement | None, footnote_id: int) -> BaseOxmlElement:
    run = copy.deepcopy(_prototype("w:r"))
    run.append(_reference_rpr(host))
    ref = copy.deepcopy(_prototype("w:footnoteReference"))
    ref.set(_ID, str(footnote_id))
    run.append(ref)
    return run


@cache
def _footnote_rpr_prototype(reference: bool) -> BaseOxmlElement:
    return _make_footnote_rpr(reference=reference)


def _footnote_rpr(*, reference: bool) -> BaseOxmlElement:
    """Run properties inside a footnote (a fresh copy of a prototype built once)."""
    return copy.deepcopy(_footnote_rpr_prototype(reference))


def _make_footnote_rpr(*, reference: bool) -> BaseOxmlElement:
    rpr = OxmlElement("w:rPr")
    if reference:
        style = OxmlElement("w:rStyle")
        style.set(qn("w:val"), L.STYLE_FOOTNOTE_REF)
        rpr.append(style)
    rpr.append(_fonts())
    color = OxmlElement("w:color")
    color.set(qn("w:val"), L.BLACK)
    rpr.append(color)
    for tag in ("w:sz", "w:szCs"):
        size = OxmlElement(tag)
        size.set(qn("w:val"), str(L.SIZES.footnote * 2))
        rpr.append(size)
    return rpr


@cache
def _footnote_prototype() -> BaseOxmlElement:
    """``<w:footnote>``: a FootnoteText paragraph, the number run and an (empty) text run."""
    note = OxmlElement("w:footnote")
    p = OxmlElement("w:p")
    ppr = OxmlElement("w:pPr")
    style = OxmlElement("w:pStyle")
    style.set(qn("w:val"), L.STYLE_FOOTNOTE_TEXT)
    ppr.append(style)
    p.append(ppr)
    ref = OxmlElement("w:r")
    ref.append(_make_footnote_rpr(reference=True))
    ref.append(OxmlElement("w:footnoteRef"))
    p.append(ref)
    run = OxmlElement("w:r")
    run.append(_make_footnote_rpr(reference=False))
    p.append(run)
    note.append(p)
    return note


def _footnote(footnote_id: int, text: str) -> BaseOxmlElement:
    """Footnote ``footnote_id``: the number, a space, the text (newlines become ``w:br``)."""
    note = copy.deepcopy(_footnote_prototype())
    note.set(_ID, str(footnote_id))
    run = note[0][-1]
    for i, line in enumerate(text.split("\n")):
        if i:
            run.append(copy.deepcopy(_prototype("w:br")))
        run.append(_text((" " if i == 0 else "") + line))
    return note


def _separator(kind: str, footnote_id: int) -> BaseOxmlElement:
    note = OxmlElement("w:footnote")
    note.set(qn("w:type"), kind)
    note.set(qn("w:id"), str(footnote_id))
    p = OxmlElement("w:p")
    ppr = OxmlElement("w:pPr")
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    spacing.set(qn("w:lineRule"), "auto")
    ppr.append(spacing)
    p.append(ppr)
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    rpr.append(_fonts())
    run.append(rpr)
    run.append(OxmlElement(f"w:{kind}"))
    p.append(run)
    note.append(p)
    return note


def existing_root(document: DocxDocument) -> BaseOxmlElement | None:
    """The ``w:footnotes`` element when the document has a footnotes part that was parsed."""
    for rel in document.part.rels.values():
        if rel.reltype == RT.FOOTNOTES and not rel.is_external and isinstance(rel.target_part, XmlPart):
            return cast(BaseOxmlElement, rel.target_part.element)
    return None


def _footnotes_root(document: DocxDocument) -> BaseOxmlElement:
    """The ``w:footnotes`` element of the document, creating or re-parsing the part as needed."""
    doc_part = document.part
    for rel in doc_part.rels.values():
        if rel.reltype != RT.FOOTNOTES or rel.is_external:
            continue
        part = rel.target_part
        if isinstance(part, XmlPart):
            return cast(BaseOxmlElement, part.element)
        # python-docx loads footnotes.xml as an opaque Part: swap in an XmlPart over its XML.
        element = parse_xml(part.blob)
        xml_part = XmlPart(part.partname, part.content_type, element, part.package)
        for old in part.rels.values():
            xml_part.rels.add_relationship(old.reltype, old._target, old.rId, old.is_external)
        rel._target = xml_part
        return element
    element = OxmlElement("w:footnotes", nsdecls={"w": nsmap["w"], "r": nsmap["r"]})
    element.append(_separator("separator", -1))
    element.append(_separator("continuationSeparator", 0))
    part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, element, doc_part.package)
    doc_part.relate_to(part, RT.FOOTNOTES)
    return element


def _style(kind: str, style_id: str, name: str) -> BaseOxmlElement:
    style = OxmlElement("w:style")
    style.set(qn("w:type"), kind)
    style.set(qn("w:styleId"), style_id)
    name_el = OxmlElement("w:name")
    name_el.set(qn("w:val"), name)
    style.append(name_el)
    return style


def _ensure_styles(document: DocxDocument) -> None:
    """FootnoteText (12 pt TNR paragraph) and FootnoteReference (superscript) if missing."""
    styles = cast(CT_Styles, document.styles.element)
    if styles.get_by_id(L.STYLE_FOOTNOTE_TEXT) is None:
        style = _style("paragraph", L.STYLE_FOOTNOTE_TEXT, "footnote text")
        based = OxmlElement("w:basedOn")
        based.set(qn("w:val"), "Normal")
        style.append(based)
        ppr = OxmlElement("w:pPr")
        spacing = OxmlElement("w:spacing")
        for attr, value in (("w:before", "0"), ("w:after", "0"), ("w:line", "240"), ("w:lineRule", "auto")):
            spacing.set(qn(attr), value)
        ppr.append(spacing)
        jc = OxmlElement("w:jc")
        jc.set(qn("w:val"), "both")
        ppr.append(jc)
        style.append(ppr)
        style.append(_footnote_rpr(reference=False))
        styles.append(style)
    if styles.get_by_id(L.STYLE_FOOTNOTE_REF) is None:
        style = _style("character", L.STYLE_FOOTNOTE_REF, "footnote reference")
        rpr = OxmlElement("w:rPr")
        rpr.append(_fonts())
        align = OxmlElement("w:vertAlign")
        align.set(qn("w:val"), "superscript")
        rpr.append(align)
        style.append(rpr)
        styles.append(style)


# Children of w:settings that come after w:footnotePr (ECMA-376 CT_Settings sequence).
_AFTER_FOOTNOTE_PR: Final = (
    "w:endnotePr", "w:compat", "w:docVars", "w:rsids", "m:mathPr", "w:attachedSchema", "w:themeFontLang",
    "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures", "w:forceUpgrade",
    "w:captions", "w:readModeInkLockDown", "w:smartTagType", "sl:schemaLibrary", "w:shapeDefaults",
    "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator",
)


def _ensure_settings(document: DocxDocument) -> None:
    """``w:footnotePr`` naming the two separator footnotes, as Word writes it."""
    settings = document.settings.element
    if settings.find(qn("w:footnotePr")) is not None:
        return
    pr = OxmlElement("w:footnotePr")
    for footnote_id in ("-1", "0"):
        ref = OxmlElement("w:footnote")
        ref.set(qn("w:id"), footnote_id)
        pr.append(ref)
    later = {qn(t) for t in _AFTER_FOOTNOTE_PR if not t.startswith("sl:")}
    for i, child in enumerate(settings):
        if child.tag in later:
            settings.insert(i, pr)
            return
    settings.append(pr)

