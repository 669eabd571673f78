"""Data passed through the checker pipeline: draft text, spans, findings.

Pipeline (one module per verb): ``inputs.read_draft`` → :class:`Draft` →
``find.find_citations`` / ``find.find_targets`` … → rules → :class:`Finding` → ``report``.

Positions. Every offset is into ``Draft.text`` (NFC, lines joined with "\\n"). ``Draft.position``
turns an offset into the (line, column) shown to users:

* .txt / .md: 1-based line and column in the file as given (after decoding and NFC);
* .docx: line = paragraph number in reading order (body paragraphs and table-cell paragraphs,
  then footnotes), column = character in that paragraph (1-based);
* .pdf: line = line number counted over the whole extracted text, after re-joining the
  lines that PDF broke inside a sentence; ``Draft.page_of`` gives the page.
* spec .yaml: line and column in the YAML file of the string the text came from.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

_NEWLINE = re.compile("\n")


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


class FixSafety(str, Enum):
    """Like ruff's Applicability: SAFE keeps the meaning and ``--fix`` applies it."""

    NONE = "none"
    SAFE = "safe"
    UNSAFE = "unsafe"


@dataclass(frozen=True)
class Span:
    """Half-open character range ``[start, end)`` in ``Draft.text``."""

    start: int
    end: int


@dataclass
class Draft:
    """A draft as the checker sees it: one NFC text plus a map back to the user's file.

    ``line_starts[i]`` is the offset where user-visible line ``line_numbers[i]`` begins; for
    formats whose lines are not the text's own lines (docx paragraphs, yaml scalars) the
    reader fills both lists so that :meth:`position` stays correct.
    """

    path: str
    kind: str  # "txt", "md", "docx", "pdf", "yaml", "stdin"
    text: str
    line_starts: list[int] = field(default_factory=list)
    line_numbers: list[int] = field(default_factory=list)
    column_bases: list[int] = field(default_factory=list)  # column of the first character (1 unless yaml)
    pages: list[int] = field(default_factory=list)  # pdf: page number for each line
    date: dt.date | None = None  # the draft's own date (from its header), when found
    docx: Any = None  # python-docx Document for styling rules (.docx only)
    meta: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.line_starts:
            self.line_starts = [0] + [m.end() for m in _NEWLINE.finditer(self.text)]
            self.line_numbers = list(range(1, len(self.line_starts) + 1))
        if not self.column_bases:
            self.column_bases = [1] * len(self.line_starts)

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column), both 1-based, for an offset into ``text``."""
        i = max(0, bisect.bisect_right(self.line_starts, offset) - 1)
        return self.line_numbers[i], self.column_bases[i] + offset - self.line_starts[i]

    def page_of(self, offset: int) -> int | None:
        if not self.pages:
            return None
        i = max(0, bisect.bisect_right(self.line_starts, offset) - 1)
        return self.pages[i]


@dataclass
class Finding:
    """One problem found: what, where, and the fix when there is one."""

    path: str
    code: str
    severity: Severity
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    span: Span
    name: str = ""
    suggestion: str | None = None
    replacement: str | None = None  # the text that replaces ``text`` when fixed
    fix: FixSafety = FixSafety.NONE

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "text": self.text,
            "suggestion": self.suggestion,
            "fix": None
            if self.replacement is None
            else {"replacement": self.replacement, "safety": self.fix.value},
        }
