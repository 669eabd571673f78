"""Read a draft (.txt, .md, .docx, .pdf, spec .yaml, or "-" for stdin) into a :class:`Draft`.

One module per format, as eyecite splits its pipeline: :mod:`.text` (.txt, .md, stdin),
:mod:`.docx`, :mod:`.pdf`, :mod:`.spec` (spec .yaml), and :mod:`.repair` (page furniture and
text copied out of a PDF). This module picks the reader and finds the draft's own date.

Positions shown to users (``Draft.position``):

* **.txt / .md / stdin**: line and column in the file as given (after decoding; NFD letters
  count once composed). A text copied out of a PDF is checked repaired (page numbers and running
  headers dropped, lines cut inside a sentence joined), still positioned in the file.
* **.docx**: ``line`` = paragraph number in reading order (body and table cells, page headers,
  then one line per footnote "[n] text"); a footnote reference reads "[n]".
  ``Draft.docx`` keeps the python-docx Document for the styling rules.
* **.pdf**: ``line`` = line number over the whole extracted text after page numbers and running
  headers/footers are dropped and the lines that the PDF broke inside a sentence are joined
  again; ``Draft.pages`` gives the page where each line starts. Body first, then footnotes.
* **spec .yaml**: every string of the spec is one line of the text, positioned at the line
  and column of that string in the YAML file.

Errors the user can cause raise :class:`InputError` in Vietnamese naming the file: missing
file, unknown type, corrupt .docx (not a zip, or no document part), broken or encrypted PDF,
legacy-encoded text (TCVN3, VNI). A spec with errors raises its :class:`SpecError`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docgen import limits
from docgen import text as vtext
from docgen.check.inputs.docx import docx_blocks, docx_draft
from docgen.check.inputs.pdf import pdf_draft
from docgen.check.inputs.spec import spec_draft
from docgen.check.inputs.text import lines_draft, text_draft
from docgen.check.model import Draft
from docgen.check.patterns.cite import PLACE_DATE_RE
from docgen.errors import InputError, Location

__all__ = ["HEADER_LINES", "TEXT_SUFFIXES", "detect_date", "docx_blocks", "lines_draft", "read_draft"]

TEXT_SUFFIXES = {".txt": "txt", ".md": "md", ".markdown": "md", ".text": "txt"}


def read_draft(path: Path | str, stdin: bytes | None = None, office_config: Path | None = None) -> Draft:
    """Read ``path`` ("-" reads ``stdin`` as text) into a :class:`Draft` with positions and date.
    A spec is loaded with the office defaults of ``office_config`` (else the docgen.toml found
    upward from it), as `docgen render` loads it."""
    where = str(path)
    if where == "-":
        data = stdin if stdin is not None else b""
        if len(data) > limits.TEXT_BYTES:
            raise InputError(f"dữ liệu vào vượt giới hạn {limits.mib(limits.TEXT_BYTES)}", Location("<stdin>"))
        draft = text_draft(vtext.decode_bytes(data, "<stdin>"), "<stdin>", "stdin")
        return _with_date(draft)
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return _with_date(spec_draft(p, office_config))
    try:
        # only regular files: a FIFO blocks and /dev/zero never ends (issue 9)
        refused = limits.regular_file_problem(p)
        if refused is None:
            cap = limits.TEXT_BYTES if suffix in TEXT_SUFFIXES else limits.FILE_BYTES
            refused = limits.too_big_problem(p, cap)
        if refused is not None:
            raise InputError(refused, Location(where))
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError("không tìm thấy tệp", Location(where)) from None
    except IsADirectoryError:
        raise InputError("đây là thư mục, không phải tệp văn bản", Location(where)) from None
    except OSError as exc:
        raise InputError(f"không đọc được tệp ({exc.strerror})", Location(where)) from None
    if suffix in TEXT_SUFFIXES:
        draft = text_draft(vtext.decode_bytes(data, where), where, TEXT_SUFFIXES[suffix])
    elif suffix == ".docx":
        draft = docx_draft(data, where)
    elif suffix == ".pdf":
        draft = pdf_draft(data, where)
    elif suffix == ".doc":
        raise InputError("tệp .doc (Word 97–2003) chưa được hỗ trợ; hãy lưu lại thành .docx", Location(where))
    else:
        raise InputError(
            f"không nhận ra loại tệp “{suffix or '(không có đuôi)'}”; docgen đọc .docx, .pdf, .txt, .md, .yaml",
            Location(where),
        )
    return _with_date(draft)


# ---------------------------------------------------------------- the draft's own date


HEADER_LINES = 20  # the NĐ30 header (ô 1–4) sits in the first non-blank lines of any draft


def detect_date(text: str) -> dt.date | None:
    """The date of the header line "<Địa danh>, ngày 15 tháng 4 năm 2024", if any.

    Only the first lines are searched: a body sentence "… tỉnh Cao Bằng, ngày 05 tháng 3 năm 2024
    …" in an undated draft must not become the draft's date.
    """
    head = "\n".join([line for line in text.split("\n") if line.strip()][:HEADER_LINES])
    for m in PLACE_DATE_RE.finditer(head):
        try:
            return dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        except ValueError:
            continue
    return None


def _with_date(draft: Draft) -> Draft:
    if draft.date is None:
        draft.date = detect_date(draft.text)
    return draft
