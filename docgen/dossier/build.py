"""Build a recognition dossier from a self-assessment spec.

    spec → assess (refuse if the request exceeds what the unit meets) → route (regime table)
         → Tờ trình (render_document) + Báo cáo tự đánh giá + Bản tổng hợp (dossier templates)
         → .docx → one LibreOffice call → PDFs → one merged PDF (cover page, a bookmark each)

Outputs go through the one writer, :func:`docgen.output.write_output` (atomic, never over an
input, normal file mode), and an existing file is never overwritten without ``force``; every
output name is checked before the first one is written.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Iterable
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from docgen import vi
from docgen.dossier.documents import report_context, summary_context, to_trinh, words
from docgen.dossier.engine import Assessment, Note, assess, require
from docgen.dossier.route import Route, route
from docgen.dossier.spec import SelfAssessment, load_self_assessment
from docgen.errors import RenderError
from docgen.output import write_output
from docgen.render.context import RenderContext

REPORT_TEMPLATE = "bao-cao-tu-danh-gia.docx"
SUMMARY_TEMPLATE = "ban-tong-hop.docx"

# Document parts in dossier order: (file suffix, title on the cover and in the bookmarks).
PARTS: tuple[tuple[str, str], ...] = (
    ("to-trinh", "Tờ trình đề nghị công nhận"),
    ("bao-cao-tu-danh-gia", "Báo cáo tự đánh giá"),
    ("ban-tong-hop", "Bản tổng hợp kết quả đánh giá các tiêu chí, chỉ tiêu"),
)


@dataclass
class DossierResult:
    """What was written, and what the user should know."""

    assessment: Assessment
    route: Route
    docx: list[Path]
    pdf: list[Path] = field(default_factory=list)
    merged: Path | None = None
    notes: list[Note] = field(default_factory=list)

    def lines(self) -> list[str]:
        """Vietnamese summary lines for the CLI."""
        a = self.assessment
        out = [f"{a.spec.unit.full_name}: đáp ứng mức độ {a.supported}, đề nghị mức độ {a.requested}; "
               f"gửi {self.route.addressee_for(a.spec.unit.parents)} {self.route.due_text()} ({self.route.due_cite})"]
        out += [f"đã ghi {p}" for p in [*self.docx, *self.pdf]]
        if self.merged:
            out.append(f"đã ghi {self.merged}")
        labels = {"warning": "cảnh báo", "info": "thông tin"}
        out += [f"{labels[n.severity]}: {n.message}" for n in self.notes]
        return out


def default_templates_dir() -> Path:
    """The renderer's template directory (where tools/build_*templates.py write)."""
    from docgen.render.docx import DEFAULT_TEMPLATES

    return DEFAULT_TEMPLATES


def atomic_write(path: Path, data: bytes, *, force: bool = True, inputs: Iterable[Path | str] = ()) -> None:
    """Write ``data`` to ``path`` through :func:`docgen.output.write_output`.

    ``force`` defaults to True for callers that checked the names themselves beforehand
    (:func:`refuse_existing`); pass the command's ``force`` to refuse a file that appeared since.
    """
    write_output(path, data, force=force, inputs=inputs)


def refuse_existing(paths: list[Path], force: bool) -> None:
    if force:
        return
    existing = [p for p in paths if p.exists()]
    if existing:
        names = ", ".join(str(p) for p in existing)
        raise RenderError(f"tệp đã có: {names} (dùng --force để ghi đè)")


def render_template(name: str, context: RenderContext, templates_dir: Path | None = None) -> bytes:
    """Render one dossier template through the shared renderer (footnotes, NĐ30 rules)."""
    from docgen.render.docx import render_context

    path = (templates_dir or default_templates_dir()) / name
    if not path.is_file():
        raise RenderError(f"không tìm thấy mẫu {path} (chạy tools/build_dossier_templates.py)")
    return render_context(context, path)


def dossier_documents(
    assessment: Assessment, rt: Route, templates_dir: Path | None = None
) -> list[bytes]:
    """The three .docx, in dossier order."""
    from docgen.render.docx import render_document

    letter = render_document(to_trinh(assessment, rt), template_dir=templates_dir)
    report = render_template(REPORT_TEMPLATE, report_context(assessment, rt), templates_dir)
    summary = render_template(SUMMARY_TEMPLATE, summary_context(assessment, rt), templates_dir)
    return [letter, report, summary]


def letter_date(spec: SelfAssessment, today: Callable[[], dt.date] = dt.date.today) -> dt.date:
    """The date the request is made: the Tờ trình's date, or today for an undated draft."""
    return spec.date or today()


def prepare(spec_path: Path) -> tuple[Assessment, Route]:
    """Load, assess (raising DossierRefused when the request exceeds the result) and route."""
    spec, tree = load_self_assessment(spec_path)
    on = letter_date(spec)
    assessment = assess(spec, on)
    require(assessment, spec_path, tree)
    rt = route(spec.unit.level, spec.requested, spec.year, on)
    return assessment, rt


def route_notes(assessment: Assessment, rt: Route) -> list[Note]:
    notes = [Note("warning", text) for text in rt.warnings]
    if rt.is_late(assessment.on):
        notes.append(Note("warning", f"Tờ trình ngày {vi.date_short(assessment.on)} quá hạn gửi hồ sơ: {rt.due_text()} ({rt.due_cite})"))
    return notes


def output_names(out_dir: Path, stem: str) -> list[Path]:
    return [out_dir / f"{stem}-{i}-{suffix}.docx" for i, (suffix, _) in enumerate(PARTS, 1)]


def build_dossier(
    spec_path: Path,
    out_dir: Path,
    *,
    force: bool = False,
    pdf: bool = True,
    templates_dir: Path | None = None,
) -> DossierResult:
    """Everything `docgen dossier` does; raises DocgenError subclasses for user errors."""
    assessment, rt = prepare(spec_path)
    stem = spec_path.stem
    docx_paths = output_names(out_dir, stem)
    pdf_paths = [p.with_suffix(".pdf") for p in docx_paths]
    merged = out_dir / f"{stem}-ho-so.pdf"
    refuse_existing(docx_paths + (pdf_paths + [merged] if pdf else []), force)
    contents = dossier_documents(assessment, rt, templates_dir)
    inputs = [spec_path]
    for path, data in zip(docx_paths, contents):
        atomic_write(path, data, force=force, inputs=inputs)
    result = DossierResult(assessment, rt, docx_paths, notes=assessment.notes + route_notes(assessment, rt))
    if pdf:
        from docgen.dossier.merge import cover_docx, merge_dossier
        from docgen.render.pdf import convert

        title = words(assessment).target
        cover = cover_docx(assessment, rt, [name for _, name in PARTS], title)
        with tempfile.TemporaryDirectory(prefix="docgen-dossier-") as tmp:
            work = Path(tmp)
            sources = [work / "0-bia.docx"]
            sources[0].write_bytes(cover)
            for path, data in zip(docx_paths, contents):
                copy = work / path.name
                copy.write_bytes(data)
                sources.append(copy)
            pdfs = convert(sources, work / "pdf")
            for produced, target in zip(pdfs[1:], pdf_paths):
                atomic_write(target, produced.read_bytes(), force=force, inputs=inputs)
            atomic_write(merged, merge_dossier(pdfs[0], list(zip([name for _, name in PARTS], pdfs[1:]))), force=force, inputs=inputs)
        result.pdf = pdf_paths
        result.merged = merged
    return result
