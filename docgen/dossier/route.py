"""Where a dossier goes and by when: a thin reading of the law layer's timeline.

The regime switch (TT25 as issued vs the two-tier reform from 01/07/2025) lives only in
``docgen/law/timeline.py`` (``regime_on`` / ``milestones``); this module never names a date. It
turns a :class:`~docgen.law.timeline.Timeline` into what the documents need: the addressee with
its locality ("Sở Giáo dục và Đào tạo tỉnh Lai Châu"), the decider, the due date and its clause.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from docgen import vi
from docgen.law import timeline

# Locality words that start a parent unit name, per level of the addressee.
_HUYEN_WORDS = ("huyện", "quận", "thị xã", "thành phố")
_TINH_WORDS = ("tỉnh", "thành phố")


@dataclass(frozen=True)
class Route:
    """The dossier's addressee, decider and deadline under the regime in force on a date."""

    addressee: str  # "Phòng Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo", "Bộ Giáo dục và Đào tạo"
    decider: str  # "Trưởng phòng Giáo dục và Đào tạo", …
    due: dt.date  # the deadline date as TT25 writes it ("trước ngày 28/02/2026")
    before: bool  # True: the due day itself is late
    due_cite: str  # "điểm d khoản 1 Điều 9"
    regime: str  # regime id of the law layer
    confidence: str  # of the addressee fact: high | medium | low | not-found
    renewal_cite: str = ""  # công nhận lại: "khoản 4 Điều 9", "khoản 3 Điều 19"
    warnings: tuple[str, ...] = ()  # Vietnamese, to verify

    def addressee_for(self, parents: list[str]) -> str:
        """Add the locality: Phòng → the huyện among the parents, Sở → the tỉnh, Bộ → none."""
        lowered = self.addressee.casefold()
        if lowered.startswith("phòng"):
            for name in parents:
                if name.casefold().startswith(_HUYEN_WORDS):
                    return f"{self.addressee} {name}"
        if lowered.startswith("sở"):
            for name in reversed(parents):
                if name.casefold().startswith(_TINH_WORDS):
                    return f"{self.addressee} {name}"
        return self.addressee

    def due_text(self) -> str:
        """"trước ngày 28/02/2026"."""
        return f"{'trước ngày' if self.before else 'đến ngày'} {vi.date_short(self.due)}"

    def is_late(self, day: dt.date) -> bool:
        return day >= self.due if self.before else day > self.due


def route(level: str, muc_do: int, evaluation_year: int, on: dt.date) -> Route:
    """The route for a dossier of ``level``/``muc_do`` for ``evaluation_year``, sent on ``on``."""
    tl = timeline.milestones(level, muc_do, evaluation_year, on=on)  # type: ignore[arg-type]
    fact = tl.regime.level(tl.level).addressee
    warnings: list[str] = []
    stale = tl.regime.stale_warning(tl.level)
    if stale:
        warnings.append(stale)
    if fact.source.confidence != "high":
        warnings.append(
            f"nơi nhận hồ sơ “{fact.value}” theo {tl.regime.name} từ ngày {vi.date_short(tl.regime.start)} "
            f"(độ tin cậy {timeline.CONFIDENCE_LABELS[fact.source.confidence]}; nguồn: {fact.source.ref}): {timeline.VERIFY}"
        )
    return Route(
        addressee=fact.value,
        decider=tl.decider.value,
        due=tl.dossier_due.date,
        before=tl.dossier_due.before,
        due_cite=tl.dossier_due.locator.text(),
        regime=tl.regime.id,
        confidence=fact.source.confidence,
        renewal_cite=tl.re_recognition.text(),
        warnings=tuple(warnings),
    )
