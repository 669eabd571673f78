"""The checker reads a .docx paragraph's text and runs itself (issue 10: python-docx's XPath per
run cost 35 µs); what it reads must be exactly what python-docx gives."""

from __future__ import annotations

import copy
import io
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml

from docgen.check.inputs import read_draft
from docgen.check.outline import DocxParagraph, docx_paragraphs, paragraph_text, run_text

ROOT = Path(__file__).resolve().parents[2]
# Every Word draft of the fixtures, except the two that are broken on purpose.
FIXTURES = sorted(p for p in (ROOT / "tests" / "fixtures").rglob("*.docx") if p.stem not in ("corrupt", "not-a-docx"))
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def test_fixtures_hold_docx_files() -> None:
    assert len(FIXTURES) >= 14


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: str(p.relative_to(ROOT / "tests" / "fixtures")))
def test_paragraph_and_run_text_equal_python_docx(path: Path) -> None:
    document = docx.Document(str(path))
    body = document.element.body
    paragraphs = list(body.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"))
    assert paragraphs
    for p in paragraphs:
        assert paragraph_text(p) == p.text
        for r in p.r_lst:
            assert run_text(r) == r.text


def test_every_kind_of_run_content() -> None:
    """Tabs, absolute tabs, line/page/column breaks, carriage returns, non-breaking hyphens,
    hyperlinks, a field's instruction text (not text), deleted text (not text)."""
    p = parse_xml(
        f'<w:p {W}><w:r><w:t xml:space="preserve">Kế </w:t><w:tab/><w:t>hoạch</w:t><w:br/>'
        '<w:br w:type="page"/><w:br w:type="column"/><w:br w:type="textWrapping"/><w:cr/><w:ptab w:relativeTo="margin" w:alignment="left" w:leader="none"/>'
        '<w:noBreakHyphen/><w:softHyphen/><w:instrText> PAGE </w:instrText><w:delText>xóa</w:delText><w:t/></w:r>'
        '<w:hyperlink><w:r><w:t>liên</w:t></w:r><w:r><w:t xml:space="preserve"> kết</w:t></w:r></w:hyperlink>'
        '<w:ins><w:r><w:t>chèn</w:t></w:r></w:ins><w:r><w:t>hết</w:t></w:r></w:p>'
    )
    assert paragraph_text(p) == p.text
    assert paragraph_text(p) == "Kế \thoạch\n\n\n\t-liên kếthết"
    assert [run_text(r) for r in p.r_lst] == [r.text for r in p.r_lst]


def test_docx_paragraphs_runs_are_python_docx_runs(tmp_path: Path) -> None:
    document = docx.Document()
    p = document.add_paragraph()
    p.add_run("Thực hiện ").bold = True
    p.add_run("Thông tư số 25/2023/TT-BGDĐT").italic = True
    p.add_run("   ")
    document.add_paragraph("Đoạn hai")
    target = tmp_path / "a.docx"
    document.save(str(target))
    draft = read_draft(target)
    found = docx_paragraphs(draft)
    assert [dp.raw_text for dp in found] == ["Thực hiện Thông tư số 25/2023/TT-BGDĐT   ", "Đoạn hai"]
    first: DocxParagraph = found[0]
    assert [r.text for r in first.runs] == [r.text for r in first.paragraph.runs]
    assert [r.text for r in first.text_runs] == ["Thực hiện ", "Thông tư số 25/2023/TT-BGDĐT"]
    assert first.runs[0].rpr is not None and first.runs[0].rpr.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}b") is not None


def test_finders_share_their_work_per_text_object() -> None:
    """find.text.shared: worked out once per text object, never for another text of equal
    content (a draft's own offsets), forgotten when released."""
    from docgen.check.find.text import release, shared

    text = "".join(["Căn cứ ", "Thông tư"])  # a fresh object
    same_words = "".join(["Căn cứ ", "Thông tư"])
    calls: list[str] = []
    assert shared(text, "x", lambda: calls.append("a") or 1) == 1
    assert shared(text, "x", lambda: calls.append("b") or 2) == 1
    assert shared(same_words, "x", lambda: calls.append("c") or 3) == 3
    release(text)
    assert shared(text, "x", lambda: calls.append("d") or 4) == 4
    assert calls == ["a", "c", "d"]


@pytest.mark.parametrize("quoc_hieu", ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"])
def test_the_reading_knows_both_spellings_of_the_quoc_hieu(quoc_hieu: str, tmp_path: Path) -> None:
    """docgen itself writes "HÒA"; the reading knew only "HOÀ" and read on past the quốc hiệu,
    taking the commune named under it for the issuer."""
    from docgen.check.reading import read_document

    draft_path = tmp_path / "a.txt"
    draft_path.write_text(f"{quoc_hieu}\nĐộc lập - Tự do - Hạnh phúc\nỦY BAN NHÂN DÂN XÃ TÂN LẬP\nKẾ HOẠCH\nThử\n", encoding="utf-8")
    assert read_document(read_draft(draft_path)).issuer_level is None
