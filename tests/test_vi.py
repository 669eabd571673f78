"""Shared Vietnamese formats: NĐ30 date padding, strict dates, numbering."""

import datetime as dt

import pytest

from docgen import vi


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2020, 3, 5), "ngày 05 tháng 3 năm 2020"),  # NĐ30 Phụ lục I Mục V example
        (dt.date(2020, 1, 5), "ngày 05 tháng 01 năm 2020"),  # months 1 and 2 padded
        (dt.date(2024, 2, 29), "ngày 29 tháng 02 năm 2024"),
        (dt.date(2019, 6, 29), "ngày 29 tháng 6 năm 2019"),
        (dt.date(2024, 12, 31), "ngày 31 tháng 12 năm 2024"),
    ],
)
def test_date_long_pads_as_nd30(day: dt.date, expected: str) -> None:
    assert vi.date_long(day) == expected


@pytest.mark.parametrize("text", ["31/02/2025", "29/02/2025", "31/06/2024", "00/01/2024", "12/13/2024"])
def test_impossible_dates_are_refused(text: str) -> None:
    with pytest.raises(vi.DateError, match="không tồn tại"):
        vi.parse_date(text)


@pytest.mark.parametrize("text", ["2025-02-01", "1/2", "ngày 5", ""])
def test_malformed_dates_are_refused(text: str) -> None:
    with pytest.raises(vi.DateError, match="không đúng dạng"):
        vi.parse_date(text)


def test_parse_date_accepts_unpadded_and_spaces() -> None:
    assert vi.parse_date(" 5/3/2020 ") == dt.date(2020, 3, 5)
    assert vi.parse_date("29/02/2024") == dt.date(2024, 2, 29)


@pytest.mark.parametrize(("n", "expected"), [(1, "I"), (4, "IV"), (9, "IX"), (14, "XIV"), (21, "XXI"), (49, "XLIX")])
def test_roman(n: int, expected: str) -> None:
    assert vi.roman(n) == expected


def test_point_letters_follow_vietnamese_order() -> None:
    assert [vi.point_letter(i) for i in range(1, 9)] == ["a", "b", "c", "d", "đ", "e", "g", "h"]
    assert not {"f", "j", "w", "z"} & set(vi.POINT_LETTERS)
