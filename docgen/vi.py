"""Shared Vietnamese words and formats: levels, dates as NĐ30 wants them, điểm letter order.

Rule messages live in their rules; words used in more than one place live here.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from docgen import limits
from docgen.errors import Location, SpecError
from docgen.lazy_re import lazy

# Levels of "Cộng đồng học tập" (TT25 Điều 1). Keys are the spelling used in code, YAML and flags.
LEVELS: Final[dict[str, str]] = {"xa": "cấp xã", "huyen": "cấp huyện", "tinh": "cấp tỉnh"}
LEVEL_UNITS: Final[dict[str, str]] = {"xa": "xã", "huyen": "huyện", "tinh": "tỉnh"}

SEVERITY_WORDS: Final[dict[str, str]] = {"error": "lỗi", "warning": "cảnh báo", "info": "thông tin"}

# Vietnamese letter order for điểm: a) b) c) d) đ) e) g) h) i) k) l) m) n) o) p) q) r) s) t) u) v) x) y)
# NĐ30 shows a–g; the rest is the alphabet without f, j, w, z (nd30.md §2.2, low).
POINT_LETTERS: Final[tuple[str, ...]] = tuple("a b c d đ e g h i k l m n o p q r s t u v x y".split())

ROMAN: Final[tuple[str, ...]] = tuple(
    "I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII XIX XX".split()
)

_DMY = lazy(r"^\s*(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})\s*$")


class DateError(ValueError):
    """A date string that is malformed or names a day that does not exist."""


def parse_date(text: str) -> dt.date:
    """Parse ``dd/mm/yyyy`` (also ``d/m/yyyy``) strictly; 31/02 is an error, not a rollover."""
    m = _DMY.match(text)
    if not m:
        raise DateError(f"“{text.strip()}” không đúng dạng ngày dd/mm/yyyy")
    d, mo, y = (int(g) for g in m.groups())
    try:
        return dt.date(y, mo, d)
    except ValueError:
        raise DateError(f"ngày {d:02d}/{mo:02d}/{y} không tồn tại") from None


def date_short(value: dt.date) -> str:
    """``27/12/2023``: the form used inside citations."""
    return f"{value.day:02d}/{value.month:02d}/{value.year}"


def nd30_day(day: int) -> str:
    """Day number as NĐ30 Phụ lục I II.4.b wants it: 01–09 zero-padded."""
    return f"{day:02d}"


def nd30_month(month: int) -> str:
    """Month as NĐ30 wants it: 01 and 02 padded, 3–12 not (nd30.md ô 4)."""
    return f"{month:02d}" if month < 3 else str(month)


def date_long(value: dt.date) -> str:
    """``ngày 05 tháng 3 năm 2020``: the header form of NĐ30 ô 4."""
    return f"ngày {nd30_day(value.day)} tháng {nd30_month(value.month)} năm {value.year}"


def place_date(place: str, value: dt.date | None) -> str:
    """``Cao Bằng, ngày 15 tháng 4 năm 2024``; a draft without a date leaves blanks to fill in."""
    if value is None:
        return f"{place}, ngày      tháng      năm"
    return f"{place}, {date_long(value)}"


def roman(n: int) -> str:
    """Roman numeral for a mục number (1-based): 4 → "IV", 21 → "XXI".

    Past :data:`docgen.limits.ROMAN_SECTIONS` a :class:`SpecError` names the limit (issue 9:
    numerals stop at 3,999 and a traceback followed).
    """
    if n < 1:
        raise ValueError(f"không có số La Mã cho {n}")
    if n > limits.ROMAN_SECTIONS:
        raise SpecError([(Location("spec", field="noi_dung"),
                          f"mục thứ {n} vượt giới hạn {limits.ROMAN_SECTIONS} mục đánh số La Mã của một văn bản")])
    out = []
    for value, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, n = divmod(n, value)
        out.append(numeral * count)
    return "".join(out)


def point_letter(n: int) -> str:
    """Vietnamese điểm letter for position ``n`` (1-based): 5 → "đ", 24 → "aa", 47 → "aaa".

    After the 23 letters a … y the letters start again doubled (aa, bb, … yy), then tripled: the
    continuation seen in Vietnamese legal texts with long lists of points (a convention, not a
    rule of NĐ30; docs/spec.md). Positions below 1 raise ValueError.
    """
    if n < 1:
        raise ValueError(f"không có chữ cái điểm cho vị trí {n}")
    repeat, index = divmod(n - 1, len(POINT_LETTERS))
    return POINT_LETTERS[index] * (repeat + 1)
