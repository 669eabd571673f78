"""The token, the body limit and the error boundary (docgen/web/guard.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from starlette.testclient import TestClient

from docgen.web.app import create_app
from tests.web.conftest import BASE, DRAFT, TOKEN, make_client, text_of


@pytest.mark.parametrize("path", ["/", "/kiem-tra", "/soan", "/soan/bieu-mau", "/ho-so", "/tra-cuu/quy-tac", "/tep/../kiem-tra"])
def test_without_the_token_no_page_is_served(path: str) -> None:
    client = TestClient(create_app(TOKEN), base_url=BASE)
    page = client.get(path, follow_redirects=False)
    assert page.status_code == 403
    assert "cần mã truy cập" in text_of(page.text)
    assert "Kiểm tra dự thảo</h1>" not in page.text
    assert 'href="/kiem-tra"' not in page.text  # no tabs: they would be refused too


@pytest.mark.parametrize("path", ["/kiem-tra", "/soan", "/soan/kiem-tra-nhanh", "/ho-so", "/tep/style.css"])
def test_without_the_token_nothing_is_posted(path: str) -> None:
    client = TestClient(create_app(TOKEN), base_url=BASE)
    assert client.post(path, data={"dac_ta": "loai: to-trinh"}).status_code == 403


def test_the_stylesheet_is_served_without_the_token_so_the_refusal_is_readable() -> None:
    client = TestClient(create_app(TOKEN), base_url=BASE)
    assert client.get("/tep/style.css").status_code == 200
    assert client.get("/tep/khong-co.css").status_code == 404


def test_a_wrong_token_or_cookie_is_refused() -> None:
    client = TestClient(create_app(TOKEN), base_url=BASE)
    assert client.get("/kiem-tra?token=sai", follow_redirects=False).status_code == 403
    client.cookies.set("docgen-8765", "sai")
    assert client.get("/kiem-tra", follow_redirects=False).status_code == 403


def test_the_token_sets_a_strict_cookie_and_leaves_the_address() -> None:
    client = TestClient(create_app(TOKEN), base_url=BASE)
    first = client.get(f"/soan?loai=to-trinh&token={TOKEN}", follow_redirects=False)
    assert first.status_code == 303
    assert first.headers["location"] == "/soan?loai=to-trinh"
    cookie = first.headers["set-cookie"]
    assert cookie.startswith(f"docgen-8765={TOKEN};")
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    then = client.get("/soan?loai=to-trinh")
    assert then.status_code == 200
    assert "Soạn văn bản" in then.text


def test_a_cookie_for_another_port_is_not_this_servers() -> None:
    client = TestClient(create_app(TOKEN), base_url=BASE)
    client.cookies.set("docgen-9999", TOKEN)
    assert client.get("/kiem-tra").status_code == 403


def test_an_upload_past_the_limit_gets_a_vietnamese_page() -> None:
    with make_client(create_app(TOKEN, upload_bytes=2048)) as client:
        page = client.post("/kiem-tra", files={"du_thao": ("lon.txt", ("x" * 5000).encode(), "text/plain")})
        assert page.status_code == 413
        assert "vượt giới hạn 2 KB" in text_of(page.text)
        assert client.get("/kiem-tra").status_code == 200  # the server goes on


def test_a_streamed_body_without_length_is_cut_at_the_limit() -> None:
    def body():  # type: ignore[no-untyped-def]
        for _ in range(10):
            yield b"y" * 1024

    with make_client(create_app(TOKEN, upload_bytes=2048)) as client:
        page = client.post("/kiem-tra", content=body(), headers={"content-type": "multipart/form-data; boundary=abc"})
        assert page.status_code == 413
        assert "vượt giới hạn" in text_of(page.text)


def test_an_unexpected_error_is_logged_and_the_page_names_the_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import docgen.web.check

    def boom(*args: object) -> None:
        raise KeyError("khóa-lạ")

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setattr(docgen.web.check, "check_file", boom)
    with make_client(create_app(TOKEN)) as client:
        page = client.post("/kiem-tra", files={"du_thao": ("a.txt", DRAFT.encode(), "text/plain")})
        assert page.status_code == 500
        shown = text_of(page.text)
        assert "lỗi nội bộ của docgen khi xử lý trang /kiem-tra: KeyError" in shown
        assert "Traceback" not in page.text
        logs = list((tmp_path / "state" / "docgen").glob("loi-*.log"))
        assert len(logs) == 1
        assert str(logs[0]) in shown
        assert "Traceback" in logs[0].read_text(encoding="utf-8")
        monkeypatch.undo()
        assert client.get("/kiem-tra").status_code == 200


def test_an_unknown_page_is_a_vietnamese_404(client: TestClient) -> None:
    page = client.get("/khong-co-trang-nay")
    assert page.status_code == 404
    assert "không có trang này" in text_of(page.text)


def test_a_wrong_method_is_a_vietnamese_405(client: TestClient) -> None:
    page = client.post("/tra-cuu/quy-tac")
    assert page.status_code == 405
    assert "không nhận yêu cầu kiểu đó" in text_of(page.text)


def test_the_redirect_keeps_a_vietnamese_query() -> None:
    from urllib.parse import parse_qs, urlsplit

    client = TestClient(create_app(TOKEN), base_url=BASE)
    first = client.get(f"/tra-cuu/van-ban?so=25%2F2023%2FTT-BGD%C4%90T&token={TOKEN}", follow_redirects=False)
    assert first.status_code == 303
    where = urlsplit(first.headers["location"])
    assert where.path == "/tra-cuu/van-ban"
    assert parse_qs(where.query) == {"so": ["25/2023/TT-BGDĐT"]}
    assert "27/12/2023" in text_of(client.get(first.headers["location"]).text)
