"""Render once, fill many (issue 10): a template is opened and cleaned once per process, and
no rendered document leaks into the next one."""

from __future__ import annotations

import io
import os
import shutil
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from docxtpl import DocxTemplate
from rendertools import plan_data

from docgen.render import docx as render_docx
from docgen.render.docx import render_document
from docgen.spec.models import Document

ROOT = Path(__file__).resolve().parents[2]

# Words only the first document holds (issuer, place, footnote, table, signer, recipients).
FIRST_ONLY = ["Cao Bằng", "Trịnh Trường Huy", "Xây dựng xã hội học tập giai đoạn", "Rà soát các tiêu chí",
              "Thường trực Tỉnh ủy", "Hội Khuyến học tỉnh", "Tạo cơ hội học tập công bằng"]


def second_data() -> dict[str, Any]:
    """Another Kế hoạch of the same template: other issuer, text and signer, no footnote, no table."""
    return {
        "loai": "ke-hoach",
        "co_quan": [{"ten": "Ủy ban nhân dân\nxã Tân Lập", "viet_tat": "UBND"}],
        "dia_danh": "Tân Lập",
        "ngay": "10/03/2025",
        "so": "12",
        "trich_yeu": "Tổ chức tự đánh giá “Cộng đồng học tập” cấp xã năm 2025",
        "noi_dung": [{"tieu_de": "Nhiệm vụ", "doan": ["Các thôn, bản rà soát số liệu theo hướng dẫn."]}],
        "nguoi_ky": {"chuc_vu": "Chủ tịch", "ho_ten": "Lò Văn Hùng"},
        "noi_nhan": ["Các thôn, bản;"],
        "luu": "VT",
    }


def entries(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def forget_prepared_templates() -> None:
    render_docx._prepared.cache_clear()


def test_first_document_holds_the_words_the_second_must_not() -> None:
    text = b"".join(entries(render_document(Document.model_validate(plan_data()))).values()).decode()
    assert all(word in text for word in FIRST_ONLY)


def test_second_document_has_nothing_of_the_first() -> None:
    first = render_document(Document.model_validate(plan_data()))
    second = entries(render_document(Document.model_validate(second_data())))
    assert "word/footnotes.xml" in entries(first)
    assert "word/footnotes.xml" not in second, "the first document's footnotes part leaked"
    text = b"".join(second.values()).decode()
    leaked = [word for word in FIRST_ONLY if word in text]
    assert not leaked
    assert "Tân Lập" in text and "Lò Văn Hùng" in text


def test_a_document_is_the_same_after_another_or_alone() -> None:
    doc = Document.model_validate(second_data())
    render_document(Document.model_validate(plan_data()))
    after_other = entries(render_document(doc))
    forget_prepared_templates()
    alone = entries(render_document(doc))
    assert after_other == alone


def test_template_is_cleaned_once_for_many_documents(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    original = DocxTemplate.patch_xml

    def counting(self: DocxTemplate, src_xml: str) -> str:
        calls.append(len(src_xml))
        return str(original(self, src_xml))

    monkeypatch.setattr(DocxTemplate, "patch_xml", counting)
    forget_prepared_templates()
    render_document(Document.model_validate(plan_data()))
    once = len(calls)
    assert once >= 1
    render_document(Document.model_validate(second_data()))
    render_document(Document.model_validate(plan_data()))
    assert len(calls) == once


def test_an_edited_template_is_prepared_again(tmp_path: Path) -> None:
    target = tmp_path / "ke-hoach.docx"
    shutil.copy(ROOT / "docgen" / "templates" / "ke-hoach.docx", target)
    doc = Document.model_validate(second_data())
    assert "Dòng thêm sau khi sửa mẫu" not in b"".join(entries(render_document(doc, tmp_path)).values()).decode()
    edited = docx.Document(str(target))
    edited.add_paragraph("Dòng thêm sau khi sửa mẫu")
    edited.save(str(target))
    stat = target.stat()
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert "Dòng thêm sau khi sửa mẫu" in b"".join(entries(render_document(doc, tmp_path)).values()).decode()
