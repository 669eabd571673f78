"""Lookups that replaced a scan per item with a bisection (issue 9: nothing quadratic in the
draft's length) answer exactly what the scan answered."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from docgen.check.find.citations import Citation
from docgen.check.find.locators import _nearest_document, _Nearest
from docgen.check.model import Span


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet="ab \n", min_size=1, max_size=80),
    picks=st.lists(st.tuples(st.integers(0, 79), st.booleans()), max_size=12),
    offsets=st.lists(st.integers(0, 80), min_size=1, max_size=10),
    ordered=st.booleans(),
)
def test_nearest_document_by_bisection_equals_the_scan(
    text: str, picks: list[tuple[int, bool]], offsets: list[int], ordered: bool
) -> None:
    starts = [(min(s, len(text) - 1), self_ref) for s, self_ref in picks]
    if ordered:
        starts.sort()
    citations = [
        Citation(span=Span(s, s + 1), text="x", kind="Thông tư", has_so=True, self_ref=self_ref,
                 symbol=None if self_ref else f"{k}/2023/TT-BGDĐT")
        for k, (s, self_ref) in enumerate(starts)
    ]
    nearest = _Nearest(citations)
    for offset in offsets:
        assert nearest.document(text, offset) == _nearest_document(text, citations, offset)
