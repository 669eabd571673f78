"""Text laid out by a PDF (issue 8): page numbers and running headers/footers between the halves
of a sentence, citations cut at a line or page break, in a .pdf and in a .txt copied out of one.

The PDF is built here: python-docx writes a plan with a running header, "Trang n/m" in the
footer and citations that cross page breaks, and LibreOffice prints it (one run for the module,
like tests/check/test_rendered_pdfs.py).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from docgen import text as vtext
from docgen.check.inputs import read_draft
from docgen.check.inputs.repair import page_furniture, repair_text, text_furniture
from docgen.check.model import Draft, Finding
from docgen.check.runner import check_draft, run_check
from docgen.render import pdf

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
HEADER = "Kế hoạch đánh giá “Cộng đồng học tập” huyện Hòa An"
FILLER = "Các cơ quan, đơn vị triển khai thực hiện kế hoạch theo chức năng, nhiệm vụ được giao. "
REPEATED = (
    "Thực hiện Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023 của Bộ trưởng Bộ Giáo dục và Đào tạo, "
    "các xã rà soát từng tiêu chí. "
)
# Each pair is one paragraph with a page break between its halves.
CUT_SYMBOL_DATE = ("Thực hiện quy định tại Thông tư số 25/2023/TT-BGDĐT",
                   "ngày 27/12/2023 của Bộ trưởng Bộ Giáo dục và Đào tạo, các xã tự đánh giá.")
CUT_SO_SYMBOL = ("Các xã lập hồ sơ theo Thông tư số",
                 "25/2023/TT-BGDĐT ngày 27/12/2023 của Bộ trưởng Bộ Giáo dục và Đào tạo và lưu tại xã.")
CUT_HYPHEN_WRONG_DATE = ("Hồ sơ đề nghị công nhận gửi theo Thông tư số 25/2023/TT-",
                         "BGDĐT ngày 28/12/2023 của Bộ trưởng Bộ Giáo dục và Đào tạo trước ngày 28 tháng 02.")


def _field(paragraph: object, instr: str, shown: str) -> None:
    """A simple field (PAGE, NUMPAGES) with its cached value."""
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instr)
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = shown
    run.append(t)
    fld.append(run)
    paragraph._p.append(fld)  # type: ignore[attr-defined]


def _plan_with_page_breaks(path: Path) -> None:
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = HEADER
    footer = section.footer.paragraphs[0]
    footer.add_run("Trang ")
    _field(footer, "PAGE", "1")
    footer.add_run("/")
    _field(footer, "NUMPAGES", "1")
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Triển khai đánh giá “Cộng đồng học tập” cấp xã năm 2024")
    for before, after in (CUT_SYMBOL_DATE, CUT_SO_SYMBOL, CUT_HYPHEN_WRONG_DATE):
        paragraph = document.add_paragraph(FILLER * 2 + before)
        paragraph.runs[0].add_break(WD_BREAK.PAGE)
        paragraph.add_run(after)
    document.add_paragraph(REPEATED * 30)  # flows over two pages by itself
    document.save(str(path))


@pytest.fixture(scope="module")
def plan_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if pdf.find_soffice() is None:
        pytest.fail("LibreOffice (soffice) is required for these tests")
    out = tmp_path_factory.mktemp("repair")
    source = out / "vat-trang.docx"
    _plan_with_page_breaks(source)
    return pdf.convert([source], out, timeout=pdf.timeout_for(1))[0]


def _line_holding(draft: Draft, words: str) -> tuple[int, str]:
    lines = draft.text.split("\n")
    found = [(k + 1, line) for k, line in enumerate(lines) if words in line]
    assert len(found) == 1, (words, found)
    return found[0]


def _refs(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.code.startswith("REF")]


# ---------------------------------------------------------------- .pdf


def test_the_pdf_really_cuts_the_citations_at_page_breaks(plan_pdf: Path) -> None:
    pages = [page.extract_text() for page in PdfReader(plan_pdf).pages]
    assert len(pages) >= 5
    assert all(HEADER in text for text in pages)
    assert [f"Trang {n}/{len(pages)}" in text for n, text in enumerate(pages, start=1)] == [True] * len(pages)
    for k, (before, after) in enumerate((CUT_SYMBOL_DATE, CUT_SO_SYMBOL, CUT_HYPHEN_WRONG_DATE)):
        assert before.split()[-1] in pages[k] and after[:30] not in pages[k]
        assert after[:30] in pages[k + 1]


def test_pdf_citation_across_a_page_break_is_one_line_on_its_first_page(plan_pdf: Path) -> None:
    draft = read_draft(plan_pdf)
    for page, (before, after) in enumerate((CUT_SYMBOL_DATE, CUT_SO_SYMBOL, CUT_HYPHEN_WRONG_DATE), start=1):
        whole = (before + after) if before.endswith("-") else f"{before} {after}"
        number, line = _line_holding(draft, whole)
        start = sum(len(x) + 1 for x in draft.text.split("\n")[: number - 1])
        assert draft.position(start) == (number, 1)
        assert draft.page_of(start) == page  # the page where the line starts
    assert not any(HEADER in line or line.startswith("Trang ") for line in draft.text.split("\n"))


def test_pdf_broken_citations_are_found_whole(plan_pdf: Path) -> None:
    draft = read_draft(plan_pdf)
    refs = _refs(check_draft(draft))
    assert not [f for f in refs if f.code in ("REF001", "REF008")], refs
    wrong = [f for f in refs if f.code == "REF002"]
    assert len(wrong) == 1
    number, line = _line_holding(draft, "TT-BGDĐT ngày 28/12/2023")
    assert (wrong[0].line, wrong[0].column) == (number, line.index("28/12/2023") + 1)
    assert wrong[0].text == "28/12/2023"
    assert draft.page_of(wrong[0].span.start) == 3


# ---------------------------------------------------------------- .txt copied out of a PDF

COPIED = """ỦY BAN NHÂN DÂN HUYỆN HÒA AN
Số: 15/KH-UBND
Hòa An, ngày 10 tháng 4 năm 2024

KẾ HOẠCH
Triển khai đánh giá “Cộng đồng học tập” cấp xã năm 2024

Thực hiện Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023 của Bộ trưởng Bộ Giáo
dục và Đào tạo ban hành Quy định về đánh giá, công nhận “Cộng đồng học tập” cấp
xã, huyện, tỉnh, Ủy ban nhân dân huyện xây dựng kế hoạch như sau. Các xã tổ chức
tự đánh giá theo Thông tư số 25/2023/TT-

2

BGDĐT ngày 28/12/2023 của Bộ trưởng Bộ Giáo dục và Đào tạo và gửi hồ sơ về
Phòng Giáo dục và Đào tạo trước ngày 15 tháng 02 năm 2025.
"""


def _file_position(text: str, words: str, at: str) -> tuple[int, int]:
    """(line, column), 1-based, of ``at`` inside the only occurrence of ``words`` in ``text``."""
    assert text.count(words) == 1
    offset = text.index(words) + words.index(at)
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def test_copied_txt_finding_points_into_the_file(tmp_path: Path) -> None:
    path = tmp_path / "ke-hoach.txt"
    path.write_text(COPIED, encoding="utf-8")
    draft = read_draft(path)
    assert draft.meta["repaired"] == [COPIED.split("\n").index("2") + 1]
    assert "Thông tư số 25/2023/TT-BGDĐT ngày 28/12/2023 của Bộ trưởng" in draft.text
    refs = _refs(check_draft(draft))
    assert [f.code for f in refs] == ["REF002"], refs
    assert (refs[0].line, refs[0].column) == _file_position(COPIED, "BGDĐT ngày 28/12/2023", "28/12/2023")
    assert (refs[0].end_line, refs[0].end_column) == (refs[0].line, refs[0].column + len("28/12/2023"))


def test_copied_txt_every_letter_maps_back_to_the_file(tmp_path: Path) -> None:
    path = tmp_path / "ke-hoach.txt"
    path.write_text(COPIED, encoding="utf-8")
    draft = read_draft(path)
    lines = COPIED.split("\n")
    for offset, char in enumerate(draft.text):
        if char not in " \n":
            line, column = draft.position(offset)
            assert lines[line - 1][column - 1] == char, (offset, line, column)


def test_fix_on_copied_txt_edits_the_file_lines(tmp_path: Path) -> None:
    path = tmp_path / "ke-hoach.txt"
    path.write_text(COPIED, encoding="utf-8")
    run = run_check([str(path)], fix=True, select=["REF"])
    fixed = (tmp_path / "ke-hoach.fixed.txt").read_text(encoding="utf-8")
    line, column = _file_position(COPIED, "BGDĐT ngày 28/12/2023", "28/12/2023")
    lines = COPIED.split("\n")
    lines[line - 1] = lines[line - 1][: column - 1] + "27/12/2023" + lines[line - 1][column - 1 + len("28/12/2023") :]
    assert fixed == "\n".join(lines)  # the page number and the line breaks stay where they were
    assert run.exit_code == 0


def test_fix_that_spans_two_file_lines_is_left_with_a_note(tmp_path: Path) -> None:
    text = COPIED.replace("BGDĐT ngày 28/12/2023 của", "BGDĐT ngày 28/12/\n2023 của")
    path = tmp_path / "ke-hoach.txt"
    path.write_text(text, encoding="utf-8")
    run = run_check([str(path)], fix=True, select=["REF"])
    assert not (tmp_path / "ke-hoach.fixed.txt").exists()
    assert run.exit_code == 1
    assert any("không sửa" in m and "PDF" in m for m in run.messages), run.messages
    assert "REF002" in run.report


def test_pdftotext_pages_lose_their_header_and_footer(tmp_path: Path) -> None:
    pages = [
        [HEADER, "KẾ HOẠCH", "Các xã tổ chức tự đánh giá theo Thông tư số 25/2023/TT-BGDĐT", "Trang 1/3"],
        [HEADER, "ngày 27/12/2023 của Bộ trưởng Bộ Giáo dục và Đào tạo. Hồ sơ gửi theo Thông tư số", "Trang 2/3"],
        [HEADER, "25/2023/TT-BGDĐT ngày 27/12/2023.", "Trang 3/3"],
    ]
    path = tmp_path / "pdftotext.txt"
    path.write_text("\n\f".join("\n".join(page) for page in pages) + "\n\f", encoding="utf-8")
    draft = read_draft(path)
    assert draft.text.split("\n") == [
        "KẾ HOẠCH",
        "Các xã tổ chức tự đánh giá theo Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023 của Bộ trưởng Bộ Giáo "
        "dục và Đào tạo. Hồ sơ gửi theo Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023.",
    ]
    assert not _refs(check_draft(draft))


def _fixture_texts() -> list[Path]:
    # the held-out evaluation corpus (tests/fixtures/heldout2) is never read
    found = sorted((FIXTURES / "drafts").rglob("*.txt")) + sorted((FIXTURES / "heldout").glob("*.txt"))
    found += sorted((FIXTURES / "drafts").rglob("*.md")) + sorted((FIXTURES / "heldout").glob("*.md"))
    return [p for p in found if p.name not in ("tcvn3.txt", "vni.txt")]  # legacy encodings: refused


@pytest.mark.parametrize("path", _fixture_texts(), ids=lambda p: p.name)
def test_typed_texts_are_left_exactly_as_they_are(path: Path) -> None:
    draft = read_draft(path)
    text = vtext.normalize_keep_offsets(vtext.decode_bytes(path.read_bytes(), str(path)))
    assert "source_map" not in draft.meta
    assert draft.text == text
    assert draft.line_numbers == list(range(1, text.count("\n") + 2))


# ---------------------------------------------------------------- page furniture


def test_running_header_and_page_numbers_go_only_at_the_page_edges() -> None:
    pages = [
        ["Dự thảo", "KẾ HOẠCH", "Triển khai đánh giá", "Dự thảo", "Nội dung trang một", "Trang 1/3"],
        ["Dự thảo", "Nội dung trang hai", "Nội dung khác", "Trang 2/3"],
        ["Dự thảo", "- 3 -", "Nội dung trang ba", "Trang 3/3"],
    ]
    assert page_furniture(pages) == [{0, 5}, {0, 3}, {0, 1, 3}]  # "Dự thảo" mid-page 1 stays


def test_page_number_of_another_page_is_not_furniture() -> None:
    pages = [["Mở đầu", "Nội dung một", "2/2"], ["Mở đầu", "Nội dung hai", "Trang 2/2"]]
    assert page_furniture(pages) == [{0}, {0, 2}]  # "2/2" on page 1 is a ratio, not its number


def test_footnotes_at_the_page_foot_are_not_running_footers() -> None:
    note = "{n} Tại Điều {a} Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023 của Bộ trưởng Bộ Giáo"
    pages = [
        ["Năm 2025 xây dựng cấp xã", "Nội dung", note.format(n=1, a=6), "dục và Đào tạo."],
        ["Năm 2027 xây dựng cấp huyện", "Nội dung khác", note.format(n=2, a=7), "dục và Đào tạo."],
    ]
    assert page_furniture(pages) == [set(), set()]


def test_letters_merged_into_one_pdf_keep_their_headers_and_signatures() -> None:
    letter = ["ỦY BAN NHÂN DÂN", "HUYỆN HÒA AN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
              "Độc lập - Tự do - Hạnh phúc", "Kính gửi: {who}", "Nội dung gửi {who}.", "Nguyễn Văn A"]
    people = ("xã Bế Triều", "xã Dân Chủ", "xã Đức Long")
    pages = [[line.format(who=who) for line in letter] for who in people]
    # the header block stands at the same heights on every page, the signature where the letter ends
    heights = [[800.0, 786.0, 772.0, 758.0, 700.0, 680.0, 600.0 - 40 * k] for k in range(len(people))]
    assert page_furniture(pages, heights) == [set(), set(), set()]
    # the same signature at the same height on every page is a running footer
    assert page_furniture(pages, [[800.0, 786.0, 772.0, 758.0, 700.0, 680.0, 60.0]] * 3) == [{6}, {6}, {6}]


TYPED_WITH_NUMBERS = """Bảng 1. Kết quả
STT
Tiêu chí
1
Lãnh đạo, chỉ đạo
2
tuyên truyền
3
Điều kiện bảo đảm"""


@pytest.mark.parametrize(
    "text",
    [
        TYPED_WITH_NUMBERS,
        "Kính gửi: Ủy ban nhân dân các xã\nThực hiện Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023.\nNơi nhận:\n- Như trên;",
        "Nội dung\n\n2\n\nNội dung tiếp theo.",  # "2" between two finished sentences, once
    ],
)
def test_typed_text_is_not_taken_for_a_pdf_copy(text: str) -> None:
    assert text_furniture(text.split("\n")) is None


def test_page_numbers_far_apart_in_sequence_are_furniture() -> None:
    words = "các xã rà soát từng tiêu chí chỉ tiêu và báo cáo kết quả về huyện trước ngày quy định".split()

    def body(page: int) -> list[str]:
        return [" ".join(words[(page * 12 + k) % len(words) :] + words[: k % 5]) + "." for k in range(12)]

    lines = body(0) + ["2"] + body(1) + ["3"] + body(2)
    assert text_furniture(lines) == {12, 25}


def test_running_header_cutting_sentences_twice_is_furniture() -> None:
    lines = [
        "Ủy ban nhân dân huyện giao Phòng Giáo dục và Đào tạo chủ trì thực hiện kế hoạch",
        "Kế hoạch số 15/KH-UBND",
        "trong năm 2024. Các xã rà soát các tiêu chí, chỉ tiêu và báo cáo kết quả",
        "Kế hoạch số 15/KH-UBND",
        "trước ngày 15 tháng 12 năm 2024.",
    ]
    assert text_furniture(lines) == {1, 3}


# ---------------------------------------------------------------- the position map, for any text

WORDS = st.sampled_from(
    ["các", "xã", "thực", "hiện", "tiêu", "chí", "Bộ", "Giáo", "dục", "Ủy", "ban", "nhân", "dân",
     "Thông", "tư", "số", "25/2023/TT-BGDĐT", "ngày", "27/12/2023", "đạt", "“Cộng", "đồng”", "2021-2030"]
)
PARAGRAPHS = st.lists(st.lists(WORDS, min_size=3, max_size=60).map(lambda ws: " ".join(ws) + "."), min_size=1, max_size=8)


def _pdf_like(paragraphs: list[str], width: int, page: int, indent: int) -> str:
    """``paragraphs`` wrapped at ``width`` (the symbols may be cut after their hyphen), "Trang n"
    after every ``page`` lines, lines indented by ``indent`` spaces."""
    lines: list[str] = []
    for paragraph in paragraphs:
        current = ""
        for word in paragraph.split(" "):
            if current and len(current) + 1 + len(word) > width:
                if "-" in word and len(current) + word.index("-") + 2 <= width:
                    cut = word.index("-") + 1
                    lines.append(current + " " + word[:cut])
                    current = word[cut:]
                    continue
                lines.append(current)
                current = word
            else:
                current = f"{current} {word}" if current else word
        lines.append(current)
    out: list[str] = []
    for k, line in enumerate(lines, start=1):
        out.append(" " * indent + line)
        if k % page == 0:
            out.append(f"Trang {k // page + 1}")
    return "\n".join(out)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PARAGRAPHS, st.integers(30, 90), st.integers(2, 12), st.integers(0, 3))
def test_repaired_text_maps_every_character_to_the_file(paragraphs: list[str], width: int, page: int, indent: int) -> None:
    text = unicodedata.normalize("NFC", _pdf_like(paragraphs, width, page, indent))
    lines = text.split("\n")
    repaired = repair_text(text)
    if repaired is None:
        return  # not taken for a PDF copy (too short to tell): nothing to map
    draft = Draft("x.txt", "txt", repaired.text, line_starts=repaired.line_starts,
                  line_numbers=repaired.line_numbers, column_bases=repaired.column_bases)
    for offset, char in enumerate(repaired.text):
        if char in " \n":
            continue
        line, column = draft.position(offset)
        assert lines[line - 1][column - 1] == char
        span = repaired.source.source_span(offset, offset + 1)
        assert span is not None and text[span[0] : span[1]] == char
    # only page numbers and lines repeated in the file (taken for running headers) are dropped,
    # and nothing else is lost: the same words, in the same order
    dropped = set(repaired.dropped)
    stripped = [ln.strip() for ln in lines]
    assert all(stripped[n - 1].startswith("Trang ") or stripped.count(stripped[n - 1]) >= 2 for n in dropped)
    words = [w for n, ln in enumerate(lines, start=1) if n not in dropped for w in ln.split()]
    assert "".join(repaired.text.split()) == "".join(words)
