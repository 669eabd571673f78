"""Rows of a ``tien_do`` block: the TT25 calendar from :mod:`docgen.law.timeline`, plus office steps.

Every legal row is one :class:`~docgen.law.timeline.Milestone` of
:func:`~docgen.law.timeline.milestones` for a level, mức độ and evaluation year, read in the
regime of the document's date: its label, its text ("trước ngày 28/02/2026", capitalised) and its
locator are the timeline's own, so there is one calendar in docgen. The actor is the unit's Ủy
ban nhân dân (``actor`` in timeline.yaml) or, for the completion and the decision, the regime's
decider. Facts below high confidence carry the timeline's own "cần xác minh" warnings as notes.

Office steps (``buoc``) are dated by their own ``han``, or by an offset before a legal milestone
(:func:`~docgen.law.timeline.deadline_of`); an offset in working days counts Vietnamese public
holidays (:func:`~docgen.law.timeline.shift_working_days`) and states that assumption in a note.

Rows come out in date order; rows the law leaves undated (retention, upgrade, re-recognition)
follow, then office steps with only a written time, in the order written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final

from docgen import vi
from docgen.law import timeline as tl
from docgen.law.registry import Source
from docgen.law.tt25 import Level, MucDo
from docgen.spec.models import DEFAULT_MOC, MOC_KINDS, Deadline, MocKey, Step, TienDo

CDHT: Final = "“Cộng đồng học tập”"
_KEY_OF_KIND: Final[dict[str, MocKey]] = {kind: key for key, kind in MOC_KINDS.items()}
_DECIDER_ACTS: Final = ("completion-due", "decision-within")
_UNDATED: Final = ("retention", "upgrade", "re-recognition")
ADDRESSEE: Final = "Nơi nhận hồ sơ"


@dataclass(frozen=True)
class Row:
    """One line of a tiến độ, ready to be written as a table row or a dated list item."""

    when: str
    content: str
    actor: str
    partners: str
    clause: str | None
    notes: tuple[str, ...]
    legal: bool
    milestone_id: str | None
    date: dt.date | None


def capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def when_text(milestone: tl.Milestone) -> str:
    """The deadline as the plan writes it: the timeline's text, capitalised ("Trước ngày 28/02/2026");
    a deadline that includes its day ("đến ngày") reads "Chậm nhất ngày"."""
    text = milestone.text
    if text.startswith("đến ngày "):
        text = "chậm nhất ngày " + text[len("đến ngày "):]
    return capitalize(text)


def deadline_text(due: tl.Due) -> str:
    """"Trước ngày 28/02/2026" or "Chậm nhất ngày 27/08/2026"."""
    return f"{'Trước ngày' if due.before else 'Chậm nhất ngày'} {vi.date_short(due.date)}"


def _names(warning: str, locator: str) -> bool:
    """True when a timeline warning is about the clause ``locator`` (the ways timeline.py writes it)."""
    return f"; {locator})" in warning or f"({locator})" in warning or f"({locator};" in warning


def _unsure(label: str, value: str, source: Source) -> str:
    """"Nơi nhận hồ sơ (Sở Giáo dục và Đào tạo): cần xác minh, độ tin cậy trung bình"."""
    return f"{label} ({value}): {tl.VERIFY}, độ tin cậy {tl.CONFIDENCE_LABELS[source.confidence]}"


def _sentence(text: str) -> str:
    stripped = text.strip()
    return stripped if stripped.endswith((".", ";", "!", "?")) else stripped + "."


@dataclass(frozen=True)
class _Keyed:
    key: tuple[int, dt.date, int, int]
    row: Row


class _Rows:
    def __init__(self, block: TienDo, on: dt.date | None, tt25_name: str) -> None:
        self.block = block
        self.on = on
        self.tt25_name = tt25_name
        self.chosen: tuple[MocKey, ...] = tuple(block.milestones or DEFAULT_MOC)
        self.said: set[str] = set()
        self.rows: list[_Keyed] = []
        self.seq = 0

    def add(self, row: Row, group: int, date: dt.date | None, rank: int) -> None:
        self.seq += 1
        self.rows.append(_Keyed((group, date or dt.date.max, rank, self.seq), row))

    def fresh(self, warnings: list[str]) -> tuple[str, ...]:
        """Regime-wide warnings not yet said in this block (each is said once)."""
        out = tuple(_sentence(w) for w in dict.fromkeys(warnings) if w not in self.said)
        self.said.update(warnings)
        return out

    def general_notes(self, timeline: tl.Timeline) -> list[str]:
        """What the regime of the document's date leaves to verify for this level (said once).

        Source references stay out of the document: they are for ``docgen timeline``, and a
        reference such as "khoản 3 Điều 8 TT 11/2025" would read as a clause of TT25.
        """
        regime = timeline.regime
        notes = list(regime.warnings)
        stale = regime.stale_warning(timeline.level)
        if stale:
            notes.append(stale)
        dates = regime.level(timeline.level).dates
        if dates is not None and dates.source.confidence != "high":
            notes.append(f"{dates.note.rstrip('. ')} ({tl.VERIFY})")
        return notes

    def subject(self, level: str, muc_do: int, year: int) -> str:
        """"" for a block about one unit and year; otherwise which level, mức độ, year the row is for."""
        parts = []
        if len(self.block.levels) > 1:
            parts.append(vi.LEVELS[level])
        if len(self.block.muc_do) > 1:
            parts.append(f"mức độ {muc_do}")
        what = f"{CDHT} {' '.join(parts)}".strip() if parts else ""
        if len(self.block.years) > 1:
            what = f"{what}, năm đánh giá {year}" if what else f"năm đánh giá {year}"
        return f" ({what})" if what else ""

    def legal(self, level: Level, muc_do: MucDo, year: int) -> None:
        timeline = tl.milestones(level, muc_do, year, self.on)
        subject = self.subject(level, muc_do, year)
        kinds: dict[str, tl.MilestoneRule] = {}
        for m in timeline.milestones:
            found = tl.rule_by_id(m.id)
            if found is not None and _KEY_OF_KIND[found.kind] in self.chosen:
                kinds[m.id] = found
        chosen = [m for m in timeline.milestones if m.id in kinds]
        general = self.general_notes(timeline)
        unsure = [m for m in chosen if m.source.confidence != "high"]
        general_at: tl.Milestone | None = (unsure or chosen)[0] if chosen else None
        addressee = timeline.regime.level(level).addressee
        for m in chosen:
            found = kinds[m.id]
            by_decider = found.kind in _DECIDER_ACTS
            actor = timeline.decider.value if by_decider else (found.actor or "")
            # Regime-wide notes are said once per block; a row's own doubts go on every row they concern.
            shared = list(self.fresh(general)) if m is general_at else []
            # The timeline's own warnings about this clause (retention's open reading, the upgrade rule).
            about = [w for w in timeline.warnings if _names(w, m.locator.text()) and "nguồn:" not in w]
            if found.kind == "dossier-due" and addressee.source.confidence != "high":
                about.append(_unsure(ADDRESSEE, addressee.value, addressee.source))
            if by_decider and not timeline.decider.verified:
                about.append(_unsure(timeline.decider.label, timeline.decider.value, timeline.decider.source))
            if m.source.confidence != "high" and not (about or shared):
                about.append(_unsure(m.label, m.locator.text(), m.source))
            notes = shared + [_sentence(w) for w in dict.fromkeys(about)]
            date: dt.date | None = m.end or m.date
            group, rank = 0, 1
            if found.kind == "decision-within":
                latest = tl.latest_decision(level, year)
                if latest is not None:
                    received, decided = latest
                    date, rank = decided, 2
                    notes.append(
                        f"Nếu nhận đủ hồ sơ hợp lệ ngày {vi.date_short(received)} (ngày cuối cùng trước hạn gửi hồ sơ), "
                        f"quyết định công nhận chậm nhất ngày {vi.date_short(decided)}. "
                        + tl.working_day_assumption([(received, decided)])
                    )
            if found.kind in _UNDATED:
                group, date = 1, None
            row = Row(
                when=when_text(m),
                content=f"{m.label}{subject}",
                actor=actor,
                partners=self.block.partners.get(_KEY_OF_KIND[found.kind], ""),
                clause=f"{m.locator.text()} {self.tt25_name}",
                notes=tuple(notes),
                legal=True,
                milestone_id=m.id,
                date=m.end or m.date,
            )
            self.add(row, group, date, rank)

    def step(self, step: Step) -> None:
        notes: list[str] = []
        date: dt.date | None = None
        when = step.timing or ""
        if step.deadline is not None:
            date = step.deadline.date
            when = step.timing or own_date_text(step.deadline)
        elif step.before is not None and step.level is not None and step.year is not None:
            due = tl.deadline_of(step.level.value, MOC_KINDS[step.before], step.year)
            if due is None:  # the model refuses such a step; kept for type safety
                raise ValueError(f"mốc {step.before} không có hạn")
            legal = f"hạn {due.label[:1].lower() + due.label[1:]}"
            if step.days is not None:
                date = due.date - dt.timedelta(days=step.days)
                when = f"Chậm nhất ngày {vi.date_short(date)} ({step.days} ngày trước {legal})"
            elif step.working_days is not None:
                date = tl.shift_working_days(due.date, -step.working_days)
                when = f"Chậm nhất ngày {vi.date_short(date)} ({step.working_days} ngày làm việc trước {legal})"
                notes.append(tl.working_day_assumption([(date, due.date)]))
            else:
                date = due.date
                when = deadline_text(due)
        row = Row(when=when, content=step.content, actor=step.lead_unit or "", partners=step.partners or "",
                  clause=None, notes=tuple(notes), legal=False, milestone_id=None, date=date)
        self.add(row, 0 if date else 2, date, 0)

    def build(self) -> list[Row]:
        for level in self.block.levels:
            for muc_do in self.block.muc_do:
                for year in self.block.years:
                    self.legal(level.value, muc_do, year)
        for step in self.block.steps:
            self.step(step)
        return [k.row for k in sorted(self.rows, key=lambda k: k.key)]


def own_date_text(deadline: Deadline) -> str:
    """An office's own date in a tiến độ: "Chậm nhất ngày 15/10/2025", "Tháng 9/2025", "Năm 2026"."""
    if deadline.precision == "year":
        return f"Năm {deadline.date.year}"
    if deadline.precision == "month":
        return f"Tháng {deadline.date.month}/{deadline.date.year}"
    return f"Chậm nhất ngày {vi.date_short(deadline.date)}"


def build_rows(block: TienDo, on: dt.date | None, tt25_name: str) -> list[Row]:
    """The rows of ``block`` in date order, in the regime of ``on`` (the document's date).

    ``tt25_name`` is how the document names the circular after its first citation
    ("Thông tư số 25/2023/TT-BGDĐT").
    """
    return _Rows(block, on, tt25_name).build()
