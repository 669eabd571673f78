"""docgen.lazy_re: a pattern compiled on first use answers exactly as re.compile's would."""

from __future__ import annotations

import re

import pytest

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
