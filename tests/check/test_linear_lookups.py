"""Lookups that replaced a scan per item with a bisection (issue 9: nothing quadratic in the
draft's length) answer exactly what the scan answered."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from docgen.check.find.citations import Citation
from docgen.check.find.locators import _Nearest
from docgen.check.model import Span


def nearest_by_scan(text: str, citations: list[Citation], offset: int) -> str | None:
    """The definition: the last citation that starts before ``offset`` on its line."""
    line_start = text.rfind("\n", 0, offset) + 1
    best: str | None = None
    for c in citations:
        if line_start <= c.span.start < offset:
            best = "self" if c.self_ref else c.symbol
    return best


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet="ab \n", min_size=1, max_size=80),
    picks=st.lists(st.tuples(st.integers(0, 79), st.booleans()), max_size=12),
    offsets=st.lists(st.integers(0, 80), min_size=1, max_size=10),
)
def test_nearest_document_by_bisection_equals_the_scan(text: str, picks: list[tuple[int, bool]], offsets: list[int]) -> None:
    starts = sorted((min(s, len(text) - 1), self_ref) for s, self_ref in picks)  # text order, as found
    citations = [
        Citation(span=Span(s, s + 1), text="x", kind="Thông tư", has_so=True, self_ref=self_ref,
                 symbol=None if self_ref else f"{k}/2023/TT-BGDĐT")
        for k, (s, self_ref) in enumerate(starts)
    ]
    nearest = _Nearest(citations)
    for offset in offsets:
        assert nearest.document(text, offset) == nearest_by_scan(text, citations, offset)


def test_citations_come_in_text_order() -> None:
    """What the bisection relies on, on every fixture text."""
    from pathlib import Path

    from docgen.check.find.citations import text_citations

    fixtures = sorted((Path(__file__).resolve().parents[1] / "fixtures").rglob("*.txt"))
    found = 0
    for path in fixtures:
        starts = [c.span.start for c in text_citations(path.read_text(encoding="utf-8", errors="replace"))]
        assert starts == sorted(starts), path.name
        found += len(starts)
    assert found > 100
