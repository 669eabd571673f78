"""Read a draft (.txt, .md, .docx, .pdf, spec .yaml, or "-" for stdin) into a :class:`Draft`.

Positions shown to users (``Draft.position``):

* **.txt / .md / stdin**: line and column in the file as given (after decoding; NFD letters
  count once composed).
* **.docx**: ``line`` = paragraph number in reading order: body paragraphs and table-cell
  paragraphs (row by row, merged cells once) as they come, then header paragraphs, then one
  paragraph per footnote, written "[n] text". Empty paragraphs count. A footnote reference in
  the body appears in the text as "[n]" where Word shows the superscript number, so columns
  after it are shifted by the marker's length. Line breaks inside a paragraph become spaces.
  ``Draft.docx`` keeps the python-docx Document for the styling rules.
* **.pdf**: ``line`` = line number over the whole extracted text after the lines that the
  PDF broke inside a sentence are joined again (:func:`docgen.text.rejoin_pdf_lines`);
  ``Draft.pages`` gives each line's page. Lines that hold only a page number are dropped.
  Lines are rebuilt from the baseline and font size of each text run, so a raised footnote
  number is told from the text: as for .docx, the body comes first (flowing from page to page)
  and then one line per footnote, "[n] text", and a marker in the body reads "[n]".
* **spec .yaml**: every string of the spec is one line of the text, positioned at the line
  and column of that string in the YAML file.

Errors the user can cause raise :class:`InputError` in Vietnamese naming the file: missing
file, unknown type, corrupt .docx (not a zip, or no document part), broken or encrypted PDF,
legacy-encoded text (TCVN3, VNI). A spec with errors raises its :class:`SpecError`.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docgen import text as vtext
from docgen.check.model import Draft
from docgen.check.patterns.cite import PAGE_NUMBER_LINE_RE, PDF_FOOTNOTE_LINE_RE, PLACE_DATE_RE, pdf_marker_re
from docgen.errors import InputError, Location

TEXT_SUFFIXES = {".txt": "txt", ".md": "md", ".markdown": "md", ".text": "txt"}


def read_draft(path: Path | str, stdin: bytes | None = None) -> Draft:
    """Read ``path`` ("-" reads ``stdin`` as text) into a :class:`Draft` with positions and date."""
    where = str(path)
    if where == "-":
        data = stdin if stdin is not None else b""
        draft = _text_draft(vtext.decode_bytes(data, "<stdin>"), "<stdin>", "stdin")
        return _with_date(draft)
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return _with_date(_spec_draft(p))
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError("không tìm thấy tệp", Location(where)) from None
    except IsADirectoryError:
        raise InputError("đây là thư mục, không phải tệp văn bản", Location(where)) from None
    except OSError as exc:
        raise InputError(f"không đọc được tệp ({exc.strerror})", Location(where)) from None
    if suffix in TEXT_SUFFIXES:
        draft = _text_draft(vtext.decode_bytes(data, where), where, TEXT_SUFFIXES[suffix])
    elif suffix == ".docx":
        draft = _docx_draft(data, where)
    elif suffix == ".pdf":
        draft = _pdf_draft(data, where)
    elif suffix == ".doc":
        raise InputError("tệp .doc (Word 97–2003) chưa được hỗ trợ; hãy lưu lại thành .docx", Location(where))
    else:
        raise InputError(
            f"không nhận ra loại tệp “{suffix or '(không có đuôi)'}”; docgen đọc .docx, .pdf, .txt, .md, .yaml",
            Location(where),
        )
    return _with_date(draft)


# ---------------------------------------------------------------- text


def _text_draft(text: str, where: str, kind: str) -> Draft:
    draft = Draft(path=where, kind=kind, text=vtext.normalize_keep_offsets(text))
    # tabs become spaces above; remember the lines that were table rows ("Nội dung<TAB>Thời hạn")
    rows = [i for i, line in enumerate(text.splitlines()) if len([c for c in line.split("\t") if c.strip()]) >= 2]
    if rows:
        draft.meta["tab_rows"] = rows
    return draft


def _lines_draft(where: str, kind: str, lines: list[str], numbers: list[int], pages: list[int] | None = None) -> Draft:
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


# ---------------------------------------------------------------- docx


def _docx_draft(data: bytes, where: str) -> Draft:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InputError("tệp .docx bị hỏng hoặc không phải tệp Word (.docx là một tệp nén zip)", Location(where))
    try:
        document = docx.Document(io.BytesIO(data))
        numbers: dict[str, int] = {}
        lines: list[str] = []
        for element, _ in docx_blocks(document):
            lines.append(_paragraph_text(element, numbers))
        for section in document.sections:
            for header in (section.header, section.first_page_header):
                if header.is_linked_to_previous:
                    continue
                for para in header.paragraphs:
                    lines.append(_paragraph_text(para._p, numbers))
        for number, note in _footnotes(document, numbers):
            lines.append(f"[{number}] {note}")
    except PackageNotFoundError:
        raise InputError("tệp .docx không có phần nội dung Word (word/document.xml)", Location(where)) from None
    except Exception as exc:  # noqa: BLE001
        # A damaged zip member or XML part surfaces as zlib.error, BadZipFile, KeyError, lxml's
        # XMLSyntaxError, ValueError …: all are the file's fault, none is a docgen bug.
        raise InputError(f"tệp .docx bị hỏng, không đọc được ({type(exc).__name__})", Location(where)) from None
    lines = [vtext.normalize_keep_offsets(line).replace("\n", " ") for line in lines]
    draft = _lines_draft(where, "docx", lines, list(range(1, len(lines) + 1)))
    draft.docx = document
    return draft


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return str(qn(tag))


def docx_blocks(document: Any) -> Iterator[tuple[Any, bool]]:
    """``w:p`` elements of the body in reading order, each with whether it sits in a table cell;
    table cells included (merged cells once), content controls opened. The one walk over a
    .docx body: the draft's lines and the styling rules' paragraphs both come from it."""
    yield from _blocks(document.element.body, False)


def _blocks(container: Any, in_table: bool) -> Iterator[tuple[Any, bool]]:
    for child in container.iterchildren():
        if child.tag == _qn("w:p"):
            yield child, in_table
        elif child.tag == _qn("w:tbl"):
            for row in child.iterchildren(_qn("w:tr")):
                seen: set[int] = set()
                for cell in row.iterchildren(_qn("w:tc")):
                    if id(cell) in seen:
                        continue
                    seen.add(id(cell))
                    tcpr = cell.find(_qn("w:tcPr"))
                    vmerge = tcpr.find(_qn("w:vMerge")) if tcpr is not None else None
                    if vmerge is not None and vmerge.get(_qn("w:val")) in (None, "continue"):
                        continue  # continuation of a vertically merged cell
                    yield from _blocks(cell, True)
        elif child.tag == _qn("w:sdt"):
            content = child.find(_qn("w:sdtContent"))
            if content is not None:
                yield from _blocks(content, in_table)


def _paragraph_text(p: Any, numbers: dict[str, int]) -> str:
    """Text of a ``w:p``: runs, tabs and breaks as spaces, footnote references as "[n]"."""
    parts: list[str] = []
    for el in p.iter():
        tag = el.tag
        if tag == _qn("w:t"):
            parts.append(el.text or "")
        elif tag in (_qn("w:tab"), _qn("w:br"), _qn("w:cr")):
            parts.append(" ")
        elif tag == _qn("w:noBreakHyphen"):
            parts.append("-")
        elif tag == _qn("w:footnoteReference"):
            fid = el.get(_qn("w:id")) or ""
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


# ---------------------------------------------------------------- pdf


def _pdf_draft(data: bytes, where: str) -> Draft:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    loc = Location(where)
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise InputError("tệp không phải PDF (thiếu phần đầu %PDF)", loc)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                ok = bool(reader.decrypt(""))
            except (PyPdfError, NotImplementedError, ValueError):
                ok = False
            if not ok:
                raise InputError("tệp PDF được mã hóa (có mật khẩu); hãy gỡ mật khẩu rồi kiểm tra lại", loc)
        raw_lines: list[str] = []
        line_pages: list[int] = []
        notes: list[tuple[str, int]] = []
        for number, page in enumerate(reader.pages, start=1):
            body, page_notes = _pdf_page(page)
            for line in body:
                raw_lines.append(line)
                line_pages.append(number)
            notes.extend((note, number) for note in page_notes)
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001
        # pypdf reports malformed input with many types (PdfReadError, zlib.error, KeyError,
        # struct.error, UnicodeDecodeError …): all are the file's fault, none is a docgen bug.
        raise InputError(f"tệp PDF bị hỏng, không đọc được ({type(exc).__name__})", loc) from None
    if notes:
        # footnotes come after the body, one line each, as for .docx: the body then flows from
        # page to page without the notes of the page foot between its halves
        raw_lines.append("")
        line_pages.append(notes[0][1])
        for note, number in notes:
            raw_lines.append(note)
            line_pages.append(number)
    joined = vtext.rejoin_pdf_lines_with_origin(vtext.normalize_keep_offsets(line) for line in raw_lines)
    lines = [text for text, _ in joined]
    pages = [line_pages[origin] if origin < len(line_pages) else 1 for _, origin in joined]
    if not "".join(lines).strip():
        raise InputError("tệp PDF không có lớp chữ (có thể là bản quét); cần nhận dạng chữ (OCR) trước", loc)
    return _lines_draft(where, "pdf", lines, list(range(1, len(lines) + 1)), pages)


@dataclass
class _Piece:
    """One text run of a PDF page: its text, baseline origin and font size in points."""

    text: str
    x: float
    y: float
    size: float
    sup: bool = False  # raised and smaller than the line's text: a footnote number


@dataclass
class _PdfLine:
    """Pieces that share a baseline; ``y``/``size`` are those of the line's main text."""

    pieces: list[_Piece] = field(default_factory=list)
    y: float = 0.0
    size: float = 0.0

    def add(self, piece: _Piece) -> None:
        if not self.pieces or (piece.text.strip() and piece.size > self.size and not piece.sup):
            self.y, self.size = piece.y, piece.size
        self.pieces.append(piece)

    def text(self, markers: frozenset[int] = frozenset()) -> str:
        """The line's text; superscript numbers in ``markers`` written "[n]"."""
        parts: list[str] = []
        for piece in self.pieces:
            number = piece.text.strip()
            if piece.sup and number.isdigit() and int(number) in markers:
                parts.append(f"[{int(number)}]")
            else:
                parts.append(piece.text)
        return "".join(parts).strip()

    def lead_number(self) -> int | None:
        """The footnote number a note line starts with: raised digits, or digits and a space."""
        solid = [p for p in self.pieces if p.text.strip()]
        if solid and solid[0].sup and solid[0].text.strip().isdigit():
            return int(solid[0].text.strip())
        m = PDF_FOOTNOTE_LINE_RE.match(self.text())
        return int(m.group("number")) if m else None

    def sup_numbers(self) -> set[int]:
        return {int(p.text.strip()) for p in self.pieces if p.sup and p.text.strip().isdigit()}


# Geometry of the line builder, as fractions of the font size.
_SAME_BASELINE = 0.25  # baselines this close are one line
_SUP_RAISE = 0.75  # a superscript sits at most this far above the baseline
_SUP_SMALLER = 0.85  # and its font is at most this fraction of the line's


def _pdf_page(page: Any) -> tuple[list[str], list[str]]:
    """Body lines and footnotes ("[n] …", one string each) of one PDF page.

    pypdf's own text keeps its line breaks, but it puts a line that starts with a raised,
    smaller number (a footnote's number at the page foot) on the line above; so the lines are
    rebuilt from each text run's baseline and font size. A run raised above the baseline in a
    smaller font is a superscript: glued to a word in the body it is a footnote marker, at the
    start of a line at the page foot it is the note's number.
    """
    lines = [ln for ln in _pdf_lines(page) if ln.text() and not PAGE_NUMBER_LINE_RE.match(ln.text())]
    start, numbers = _footnote_area(lines)
    markers = frozenset(numbers)
    body = lines[:start]
    body_text = [ln.text(markers) for ln in body]
    plain = [n for n in numbers if not any(n in ln.sup_numbers() for ln in body)]
    if plain:
        joined = "\n".join(body_text)
        for n in plain:  # markers printed as plain digits glued to a word ("quy định4.")
            joined = pdf_marker_re(n).sub(f"[{n}]", joined)
        body_text = joined.split("\n")
    notes: list[list[str]] = []
    for ln in lines[start:]:
        lead = ln.lead_number()
        text = ln.text()
        if lead is not None and len(notes) < len(numbers) and lead == numbers[len(notes)]:
            rest = text[len(str(lead)) :].lstrip() if text.startswith(str(lead)) else text
            notes.append([f"[{lead}] {rest}"])
        else:
            notes[-1].append(text)
    return body_text, [" ".join(vtext.rejoin_pdf_lines(note)) for note in notes]


def _footnote_area(lines: list[_PdfLine]) -> tuple[int, list[int]]:
    """Where the page's footnotes start and their numbers (``len(lines)``, [] when none).

    The notes are the lines from a note start to the page foot whose starts carry consecutive
    numbers; each number must also mark the body above (raised, or glued to a word), else the
    lines are a numbered list, not notes.
    """
    starts = [(i, n) for i, ln in enumerate(lines) if (n := ln.lead_number()) is not None]
    for k, (start, first) in enumerate(starts):
        numbers = [first]
        for i, n in starts[k + 1 :]:
            if n == numbers[-1] + 1:
                numbers.append(n)
            elif _raised_lead(lines[i]):
                break  # a raised number out of order: not this run of notes
        else:
            body = lines[:start]
            raised = set().union(*(ln.sup_numbers() for ln in body))
            body_text = "\n".join(ln.text() for ln in body)
            if all(n in raised or pdf_marker_re(n).search(body_text) for n in numbers):
                return start, numbers
    return len(lines), []


def _raised_lead(line: _PdfLine) -> bool:
    solid = [p for p in line.pieces if p.text.strip()]
    return bool(solid) and solid[0].sup


def _only_raised_number(line: _PdfLine, piece: _Piece) -> bool:
    """Whether ``line`` holds nothing but a number in a font smaller than ``piece``'s."""
    solid = [p for p in line.pieces if p.text.strip()]
    return bool(solid) and all(p.text.strip().isdigit() and p.size < _SUP_SMALLER * piece.size for p in solid)


def _pdf_lines(page: Any) -> list[_PdfLine]:
    """The page's text runs grouped into lines, in content order, superscripts marked."""
    pieces: list[_Piece | None] = []  # None: pypdf's own line break

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if text == "\n":
            pieces.append(None)
            return
        if not text:
            return
        a, b, c, d, e, f = tm
        ca, cb, cc, cd, ce, cf = cm
        x = e * ca + f * cc + ce
        y = e * cb + f * cd + cf
        scale = math.hypot(c * ca + d * cc, c * cb + d * cd) or 1.0
        for k, part in enumerate(text.split("\n")):
            if k:
                pieces.append(None)
            if part:
                pieces.append(_Piece(part, x, y, abs(size) * scale))

    page.extract_text(visitor_text=visit)
    lines: list[_PdfLine] = []
    current = _PdfLine()
    broken = False  # pypdf broke the line before the next piece
    for piece in pieces:
        if piece is None:
            broken = True
            continue
        if not current.pieces:
            current.add(piece)
            broken = False
            continue
        if not piece.text.strip():
            if not broken:
                current.add(piece)
            continue
        dy = piece.y - current.y
        big = max(current.size, piece.size)
        if abs(dy) <= _SAME_BASELINE * big and not broken:
            current.add(piece)
        elif piece.size < _SUP_SMALLER * current.size and 0 < dy <= _SUP_RAISE * current.size and not broken:
            piece.sup = True
            current.add(piece)
        elif _only_raised_number(current, piece) and 0 < -dy <= _SUP_RAISE * piece.size:
            # the raised number that starts this line came first: "⁶ Tại Điều 12 …"
            for lead in current.pieces:
                lead.sup = bool(lead.text.strip())
            current = _PdfLine(list(current.pieces), piece.y, piece.size)
            current.add(piece)
        else:
            lines.append(current)
            current = _PdfLine()
            current.add(piece)
        broken = False
    if current.pieces:
        lines.append(current)
    return lines


# ---------------------------------------------------------------- spec yaml


def _spec_draft(path: Path) -> Draft:
    """The strings of a spec, each placed at its YAML position; the spec is validated first."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    where = str(path)
    try:
        from docgen.spec.loader import load_spec
    except ImportError:  # the loader is optional for reading
        load_spec = None  # type: ignore[assignment]
    document = load_spec(path) if load_spec is not None else None  # raises SpecError
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"không đọc được tệp ({exc.strerror})", Location(where)) from None
    source = vtext.decode_bytes(raw, where)
    try:
        tree = YAML(typ="rt").load(source)
    except YAMLError:
        raise InputError("lỗi cú pháp YAML", Location(where)) from None
    source_lines = source.split("\n")
    pieces: list[str] = []
    starts: list[int] = []
    numbers: list[int] = []
    columns: list[int] = []
    offset = 0
    for line, column, scalar in _yaml_strings(tree):
        value = vtext.normalize_keep_offsets(scalar)
        for k, piece in enumerate(value.split("\n")):
            # each source line of a (folded, literal or multi-line) scalar keeps its own position
            for at, seg_line, seg_col in _segments(piece, source_lines, line, column if k == 0 else 1):
                starts.append(offset + at)
                numbers.append(seg_line)
                columns.append(seg_col)
            pieces.append(piece)
            offset += len(piece) + 1
    text = "\n".join(pieces)
    draft = Draft(
        path=where,
        kind="yaml",
        text=text,
        line_starts=starts or [0],
        line_numbers=numbers or [1],
        column_bases=columns or [1],
    )
    if document is not None:
        date = getattr(document, "date", None)
        if isinstance(date, dt.date):
            draft.date = date
        draft.meta["spec"] = document
    return draft


def _segments(piece: str, source_lines: list[str], line: int, column: int) -> list[tuple[int, int, int]]:
    """(offset in ``piece``, 1-based line, column) where each source line's text starts.

    ``line``/``column`` is where ruamel puts the value (for a ``>-`` block, the indicator). The
    source lines from there on are matched, in order, against the value's text; the first
    segment is always at offset 0.
    """
    out = [(0, line, column)]
    cursor = 0
    for index in range(line - 1, min(len(source_lines), line + 200)):
        src = source_lines[index]
        content = src.strip().strip("\"'")
        if index == line - 1:
            content = src[column - 1 :].strip().strip("\"'") if column - 1 < len(src) else ""
            if content in (">", ">-", "|", "|-", ">+", "|+", ""):
                continue
        if not content:
            continue
        found = piece.find(content[: min(len(content), 40)], cursor)
        if found < 0:
            if cursor > 0:
                break
            continue
        col = src.find(content[: min(len(content), 40)]) + 1
        if found == 0:
            out[0] = (0, index + 1, col)
        else:
            out.append((found, index + 1, col))
        cursor = found + len(content)
        if cursor >= len(piece):
            break
    return out


def _yaml_strings(node: Any) -> Iterator[tuple[int, int, str]]:
    """(1-based line, 1-based column, value) of every string in a ruamel round-trip tree."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(node, CommentedMap):
        for key, value in node.items():
            if key == "van_ban" and isinstance(value, str):
                # a căn cứ named by its symbol is rendered as the registry's full first citation
                value = _citation_text(value)
            if isinstance(value, str):
                try:
                    line, col = node.lc.value(key)
                except (KeyError, TypeError, AttributeError):
                    line, col = node.lc.line, node.lc.col
                quoted = getattr(value, "style", None) in ("'", '"')
                yield line + 1, col + 1 + (1 if quoted else 0), str(value)
            else:
                yield from _yaml_strings(value)
    elif isinstance(node, CommentedSeq):
        for index, value in enumerate(node):
            if isinstance(value, str):
                try:
                    line, col = node.lc.item(index)
                except (KeyError, TypeError, AttributeError, IndexError):
                    line, col = node.lc.line, node.lc.col
                quoted = getattr(value, "style", None) in ("'", '"')
                yield line + 1, col + 1 + (1 if quoted else 0), str(value)
            else:
                yield from _yaml_strings(value)


def _citation_text(symbol: str) -> str:
    from docgen.law.registry import load_registry

    entry = load_registry().get(symbol)
    return entry.citation() if entry is not None else symbol


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
