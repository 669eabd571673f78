"""tien_do (issue 13): the rendered rows are the timeline's milestones, in date order, in the regime
of the document's date, with the actor and the clause; office steps sit beside them.

Expectations come from two places that do not go through the renderer: the JSON that
``docgen timeline --format json`` prints (docgen.law.show.timeline_report) and dates written
here by hand from /work/shared/reference/tt25.md §5 (dossier before 28/02, 30/04, 31/07 of the
year after; completion before 31/03, 31/05; tỉnh: 20 working days). The .docx is read back
with python-docx and lxml.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from typing import Any

import docx
import pytest
from rendertools import NS, Docx, w

from docgen.check.inputs import read_draft
from docgen.check.runner import check_draft
from docgen.law import show
from docgen.render.docx import render_document
from docgen.spec.loader import load_spec_data

TT25 = "Thông tư số 25/2023/TT-BGDĐT"
# Every milestone a level has (tt25.md §5: xã and huyện have a completion date, tỉnh a decision
# within 20 working days).
ALL_MOC = {
    "xa": ["so-lieu", "ho-so", "hoan-thanh", "bao-luu", "nang-muc-do", "cong-nhan-lai"],
    "huyen": ["so-lieu", "ho-so", "hoan-thanh", "bao-luu", "nang-muc-do", "cong-nhan-lai"],
    "tinh": ["so-lieu", "ho-so", "quyet-dinh", "bao-luu", "nang-muc-do", "cong-nhan-lai"],
}
PRE, POST = "pre", "post"
# A document date before and after the 01/07/2025 switch, and the evaluation year it plans for.
DOC_DATE = {PRE: "15/01/2025", POST: "15/09/2025"}
YEAR = {PRE: 2024, POST: 2025}

# tt25.md §5, by hand: dossier and completion/decision of evaluation year Y, written for Y = 2024.
HAND: dict[str, dict[str, str]] = {
    "xa": {"dossier": "Trước ngày 28/02/{next}", "last": "Trước ngày 31/03/{next}", "unit": "Ủy ban nhân dân cấp xã"},
    "huyen": {"dossier": "Trước ngày 30/04/{next}", "last": "Trước ngày 31/05/{next}", "unit": "Ủy ban nhân dân cấp huyện"},
    "tinh": {"dossier": "Trước ngày 31/07/{next}", "last": "Trong 20 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", "unit": "Ủy ban nhân dân cấp tỉnh"},
}
# Who receives the dossier (tt25.md §5 before the reform; §7 and the regime table after it).
ADDRESSEE = {
    (PRE, "xa"): "Phòng Giáo dục và Đào tạo", (POST, "xa"): "Sở Giáo dục và Đào tạo",
    (PRE, "huyen"): "Sở Giáo dục và Đào tạo", (POST, "huyen"): "Sở Giáo dục và Đào tạo",
    (PRE, "tinh"): "Bộ Giáo dục và Đào tạo", (POST, "tinh"): "Bộ Giáo dục và Đào tạo",
}


def spec(tien_do: dict[str, Any], date: str = "15/09/2025") -> dict[str, Any]:
    return {
        "loai": "ke-hoach",
        "du_thao": True,
        "co_quan": [{"chu_quan": "UBND TỈNH CAO BẰNG", "ten": "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "viet_tat": "SGDĐT"}],
        "dia_danh": "Cao Bằng",
        "ngay": date,
        "trich_yeu": "Tổ chức đánh giá, công nhận “Cộng đồng học tập”",
        "can_cu": [{"van_ban": "25/2023/TT-BGDĐT", "dan": "Căn cứ"}],
        "mo_dau": "Sở Giáo dục và Đào tạo xây dựng Kế hoạch như sau:",
        "noi_dung": [{"tieu_de": "Tiến độ thực hiện", "tien_do": tien_do}],
        "ket_thuc": "Trên đây là Kế hoạch của Sở Giáo dục và Đào tạo./.",
        "nguoi_ky": {"kt": "Giám đốc", "chuc_vu": "Phó Giám đốc", "ho_ten": "Hoàng Văn C"},
        "noi_nhan": ["UBND tỉnh (b/c)"],
    }


def render(data: dict[str, Any]) -> bytes:
    return render_document(load_spec_data(data, "t.yaml"))


def footnote_texts(raw: bytes) -> dict[str, str]:
    document = Docx(raw)
    if "word/footnotes.xml" not in document.zip.namelist():
        return {}
    notes = document.part("word/footnotes.xml")
    return {n.get(w("id")): " ".join(Docx.text(n).split()) for n in notes.findall("w:footnote", NS) if not n.get(w("type"))}


def table_rows(raw: bytes) -> list[dict[str, Any]]:
    """Rows of the table whose header starts with STT: cell texts and the footnotes in the row."""
    notes = footnote_texts(raw)
    document = docx.Document(io.BytesIO(raw))
    table = next(t for t in document.tables if t.rows[0].cells[0].text.strip() == "STT")
    out = []
    for row in table.rows[1:]:
        cells = [c.text.strip() for c in row.cells]
        refs = [r.get(w("id")) for r in row._tr.iter(w("footnoteReference"))]
        out.append({"stt": cells[0], "content": cells[1], "lead": cells[2], "partners": cells[3], "timing": cells[4],
                    "notes": " ".join(notes[i] for i in refs)})
    return out


def timeline_json(level: str, muc_do: int, year: int, day: str) -> dict[str, Any]:
    """What ``docgen timeline --cap … --muc-do … --nam … --ngay … --format json`` prints."""
    result: dict[str, Any] = json.loads(show.timeline_report(level, str(muc_do), year, day, "json"))
    return result


def when(text: str) -> str:
    return text[:1].upper() + text[1:]


def first_date(text: str) -> dt.date | None:
    """The first dd/mm/yyyy in a timing cell (the end of a data window is its second)."""
    words = text.replace("(", " ").split()
    days = [dt.datetime.strptime(x, "%d/%m/%Y").date() for x in words if x.count("/") == 2 and x.replace("/", "").isdigit()]
    return days[-1] if text.startswith("Từ ") else (days[0] if days else None)


@pytest.mark.parametrize("regime", [PRE, POST])
@pytest.mark.parametrize("muc_do", [1, 2])
@pytest.mark.parametrize("level", ["xa", "huyen", "tinh"])
def test_rows_are_the_timeline_of_the_document_date(level: str, muc_do: int, regime: str) -> None:
    year = YEAR[regime]
    raw = render(spec({"cap": level, "muc_do": muc_do, "nam": year, "moc": ALL_MOC[level]}, DOC_DATE[regime]))
    rows = table_rows(raw)
    expected = timeline_json(level, muc_do, year, DOC_DATE[regime])
    milestones = [m for m in expected["milestones"] if not m["id"].endswith(".decider")]

    # Exactly the timeline's milestones: label, clause, deadline text.
    got = sorted((r["content"], r["timing"]) for r in rows)
    want = sorted((f"{m['label']} ({m['cite']} {TT25})", when(m["text"])) for m in milestones)
    assert got == want
    assert [r["stt"] for r in rows] == [str(i) for i in range(1, len(rows) + 1)]

    # Date order: dated rows first, ascending; rows the law leaves undated after them.
    dates = [first_date(r["timing"]) for r in rows if not r["timing"].startswith(("36 tháng", "Sau ít nhất", "Theo quy định"))]
    known = [d for d in dates if d is not None]
    assert known == sorted(known)

    # Hand-verified deadlines (tt25.md §5) and who acts.
    hand = {k: v.format(next=year + 1) for k, v in HAND[level].items()}
    by_timing = {r["timing"]: r for r in rows}
    dossier = by_timing[hand["dossier"]]
    assert dossier["content"].startswith(f"Gửi hồ sơ đề nghị công nhận đến {ADDRESSEE[(regime, level)]} (")
    assert dossier["lead"] == hand["unit"]
    last = by_timing[hand["last"]]
    assert last["lead"] == expected["decider"]["value"]
    window = by_timing[f"Từ 01/01/{year} đến 31/12/{year}"]
    assert window["lead"] == hand["unit"]

    # Whatever the timeline is not sure of says so in the document.
    for m in milestones:
        row = next(r for r in rows if r["content"].startswith(m["label"]) and r["timing"] == when(m["text"]))
        if m["source"]["confidence"] != "high":
            assert "cần xác minh" in row["notes"], (m["id"], row)
    if expected["stale"]:
        assert any("không còn Ủy ban nhân dân cấp huyện" in r["notes"] for r in rows)
    if regime == PRE and level != "huyen":
        assert "cần xác minh" not in dossier["notes"]


def test_decider_before_and_after_the_reform() -> None:
    pre = table_rows(render(spec({"cap": "xa", "nam": 2024}, "15/01/2025")))
    post = table_rows(render(spec({"cap": "xa", "nam": 2025}, "15/09/2025")))
    assert next(r for r in pre if r["timing"] == "Trước ngày 31/03/2025")["lead"] == "Trưởng phòng Giáo dục và Đào tạo"
    after = next(r for r in post if r["timing"] == "Trước ngày 31/03/2026")
    assert after["lead"] == "Giám đốc Sở Giáo dục và Đào tạo"
    assert "Người quyết định công nhận (Giám đốc Sở Giáo dục và Đào tạo): cần xác minh, độ tin cậy thấp" in after["notes"]


def test_several_levels_in_date_order_name_their_level() -> None:
    rows = table_rows(render(spec({"cap": ["tinh", "xa", "huyen"], "nam": 2024, "moc": ["ho-so"]}, "15/01/2025")))
    assert [r["timing"] for r in rows] == ["Trước ngày 28/02/2025", "Trước ngày 30/04/2025", "Trước ngày 31/07/2025"]
    assert [r["content"].split("(“Cộng đồng học tập” ")[1].split(")")[0] for r in rows] == ["cấp xã", "cấp huyện", "cấp tỉnh"]


def test_tinh_decision_written_as_the_law_and_its_latest_date_in_a_footnote() -> None:
    rows = table_rows(render(spec({"cap": "tinh", "nam": 2025, "moc": ["ho-so", "quyet-dinh"]})))
    decision = rows[-1]
    assert decision["timing"] == "Trong 20 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"
    assert decision["lead"] == "Bộ trưởng Bộ Giáo dục và Đào tạo"
    # 30/07/2026 (Thursday) + 20 working days, counted by hand: 31/7; 3–7/8; 10–14/8; 17–21/8; 24–27/8.
    assert "quyết định công nhận chậm nhất ngày 27/08/2026" in decision["notes"]
    assert "trừ các ngày nghỉ lễ, Tết" in decision["notes"] and "cần xác minh" in decision["notes"]


def test_office_steps_by_date_and_by_offset_with_tet_counted() -> None:
    steps = [
        {"noi_dung": "Họp thống nhất kết quả", "chu_tri": "UBND cấp xã", "truoc": "ho-so", "so_ngay_lam_viec": 10},
        {"noi_dung": "Tập huấn công chức", "chu_tri": "Sở Giáo dục và Đào tạo", "han": "10/2025"},
        {"noi_dung": "Rà soát hồ sơ", "chu_tri": "UBND cấp xã", "truoc": "ho-so", "so_ngay": 15},
        {"noi_dung": "Báo cáo kết quả", "chu_tri": "Sở Giáo dục và Đào tạo", "thoi_gian": "Cuối năm học 2025-2026"},
    ]
    rows = table_rows(render(spec({"cap": "xa", "nam": 2025, "moc": ["ho-so"], "buoc": steps})))
    assert [r["content"].split(" (")[0] for r in rows] == [
        "Tập huấn công chức", "Họp thống nhất kết quả", "Rà soát hồ sơ", "Gửi hồ sơ đề nghị công nhận đến Sở Giáo dục và Đào tạo", "Báo cáo kết quả",
    ]
    assert rows[0]["timing"] == "Tháng 10/2025"
    # 28/02/2026 back 10 working days: 27, 26, 25, 24, 23/02, then Tết 16–20/02 skipped, 13, 12, 11, 10, 09/02.
    assert rows[1]["timing"].startswith("Chậm nhất ngày 09/02/2026 (10 ngày làm việc trước hạn gửi hồ sơ")
    assert "17/02/2026" in rows[1]["notes"] and "trừ các ngày nghỉ lễ, Tết" in rows[1]["notes"]
    # 28/02/2026 − 15 days.
    assert rows[2]["timing"].startswith("Chậm nhất ngày 13/02/2026 (15 ngày trước hạn gửi hồ sơ")
    assert rows[4]["timing"] == "Cuối năm học 2025-2026"


def test_dated_list_with_clauses_as_footnotes() -> None:
    raw = render(spec({"cap": "xa", "nam": 2024, "trinh_bay": "danh-sach", "dieu_khoan": "chu-thich"}, "15/01/2025"))
    document = docx.Document(io.BytesIO(raw))
    items = [p.text for p in document.paragraphs if p.text.startswith("- ")]
    assert items == [
        "- Từ 01/01/2024 đến 31/12/2024: Số liệu đánh giá; thực hiện: Ủy ban nhân dân cấp xã;",
        "- Trước ngày 28/02/2025: Gửi hồ sơ đề nghị công nhận đến Phòng Giáo dục và Đào tạo; thực hiện: Ủy ban nhân dân cấp xã;",
        "- Trước ngày 31/03/2025: Hoàn thành đánh giá, công nhận; thực hiện: Trưởng phòng Giáo dục và Đào tạo.",
    ]
    notes = list(footnote_texts(raw).values())
    assert notes == [f"Điểm b khoản 1 Điều 9 {TT25}.", f"Điểm d khoản 1 Điều 9 {TT25}.", f"Khoản 3 Điều 9 {TT25}."]


@pytest.mark.parametrize(
    ("level", "regime"), [("xa", PRE), ("huyen", PRE), ("tinh", PRE), ("xa", POST), ("tinh", POST)]
)
def test_rendered_tien_do_has_no_dl_findings(tmp_path: Any, level: str, regime: str) -> None:
    path = tmp_path / "tien-do.docx"
    path.write_bytes(render(spec({"cap": level, "muc_do": 1, "nam": YEAR[regime], "moc": ALL_MOC[level]}, DOC_DATE[regime])))
    findings = [f for f in check_draft(read_draft(path)) if f.code.startswith("DL")]
    assert findings == []


def test_each_unsure_row_says_so_when_a_block_covers_two_muc_do() -> None:
    # After 01/07/2025 the commune dossier's addressee is medium confidence (tt25.md §7): both
    # mức độ rows say "cần xác minh", the regime-wide note is said once.
    rows = table_rows(render(spec({"cap": "xa", "muc_do": [1, 2], "nam": 2025, "moc": ["ho-so"]})))
    assert [r["timing"] for r in rows] == ["Trước ngày 28/02/2026", "Trước ngày 28/02/2026"]
    assert all("Nơi nhận hồ sơ (Sở Giáo dục và Đào tạo): cần xác minh" in r["notes"] for r in rows)
    assert sum("Văn bản sửa đổi TT25" in r["notes"] for r in rows) == 1
    assert [r["content"].split("(“Cộng đồng học tập” ")[1].split(")")[0] for r in rows] == ["mức độ 1", "mức độ 2"]
