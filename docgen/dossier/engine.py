"""Assessment engine: which mức độ a unit meets under TT25, and why not.

Rules (tt25.md §4):
- a mức độ is met when every tiêu chí of its article is met, and a tiêu chí when every chỉ tiêu
  is met (khoản 1, điểm b khoản 2 Điều 8, 13, 18);
- a chỉ tiêu with a threshold in the catalogue is judged on its figures as well as on the claim;
  the two must agree (a disagreement is flagged and the chỉ tiêu counts as không đạt);
- huyện and tỉnh: the share of lower units recognised (≥ 90 %) is computed from the counts
  (điểm a khoản 4 Điều 11, 12, 16, 17);
- mức độ 2 after a mức-1 recognition: at least 12 months after that decision (khoản 3 Điều 5,
  10, 15, medium), as the law layer's timeline states it (``timeline.milestones``);
- bảo lưu 36 months (khoản 4 Điều 5, 10, 15) only produces notes: whether it counts from the
  evaluation year or the decision year is an open question (tt25.md §10).

The engine never prints; :func:`assess` returns an :class:`Assessment` and :func:`require`
raises :class:`DossierRefused` when the request exceeds what the unit meets.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any, Literal

from docgen import vi
from docgen.errors import DocgenError, Location
from docgen.law import timeline, tt25
from docgen.law.criteria import CriteriaSet, Indicator, Threshold, catalog
from docgen.dossier.spec import Result, SelfAssessment, position

Severity = Literal["warning", "info"]


class DossierRefused(DocgenError):
    """The unit asks for a mức độ it does not meet: the message lists every reason."""


@dataclass(frozen=True)
class Note:
    """Something the user should know: a flagged contradiction, an interpretation to verify."""

    severity: Severity
    message: str
    code: str = ""  # chỉ tiêu code when the note is about one


@dataclass(frozen=True)
class IndicatorOutcome:
    """One chỉ tiêu judged for one mức độ."""

    indicator: Indicator
    result: Result | None
    met: bool
    measured: bool | None  # verdict of the figures; None when there is no threshold or no figure
    figures: str  # "62,5 % (yêu cầu ≥ 60 %)", empty when none
    reasons: tuple[str, ...]

    @property
    def claimed(self) -> bool | None:
        return None if self.result is None else self.result.met


@dataclass
class LevelOutcome:
    """Every chỉ tiêu of one mức độ, and the conditions outside the chỉ tiêu."""

    muc_do: int
    criteria: CriteriaSet
    indicators: list[IndicatorOutcome]
    conditions: list[str] = field(default_factory=list)  # unmet conditions, with their clause

    @property
    def indicators_met(self) -> bool:
        return all(o.met for o in self.indicators)

    @property
    def met(self) -> bool:
        return self.indicators_met and not self.conditions

    def reasons(self) -> list[str]:
        out = [reason for o in self.indicators if not o.met for reason in o.reasons]
        return out + self.conditions

    def criterion_met(self, clause: int) -> bool:
        return all(o.met for o in self.indicators if o.indicator.criterion == clause)


@dataclass
class Assessment:
    spec: SelfAssessment
    on: dt.date
    levels: dict[int, LevelOutcome]
    notes: list[Note]

    @property
    def requested(self) -> int:
        return self.spec.requested

    @property
    def supported(self) -> int | None:
        """The highest mức độ the unit meets, None when it meets none."""
        met = [m for m, outcome in self.levels.items() if outcome.met]
        return max(met) if met else None

    @property
    def outcome(self) -> LevelOutcome:
        """The outcome for the requested mức độ (what the documents report)."""
        return self.levels[self.requested]

    def refusal(self) -> str | None:
        """Why the request cannot go ahead, or None."""
        supported = self.supported
        if supported is not None and supported >= self.requested:
            return None
        unit = self.spec.unit.full_name
        level = vi.LEVELS[self.spec.unit.level]
        head = f"{unit} chưa đáp ứng “Cộng đồng học tập” {level} mức độ {self.requested}"
        if supported is not None:
            head += f" (đáp ứng mức độ {supported}: hãy đề nghị mức độ {supported})"
        reasons = "\n".join(f"  - {r}" for r in self.outcome.reasons())
        return f"{head}:\n{reasons}"


def _number(value: float) -> str:
    """Vietnamese decimal comma: 62.5 → "62,5"."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


_FIGURE_WORDS: dict[str, str] = {
    "ty_le": "tỷ lệ",
    "ty_le_dai_hoc": "tỷ lệ có trình độ đại học trở lên",
    "so_chuong_trinh": "số chương trình",
    "muc_do_dat": "mức độ đạt chuẩn",
    "dat_chuan": "đạt chuẩn",
}


def _judge(
    threshold: Threshold, ind: Indicator, spec: SelfAssessment, muc_do: int, result: Result | None
) -> tuple[bool | None, str, str | None]:
    """(verdict or None when no figure, figure text, reason when not met)."""
    hard = spec.unit.hard_area
    required = threshold.required(hard)
    where = f"{ind.cite()} (chỉ tiêu {ind.code})"
    if threshold.lower_units:
        lower = spec.lower_units
        if lower is None:
            return None, "", None
        count = lower.level2 if muc_do == 2 else lower.level1 + lower.level2
        share = Fraction(100 * count, lower.total)
        words = "xã" if spec.unit.level == "huyen" else "huyện"
        text = f"{count}/{lower.total} {words} ({_number(float(share))} %; yêu cầu ≥ {_number(required or 0)} %)"
        ok = share >= Fraction(str(required))
        reason = None if ok else (
            f"{where}: {count}/{lower.total} {words} đạt mức độ {muc_do} trở lên, "
            f"chỉ {_number(float(share))} %, dưới {_number(required or 0)} %"
        )
        return ok, text, reason
    figures = result.figures if result else None
    if threshold.kind in ("increase", "decrease"):
        if figures is None or figures.previous_year is None or figures.this_year is None:
            return None, "", None
        unit = f" {figures.unit}" if figures.unit else ""
        prev, now = figures.previous_year, figures.this_year
        ok = now > prev if threshold.kind == "increase" else now < prev
        verb = "tăng" if threshold.kind == "increase" else "giảm"
        text = f"năm trước {_number(prev)}{unit}, năm {spec.year} {_number(now)}{unit} (yêu cầu {verb})"
        reason = None if ok else f"{where}: năm {spec.year} {_number(now)}{unit} không {verb} so với năm trước {_number(prev)}{unit}"
        return ok, text, reason
    assert threshold.figure is not None
    value = figures.get(threshold.figure) if figures else None
    if value is None:
        return None, "", None
    word = _FIGURE_WORDS.get(threshold.figure, threshold.figure)
    if threshold.kind == "boolean":
        ok = value is True
        return ok, f"{word}: {'có' if ok else 'không'}", None if ok else f"{where}: chưa {word}"
    assert required is not None
    number = float(value)
    suffix = " %" if threshold.kind == "percent" else ""
    hard_note = " (xã vùng khó khăn)" if hard and threshold.vung_kho_khan is not None else ""
    text = f"{word} {_number(number)}{suffix} (yêu cầu ≥ {_number(required)}{suffix}{hard_note})"
    ok = Fraction(str(number)) >= Fraction(str(required))
    reason = None if ok else f"{where}: {word} {_number(number)}{suffix}, dưới mức yêu cầu {_number(required)}{suffix}{hard_note}"
    return ok, text, reason


def _outcome(ind: Indicator, spec: SelfAssessment, muc_do: int, notes: list[Note]) -> IndicatorOutcome:
    result = spec.results.get(ind.code)
    where = f"{ind.cite()} (chỉ tiêu {ind.code})"
    verdicts: list[bool] = []
    texts: list[str] = []
    reasons: list[str] = []
    for threshold in ind.thresholds:
        ok, text, reason = _judge(threshold, ind, spec, muc_do, result)
        if ok is not None:
            verdicts.append(ok)
            texts.append(text)
        if reason:
            reasons.append(reason)
    measured: bool | None = None
    if not all(verdicts):
        measured = False
    elif verdicts and len(verdicts) == len(ind.thresholds):
        measured = True
    is_requested = muc_do == spec.requested
    if result is None:
        missing = f"{where}: chưa có kết quả tự đánh giá “{ind.title}”"
        if measured is True:
            return IndicatorOutcome(ind, None, True, measured, "; ".join(texts), ())
        return IndicatorOutcome(ind, None, False, measured, "; ".join(texts), (missing, *reasons))
    if ind.thresholds and measured is None and is_requested:
        notes.append(Note("warning", f"{where}: thiếu số liệu để đối chiếu ngưỡng; kết luận dựa trên kết quả tự nhận", ind.code))
    if measured is not None and measured != result.met and is_requested:
        claim = "đạt" if result.met else "không đạt"
        verdict = "đạt" if measured else "không đạt"
        notes.append(Note("warning", f"{where}: tự đánh giá “{claim}” nhưng số liệu cho thấy “{verdict}” ({'; '.join(texts)})", ind.code))
    if measured is None:
        # No figures: the claim stands for the requested mức độ; for the other one only where the
        # chỉ tiêu has no threshold (TC1–3 are the same text at both mức độ).
        met = result.met and (is_requested or not ind.thresholds)
    elif is_requested:
        met = measured and result.met  # a contradiction (flagged above) counts as không đạt
    else:
        met = measured  # the claim was made against the other mức độ's threshold
    if is_requested and spec.unit.hard_area and ind.vung_kho_khan_source is not None and ind.vung_kho_khan_source.confidence != "high":
        notes.append(Note("info", f"{where}: ngưỡng cho xã vùng khó khăn theo {ind.vung_kho_khan_source.ref} "
                                  f"(độ tin cậy {timeline.CONFIDENCE_LABELS[ind.vung_kho_khan_source.confidence]}): {timeline.VERIFY}", ind.code))
    if not met and not reasons:
        if not result.met:
            reasons.append(f"{where}: tự đánh giá không đạt")
        else:
            reasons.append(f"{where}: không có số liệu để xác định đạt mức độ {muc_do}")
    return IndicatorOutcome(ind, result, met, measured, "; ".join(texts), tuple(reasons) if not met else ())


def assess(spec: SelfAssessment, on: dt.date) -> Assessment:
    """Judge the spec against mức độ 1 and 2. ``on``: the date of the request (the Tờ trình)."""
    level = spec.unit.level
    notes: list[Note] = []
    levels: dict[int, LevelOutcome] = {}
    for muc_do in (1, 2):
        cset = catalog().get(level, muc_do)
        outcomes = [_outcome(ind, spec, muc_do, notes) for ind in cset.indicators()]
        levels[muc_do] = LevelOutcome(muc_do, cset, outcomes)

    prev = spec.previous
    upgrade_rule = timeline.milestones(level, 2, spec.year, on=on)
    window_end = upgrade_rule.data_window[1]
    if on <= window_end:
        notes.append(Note(
            "warning",
            f"Tờ trình ngày {vi.date_short(on)} khi chưa hết năm đánh giá {spec.year}: số liệu tính đến ngày "
            f"{vi.date_short(window_end)} ({upgrade_rule.data_window_locator.text()})",
        ))
    if prev is not None and prev.muc_do == 1:
        earliest = upgrade_rule.earliest_upgrade(prev.decision_date)
        if on < earliest:
            levels[2].conditions.append(
                f"{upgrade_rule.upgrade_locator.text()}: đề nghị mức độ 2 phải sau ít nhất {upgrade_rule.upgrade_months} tháng "
                f"kể từ quyết định công nhận mức độ 1 ngày {vi.date_short(prev.decision_date)} "
                f"(sớm nhất ngày {vi.date_short(earliest)}; ngày đề nghị {vi.date_short(on)})"
            )
        if spec.requested == 2 and upgrade_rule.upgrade_source.confidence != "high":
            notes.append(Note("info", f"điều kiện {upgrade_rule.upgrade_months} tháng ({upgrade_rule.upgrade_locator.text()}) có độ tin cậy "
                                      f"{timeline.CONFIDENCE_LABELS[upgrade_rule.upgrade_source.confidence]}: {timeline.VERIFY}"))
    if prev is None and spec.requested == 2:
        procedure = tt25.Locator(tt25.procedure_article(level), 1, "d").text()
        notes.append(Note(
            "warning",
            f"{spec.unit.full_name} chưa được công nhận mức độ 1; TT25 không nói rõ có được đề nghị thẳng mức độ 2 ({procedure}): {timeline.VERIFY}",
        ))
    if prev is not None:
        year = prev.year if prev.year is not None else timeline.evaluation_year_of(prev.decision_date)
        kept = timeline.milestones(level, prev.muc_do, spec.year, on=on)  # months and clause only
        years = kept.retention_months // 12  # "3 năm (36 tháng) tiếp theo năm được công nhận"
        until, until_late = dt.date(year + years, 12, 31), dt.date(year + 1 + years, 12, 31)
        state = "còn" if on <= until else ("có thể còn" if on <= until_late else "đã hết")
        notes.append(Note(
            "info",
            f"kết quả công nhận mức độ {prev.muc_do} {state} thời hạn bảo lưu {kept.retention_months} tháng "
            f"({kept.retention_locator.text()}): đến {vi.date_short(until)} nếu tính từ năm đánh giá {year}, "
            f"đến {vi.date_short(until_late)} nếu tính từ năm ra quyết định; {timeline.VERIFY}",
        ))
    return Assessment(spec, on, levels, notes)


def require(assessment: Assessment, path: Path | None = None, tree: Any = None) -> None:
    """Raise :class:`DossierRefused` (exit 2) when the request exceeds what the unit meets."""
    message = assessment.refusal()
    if message is None:
        return
    loc = None
    if path is not None:
        line, col = position(tree, "muc_do_de_nghi") if tree is not None else (0, 0)
        loc = Location(str(path), line, col, "muc_do_de_nghi")
    raise DossierRefused(message, loc)
