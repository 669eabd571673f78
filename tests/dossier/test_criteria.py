"""The criteria catalogue against the article map and the reference thresholds (tt25.md §3)."""

from __future__ import annotations

import pytest

from docgen.law import tt25
from docgen.law.criteria import catalog

LEVELS = [("xa", 1), ("xa", 2), ("huyen", 1), ("huyen", 2), ("tinh", 1), ("tinh", 2)]


@pytest.mark.parametrize(("level", "muc_do"), LEVELS)
def test_article_and_counts_match_the_article_map(level: str, muc_do: int) -> None:
    entry = catalog().get(level, muc_do)
    count = tt25.criteria(level, muc_do)  # type: ignore[arg-type]
    assert entry.article == count.article
    assert len(entry.criteria) == count.tieu_chi
    assert len(entry.indicators()) == count.chi_tieu


@pytest.mark.parametrize(("level", "muc_do"), LEVELS)
def test_every_locator_is_not_known_to_be_wrong(level: str, muc_do: int) -> None:
    for ind in catalog().get(level, muc_do).indicators():
        assert tt25.clause_exists(ind.locator()) is not False, ind.cite()


def test_level_2_reuses_clauses_1_to_3_of_level_1() -> None:
    md2 = catalog().get("xa", 2)
    assert md2.indicator("1.a").cite() == "điểm a khoản 1 Điều 6"
    assert md2.indicator("5.b").cite() == "điểm b khoản 5 Điều 7"


@pytest.mark.parametrize(
    ("muc_do", "code", "figure", "value", "hard"),
    [
        (1, "5.a", "ty_le", 60, None),
        (1, "5.b", "ty_le", 50, 40),
        (1, "5.b", "ty_le_dai_hoc", 12, 10),
        (2, "5.a", "ty_le", 80, None),
        (2, "5.b", "ty_le", 60, 50),
        (2, "5.b", "ty_le_dai_hoc", 15, 12),
    ],
)
def test_commune_thresholds(muc_do: int, code: str, figure: str, value: float, hard: float | None) -> None:
    thresholds = {t.figure: t for t in catalog().get("xa", muc_do).indicator(code).thresholds}
    assert thresholds[figure].value == value
    assert thresholds[figure].vung_kho_khan == hard


@pytest.mark.parametrize(("level", "muc_do"), [("huyen", 1), ("huyen", 2), ("tinh", 1), ("tinh", 2)])
def test_lower_unit_share_is_ninety_percent(level: str, muc_do: int) -> None:
    (threshold,) = catalog().get(level, muc_do).indicator("4.a").thresholds
    assert threshold.lower_units and threshold.kind == "percent" and threshold.value == 90
