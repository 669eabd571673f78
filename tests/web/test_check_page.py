"""Kiểm tra dự thảo: the page gives what `docgen check` finds, with the user's file name."""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from docgen.check.runner import run_check
from tests.web.conftest import DRAFT, data_link, text_of

FIXTURES = Path(__file__).parents[1] / "fixtures" / "drafts"


def upload(client: TestClient, name: str, data: bytes) -> tuple[int, str]:
    page = client.post("/kiem-tra", files={"du_thao": (name, data, "application/octet-stream")})
    return page.status_code, page.text


def test_findings_grouped_by_severity_with_the_text_around(client: TestClient) -> None:
    status, page = upload(client, "kế hoạch.txt", DRAFT.encode("utf-8"))
    assert status == 200
    shown = text_of(page)
    assert "Kết quả: kế hoạch.txt" in shown
    errors = page.index('class="group error"')
    warnings = page.index('class="group warning"')
    assert errors < warnings
    error_part, warning_part = page[errors:warnings], page[warnings:]
    assert "REF002" in error_part and "DL002" in error_part and "STR001" in warning_part
    assert "dòng 3, cột 42" in error_part
    assert "25/2023/TT-BGDĐT ban hành ngày 27/12/2023, không phải 28/12/2023" in error_part
    assert "Thông tư số 25/2023/TT-BGDĐT ngày <mark>28/12/2023</mark> của Bộ trưởng" in error_part
    assert "Sửa thành: <q>27/12/2023</q>" in error_part
    dl002 = error_part[error_part.index(">DL002<"):]
    assert "Căn cứ, vì sao" in dl002
    assert "hồ sơ phải gửi trước ngày 28/02 (cấp xã, điểm d khoản 1 Điều 9)" in text_of(dl002)


def test_the_page_finds_what_the_command_finds(client: TestClient, tmp_path: Path) -> None:
    draft = tmp_path / "du-thao.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    cli = json.loads(run_check([str(draft)], fmt="json").report)["findings"]
    _, page = upload(client, "du-thao.txt", DRAFT.encode("utf-8"))
    web = json.loads(data_link(page, "ket-qua-kiem-tra.json"))["findings"]
    assert [(f["code"], f["line"], f["column"], f["message"]) for f in web] == \
        [(f["code"], f["line"], f["column"], f["message"]) for f in cli]
    assert {f["path"] for f in web} == {"du-thao.txt"}  # the user's name, never the private folder


def test_sarif_download_is_the_cli_report(client: TestClient) -> None:
    _, page = upload(client, "a.txt", DRAFT.encode("utf-8"))
    sarif = json.loads(data_link(page, "ket-qua-kiem-tra.sarif"))
    assert sarif["version"] == "2.1.0"
    assert {r["ruleId"] for r in sarif["runs"][0]["results"]} == {"REF002", "DL002", "STR001"}


def test_a_docx_draft_is_read(client: TestClient) -> None:
    status, page = upload(client, "ke-hoach.docx", (FIXTURES / "ke-hoach.docx").read_bytes())
    assert status == 200
    assert "Kết quả: ke-hoach.docx" in text_of(page)


def test_a_corrupt_docx_gets_the_clis_message_and_the_server_goes_on(client: TestClient) -> None:
    status, page = upload(client, "hỏng.docx", (FIXTURES / "corrupt.docx").read_bytes())
    assert status == 400
    shown = text_of(page)
    cli = run_check([str(FIXTURES / "corrupt.docx")]).messages[0]
    assert cli.startswith(str(FIXTURES / "corrupt.docx") + ": ")
    assert "hỏng.docx: " + cli.split(": ", 1)[1] in shown
    assert "docgen-web-" not in page and "/tmp" not in page
    assert upload(client, "a.txt", DRAFT.encode("utf-8"))[0] == 200


@pytest.mark.parametrize("fixture", ["encrypted.pdf", "broken.pdf", "tcvn3.txt"])
def test_unreadable_drafts_get_a_message(client: TestClient, fixture: str) -> None:
    status, page = upload(client, fixture, (FIXTURES / fixture).read_bytes())
    assert status == 400
    assert re.search(re.escape(fixture) + r": \S", text_of(page))


def test_a_file_of_another_kind_is_refused(client: TestClient) -> None:
    status, page = upload(client, "bang.xlsx", b"PK\x03\x04")
    assert status == 400
    assert "không đọc tệp “.xlsx”" in text_of(page)


def test_no_file_chosen(client: TestClient) -> None:
    page = client.post("/kiem-tra", data={"khac": "1"})
    assert page.status_code == 400
    assert "chưa chọn tệp dự thảo" in text_of(page.text)


def test_a_path_in_the_file_name_never_reaches_the_disk(client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    target = tmp_path / "evil.txt"
    status, page = upload(client, "../../evil.txt", DRAFT.encode("utf-8"))
    assert status == 200
    assert "Kết quả: evil.txt" in text_of(page)
    assert not target.exists()


def test_uploads_are_deleted_and_nothing_is_written_in_the_working_folder(
    client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    temp, work = tmp_path / "tmp", tmp_path / "work"
    temp.mkdir()
    work.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    monkeypatch.chdir(work)
    seen: list[str] = []
    import docgen.web.check as web_check

    real = web_check.check_file

    def spying(path: Path, name: str) -> web_check.CheckView:
        seen.append(str(path))
        assert oct(os.stat(path.parent).st_mode & 0o777) == "0o700"  # a private folder
        return real(path, name)

    monkeypatch.setattr(web_check, "check_file", spying)
    assert upload(client, "a.txt", DRAFT.encode("utf-8"))[0] == 200
    assert len(seen) == 1 and seen[0].startswith(str(temp))
    assert not Path(seen[0]).exists()
    assert [p for p in temp.iterdir() if p.name.startswith("docgen-web-")] == []
    assert list(work.iterdir()) == []
