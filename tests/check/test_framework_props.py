"""Property tests: whatever the input, the checker finds or refuses (InputError); it never
crashes. Random text and random bytes go in as .txt, .docx and .pdf."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from docgen.check.config import CheckConfig
from docgen.check.fixes import apply_text, safe_edits
from docgen.check.model import Draft
from docgen.check.runner import check_draft, check_paths
from docgen.errors import InputError

# Text that looks like a draft: Vietnamese letters, digits, punctuation, the markers the rules
# look for, spaces and line breaks.
ALPHABET = st.sampled_from(list("aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậđèẻẽéẹềểễếệ")
                           + list("ABCDĐHIKLMNOSTUVXỘÒÀ0123456789 \n\t.,;:/-–()[]^*#\"“”…")
                           + ["Số", "Lưu", "Nơi nhận", "Kính gửi", "ngày", "tháng", "năm", "I.", "1.", "a)",
                              "đ)", "e)", "[1]", "[^a]", "docgen: bỏ qua ", "FMT", "Độc lập", "CỘNG HOÀ", "KT"])
DRAFT_TEXT = st.lists(ALPHABET, max_size=200).map("".join)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(DRAFT_TEXT)
def test_any_text_is_checked_and_fixed_without_crash(text: str) -> None:
    draft = Draft("a.txt", "txt", text)
    findings = check_draft(draft)
    for f in findings:
        assert 0 <= f.span.start <= f.span.end <= len(text)
        assert f.line >= 1 and f.column >= 1
    edits, _ = safe_edits(findings)
    apply_text(text, edits)


def _check_bytes(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"x{suffix}"
        path.write_bytes(data)
        result = check_paths([str(path)], CheckConfig())
        assert result.files + len(result.errors) == 1
        assert all(isinstance(e, InputError) for e in result.errors)


@SETTINGS
@given(st.binary(max_size=400), st.sampled_from([".txt", ".docx", ".pdf", ".md"]))
def test_random_bytes_never_crash(data: bytes, suffix: str) -> None:
    _check_bytes(data, suffix)


@SETTINGS
@given(st.binary(min_size=1, max_size=60), st.integers(min_value=0, max_value=5000))
def test_damaged_docx_never_crashes(noise: bytes, at: int) -> None:
    doc = Document()
    doc.add_paragraph("Số 12/UBND-VX")
    doc.add_paragraph("Nơi nhận:")
    buffer = io.BytesIO()
    doc.save(buffer)
    data = bytearray(buffer.getvalue())
    at %= len(data)
    data[at : at + len(noise)] = noise
    _check_bytes(bytes(data), ".docx")


@SETTINGS
@given(DRAFT_TEXT)
def test_any_text_in_a_docx_is_checked(text: str) -> None:
    doc = Document()
    for line in text.split("\n"):
        doc.add_paragraph("".join(ch for ch in line if ch.isprintable() or ch == "\t"))
    buffer = io.BytesIO()
    doc.save(buffer)
    _check_bytes(buffer.getvalue(), ".docx")


@SETTINGS
@given(st.binary(max_size=300))
def test_pdf_header_with_garbage(data: bytes) -> None:
    _check_bytes(b"%PDF-1.4\n" + data, ".pdf")
