""".pdf: the text layer, one line per line of the re-joined text.

``line`` = line number over the whole extracted text after the lines that the PDF broke inside a
sentence are joined again (:func:`docgen.text.rejoin_pdf_lines`); ``Draft.pages`` gives the page
where each line starts. Before joining, page numbers ("2", "- 2 -", "Trang 2/5") and running
headers and footers (the same short line at the top or foot of several pages) are dropped
(:func:`docgen.check.inputs.repair.page_furniture`), so a sentence cut by a page break is one
line. Lines are rebuilt from the baseline and font size of each text run, so a raised footnote
number is told from the text: as for .docx, the body comes first (flowing from page to page) and
then one line per footnote, "[n] text", and a marker in the body reads "[n]".
"""

from __future__ import annotations

import io
import math
import os
from dataclasses import dataclass, field
from typing import Any, Final

from docgen import limits
from docgen import text as vtext
from docgen.check.inputs.repair import page_furniture
from docgen.check.inputs.text import lines_draft
from docgen.check.model import Draft
from docgen.check.patterns.cite import PAGE_NUMBER_LINE_RE, PDF_FOOTNOTE_LINE_RE, pdf_marker_re
from docgen.errors import InputError, Location


def pdf_draft(data: bytes, where: str) -> Draft:
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
        count = len(reader.pages)
        if count > limits.PDF_PAGES:
            raise InputError(f"tệp PDF có {limits.count(count)} trang, vượt giới hạn {limits.count(limits.PDF_PAGES)} trang", loc)
        page_lines = _all_page_lines(reader, data)
        # page numbers and running headers/footers go before anything is joined, so that a
        # sentence cut by a page break reads as one line (issue 8)
        furniture = page_furniture(
            [[text for text, _ in lines] for lines in page_lines], [[ln.y for _, ln in lines] for lines in page_lines]
        )
        raw_lines: list[str] = []
        line_pages: list[int] = []
        notes: list[tuple[str, int]] = []
        for number, (on_page, drop) in enumerate(zip(page_lines, furniture), start=1):
            body, page_notes = _page_text([ln for i, (_, ln) in enumerate(on_page) if i not in drop])
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
    return lines_draft(where, "pdf", lines, list(range(1, len(lines) + 1)), pages)


# A PDF of this many pages or more is read by several processes (issue 10): pypdf's text
# extraction, pure Python, is 85 % of a PDF check. A few pages are not worth starting them.
PARALLEL_PAGES: Final = 8
_MAX_WORKERS: Final = 4
_SHARED: dict[str, Any] = {}  # the PDF's bytes, seen by the forked workers without a copy


def _all_page_lines(reader: Any, data: bytes, *, workers: int | None = None) -> list[list[tuple[str, _PdfLine]]]:
    """:func:`_page_lines` of every page, in page order.

    With two or more processors and at least :data:`PARALLEL_PAGES` pages, the pages are shared
    out in runs to forked worker processes, each opening the PDF again (cheap next to reading its
    text). Only from a process with a single thread: forking a threaded process (the web
    server's) can leave a lock held in the child, so there the pages are read here, one by one.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    pages = len(reader.pages)
    if workers is None:
        workers = reading_workers(pages)
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [_page_lines(page) for page in reader.pages]
    step = -(-pages // workers)
    runs = [(start, min(pages, start + step)) for start in range(0, pages, step)]
    _SHARED["data"] = data
    try:
        # an executor, not a Pool: a worker that dies breaks the executor (BrokenProcessPool)
        # where a Pool would wait for its lost task for ever
        with ProcessPoolExecutor(len(runs), mp_context=multiprocessing.get_context("fork")) as pool:
            parts = list(pool.map(_run_lines, runs))
    except BrokenProcessPool:
        return [_page_lines(page) for page in reader.pages]  # read them here after all
    finally:
        _SHARED.clear()
    return [lines for part in parts for lines in part]


def reading_workers(pages: int) -> int:
    """How many processes read a PDF of ``pages`` pages: one for a short PDF, in a process with
    other threads, or in a worker itself; else one per processor (at most four), each with at
    least half of :data:`PARALLEL_PAGES` pages."""
    import multiprocessing
    import threading

    if pages < PARALLEL_PAGES or threading.active_count() > 1 or multiprocessing.parent_process() is not None:
        return 1
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(cpus, _MAX_WORKERS, pages // (PARALLEL_PAGES // 2)))


def _run_lines(run: tuple[int, int]) -> list[list[tuple[str, _PdfLine]]]:
    """In a worker: :func:`_page_lines` of pages ``run[0]`` to ``run[1] - 1``."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(_SHARED["data"]))
    if reader.is_encrypted:
        reader.decrypt("")  # the parent process has opened it with the empty password already
    return [_page_lines(reader.pages[i]) for i in range(*run)]


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


def _page_lines(page: Any) -> list[tuple[str, _PdfLine]]:
    """The non-empty lines of one PDF page with their text, lines holding only "2" or "- 2 -" left out.

    pypdf's own text keeps its line breaks, but it puts a line that starts with a raised,
    smaller number (a footnote's number at the page foot) on the line above; so the lines are
    rebuilt from each text run's baseline and font size (:func:`_pdf_lines`).
    """
    out: list[tuple[str, _PdfLine]] = []
    for ln in _pdf_lines(page):
        text = ln.text()
        if text and not PAGE_NUMBER_LINE_RE.match(text):
            out.append((text, ln))
    return out


def _page_text(lines: list[_PdfLine]) -> tuple[list[str], list[str]]:
    """Body lines and footnotes ("[n] …", one string each) of one PDF page.

    A run raised above the baseline in a smaller font is a superscript: glued to a word in the
    body it is a footnote marker, at the start of a line at the page foot it is the note's number.
    """
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
