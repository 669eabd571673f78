"""Soạn văn bản: a spec's YAML text → checked → .docx, PDF, page images, as ``docgen render``.

The text is validated by :func:`docgen.spec.loader.load_spec_text` (the CLI's messages, each
with its line, column and field), rendered by :func:`docgen.render.docx.render_document` and
converted by :func:`docgen.render.pdf.convert`. Every action posts the whole text: the server
keeps nothing between requests, so two clerks at once each get their own files.
"""

from __future__ import annotations

import base64
import functools
import shutil
import subprocess
from dataclasses import dataclass, field
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from docgen.errors import Location, RenderError, SpecError
from docgen.spec.models import Document
from docgen.web import core, jobs

#: Name the spec is given in messages ("du-thao.yaml:12:5: ngay: …").
SPEC_NAME: Final = "du-thao.yaml"
#: Pages shown in the preview, and their resolution (dots per inch).
PREVIEW_PAGES: Final = 12
PREVIEW_DPI: Final = 60
PREVIEW_SECONDS: Final = 60.0
DOCX: Final = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True)
class Problem:
    line: int
    column: int
    field: str
    message: str

    @classmethod
    def of(cls, location: Location, message: str) -> Problem:
        return cls(location.line, location.column, location.field, message)

    def where(self) -> str:
        parts = [f"dòng {self.line}" if self.line else "", f"cột {self.column}" if self.column else ""]
        return ", ".join(p for p in parts if p)


@dataclass
class Checked:
    """The outcome of validating a spec text."""

    document: Document | None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def annotated(self, text: str) -> list[tuple[int, str, list[Problem]]]:
        """The lines of ``text`` that have problems, each with the line before and after it and
        the problems found on it, for the listing under the box (0, "…", [] marks a gap)."""
        by_line: dict[int, list[Problem]] = {}
        for p in self.problems:
            by_line.setdefault(p.line, []).append(p)
        lines = text.split("\n")
        shown = sorted({n for line in by_line if line for n in (line - 1, line, line + 1) if 1 <= n <= len(lines)})
        out: list[tuple[int, str, list[Problem]]] = []
        for n in shown:
            if out and n != out[-1][0] + 1:
                out.append((0, "…", []))
            out.append((n, lines[n - 1], by_line.get(n, [])))
        return out


def validate(text: str) -> Checked:
    """Load ``text`` as ``docgen render`` loads a spec file; problems are returned, not raised."""
    from docgen.spec.loader import load_spec_text

    warnings: list[tuple[Location, str]] = []
    try:
        document = load_spec_text(text, SPEC_NAME, warnings)
    except SpecError as exc:
        return Checked(None, [Problem.of(loc, msg) for loc, msg in exc.problems])
    return Checked(document, warnings=[Problem.of(loc, msg) for loc, msg in warnings])


#: The actions that make a document: checked first, as `docgen render` checks before writing.
OUTPUTS: Final = frozenset({"docx", "pdf", "xem-truoc"})


def self_checked(text: str) -> Checked:
    """:func:`validate`, then the checks `docgen render` runs before it writes anything
    (:mod:`docgen.selfcheck`: the spec's text and the document made from it). An error keeps the
    document back (``document`` None, the finding among the problems, at the spec's line when it
    is in the spec); warnings and notes join the warnings."""
    from docgen.selfcheck import check_rendered

    checked = validate(text)
    if checked.document is None:
        return checked
    with core.private_dir() as folder:
        spec = folder / SPEC_NAME
        spec.write_text(text, encoding="utf-8")
        result = check_rendered(spec, render_docx(checked.document), Path(f"{checked.document.kind.value}.docx"))

    def problem(f: Any) -> Problem:
        if f.path == str(spec):
            return Problem(f.line, f.column, "", f"{f.code} {f.message}")
        return Problem(0, 0, "", f"văn bản dựng ra, dòng {f.line}: {f.code} {f.message}")

    warnings = checked.warnings + [problem(f) for f in result.others]
    if result.errors:
        return Checked(None, [problem(f) for f in result.errors], warnings)
    return Checked(checked.document, [], warnings)


def render_docx(document: Document) -> bytes:
    from docgen.render.docx import render_document

    return render_document(document)


def render_pdf(document: Document) -> bytes:
    """The PDF of ``document``: its .docx converted by LibreOffice in a private folder."""
    from docgen.render import pdf

    data = render_docx(document)
    with core.private_dir() as folder, core.LIBREOFFICE_SLOTS:
        source = folder / f"{document.kind.value}.docx"
        source.write_bytes(data)
        made = pdf.convert([source], folder / "pdf")
        return made[0].read_bytes()


def page_images(pdf_bytes: bytes) -> list[str]:
    """The first pages of a PDF as PNG data URIs (pdftoppm, from poppler-utils)."""
    exe = shutil.which("pdftoppm")
    if exe is None:
        raise RenderError("không tìm thấy pdftoppm nên chưa xem trước được trang; cài gói poppler-utils (hoặc chạy ./run.sh setup)")
    with core.private_dir() as folder:
        source = folder / "van-ban.pdf"
        source.write_bytes(pdf_bytes)
        try:
            subprocess.run([exe, "-png", "-r", str(PREVIEW_DPI), "-l", str(PREVIEW_PAGES), str(source), str(folder / "trang")],
                           check=True, capture_output=True, timeout=PREVIEW_SECONDS)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
            raise RenderError("pdftoppm không chuyển được PDF thành ảnh trang để xem trước") from None
        pages = sorted(folder.glob("trang-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        return ["data:image/png;base64," + base64.b64encode(p.read_bytes()).decode("ascii") for p in pages]


def preview(document: Document) -> list[str]:
    return page_images(render_pdf(document))


def _kind(request: Request) -> str:
    kind = request.query_params.get("loai", "ke-hoach")
    return kind if kind in core.KIND_LABELS else "ke-hoach"


def _page(kind: str, text: str, checked: Checked | None = None, images: list[str] | None = None,
          status: int = 200) -> Response:
    return core.html("compose.html", tab="/soan", status=status, kind=kind, kinds=core.KIND_LABELS, text=text,
                     checked=checked, images=images, annotated=checked.annotated(text) if checked and checked.problems else [])


async def page(request: Request) -> Response:
    from docgen.spec.starter import starter_spec

    kind = _kind(request)
    return _page(kind, starter_spec(kind))


async def submit(request: Request) -> Response:
    form = await core.read_form(request, request.app.state.upload_bytes)
    try:
        text = core.text_field(form, "dac_ta")
        action = core.text_field(form, "lam", "kiem-tra")
        chosen = core.text_field(form, "loai", "ke-hoach")
    finally:
        await form.close()
    kind = chosen if chosen in core.KIND_LABELS else "ke-hoach"
    if action == "yaml":
        return core.attachment(text.encode("utf-8"), f"{kind}.yaml", "application/yaml; charset=utf-8")
    return await _answer(request, action, text, "/soan", functools.partial(_page, kind, text))


async def _answer(request: Request, action: str, text: str, back: str, page: Callable[..., Response]) -> Response:
    """What both compose pages (YAML and form) do with a posted spec: check it, and the document
    for an output; then the page again, a download, or a preview job. ``page(checked=…,
    status=…, images=…)`` draws the page the spec was posted from; ``back`` is its address."""
    checked = await core.off_loop(self_checked if action in OUTPUTS else validate, text)
    if checked.document is None:
        return page(checked=checked, status=422)
    download = await _download(request, action, checked.document, back)
    if download is not None:
        return download
    if action == "xem-truoc":
        document = checked.document
        return jobs.started(request, _preview_label(document), back, lambda: page(checked=checked, images=preview(document)))
    return page(checked=checked)


def _label(document: Document) -> str:
    return core.KIND_LABELS.get(document.kind.value, "văn bản")


def _preview_label(document: Document) -> str:
    return f"bản xem trước các trang của {_label(document)}"


async def _download(request: Request, action: str, document: Document, back: str) -> Response | None:
    """The .docx (made at once, off the event loop) or the PDF (a job with a page that shows
    progress: LibreOffice takes a while) asked for by ``action``; None for other actions."""
    name = document.kind.value
    if action == "docx":
        return core.attachment(await core.off_loop(render_docx, document), f"{name}.docx", DOCX)
    if action == "pdf":
        return jobs.started(request, f"PDF của {_label(document)}", back,
                            lambda: jobs.Download(render_pdf(document), f"{name}.pdf", "application/pdf"))
    return None


async def live_check(request: Request) -> Response:
    """The problems of the text in the box, as JSON, for the page's own script to show while the
    clerk types (the button "Kiểm tra đặc tả" gives the same without JavaScript)."""
    form = await core.read_form(request, request.app.state.upload_bytes)
    try:
        text = core.text_field(form, "dac_ta")
    finally:
        await form.close()
    checked = await core.off_loop(validate, text)
    return JSONResponse({
        "ok": checked.document is not None,
        "problems": [{"line": p.line, "column": p.column, "field": p.field, "message": p.message, "where": p.where()}
                     for p in checked.problems],
        "warnings": [{"line": p.line, "field": p.field, "message": p.message, "where": p.where()} for p in checked.warnings],
    })


routes = [
    Route("/soan", page, methods=["GET"]),
    Route("/soan", submit, methods=["POST"]),
    Route("/soan/kiem-tra-nhanh", live_check, methods=["POST"]),
]


# ---------------------------------------------------------------- the same, as a form (form.py)


def _registry_choices() -> list[tuple[str, str]]:
    from docgen.law.registry import load_registry

    return [(e.symbol, f"{e.kind_name} {e.symbol}" + (f": {e.title}" if e.title else "")) for e in load_registry().entries]


def _form_page(data: dict[str, Any], *, checked: Checked | None = None, images: list[str] | None = None,
               status: int = 200) -> Response:
    from docgen.spec.schema import spec_schema
    from docgen.web import form

    fields = form.build(spec_schema(), data)
    left: list[str] = []
    if checked is not None:
        left = form.attach(fields, [(p.field, p.message) for p in checked.problems])
    kind = str(data.get("loai", "ke-hoach"))
    flagged = [f for f in form.names(fields).values() if f.errors]
    return core.html("form.html", tab="/soan", status=status, fields=fields, checked=checked, left=left, flagged=flagged,
                     images=images, kinds=core.KIND_LABELS, kind=kind if kind in core.KIND_LABELS else "ke-hoach",
                     registry=_registry_choices())


async def form_page(request: Request) -> Response:
    from ruamel.yaml import YAML

    from docgen.spec.starter import starter_spec

    data = YAML(typ="safe", pure=True).load(starter_spec(_kind(request)))  # our own starter text
    return _form_page(dict(data))


async def form_submit(request: Request) -> Response:
    from docgen.spec.schema import spec_schema
    from docgen.web import form

    posted = await core.read_form(request, request.app.state.upload_bytes, core.SPEC_FORM_FIELDS)
    try:
        data = form.data_from_form(posted, spec_schema())
        action = core.text_field(posted, "lam", "kiem-tra")
    finally:
        await posted.close()
    verb, _, path = action.partition(":")
    if verb == "them":
        form.add_item(data, path)
        return _form_page(data)
    if verb == "xoa":
        form.remove_item(data, path)
        return _form_page(data)
    text = form.to_yaml(data)
    kind = str(data.get("loai", "van-ban"))
    if action == "yaml":
        return core.attachment(text.encode("utf-8"), f"{kind if kind in core.KIND_LABELS else 'van-ban'}.yaml",
                               "application/yaml; charset=utf-8")
    return await _answer(request, action, text, "/soan/bieu-mau", functools.partial(_form_page, data))


routes += [
    Route("/soan/bieu-mau", form_page, methods=["GET"]),
    Route("/soan/bieu-mau", form_submit, methods=["POST"]),
]
