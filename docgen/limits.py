"""Every size limit docgen enforces, in one place (issue 9).

A hostile or broken input (a "billion laughs" YAML, a zip bomb, /dev/zero given as a draft)
must be refused with a message naming the limit, before it costs memory or time. The defaults
are generous for any real document: a 300-page plan is about 1 MB of .docx, 6,000 paragraphs
and 300 PDF pages; a 10,000-row batch table about 5 MB. docs/spec.md and docs/checker.md list
them in Vietnamese.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Final

#: A spec file (.yaml): a 300-page plan written as a spec is well under 2 MB.
SPEC_BYTES: Final = 10 * 1024 * 1024
#: YAML aliases (``*name``) in one spec; real specs use a handful, a "billion laughs" thousands.
YAML_ALIASES: Final = 100
#: Nesting depth of mappings and lists in a spec (noi_dung → muc → … is rarely past 12).
YAML_DEPTH: Final = 64
#: YAML nodes in one spec (keys, values, items), counted before they are built.
YAML_NODES: Final = 1_000_000
#: Characters in one text value of a spec (a paragraph, a footnote).
SPEC_STRING_CHARS: Final = 100_000
#: Items in one list of a spec (sections, paragraphs, recipients, targets…).
SPEC_LIST_ITEMS: Final = 10_000
#: Digits of a ``so`` (số văn bản): a positive whole number, at most 9 digits.
SPEC_NUMBER_DIGITS: Final = 9
#: Characters of any number written in a spec (5,000 digits would make Python's int() fail).
YAML_NUMBER_CHARS: Final = 40

#: Roman-numbered sections (mục I, II, …) of one document: 3,999 (MMMCMXCIX) is the largest
#: standard Roman numeral. NĐ30 documents never come near it; bench/scaling.py's 100× plan has 2,400.
ROMAN_SECTIONS: Final = 3_999

#: A draft read by ``check``: .txt, .md, .yaml text.
TEXT_BYTES: Final = 50 * 1024 * 1024
#: A .docx or .pdf file on disk.
FILE_BYTES: Final = 200 * 1024 * 1024
#: The sum of the uncompressed sizes of a .docx's entries, read from its zip directory.
DOCX_UNCOMPRESSED_BYTES: Final = 500 * 1024 * 1024
#: Entries in a .docx's zip directory (a real one has 10–100).
DOCX_ENTRIES: Final = 10_000
#: Paragraphs of a .docx, table cells and page headers included: a 300-page plan has about 6,000,
#: bench/scaling.py's 3,000-page plan 28,800. A check costs about 0.3 ms a paragraph (a 100,000-
#: paragraph file took 39 s and 1.5 GB), so past this a draft is refused while it is read (issue 9).
DOCX_PARAGRAPHS: Final = 50_000
#: Pages of a PDF draft.
PDF_PAGES: Final = 2_000
#: Years ``timeline --nam`` accepts.
YEAR_MIN: Final = 2000
YEAR_MAX: Final = 2100


def count(n: int) -> str:
    """A whole number as Vietnamese writes it in a message: 50000 → "50.000"."""
    return f"{n:,}".replace(",", ".")


def mib(n: int) -> str:
    """A byte count as "10 MB" for messages."""
    return f"{n // (1024 * 1024)} MB"


def regular_file_problem(path: Path | str) -> str | None:
    """Why ``path`` may not be read (not a regular file, or missing), or None.

    Checked with ``os.stat`` before opening: a FIFO would block and /dev/zero never ends.
    FileNotFoundError, IsADirectoryError and PermissionError propagate to the caller's own
    messages.
    """
    mode = os.stat(path).st_mode
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(21, "Is a directory", str(path))
    if not stat.S_ISREG(mode):
        return "không phải tệp thường (ống, thiết bị hay socket): docgen chỉ đọc tệp thường"
    return None


def too_big_problem(path: Path | str, limit: int) -> str | None:
    """A message when ``path`` is larger than ``limit`` bytes, else None."""
    size = os.stat(path).st_size
    if size > limit:
        return f"tệp lớn {size / (1024 * 1024):.1f} MB, vượt giới hạn {mib(limit)}"
    return None
