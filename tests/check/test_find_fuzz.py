"""Random text and bytes never crash the finders or the reader (only InputError)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from docgen.check.find import find_citations, find_dates, find_locators, find_targets
from docgen.check.inputs import read_draft
from docgen.check.model import Draft
from docgen.errors import InputError

# Pieces of real drafts, so that random text often looks like citations, locators and targets.
PIECES = [
    "Thông tư số ", "25/2023/TT-BGDĐT", "25/2023/TT- BGDĐT", "TTBGDĐT", " ngày ", "n gày ", "27/12/2023", "31/6/2026",
    " tháng ", " năm ", "2026", " của ", "Bộ Giáo dục và Đào tạo", " Quy định về ", "điểm a ", "khoản 4 ", "Điều 17",
    "Điều này", "Thông tư này", " quy định: ", "\"", "“", "”", "Cộng đồng học tập", " cấp xã", " cấp huyện", " mức độ 1",
    "Đến hết tháng 3 năm 2026, ", "ít nhất 90% ", "120%", " được công nhận ", " hồ sơ ", " gửi ", " trước ngày ",
    "[4]", "\n[4] Tại ", "\n", ";", ". ", "Kết luận số 49-KL/TW", "của năm 2023", "hằng năm", "\u0301", "\u00a0",
]
texty = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(PIECES), max_size=40).map("".join),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texty)
def test_finders_never_crash(text: str) -> None:
    draft = Draft(path="x.txt", kind="txt", text=text)
    for cite in find_citations(draft):
        assert 0 <= cite.span.start <= cite.span.end <= len(text)
    for ref in find_locators(draft):
        assert 0 <= ref.span.start <= ref.span.end <= len(text)
    for target in find_targets(draft):
        assert 0 <= target.span.start <= target.span.end <= len(text)
    find_dates(draft)


@pytest.mark.parametrize("suffix", [".txt", ".md", ".docx", ".pdf"])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.one_of(st.binary(max_size=400), texty.map(lambda s: s.encode("utf-8")), st.just(b"PK\x03\x04" + b"\x00" * 40), st.just(b"%PDF-1.4\n%%EOF")))
def test_read_draft_raises_only_input_error(tmp_path: Path, suffix: str, data: bytes) -> None:
    path = tmp_path / f"draft{suffix}"
    path.write_bytes(data)
    try:
        draft = read_draft(path)
    except InputError as err:
        assert str(path) in str(err)
        return
    find_citations(draft)
    find_targets(draft)
