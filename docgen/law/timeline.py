"""Deadlines of TT25 per level, and the one regime table (``law/data/timeline.yaml``).

:func:`milestones` turns a level, mức độ and evaluation year into dates: the data window, the
dossier due date and its addressee, the completion deadline (or, for tỉnh, the 20 working days
of the decision), the decider, retention and the upgrade rule. Each fact carries its
:class:`~docgen.law.tt25.Locator` and :class:`~docgen.law.registry.Source`; facts that are not
high confidence add a Vietnamese warning to verify.

:func:`regime_on` reads the regime table: the TT25 text from its effective date, then the
two-tier local government from the date in ``timeline.yaml`` (the only place holding it).
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from functools import cache
from collections.abc import Iterable
from typing import Any, Final, Literal

from docgen import limits, vi
from docgen.errors import UsageError
from docgen.law import tt25
from docgen.law.records import build, cached
from docgen.law.registry import Confidence, Source, data_bytes, load_registry, read_data
from docgen.law.tt25 import Level, Locator, MucDo

CONFIDENCE_LABELS: dict[str, str] = {"high": "cao", "medium": "trung bình", "low": "thấp", "not-found": "không tìm thấy"}
VERIFY = "cần xác minh"


class TimelineError(UsageError):
    """A timeline request the law cannot answer (e.g. an evaluation year before TT25)."""


# ---------------------------------------------------------------- data models (timeline.yaml)


@dataclass(frozen=True, kw_only=True)
class Cite:
    """A place in TT25 as written in the data file."""

    article: int
    clause: int | None = None
    point: str | None = None

    @property
    def locator(self) -> Locator:
        return Locator(self.article, self.clause, self.point)


@dataclass(frozen=True, kw_only=True)
class RegimeFact:
    """One value of the regime table (addressee or decider) with its clause and source."""

    value: str
    cite: Cite
    source: Source


@dataclass(frozen=True, kw_only=True)
class DatesNote:
    """How sure we are that TT25's calendar dates still apply under a regime."""

    note: str
    source: Source


@dataclass(frozen=True, kw_only=True)
class RegimeLevel:
    """What a regime says for one level."""

    available: bool
    stale: str | None = None
    addressee: RegimeFact
    decider: RegimeFact
    dates: DatesNote | None = None


@dataclass(frozen=True, kw_only=True)
class Regime:
    """A row of the regime table: from ``start`` on, these authorities apply."""

    id: str
    start: dt.date
    name: str
    source: Source
    warnings: tuple[str, ...] = ()
    levels: dict[Level, RegimeLevel]

    def level(self, level: Level) -> RegimeLevel:
        return self.levels[level]

    def stale_warning(self, level: Level) -> str | None:
        """The Vietnamese warning for a level that has no unit under this regime, or None."""
        text = self.levels[level].stale
        return text.format(start=vi.date_short(self.start)) if text else None


@dataclass(frozen=True, kw_only=True)
class DayOfYear:
    """A day relative to the evaluation year Y (``year_offset`` 1 = Y+1)."""

    day: int
    month: int
    year_offset: int

    def on(self, evaluation_year: int) -> dt.date:
        return dt.date(evaluation_year + self.year_offset, self.month, self.day)


MilestoneKind = Literal["data-window", "dossier-due", "completion-due", "decision-within", "retention", "upgrade", "re-recognition"]


@dataclass(frozen=True, kw_only=True)
class MilestoneRule:
    """One milestone of one level as the data file states it."""

    id: str
    level: Level
    kind: MilestoneKind
    label: str
    start: DayOfYear | None = None
    end: DayOfYear | None = None
    date: DayOfYear | None = None
    before: bool = False
    months: int | None = None
    working_days: int | None = None
    # Who acts (tt25.md §5 "Dossier sent by"): the unit's People's Committee; None where the
    # actor is the decider of the regime (completion, decision) or nobody acts (retention).
    actor: str | None = None
    cite: Cite
    source: Source


@dataclass(frozen=True, kw_only=True)
class TimelineData:
    """The layout of timeline.yaml: the regime table and each level's milestones."""

    regimes: tuple[Regime, ...]
    milestones: tuple[MilestoneRule, ...]


@cache
def load_timeline() -> TimelineData:
    """The packaged timeline data, parsed once; regimes sorted by start date."""
    def make() -> TimelineData:
        data = build(TimelineData, read_data("timeline.yaml"), "timeline.yaml")
        return dataclasses.replace(data, regimes=tuple(sorted(data.regimes, key=lambda r: r.start)))

    return cached("timeline", (data_bytes("timeline.yaml"),), make)


def regimes() -> tuple[Regime, ...]:
    """All regimes, oldest first."""
    return load_timeline().regimes


def regime_on(day: dt.date) -> Regime:
    """The regime in force on ``day``. Before the first regime (TT25's effective date) there is none."""
    current: Regime | None = None
    for regime in regimes():
        if regime.start <= day:
            current = regime
    if current is None:
        first = regimes()[0].start
        raise TimelineError(f"ngày {vi.date_short(day)} trước khi TT25 có hiệu lực ({vi.date_short(first)}); không có quy định về mốc thời gian")
    return current


def rule(level: Level, kind: MilestoneKind) -> MilestoneRule | None:
    """The data-file rule of one kind for one level (None: the level has no such milestone)."""
    return next((m for m in load_timeline().milestones if m.level == level and m.kind == kind), None)


def _required(level: Level, kind: MilestoneKind) -> MilestoneRule:
    found = rule(level, kind)
    if found is None:
        raise LookupError(f"timeline.yaml: no {kind} for {level}")
    return found


# ---------------------------------------------------------------- results


@dataclass(frozen=True)
class Fact:
    """A value with the clause that states it and the source we have for it."""

    label: str
    value: str
    locator: Locator
    source: Source

    @property
    def verified(self) -> bool:
        return self.source.verified


@dataclass(frozen=True)
class Due:
    """A deadline: ``before`` True means "trước ngày {date}" (the day itself is late)."""

    label: str
    date: dt.date
    before: bool
    addressee: str | None
    locator: Locator
    source: Source

    def text(self) -> str:
        """"trước ngày 28/02/2026"."""
        return f"{'trước ngày' if self.before else 'đến ngày'} {vi.date_short(self.date)}"

    def is_late(self, day: dt.date) -> bool:
        """True when an act on ``day`` misses this deadline."""
        return day >= self.date if self.before else day > self.date


@dataclass(frozen=True)
class Milestone:
    """One printable line of a timeline."""

    id: str
    label: str
    text: str
    locator: Locator
    source: Source
    date: dt.date | None = None
    end: dt.date | None = None


@dataclass(frozen=True)
class Timeline:
    """Everything the deadline checker and ``docgen timeline`` need for one unit and year."""

    level: Level
    muc_do: MucDo
    evaluation_year: int
    regime: Regime
    criteria_article: int
    data_window: tuple[dt.date, dt.date]
    data_window_locator: Locator
    dossier_due: Due
    completion_due: Due | None
    decision_within_working_days: int | None
    decision_locator: Locator | None
    decider: Fact
    retention_months: int
    retention_until: dt.date
    retention_until_if_decision_year: dt.date
    retention_locator: Locator
    upgrade_months: int
    upgrade_locator: Locator
    upgrade_source: Source
    re_recognition: Locator
    stale: bool
    milestones: tuple[Milestone, ...]
    warnings: tuple[str, ...] = field(default=())

    def earliest_upgrade(self, recognized_on: dt.date) -> dt.date:
        """First day a unit recognised at mức độ 1 on ``recognized_on`` may ask for mức độ 2."""
        return add_months(recognized_on, self.upgrade_months)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready form (dates as dd/mm/yyyy, locators as text)."""

        def src(s: Source) -> dict[str, str]:
            return {"ref": s.ref, "confidence": s.confidence}

        def due(d: Due | None) -> dict[str, Any] | None:
            if d is None:
                return None
            return {"date": vi.date_short(d.date), "before": d.before, "addressee": d.addressee,
                    "cite": d.locator.text(), "source": src(d.source)}

        return {
            "level": self.level,
            "muc_do": self.muc_do,
            "evaluation_year": self.evaluation_year,
            "regime": {"id": self.regime.id, "name": self.regime.name, "start": vi.date_short(self.regime.start),
                       "source": src(self.regime.source)},
            "criteria_article": self.criteria_article,
            "data_window": {"start": vi.date_short(self.data_window[0]), "end": vi.date_short(self.data_window[1]),
                            "cite": self.data_window_locator.text()},
            "dossier_due": due(self.dossier_due),
            "completion_due": due(self.completion_due),
            "decision_within_working_days": self.decision_within_working_days,
            "decision_cite": self.decision_locator.text() if self.decision_locator else None,
            "decider": {"value": self.decider.value, "cite": self.decider.locator.text(), "source": src(self.decider.source)},
            "retention": {"months": self.retention_months, "until": vi.date_short(self.retention_until),
                          "until_if_decision_year": vi.date_short(self.retention_until_if_decision_year),
                          "cite": self.retention_locator.text()},
            "upgrade": {"months": self.upgrade_months, "cite": self.upgrade_locator.text(), "source": src(self.upgrade_source)},
            "re_recognition_cite": self.re_recognition.text(),
            "stale": self.stale,
            "milestones": [
                {"id": m.id, "label": m.label, "text": m.text, "cite": m.locator.text(),
                 "date": vi.date_short(m.date) if m.date else None, "source": src(m.source)}
                for m in self.milestones
            ],
            "warnings": list(self.warnings),
        }


# ---------------------------------------------------------------- helpers


def add_months(day: dt.date, months: int) -> dt.date:
    """Same day ``months`` later; the 31st becomes the month's last day (31/01 + 1 → 28/02 or 29/02)."""
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_working_days(start: dt.date, days: int) -> dt.date:
    """``start`` plus ``days`` working days, skipping Saturdays and Sundays only.

    Public holidays are not known here, so the true deadline can be later (callers warn).
    """
    current, left = start, days
    while left > 0:
        current += dt.timedelta(days=1)
        if current.weekday() < 5:
            left -= 1
    return current


def first_evaluation_year() -> int:
    """The first evaluation year under TT25: the year TT25 took effect (registry, 2024)."""
    entry = load_registry().by_id(tt25.load_tt25().registry_id)
    if entry is None or entry.in_force_from is None:
        raise LookupError("registry: TT25 entry or its effective date missing")
    return entry.in_force_from.year


def check_evaluation_year(evaluation_year: int) -> None:
    """Raise :class:`TimelineError` for a year before TT25 (its first year is 2024)."""
    first = first_evaluation_year()
    if evaluation_year > limits.YEAR_MAX:
        raise TimelineError(f"năm đánh giá {evaluation_year} quá xa: docgen chỉ tính mốc thời gian đến năm {limits.YEAR_MAX}")
    if evaluation_year < first:
        raise TimelineError(f"năm đánh giá {evaluation_year} trước năm {first}: TT25 chỉ áp dụng từ năm đánh giá {first} (có hiệu lực từ ngày {_tt25_effective_text()})")


def _tt25_effective_text() -> str:
    entry = load_registry().by_id(tt25.load_tt25().registry_id)
    return vi.date_short(entry.in_force_from) if entry and entry.in_force_from else "?"


def earliest_recognition(level: Level, muc_do: MucDo, evaluation_year: int) -> dt.date:
    """First day a recognition for ``evaluation_year`` can be decided: the day after the data window.

    The self-assessment uses data up to 31/12 of the evaluation year (điểm b khoản 1 Điều 9/14/19).
    """
    check_evaluation_year(evaluation_year)
    window = _required(level, "data-window")
    assert window.end is not None
    return window.end.on(evaluation_year) + dt.timedelta(days=1)


def recognition_deadline(level: Level, evaluation_year: int) -> Due | None:
    """The completion deadline (xã before 31/03/Y+1, huyện before 31/05/Y+1); tỉnh has none."""
    check_evaluation_year(evaluation_year)
    found = rule(level, "completion-due")
    if found is None or found.date is None:
        return None
    return Due(found.label, found.date.on(evaluation_year), found.before, None, found.cite.locator, found.source)


def dossier_deadline(level: Level, evaluation_year: int) -> dt.date:
    """Calendar date of the dossier deadline ("trước ngày" that date): xã 28/02, huyện 30/04, tỉnh 31/07 of Y+1."""
    check_evaluation_year(evaluation_year)
    found = _required(level, "dossier-due")
    assert found.date is not None
    return found.date.on(evaluation_year)


def latest_recognition(level: Level, evaluation_year: int) -> dt.date:
    """Last day a recognition for ``evaluation_year`` is on time.

    xã, huyện: the day before the completion deadline. tỉnh: dossier deadline (last day before
    31/07) plus 20 working days, weekends only skipped (an estimate: holidays unknown).
    """
    completion = recognition_deadline(level, evaluation_year)
    if completion is not None:
        return completion.date - dt.timedelta(days=1) if completion.before else completion.date
    within = _required(level, "decision-within")
    assert within.working_days is not None
    last_dossier_day = dossier_deadline(level, evaluation_year) - dt.timedelta(days=1)
    return add_working_days(last_dossier_day, within.working_days)


def evaluation_year_of(decision: dt.date) -> int:
    """The evaluation year a recognition decision of ``decision`` normally concerns (the year before)."""
    return decision.year - 1


# ---------------------------------------------------------------- milestones


def _confidence_word(conf: Confidence) -> str:
    return CONFIDENCE_LABELS[conf]


def _warn(label: str, value: str, locator: Locator, source: Source) -> str:
    return f"{label} ({value}; {locator.text()}): {VERIFY}, độ tin cậy {_confidence_word(source.confidence)}; nguồn: {source.ref}"


def milestones(level: Level, muc_do: MucDo, evaluation_year: int, on: dt.date | None = None) -> Timeline:
    """The timeline of one unit and evaluation year.

    ``on`` chooses the regime (addressee, decider) by the day it is read for, e.g. the date of
    a draft; by default the regime in force on the dossier due date applies.
    """
    if level not in tt25.LEVELS:
        raise TimelineError(f"cấp “{level}” không hợp lệ (xa, huyen, tinh)")
    if muc_do not in (1, 2):
        raise TimelineError(f"mức độ “{muc_do}” không hợp lệ (1 hoặc 2)")
    check_evaluation_year(evaluation_year)
    window = _required(level, "data-window")
    dossier = _required(level, "dossier-due")
    retention = _required(level, "retention")
    upgrade = _required(level, "upgrade")
    again = _required(level, "re-recognition")
    completion_rule = rule(level, "completion-due")
    within_rule = rule(level, "decision-within")
    assert window.start and window.end and dossier.date and retention.months and upgrade.months

    dossier_date = dossier.date.on(evaluation_year)
    warnings: list[str] = []
    first = regimes()[0]
    if on is not None and on < first.start:
        # A draft written before TT25 took effect: TT25's own regime is the only one to compare with.
        regime = first
        warnings.append(f"Ngày {vi.date_short(on)} trước khi TT25 có hiệu lực ({vi.date_short(first.start)}); các mốc dưới đây theo TT25")
    else:
        regime = regime_on(on or dossier_date)
    regime_level = regime.level(level)
    stale = not regime_level.available
    stale_text = regime.stale_warning(level)
    if stale_text:
        warnings.append(stale_text)
    warnings.extend(regime.warnings)

    # Under a regime that doubts TT25's calendar dates, each date is only as sure as that doubt.
    dates_source = regime_level.dates.source if regime_level.dates else None

    def dated(source: Source) -> Source:
        return _weakest(source, dates_source) if dates_source else source

    addressee = regime_level.addressee
    dossier_due = Due(dossier.label, dossier_date, dossier.before, addressee.value, dossier.cite.locator, dated(dossier.source))
    if addressee.source.confidence != "high":
        warnings.append(_warn("Nơi nhận hồ sơ", addressee.value, addressee.cite.locator, addressee.source))
    if regime_level.dates is not None and regime_level.dates.source.confidence != "high":
        warnings.append(f"{regime_level.dates.note} ({VERIFY}; nguồn: {regime_level.dates.source.ref})")

    completion_due: Due | None = None
    if completion_rule is not None and completion_rule.date is not None:
        completion_due = Due(completion_rule.label, completion_rule.date.on(evaluation_year), completion_rule.before,
                             None, completion_rule.cite.locator, dated(completion_rule.source))
    within = within_rule.working_days if within_rule else None

    decider_fact = regime_level.decider
    decider = Fact("Người quyết định công nhận", decider_fact.value, decider_fact.cite.locator, decider_fact.source)
    if decider_fact.source.confidence != "high":
        warnings.append(_warn(decider.label, decider.value, decider.locator, decider.source))

    retention_until = dt.date(evaluation_year + retention.months // 12, 12, 31)
    retention_if_decision = dt.date(evaluation_year + 1 + retention.months // 12, 12, 31)
    warnings.append(
        f"Bảo lưu {retention.months} tháng “tiếp theo năm được công nhận” ({retention.cite.locator.text()}): chưa rõ tính từ năm đánh giá "
        f"(đến {vi.date_short(retention_until)}) hay năm ra quyết định (đến {vi.date_short(retention_if_decision)}); {VERIFY}"
    )
    if muc_do == 2 and upgrade.source.confidence != "high":
        warnings.append(
            f"{upgrade.label}: sau ít nhất {upgrade.months} tháng kể từ ngày có quyết định công nhận mức độ 1 "
            f"({upgrade.cite.locator.text()}; độ tin cậy {_confidence_word(upgrade.source.confidence)}); {VERIFY}"
        )

    start, end = window.start.on(evaluation_year), window.end.on(evaluation_year)
    lines: list[Milestone] = [
        Milestone(window.id, window.label, f"từ {vi.date_short(start)} đến {vi.date_short(end)}", window.cite.locator, window.source, start, end),
        Milestone(dossier.id, f"{dossier.label} đến {addressee.value}", dossier_due.text(), dossier.cite.locator,
                  _weakest(dossier_due.source, addressee.source), dossier_date),
    ]
    if completion_due is not None and completion_rule is not None:
        lines.append(Milestone(completion_rule.id, completion_rule.label, completion_due.text(), completion_rule.cite.locator,
                               completion_due.source, completion_due.date))
    if within_rule is not None:
        lines.append(Milestone(within_rule.id, within_rule.label, f"trong {within} ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ",
                               within_rule.cite.locator, within_rule.source))
    lines.append(Milestone(f"{level}.decider", decider.label, decider.value, decider.locator, decider.source))
    lines.append(Milestone(retention.id, retention.label, f"{retention.months} tháng tiếp theo năm được công nhận (đến {vi.date_short(retention_until)})",
                           retention.cite.locator, retention.source, retention_until))
    lines.append(Milestone(upgrade.id, upgrade.label, f"sau ít nhất {upgrade.months} tháng kể từ ngày có quyết định công nhận mức độ 1",
                           upgrade.cite.locator, upgrade.source))
    lines.append(Milestone(again.id, again.label, f"theo quy định tại khoản 1, khoản 2 Điều {again.cite.article}", again.cite.locator, again.source))

    return Timeline(
        level=level,
        muc_do=muc_do,
        evaluation_year=evaluation_year,
        regime=regime,
        criteria_article=tt25.criteria_article(level, muc_do),
        data_window=(start, end),
        data_window_locator=window.cite.locator,
        dossier_due=dossier_due,
        completion_due=completion_due,
        decision_within_working_days=within,
        decision_locator=within_rule.cite.locator if within_rule else None,
        decider=decider,
        retention_months=retention.months,
        retention_until=retention_until,
        retention_until_if_decision_year=retention_if_decision,
        retention_locator=retention.cite.locator,
        upgrade_months=upgrade.months,
        upgrade_locator=upgrade.cite.locator,
        upgrade_source=upgrade.source,
        re_recognition=again.cite.locator,
        stale=stale,
        milestones=tuple(lines),
        warnings=tuple(dict.fromkeys(warnings)),
    )


_RANK: dict[str, int] = {"high": 3, "medium": 2, "low": 1, "not-found": 0}


def _weakest(a: Source, b: Source) -> Source:
    """The less certain of two sources (a milestone is only as sure as its weakest fact)."""
    return a if _RANK[a.confidence] <= _RANK[b.confidence] else b


# ---------------------------------------------------------------- additions for plans (tien_do)
#
# Nothing above changes: ``docgen timeline`` and the checker keep their weekend-only estimate.
# Plans that write a date computed from working days use the calendar below, which also skips
# Vietnamese public holidays, and say so in a footnote (:func:`working_day_assumption`).

HOLIDAY_LIBRARY: Final = "holidays"


def rule_by_id(milestone_id: str) -> MilestoneRule | None:
    """The data-file rule behind a :class:`Milestone` id ("xa.dossier-due"), or None (e.g. "xa.decider")."""
    return next((m for m in load_timeline().milestones if m.id == milestone_id), None)


@cache
def public_holidays(year: int) -> dict[dt.date, str]:
    """Vietnamese public holidays of ``year`` (lunar Tết included) from the maintained ``holidays`` library.

    Imported here, not at the top: only a plan with working days needs it (about 0.3 s the first time).
    """
    import holidays

    calendar_vn = holidays.country_holidays("VN", years=year)
    return {day: str(name) for day, name in calendar_vn.items()}


def is_working_day(day: dt.date) -> bool:
    """Monday to Friday and not a Vietnamese public holiday (as the library knows them)."""
    return day.weekday() < 5 and day not in public_holidays(day.year)


def shift_working_days(start: dt.date, days: int) -> dt.date:
    """``start`` moved by ``days`` working days (negative: earlier), skipping weekends and holidays.

    ``start`` itself is not counted: 1 working day after Friday 01/05/2026 (a holiday) is Monday
    04/05/2026.
    """
    step = 1 if days >= 0 else -1
    current, left = start, abs(days)
    while left > 0:
        current += dt.timedelta(days=step)
        if is_working_day(current):
            left -= 1
    return current


def latest_decision(level: Level, evaluation_year: int) -> tuple[dt.date, dt.date] | None:
    """For a level whose decision comes within N working days (tỉnh, điểm e khoản 2 Điều 19):
    the last day a dossier is on time and the decision date if a complete dossier arrives that day,
    counting weekends and public holidays (:func:`shift_working_days`). None for other levels.
    """
    within = rule(level, "decision-within")
    if within is None or within.working_days is None:
        return None
    due = _required(level, "dossier-due")
    assert due.date is not None
    last = due.date.on(evaluation_year) - (dt.timedelta(days=1) if due.before else dt.timedelta(0))
    return last, shift_working_days(last, within.working_days)


def holidays_between(first: dt.date, last: dt.date) -> list[dt.date]:
    """Public holidays from ``first`` to ``last`` (both included, either order) that fall on a weekday."""
    low, high = min(first, last), max(first, last)
    days = (day for year in range(low.year, high.year + 1) for day in public_holidays(year))
    return sorted(day for day in days if low <= day <= high and day.weekday() < 5)


def working_day_assumption(spans: Iterable[tuple[dt.date, dt.date]]) -> str:
    """The Vietnamese footnote stating how working days were counted over ``spans`` and which
    holidays fell on weekdays inside them."""
    days = sorted({day for first, last in spans for day in holidays_between(first, last)})
    listed = f"các ngày nghỉ lễ, Tết đã trừ: {', '.join(vi.date_short(d) for d in days)}" if days else "trong khoảng tính không có ngày nghỉ lễ, Tết nào rơi vào ngày làm việc"
    return (
        # An official document does not name software: the holidays come from the maintained
        # ``holidays`` library (HOLIDAY_LIBRARY, docs/spec.md), the footnote says which days they are.
        f"Ngày làm việc tính từ thứ Hai đến thứ Sáu, trừ các ngày nghỉ lễ, Tết; {listed}. Lịch nghỉ bù, "
        f"hoán đổi ngày làm việc do Thủ tướng Chính phủ quyết định hằng năm có thể khác; {VERIFY}."
    )


def deadline_of(level: Level, kind: MilestoneKind, evaluation_year: int) -> Due | None:
    """The date an act tied to a milestone must precede, as a :class:`Due`, or None when the law
    gives none (retention, upgrade, re-recognition).

    data window: its last day (to that day included); dossier, completion: the "trước ngày" date;
    decision within N working days (tỉnh): the decision date if a complete dossier arrives on
    the last day before the dossier deadline (:func:`latest_decision`, holidays counted).
    """
    check_evaluation_year(evaluation_year)
    found = rule(level, kind)
    if found is None:
        return None
    if kind == "data-window" and found.end is not None:
        return Due(found.label, found.end.on(evaluation_year), False, None, found.cite.locator, found.source)
    if kind in ("dossier-due", "completion-due") and found.date is not None:
        return Due(found.label, found.date.on(evaluation_year), found.before, None, found.cite.locator, found.source)
    if kind == "decision-within":
        latest = latest_decision(level, evaluation_year)
        if latest is not None:
            return Due(found.label, latest[1], False, None, found.cite.locator, found.source)
    return None
