"""Document → template context: numbering, sentences, footnotes, căn cứ, dates, nơi nhận."""

from __future__ import annotations

from typing import Any

import pytest
from rendertools import decision_data, letter_data, plan_data

from docgen.errors import RenderError
from docgen.render.context import RenderContext, build_context
from docgen.render.footnotes import CLOSE, OPEN
from docgen.spec.models import Document

TT25 = "Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023 của Bộ trưởng Bộ Giáo dục và Đào tạo"


def context(data: dict[str, Any]) -> RenderContext:
    return build_context(Document.model_validate(data))


def lines(ctx: RenderContext) -> list[str]:
    """Body lines with each footnote marker shown as [n] (1-based, order of the notes list)."""
    out = []
    for block in ctx.values["blocks"]:
        text = block.head + block.text
        for i in range(len(ctx.footnotes)):
            text = text.replace(f"{OPEN}{i}{CLOSE}", f"[{i + 1}]")
        out.append(text)
    return out


def with_sections(sections: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    data = plan_data()
    data["noi_dung"] = sections
    data.pop("ket_thuc")
    data.update(extra)
    return data


def test_generated_target_sentence_and_automatic_footnote() -> None:
    ctx = context(with_sections([{"tieu_de": "Mục tiêu", "muc_tieu": [{"cap": "xa", "muc_do": 1, "han": "03/2026", "ty_le": 90}]}]))
    assert lines(ctx) == [
        "I. MỤC TIÊU",
        "- Đến hết tháng 3 năm 2026, ít nhất 90% các xã, phường, thị trấn được công nhận “Cộng đồng học tập” cấp xã mức độ 1[1]./.",
    ]
    assert ctx.footnotes == [f"Điều 6 {TT25}."]


@pytest.mark.parametrize(
    ("target", "sentence", "article"),
    [
        ({"cap": "huyen", "muc_do": 2, "han": "05/2029", "ty_le": 100},
         "Đến hết tháng 5 năm 2029, 100% các huyện, thị xã, thành phố được công nhận “Cộng đồng học tập” cấp huyện mức độ 2[1].", 12),
        ({"cap": "tinh", "muc_do": 1, "han": "2026"},
         "Đến năm 2026, tỉnh được công nhận “Cộng đồng học tập” cấp tỉnh mức độ 1[1].", 16),
        ({"cap": "xa", "muc_do": 2, "loai": "cong-nhan-lai", "han": "31/03/2028", "so_luong": 12},
         "Đến ngày 31/03/2028, ít nhất 12 xã, phường, thị trấn được công nhận lại “Cộng đồng học tập” cấp xã mức độ 2[1].", 7),
        ({"cap": "huyen", "muc_do": 1, "loai": "xay-dung", "nam": 2025},
         "Năm 2025 triển khai xây dựng “Cộng đồng học tập” cấp huyện mức độ 1, phấn đấu đạt 4 tiêu chí với 13 chỉ tiêu theo quy định[1].", 11),
        ({"cap": "xa", "muc_do": 1, "han": "03/2026", "ty_le": 92.5},
         "Đến hết tháng 3 năm 2026, ít nhất 92,5% các xã, phường, thị trấn được công nhận “Cộng đồng học tập” cấp xã mức độ 1[1].", 6),
    ],
)
def test_target_sentences(target: dict[str, Any], sentence: str, article: int) -> None:
    ctx = context(with_sections([{"tieu_de": "Mục tiêu", "muc_tieu": [target]}], ket_thuc="Trên đây là Kế hoạch./."))
    assert lines(ctx)[1] == f"- {sentence}"
    assert ctx.footnotes == [f"Điều {article} {TT25}."]


def test_written_sentence_keeps_its_own_footnote_or_none() -> None:
    targets = [
        {"cap": "xa", "muc_do": 1, "noi_dung": "Câu do người soạn viết.", "chu_thich": "Ghi chú riêng."},
        {"cap": "xa", "muc_do": 1, "noi_dung": "Câu không có chú thích."},
        {"cap": "xa", "muc_do": 1, "noi_dung": "Câu dẫn khóa", "chu_thich": "[^k]"},
    ]
    ctx = context(with_sections([{"tieu_de": "Mục tiêu", "muc_tieu": targets}], chu_thich={"k": "Theo khóa k."}, ket_thuc="Hết./."))
    assert lines(ctx)[1:] == ["- Câu do người soạn viết[1].", "- Câu không có chú thích.", "- Câu dẫn khóa[2]."]
    assert ctx.footnotes == ["Ghi chú riêng.", "Theo khóa k."]


def test_numbering_uses_roman_arabic_and_vietnamese_letters() -> None:
    points = [{"tieu_de": f"Điểm {i}"} for i in range(1, 9)]
    sections = [
        {"tieu_de": "Mục một", "muc": [{"tieu_de": "Khoản một", "muc": points}, {"tieu_de": "Khoản hai", "doan": ["Nội dung."]}]},
        {"doan": ["Đoạn không tiêu đề không được đánh số."]},
        {"tieu_de": "Mục hai", "muc": [{"tieu_de": "Khoản", "muc": [{"tieu_de": "Điểm", "muc": [{"tieu_de": "Ý sâu"}]}]}]},
    ]
    ctx = context(with_sections(sections, ket_thuc="Hết./."))
    assert lines(ctx) == [
        "I. MỤC MỘT",
        "1. Khoản một",
        "a) Điểm 1", "b) Điểm 2", "c) Điểm 3", "d) Điểm 4", "đ) Điểm 5", "e) Điểm 6", "g) Điểm 7", "h) Điểm 8",
        "2. Khoản hai: Nội dung.",
        "Đoạn không tiêu đề không được đánh số.",
        "II. MỤC HAI",
        "1. Khoản",
        "a) Điểm",
        "- Ý sâu",
    ]
    kinds = [b.kind for b in ctx.values["blocks"]]
    assert kinds[:3] == ["muc", "khoan", "diem"] and kinds[-1] == "y"


def test_assignments_inline_for_one_task_bullets_for_several() -> None:
    section = {
        "tieu_de": "Tổ chức thực hiện",
        "phan_cong": [
            {"don_vi": "Sở Tài chính", "nhiem_vu": ["Bố trí kinh phí"]},
            {"don_vi": "Sở Nội vụ", "nhiem_vu": ["Việc một;", "Việc hai."], "han": "06/2025"},
        ],
    }
    ctx = context(with_sections([section], ket_thuc="Hết./."))
    assert lines(ctx) == [
        "I. TỔ CHỨC THỰC HIỆN",
        "1. Sở Tài chính: Bố trí kinh phí.",
        "2. Sở Nội vụ",
        "- Việc một;",
        "- Việc hai.",
        "- Thời hạn hoàn thành: hết tháng 6 năm 2025.",
    ]
    first = ctx.values["blocks"][1]
    assert (first.head, first.text) == ("1. Sở Tài chính:", " Bố trí kinh phí.")


def test_end_mark_added_to_last_paragraph_without_closing() -> None:
    ctx = context(with_sections([{"tieu_de": "Nội dung", "y": ["Ý cuối cùng."]}]))
    assert lines(ctx)[-1] == "- Ý cuối cùng./."
    assert ctx.values["ket_thuc"] == ""


def test_header_values_number_date_and_place() -> None:
    plan = context(plan_data()).values
    assert plan["so"] == "Số: 07/KH-UBND"
    assert plan["dia_danh_ngay"] == "Cao Bằng, ngày 05 tháng 02 năm 2025"
    assert [(i.chu_quan, i.name) for i in plan["issuers"]] == [("", "ỦY BAN NHÂN DÂN\nTỈNH CAO BẰNG")]
    letter = context(letter_data()).values
    assert letter["so"] == "Số:      /UBND-KGVX"  # draft: number left blank for the Văn thư
    assert letter["dia_danh_ngay"] == "Thái Bình, ngày 15 tháng 4 năm 2024"
    assert letter["vv"] == "V/v triển khai thực hiện Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023 của Bộ Giáo dục và Đào tạo"
    data = plan_data()
    data.pop("so")
    data["ngay"] = "31/12/2025"
    data["so"] = "123"
    values = context(data).values
    assert values["so"] == "Số: 123/KH-UBND"
    assert values["dia_danh_ngay"] == "Cao Bằng, ngày 31 tháng 12 năm 2025"


def test_kinh_gui_one_and_several() -> None:
    data = letter_data()
    assert context(data).values["kinh_gui"] == (
        "- Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh;\n- Các sở, ban, ngành tỉnh;\n- Ủy ban nhân dân huyện, thành phố."
    )
    data["kinh_gui"] = ["Bộ Giáo dục và Đào tạo"]
    assert context(data).values["kinh_gui"] == "Bộ Giáo dục và Đào tạo"


def test_noi_nhan_starts_with_nhu_tren_when_there_is_kinh_gui_and_ends_with_luu() -> None:
    assert context(letter_data()).values["noi_nhan"] == ["- Như trên;", "- Bộ Giáo dục và Đào tạo;", "- Lưu: VT, KGVX."]
    assert context(plan_data()).values["noi_nhan"] == [
        "- Bộ Giáo dục và Đào tạo (b/c);", "- Thường trực Tỉnh ủy (b/c);", "- Lưu: VT, VX.",
    ]
    data = plan_data()
    data["luu"] = "VX"
    assert context(data).values["noi_nhan"][-1] == "- Lưu: VT, VX."


def test_bases_full_citation_first_then_short_form() -> None:
    data = plan_data()
    data["can_cu"] = [{"van_ban": "25/2023/TT-BGDĐT"}, {"van_ban": "25/2023/TT- BGDĐT", "dan": "Căn cứ"}]
    values = context(data).values
    # one paragraph per căn cứ, each ending with ";", then the opening in its own paragraph
    assert values["can_cu"] == [
        f"Thực hiện {TT25} ban hành Quy định về đánh giá, công nhận “Cộng đồng học tập” cấp xã, huyện, tỉnh;",
        "Căn cứ Thông tư số 25/2023/TT-BGDĐT;",
    ]
    assert values["mo_dau"] == "UBND tỉnh xây dựng Kế hoạch triển khai như sau:"
    decision = context(decision_data()).values
    assert decision["can_cu"][-1] == "Theo đề nghị của Trưởng phòng Giáo dục và Đào tạo."
    assert all(line.endswith(";") for line in decision["can_cu"][:-1])


def test_bases_without_opening_end_with_a_period_and_leads_are_capitalised() -> None:
    data = plan_data()
    data["can_cu"] = [{"noi_dung": "Kế hoạch số 12/KH-UBND;"}, {"dan": "căn cứ", "noi_dung": "Công văn số 3/SGDĐT"}]
    del data["mo_dau"]
    values = context(data).values
    assert values["can_cu"] == ["Thực hiện Kế hoạch số 12/KH-UBND;", "Căn cứ Công văn số 3/SGDĐT."]
    assert values["mo_dau"] == ""


def test_signer_lines_and_joint_flag() -> None:
    values = context(letter_data()).values
    assert [(s.lines, s.name) for s in values["signers"]] == [(("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), "Nguyễn Quang Hưng")]
    assert values["joint"] is False


def test_unknown_footnote_key_is_a_render_error() -> None:
    data = with_sections([{"tieu_de": "A", "doan": ["Có chú thích lạ[^khong-co]."]}])
    with pytest.raises(RenderError, match=r"\[\^khong-co\]"):
        context(data)


def test_unknown_registry_symbol_is_a_render_error() -> None:
    data = plan_data()
    data["can_cu"] = [{"van_ban": "99/2099/TT-XYZ"}]
    with pytest.raises(RenderError, match="99/2099/TT-XYZ"):
        context(data)


@pytest.mark.parametrize(
    ("name", "lines"),
    [
        ("Phòng Giáo dục và Đào tạo", "PHÒNG GIÁO DỤC\nVÀ ĐÀO TẠO"),
        ("Hội Khuyến học tỉnh Cao Bằng", "HỘI KHUYẾN HỌC\nTỈNH CAO BẰNG"),
        ("Sở Văn hóa, Thể thao và Du lịch", "SỞ VĂN HÓA, THỂ THAO\nVÀ DU LỊCH"),
        ("Sở Giáo dục và Đào tạo", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"),  # fits the 62 mm cell: one line
        ("Ủy ban nhân dân\nxã Hồng Việt", "ỦY BAN NHÂN DÂN\nXÃ HỒNG VIỆT"),  # the author's break is kept
    ],
)
def test_long_agency_names_break_at_a_natural_boundary(name: str, lines: str) -> None:
    data = plan_data()
    data["co_quan"] = [{"ten": name, "viet_tat": "X"}]
    assert context(data).values["issuers"][0].name == lines
