"""Find article locators: "điểm a khoản 4 Điều 17 của Thông tư này", with the document each belongs to."""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Literal

from docgen.check.model import Draft, Span
from docgen.check.patterns import cite as P
from docgen.check.patterns import target as T
from docgen.check.find.citations import Citation, text_citations
from docgen.check.find.text import _FOOTNOTE_LINE, _FOOTNOTE_MARK, _blank, _inside, nfc_text, normalize_symbol, quote_regions, text_clauses
from docgen.check.find.text import SearchText as _Text

@dataclass(frozen=True)
class ArticleRef:
    """An article locator ("điểm a khoản 4 Điều 17") and what it belongs to."""

    span: Span
    text: str
    article: int | None  # None for "Điều này"
    clause: int | None
    point: str | None
    doc: str | None  # normalised symbol, "self" ("Thông tư này", "Điều này"), or None (unknown)
    doc_explicit: bool  # the document is named right after the locator
    in_quote: bool  # inside a verbatim quotation
    clause_span: Span  # the sentence or clause around it
    context: str  # that clause with quotations blanked out
    quote: Span | None = None  # the quotation that the locator introduces ("… quy định: “…”")
    footnote: str | None = None  # footnote number when the locator is in a footnote
    anchor_context: str | None = None  # the body clause that carries that footnote's marker
    doc_default: bool = False  # ``doc`` is TT25 by default: a bare locator in a text about “Cộng đồng học tập”


def find_locators(draft: Draft) -> list[ArticleRef]:
    """Every "điểm … khoản … Điều …" with its document, clause, quotation status, footnote."""
    src = nfc_text(draft)
    text = src.text
    found = list(P.LOCATOR_RE.finditer(text))
    if not found:
        return []  # no "Điều …" at all: nothing to resolve, and TT25's article map is not loaded
    regions = quote_regions(text)
    clauses = text_clauses(text)
    clause_starts = [c[0] for c in clauses]
    citations = text_citations(text)
    others = [c for c in citations if not c.self_ref]  # "Thông tư này" left out
    nearest_all, nearest_other = _Nearest(citations), _Nearest(others)
    anchors = _footnote_anchors(text, regions, clauses)
    default_doc = _default_document(text, citations)
    out: list[ArticleRef] = []
    for m in found:
        art = m.group("article")
        article = None if art == "này" else int(art)
        clause = int(m.group("clause")) if m.group("clause") else None
        point = m.group("point")
        doc: str | None = None
        explicit = False
        by_default = False
        after = P.LOCATOR_DOC_RE.match(text, m.end())
        short = None if after else P.LOCATOR_SHORT_DOC_RE.match(text, m.end())
        if art == "này":
            doc = "self"
        elif after:
            explicit = True
            doc = "self" if after.group("self") else normalize_symbol(after.group("symbol"))
        elif short:
            # "Điều 12 của Thông tư", "Điều 9 Thông tư số 25": the one document of that kind (and
            # number) the draft cites in full
            doc = _short_document(citations, short.group("kind"), short.group("number"))
            explicit = doc is not None
        ci = max(0, bisect.bisect_right(clause_starts, m.start()) - 1)
        c_start, c_end = clauses[ci] if clauses else (0, len(text))
        region = _inside(regions, m.start())
        if doc is None:
            doc = nearest_all.document(text, m.start())
        if doc is None and default_doc is not None and article is not None and not _at_line_start(text, m.start()):
            doc, by_default = default_doc, True  # a bare "Điều 7" in a “Cộng đồng học tập” text that cites TT25
        elif doc == "self" and region is not None:
            # "Điều 8 của Thông tư này" inside a quotation of TT25 means TT25, not the draft.
            doc = nearest_other.document(text, region[0]) or "self"
        quote = None
        tail = text[m.end() : m.end() + 120]
        if after:
            tail = text[after.end() : after.end() + 120]
        intro = P.SAYS_INTRO_RE.match(tail)
        if intro and region is None:
            # the first quotation that opens after the locator (regions are sorted and disjoint)
            k = bisect.bisect_left(regions, m.end(), key=lambda r: r[0])
            if k < len(regions) and regions[k][0] - m.end() < 200:
                quote = src.span(*regions[k])
        line_start = text.rfind("\n", 0, m.start()) + 1
        fn = _FOOTNOTE_LINE.match(text, line_start)
        footnote = fn.group(1) if fn else None
        out.append(
            ArticleRef(
                span=src.span(m.start(), m.end()),
                text=m.group(0),
                article=article,
                clause=clause,
                point=point,
                doc=doc,
                doc_explicit=explicit,
                in_quote=region is not None,
                clause_span=src.span(c_start, c_end),
                context=_blank(text, regions, c_start, c_end),
                quote=quote,
                footnote=footnote,
                anchor_context=anchors.get(footnote) if footnote else None,
                doc_default=by_default,
            )
        )
    # "khoản 4 Điều 5 và khoản 4 Điều 10 Thông tư số 25/2023/TT-BGDĐT": a list of locators shares
    # the document named after its last one
    for k in range(len(out) - 2, -1, -1):
        ref, nxt = out[k], out[k + 1]
        if ref.doc_explicit or not nxt.doc_explicit or nxt.doc is None:
            continue
        between = text[ref.span.end : nxt.span.start] if not src.back else ""
        if T.LOCATOR_LIST_SEP_RE.fullmatch(between):
            out[k] = replace(ref, doc=nxt.doc, doc_explicit=True, doc_default=False)
    return out


def _default_document(text: str, citations: list[Citation]) -> str | None:
    """The document a bare "Điều n" means in a text about “Cộng đồng học tập”: Thông tư
    25/2023/TT-BGDĐT when the text cites it in full and is not itself a text of articles
    (a Quyết định's own "Điều 1. …")."""
    from docgen.law.tt25 import load_tt25

    symbol = load_tt25().symbol
    if not T.CDHT_RE.search(text) or T.OWN_ARTICLES_RE.search(text):
        return None
    return symbol if any(c.symbol == symbol for c in citations if not c.self_ref) else None


def _at_line_start(text: str, offset: int) -> bool:
    line_start = text.rfind("\n", 0, offset) + 1
    return not text[line_start:offset].strip(" \t*#>")


def _short_document(citations: list[Citation], kind: str, number: str | None) -> str | None:
    """The symbol of the only cited document of ``kind`` (with ``number``, when given)."""
    flat = " ".join(kind.split()).lower()
    symbols = {
        c.symbol for c in citations
        if not c.self_ref and c.symbol and c.kind.lower() == flat
        and (number is None or c.symbol.split("/", 1)[0].lstrip("0") == number.lstrip("0"))
    }
    return symbols.pop() if len(symbols) == 1 else None


class _Nearest:
    """The document a bare "Điều 11" belongs to: the last citation before it on the same line.

    Found by bisection over the citations' starts (they come in text order, as
    :func:`text_citations` finds them); a scan from the first citation for every locator was
    quadratic: 5 s of a 3,000-page draft, issue 9.
    """

    def __init__(self, citations: list[Citation]) -> None:
        self.citations = citations
        self.starts = [c.span.start for c in citations]

    def document(self, text: str, offset: int) -> str | None:
        k = bisect.bisect_left(self.starts, offset)  # citations[:k] start before the offset
        if k == 0:
            return None
        c = self.citations[k - 1]
        if c.span.start < text.rfind("\n", 0, offset) + 1:
            return None  # the last one before it is on an earlier line
        return "self" if c.self_ref else c.symbol


def _footnote_anchors(text: str, regions: list[tuple[int, int]], clauses: list[tuple[int, int]]) -> dict[str, str]:
    """Footnote number → the body clause (quotations blanked) that carries its marker."""
    anchors: dict[str, str] = {}
    starts = [c[0] for c in clauses]
    for m in _FOOTNOTE_MARK.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if _FOOTNOTE_LINE.match(text, line_start) and m.start() - line_start < 6:
            continue
        ci = max(0, bisect.bisect_right(starts, m.start()) - 1)
        if not clauses:
            continue
        a, b = clauses[ci]
        if a == m.start() and ci > 0:
            a, b = clauses[ci - 1]
        anchors.setdefault(m.group(1), _blank(text, regions, a, b))
    return anchors
