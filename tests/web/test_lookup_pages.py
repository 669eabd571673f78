"""Tra cứu: the pages lay out what `docgen timeline`, `docgen refs` and `docgen rules` print."""

from __future__ import annotations

from starlette.testclient import TestClient

from docgen.check.report.text import render_rule_doc
from docgen.check.rules.base import all_rules
from docgen.law import show
from docgen.law.registry import load_registry
from tests.web.conftest import text_of


def test_timeline_gives_each_milestone_of_the_cli_with_its_clause(client: TestClient) -> None:
    page = client.get("/tra-cuu/moc-thoi-gian", params={"cap": "xa", "muc_do": "1", "nam": "2025"})
    assert page.status_code == 200
    shown = text_of(page.text)
    assert "Gửi hồ sơ đề nghị công nhận đến Sở Giáo dục và Đào tạo trước ngày 28/02/2026 (điểm d khoản 1 Điều 9 TT 25/2023/TT-BGDĐT)" in shown
    report = show.timeline_report("xa", "1", 2025, None, "text")
    warnings = False
    for line in report.splitlines():
        warnings = warnings or line == "Cảnh báo:"
        if line.startswith("- "):  # a milestone is "label | value" in the table, a warning whole
            expected = line[2:] if warnings else line[2:].replace(": ", " ", 1)
            assert " ".join(expected.split()) in shown, line


def test_timeline_for_a_province_level_2(client: TestClient) -> None:
    shown = text_of(client.get("/tra-cuu/moc-thoi-gian?cap=tinh&muc_do=2&nam=2024").text)
    assert "Cộng đồng học tập cấp tỉnh, mức độ 2, năm đánh giá 2024" in shown
    assert "Bộ Giáo dục và Đào tạo" in shown


def test_timeline_refuses_a_bad_year_and_a_bad_date(client: TestClient) -> None:
    page = client.get("/tra-cuu/moc-thoi-gian?cap=xa&muc_do=1&nam=hai-nghin")
    assert page.status_code == 400
    assert "năm đánh giá “hai-nghin” phải là một số" in text_of(page.text)
    page = client.get("/tra-cuu/moc-thoi-gian?cap=xa&muc_do=1&nam=2025&ngay=31/02/2026")
    assert page.status_code == 400
    assert "31/02/2026" in text_of(page.text)


def test_registry_lists_every_entry_and_links_to_it(client: TestClient) -> None:
    page = client.get("/tra-cuu/van-ban")
    assert page.status_code == 200
    for entry in load_registry().entries:
        assert f">{entry.symbol}</a>" in page.text


def test_a_registry_entry_says_how_to_cite_it(client: TestClient) -> None:
    page = client.get("/tra-cuu/van-ban", params={"so": "25/2023/TT-BGDĐT", "ngay": "01/03/2024"})
    shown = text_of(page.text)
    assert "Ngày ký 27/12/2023" in shown
    assert "Ngày có hiệu lực 12/02/2024" in shown


def test_an_unknown_symbol_gets_the_clis_message(client: TestClient) -> None:
    page = client.get("/tra-cuu/van-ban", params={"so": "99/2099/TT-XYZ"})
    assert page.status_code == 400
    assert "“99/2099/TT-XYZ” không có trong sổ đăng ký văn bản" in text_of(page.text)


def test_rules_lists_every_rule(client: TestClient) -> None:
    page = client.get("/tra-cuu/quy-tac").text
    for rule in all_rules():
        assert f'href="/tra-cuu/quy-tac?ma={rule.code}">{rule.code}</a>' in page


def test_one_rule_is_the_cli_explanation(client: TestClient) -> None:
    page = client.get("/tra-cuu/quy-tac?ma=REF002").text
    assert "REF002 wrong-issue-date (lỗi, sửa được bằng --fix)" in page
    assert text_of(render_rule_doc("REF002")) in text_of(page)


def test_an_unknown_rule(client: TestClient) -> None:
    page = client.get("/tra-cuu/quy-tac?ma=XYZ999")
    assert page.status_code == 400
    assert "không có quy tắc “XYZ999”" in text_of(page.text)


def test_lookup_index_links_the_three_pages(client: TestClient) -> None:
    page = client.get("/tra-cuu").text
    for href in ("/tra-cuu/moc-thoi-gian", "/tra-cuu/van-ban", "/tra-cuu/quy-tac"):
        assert f'href="{href}"' in page
