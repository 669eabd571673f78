"""Tasks in the written list form (issue 12): ``bang_nhiem_vu`` with ``trinh_bay: danh-sach`` prints
"1. <tên>" then a) Nội dung, b) Đơn vị chủ trì thực hiện, c) Đơn vị phối hợp, d) Thời gian thực
hiện, and the checker reads each such task as one sentence, as it reads a table row."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rendertools import Docx, plan_data

from docgen.check.runner import check_paths
from docgen.render.docx import render_document
from docgen.spec.models import Document


def task_data(presentation: str, timing: str) -> dict[str, Any]:
    data = plan_data()
    data["ngay"] = "15/09/2025"
    data["noi_dung"] = [{
        "tieu_de": "Nhiệm vụ",
        "trinh_bay": presentation,
        "bang_nhiem_vu": [
            {"ten": "Hướng dẫn tự đánh giá.", "noi_dung": "Hướng dẫn các xã tự đánh giá theo tiêu chí",
             "chu_tri": "Phòng Giáo dục thường xuyên", "phoi_hop": "Hội Khuyến học tỉnh", "thoi_gian": "Tháng 10 năm 2025"},
            {"ten": "Nhận hồ sơ", "noi_dung": "Ủy ban nhân dân các xã gửi hồ sơ đề nghị công nhận “Cộng đồng học tập” cấp xã năm 2025 về Sở",
             "chu_tri": "Ủy ban nhân dân các xã", "thoi_gian": timing},
        ],
        "muc": [{"tieu_de": "Kinh phí", "doan": ["Từ nguồn ngân sách."]}],
    }]
    return data


def test_the_list_form_prints_each_task_as_a_khoan_with_points() -> None:
    docx = Docx(render_document(Document.model_validate(task_data("danh-sach", "Trước ngày 28/02/2026"))))
    texts = [Docx.text(p) for p in docx.paragraphs()]
    start = texts.index("I. NHIỆM VỤ")
    assert texts[start + 1 : start + 11] == [
        "1. Hướng dẫn tự đánh giá",
        "a) Nội dung: Hướng dẫn các xã tự đánh giá theo tiêu chí.",
        "b) Đơn vị chủ trì thực hiện: Phòng Giáo dục thường xuyên.",
        "c) Đơn vị phối hợp: Hội Khuyến học tỉnh.",
        "d) Thời gian thực hiện: Tháng 10 năm 2025.",
        "2. Nhận hồ sơ",
        "a) Nội dung: Ủy ban nhân dân các xã gửi hồ sơ đề nghị công nhận “Cộng đồng học tập” cấp xã năm 2025 về Sở.",
        "b) Đơn vị chủ trì thực hiện: Ủy ban nhân dân các xã.",
        "c) Thời gian thực hiện: Trước ngày 28/02/2026.",  # no phối hợp: the letters run on
        "3. Kinh phí: Từ nguồn ngân sách.",  # the sub-section is numbered after the tasks
    ]
    # no task table in the list form
    assert not any("Đơn vị chủ trì" == Docx.text(c) for c in docx.body.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tc"))


@pytest.mark.parametrize("presentation", ["bang", "danh-sach"])
def test_a_late_deadline_is_found_in_both_forms(presentation: str, tmp_path: Path) -> None:
    def dl002(timing: str) -> list[str]:
        path = tmp_path / f"{presentation}-{len(timing)}.docx"
        path.write_bytes(render_document(Document.model_validate(task_data(presentation, timing))))
        return [f.message for f in check_paths([str(path)]) if f.code == "DL002"]

    assert dl002("Trước ngày 31/3/2026") == ["hồ sơ cấp xã phải gửi trước ngày 28/02/2026, văn bản ghi 31/03/2026"]
    assert dl002("Trước ngày 28/02/2026") == []
