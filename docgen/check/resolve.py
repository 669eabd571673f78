"""Link citations to the legal registry: which entry, first mention, the draft's own symbol.

eyecite's ``resolve_citations`` groups short forms under the full citation they refer to; here
a short form ("Thông tư số 25/2023/TT-BGDĐT" after the first mention, or "Thông tư này" inside a
quotation of TT25) resolves through its normalised symbol.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from docgen.check.find import Citation
from docgen.check.patterns.cite import KIND_NAMES

How = Literal["symbol", "wrong-form"]
# A công văn's trích yếu line: "V/v triển khai …", "Về việc …" (NĐ30 Phụ lục I II.5).
SUBJECT_OPENINGS = ("V/v", "Về việc")
# Kind headings of NĐ30 ô 5a; the line under one is the trích yếu.
KIND_HEADINGS = frozenset(name.upper() for name in KIND_NAMES) | {"CHƯƠNG TRÌNH PHỐI HỢP"}


@dataclass(frozen=True)
class Resolved:
    """A citation with the registry entry it names (``entry`` None when unknown)."""

    citation: Citation
    entry: Any  # docgen.law.registry.RegistryEntry | None
    how: How | None
    first: bool  # the first mention of this document in the body (the trích yếu is not body)
    first_any: bool = False  # the first mention anywhere, trích yếu included
    in_subject: bool = False  # on a "V/v …" / "Về việc …" line, or inside another citation's trích yếu


def lookup(citation: Citation, registry: Any) -> tuple[Any, How | None]:
    """The entry for a citation's symbol, or for a known wrong form of a symbol."""
    if citation.symbol is None:
        return None, None
    entry = registry.get(citation.symbol)
    if entry is not None:
        return entry, "symbol"
    finder = getattr(registry, "find_alias", None)
    entry = finder(citation.symbol) if finder is not None else None
    if entry is not None:
        return entry, "wrong-form"
    return None, None


def _is_subject_line(text: str, line_start: int) -> bool:
    """A trích yếu: a "V/v …" line, or the line under a kind heading ("BÁO CÁO", "KẾ HOẠCH")."""
    if text[line_start : line_start + 12].lstrip(" *_#").startswith(SUBJECT_OPENINGS):
        return True
    end = line_start - 1
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        previous = text[start:end].strip(" *_#\t")
        if previous:
            return previous in KIND_HEADINGS
        end = start - 1
    return False


def resolve_citations(citations: list[Citation], registry: Any, text: str = "") -> list[Resolved]:
    """Every citation with a symbol, linked to its entry, with first mentions marked.

    Two spellings of one document ("TT- BGDĐT", "TTBGDĐT", a known wrong form) count as the
    same document: the key is the entry's id when known, else the normalised symbol. A
    citation in the trích yếu of a công văn ("V/v triển khai Thông tư số …") is not the first
    citation in the body (NĐ30 Phụ lục I II.6.b is about the body), so the body's first mention
    is marked ``first``; ``first_any`` marks the very first.
    """
    seen: set[str] = set()
    seen_body: set[str] = set()
    out: list[Resolved] = []
    for cite in citations:
        if cite.symbol is None:
            continue
        entry, how = lookup(cite, registry)
        key = entry.id if entry is not None else cite.symbol
        line_start = text.rfind("\n", 0, cite.span.start) + 1
        subject = cite.in_title or _is_subject_line(text, line_start)
        first = not subject and key not in seen_body
        out.append(Resolved(cite, entry, how, first, key not in seen, subject))
        seen.add(key)
        if not subject:
            seen_body.add(key)
    return out
