"""The two real seed drafts (tests/fixtures/drafts/seeds) through the REF, ART and DL rules.

What is expected comes from tt25.md §2.1 and §9 (the checked claims of seed 000's footnotes
and the known defects of both seeds), not from the checker's output.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docgen.check.config import CheckConfig
from docgen.check.find import find_citations, find_targets
from docgen.check.inputs import read_draft
from docgen.check.model import Finding, Severity
from docgen.check.runner import check_draft

SEEDS = Path(__file__).parent.parent / "fixtures" / "drafts" / "seeds"
CONFIG = CheckConfig(select=("REF", "ART", "DL"))


def _serious(findings: list[Finding]) -> list[tuple[str, int]]:
    return [(f.code, f.line) for f in findings if f.severity.rank >= Severity.WARNING.rank]


def _line_of(path: Path, prefix: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if line.startswith(prefix):
            return number
    raise AssertionError(prefix)


def test_seed_001_wrong_tt25_date_in_vv_line() -> None:
    path = SEEDS / "001-thai-binh.txt"
    draft = read_draft(path)
    assert draft.date == dt.date(2024, 4, 15)
    findings = check_draft(draft, CONFIG)
    vv_date_line = _line_of(path, "25/2023/TT-BGDĐT ngày 28/12/2023")
    assert _serious(findings) == [("REF002", vv_date_line)]
    (wrong,) = [f for f in findings if f.code == "REF002"]
    assert (wrong.text, wrong.replacement, wrong.column) == ("28/12/2023", "27/12/2023", 23)


def test_seed_001_targets_are_lawful() -> None:
    # xã mức 1 by 03/2025 is evaluation year 2024; huyện by 05/2025 comes after the communes,
    # tỉnh by 12/2025 after the districts; mức 2 three years later: nothing to report.
    draft = read_draft(SEEDS / "001-thai-binh.txt")
    targets = [(t.level, t.muc_do, t.deadline) for t in find_targets(draft)]
    assert targets == [
        ("xa", 1, dt.date(2025, 3, 31)), ("xa", 2, dt.date(2028, 3, 31)),
        ("huyen", 1, dt.date(2025, 5, 31)), ("huyen", 2, dt.date(2028, 5, 31)),
        ("tinh", 1, dt.date(2025, 12, 31)), ("tinh", 2, dt.date(2028, 12, 31)),
    ]
    assert [f for f in check_draft(draft, CheckConfig(select=("DL",)))] == []


def test_seed_000_known_defects_and_nothing_else() -> None:
    path = SEEDS / "000-cao-bang.txt"
    findings = check_draft(read_draft(path), CONFIG)
    fn4, fn12 = _line_of(path, "[4] "), _line_of(path, "[12] ")
    hyphen_lines = [n for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if "TT- BGDĐT" in line]
    fn10 = _line_of(path, "[10] ")
    assert len(hyphen_lines) == 2
    assert sorted(_serious(findings)) == sorted(
        [("ART002", fn4), ("ART003", fn12), ("REF005", hyphen_lines[0]), ("REF005", hyphen_lines[1]), ("REF005", fn10)]
    )
    (art12,) = [f for f in findings if f.code == "ART002"]
    assert art12.text == "Điều 12" and art12.replacement == "Điều 11"
    (misquote,) = [f for f in findings if f.code == "ART003"]
    assert misquote.text.startswith("\"Có ít nhất 90% số xã") and "số huyện" in misquote.message
    fixes = sorted(f.text for f in findings if f.code == "REF005")
    assert fixes == ["25/2023/TT- BGDĐT", "25/2023/TT- BGDĐT", "25/2023/TTBGDĐT"]


def test_seed_000_verified_parts_are_quiet() -> None:
    # footnotes [1] [2] [3] [5] [7] [8] [9] [10] [11] [13] are correct (tt25.md §2.1), as are the
    # 13 target lines of part II and the body citations with the right date
    path = SEEDS / "000-cao-bang.txt"
    findings = check_draft(read_draft(path), CONFIG)
    quiet = {_line_of(path, f"[{n}] ") for n in (1, 2, 3, 5, 6, 7, 8, 9, 11, 13, 14)}
    quiet |= set(range(_line_of(path, "II. MỤC TIÊU"), _line_of(path, "III. NHIỆM VỤ")))
    quiet.add(_line_of(path, "Thực hiện Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023"))
    fn10 = _line_of(path, "[10] ")
    loud = [(f.code, f.line) for f in findings if f.severity.rank >= Severity.WARNING.rank and f.line in quiet]
    assert loud == []
    # footnote [10] only has the missing hyphen
    assert [f.code for f in findings if f.line == fn10 and f.severity.rank >= Severity.WARNING.rank] == ["REF005"]


def test_seed_000_title_paraphrase_is_information_only() -> None:
    path = SEEDS / "000-cao-bang.txt"
    findings = check_draft(read_draft(path), CheckConfig(select=("REF004",)))
    assert [(f.line, f.severity) for f in findings] == [(_line_of(path, "Thực hiện Thông tư số"), Severity.INFO)]


def test_seed_000_n_gay_citation_is_read() -> None:
    draft = read_draft(SEEDS / "000-cao-bang.txt")
    (cite,) = [c for c in find_citations(draft) if c.date_text and c.date_text.startswith("n gày")]
    assert cite.date == dt.date(2023, 12, 27) and cite.issuer == "Bộ trưởng Bộ Giáo dục và Đào tạo"


def test_seed_000_fifteen_target_lines() -> None:
    # part II: five lines per level (13 of them carry footnotes [1]–[13])
    path = SEEDS / "000-cao-bang.txt"
    draft = read_draft(path)
    first, last = _line_of(path, "II. MỤC TIÊU"), _line_of(path, "III. NHIỆM VỤ")
    got = [
        (t.level, t.muc_do, t.action, t.deadline, t.lead)
        for t in find_targets(draft)
        if first < draft.position(t.span.start)[0] < last
    ]
    y = dt.date
    assert got == [
        ("xa", 1, "xay-dung", y(2025, 12, 31), ""), ("xa", 1, "cong-nhan", y(2026, 3, 31), "đến hết"),
        ("xa", 2, "xay-dung", y(2027, 12, 31), "từ"), ("xa", 2, "cong-nhan", y(2029, 3, 31), "đến hết"),
        ("xa", None, "cong-nhan-lai", y(2030, 12, 31), "từ"),
        ("huyen", 1, "xay-dung", y(2025, 12, 31), ""), ("huyen", 1, "cong-nhan", y(2026, 5, 31), "đến hết"),
        ("huyen", 2, "xay-dung", y(2027, 12, 31), "từ"), ("huyen", 2, "cong-nhan", y(2029, 5, 31), "đến hết"),
        ("huyen", None, "cong-nhan-lai", y(2030, 12, 31), "từ"),
        ("tinh", 1, "xay-dung", y(2025, 12, 31), ""), ("tinh", 1, "cong-nhan", y(2026, 12, 31), "đến"),
        ("tinh", 2, "xay-dung", y(2027, 12, 31), ""), ("tinh", 2, "cong-nhan", y(2029, 12, 31), "đến"),
        ("tinh", None, "cong-nhan-lai", y(2030, 12, 31), "từ"),
    ]
