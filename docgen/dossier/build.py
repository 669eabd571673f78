"""Build a recognition dossier from a self-assessment spec.

    spec → assess (refuse if the request exceeds what the unit meets) → route (regime table)
         → Tờ trình (render_document) + Báo cáo tự đánh giá + Bản tổng hợp (dossier templates)
         → .docx → one LibreOffice call → PDFs → one merged PDF (cover page, a bookmark each)

Outputs go through the one writer, :func:`docgen.output.write_output` (atomic, never over an
input, normal file mode), and an existing file is never overwritten without ``force``; every
output name is checked before the first one is written. An existing .docx with the same content as
the one to be written (entry by entry: only the zip's timestamps differ between two runs) is kept
and not counted as a conflict, so a run that wrote the .docx but could not make the PDFs (no
LibreOffice) can simply be run again, with or without ``--no-pdf`` (issue 9).

Without LibreOffice the .docx are written and kept, and the result says how to get the PDFs and
exits 1, a partial result, as ``docgen batch`` does (:mod:`docgen.dossier.batch`).
"""

from __future__ import annotations

import datetime as dt
import tempfile
import zipfile
from collections.abc import Iterable
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from docgen import vi
from docgen.dossier.documents import report_context, summary_context, to_trinh, words
from docgen.dossier.engine import Assessment, Note, assess, require
from docgen.dossier.route import Route, route
from docgen.dossier.spec import SelfAssessment, load_self_assessment
from docgen.errors import DocgenError, RenderError
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
    kept: list[Path] = field(default_factory=list)  # .docx already there with the same content
    pdf_error: str | None = None  # the .docx are written but the PDFs could not be made

    @property
    def exit_code(self) -> int:
        """1 when the PDFs could not be made (a partial result, as in ``docgen batch``), else 0."""
        return 1 if self.pdf_error else 0

    def lines(self) -> list[str]:
        """Vietnamese summary lines for the CLI."""
        a = self.assessment
        out = [f"{a.spec.unit.full_name}: đáp ứng mức độ {a.supported}, đề nghị mức độ {a.requested}; "
               f"gửi {self.route.addressee_for(a.spec.unit.parents)} {self.route.due_text()} ({self.route.due_cite})"]
        out += [f"đã có {p} (nội dung không đổi, giữ nguyên)" if p in self.kept else f"đã ghi {p}"
                for p in self.docx]
        out += [f"đã ghi {p}" for p in self.pdf]
        if self.merged:
            out.append(f"đã ghi {self.merged}")
        labels = {"warning": "cảnh báo", "info": "thông tin"}
        out += [f"{labels[n.severity]}: {n.message}" for n in self.notes]
        if self.pdf_error:
            out.append(f"lỗi PDF: {self.pdf_error}")
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


def same_docx(path: Path, data: bytes) -> bool:
    """Whether ``path`` is a .docx holding exactly the entries of ``data`` (names and contents;
    the zip's timestamps are ignored). Anything unreadable is not the same."""
    import io

    try:
        if not path.is_file() or path.is_symlink():
            return False
        with zipfile.ZipFile(path) as old, zipfile.ZipFile(io.BytesIO(data)) as new:
            old_items = [(i.filename, i.file_size, i.CRC) for i in old.infolist()]
            new_items = [(i.filename, i.file_size, i.CRC) for i in new.infolist()]
            if old_items != new_items:  # sizes and CRCs from the directories: nothing decompressed yet
                return False
            return all(old.read(name) == new.read(name) for name, _, _ in new_items)
    except (OSError, zipfile.BadZipFile, ValueError, RuntimeError, NotImplementedError, EOFError):
        return False


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
    check: bool = True,
) -> DossierResult:
    """Everything `docgen dossier` does; raises DocgenError subclasses for user errors. With
    ``check``, the three documents are checked before anything is written (:mod:`docgen.selfcheck`:
    an error stops it, exit 1; warnings and notes become the result's notes)."""
    assessment, rt = prepare(spec_path)
    stem = spec_path.stem
    docx_paths = output_names(out_dir, stem)
    pdf_paths = [p.with_suffix(".pdf") for p in docx_paths]
    merged = out_dir / f"{stem}-ho-so.pdf"
    contents = dossier_documents(assessment, rt, templates_dir)
    checked: list[Note] = []
    if check:
        from docgen.check.model import Severity
        from docgen.selfcheck import CheckFailed, check_rendered

        errors = []
        for path, data in zip(docx_paths, contents):
            found = check_rendered(None, data, path)
            errors += found.errors
            checked += [Note("warning" if f.severity is Severity.WARNING else "info", f"{f.path}:{f.line}:{f.column}: {f.code} {f.message}")
                        for f in found.others]
        if errors:
            raise CheckFailed(errors)
    kept = [p for p, data in zip(docx_paths, contents) if same_docx(p, data)]
    refuse_existing([p for p in docx_paths if p not in kept] + (pdf_paths + [merged] if pdf else []), force)
    inputs = [spec_path]
    for path, data in zip(docx_paths, contents):
        if path not in kept:
            atomic_write(path, data, force=force, inputs=inputs)
    result = DossierResult(assessment, rt, docx_paths, notes=assessment.notes + route_notes(assessment, rt) + checked, kept=kept)
    if pdf:
        _add_pdfs(result, assessment, rt, contents, pdf_paths, merged, force=force, inputs=inputs)
    return result


def _add_pdfs(
    result: DossierResult, assessment: Assessment, rt: Route, contents: list[bytes],
    pdf_paths: list[Path], merged: Path, *, force: bool, inputs: list[Path],
) -> None:
    """Convert the written .docx (and a cover) to PDF and merge them; without LibreOffice, or when
    it fails, the .docx stay and ``result.pdf_error`` says how to get the PDFs."""
    from docgen.dossier.merge import cover_docx, merge_dossier
    from docgen.render.pdf import INSTALL_HINT, SofficeMissing, convert

    docx_paths = result.docx
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
        try:
            pdfs = convert(sources, work / "pdf")
        except SofficeMissing:
            result.pdf_error = (
                f"đã ghi {len(docx_paths)} tệp .docx nhưng chưa có PDF: không tìm thấy LibreOffice (soffice). "
                f"{INSTALL_HINT} Sau đó chạy lại đúng lệnh này: các tệp .docx đã ghi, nội dung không đổi, được "
                "giữ nguyên và chỉ PDF được tạo (--force để ghi lại tất cả; --no-pdf nếu chỉ cần .docx)."
            )
            return
        except DocgenError as exc:
            result.pdf_error = (
                f"{exc} Các tệp .docx đã ghi được giữ nguyên; chạy lại đúng lệnh này để tạo PDF."
            )
            return
        for produced, target in zip(pdfs[1:], pdf_paths):
            atomic_write(target, produced.read_bytes(), force=force, inputs=inputs)
        atomic_write(merged, merge_dossier(pdfs[0], list(zip([name for _, name in PARTS], pdfs[1:]))), force=force, inputs=inputs)
    result.pdf = pdf_paths
    result.merged = merged
