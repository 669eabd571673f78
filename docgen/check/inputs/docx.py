""".docx: one line per paragraph in reading order (body and table cells, page headers, then
footnotes "[n] …"); the python-docx Document is kept for the styling rules.

``line`` = paragraph number in reading order: body paragraphs and table-cell paragraphs (row by
row, merged cells once) as they come, then header paragraphs, then one paragraph per footnote,
written "[n] text". Empty paragraphs count. A footnote reference in the body appears in the text
as "[n]" where Word shows the superscript number, so columns after it are shifted by the marker's
length. Line breaks inside a paragraph become spaces.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any, Final

from docgen import limits
from docgen import text as vtext
from docgen.check.inputs.text import lines_draft
from docgen.check.model import Draft
from docgen.errors import InputError, Location


def docx_draft(data: bytes, where: str) -> Draft:
    import zipfile  # here, with python-docx: a .txt check needs neither

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InputError("tệp .docx bị hỏng hoặc không phải tệp Word (.docx là một tệp nén zip)", Location(where))
    _check_zip_directory(data, where)
    try:
        document = docx.Document(io.BytesIO(data))
        numbers: dict[str, int] = {}
        lines: list[str] = []
        for element, _ in docx_blocks(document):
            lines.append(_paragraph_text(element, numbers))
            if len(lines) > limits.DOCX_PARAGRAPHS:
                raise _TooMany(f"tệp .docx vượt giới hạn {limits.count(limits.DOCX_PARAGRAPHS)} đoạn văn (kể cả các đoạn trong bảng)")
        for section in document.sections:
            for header in (section.header, section.first_page_header):
                if header.is_linked_to_previous:
                    continue
                for para in header.paragraphs:
                    lines.append(_paragraph_text(para._p, numbers))
        for number, note in _footnotes(document, numbers):
            lines.append(f"[{number}] {note}")
    except _TooMany as exc:
        raise InputError(str(exc), Location(where)) from None
    except PackageNotFoundError:
        raise InputError("tệp .docx không có phần nội dung Word (word/document.xml)", Location(where)) from None
    except Exception as exc:  # noqa: BLE001
        # A damaged zip member or XML part surfaces as zlib.error, BadZipFile, KeyError, lxml's
        # XMLSyntaxError, ValueError …: all are the file's fault, none is a docgen bug.
        raise InputError(f"tệp .docx bị hỏng, không đọc được ({type(exc).__name__})", Location(where)) from None
    lines = [vtext.normalize_keep_offsets(line).replace("\n", " ") for line in lines]
    draft = lines_draft(where, "docx", lines, list(range(1, len(lines) + 1)))
    draft.docx = document
    return draft


class _TooMany(Exception):
    """A limit of :mod:`docgen.limits` reached while reading (kept apart from the file's faults)."""


def _check_zip_directory(data: bytes, where: str) -> None:
    """Entry count and uncompressed size, read from the zip directory before anything is
    decompressed: a zip bomb (1 MB that inflates to 1 GB) is refused before memory grows."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise InputError("tệp .docx bị hỏng hoặc không phải tệp Word (.docx là một tệp nén zip)", Location(where)) from None
    if len(infos) > limits.DOCX_ENTRIES:
        raise InputError(f"tệp .docx có {len(infos)} phần nén, vượt giới hạn {limits.DOCX_ENTRIES}", Location(where))
    total = sum(max(info.file_size, 0) for info in infos)
    if total > limits.DOCX_UNCOMPRESSED_BYTES:
        raise InputError(
            f"tệp .docx giải nén ra {total / (1024 * 1024):.0f} MB, vượt giới hạn {limits.mib(limits.DOCX_UNCOMPRESSED_BYTES)} (có thể là “bom nén”)",
            Location(where),
        )


_W: Final = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC, _TCPR, _VMERGE, _SDT, _SDT_CONTENT, _VAL, _ID = (
    _W + t for t in ("p", "tbl", "tr", "tc", "tcPr", "vMerge", "sdt", "sdtContent", "val", "id")
)
_T, _FOOTNOTE_REFERENCE, _NO_BREAK_HYPHEN = _W + "t", _W + "footnoteReference", _W + "noBreakHyphen"
_BLANKS: Final = frozenset(_W + t for t in ("tab", "br", "cr"))


def _qn(tag: str) -> str:
    """"w:p" → the Clark name, for the tags not kept as constants above."""
    prefix, _, local = tag.partition(":")
    assert prefix == "w", tag
    return _W + local


def docx_blocks(document: Any) -> Iterator[tuple[Any, bool]]:
    """``w:p`` elements of the body in reading order, each with whether it sits in a table cell;
    table cells included (merged cells once), content controls opened. The one walk over a
    .docx body: the draft's lines and the styling rules' paragraphs both come from it."""
    yield from _blocks(document.element.body, False)


def _blocks(container: Any, in_table: bool) -> Iterator[tuple[Any, bool]]:
    for child in container.iterchildren():
        tag = child.tag
        if tag == _P:
            yield child, in_table
        elif tag == _TBL:
            for row in child.iterchildren(_TR):
                seen: set[int] = set()
                for cell in row.iterchildren(_TC):
                    if id(cell) in seen:
                        continue
                    seen.add(id(cell))
                    tcpr = cell.find(_TCPR)
                    vmerge = tcpr.find(_VMERGE) if tcpr is not None else None
                    if vmerge is not None and vmerge.get(_VAL) in (None, "continue"):
                        continue  # continuation of a vertically merged cell
                    yield from _blocks(cell, True)
        elif tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _blocks(content, in_table)


def _paragraph_text(p: Any, numbers: dict[str, int]) -> str:
    """Text of a ``w:p``: runs, tabs and breaks as spaces, footnote references as "[n]"."""
    parts: list[str] = []
    for el in p.iter():
        tag = el.tag
        if tag == _T:
            parts.append(el.text or "")
        elif tag in _BLANKS:
            parts.append(" ")
        elif tag == _NO_BREAK_HYPHEN:
            parts.append("-")
        elif tag == _FOOTNOTE_REFERENCE:
            fid = el.get(_ID) or ""
            number = numbers.setdefault(fid, len(numbers) + 1)
            parts.append(f"[{number}]")
    return "".join(parts)


def _footnotes(document: Any, numbers: dict[str, int]) -> list[tuple[int, str]]:
    """(display number, text) of each footnote, in the order of their references."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml

    part = None
    for rel in document.part.rels.values():
        if rel.reltype == RT.FOOTNOTES and not rel.is_external:
            part = rel.target_part
            break
    if part is None:
        return []
    root = part.element if hasattr(part, "element") else parse_xml(part.blob)
    notes: dict[str, str] = {}
    for fn in root.iterchildren(_qn("w:footnote")):
        if fn.get(_qn("w:type")) in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        fid = fn.get(_qn("w:id")) or ""
        texts = [_paragraph_text(p, {}) for p in fn.iterchildren(_qn("w:p"))]
        # The note's own reference mark ("[n]" from w:footnoteRef) is not a w:footnoteReference,
        # so nothing is added for it here.
        notes[fid] = " ".join(t.strip() for t in texts if t.strip())
    out = [(numbers[fid], notes[fid]) for fid in numbers if fid in notes]
    unreferenced = [fid for fid in notes if fid not in numbers]
    for fid in unreferenced:
        out.append((len(numbers) + 1 + unreferenced.index(fid), notes[fid]))
    return sorted(out)
