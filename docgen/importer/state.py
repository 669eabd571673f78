"""What the parts of an import share: the source, the notes on what was not mapped, the kind and
date found in the header, and the footnote markers."""

from __future__ import annotations

import datetime as dt
from typing import Any

from docgen.importer.patterns import ARABIC, DIEU, FOOTNOTE_REF, LETTER, ROMAN
from docgen.importer.read import Source
from docgen.spec.models import Kind


class State:
    """The state of one import; the readers of each part (header, bases, body, signature) share it."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.paras = source.paras
        self.notes: list[str] = []
        self.spec: dict[str, Any] = {}
        self.kind = Kind.KE_HOACH
        self.pos = 0
        self.date: dt.date | None = None  # the document's date, for the registry's status on it
        self.leftover: list[str] = []  # lines of the signature part that fit nowhere

    def note(self, what: str, where: str) -> None:
        self.notes.append(f"không nhận ra {what}: giữ làm đoạn văn ở {where}")

    def markers(self, text: str) -> str:
        """"[3]" where the draft has footnote 3 → the spec's marker "[^3]"."""
        notes = self.source.footnotes
        if not notes:
            return text
        return FOOTNOTE_REF.sub(lambda m: f"[^{m.group(1)}]" if m.group(1) in notes else m.group(0), text)

    def footnotes(self) -> dict[str, str]:
        return dict(self.source.footnotes)


def is_upper(text: str) -> bool:
    """Capitals only ("ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"), with at least one letter."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def strip_item(text: str) -> str:
    """A list item without "- " and its final ";" or "." (docgen writes them back)."""
    item = text.strip()
    if item.startswith("-"):
        item = item[1:].strip()
    return item.rstrip(" ;.").strip()


def is_numbered(text: str) -> bool:
    return bool(ROMAN.match(text) or ARABIC.match(text) or LETTER.match(text) or DIEU.match(text))
