""".txt, .md and stdin: the file's own lines, or, for a text copied out of a PDF, the repaired lines.

Positions are the line and column in the file as given (after decoding; NFD letters count once
composed). A text copied out of a PDF (:mod:`docgen.check.inputs.repair`) is checked repaired, one
line per sentence run, and still positioned in the file: each line of the repaired text carries
one entry of ``Draft.line_starts`` per file line joined into it, and ``Draft.meta["source_map"]``
maps it back to the file's text for ``--fix``.
"""

from __future__ import annotations

from docgen import text as vtext
from docgen.check.inputs.repair import repair_text
from docgen.check.model import Draft


def text_draft(text: str, where: str, kind: str) -> Draft:
    """A draft of a decoded text file (``kind`` "txt", "md" or "stdin")."""
    normal = vtext.normalize_keep_offsets(text)
    # tabs become spaces above; remember the lines that were table rows ("Nội dung<TAB>Thời hạn")
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    rows = [i for i, line in enumerate(raw_lines) if len([c for c in line.split("\t") if c.strip()]) >= 2]
    repaired = repair_text(normal, alone=rows)
    if repaired is None:
        draft = Draft(path=where, kind=kind, text=normal)
        if rows:
            draft.meta["tab_rows"] = rows
        return draft
    draft = Draft(
        path=where,
        kind=kind,
        text=repaired.text,
        line_starts=repaired.line_starts,
        line_numbers=repaired.line_numbers,
        column_bases=repaired.column_bases,
    )
    draft.meta["source_map"] = repaired.source
    draft.meta["repaired"] = repaired.dropped
    rows = sorted({repaired.line_of[i] for i in rows if i in repaired.line_of})
    if rows:
        draft.meta["tab_rows"] = rows
    return draft


def lines_draft(where: str, kind: str, lines: list[str], numbers: list[int], pages: list[int] | None = None) -> Draft:
    """A draft made of ``lines``, line ``k`` shown as line ``numbers[k]``, column 1 at its start."""
    starts: list[int] = []
    offset = 0
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    return Draft(
        path=where,
        kind=kind,
        text="\n".join(lines),
        line_starts=starts or [0],
        line_numbers=numbers or [1],
        pages=pages or [],
    )
