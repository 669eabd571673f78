"""PDF through the real LibreOffice: two documents in one call, and a stopped conversion."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

from rendertools import letter_data, plan_data
import pytest
from pypdf import PdfReader

from docgen.errors import RenderError
from docgen.render.api import render_specs
from docgen.render.docx import render_document
from docgen.render.pdf import convert
from docgen.spec.models import Document


def page_lines(reader: PdfReader, index: int) -> list[str]:
    text = reader.pages[index].extract_text() or ""
    return [" ".join(unicodedata.normalize("NFC", line).split()) for line in text.splitlines() if line.strip()]


def test_two_documents_to_pdf_in_one_call(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """LibreOffice is a requirement of docgen (./run.sh setup installs it): no skip here.

    Paths are relative, as a user types them (`docgen render plans/x.yaml -o out/`).
    """
    monkeypatch.chdir(tmp_path)
    specs = []
    for name, data in (("ke-hoach", plan_data()), ("cong-van", letter_data())):
        path = Path(f"{name}.yaml")
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        specs.append(path)
    out = Path("out")
    lines = list(render_specs(specs, out, pdf=True))
    assert lines[-2:] == [f"đã ghi {out / 'ke-hoach.pdf'}", f"đã ghi {out / 'cong-van.pdf'}"]
    assert sorted(p.name for p in out.iterdir()) == ["cong-van.docx", "cong-van.pdf", "ke-hoach.docx", "ke-hoach.pdf"]

    plan = PdfReader(out / "ke-hoach.pdf")
    letter = PdfReader(out / "cong-van.pdf")
    assert len(letter.pages) == 1
    assert len(plan.pages) == 2
    first = page_lines(plan, 0)
    # The Quốc hiệu and Tiêu ngữ are each one line (no wrap in the right header column).
    assert any(line.endswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") for line in first)
    assert any(line.endswith("Độc lập - Tự do - Hạnh phúc") for line in first)
    assert "KẾ HOẠCH" in first
    joined = " ".join(first)
    assert "Đến hết tháng 3 năm 2026, ít nhất 90% các xã, phường, thị trấn được công nhận “Cộng đồng học tập” cấp xã mức độ 1" in joined
    # Footnote text printed at the foot of the page where it is referenced.
    assert "Điều 6 Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023 của Bộ trưởng Bộ Giáo dục và" in joined
    # Page numbers: none on page 1, "2" at the top of page 2.
    assert first[0] != "1"
    assert page_lines(plan, 1)[0] == "2"
    letter_text = " ".join(page_lines(letter, 0))
    assert "Kính gửi: - Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh;" in letter_text
    assert "Nguyễn Quang Hưng" in letter_text


def test_libreoffice_timeout_is_a_vietnamese_render_error(tmp_path: Path) -> None:
    source = tmp_path / "van-ban.docx"
    source.write_bytes(render_document(Document.model_validate(letter_data())))
    with pytest.raises(RenderError, match=r"LibreOffice chưa chuyển xong 1 tệp sang PDF sau 0 giây; đã dừng"):
        convert([source], tmp_path / "pdf", timeout=0.2)  # far less than LibreOffice needs to start
    assert not (tmp_path / "pdf" / "van-ban.pdf").exists()


# ---------------------------------------------------------------- a PDF is verified before it is called written


def blank_pdf(pages: int = 1) -> bytes:
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_verify_pdf_accepts_a_whole_pdf_and_removes_a_truncated_one(tmp_path: Path) -> None:
    from docgen.render.pdf import verify_pdf

    whole = tmp_path / "a.pdf"
    whole.write_bytes(blank_pdf())
    verify_pdf(whole)
    assert whole.exists()
    cut = tmp_path / "b.pdf"
    cut.write_bytes(blank_pdf()[:-200])
    with pytest.raises(RenderError, match="bị cắt cụt") as err:
        verify_pdf(cut)
    assert str(cut) in str(err.value) and not cut.exists()
    empty = tmp_path / "c.pdf"
    empty.write_bytes(blank_pdf(0))
    with pytest.raises(RenderError, match="không có trang nào"):
        verify_pdf(empty)
    garbage = tmp_path / "d.pdf"
    garbage.write_bytes(b"%PDF-1.7\nnot really\n%%EOF\n")
    with pytest.raises(RenderError, match=str(garbage)):
        verify_pdf(garbage)
    assert not garbage.exists()


def test_a_truncated_pdf_from_libreoffice_is_an_error_not_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A disk filling up under LibreOffice: soffice exits 0, the PDF is not empty but cut short."""
    import docgen.render.pdf as pdf_mod

    cut = tmp_path / "cut.pdf"
    cut.write_bytes(blank_pdf()[:-300])
    fake = tmp_path / "soffice"
    fake.write_text(
        "#!/bin/sh\n"
        'while [ "$1" != "--outdir" ]; do shift; done\n'
        f'cp {cut} "$2/ke-hoach.pdf"\n',
        encoding="utf-8",
    )
    fake.chmod(0o755)
    monkeypatch.setattr(pdf_mod, "find_soffice", lambda: str(fake))
    spec = tmp_path / "ke-hoach.yaml"
    spec.write_text(json.dumps(plan_data(), ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out"
    lines: list[str] = []
    with pytest.raises(RenderError, match="ke-hoach.pdf hỏng, đã xóa"):
        for line in render_specs([spec], out, pdf=True):
            lines.append(line)
    assert lines == [f"đã ghi {out / 'ke-hoach.docx'}"]
    assert sorted(p.name for p in out.iterdir()) == ["ke-hoach.docx"]
