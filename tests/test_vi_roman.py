"""vi.roman past its limit: a spec error naming the limit, not a ValueError (issue 9)."""

from __future__ import annotations

import pytest

from docgen import limits, vi
from docgen.errors import SpecError


def test_roman_up_to_the_limit() -> None:
    assert vi.roman(4) == "IV"
    assert vi.roman(limits.ROMAN_SECTIONS) == "MMMCMXCIX"


@pytest.mark.parametrize("n", [limits.ROMAN_SECTIONS + 1, 4_000, 10**6])
def test_roman_past_the_limit_names_it(n: int) -> None:
    with pytest.raises(SpecError) as info:
        vi.roman(n)
    assert str(limits.ROMAN_SECTIONS) in str(info.value)
    assert "La Mã" in str(info.value)
