"""FMT030 searches a line only for the organisation names whose first word is on it (issue 10):
it must report exactly what searching every name on every line reports."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from docgen.check.config import CheckConfig
from docgen.check.inputs.text import text_draft
from docgen.check.rules.base import CheckContext
from docgen.check.rules.fmt import nd30, spacing
from docgen.check.patterns import form

PHRASE_WORDS = sorted({w for p in nd30.ORG_PHRASES for w in form.WORD.findall(p)})
FILLER = ["tỉnh", "Cao", "Bằng", "chủ", "trì", "và", "của", "Bộ", "Sở", "Phòng", "về", "việc"]


def every_name_on_every_line(text: str) -> list[tuple[int, int, str]]:
    """The rule's search without the first-word filter: (start, end, fixed) as the rule reports them."""
    draft = text_draft(text, "t.txt", "txt")
    ctx = CheckContext(draft, registry=None, config=CheckConfig())
    out: list[tuple[int, int, str]] = []
    seen: set[int] = set()
    for ln in ctx.lines:
        for phrase, pattern in spacing._ORG_PATTERNS:
            for m in pattern.finditer(ln.content):
                found = m.group()
                if found.isupper() or m.start() + ln.content_start in seen:
                    continue
                fixed = spacing._recase(found, phrase)
                if fixed == found or not spacing._more_capitals(found, fixed):
                    continue
                seen.add(m.start() + ln.content_start)
                span = ln.span(m.start(), m.end())
                out.append((span.start, span.end, fixed))
    return out


def reported(text: str) -> list[tuple[int, int, str]]:
    draft = text_draft(text, "t.txt", "txt")
    ctx = CheckContext(draft, registry=None, config=CheckConfig())
    return [(f.span.start, f.span.end, f.replacement or "") for f in spacing.OrgNameOverCapitalised().check(ctx)]


def test_every_phrase_in_title_case_is_found() -> None:
    text = "\n".join(" ".join(w.capitalize() for w in form.WORD.findall(p)) + " tỉnh Cao Bằng." for p in nd30.ORG_PHRASES)
    expected = every_name_on_every_line(text)
    assert len(expected) >= len(nd30.ORG_PHRASES) // 2  # most phrases have a word to lower-case
    assert reported(text) == expected


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(PHRASE_WORDS + FILLER), st.sampled_from([str.lower, str.upper, str.capitalize, str])),
        min_size=1, max_size=25,
    ),
    st.sampled_from([" ", ", ", " - ", "\n", "  "]),
)
def test_first_word_filter_reports_what_every_phrase_reports(words: list[tuple[str, object]], sep: str) -> None:
    text = sep.join(case(w) for w, case in words)  # type: ignore[operator]
    assert reported(text) == every_name_on_every_line(text)
