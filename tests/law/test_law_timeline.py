"""Timeline: dates per level, the regime switch, and the cites in timeline.yaml."""

from __future__ import annotations

import datetime as dt
import re
from importlib import resources
from pathlib import Path

import pytest
from ruamel.yaml import YAML

import docgen
from docgen.errors import DocgenError
from docgen.law import timeline as tl
from docgen.law.tt25 import Level, Locator, clause_exists


def raw_timeline() -> dict[str, object]:
    text = resources.files("docgen.law").joinpath("data", "timeline.yaml").read_text(encoding="utf-8")
    data = YAML(typ="safe", pure=True).load(text)
    assert isinstance(data, dict)
    return data


def all_cites_and_sources(node: object, path: str = "") -> list[tuple[str, dict[str, object]]]:
    """Every mapping under a ``cite`` key, found by walking the raw YAML."""
    out: list[tuple[str, dict[str, object]]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "cite" and isinstance(value, dict):
                out.append((path, value))
            out.extend(all_cites_and_sources(value, f"{path}.{key}"))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out.extend(all_cites_and_sources(value, f"{path}[{i}]"))
    return out


def test_every_cite_names_a_place_present_in_tt25() -> None:
    cites = all_cites_and_sources(raw_timeline())
    assert len(cites) >= 18 + 12  # 18 milestones + 2 regimes × 3 levels × 2 facts
    for path, cite in cites:
        article = cite["article"]
        clause = cite.get("clause")
        point = cite.get("point")
        assert isinstance(article, int)
        locator = Locator(article, clause if isinstance(clause, int) else None, point if isinstance(point, str) else None)
        assert clause_exists(locator) is True, (path, locator.text())


def test_every_milestone_and_regime_fact_has_a_source() -> None:
    data = raw_timeline()
    milestones = data["milestones"]
    assert isinstance(milestones, list)
    for m in milestones:
        assert m["source"]["ref"] and m["source"]["confidence"] in {"high", "medium", "low", "not-found"}, m["id"]
    regimes = data["regimes"]
    assert isinstance(regimes, list)
    for r in regimes:
        assert r["source"]["ref"]
        for level in ("xa", "huyen", "tinh"):
            for fact in ("addressee", "decider"):
                assert r["levels"][level][fact]["source"]["confidence"], (r["id"], level, fact)


# ---------------------------------------------------------------- dates (tt25.md §5, typed here)


@pytest.mark.parametrize(
    ("level", "dossier", "completion"),
    [("xa", dt.date(2025, 2, 28), dt.date(2025, 3, 31)), ("huyen", dt.date(2025, 4, 30), dt.date(2025, 5, 31)), ("tinh", dt.date(2025, 7, 31), None)],
)
def test_deadlines_for_evaluation_year_2024(level: Level, dossier: dt.date, completion: dt.date | None) -> None:
    t = tl.milestones(level, 1, 2024)
    assert t.data_window == (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert t.dossier_due.date == dossier and t.dossier_due.before
    if completion is None:
        assert t.completion_due is None
        assert t.decision_within_working_days == 20
        assert t.decision_locator == Locator(19, 2, "e")
    else:
        assert t.completion_due is not None and t.completion_due.date == completion and t.completion_due.before
        assert t.decision_within_working_days is None


def test_locators_of_xa_milestones() -> None:
    t = tl.milestones("xa", 1, 2024)
    assert t.data_window_locator == Locator(9, 1, "b")
    assert t.dossier_due.locator == Locator(9, 1, "d")
    assert t.completion_due is not None and t.completion_due.locator == Locator(9, 3)
    assert t.re_recognition == Locator(9, 4)
    assert t.retention_locator == Locator(5, 4)
    assert t.upgrade_locator == Locator(5, 3)
    assert t.criteria_article == 6


def test_re_recognition_clause_per_level() -> None:
    assert tl.milestones("huyen", 2, 2024).re_recognition == Locator(14, 4)
    assert tl.milestones("tinh", 2, 2024).re_recognition == Locator(19, 3)
    assert tl.milestones("huyen", 2, 2024).criteria_article == 12


def test_retention_and_upgrade() -> None:
    t = tl.milestones("xa", 1, 2024)
    assert t.retention_months == 36
    assert t.retention_until == dt.date(2027, 12, 31)
    assert t.retention_until_if_decision_year == dt.date(2028, 12, 31)
    assert any("năm ra quyết định" in w for w in t.warnings)
    assert t.earliest_upgrade(dt.date(2025, 3, 15)) == dt.date(2026, 3, 15)
    assert t.upgrade_source.confidence == "medium"


def test_add_months_and_working_days() -> None:
    assert tl.add_months(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)
    assert tl.add_months(dt.date(2024, 2, 29), 12) == dt.date(2025, 2, 28)
    # Wed 30/07/2025 + 20 working days (weekends skipped) = Wed 27/08/2025.
    assert tl.add_working_days(dt.date(2025, 7, 30), 20) == dt.date(2025, 8, 27)


def test_recognition_window_helpers() -> None:
    assert tl.earliest_recognition("xa", 1, 2024) == dt.date(2025, 1, 1)
    deadline = tl.recognition_deadline("xa", 2024)
    assert deadline is not None and deadline.date == dt.date(2025, 3, 31) and deadline.before
    assert deadline.is_late(dt.date(2025, 3, 31)) and not deadline.is_late(dt.date(2025, 3, 30))
    assert tl.latest_recognition("xa", 2024) == dt.date(2025, 3, 30)
    assert tl.latest_recognition("huyen", 2024) == dt.date(2025, 5, 30)
    assert tl.recognition_deadline("tinh", 2024) is None
    assert tl.latest_recognition("tinh", 2024) == dt.date(2025, 8, 27)
    assert tl.dossier_deadline("huyen", 2025) == dt.date(2026, 4, 30)
    assert tl.evaluation_year_of(dt.date(2025, 3, 15)) == 2024


def test_evaluation_year_before_tt25_is_refused() -> None:
    assert tl.first_evaluation_year() == 2024
    with pytest.raises(tl.TimelineError) as err:
        tl.milestones("xa", 1, 2023)
    assert isinstance(err.value, DocgenError)
    assert "2024" in str(err.value)
    with pytest.raises(tl.TimelineError):
        tl.earliest_recognition("xa", 1, 2023)


# ---------------------------------------------------------------- regimes


def test_regime_switch_between_30_06_and_01_07_2025() -> None:
    assert tl.regime_on(dt.date(2025, 6, 30)).id == "tt25-2023"
    assert tl.regime_on(dt.date(2025, 7, 1)).id == "two-tier-2025"
    assert tl.regime_on(dt.date(2024, 2, 12)).id == "tt25-2023"
    with pytest.raises(tl.TimelineError):
        tl.regime_on(dt.date(2024, 2, 11))


def test_addressee_before_and_after_the_switch() -> None:
    before = tl.milestones("xa", 1, 2024, on=dt.date(2025, 6, 30))
    after = tl.milestones("xa", 1, 2024, on=dt.date(2025, 7, 1))
    assert before.dossier_due.addressee == "Phòng Giáo dục và Đào tạo"
    assert before.decider.value == "Trưởng phòng Giáo dục và Đào tạo"
    assert before.decider.source.confidence == "high"
    assert after.dossier_due.addressee == "Sở Giáo dục và Đào tạo"
    assert after.regime.level("xa").addressee.source.confidence == "medium"
    assert after.decider.source.confidence == "low"
    assert any("cần xác minh" in w and "Sở Giáo dục và Đào tạo" in w for w in after.warnings)
    assert after.dossier_due.date == before.dossier_due.date == dt.date(2025, 2, 28)


def test_default_regime_follows_the_dossier_due_date() -> None:
    assert tl.milestones("xa", 1, 2024).regime.id == "tt25-2023"  # due 28/02/2025
    assert tl.milestones("xa", 1, 2025).regime.id == "two-tier-2025"  # due 28/02/2026


def test_huyen_is_stale_under_two_tier() -> None:
    t = tl.milestones("huyen", 1, 2025)
    assert t.stale
    assert any("cấp huyện" in w and "01/07/2025" in w for w in t.warnings)
    assert not tl.milestones("huyen", 1, 2024).stale


def test_tinh_and_huyen_addressees_under_tt25() -> None:
    assert tl.milestones("huyen", 1, 2024).dossier_due.addressee == "Sở Giáo dục và Đào tạo"
    assert tl.milestones("huyen", 1, 2024).decider.value == "Giám đốc Sở Giáo dục và Đào tạo"
    tinh = tl.milestones("tinh", 1, 2024, on=dt.date(2025, 6, 30))
    assert tinh.dossier_due.addressee == "Bộ Giáo dục và Đào tạo"
    assert tinh.decider.value == "Bộ trưởng Bộ Giáo dục và Đào tạo"


def test_high_confidence_timeline_has_only_the_open_retention_question() -> None:
    t = tl.milestones("xa", 1, 2024)
    assert len(t.warnings) == 1


SWITCH_LITERALS = [
    re.compile(r"date\(\s*2025\s*,\s*0?7\s*,\s*0?1\s*\)"),
    re.compile(r"[\"']2025-07-01[\"']"),
    re.compile(r"parse_date\(\s*[\"']0?1/0?7/2025[\"']\s*\)"),
]


def test_switch_date_is_not_hard_coded_in_code() -> None:
    root = Path(docgen.__file__).parent
    for path in root.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for pattern in SWITCH_LITERALS:
            assert not pattern.search(text), (str(path), pattern.pattern)


def test_day_before_tt25_uses_tt25_with_a_warning() -> None:
    t = tl.milestones("xa", 1, 2024, on=dt.date(2024, 1, 15))
    assert t.regime.id == "tt25-2023"
    assert any("15/01/2024" in w and "12/02/2024" in w for w in t.warnings)


def test_dates_under_two_tier_are_only_as_sure_as_the_regime_says() -> None:
    xa = tl.milestones("xa", 1, 2025)
    assert xa.dossier_due.date == dt.date(2026, 2, 28)
    assert xa.dossier_due.source.confidence == "medium"
    huyen = tl.milestones("huyen", 1, 2025)
    assert huyen.completion_due is not None and huyen.completion_due.source.confidence == "low"
    assert tl.milestones("xa", 1, 2024).dossier_due.source.confidence == "high"
