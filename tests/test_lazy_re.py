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


def _module_patterns() -> dict[str, LazyPattern]:
    """Every module-level lazy pattern of the checker (and of docgen.text), by its dotted name."""
    import docgen.check
    import docgen.text

    modules = [importlib.import_module(m.name) for m in pkgutil.walk_packages(docgen.check.__path__, "docgen.check.")]
    return {
        f"{module.__name__}.{name}": value
        for module in (*modules, docgen.text)
        for name, value in vars(module).items()
        if isinstance(value, LazyPattern)
    }


def _guarded() -> dict[str, LazyPattern]:
    found = {name: p for name, p in _module_patterns().items() if p.first is not None}
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


# ---- compiled programs kept between runs (docgen's cache folder)


def _all_module_patterns() -> list[tuple[str, int]]:
    """(compiled source, flags) of every module-level lazy pattern of the checker."""
    found = {(p.source, p._flags) for p in _module_patterns().values()}
    assert len(found) >= 150, len(found)
    return sorted(found)


ALL = _all_module_patterns()


@pytest.fixture
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A run of its own: an empty cache folder, nothing loaded, nothing waiting to be saved."""
    from docgen import lazy_re

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("DOCGEN_CACHE", raising=False)
    monkeypatch.setattr(lazy_re, "_programs", None)
    monkeypatch.setattr(lazy_re, "_new", {})
    monkeypatch.setattr(lazy_re, "stats", {"kept": 0, "compiled": 0})
    return tmp_path


def _next_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """What a new process sees: the file, but nothing in memory."""
    from docgen import lazy_re

    monkeypatch.setattr(lazy_re, "_programs", None)
    monkeypatch.setattr(lazy_re, "stats", {"kept": 0, "compiled": 0})


def test_every_checker_pattern_comes_back_from_the_cache_as_re_compile_makes_it(
    fresh_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from docgen import lazy_re

    for source, flags in ALL:
        lazy(source, flags).search("")
    assert lazy_re.stats == {"kept": 0, "compiled": len(ALL)}
    lazy_re.save()
    assert list((fresh_cache / "docgen").glob("re-*.marshal"))
    _next_run(monkeypatch)
    for source, flags in ALL:
        kept = lazy(source, flags).compiled
        # re.Pattern equality compares source, flags and the compiled program itself
        assert kept == re.compile(source, flags), source[:80]
    assert lazy_re.stats == {"kept": len(ALL), "compiled": 0}


def test_a_kept_pattern_finds_what_re_compile_finds(fresh_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from docgen import lazy_re
    from docgen.check.patterns.cite import CITATION_RE as CITATION  # the largest pattern of all

    source = CITATION.source
    lazy(source, CITATION._flags).search("")
    lazy_re.save()
    _next_run(monkeypatch)
    kept = lazy(source, CITATION._flags)
    text = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in CORPUS[:30])
    assert _matches(kept, text) == _matches(re.compile(source, CITATION._flags), text)
    assert lazy_re.stats["kept"] == 1


@pytest.mark.parametrize("damage", ["garbage", "truncated", "not a table", "wrong program"])
def test_a_damaged_cache_is_ignored(fresh_cache: Path, monkeypatch: pytest.MonkeyPatch, damage: str) -> None:
    import marshal

    from docgen import lazy_re

    source = r"(?P<so>\d+)/(?P<nam>\d{4})"
    lazy(source).search("")
    lazy_re.save()
    (path,) = (fresh_cache / "docgen").glob("re-*.marshal")
    data = path.read_bytes()
    if damage == "garbage":
        path.write_bytes(b"\x00\xffnot marshal" * 10)
    elif damage == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "not a table":
        path.write_bytes(marshal.dumps([1, 2, 3]))
    else:  # a program _sre refuses: its structure does not hold together
        table = marshal.loads(data)
        flags, code, *rest = table[(source, 0)]
        table[(source, 0)] = (flags, code[: len(code) // 2], *rest)
        path.write_bytes(marshal.dumps(table))
    _next_run(monkeypatch)
    p = lazy(source)
    assert p.compiled == re.compile(source)
    assert lazy_re.stats == {"kept": 0, "compiled": 1}


def test_no_cache_file_when_caching_is_off(fresh_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from docgen import lazy_re

    monkeypatch.setenv("DOCGEN_CACHE", "0")
    lazy(r"x(\d+)").search("x1")
    lazy_re.save()
    assert not list(fresh_cache.rglob("re-*"))
    assert lazy_re.stats == {"kept": 0, "compiled": 1}
