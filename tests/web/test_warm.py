"""Issue 11: one LibreOffice kept for the server's lifetime (docgen/render/warm.py), and long work
as a job whose page shows progress and refreshes itself until the file is ready (docgen/web/jobs.py).

python3-uno is installed by ./run.sh (need_apt); these tests are not skipped without it. They
assert on process ids and on what is left in /proc, never on time."""

from __future__ import annotations

import io
import os
import re
import signal
import time
from pathlib import Path

import httpx2 as httpx  # Starlette 1.x TestClient's client (requirements.lock); not the older httpx
import pytest
from pypdf import PdfReader
from starlette.applications import Starlette
from starlette.testclient import TestClient

from docgen.errors import RenderError
from docgen.render import pdf, warm
from docgen.spec.starter import starter_spec
from docgen.web import jobs
from tests.web.conftest import REFRESH, finish, make_client, text_of
from tests.web.server import start


def to_trinh(subject: str) -> str:
    text = starter_spec("to-trinh")
    return re.sub(r"(?m)^trich_yeu:.*$", f"trich_yeu: {subject}", text)


def ask_pdf(client: TestClient, subject: str) -> httpx.Response:
    return client.post("/soan", data={"loai": "to-trinh", "dac_ta": to_trinh(subject), "lam": "pdf"},
                       follow_redirects=False)


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 1
    return " ".join(page.extract_text() for page in reader.pages)


def processes_with(word: str) -> set[int]:
    """Process ids whose command line holds ``word`` (as ``pgrep -f`` would find them)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if word in command and state != "Z":
            found.add(int(entry.name))
    return found


def test_uno_is_there() -> None:
    assert warm.available(), "python3-uno is missing: ./run.sh setup installs it"


def test_the_pdf_of_a_to_trinh_through_its_job_page(app: Starlette) -> None:
    with make_client(app) as client:
        asked = ask_pdf(client, "Về việc thử trang theo dõi")
        assert asked.status_code == 303
        job_page = asked.headers["location"]
        assert re.fullmatch(r"/viec/[A-Za-z0-9_-]{20,}", job_page)
        waiting = client.get(job_page)
        assert waiting.status_code == 200
        shown = text_of(waiting.text)
        assert "PDF của Tờ trình" in shown  # says what is being made ("Đang tạo …" or "Đã xong …")
        assert REFRESH.search(waiting.text)  # and the page reloads itself
        reply = finish(client, waiting)
        assert reply.headers["content-type"] == "application/pdf"
        assert reply.headers["content-disposition"] == 'attachment; filename="to-trinh.pdf"'
        assert "thử trang theo dõi" in pdf_text(reply.content)
        again = client.get(job_page)  # downloaded: deleted, and the page says so
        assert again.status_code == 404
        assert "đã được tải về" in text_of(again.text)
        assert list(app.state.jobs.folder.iterdir()) == []


def test_the_running_page_names_the_work_and_refreshes(app: Starlette, monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    import docgen.web.compose as compose

    release = threading.Event()
    monkeypatch.setattr(compose, "render_pdf", lambda document: release.wait(120) and b"%PDF-1.4 thu")
    with make_client(app) as client:
        page = client.get(ask_pdf(client, "Về việc chờ").headers["location"])
        assert "Đang tạo PDF của Tờ trình" in text_of(page.text)
        assert '<meta http-equiv="refresh" content="1">' in page.text
        assert 'class="progress"' in page.text
        state = client.get(page.url.path + "/trang-thai").json()  # what app.js asks
        assert state["running"] is True and isinstance(state["seconds"], int)
        release.set()
        assert finish(client, page).content == b"%PDF-1.4 thu"


def test_two_pdfs_in_a_row_use_the_same_libreoffice(app: Starlette) -> None:
    office: warm.WarmOffice = app.state.office
    with make_client(app) as client:
        first = finish(client, client.get(ask_pdf(client, "Về việc thứ nhất").headers["location"]))
        assert "thứ nhất" in pdf_text(first.content)
        pid = office.pid
        assert pid is not None
        second = finish(client, client.get(ask_pdf(client, "Về việc thứ hai").headers["location"]))
        assert "thứ hai" in pdf_text(second.content)
        assert office.pid == pid
        assert office.starts == 1


def test_a_killed_libreoffice_is_started_again(app: Starlette) -> None:
    office: warm.WarmOffice = app.state.office
    with make_client(app) as client:
        finish(client, client.get(ask_pdf(client, "Về việc trước").headers["location"]))
        pid = office.pid
        assert pid is not None
        os.killpg(pid, signal.SIGKILL)  # soffice and its soffice.bin
        reply = finish(client, client.get(ask_pdf(client, "Về việc sau khi dừng").headers["location"]))
        assert "sau khi dừng" in pdf_text(reply.content)
        assert office.pid not in (None, pid)
        assert office.starts == 2


def test_killing_only_soffice_bin_is_survived_too(app: Starlette) -> None:
    office: warm.WarmOffice = app.state.office
    with make_client(app) as client:
        finish(client, client.get(ask_pdf(client, "Về việc trước").headers["location"]))
        assert office.profile is not None
        worker = [p for p in processes_with(office.profile.name)
                  if b"soffice.bin" in Path(f"/proc/{p}/cmdline").read_bytes()]
        assert len(worker) == 1
        os.kill(worker[0], signal.SIGKILL)
        reply = finish(client, client.get(ask_pdf(client, "Về việc sau").headers["location"]))
        assert "Về việc sau" in pdf_text(reply.content)
        assert office.alive()


def test_stopping_the_app_leaves_no_libreoffice(app: Starlette) -> None:
    office: warm.WarmOffice = app.state.office
    with make_client(app) as client:
        finish(client, client.get(ask_pdf(client, "Về việc dừng").headers["location"]))
        assert office.profile is not None
        name = office.profile.name
        assert len(processes_with(name)) >= 2  # oosplash and soffice.bin
    assert processes_with(name) == set()
    assert not (Path(os.environ.get("TMPDIR", "/tmp")) / name).exists()
    assert not app.state.jobs.folder.exists()


def test_stopping_docgen_serve_leaves_no_libreoffice(tmp_path: Path) -> None:
    """The real server: started as a clerk starts it, a PDF through its job page, then Ctrl-C's
    SIGTERM; no process of its LibreOffice is left."""
    before = processes_with(warm.PROFILE_PREFIX)
    served = start(tmp_path)
    try:
        with httpx.Client(timeout=120) as http:
            assert http.get(served.url, follow_redirects=True).status_code == 200  # token → cookie
            asked = http.post(served.base + "/soan", data={"loai": "to-trinh", "dac_ta": to_trinh("Về việc máy chủ thật"),
                                                           "lam": "pdf"})
            assert asked.status_code == 303
            reply = http.get(served.base + asked.headers["location"])
            for _ in range(600):
                m = REFRESH.search(reply.text) if reply.headers["content-type"].startswith("text/html") else None
                if m is None:
                    break
                if m.group(2) is None:
                    time.sleep(0.2)
                reply = http.get(served.base + (m.group(2) or asked.headers["location"]))
            assert "máy chủ thật" in pdf_text(reply.content)
        ours = processes_with(warm.PROFILE_PREFIX) - before
        assert ours  # the warm LibreOffice of this server
    finally:
        served.stop()
    assert served.process.returncode is not None
    assert not (ours & processes_with(warm.PROFILE_PREFIX))


def test_closing_the_terminal_leaves_no_libreoffice(tmp_path: Path) -> None:
    """SIGHUP (the terminal window closed) stops `docgen serve` as Ctrl-C does."""
    before = processes_with(warm.PROFILE_PREFIX)
    served = start(tmp_path)
    try:
        ours: set[int] = set()
        for _ in range(600):  # the server starts its LibreOffice in the background
            ours = processes_with(warm.PROFILE_PREFIX) - before
            if len(ours) >= 2:
                break
            time.sleep(0.1)
        assert ours
        served.process.send_signal(signal.SIGHUP)
        served.process.wait(timeout=60)
    finally:
        served.stop()
    assert not (ours & processes_with(warm.PROFILE_PREFIX))


def test_without_uno_the_pdf_is_made_the_cold_way(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from docgen.render.docx import render_document
    from docgen.spec.loader import load_spec_text

    monkeypatch.setattr(warm, "load_uno", lambda: None)
    office = warm.WarmOffice()
    warm.activate(office)
    try:
        source = tmp_path / "to-trinh.docx"
        source.write_bytes(render_document(load_spec_text(to_trinh("Về việc không có UNO"), "x.yaml", [])))
        made = pdf.convert([source], tmp_path / "pdf")
    finally:
        warm.deactivate(office)
        office.close()
    assert "không có UNO" in pdf_text(made[0].read_bytes())
    assert office.starts == 0 and warm.current() is None


def test_a_failed_conversion_is_a_vietnamese_message_on_the_job_page(app: Starlette,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import docgen.web.compose as compose

    def broken(document: object) -> bytes:
        raise RenderError("LibreOffice không tạo được PDF cho to-trinh.pdf (mã thoát 1)")

    monkeypatch.setattr(compose, "render_pdf", broken)
    with make_client(app) as client:
        page = finish(client, client.get(ask_pdf(client, "Về việc hỏng").headers["location"]))
    assert page.status_code == 422
    shown = text_of(page.text)
    assert "Chưa tạo được PDF của Tờ trình" in shown
    assert "LibreOffice không tạo được PDF cho to-trinh.pdf" in shown
    assert "Traceback" not in page.text


def test_an_unknown_job_is_a_page_not_an_error(client: TestClient) -> None:
    page = client.get("/viec/khong-co-viec-nay")
    assert page.status_code == 404
    assert "việc này không còn" in text_of(page.text)
    assert client.get("/viec/khong-co-viec-nay/tai").status_code == 404


def test_a_result_nobody_fetched_is_deleted_after_the_time_limit() -> None:
    table = jobs.Jobs(keep=0)
    try:
        job = table.start("thử", "/soan", lambda: jobs.Download(b"%PDF", "thu.pdf", "application/pdf"))
        for _ in range(600):
            if not job.running:
                break
            time.sleep(0.05)
        assert job.file is not None and job.file.is_file()
        time.sleep(0.01)
        assert table.get(job.id) is None  # swept
        assert not job.file.exists()
    finally:
        table.close()
    assert not table.folder.exists()


def test_two_clerks_get_their_own_pdfs_through_their_own_jobs(app: Starlette) -> None:
    with make_client(app) as client:
        pages = {name: ask_pdf(client, f"Về việc của {name}").headers["location"] for name in ("Hoa", "Tùng")}
        assert pages["Hoa"] != pages["Tùng"]
        for name, where in pages.items():
            text = pdf_text(finish(client, client.get(where)).content)
            assert f"của {name}" in text
            assert ({"Hoa", "Tùng"} - {name}).pop() not in text
