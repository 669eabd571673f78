"""Hồ sơ công nhận: a self-assessment's YAML → the mức độ met and why, the addressee and the
deadline → the dossier as a .zip, as ``docgen dossier``.

The assessment is made by the functions :func:`docgen.dossier.build.prepare` chains
(:func:`load_self_assessment`, :func:`assess`, :func:`route`), without its refusal so that the
page can say why a mức độ is not met; the download is :func:`docgen.dossier.build.build_dossier`
writing into a private folder, zipped, then removed.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Final

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from docgen import vi
from docgen.errors import DocgenError, RenderError, SpecError
from docgen.web import core, jobs

#: The spec's file name in messages ("tu-danh-gia.yaml:14:5: …") and the .zip's name.
SPEC_NAME: Final = "tu-danh-gia.yaml"
STEM: Final = "ho-so-cong-nhan"
LABEL: Final = "hồ sơ công nhận (.zip: ba tệp .docx và PDF gộp)"


def starter() -> str:
    """An example self-assessment (ho-so/xa-tan-lap-2025.yaml; a test keeps the two equal)."""
    return resources.files("docgen.web").joinpath("data/tu-danh-gia.yaml").read_text(encoding="utf-8")


@dataclass(frozen=True)
class LevelView:
    muc_do: int
    met: bool
    reasons: list[str]


@dataclass(frozen=True)
class DossierView:
    unit: str
    level: str
    year: int
    requested: int
    supported: int | None
    refusal: str | None
    levels: list[LevelView]
    on: str
    addressee: str
    due: str
    due_cite: str
    decider: str
    notes: list[tuple[str, str]]


class _Named(DocgenError):
    """A DocgenError whose message names the spec as the user knows it, not the private folder."""

    def __init__(self, message: str, problems: list[tuple[str, str]]) -> None:
        super().__init__(message)
        self.problems = problems  # (field path, message) of a spec error, for the form


def _spec_file(folder: Path, text: str) -> Path:
    path = folder / SPEC_NAME
    path.write_text(text, encoding="utf-8")
    return path


def _renamed(exc: DocgenError, folder: Path) -> DocgenError:
    problems = [(loc.field, msg) for loc, msg in exc.problems] if isinstance(exc, SpecError) else []
    return _Named(str(exc).replace(str(folder) + "/", ""), problems)


def assess_text(text: str) -> DossierView:
    """What ``docgen dossier`` would decide for this self-assessment, with every reason."""
    from docgen.dossier.build import letter_date, route_notes
    from docgen.dossier.engine import assess
    from docgen.dossier.route import route
    from docgen.dossier.spec import load_self_assessment

    with core.private_dir() as folder:
        try:
            spec, _ = load_self_assessment(_spec_file(folder, text))
        except DocgenError as exc:
            raise _renamed(exc, folder) from None
    on = letter_date(spec)
    assessment = assess(spec, on)
    rt = route(spec.unit.level, spec.requested, spec.year, on)
    labels = {"warning": vi.SEVERITY_WORDS["warning"], "info": vi.SEVERITY_WORDS["info"]}
    return DossierView(
        unit=spec.unit.full_name, level=vi.LEVELS[spec.unit.level], year=spec.year,
        requested=assessment.requested, supported=assessment.supported, refusal=assessment.refusal(),
        levels=[LevelView(m, o.met, o.reasons()) for m, o in sorted(assessment.levels.items())],
        on=vi.date_short(on), addressee=rt.addressee_for(spec.unit.parents), due=rt.due_text(), due_cite=rt.due_cite,
        decider=rt.decider,
        notes=[(labels[n.severity], n.message) for n in assessment.notes + route_notes(assessment, rt)],
    )


def ready(text: str) -> None:
    """Raise what ``docgen dossier`` would refuse this self-assessment for (a spec error, a mức
    độ not met), before the long work of making the dossier starts."""
    from docgen.dossier.build import prepare

    with core.private_dir() as folder:
        try:
            prepare(_spec_file(folder, text))
        except DocgenError as exc:
            raise _renamed(exc, folder) from None


def download(text: str) -> jobs.Download:
    """The dossier as a job's result."""
    return jobs.Download(dossier_zip(text), f"{STEM}.zip", "application/zip")


def dossier_zip(text: str) -> bytes:
    """``docgen dossier`` into a private folder; the three .docx and the merged PDF, zipped."""
    from docgen.dossier.build import build_dossier

    with core.private_dir() as folder:
        spec = _spec_file(folder, text)
        out = folder / "ra"
        try:
            with core.LIBREOFFICE_SLOTS:
                result = build_dossier(spec, out, pdf=True)
        except DocgenError as exc:
            raise _renamed(exc, folder) from None
        if result.pdf_error or result.merged is None:
            raise RenderError(str(result.pdf_error or "chưa tạo được PDF của hồ sơ").replace(str(folder) + "/", ""))
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in [*result.docx, result.merged]:
                archive.write(path, path.name)
        return buffer.getvalue()




async def page(request: Request) -> Response:
    return core.html("dossier.html", tab="/ho-so", text=starter(), view=None, error=None)


async def submit(request: Request) -> Response:
    form = await core.read_form(request, request.app.state.upload_bytes)
    try:
        text = core.text_field(form, "tu_danh_gia")
        action = core.text_field(form, "lam", "danh-gia")
    finally:
        await form.close()
    try:
        if action == "tai":
            await core.off_loop(ready, text)  # a refusal or a spec error is said here, not on the job's page
            return jobs.started(request, LABEL, "/ho-so", lambda: download(text))
        view = await core.off_loop(assess_text, text)
    except DocgenError as exc:
        return core.html("dossier.html", tab="/ho-so", status=422, text=text, view=None, error=str(exc))
    return core.html("dossier.html", tab="/ho-so", text=text, view=view, error=None)


routes = [
    Route("/ho-so", page, methods=["GET"]),
    Route("/ho-so", submit, methods=["POST"]),
]
