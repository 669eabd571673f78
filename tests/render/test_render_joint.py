"""Joint documents and tên loại (issue 12): each issuer under its own rule in the header, a tên
loại written in full ("CHƯƠNG TRÌNH PHỐI HỢP"), the signer's agency line as a key (``co_quan``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rendertools import NS, Docx, joint_data, plan_data

from docgen.errors import SpecError
from docgen.render import layout
from docgen.render.context import build_context
from docgen.render.docx import render_document
from docgen.spec.loader import load_spec_text
from docgen.spec.models import Document


def header_cell(data: dict[str, Any]) -> list[tuple[str | None, str]]:
    docx = Docx(render_document(Document.model_validate(data)))
    cell = docx.body.find("w:tbl/w:tr/w:tc", NS)
    return [(docx.style_of(p), Docx.text(p)) for p in cell.findall("w:p", NS)]


def test_each_issuer_of_a_joint_document_stands_under_its_own_rule() -> None:
    got = [(style, text) for style, text in header_cell(joint_data()) if style != "ND30Cach"]
    assert got == [
        ("ND30ChuQuan", "UBND TỈNH CAO BẰNG"),
        (layout.STYLE_AGENCY, "SỞ GIÁO DỤC VÀ ĐÀO TẠO"),
        (layout.STYLE_AGENCY_RULE, ""),
        (layout.STYLE_AGENCY, "HỘI KHUYẾN HỌC TỈNH"),
        (layout.STYLE_AGENCY_RULE, ""),
    ]
    # one issuer: one rule, no spacer
    single = header_cell(plan_data())
    assert [s for s, _ in single].count(layout.STYLE_AGENCY_RULE) == 1
    assert "ND30Cach" not in [s for s, _ in single]


def test_a_ten_loai_written_in_full() -> None:
    data = joint_data()
    data["ten_loai"] = "Chương trình  phối hợp"
    docx = Docx(render_document(Document.model_validate(data)))
    titles = [Docx.text(p) for p in docx.paragraphs() if docx.style_of(p) == "ND30TenLoai"]
    assert titles == ["CHƯƠNG TRÌNH PHỐI HỢP"]
    # without it, the kind's own
    plain = Docx(render_document(Document.model_validate(joint_data())))
    assert [Docx.text(p) for p in plain.paragraphs() if plain.style_of(p) == "ND30TenLoai"] == ["CHƯƠNG TRÌNH"]


BASE = "co_quan: [{ten: UBND XÃ A}]\ndia_danh: A\ntrich_yeu: Thử\nnguoi_ky: {ho_ten: Nguyễn Văn A}\n"


@pytest.mark.parametrize(("head", "words"), [
    ("loai: ke-hoach\nten_loai: BÁO CÁO KẾT QUẢ\n", "phải bắt đầu bằng “KẾ HOẠCH”, không phải “BÁO CÁO KẾT QUẢ”"),
    ("loai: ke-hoach\nten_loai: KẾ HOẠCHX\n", "phải bắt đầu bằng “KẾ HOẠCH”"),
    ("loai: cong-van\nten_loai: CÔNG VĂN\n", "công văn không có tên loại"),
])
def test_a_ten_loai_of_another_kind_is_a_spec_error(head: str, words: str) -> None:
    with pytest.raises(SpecError) as caught:
        load_spec_text(head + BASE, Path("x.yaml"))
    assert words in caught.value.problems[0][1]


def test_signer_agency_line_and_names_on_one_line() -> None:
    data = joint_data()
    data["nguoi_ky"] = [
        {"co_quan": "Sở Giáo dục và Đào tạo", "kt": "Giám đốc", "chuc_vu": "Phó Giám đốc", "ho_ten": "Nguyễn Văn A"},
        {"co_quan": "Hội Khuyến học tỉnh", "chuc_vu": "Chủ tịch", "ho_ten": "Trần Thị B"},
    ]
    signers = build_context(Document.model_validate(data)).values["signers"]
    assert signers[0].lines == ("SỞ GIÁO DỤC VÀ ĐÀO TẠO", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")
    # the shorter block is padded so that the two names are printed on the same line
    assert signers[1].lines == ("HỘI KHUYẾN HỌC TỈNH", "CHỦ TỊCH", "")
