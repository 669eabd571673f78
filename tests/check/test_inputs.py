"""docgen.check.inputs.read_draft: every format, its positions, its errors.

The .docx and .pdf fixtures are built by tests/fixtures/drafts/build_fixtures.py (python-docx,
then LibreOffice); this module reads them and never runs LibreOffice itself.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest

from docgen.check.find import find_citations
from docgen.check.inputs import detect_date, read_draft
from docgen.errors import DocgenError, InputError, SpecError

DRAFTS = Path(__file__).parent.parent / "fixtures" / "drafts"
PLANS = Path(__file__).parent.parent.parent / "plans"


def test_txt_positions_are_file_lines_and_columns(tmp_path: Path) -> None:
    path = tmp_path / "cv.txt"
    path.write_text("Kính gửi: Sở\nThực hiện Thông tư số 25/2023/TT-BGDĐT\n", encoding="utf-8")
    draft = read_draft(path)
    offset = draft.text.index("25/2023")
    assert draft.kind == "txt"
    assert draft.position(offset) == (2, 23)


def test_nfd_text_file_is_composed(tmp_path: Path) -> None:
    path = tmp_path / "nfd.md"
    path.write_text(unicodedata.normalize("NFD", "Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023"), encoding="utf-8")
    draft = read_draft(path)
    assert draft.kind == "md"
    assert draft.text == "Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023"


def test_stdin_dash() -> None:
    draft = read_draft("-", stdin="Hà Nam, ngày 05 tháng 3 năm 2025\nNội dung".encode())
    assert draft.kind == "stdin" and draft.path == "<stdin>"
    assert draft.date == dt.date(2025, 3, 5)


def test_docx_lines_are_paragraph_numbers_tables_then_header_then_footnotes() -> None:
    draft = read_draft(DRAFTS / "ke-hoach.docx")
    lines = draft.text.split("\n")
    assert draft.kind == "docx" and draft.docx is not None
    assert lines[3] == "Triển khai Thông tư số 25/2023/TT-BGDĐT ngày 28/12/2023 của Bộ Giáo dục và Đào tạo"
    assert lines[4].endswith("theo quy định[1].")  # footnote reference written as [1]
    assert lines[5:9] == ["Mục tiêu", "Đơn vị chủ trì",
                          "Hết tháng 3 năm 2025, ít nhất 90% các xã được công nhận “Cộng đồng học tập” cấp xã mức độ 1.",
                          "Ủy ban nhân dân cấp xã"]
    assert lines[11] == "Dự thảo"  # the page header, after the body
    assert lines[12].startswith("[1] Tại Điều 6 của Thông tư số 25/2023/TT-BGDĐT")
    assert lines[13] == "[2] Tại Điều 12 của Thông tư số 25/2023/TT-BGDĐT."
    offset = draft.text.index("28/12/2023")
    assert draft.position(offset) == (4, lines[3].index("28/12/2023") + 1)
    assert draft.date == dt.date(2024, 5, 10)


def test_pdf_lines_are_rejoined_and_paged() -> None:
    draft = read_draft(DRAFTS / "ke-hoach.pdf")
    lines = draft.text.split("\n")
    assert draft.kind == "pdf"
    assert len(draft.pages) == len(lines) and set(draft.pages) == {1}
    assert "Triển khai Thông tư số 25/2023/TT-BGDĐT ngày 28/12/2023 của Bộ Giáo dục và Đào tạo" in lines
    assert "[2] Tại Điều 12 của Thông tư số 25/2023/TT-BGDĐT." in lines  # foot-of-page note marked
    assert any(line.endswith("theo quy định[1].") for line in lines)
    assert draft.date == dt.date(2024, 5, 10)


def test_docx_and_pdf_round_trip_find_the_same_citation() -> None:
    found = {}
    for name in ("ke-hoach.docx", "ke-hoach.pdf"):
        draft = read_draft(DRAFTS / name)
        cites = [c for c in find_citations(draft) if c.date == dt.date(2023, 12, 28)]
        assert len(cites) == 1
        line, col = draft.position(cites[0].span.start)
        # documented positions: the paragraph (docx) or re-joined line (pdf) that holds it
        assert draft.text.split("\n")[line - 1][col - 1 :].startswith("Thông tư số 25/2023/TT-BGDĐT ngày 28/12/2023")
        found[name] = (cites[0].symbol, cites[0].issuer, line)
    assert found["ke-hoach.docx"][:2] == found["ke-hoach.pdf"][:2] == ("25/2023/TT-BGDĐT", "Bộ Giáo dục và Đào tạo")
    assert found["ke-hoach.docx"][2] == 4
    assert read_draft(DRAFTS / "ke-hoach.pdf").page_of(0) == 1


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("tcvn3.txt", "TCVN3"),
        ("vni.txt", "VNI"),
        ("corrupt.docx", ".docx"),
        ("not-a-docx.docx", ".docx"),
        ("encrypted.pdf", "mã hóa"),
        ("broken.pdf", "PDF"),
        ("missing.txt", "không tìm thấy"),
        ("build_fixtures.py", "không nhận ra loại tệp"),
    ],
)
def test_unreadable_drafts_raise_input_error_naming_the_file(name: str, words: str) -> None:
    with pytest.raises(InputError) as err:
        read_draft(DRAFTS / name)
    assert name in str(err.value) and words in str(err.value)


def test_directory_is_an_input_error() -> None:
    with pytest.raises(InputError):
        read_draft(DRAFTS)


def test_spec_strings_keep_yaml_positions() -> None:
    path = PLANS / "cao-bang.yaml"
    draft = read_draft(path)
    assert draft.kind == "yaml"
    assert draft.date == dt.date(2024, 4, 22)
    source_lines = path.read_text(encoding="utf-8").split("\n")
    offset = draft.text.index("Kế hoạch số 3727/KH-UBND")
    line, col = draft.position(offset)
    assert source_lines[line - 1][col - 1 :].startswith("Kế hoạch số 3727/KH-UBND")
    # a word on the second line of the same folded (>-) block
    offset = draft.text.index("“Xây dựng xã hội học tập, giai đoạn 2021-2030”")
    line, col = draft.position(offset)
    assert source_lines[line - 1][col - 1 :].startswith("“Xây dựng xã hội học tập, giai đoạn 2021-2030”")
    # a căn cứ given by its symbol reads as the registry's full first citation
    assert "Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023 của Bộ trưởng Bộ Giáo dục và Đào tạo" in draft.text


def test_spec_with_errors_raises_spec_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("loai: ke-hoach\nngay: 31/02/2025\n", encoding="utf-8")
    with pytest.raises(SpecError):
        read_draft(path)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thái Bình, ngày 15 tháng 4 năm 2024", dt.date(2024, 4, 15)),
        ("**Cao Bằng, ngày 05 tháng 3 năm 2025**", dt.date(2025, 3, 5)),
        ("Hà Nội, ngày 31 tháng 6 năm 2025\nHà Nội, ngày 30 tháng 6 năm 2025", dt.date(2025, 6, 30)),
        ("Thực hiện Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023", None),
    ],
)
def test_detect_date(text: str, expected: dt.date | None) -> None:
    assert detect_date(text) == expected


def test_input_error_is_a_docgen_error() -> None:
    assert issubclass(InputError, DocgenError)


def test_date_next_to_the_number_on_one_pdf_line() -> None:
    assert detect_date("Số: 31/QĐ-PGDĐT Lập Thạch, ngày 27 tháng 3 năm 2025") == dt.date(2025, 3, 27)
    assert detect_date("TP. Hồ Chí Minh, ngày 20 tháng 12 năm 2023") == dt.date(2023, 12, 20)


def test_date_is_read_from_the_header_lines_only() -> None:
    body = "\n".join(["Nội dung"] * 30)
    assert detect_date(body + "\nKế hoạch của Ủy ban nhân dân tỉnh Cao Bằng, ngày 05 tháng 3 năm 2024") is None


def test_the_reader_package_keeps_its_public_names() -> None:
    import docgen.check.inputs as inputs
    from docgen.check.inputs import HEADER_LINES, TEXT_SUFFIXES, docx_blocks, lines_draft

    assert HEADER_LINES == 20 and TEXT_SUFFIXES[".md"] == "md"
    assert callable(docx_blocks) and callable(lines_draft)
    assert set(inputs.__all__) >= {"read_draft", "detect_date", "docx_blocks"}


def test_stdin_copied_out_of_a_pdf_is_repaired_and_positioned() -> None:
    text = (
        "Thực hiện Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023 của Bộ trưởng Bộ Giáo dục và Đào\n"
        "Trang 2\n"
        "tạo, các xã tự đánh giá và gửi hồ sơ theo Thông tư số 25/2023/TT-BGDĐT ngày\n"
        "28/12/2023 của Bộ trưởng Bộ Giáo dục và Đào tạo.\n"
    )
    draft = read_draft("-", stdin=text.encode())
    assert draft.kind == "stdin" and draft.meta["repaired"] == [2]
    assert draft.text.startswith("Thực hiện Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023 của Bộ trưởng Bộ Giáo dục và Đào tạo,")
    assert draft.position(draft.text.index("28/12/2023")) == (4, 1)
    assert draft.position(draft.text.index("tạo, các xã")) == (3, 1)

