"""Shared by the finders: the NFC text searched with its map back, quotations, clauses, dates."""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Final, Literal, TypeVar

from docgen.check.memo import PerObject
from docgen.check.model import Draft, Span
from docgen.check.patterns import cite as P
from docgen.check.patterns import target as T

T_co = TypeVar("T_co")

LEVEL_KEYS: dict[str, str] = {"xã": "xa", "huyện": "huyen", "tỉnh": "tinh"}
UNIT_LEVEL: dict[str, str] = {
    "xã": "xa", "phường": "xa", "thị trấn": "xa",
    "huyện": "huyen", "quận": "huyen", "thị xã": "huyen", "thành phố": "huyen",
    "tỉnh": "tinh",
}
OFFICE_LEVEL: dict[str, str] = {"Phòng": "phong", "Sở": "so", "Bộ": "bo"}


@dataclass
class SearchText:
    """The NFC text searched and a map from its offsets back to the draft's."""

    text: str
    back: list[int] = field(default_factory=list)

    def span(self, start: int, end: int) -> Span:
        if not self.back:
            return Span(start, end)
        return Span(self.back[start], self.back[end])


def nfc_text(draft: Draft) -> SearchText:
    text = draft.text
    if unicodedata.is_normalized("NFC", text):
        return SearchText(text)
    out: list[str] = []
    back: list[int] = []
    i = 0
    while i < len(text):
        j = i + 1
        while j < len(text) and unicodedata.combining(text[j]):
            j += 1
        piece = unicodedata.normalize("NFC", text[i:j])
        out.append(piece)
        back.extend([i] * len(piece))
        i = j
    back.append(len(text))
    return SearchText("".join(out), back)


# ---------------------------------------------------------------- shared per text

# The finders (citations, locators, targets, dates) and the DL rules each need the same
# quotations, clauses, citations and dates of the draft's text; each is worked out once per text
# and shared (issue 10: citations were found three times per check, clauses and dates three
# times). Keyed by the text object itself (an entry holds it, so its id is not reused while
# cached). The values are shared: callers never modify them.
_SHARED: Final = PerObject(4)


def shared(text: str, name: str, make: Callable[[], T_co]) -> T_co:
    """``make()`` for this exact ``text`` object, worked out once."""
    table = _SHARED.table(text)
    if name not in table:
        table[name] = make()
    found: T_co = table[name]
    return found


def release(text: str) -> None:
    """Forget what was worked out for ``text`` (the check of its draft is over)."""
    _SHARED.forget(text)


def quote_regions(text: str) -> list[tuple[int, int]]:
    """:func:`_quote_regions` of the whole text, shared."""
    return shared(text, "regions", lambda: _quote_regions(text))


def text_clauses(text: str) -> list[tuple[int, int]]:
    """:func:`_clauses` of the whole text (quotations from :func:`quote_regions`), shared."""
    return shared(text, "clauses", lambda: _clauses(text, quote_regions(text)))


# ---------------------------------------------------------------- helpers


def _date(d: str | None, m: str | None, y: str | None) -> dt.date | None:
    try:
        return dt.date(int(y or ""), int(m or ""), int(d or ""))
    except ValueError:
        return None


def _kind_name(raw: str) -> str:
    flat = " ".join(raw.split())
    for name in P.KIND_NAMES:
        if name.lower() == flat.lower():
            return name
    return flat


def normalize_symbol(raw: str) -> str:
    """The registry's normal form of a symbol ("25/2023/TT- BGDĐT" → "25/2023/TT-BGDĐT")."""
    from docgen.law.registry import normalize_symbol as law_normalize

    # "BGD&ĐT" is a common spelling of "BGDĐT"; the registry knows only the official one
    return law_normalize(raw.replace("&", ""))


def _quote_regions(text: str) -> list[tuple[int, int]]:
    """Verbatim quotations: from a quote mark after ":" to the quote that closes the passage."""
    regions: list[tuple[int, int]] = []
    pos = 0
    while True:
        m = P.QUOTE_OPEN_RE.search(text, pos)
        if not m:
            break
        start = m.end() - 1
        line_end = text.find("\n", start)
        line_end = len(text) if line_end < 0 else line_end
        close = P.QUOTE_CLOSE_RE.search(text, m.end(), line_end)
        end = close.start() + 1 if close else line_end
        regions.append((start, end))
        pos = end
    return regions


def _inside(regions: list[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    # regions are sorted and disjoint: a binary search, not a scan (issue 9: linear time)
    i = bisect.bisect_right(regions, offset, key=lambda r: r[0]) - 1
    if i >= 0 and regions[i][0] <= offset < regions[i][1]:
        return regions[i]
    return None


@dataclass
class _RangeIndex:
    """Ranges sorted by start with the running maximum of their ends: "which ranges hold this
    offset" in O(log n) even when ranges overlap (citation dates inside quotations)."""

    ranges: list[tuple[int, int]]
    size: int
    starts: list[int]
    reach: list[int]


# The finders ask about the same few lists once per clause or per date; indexing them per call
# would keep the search quadratic in the draft's length (issue 9). Entries hold their list, so
# an id is never reused while cached.
_INDEXES: dict[int, _RangeIndex | None] = {}
_SMALL = 16


def _index(ranges: list[tuple[int, int]]) -> _RangeIndex | None:
    """The index of ``ranges``, or None when they are few (a scan is cheaper) or not sorted."""
    if len(ranges) < _SMALL:
        return None
    hit = _INDEXES.get(id(ranges))
    if hit is not None and hit.ranges is ranges and hit.size == len(ranges):
        return hit
    index: _RangeIndex | None = None
    if all(ranges[i][0] <= ranges[i + 1][0] for i in range(len(ranges) - 1)):
        reach: list[int] = []
        top = -1
        for _, end in ranges:
            top = max(top, end)
            reach.append(top)
        index = _RangeIndex(ranges, len(ranges), [r[0] for r in ranges], reach)
    if len(_INDEXES) >= 8:
        _INDEXES.pop(next(iter(_INDEXES)))
    if index is not None:
        _INDEXES[id(ranges)] = index
    return index


def _blank(text: str, regions: list[tuple[int, int]], start: int, end: int) -> str:
    """``text[start:end]`` with quotations replaced by spaces (lengths kept).

    Only the regions that can reach ``start`` are visited (binary search on the running maximum
    of their ends), so each call costs about the clause's length, not the draft's.
    """
    index = _index(regions)
    first = bisect.bisect_right(index.reach, start) if index is not None else 0
    chars: list[str] | None = None
    for i in range(first, len(regions)):
        a, b = regions[i]
        if index is not None and a >= end:
            break  # sorted by start: no later region reaches into [start, end)
        lo, hi = max(a, start), min(b, end)
        if lo < hi:
            if chars is None:
                chars = list(text[start:end])
            chars[lo - start : hi - start] = " " * (hi - lo)
    return text[start:end] if chars is None else "".join(chars)


def _clauses(text: str, regions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Split into clauses at ";", sentence ends and line breaks, never inside a quotation."""
    cuts = [0]
    for m in P.SENTENCE_END_RE.finditer(text):
        if _inside(regions, m.start()) is None:
            cuts.append(m.end())
    cuts.append(len(text))
    out = []
    for a, b in zip(cuts, cuts[1:]):
        if text[a:b].strip():
            out.append((a, b))
    return out


_FOOTNOTE_LINE = P.FOOTNOTE_LINE_RE
_FOOTNOTE_MARK = P.FOOTNOTE_MARK_RE


def _excluded(offset: int, ranges: list[tuple[int, int]]) -> bool:
    index = _index(ranges)
    if index is None:
        return any(a <= offset < b for a, b in ranges)
    # a range holding offset starts at or before it; among those, the farthest end decides
    i = bisect.bisect_right(index.starts, offset)
    return i > 0 and index.reach[i - 1] > offset
