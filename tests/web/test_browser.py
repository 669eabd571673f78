"""The page in a real browser: Debian's Chromium driven by Playwright, against `docgen serve`
running as a clerk starts it. These tests are not skipped: ./run.sh installs chromium."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

from docgen.spec.starter import starter_spec
from tests.web.conftest import DRAFT
from tests.web.server import Served, start

CHROMIUM = "/usr/bin/chromium"  # Debian's package (run.sh); Playwright's own download is never used
FIXTURES = Path(__file__).parents[1] / "fixtures" / "drafts"
WAIT_MS = 120_000  # a PDF or a dossier: LibreOffice on a busy two-core machine


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    work = tmp_path_factory.mktemp("serve-cwd")
    server = start(work)
    yield server
    server.stop()
    assert list(work.iterdir()) == []  # nothing written where the clerk started it


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert Path(CHROMIUM).exists(), "chromium is missing: ./run.sh setup installs it"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-dev-shm-usage"])  # root in CI; small /dev/shm in containers
        yield b
        b.close()


def open_page(browser: Browser, served: Served, *, width: int = 1366, height: int = 768,
              javascript: bool = True) -> tuple[BrowserContext, Page]:
    context = browser.new_context(viewport={"width": width, "height": height}, accept_downloads=True,
                                  java_script_enabled=javascript, locale="vi-VN")
    context.set_default_timeout(WAIT_MS)
    page = context.new_page()
    page.goto(served.url)
    return context, page


@pytest.fixture
def page(browser: Browser, served: Served) -> Iterator[Page]:
    context, p = open_page(browser, served)
    yield p
    context.close()


def draft_docx(path: Path) -> Path:
    document = docx.Document()
    for line in DRAFT.strip("\n").split("\n"):
        document.add_paragraph(line)
    document.save(str(path))
    return path


def test_without_the_token_the_browser_gets_a_refusal(browser: Browser, served: Served) -> None:
    context = browser.new_context()
    p = context.new_page()
    reply = p.goto(served.base + "/kiem-tra")
    assert reply is not None and reply.status == 403
    expect(p.locator("[role=alert]")).to_contain_text("cần mã truy cập")
    context.close()


def test_upload_a_draft_and_see_the_wrong_date_and_the_wrong_deadline(page: Page, tmp_path: Path) -> None:
    expect(page).to_have_url(re.compile(r"/kiem-tra$"))  # the token left the address
    page.set_input_files("#du_thao", str(draft_docx(tmp_path / "kế hoạch.docx")))
    page.click("form[action='/kiem-tra'] button[type=submit]")
    errors = page.locator("li.finding.error")  # a Word default document also breaks NĐ30's format (FMT)
    date = errors.filter(has=page.locator("a.code", has_text="REF002"))
    expect(date).to_have_count(1)
    expect(date).to_contain_text("25/2023/TT-BGDĐT ban hành ngày 27/12/2023, không phải 28/12/2023")
    expect(date.locator("mark")).to_have_text("28/12/2023")
    deadline = errors.filter(has=page.locator("a.code", has_text="DL002"))
    expect(deadline).to_have_count(1)
    expect(deadline).to_contain_text("phải gửi trước ngày 28/02/2026, văn bản ghi 20/03/2026")
    expect(deadline.locator("mark")).to_have_text("trước ngày 20/3/2026")
    expect(page.locator("h2")).to_contain_text("kế hoạch.docx")
    with page.expect_download() as download:
        page.click("a[download='ket-qua-kiem-tra.json']")
    assert '"code": "DL002"' in Path(download.value.path()).read_text(encoding="utf-8")


def test_the_check_works_without_javascript(browser: Browser, served: Served) -> None:
    context, p = open_page(browser, served, javascript=False)
    p.set_input_files("#du_thao", {"name": "du-thao.txt", "mimeType": "text/plain", "buffer": DRAFT.encode("utf-8")})
    p.click("form[action='/kiem-tra'] button[type=submit]")
    expect(p.locator("li.finding.error").first).to_contain_text("REF002")
    context.close()


def test_a_corrupt_file_gets_its_message_and_the_page_goes_on(page: Page) -> None:
    page.set_input_files("#du_thao", str(FIXTURES / "corrupt.docx"))
    page.click("form[action='/kiem-tra'] button[type=submit]")
    expect(page.locator("[role=alert]")).to_contain_text("corrupt.docx: tệp .docx bị hỏng hoặc không phải tệp Word")
    page.set_input_files("#du_thao", {"name": "b.txt", "mimeType": "text/plain", "buffer": DRAFT.encode("utf-8")})
    page.click("form[action='/kiem-tra'] button[type=submit]")
    expect(page.locator("li.finding").first).to_be_visible()


def test_a_typo_in_a_date_is_shown_by_its_line_then_the_to_trinh_downloads(page: Page, tmp_path: Path) -> None:
    page.click("nav >> text=Soạn văn bản")
    page.select_option("#loai", "to-trinh")
    page.click("text=Lấy mẫu")
    box = page.locator("#dac_ta")
    starter = box.input_value()
    assert starter == starter_spec("to-trinh")
    typo = re.sub(r"(?m)^ngay:.*$", "ngay: 30/02/2026", starter)
    line = typo.split("\n").index("ngay: 30/02/2026") + 1
    box.fill(typo)
    page.click("button[value='kiem-tra']")
    expect(page.locator("#loi")).to_contain_text(f"dòng {line}, cột 7 · ngay: ngày 30/02/2026 không tồn tại")
    expect(page.locator(f"#dong-{line}")).to_contain_text("ngày 30/02/2026 không tồn tại")
    page.click(f"#loi a[data-line='{line}']")  # puts the cursor on the date in the box
    cursor = page.evaluate("document.getElementById('dac_ta').selectionStart")
    assert cursor == len("\n".join(typo.split("\n")[: line - 1])) + 1 + len("ngay: ")
    fixed = typo.replace("ngay: 30/02/2026", "ngay: 27/02/2026").replace(
        "Về việc đề nghị phê duyệt Kế hoạch", "Về việc đề nghị phê duyệt Kế hoạch thử trên trình duyệt")
    page.locator("#dac_ta").fill(fixed)
    with page.expect_download() as download:
        page.click("button[value='docx']")
    assert download.value.suggested_filename == "to-trinh.docx"
    saved = tmp_path / "to-trinh.docx"
    download.value.save_as(saved)
    texts = [p.text for p in docx.Document(str(saved)).paragraphs]
    assert any("Kế hoạch thử trên trình duyệt" in t for t in texts)
    assert any("ngày 27 tháng 02 năm 2026" in t for t in texts) or any(
        "ngày 27 tháng 02 năm 2026" in c.text for t in docx.Document(str(saved)).tables for r in t.rows for c in r.cells)


def test_build_a_dossier(page: Page, tmp_path: Path) -> None:
    page.click("nav >> text=Hồ sơ công nhận")
    page.click("button[value='danh-gia']")
    expect(page.locator("[role=status]")).to_contain_text("Đáp ứng mức độ 1; đề nghị công nhận mức độ 1")
    expect(page.locator("table.facts")).to_contain_text("Sở Giáo dục và Đào tạo tỉnh Lai Châu")
    expect(page.locator("table.facts")).to_contain_text("trước ngày 28/02/2026 (điểm d khoản 1 Điều 9)")
    with page.expect_download(timeout=WAIT_MS) as download:
        page.click("button[value='tai']")
    saved = tmp_path / "ho-so.zip"
    download.value.save_as(saved)
    with zipfile.ZipFile(saved) as archive:
        names = archive.namelist()
        assert sum(n.endswith(".docx") for n in names) == 3
        pdf = archive.read(next(n for n in names if n.endswith(".pdf")))
    assert pdf.startswith(b"%PDF")


def test_timeline_lookup(page: Page) -> None:
    page.click("nav >> text=Tra cứu")
    page.click("text=Mốc thời gian")
    page.select_option("#cap", "huyen")
    page.fill("#nam", "2024")
    page.click("form button[type=submit]")
    expect(page.locator("main")).to_contain_text("Cộng đồng học tập cấp huyện, mức độ 1, năm đánh giá 2024")


@pytest.mark.parametrize("path", ["/kiem-tra", "/soan", "/soan/bieu-mau", "/ho-so", "/tra-cuu", "/tra-cuu/moc-thoi-gian?nam=2025",
                                  "/tra-cuu/van-ban", "/tra-cuu/quy-tac", "/ho-so/bieu-mau"])
def test_pages_fit_a_phone_width(browser: Browser, served: Served, path: str) -> None:
    context, p = open_page(browser, served, width=390, height=844)
    p.goto(served.base + path)
    overflow = p.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    context.close()
    assert overflow <= 0, f"{path} is {overflow}px wider than a phone"


def test_draft_a_to_trinh_through_the_form(page: Page, tmp_path: Path) -> None:
    page.goto(page.url.rsplit("/", 1)[0] + "/soan/bieu-mau?loai=to-trinh")
    page.fill("#f-ngay", "29/02/2026")  # 2026 is not a leap year
    page.fill("#f-trich_yeu", "Về việc đề nghị công nhận “Cộng đồng học tập” cấp xã năm 2025")
    page.click("button[value='them:can_cu']")  # a second citation, picked from the registry
    page.fill("#f-can_cu\\.1\\.van_ban", "24/2023/TT-BGDĐT")
    page.fill("#f-can_cu\\.1\\.dan", "Căn cứ")
    page.click("button[value='kiem-tra']")
    date_field = page.locator("#o-ngay")
    expect(date_field).to_have_class(re.compile(r"\bbad\b"))
    expect(date_field.locator(".field-error")).to_have_text("ngày 29/02/2026 không tồn tại")
    expect(page.locator("#f-can_cu\\.1\\.van_ban")).to_have_value("24/2023/TT-BGDĐT")  # nothing typed is lost
    page.fill("#f-ngay", "27/02/2026")
    with page.expect_download() as download:
        page.click("button[value='docx']")
    saved = tmp_path / "to-trinh.docx"
    download.value.save_as(saved)
    document = docx.Document(str(saved))
    texts = [p.text for p in document.paragraphs] + [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert "Về việc đề nghị công nhận “Cộng đồng học tập” cấp xã năm 2025" in texts
    assert any("Thông tư số 24/2023/TT-BGDĐT" in t for t in texts)
    assert any("ngày 27 tháng 02 năm 2026" in t for t in texts)


def test_the_spec_box_is_checked_while_typing(page: Page) -> None:
    page.goto(page.url.rsplit("/", 1)[0] + "/soan?loai=cong-van")
    box = page.locator("#dac_ta")
    typo = re.sub(r"(?m)^ngay:.*$", "ngay: 31/04/2026", box.input_value())
    line = typo.split("\n").index("ngay: 31/04/2026") + 1
    box.fill(typo)
    box.press("End")  # an input event, as when typing
    live = page.locator("#kiem-tra-song")
    expect(live).to_contain_text(f"dòng {line}, cột 7 ngay: ngày 31/04/2026 không tồn tại")
    box.fill(typo.replace("31/04/2026", "30/04/2026"))
    box.type(" ")
    expect(live).to_contain_text("đặc tả hợp lệ")


def test_fill_in_the_self_assessment_through_the_form(page: Page) -> None:
    page.goto(page.url.rsplit("/", 1)[0] + "/ho-so/bieu-mau")
    page.select_option("#ct-2\\.a-dat", "false")
    page.fill("#ct-5\\.a-ty_le", "62,5")
    page.click("button[value='danh-gia']")
    expect(page.locator("main")).to_contain_text("chưa đáp ứng “Cộng đồng học tập” cấp xã mức độ 1")
    expect(page.locator("#ct-2\\.a-dat")).to_have_value("false")  # what was chosen stays
    page.select_option("#ct-2\\.a-dat", "true")
    page.click("button[value='danh-gia']")
    expect(page.locator("[role=status]")).to_contain_text("Đáp ứng mức độ 1; đề nghị công nhận mức độ 1")


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_the_pdf_of_a_to_trinh_through_its_job_page(browser: Browser, served: Served, tmp_path: Path,
                                                     javascript: bool) -> None:
    """"Tải về PDF" leads to a page saying what is being made, which reloads itself (a meta refresh,
    so without JavaScript too) until it sends the browser to the file."""
    context, p = open_page(browser, served, javascript=javascript)
    p.goto(served.base + "/soan?loai=to-trinh")
    seen: list[str] = []
    p.on("framenavigated", lambda frame: seen.append(frame.url) if frame == p.main_frame else None)
    with p.expect_download() as download:
        p.click("button[value='pdf']")
    assert download.value.suggested_filename == "to-trinh.pdf"
    saved = tmp_path / "to-trinh.pdf"
    download.value.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF")
    assert any(re.search(r"/viec/[A-Za-z0-9_-]+$", url) for url in seen)  # the job's page was shown
    expect(p.locator("h1")).to_have_text("Đã xong PDF của Tờ trình")
    expect(p.locator(".job")).to_contain_text("trình duyệt đang tải tệp về")
    context.close()
