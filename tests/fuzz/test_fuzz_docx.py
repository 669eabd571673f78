"""Word files whose sentences are cut into random runs (issue 9, item 7).

Each example builds a .docx with python-docx: real sentences from plans/ (citations, dates,
deadlines, some deliberately wrong) cut into runs at random places with random bold and italic,
a PAGE field in the footer, a table with merged cells and a footnote reference made by
``docgen.render.footnotes``. ``read_draft`` + ``check_draft`` may only raise a DocgenError, and the
REF/DL findings must equal those of the same document written with one run per paragraph: where
Word happens to cut runs must not change what is found.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from docgen.check.inputs import read_draft
from docgen.check.runner import check_draft
from docgen.errors import DocgenError
from docgen.render import footnotes

# Examples per run for the test of this module (the fuzzing budget of issue 9).
MAX_EXAMPLES = 30
FAMILIES = ("REF", "DL")

# Lines of plans/*.yaml, some made wrong (issue date, deadline) so that REF/DL have something to find.
SENTENCES = [
    "Căn cứ Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023 của Bộ trưởng Bộ Giáo dục và Đào tạo ban hành Quy định về đánh giá, "
    "công nhận “Cộng đồng học tập” cấp xã, huyện, tỉnh;",
    "Thực hiện Thông tư số 25/2023/TT-BGDĐT ngày 28/12/2023 của Bộ Giáo dục và Đào tạo;",
    "Phòng Giáo dục và Đào tạo đã tiếp nhận hồ sơ của 16/16 xã, thị trấn trước ngày 28/02/2025.",
    "Ủy ban nhân dân cấp xã gửi hồ sơ đề nghị công nhận xã mức độ 1 năm 2024, hoàn thành trước ngày 31/3/2025.",
    "Theo điểm a khoản 4 Điều 11 Thông tư số 25/2023/TT-BGDĐT, cấp huyện gửi hồ sơ về Sở Giáo dục và Đào tạo trước ngày 15/5/2025.",
    "Các tiêu chí quy định tại Điều 6 Thông tư số 25/2023/TT-BGDĐT.",
    "Thông tư số 25/2023/TT- BGDĐT ngày 27/12/2023 quy định tại Điều 99.",
]
TABLE = [["Nhiệm vụ", "Đơn vị chủ trì", "Thời hạn"], ["Gửi hồ sơ cấp xã", "Ủy ban nhân dân xã", "trước ngày 28/02/2025"],
         ["Hoàn thành đánh giá cấp huyện", "Phòng Giáo dục và Đào tạo", "trước ngày 31/3/2025"]]
NOTE = "Tại Điều 6 Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023 của Bộ trưởng Bộ Giáo dục và Đào tạo."

# A split is, for each text, the cut points and the (bold, italic) of each run.
Split = tuple[list[int], list[tuple[bool, bool]]]


def _runs(paragraph: Paragraph, text: str, split: Split | None) -> None:
    if split is None:
        paragraph.add_run(text)
        return
    cuts, styles = split
    bounds = [0, *sorted({c for c in cuts if 0 < c < len(text)}), len(text)]
    for i, (start, end) in enumerate(zip(bounds, bounds[1:])):
        run = paragraph.add_run(text[start:end])
        bold, italic = styles[i % len(styles)]
        run.bold, run.italic = bold, italic


def _page_field(paragraph: Paragraph) -> None:
    run = paragraph.add_run()._r
    for kind in ("begin", None, "separate", "end"):
        if kind is None:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = " PAGE "
            run.append(instr)
            continue
        fld = OxmlElement("w:fldChar")
        fld.set(qn("w:fldCharType"), kind)
        run.append(fld)
        if kind == "separate":
            t = OxmlElement("w:t")
            t.text = "1"
            run.append(t)


def build(path: Path, splits: list[Split] | None) -> None:
    """The document; ``splits`` gives one split per text (sentences, then table cells), or None: one run each."""
    document: DocxDocument = docx.Document()
    texts = iter(splits) if splits is not None else None

    def split() -> Split | None:
        return next(texts) if texts is not None else None

    for i, sentence in enumerate(SENTENCES):
        paragraph = document.add_paragraph()
        _runs(paragraph, sentence, split())
        if i == 0:
            paragraph.add_run(footnotes.marker(0))  # one whole run: the marker is not text
    table = document.add_table(rows=len(TABLE) + 1, cols=3)
    for r, row in enumerate(TABLE):
        for c, value in enumerate(row):
            _runs(table.cell(r, c).paragraphs[0], value, split())
    merged = table.cell(len(TABLE), 0).merge(table.cell(len(TABLE), 2))
    _runs(merged.paragraphs[0], "Ghi chú: thời hạn theo điểm d khoản 1 Điều 9 Thông tư số 25/2023/TT-BGDĐT.", split())
    _page_field(document.sections[0].footer.paragraphs[0])
    footnotes.apply(document, [NOTE])
    document.save(str(path))


TEXT_LENGTHS = [len(s) for s in SENTENCES] + [len(v) for row in TABLE for v in row] + [76]


def _split(length: int) -> st.SearchStrategy[Split]:
    return st.tuples(
        st.lists(st.integers(min_value=1, max_value=max(1, length - 1)), max_size=12),
        st.lists(st.tuples(st.booleans(), st.booleans()), min_size=1, max_size=4),
    )


all_splits = st.tuples(*[_split(n) for n in TEXT_LENGTHS]).map(list)


def found(path: Path) -> list[tuple[str, int, int, str]]:
    """REF/DL findings as (code, line, column, message); a DocgenError is allowed, nothing else."""
    try:
        findings = check_draft(read_draft(path))
    except DocgenError:
        return []
    return [(f.code, f.line, f.column, f.message) for f in findings if f.code.startswith(FAMILIES)]


_reference: list[tuple[str, int, int, str]] = []


def reference() -> list[tuple[str, int, int, str]]:
    if not _reference:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "mot-run.docx"
            build(path, None)
            _reference.extend(found(path))
    return _reference


def test_unsplit_document_has_ref_and_dl_findings() -> None:
    codes = {code for code, *_ in reference()}
    assert any(c.startswith("REF") for c in codes) and any(c.startswith("DL") for c in codes), codes


@settings(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(all_splits)
def test_run_splitting_changes_no_ref_or_dl_finding(splits: list[Split]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "nhieu-run.docx"
        build(path, splits)
        assert found(path) == reference()
