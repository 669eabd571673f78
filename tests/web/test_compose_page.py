"""Soạn văn bản: the spec text is validated, rendered and converted as by `docgen render`."""

from __future__ import annotations

import base64
import io
import re
import threading

import docx
import pytest
from pypdf import PdfReader
from starlette.testclient import TestClient

from docgen.spec.starter import starter_spec
from tests.web.conftest import finish, make_client, text_of

SUBJECT = "trich_yeu: Về việc đề nghị phê duyệt Kế hoạch xây dựng “Cộng đồng học tập” cấp tỉnh năm 2025"


def to_trinh(subject: str | None = None, date: str | None = None) -> str:
    text = starter_spec("to-trinh")
    if subject is not None:
        assert SUBJECT in text
        text = text.replace(SUBJECT, f"trich_yeu: {subject}")
    if date is not None:
        text = re.sub(r"(?m)^ngay:.*$", f"ngay: {date}", text)
    return text


def post(client: TestClient, text: str, action: str):  # type: ignore[no-untyped-def]
    return finish(client, client.post("/soan", data={"loai": "to-trinh", "dac_ta": text, "lam": action}))  # a PDF, a preview, a dossier: through its job page


def body_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_the_starter_of_each_kind_is_in_the_box(client: TestClient) -> None:
    for kind in ("ke-hoach", "cong-van", "to-trinh", "bao-cao", "chuong-trinh-phoi-hop", "quyet-dinh"):
        page = client.get(f"/soan?loai={kind}")
        assert page.status_code == 200
        box = re.search(r'<textarea id="dac_ta"[^>]*>(.*?)</textarea>', page.text, re.S)
        assert box and text_of(box.group(1)) == " ".join(starter_spec(kind).split())
        assert f'<option value="{kind}" selected>' in page.text


def test_a_wrong_date_is_shown_next_to_its_line_with_the_clis_message(client: TestClient) -> None:
    text = to_trinh(date="31/02/2026")
    line = text.split("\n").index("ngay: 31/02/2026") + 1
    page = post(client, text, "kiem-tra")
    assert page.status_code == 422
    shown = text_of(page.text)
    assert f"dòng {line}, cột 7 · ngay : ngày 31/02/2026 không tồn tại" in shown
    listing = re.search(rf'<li id="dong-{line}" class="bad">(.*?)</li>', page.text, re.S)
    assert listing is not None
    assert "ngày 31/02/2026 không tồn tại" in text_of(listing.group(1))
    assert "ngay: 31/02/2026" in text_of(listing.group(1))


def test_every_problem_is_reported_and_a_typo_in_a_key_gets_a_suggestion(client: TestClient) -> None:
    text = to_trinh(date="32/13/2026").replace("trich_yeu:", "trich_yue:", 1)
    page = post(client, text, "docx")  # a download asked for a broken spec gives the page, not a file
    assert page.status_code == 422
    assert page.headers["content-type"].startswith("text/html")
    shown = text_of(page.text)
    assert "trich_yeu" in shown and "32/13/2026" in shown
    assert "Đặc tả có" in shown


def test_a_broken_yaml_is_the_loaders_message_on_the_page(client: TestClient) -> None:
    from docgen.errors import SpecError
    from docgen.spec.loader import load_spec_text

    broken = "loai: to-trinh\nco_quan: [\n"
    with pytest.raises(SpecError) as cli:
        load_spec_text(broken, "du-thao.yaml")
    (location, message), = cli.value.problems
    page = post(client, broken, "kiem-tra")
    assert page.status_code == 422
    shown = text_of(page.text)
    assert "Đặc tả có 1 lỗi" in shown
    assert f"dòng {location.line}, cột {location.column}" in shown and " ".join(message.split()) in shown


def test_a_valid_spec_says_so(client: TestClient) -> None:
    page = post(client, to_trinh(), "kiem-tra")
    assert page.status_code == 200
    assert "Đặc tả hợp lệ" in text_of(page.text)


def test_download_the_docx(client: TestClient) -> None:
    reply = post(client, to_trinh(subject="Về việc thử nghiệm trang web"), "docx")
    assert reply.status_code == 200
    assert reply.headers["content-disposition"] == 'attachment; filename="to-trinh.docx"'
    assert "Về việc thử nghiệm trang web" in body_text(reply.content)


def test_download_the_spec(client: TestClient) -> None:
    text = to_trinh(subject="Về việc giữ nguyên đặc tả")
    reply = post(client, text, "yaml")
    assert reply.headers["content-disposition"] == 'attachment; filename="to-trinh.yaml"'
    assert reply.content.decode("utf-8") == text


def test_download_the_pdf(client: TestClient) -> None:
    reply = post(client, to_trinh(subject="Về việc thử bản PDF"), "pdf")
    assert reply.status_code == 200
    assert reply.headers["content-type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(reply.content))
    assert len(reader.pages) >= 1
    assert "thử bản PDF" in " ".join(page.extract_text() for page in reader.pages)


def test_preview_shows_the_pages_as_images(client: TestClient) -> None:
    page = post(client, to_trinh(), "xem-truoc")
    assert page.status_code == 200
    images = re.findall(r'<img src="data:image/png;base64,([^"]+)" alt="Trang (\d+)">', page.text)
    assert images and images[0][1] == "1"
    assert base64.b64decode(images[0][0]).startswith(b"\x89PNG\r\n\x1a\n")


def test_two_clerks_at_once_each_get_their_own_files(app) -> None:  # type: ignore[no-untyped-def]
    results: dict[str, bytes] = {}
    failures: list[BaseException] = []

    with make_client(app) as client:  # one server loop, four requests in flight

        def clerk(name: str, action: str) -> None:
            try:
                reply = post(client, to_trinh(subject=f"Về việc của {name}"), action)
                assert reply.status_code == 200
                results[name] = reply.content
            except BaseException as exc:  # noqa: BLE001 - reported below, in the test's thread
                failures.append(exc)

        threads = [threading.Thread(target=clerk, args=(n, a)) for n, a in
                   [("Lan", "docx"), ("Minh", "docx"), ("Hoa", "pdf"), ("Tùng", "pdf")]]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=300)
    assert not failures, failures
    assert "Về việc của Lan" in body_text(results["Lan"]) and "Minh" not in body_text(results["Lan"])
    assert "Về việc của Minh" in body_text(results["Minh"])
    for name in ("Hoa", "Tùng"):
        text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(results[name])).pages)
        assert f"của {name}" in text


def test_the_page_answers_while_a_pdf_is_being_made(app, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    import docgen.web.compose as compose

    started = threading.Event()
    done = threading.Event()
    real = compose.render_pdf

    def render_pdf(document):  # type: ignore[no-untyped-def]
        started.set()  # the server is now converting: a blocked event loop would answer nothing else
        return real(document)

    monkeypatch.setattr(compose, "render_pdf", render_pdf)

    with make_client(app) as client:  # one client: one event loop serving both requests

        def slow() -> None:
            post(client, to_trinh(), "pdf")
            done.set()

        worker = threading.Thread(target=slow)
        worker.start()
        assert started.wait(timeout=120)
        assert client.get("/tra-cuu").status_code == 200
        answered_before_pdf = not done.is_set()
        worker.join(timeout=300)
    assert done.is_set()
    assert answered_before_pdf


@pytest.mark.parametrize("kind", ["khong-co", "../../etc"])
def test_an_unknown_kind_falls_back_to_a_plan(client: TestClient, kind: str) -> None:
    page = client.get("/soan", params={"loai": kind})
    assert '<option value="ke-hoach" selected>' in page.text


def test_the_listing_shows_each_bad_line_with_its_neighbours_only() -> None:
    from docgen.web.compose import Checked, Problem

    text = "\n".join(f"dong{i}" for i in range(1, 21))
    checked = Checked(None, [Problem(3, 1, "a", "sai"), Problem(4, 2, "b", "sai"), Problem(15, 1, "c", "sai")])
    rows = [(n, line, [p.field for p in ps]) for n, line, ps in checked.annotated(text)]
    assert rows == [(2, "dong2", []), (3, "dong3", ["a"]), (4, "dong4", ["b"]), (5, "dong5", []),
                    (0, "…", []), (14, "dong14", []), (15, "dong15", ["c"]), (16, "dong16", [])]


def test_template_syntax_in_a_spec_is_text_not_code(client: TestClient) -> None:
    subject = "Về việc {{ 7 * 7 }} {% include '/etc/passwd' %} {{ config }}"
    reply = post(client, to_trinh(subject=f'"{subject}"'), "docx")
    assert reply.status_code == 200, text_of(reply.text)
    body = body_text(reply.content)
    assert subject in body
    assert "49" not in body and "root:" not in body


def test_live_check_answers_the_problems_as_json(client: TestClient) -> None:
    text = to_trinh(date="31/02/2026")
    line = text.split("\n").index("ngay: 31/02/2026") + 1
    reply = client.post("/soan/kiem-tra-nhanh", data={"dac_ta": text})
    assert reply.status_code == 200
    assert reply.json()["ok"] is False
    assert {"line": line, "column": 7, "field": "ngay", "message": "ngày 31/02/2026 không tồn tại",
            "where": f"dòng {line}, cột 7"} in reply.json()["problems"]
    assert client.post("/soan/kiem-tra-nhanh", data={"dac_ta": to_trinh()}).json()["ok"] is True


def test_a_download_is_checked_as_docgen_render_checks_it(client: TestClient) -> None:
    """Issue 12: what `docgen render` would refuse to write is not handed out by the page either."""
    wrong = to_trinh().replace(
        "    van_ban: 25/2023/TT-BGDĐT\n",
        "    noi_dung: Thông tư số 25/2023/TT-BGDĐT ngày 20/12/2023 của Bộ trưởng Bộ Giáo dục và Đào tạo\n",
    )
    assert wrong != to_trinh()
    page = post(client, wrong, "docx")
    assert page.status_code == 422 and "attachment" not in page.headers.get("content-disposition", "")
    assert "REF002" in page.text and "27/12/2023" in page.text
    right = wrong.replace("20/12/2023", "27/12/2023")
    reply = post(client, right, "docx")
    assert reply.status_code == 200 and reply.headers["content-disposition"] == 'attachment; filename="to-trinh.docx"'
