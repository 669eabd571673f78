"""Regular expressions compiled when first used (issue 10).

The checker keeps about two hundred patterns at module level; compiling them all took some 90 ms
of every ``docgen check`` before the first line was read, while a short draft uses about a third
of them. ``lazy(source, flags)`` stands in for ``re.compile``: it keeps the source and compiles
on the first match. ``.pattern`` (used to build bigger patterns from smaller ones) never compiles.

After the first use the compiled pattern's own methods are bound on the object, so a match costs
what it costs on a :class:`re.Pattern` (no extra Python call). Two threads compiling the same
pattern at once both get an equal pattern; nothing is shared that could go wrong.

``first`` is a one-character regular expression that every match begins with (``r"[nN \\t\\d]"``,
``r"(?i:[ck])"`` for a case-insensitive "cấp" or "Kế hoạch": the same case folding as the pattern).
Python's engine scans quickly for a pattern that starts with a plain character class, but not for
one that starts with a lookbehind, an optional part or a case-insensitive Vietnamese word: it
tries the whole pattern at every position. With ``first`` the compiled pattern begins with the
lookahead ``(?=first)``, which changes no match when the set is right (tests/test_lazy_re.py
compares every guarded pattern with its plain source over the test corpus) and made the date
pattern 2.5× faster on a 29-page plan. ``.pattern`` stays the plain source, so patterns built
from it carry no guard.

Compiling is also kept between runs. Python spends most of a compile parsing the pattern in pure
Python (the checker's citation pattern alone takes 12 ms), and a check of a one-line draft compiled
67 patterns in 29 ms, a 29-page plan 164 in 64 ms, at every start. So the program the compiler
produces (what ``re.compile`` hands to its C engine ``_sre``) is kept in docgen's cache folder
(:mod:`docgen.cache`), in a file named after the Python version and its engine (``_sre.MAGIC``),
and the next run hands it to ``_sre.compile`` directly. A program is kept only when the pattern built from it compares equal to
``re.compile``'s own (``re.Pattern`` equality compares the programs), ``_sre`` checks a program's
structure before it runs one, and anything that goes wrong on the way (an unreadable, stale or
corrupt file, a Python whose internals differ) falls back to ``re.compile``. The file is written
once at exit by a run that compiled something new. ``DOCGEN_CACHE=0`` turns it off.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import _sre  # type: ignore[import-not-found]  # re's C engine: no stubs

from docgen.cache import cache_dir, store

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "split", "sub", "subn")


class LazyPattern:
    """A ``re.Pattern[str]`` that is compiled when one of its methods is first called."""

    def __init__(self, pattern: str, flags: int = 0, first: str | None = None) -> None:
        self.pattern = pattern
        self.first = first
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now if it was not yet)."""
        compiled = self._compiled
        if compiled is None:
            compiled = _compile(self.source, self._flags)
            # the instance's own attributes hide the class's methods below from now on
            vars(self).update({name: getattr(compiled, name) for name in _METHODS})
            self._compiled = compiled
        return compiled

    @property
    def source(self) -> str:
        """What is compiled: ``pattern``, behind the ``first`` lookahead when there is one."""
        return self.pattern if self.first is None else f"(?={self.first})(?:{self.pattern})"

    @property
    def flags(self) -> int:
        return self.compiled.flags

    @property
    def groups(self) -> int:
        return self.compiled.groups

    @property
    def groupindex(self) -> Mapping[str, int]:
        return self.compiled.groupindex

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.fullmatch(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return self.compiled.findall(string, pos, endpos)

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        return self.compiled.split(string, maxsplit)

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        return self.compiled.sub(repl, string, count)

    def subn(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> tuple[str, int]:
        return self.compiled.subn(repl, string, count)

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r}, {self._flags!r}, first={self.first!r})"


def lazy(pattern: str, flags: int = 0, *, first: str | None = None) -> LazyPattern:
    """``re.compile(pattern, flags)``, done when the pattern is first used (``first``: see above)."""
    return LazyPattern(pattern, flags, first)


# ------------------------------------------------------------------ programs kept between runs

# (source, flags) → the arguments of ``_sre.compile`` after the source: flags, program, groups,
# group index, index group. None until first needed; {} when there is no cache to read.
_Program = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
_programs: dict[tuple[str, int], _Program] | None = None
_new: dict[tuple[str, int], _Program] = {}
_KEEP = 4096  # more entries than this (patterns of many docgen versions): start the file again
stats = {"kept": 0, "compiled": 0}  # programs taken from the cache, patterns compiled (for tests)


def _compile(source: str, flags: int) -> re.Pattern[str]:
    """``re.compile(source, flags)``, from the program a former run kept when there is one."""
    global _programs
    if _programs is None:
        _programs = _load()
    key = (source, int(flags))
    program = _programs.get(key)
    if program is not None:
        try:
            compiled: re.Pattern[str] = _sre.compile(source, *program)
            stats["kept"] += 1
            return compiled
        except Exception:  # noqa: BLE001 - not a program of this Python's engine: compile it
            pass
    compiled = re.compile(source, flags)
    stats["compiled"] += 1
    if _file() is not None:
        program = _program(source, int(flags), compiled)
        if program is not None:
            if not _new:
                import atexit

                atexit.register(save)
            _new[key] = program
    return compiled


def _program(source: str, flags: int, compiled: re.Pattern[str]) -> _Program | None:
    """What ``re.compile`` hands to ``_sre`` for ``source``, or None when that cannot be found
    the way this Python's ``re._compiler.compile`` finds it, or gives another pattern."""
    try:
        from re import _compiler, _parser  # type: ignore[attr-defined]  # re.compile's own two steps

        parsed = _parser.parse(source, flags)
        code = [int(op) for op in _compiler._code(parsed, flags)]  # opcodes are an int subclass
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        program: _Program = (int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
        if _sre.compile(source, *program) != compiled:
            return None
        return program
    except Exception:  # noqa: BLE001 - internals of another Python: nothing is kept
        return None


def _file() -> Path | None:
    """The cache file of this Python (its exact version and ``re`` engine), or None when caching
    is off. ``re``'s compiler is the standard library's pure Python, so the version fixes it."""
    folder = cache_dir()
    if folder is None:
        return None
    return folder / f"re-{sys.implementation.cache_tag}-{sys.hexversion:x}-{_sre.MAGIC}-{_sre.CODESIZE}.marshal"


def _load() -> dict[tuple[str, int], _Program]:
    path = _file()
    if path is None:
        return {}
    import marshal

    try:
        table = marshal.loads(path.read_bytes())
    except Exception:  # noqa: BLE001 - missing, unreadable or corrupt: compile as usual
        return {}
    return table if isinstance(table, dict) else {}


def save() -> None:
    """Add the programs compiled by this run to the cache file (run at exit)."""
    import marshal

    path = _file()
    if path is None or not _new:
        return
    table = _load()
    if len(table) + len(_new) > _KEEP:
        table = {}
    table.update(_new)
    try:
        data = marshal.dumps(table)
    except ValueError:  # cannot happen with the programs above; a cache is never worth an error
        return
    if store(path, data):
        _new.clear()
