"""PDF through LibreOffice: one headless ``soffice`` process converts every file at once.

Documents made from the same template (every part but the body and the properties identical, no
footnotes) are converted as one: their bodies are joined into one .docx, each its own section
with its own page numbering (``w:pgNumType w:start="1"``, its first-page header), a zero-length
bookmark at its first paragraph; LibreOffice exports the bookmarks as named destinations, and
pypdf cuts the PDF where each document starts (issue 10: a Tờ trình's PDF costs half the CPU
this way; LibreOffice spends more on opening a file than on laying out its two pages). The pages
are those LibreOffice makes of each document alone, pixel for pixel (tests/render/test_pdf_merge.py).

A throw-away user profile (``-env:UserInstallation``) keeps the run independent of a desktop
LibreOffice the user may have open, and of other docgen runs. The timeout grows with the number
of files; on timeout the whole process group (soffice forks ``soffice.bin``) is stopped.

soffice runs in a session of its own (so that its whole group can be stopped), which means a
terminal's Ctrl-C never reaches it: any exception while waiting for it (KeyboardInterrupt above
all) stops its group too, gently then by force, before it propagates (issue 9).

In ``docgen serve`` only, a LibreOffice kept running (:mod:`docgen.render.warm`) converts
first; when it cannot, the conversion is the cold one above.

A PDF is only reported made after :func:`verify_pdf`: it ends with ``%%EOF``, pypdf opens it and
it has at least one page. A disk that fills up under LibreOffice leaves a truncated file that is
not empty; it is removed and named in the error (issue 9).
"""

from __future__ import annotations

import copy
import io
import os
import shutil
import signal
import subprocess
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from docx.opc.oxml import serialize_part_xml
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from docgen.errors import RenderError

INSTALL_HINT: Final = (
    "Muốn có PDF, cài LibreOffice: apt-get install libreoffice-writer-nogui fonts-liberation2 "
    "(hoặc chạy ./run.sh setup)."
)
BASE_TIMEOUT: Final = 60.0  # start-up of a fresh profile
PER_FILE_TIMEOUT: Final = 20.0


class SofficeMissing(RenderError):
    """LibreOffice is not installed: the .docx are written, the PDF cannot be."""


def find_soffice() -> str | None:
    """Path of the LibreOffice executable, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def timeout_for(count: int) -> float:
    return BASE_TIMEOUT + PER_FILE_TIMEOUT * count


# soffice's PDF filter, asked to export Word bookmarks as named destinations (where each joined
# document starts); the pages themselves are the same with or without it.
PDF_FILTER: Final = 'pdf:writer_pdf_Export:{"ExportBookmarksToPDFDestination":{"type":"boolean","value":"true"}}'
MARK: Final = "DocgenPdfPart"  # bookmark names: MARK + index of the document in its joined file
MERGE_LIMIT: Final = 50  # documents per joined file: a stuck or failed file costs at most these
# Parts that differ between two documents of one template; every other part must be identical.
_OWN_PARTS: Final = frozenset({"word/document.xml", "docProps/core.xml", "docProps/app.xml"})
# Parts whose content is numbered across the document: a document holding one is converted alone.
_NUMBERED_PARTS: Final = ("word/footnotes.xml", "word/endnotes.xml", "word/comments.xml")


@dataclass
class _Joined:
    """Documents converted as one file: ``source`` (a .docx) gives ``members``' PDFs."""

    source: Path
    members: list[Path]


def convert(docx_files: Sequence[Path], out_dir: Path, *, timeout: float | None = None) -> list[Path]:
    """Convert ``docx_files`` to PDF in ``out_dir`` with one LibreOffice process.

    Returns the PDF paths in the order of ``docx_files``. Raises :class:`SofficeMissing` when
    LibreOffice is absent and :class:`RenderError` (Vietnamese message) when it fails.
    """
    if not docx_files:
        return []
    exe = find_soffice()
    if exe is None:
        raise SofficeMissing(f"không tìm thấy LibreOffice (soffice) nên chưa xuất được PDF. {INSTALL_HINT}")
    stems = [p.stem for p in docx_files]
    if len(set(stems)) != len(stems):
        raise RenderError("hai tệp cùng tên sẽ ghi đè PDF của nhau: " + ", ".join(sorted({s for s in stems if stems.count(s) > 1})))
    # soffice runs in its profile directory: relative paths would point there, not at the user's files
    out_dir = out_dir.resolve()
    docx_files = [p.resolve() for p in docx_files]
    out_dir.mkdir(parents=True, exist_ok=True)
    expected = [out_dir / f"{stem}.pdf" for stem in stems]
    if _warm_made(docx_files, out_dir):
        return expected
    limit = timeout if timeout is not None else timeout_for(len(docx_files))
    with tempfile.TemporaryDirectory(prefix="docgen-lo-") as work:
        profile = Path(work) / "profile"
        profile.mkdir()
        joined, alone = _join_alike(docx_files, Path(work), set(stems))
        code, stderr = _soffice(exe, profile, [*(j.source for j in joined), *alone], Path(work) / "pdf", limit, len(docx_files))
        _move_made(alone, Path(work) / "pdf", out_dir)
        unsplit = [m for group in joined if not _split(Path(work) / "pdf" / f"{group.source.stem}.pdf", group, out_dir)
                   for m in group.members]
        if unsplit:  # LibreOffice could not convert a joined file, or it could not be cut: each document alone
            again = timeout if timeout is not None else timeout_for(len(unsplit))
            code, stderr = _soffice(exe, profile, unsplit, Path(work) / "pdf-alone", again, len(unsplit))
            _move_made(unsplit, Path(work) / "pdf-alone", out_dir)
    missing = [p for p in expected if not p.is_file() or p.stat().st_size == 0]
    if code != 0 or missing:
        detail = stderr.decode("utf-8", "replace").strip().splitlines()
        names = ", ".join(p.name for p in missing) or ", ".join(p.name for p in expected)
        tail = f": {detail[-1]}" if detail else ""
        raise RenderError(f"LibreOffice không tạo được PDF cho {names} (mã thoát {code}){tail}")
    for path in expected:
        verify_pdf(path)
    return expected


def _warm_made(docx_files: Sequence[Path], out_dir: Path) -> bool:
    """True when the warm LibreOffice of ``docgen serve`` (:mod:`docgen.render.warm`, only ever
    active in the server) made every PDF and each passed :func:`verify_pdf`; False otherwise, and
    the caller converts them the cold way."""
    from docgen.render import warm

    office = warm.current()
    if office is None:
        return False
    made = office.convert(docx_files, out_dir)
    if made is None:
        return False
    try:
        for path in made:
            verify_pdf(path)
    except RenderError:
        return False
    return True


def _soffice(exe: str, profile: Path, sources: Sequence[Path], made: Path, limit: float, count: int) -> tuple[int, bytes]:
    """Run one headless soffice converting ``sources`` into ``made``: (exit code, stderr).

    soffice runs in a session of its own: on timeout, and on any exception while waiting for it
    (Ctrl-C above all), its whole process group is stopped before this returns or raises.
    """
    made.mkdir()
    command = [
        exe,
        f"-env:UserInstallation={profile.resolve().as_uri()}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        PDF_FILTER,
        "--outdir",
        str(made),
        *(str(p) for p in sources),
    ]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True, cwd=profile
    )
    try:
        _, stderr = process.communicate(timeout=limit)
    except subprocess.TimeoutExpired:
        _stop(process)
        raise RenderError(f"LibreOffice chưa chuyển xong {count} tệp sang PDF sau {limit:.0f} giây; đã dừng.") from None
    except BaseException:  # Ctrl-C, SystemExit…: never leave soffice running behind us
        _stop(process, grace=STOP_GRACE)
        raise
    return process.returncode, stderr


def _move_made(sources: Sequence[Path], made: Path, out_dir: Path) -> None:
    for path in sources:
        pdf = made / f"{path.stem}.pdf"
        if pdf.is_file():
            shutil.move(pdf, out_dir / pdf.name)


# ------------------------------------------------------------------------------ joining documents


def _shared_parts(path: Path) -> tuple[tuple[str, bytes], ...] | None:
    """The parts ``path`` must share with a document it is joined to; None when it is converted
    alone: a part numbered across the document, several sections (or none: the page numbers of
    its first are restarted at the join), or not a readable .docx (LibreOffice then says why)."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = sorted(archive.namelist())
            if "word/document.xml" not in names or any(n in names for n in _NUMBERED_PARTS):
                return None
            if archive.read("word/document.xml").count(b"<w:sectPr") != 1:
                return None
            return tuple((n, archive.read(n)) for n in names if n not in _OWN_PARTS)
    except (OSError, zipfile.BadZipFile, ValueError, RuntimeError, NotImplementedError, EOFError):
        return None


def _join_alike(docx_files: list[Path], work: Path, taken: set[str]) -> tuple[list[_Joined], list[Path]]:
    """Documents of one template joined into files of up to MERGE_LIMIT, in ``work``; the rest alone."""
    groups: dict[tuple[tuple[str, bytes], ...], list[Path]] = {}
    alone: list[Path] = []
    for path in docx_files:
        key = _shared_parts(path)
        if key is None:
            alone.append(path)
        else:
            groups.setdefault(key, []).append(path)
    joined: list[_Joined] = []
    for members in groups.values():
        for start in range(0, len(members), MERGE_LIMIT):
            run = members[start:start + MERGE_LIMIT]
            if len(run) == 1:
                alone.extend(run)
                continue
            name = f"docgen-gop-{len(joined)}"
            while name in taken:
                name += "-"
            source = work / f"{name}.docx"
            _write_joined(run, source)
            joined.append(_Joined(source, run))
    return joined, alone


def _write_joined(members: list[Path], target: Path) -> None:
    """One .docx holding ``members``' bodies, each a section of its own (the first member's other parts)."""
    root: BaseOxmlElement | None = None
    body: BaseOxmlElement | None = None
    for index, path in enumerate(members):
        with zipfile.ZipFile(path) as archive:
            document = parse_xml(archive.read("word/document.xml"))
        own_body = document.find(qn("w:body"))
        section = own_body.find(qn("w:sectPr"))
        if section is None:
            section = OxmlElement("w:sectPr")
            own_body.append(section)
        _restart_numbering(section)
        _mark_start(own_body, index)
        if root is None or body is None:
            root, body = document, own_body
            continue
        last = body.find(qn("w:sectPr"))
        _end_section(body, last)
        for child in list(own_body):
            if child is not section:
                last.addprevious(child)
        body.replace(last, section)
    assert root is not None
    xml = serialize_part_xml(root)
    with zipfile.ZipFile(members[0]) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as out:
        for item in source.infolist():
            out.writestr(item.filename, xml if item.filename == "word/document.xml" else source.read(item.filename))


def _restart_numbering(section: BaseOxmlElement) -> None:
    """Page numbers start at 1 in this section, as they do in the document alone."""
    from docgen.render.layout import restart_page_numbers

    restart_page_numbers(section, keep=True)


def _mark_start(body: BaseOxmlElement, index: int) -> None:
    """A zero-length bookmark at the start of the body's first paragraph (nothing on the page moves)."""
    first = next(body.iter(qn("w:p")), None)
    if first is None:
        first = OxmlElement("w:p")
        body.insert(0, first)
    start = OxmlElement("w:bookmarkStart", {qn("w:id"): str(900_000 + index), qn("w:name"): f"{MARK}{index}"})
    end = OxmlElement("w:bookmarkEnd", {qn("w:id"): str(900_000 + index)})
    position = 1 if first.find(qn("w:pPr")) is not None else 0
    first.insert(position, end)
    first.insert(position, start)


def _end_section(body: BaseOxmlElement, section: BaseOxmlElement) -> None:
    """End the body's last section where its content ends: its properties go into its last
    paragraph (an added empty paragraph could push a full last page onto a new one)."""
    from docgen.render.layout import paragraph_properties

    last = section.getprevious()
    if last is None or last.tag != qn("w:p") or last.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
        last = OxmlElement("w:p")
        section.addprevious(last)
    properties = paragraph_properties(last)
    change = properties.find(qn("w:pPrChange"))
    if change is None:
        properties.append(copy.deepcopy(section))
    else:
        change.addprevious(copy.deepcopy(section))


def _split(joined_pdf: Path, group: _Joined, out_dir: Path) -> bool:
    """Cut the joined PDF where each member starts (its bookmark); False, and no PDF written,
    when the joined PDF is missing or unreadable or a start is not found."""
    from pypdf import PdfReader, PdfWriter

    if not joined_pdf.is_file():
        return False
    try:
        reader = PdfReader(joined_pdf, strict=False)
        starts = {name.lstrip("/"): reader.get_destination_page_number(dest) for name, dest in reader.named_destinations.items()}
        pages = len(reader.pages)
    except Exception:  # noqa: BLE001 - pypdf raises many kinds on a broken file
        return False
    found = [starts.get(f"{MARK}{i}") for i in range(len(group.members))]
    first = [p for p in found if p is not None]
    if len(first) != len(found) or any(a >= b for a, b in zip(first, first[1:])):
        return False
    bounds = first + [pages]
    metadata = dict(reader.metadata or {})
    for index, member in enumerate(group.members):
        writer = PdfWriter()
        for page in range(bounds[index], bounds[index + 1]):
            writer.add_page(reader.pages[page])
        writer.add_metadata({**metadata, "/Title": _title(member)})
        buffer = io.BytesIO()
        writer.write(buffer)
        (out_dir / f"{member.stem}.pdf").write_bytes(buffer.getvalue())
    return True


def _title(docx_file: Path) -> str:
    """The document's title (docProps/core.xml), which LibreOffice puts in its PDF's metadata."""
    try:
        with zipfile.ZipFile(docx_file) as archive:
            core = parse_xml(archive.read("docProps/core.xml"))
    except (OSError, KeyError, zipfile.BadZipFile, SyntaxError):  # lxml's XMLSyntaxError is a SyntaxError
        return ""
    title = core.find("{http://purl.org/dc/elements/1.1/}title")
    return "" if title is None or title.text is None else str(title.text)


STOP_GRACE: Final = 1.0  # seconds soffice gets to quit on SIGTERM before SIGKILL
EOF_WINDOW: Final = 1024  # the PDF standard lets "%%EOF" sit within the last 1,024 bytes


def verify_pdf(path: Path) -> None:
    """Raise :class:`RenderError` naming ``path``, and remove it, unless it is a whole PDF:
    it ends with ``%%EOF``, pypdf opens it, and it has at least one page."""
    from pypdf import PdfReader

    problem: str | None = None
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RenderError(f"không đọc lại được PDF {path} ({exc.strerror})") from None
    if b"%%EOF" not in data[-EOF_WINDOW:]:
        problem = "tệp bị cắt cụt (thiếu %%EOF; có thể ổ đĩa đầy)"
    else:
        try:
            pages = len(PdfReader(path, strict=False).pages)
        except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds on a broken file
            problem = f"pypdf không mở được ({type(exc).__name__})"
        else:
            if pages < 1:
                problem = "tệp không có trang nào"
    if problem is not None:
        path.unlink(missing_ok=True)
        raise RenderError(f"PDF {path} hỏng, đã xóa: {problem}")


def _stop(process: subprocess.Popen[bytes], grace: float = 0.0) -> None:
    """Stop the process group this module started (soffice and its soffice.bin child): SIGTERM
    and up to ``grace`` seconds to quit, then SIGKILL; reap the leader and close its pipes."""
    if grace > 0:
        _signal_group(process, signal.SIGTERM)
        try:
            process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            pass
    _signal_group(process, signal.SIGKILL)  # also soffice.bin when the leader quit first
    process.communicate()


def _signal_group(process: subprocess.Popen[bytes], signum: int) -> None:
    try:
        os.killpg(process.pid, signum)
    except (ProcessLookupError, PermissionError):
        pass
