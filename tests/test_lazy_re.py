"""docgen.lazy_re: a pattern compiled on first use answers exactly as re.compile's would."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from docgen.lazy_re import LazyPattern, lazy

SOURCE = r"(?P<so>\d+)/(?P<nam>\d{4})/TT-(?P<cq>[A-ZĐ]+)"
TEXT = "Thông tư số 25/2023/TT-BGDĐT và Thông tư số 24/2023/TT-BGDĐT; không phải 25/23/TT-X."


def test_every_method_answers_as_re_compile() -> None:
    real = re.compile(SOURCE, re.IGNORECASE)
    for make in (lambda: lazy(SOURCE, re.IGNORECASE), lambda: lazy(SOURCE, re.IGNORECASE)):
        p = make()
        assert [m.span() for m in p.finditer(TEXT)] == [m.span() for m in real.finditer(TEXT)]
        assert p.findall(TEXT) == real.findall(TEXT)
        assert p.sub(r"\g<so>", TEXT) == real.sub(r"\g<so>", TEXT)
        assert p.subn(lambda m: m["nam"], TEXT, count=1) == real.subn(lambda m: m["nam"], TEXT, count=1)
        assert p.split(TEXT) == real.split(TEXT)
        assert (p.search(TEXT, 20) or pytest.fail()).span() == (real.search(TEXT, 20) or pytest.fail()).span()
        assert p.match(TEXT) is None and real.match(TEXT) is None
        assert (p.match(TEXT, 12) or pytest.fail()).group() == "25/2023/TT-BGDĐT"
        assert p.fullmatch("24/2023/TT-bgdđt") is not None
        assert p.groups == real.groups == 3 and dict(p.groupindex) == dict(real.groupindex)
        assert p.flags == real.flags


def test_the_source_is_read_without_compiling() -> None:
    broken = lazy("(unclosed")  # a syntax error surfaces only when the pattern is used
    assert broken.pattern == "(unclosed"
    combined = lazy(broken.pattern + ")")
    assert combined.search("x") is None and (combined.search("là unclosed") or pytest.fail()).group(1) == "unclosed"
    with pytest.raises(re.error):
        broken.search("x")


def test_after_first_use_the_compiled_methods_are_called_directly() -> None:
    p = lazy(r"\d+")
    assert isinstance(p, LazyPattern) and p._compiled is None
    assert p.search("a 12") is not None
    compiled = p.compiled
    assert p.search == compiled.search and p.sub == compiled.sub  # bound methods of the re.Pattern


# ---- a guarded pattern (``first=``) finds exactly what its plain source finds

ROOT = Path(__file__).resolve().parents[1]


def _guarded() -> dict[str, LazyPattern]:
    import docgen.check
    import docgen.text

    modules = [importlib.import_module(m.name) for m in pkgutil.walk_packages(docgen.check.__path__, "docgen.check.")]
    found = {
        f"{module.__name__}.{name}": value
        for module in (*modules, docgen.text)
        for name, value in vars(module).items()
        if isinstance(value, LazyPattern) and value.first is not None
    }
    assert len(found) >= 10, found  # the hot date, deadline, decider and citation patterns
    return found


GUARDED = _guarded()
CORPUS = sorted(p for p in (ROOT / "tests" / "fixtures").rglob("*") if p.suffix in {".txt", ".md"})
WORDS = sorted({w for p in CORPUS[:40] for w in p.read_text(encoding="utf-8", errors="replace").split()})


def _matches(pattern: re.Pattern[str] | LazyPattern, text: str) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


@pytest.mark.parametrize("name", sorted(GUARDED))
def test_guarded_pattern_finds_what_its_source_finds_in_the_corpus(name: str) -> None:
    guarded = GUARDED[name]
    plain = re.compile(guarded.pattern, guarded.compiled.flags)
    for path in CORPUS:
        text = path.read_text(encoding="utf-8", errors="replace")
        expected = _matches(plain, text)
        assert _matches(guarded, text) == expected, path.name
    assert guarded.compiled.pattern != plain.pattern  # the guard is there


@settings(max_examples=150, deadline=None)
@given(
    words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=30),
    case=st.sampled_from([str, str.upper, str.lower, str.title, str.capitalize]),
    sep=st.sampled_from([" ", "  ", "\n", "\t", " \n "]),
)
def test_guarded_patterns_on_shuffled_corpus_words(words: list[str], case: object, sep: str) -> None:
    text = case(sep.join(words))  # type: ignore[operator]
    for guarded in GUARDED.values():
        plain = re.compile(guarded.pattern, guarded.compiled.flags)
        assert _matches(guarded, text) == _matches(plain, text)
