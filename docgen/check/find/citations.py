"""Find citations: "Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023 của … Quy định về …"."""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from docgen.check.model import Draft, Span
from docgen.check.patterns import cite as P
from docgen.check.patterns import target as T
from docgen.check.find.text import SearchText as _Text
from docgen.check.find.text import SearchText, _date, _kind_name, nfc_text, normalize_symbol, shared

@dataclass(frozen=True)
class Citation:
    """One citation of a document as written in the draft."""

    span: Span
    text: str
    kind: str  # "Thông tư", "Quyết định", … (capitalised as in the kind table)
    has_so: bool  # the word "số" is there
    self_ref: bool = False  # "Thông tư này"
    kind_span: Span | None = None  # the kind as written ("thông tư", "Thông tư")
    in_title: bool = False  # named inside another citation's trích yếu ("… về tiếp tục thực hiện Chỉ thị số 11-CT/TW")
    number: str | None = None
    symbol_text: str | None = None  # as written: "25/2023/TT- BGDĐT"
    symbol: str | None = None  # normalised: "25/2023/TT-BGDĐT"
    symbol_span: Span | None = None
    date: dt.date | None = None  # None when absent or impossible
    date_text: str | None = None  # "ngày 27/12/2023", "n gày 27/12/2023"
    date_span: Span | None = None
    date_value_span: Span | None = None  # the date without "ngày": "27/12/2023"
    date_words: bool = False  # "ngày 30 tháng 7 năm 2021" rather than "ngày 30/7/2021"
    issuer: str | None = None
    issuer_span: Span | None = None
    title: str | None = None
    title_span: Span | None = None


def find_citations(draft: Draft) -> list[Citation]:
    """Every citation of a document ("Thông tư số …", "Kết luận số 49-KL/TW", "Thông tư này")."""
    src = nfc_text(draft)
    if not src.back:  # an NFC draft: the spans are the text's own, the list is shared
        return list(text_citations(src.text))
    return list(_citations(src))


def text_citations(text: str) -> list[Citation]:
    """The citations of an NFC ``text``, spans in its own offsets; found once per text and shared
    (the locator and deadline finders need them too). Never modified by callers."""
    return shared(text, "citations", lambda: list(_citations(SearchText(text))))


def _citations(src: _Text) -> Iterator[Citation]:
    text = src.text
    pos = 0
    nested_at = -1  # where a citation found inside the previous trích yếu starts
    while True:
        m = P.CITATION_RE.search(text, pos)
        if m is None:
            return
        pos = m.end()
        in_title = m.start() == nested_at
        g = m.groupdict()
        symbol_text = g.get("symbol")
        kind_span = src.span(m.start("kind"), m.end("kind"))
        if symbol_text is None:
            yield Citation(span=src.span(m.start(), m.end()), text=m.group(0), kind=_kind_name(g["kind"]), has_so=False, self_ref=True, kind_span=kind_span)
            continue
        title = g.get("title")
        title_start, title_end = (m.start("title"), m.end("title")) if title else (0, 0)
        if title:
            # a trích yếu never holds another citation: "Công văn số … về việc triển khai Thông tư số …"
            nested = P.CITATION_RE.search(text, title_start + 1, title_end)
            if nested is not None:
                title_end = title_start + len(text[title_start : nested.start()].rstrip(" ,"))
                title = text[title_start:title_end] if title_end > title_start else None
                pos = nested_at = nested.start()
        if title:
            end = title_end
        elif g.get("title"):  # the whole "title" was another citation
            end = max(m.end(part) for part in ("symbol", "date", "issuer") if g.get(part))
        else:
            end = m.end()
        date_text = g.get("date")
        date: dt.date | None = None
        if date_text is not None:
            date = _date(g.get("d1") or g.get("d2"), g.get("m1") or g.get("m2"), g.get("y1") or g.get("y2"))
        yield Citation(
            span=src.span(m.start(), end),
            text=text[m.start() : end],
            kind=_kind_name(g["kind"]),
            has_so=bool(g.get("so") or g.get("so_colon")),
            kind_span=kind_span,
            in_title=in_title,
            number=g.get("number") or g.get("pnumber"),
            symbol_text=symbol_text,
            symbol=normalize_symbol(symbol_text),
            symbol_span=src.span(m.start("symbol"), m.end("symbol")),
            date=date,
            date_text=date_text,
            date_span=src.span(m.start("date"), m.end("date")) if date_text else None,
            date_value_span=_value_span(src, m) if date_text else None,
            date_words=bool(g.get("d2")),
            issuer=" ".join(g["issuer"].split()).rstrip(",") if g.get("issuer") else None,
            issuer_span=src.span(m.start("issuer"), m.end("issuer")) if g.get("issuer") else None,
            title=" ".join(title.split()) if title else None,
            title_span=src.span(title_start, title_end) if title else None,
        )


def _value_span(src: _Text, m: re.Match[str]) -> Span:
    first = "d1" if m.group("d1") else "d2"
    last = "y1" if m.group("y1") else "y2"
    return src.span(m.start(first), m.end(last))
