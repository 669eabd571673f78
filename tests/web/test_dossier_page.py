"""Hồ sơ công nhận: the page decides as `docgen dossier` does and downloads its files."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from pypdf import PdfReader
from starlette.testclient import TestClient

from docgen.web.dossier import starter
from tests.web.conftest import finish, text_of

EXAMPLE = Path(__file__).parents[2] / "ho-so" / "xa-tan-lap-2025.yaml"


def post(client: TestClient, text: str, action: str):  # type: ignore[no-untyped-def]
    return finish(client, client.post("/ho-so", data={"tu_danh_gia": text, "lam": action}))  # a PDF, a preview, a dossier: through its job page


def test_the_starter_is_the_bundled_example() -> None:
    assert starter() == EXAMPLE.read_text(encoding="utf-8")


def test_the_page_opens_with_the_example(client: TestClient) -> None:
    page = client.get("/ho-so")
    assert page.status_code == 200
    assert "ten: Tân Lập" in page.text


def test_assessment_gives_the_level_met_the_addressee_and_the_deadline(client: TestClient) -> None:
    page = post(client, starter(), "danh-gia")
    assert page.status_code == 200
    shown = text_of(page.text)
    assert "Xã Tân Lập · cấp xã · năm đánh giá 2025" in shown
    assert "Đáp ứng mức độ 1; đề nghị công nhận mức độ 1" in shown
    assert "Gửi hồ sơ đến Sở Giáo dục và Đào tạo tỉnh Lai Châu" in shown
    assert "Thời hạn gửi trước ngày 28/02/2026 (điểm d khoản 1 Điều 9)" in shown
    assert "Ngày Tờ trình 20/01/2026" in shown
    assert "Mức độ 2: chưa đạt" in shown


def test_an_indicator_not_met_is_refused_with_its_reason(client: TestClient) -> None:
    text = starter().replace("  1.a:\n    dat: true", "  1.a:\n    dat: false", 1)
    assert text != starter()
    page = post(client, text, "danh-gia")
    assert page.status_code == 200
    shown = text_of(page.text)
    assert "xã Tân Lập chưa đáp ứng “Cộng đồng học tập” cấp xã mức độ 1" in shown
    assert "Mức độ 1: chưa đạt" in shown
    assert "1.a" in shown


def test_a_spec_error_names_the_line_and_not_the_private_folder(client: TestClient) -> None:
    text = starter().replace("nam_danh_gia: 2025", "nam_danh_gia: hai nghìn", 1)
    page = post(client, text, "danh-gia")
    assert page.status_code == 422
    shown = text_of(page.text)
    assert "tu-danh-gia.yaml:9:" in shown
    assert "nam_danh_gia" in shown
    assert "docgen-web-" not in page.text


def test_refused_download_gives_the_reason_not_a_file(client: TestClient) -> None:
    text = starter().replace("muc_do_de_nghi: 1", "muc_do_de_nghi: 2", 1)
    page = post(client, text, "tai")
    assert page.status_code == 422
    assert page.headers["content-type"].startswith("text/html")
    assert "chưa đáp ứng “Cộng đồng học tập” cấp xã mức độ 2" in text_of(page.text)


def test_download_the_dossier(client: TestClient) -> None:
    reply = post(client, starter(), "tai")
    assert reply.status_code == 200
    assert reply.headers["content-disposition"] == 'attachment; filename="ho-so-cong-nhan.zip"'
    with zipfile.ZipFile(io.BytesIO(reply.content)) as archive:
        names = archive.namelist()
        assert names == ["tu-danh-gia-1-to-trinh.docx", "tu-danh-gia-2-bao-cao-tu-danh-gia.docx",
                         "tu-danh-gia-3-ban-tong-hop.docx", "tu-danh-gia-ho-so.pdf"]
        merged = PdfReader(io.BytesIO(archive.read("tu-danh-gia-ho-so.pdf")))
    assert [o.title for o in merged.outline if not isinstance(o, list)][-3:] == [
        "Tờ trình đề nghị công nhận", "Báo cáo tự đánh giá", "Bản tổng hợp kết quả đánh giá các tiêu chí, chỉ tiêu"]
