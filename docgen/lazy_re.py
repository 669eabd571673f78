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
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator, Mapping
from typing import Any

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
            source = self.pattern if self.first is None else f"(?={self.first})(?:{self.pattern})"
            compiled = re.compile(source, self._flags)
            # the instance's own attributes hide the class's methods below from now on
            vars(self).update({name: getattr(compiled, name) for name in _METHODS})
            self._compiled = compiled
        return compiled

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
