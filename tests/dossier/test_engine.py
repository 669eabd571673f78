"""The assessment engine's decisions on the edge cases of TT25 (tt25.md §3, §4)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from docgen.dossier.engine import DossierRefused, assess, require
from docgen.dossier.spec import load_self_assessment
from docgen.errors import SpecError

SpecWriter = Callable[..., Path]
Spec = dict[str, Any]



def _assess(path: Path, on: dt.date = dt.date(2025, 1, 20)):  # type: ignore[no-untyped-def]
    spec, tree = load_self_assessment(path)
    return assess(spec, on), tree


def test_commune_meeting_everything_is_supported_at_both_levels(write_spec: SpecWriter, xa: Spec) -> None:
    result, _ = _assess(write_spec(xa))
    assert result.supported == 2
    assert result.refusal() is None


def test_one_indicator_missing_refuses_with_its_clause(write_spec: SpecWriter, xa: Spec) -> None:
    data = xa
    del data["chi_tieu"]["3.b"]
    path = write_spec(data)
    result, tree = _assess(path)
    assert result.supported is None
    with pytest.raises(DossierRefused) as err:
        require(result, path, tree)
    message = str(err.value)
    assert "điểm b khoản 3 Điều 6" in message
    assert err.value.exit_code == 2
    lines = path.read_text(encoding="utf-8").splitlines()
    request_line = next(i for i, line in enumerate(lines, 1) if line.startswith("muc_do_de_nghi"))
    assert err.value.location is not None and err.value.location.line == request_line


def test_claimed_not_met_indicator_blocks_the_level(write_spec: SpecWriter, xa: Spec) -> None:
    data = xa
    data["chi_tieu"]["1.c"]["dat"] = False
    result, _ = _assess(write_spec(data))
    assert result.supported is None
    assert any("điểm c khoản 1 Điều 6" in r for r in result.outcome.reasons())


@pytest.mark.parametrize(("recognised", "supported"), [(89, None), (90, 1)])
def test_district_needs_ninety_percent_of_communes(write_spec: SpecWriter, huyen: Spec, recognised: int, supported: int | None) -> None:
    data = huyen
    data["don_vi_cap_duoi"] = {"tong_so": 100, "muc_do_1": recognised, "muc_do_2": 0}
    result, _ = _assess(write_spec(data), dt.date(2025, 3, 25))
    assert result.supported == supported
    if supported is None:
        assert any("điểm a khoản 4 Điều 11" in r and "89 %" in r for r in result.outcome.reasons())


def test_ninety_percent_computed_exactly_from_counts(write_spec: SpecWriter, huyen: Spec) -> None:
    data = huyen
    data["don_vi_cap_duoi"] = {"tong_so": 30, "muc_do_1": 20, "muc_do_2": 7}  # 27/30 = 90 %
    result, _ = _assess(write_spec(data), dt.date(2025, 3, 25))
    assert result.levels[1].met
    assert not result.levels[2].met  # 7/30 at mức độ 2


@pytest.mark.parametrize(("letter", "allowed"), [(dt.date(2025, 2, 14), False), (dt.date(2025, 3, 15), True)])
def test_level_2_needs_twelve_months_after_level_1(write_spec: SpecWriter, xa: Spec, letter: dt.date, allowed: bool) -> None:
    data = xa
    data["muc_do_de_nghi"] = 2
    data["cong_nhan_truoc"] = {"muc_do": 1, "ngay_quyet_dinh": "15/03/2024"}
    data["ngay"] = letter.strftime("%d/%m/%Y")
    result, _ = _assess(write_spec(data), letter)
    assert (result.refusal() is None) is allowed
    if not allowed:  # 11 months after the decision
        assert result.supported == 1
        assert "12 tháng" in (result.refusal() or "")
        assert "khoản 3 Điều 5" in (result.refusal() or "")


@pytest.mark.parametrize(("hard", "level_1"), [(True, True), (False, False)])
def test_hard_area_commune_at_45_percent(write_spec: SpecWriter, xa: Spec, hard: bool, level_1: bool) -> None:
    data = xa
    data["don_vi"]["vung_kho_khan"] = hard
    data["chi_tieu"]["5.b"]["so_lieu"] = {"ty_le": 45.0, "ty_le_dai_hoc": 11.0}
    data["chi_tieu"]["5.b"]["dat"] = hard
    result, _ = _assess(write_spec(data))
    assert result.levels[1].met is level_1
    assert not result.levels[2].met  # 45 % < 50 % even for a hard area at mức độ 2


def test_figures_contradicting_the_claim_are_flagged(write_spec: SpecWriter, xa: Spec) -> None:
    data = xa
    data["chi_tieu"]["5.a"]["so_lieu"] = {"ty_le": 55.0}  # claimed đạt, below 60 %
    result, _ = _assess(write_spec(data))
    flagged = [n for n in result.notes if n.code == "5.a" and n.severity == "warning"]
    assert flagged and "55 %" in flagged[0].message
    assert not result.levels[1].met


def test_asking_less_than_supported_is_accepted(write_spec: SpecWriter, xa: Spec) -> None:
    result, _ = _assess(write_spec(xa))
    assert result.requested == 1 and result.supported == 2 and result.refusal() is None


def test_asking_more_than_met_names_the_level_met(write_spec: SpecWriter, xa: Spec) -> None:
    data = xa
    data["muc_do_de_nghi"] = 2
    data["chi_tieu"]["5.a"]["so_lieu"] = {"ty_le": 70.0}
    result, _ = _assess(write_spec(data))
    message = result.refusal() or ""
    assert "đáp ứng mức độ 1" in message and "điểm a khoản 5 Điều 7" in message


def test_unknown_indicator_code_is_a_spec_error_with_position(write_spec: SpecWriter, xa: Spec) -> None:
    data = xa
    data["chi_tieu"]["6.a"] = {"dat": True}
    with pytest.raises(SpecError) as err:
        load_self_assessment(write_spec(data))
    assert "6.a" in str(err.value)
    assert err.value.problems[0][0].field == "chi_tieu"


def test_mistyped_key_is_reported_with_suggestion_and_line(write_spec: SpecWriter, xa: Spec) -> None:
    data = xa
    data["nam_danh_gai"] = data.pop("nam_danh_gia")
    path = write_spec(data)
    with pytest.raises(SpecError) as err:
        load_self_assessment(path)
    text = str(err.value)
    lines = path.read_text(encoding="utf-8").splitlines()
    typo_line = next(i for i, line in enumerate(lines, 1) if line.startswith("nam_danh_gai"))
    assert f"{path}:{typo_line}:1: nam_danh_gai" in text
    assert "nam_danh_gia" in text


def test_claim_against_level_2_does_not_sink_level_1(write_spec: SpecWriter, xa: Spec) -> None:
    xa["muc_do_de_nghi"] = 2
    xa["chi_tieu"]["5.a"] = {"dat": False, "so_lieu": {"ty_le": 70.0}}  # không đạt 80 %, đạt 60 %
    result, _ = _assess(write_spec(xa))
    assert result.supported == 1
    assert not [n for n in result.notes if n.code == "5.a" and n.severity == "warning"]  # claim and figures agree


def test_retention_counted_from_the_previous_evaluation_year(write_spec: SpecWriter, xa: Spec) -> None:
    xa["cong_nhan_truoc"] = {"muc_do": 1, "ngay_quyet_dinh": "15/03/2022", "nam_danh_gia": 2021}
    result, _ = _assess(write_spec(xa), dt.date(2025, 1, 20))
    (note,) = [n.message for n in result.notes if "bảo lưu" in n.message]
    assert "31/12/2024 nếu tính từ năm đánh giá 2021" in note and "31/12/2025" in note
    assert "có thể còn" in note  # 20/01/2025: over by the first reading, not by the second


@pytest.mark.parametrize(("letter", "warned"), [(dt.date(2024, 12, 31), True), (dt.date(2025, 1, 1), False)])
def test_letter_before_the_data_window_ends_is_warned(write_spec: SpecWriter, xa: Spec, letter: dt.date, warned: bool) -> None:
    result, _ = _assess(write_spec(xa), letter)  # evaluation year 2024: data up to 31/12/2024
    assert any("chưa hết năm đánh giá 2024" in n.message for n in result.notes) is warned
