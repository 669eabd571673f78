"""The reading of a draft: what a reader knows before reading a sentence.

Pipeline step between the draft's text and the finders (draft → text → **reading** →
citations / locators / targets → findings). A rule asks the reading which level, mức độ and
evaluation year a sentence or cell belongs to, and where that was learnt ("theo tiêu đề mục 1").
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Scope:
    """What a place in the draft is about, and where each part was learnt.

    ``level`` is "xa" | "huyen" | "tinh" (None when unknown or several); ``level_source`` is a
    Vietnamese phrase naming where it comes from ("câu", "tiêu đề mục 1", "hàng nhóm của bảng",
    "tên thủ tục", "trích yếu"), "" when the sentence itself says it.
    """

    level: str | None = None
    level_source: str = ""
    muc_do: int | None = None
    year: int | None = None
    about_cdht: bool = False
    role: str | None = None  # the column or label the text sits under ("thoi-han-giai-quyet", …)


class Reading:
    """The document as its reader understands it (stub: filled in by ``read_document``)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def scope_at(self, offset: int) -> Scope:
        """The scope inherited by the text at ``offset`` (its sentence's own words not included)."""
        return Scope()


def read_document(draft: object) -> Reading:
    text = getattr(draft, "text", "")
    return Reading(text)
