"""``docgen refs`` and ``docgen timeline`` through click's CliRunner."""

from __future__ import annotations

import json

from click.testing import CliRunner

from docgen.cli import cli
from docgen.errors import UsageError
from docgen.law.registry import load_registry


def run(*args: str) -> tuple[int, str, BaseException | None]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output, result.exception


def test_timeline_xa_2024_text() -> None:
    code, out, _ = run("timeline", "--cap", "xa", "--muc-do", "1", "--nam", "2024")
    assert code == 0
    assert "trước ngày 28/02/2025 (điểm d khoản 1 Điều 9 TT 25/2023/TT-BGDĐT)" in out
    assert "trước ngày 31/03/2025 (khoản 3 Điều 9 TT 25/2023/TT-BGDĐT)" in out
    assert "từ 01/01/2024 đến 31/12/2024 (điểm b khoản 1 Điều 9 TT 25/2023/TT-BGDĐT)" in out
    assert "Phòng Giáo dục và Đào tạo" in out
    assert "tt25-2023" in out


def test_timeline_two_tier_marks_medium_facts() -> None:
    code, out, _ = run("timeline", "--cap", "xa", "--muc-do", "1", "--nam", "2025")
    assert code == 0
    dossier = next(line for line in out.splitlines() if "28/02/2026" in line)
    assert "Sở Giáo dục và Đào tạo" in dossier and dossier.endswith("(cần xác minh)")
    assert "two-tier-2025" in out


def test_timeline_regime_by_day() -> None:
    _, before, _ = run("timeline", "--cap", "xa", "--muc-do", "1", "--nam", "2024", "--ngay", "30/06/2025")
    _, after, _ = run("timeline", "--cap", "xa", "--muc-do", "1", "--nam", "2024", "--ngay", "01/07/2025")
    assert "đến Phòng Giáo dục và Đào tạo" in before and "đến Sở Giáo dục và Đào tạo" not in before
    assert "đến Sở Giáo dục và Đào tạo" in after


def test_timeline_tinh_json() -> None:
    code, out, _ = run("timeline", "--cap", "tinh", "--muc-do", "2", "--nam", "2024", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["dossier_due"]["date"] == "31/07/2025"
    assert data["dossier_due"]["cite"] == "điểm d khoản 1 Điều 19"
    assert data["completion_due"] is None
    assert data["decision_within_working_days"] == 20
    assert data["criteria_article"] == 17


def test_timeline_bad_inputs() -> None:
    code, _, exc = run("timeline", "--cap", "xa", "--muc-do", "1", "--nam", "2023")
    assert code != 0 and isinstance(exc, UsageError)
    code, _, exc = run("timeline", "--cap", "xa", "--muc-do", "1", "--nam", "2024", "--ngay", "31/02/2025")
    assert code != 0 and isinstance(exc, UsageError) and "31/02/2025" in str(exc)
    code, _, _ = run("timeline", "--cap", "quan", "--muc-do", "1", "--nam", "2024")
    assert code == 2


def test_refs_lists_every_entry() -> None:
    code, out, _ = run("refs", "--ngay", "01/03/2026")
    assert code == 0
    lines = out.splitlines()
    for entry in load_registry().entries:
        assert any(line.startswith(entry.symbol + " ") for line in lines), entry.symbol
    tt44 = next(line for line in lines if line.startswith("44/2014/TT-BGDĐT "))
    assert "hết hiệu lực" in tt44
    unknown = next(line for line in lines if line.startswith("2646/QĐ-BGDĐT "))
    assert "chưa xác minh" in unknown and "không tìm thấy" in unknown


def test_refs_entry_with_citation() -> None:
    code, out, _ = run("refs", "25/2023/TT- BGDĐT", "--ngay", "01/03/2026")
    assert code == 0
    assert (
        "Trích dẫn lần đầu: Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023 của Bộ trưởng Bộ Giáo dục và Đào tạo "
        "ban hành Quy định về đánh giá, công nhận “Cộng đồng học tập” cấp xã, huyện, tỉnh"
    ) in out
    assert "Ngày có hiệu lực: 12/02/2024" in out


def test_refs_wrong_form_and_unknown() -> None:
    code, out, _ = run("refs", "324/QĐ-HKHVN", "--ngay", "01/03/2026")
    assert code == 0
    assert "là cách viết sai đã gặp của 324/QĐ-KHVN" in out
    code, _, exc = run("refs", "1/QĐ-XYZ")
    assert code != 0 and isinstance(exc, UsageError)


def test_refs_unverified_date_is_marked() -> None:
    code, out, _ = run("refs", "1315/QĐ-TTg", "--ngay", "01/03/2026")
    assert code == 0
    assert "Ngày ký: 09/11/2023 (độ tin cậy: thấp) (cần xác minh)" in out
