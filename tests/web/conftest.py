"""Shared pieces of the web page's tests: an app with a known token, a client holding its cookie,
and drafts written the way a clerk writes them."""

from __future__ import annotations

import base64
import html
import re
import time
from collections.abc import Iterator

import httpx2 as httpx  # Starlette 1.x TestClient's client (requirements.lock); not the older httpx
import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from docgen.web.app import create_app

TOKEN = "ma-thu-nghiem-123"
BASE = "http://127.0.0.1:8765"

#: A plan with a wrong TT25 date (REF002, line 3) and a commune dossier due after 28/02 (DL002, line 6).
DRAFT = (
    "KẾ HOẠCH\n"
    "Triển khai đánh giá, công nhận “Cộng đồng học tập” năm 2026\n"
    "Căn cứ Thông tư số 25/2023/TT-BGDĐT ngày 28/12/2023 của Bộ trưởng Bộ Giáo dục và Đào tạo;\n"
    "II. NHIỆM VỤ\n"
    "1. Đối với cấp xã\n"
    "- Hoàn thiện hồ sơ, gửi Phòng Giáo dục và Đào tạo trước ngày 20/3/2026.\n"
)


def make_client(app: Starlette) -> TestClient:
    """A client that has opened the printed address once, so it holds the cookie."""
    client = TestClient(app, base_url=BASE)
    opened = client.get(f"/?token={TOKEN}", follow_redirects=False)
    assert opened.status_code == 303
    return client


@pytest.fixture
def app() -> Starlette:
    return create_app(TOKEN)


@pytest.fixture
def client(app: Starlette) -> Iterator[TestClient]:
    with make_client(app) as c:
        yield c


REFRESH = re.compile(r'<meta http-equiv="refresh" content="(\d+)(?:;url=([^"]+))?">')


def finish(client: TestClient, reply: httpx.Response, rounds: int = 1500) -> httpx.Response:
    """Follow a job's page as a browser without JavaScript does (a PDF, a preview and a dossier
    are jobs, docgen/web/jobs.py): reload while it says "đang tạo", then go where it sends the
    browser when done; the first reply that is not a refreshing page is returned."""
    for _ in range(rounds):
        if not reply.headers.get("content-type", "").startswith("text/html"):
            return reply
        m = REFRESH.search(reply.text)
        if m is None:
            return reply
        if m.group(2) is None:
            time.sleep(0.2)
        reply = client.get(m.group(2) or reply.url.path)
    raise AssertionError("the job's page never finished")


def text_of(page: str) -> str:
    """The visible text of a page, tags removed and entities decoded, spaces collapsed."""
    no_tags = re.sub(r"<[^>]+>", " ", page)
    return " ".join(html.unescape(no_tags).split())


def data_link(page: str, download: str) -> bytes:
    """The bytes behind the ``data:`` link whose download name is ``download``."""
    m = re.search(r'href="data:[^;]+;charset=utf-8;base64,([^"]+)" download="' + re.escape(download) + '"', page)
    assert m, f"no download link {download}"
    return base64.b64decode(m.group(1))


def form_fields(page: str, form_id: str) -> list[tuple[str, str]]:
    """What a browser posts for the form ``form_id`` on ``page``: named inputs (checked boxes only),
    textareas and selects, in document order; buttons are left out."""
    start = page.index(f'id="{form_id}"')
    body = page[start:page.index("</form>", start)]
    found: list[tuple[int, str, str]] = []
    for m in re.finditer(r'<input id="[^"]+" name="([^"]+)"([^>]*)>', body):
        attrs = m.group(2)
        if 'type="checkbox"' in attrs:
            if " checked" in attrs:
                found.append((m.start(), m.group(1), "true"))
            continue
        value = re.search(r'value="([^"]*)"', attrs)
        found.append((m.start(), m.group(1), html.unescape(value.group(1)) if value else ""))
    for m in re.finditer(r'<textarea id="[^"]+" name="([^"]+)"[^>]*>(.*?)</textarea>', body, re.S):
        found.append((m.start(), m.group(1), html.unescape(m.group(2))))
    for m in re.finditer(r'<select id="[^"]+" name="([^"]+)">(.*?)</select>', body, re.S):
        chosen = re.search(r'<option value="([^"]*)" selected>', m.group(2)) or re.search(r'<option value="([^"]*)"', m.group(2))
        found.append((m.start(), m.group(1), html.unescape(chosen.group(1)) if chosen else ""))  # none chosen: the first
    return [(name, value) for _, name, value in sorted(found)]
