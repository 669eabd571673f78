"""Memo tables kept per object (a draft's text, a python-docx document) for the length of a check.

Keyed by the object's identity; an entry holds the object itself, so its id cannot be reused by
another object while the entry lives. At most ``size`` objects are kept, the oldest dropped first.
"""

from __future__ import annotations

from typing import Any


class PerObject:
    """A memo table for each of the last ``size`` objects asked about."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._tables: dict[int, tuple[object, dict[Any, Any]]] = {}

    def table(self, owner: object) -> dict[Any, Any]:
        """The table of ``owner`` (a new, empty one the first time)."""
        hit = self._tables.get(id(owner))
        if hit is None or hit[0] is not owner:
            if len(self._tables) >= self._size:
                self._tables.pop(next(iter(self._tables)))
            hit = (owner, {})
            self._tables[id(owner)] = hit
        return hit[1]

    def forget(self, owner: object) -> None:
        """Drop the table of ``owner``, if any."""
        hit = self._tables.get(id(owner))
        if hit is not None and hit[0] is owner:
            del self._tables[id(owner)]
