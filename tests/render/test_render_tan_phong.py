"""plans/tan-phong.yaml (seed 002, a ward's Kế hoạch after the 2025 two-tier reform): its content
in order, the seed's mistakes corrected, and how much of the seed the rendered example covers.

Coverage: each non-empty line of the seed (spaces normalised) is looked for in the rendered text
(all paragraphs joined). A line that holds one of the seed's own mistakes is looked for with the
correction applied (MISTAKES); a line of a căn cứ that docgen writes from the registry (the seed
wrote "của Bộ Giáo dục và Đào tạo quy định về …" for a Thông tư that the Bộ trưởng "ban hành") is
not counted (REWRITTEN). The figure is printed; it must stay at or above 95 %.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import rendertools
from rendertools import covered, rendered_lines

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "plans" / "tan-phong.yaml"
SEED = ROOT / "tests" / "fixtures" / "seeds" / "002_e90e9881f9e34626.txt"

# (the seed's words, what the example prints): checked against ../shared/reference
MISTAKES = [
    ("25/2023/TTBGDĐT", "25/2023/TT-BGDĐT"),
    ("Thông tư số 27/2025/TTBGDĐT", "Thông tư số 27/2025/TT-BGDĐT"),
    ("quy đinh", "quy định"),
    ("đinh tại Thông tư", "định tại Thông tư"),  # "quy / đinh" across two lines of the seed
    ("gia đoạn", "giai đoạn"),
    ("về Quy định về đánh giá, xếp loại “Cộng đồng học tập”.", "ban hành Quy định về đánh giá, công nhận “Cộng đồng học tập”"),
    ("Bộ Giáo dục và Đào tạo về Quy định", "Bộ trưởng Bộ Giáo dục và Đào tạo ban hành Quy định"),
    ("về đánh giá, xếp loại “Cộng đồng học tập”.", "về đánh giá, công nhận “Cộng đồng học tập”"),
    ("6. Các Tổ dân phố", "5. Các Tổ dân phố"),
    ("phường Tân Phong theo./.", "phường Tân Phong./."),
    ("2023 - 2030.", "2023 - 2030”."),
    ("Tổ quốc phường;", "Tổ quốc Việt Nam phường;"),
    ("Các cơ quan đơn vị,", "Các cơ quan, đơn vị,"),
    ("tổ chức thực hiện rà soát, đánh giá, công nhận:", "tổ chức thực hiện rà soát, đánh giá, công nhận"),
    ("- Lưu: VT.", "- Lưu: VT, VHXH."),
    ("Phòng Văn hoá - Xã hội", "Phòng Văn hóa - Xã hội"),
    ("Phòng Văn hoá -", "Phòng Văn hóa -"),
]
# The first căn cứ paragraph of the seed (three Thông tư in one paragraph, in words unlike the
# registry's): docgen writes each from the registry in its own paragraph.
REWRITTEN = range(3, 13)
# The deadline the seed typed by hand ("thực hiện trước ngày 28/02/2026 theo quy định tại …"):
# docgen writes it from the TT25 calendar (tien_do), in its own words, checked below.
BY_DOCGEN = {
    "học tập”, gửi hồ sơ đề nghị công nhận đến Sở Giáo dục và Đào tạo; thực hiện",
    "trước ngày 28/02/2026 theo quy định tại Thông tư số 25/2023/TT-BGDĐT.",
}


def seed_lines() -> list[str]:
    return rendertools.seed_lines(SEED)


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return rendered_lines(PLAN)


def test_the_seed_is_covered(texts: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    # the lines left out were rewritten from the registry or the TT25 calendar
    counted = [line for i, line in enumerate(seed_lines(), 1) if i not in REWRITTEN and line not in BY_DOCGEN]
    share, missing = covered("seed 002 → plans/tan-phong.yaml", texts, counted, MISTAKES, len(seed_lines()), capsys)
    assert share >= 0.95, missing


def test_content_in_order(texts: list[str]) -> None:
    expected = [
        "KẾ HOẠCH",
        "Xây dựng “Cộng đồng học tập” trên địa bàn phường Tân Phong",
        "Căn cứ Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023 của Bộ trưởng Bộ Giáo dục và Đào tạo ban hành Quy định về đánh giá, công nhận “Cộng đồng học tập” cấp xã, huyện, tỉnh;",
        "Căn cứ Thông tư số 11/2025/TT-BGDĐT ngày 12/06/2025",
        "Căn cứ Thông tư số 27/2025/TT-BGDĐT ngày 31/12/2025",
        "Thực hiện Hướng dẫn số 3652/HD-SGDĐT ngày 31/10/2025 của Sở Giáo dục và Đào tạo tỉnh Lai Châu về việc đánh giá, công nhận “Cộng đồng học tập” cấp xã năm 2025;",
        "Ủy ban nhân dân phường Tân Phong ban hành Kế hoạch xây dựng “Cộng đồng học tập” trên địa bàn phường Tân Phong, với các nội dung cụ thể như sau:",
        "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "2. Yêu cầu",
        "II. NỘI DUNG", "1. Nghiên cứu, tổ chức khảo sát", "2. Giám sát, duy trì", "3. Tham mưu Tờ trình", "4. Tổ chức cuộc họp",
        "III. TỔ CHỨC THỰC HIỆN", "1. Phòng Văn hóa - Xã hội",
        "- Xây dựng và tổ chức thực hiện kế hoạch",
        "- Tham mưu Ủy ban nhân dân phường lồng ghép",
        "Tổ chức triển khai tự đánh giá, công nhận “Cộng đồng học tập”. Căn cứ kết quả tự đánh giá",
        "- Trước ngày 28/02/2026: Gửi hồ sơ đề nghị công nhận đến Sở Giáo dục và Đào tạo (điểm d khoản 1 Điều 9 Thông tư số 25/2023/TT-BGDĐT)",
        "2. Phòng Kinh tế, Hạ tầng và Đô thị", "3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam phường",
        "4. Các cơ quan, đơn vị, cơ sở giáo dục trên địa bàn phường: Căn cứ Kế hoạch này",
        "5. Các Tổ dân phố",
        "Trên đây là Kế hoạch xây dựng “Cộng đồng học tập” trên địa bàn phường Tân Phong./.",
        "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH",
    ]
    at = 0
    for item in expected:
        found = next((i for i in range(at, len(texts)) if texts[i].startswith(item)), None)
        assert found is not None, f"không thấy (theo thứ tự): {item}"
        at = found + 1
    # the seed's mistakes are not printed
    whole = " ".join(texts)
    for wrong in ("TTBGDĐT", "quy đinh", "gia đoạn", "xếp loại", "6. Các Tổ dân phố", "theo./.", "Thông tư 27/2025"):
        assert wrong not in whole, wrong
    # the hồ sơ goes to the Sở before 28/02/2026 (tt25.md §7, two-tier regime)
    assert "công nhận đến Sở Giáo dục và Đào tạo theo quy định tại Thông tư số 25/2023/TT-BGDĐT:" in whole
