"""``docgen render``: specs → .docx (and PDF) in an output directory, all or nothing per step.

1. Every spec is loaded first; all their problems are reported together (one SpecError) before
   anything is written.
2. Outputs that exist are refused without ``force`` (a RenderError naming them); nothing written.
3. Every document is rendered in memory, then each file goes through the one writer,
   :func:`docgen.output.write_output` (atomic, never over an input, no overwrite without
   ``force`` even when another run races for the same name, normal file mode).
4. PDFs for all documents come from one LibreOffice process and are verified (pypdf opens them,
   at least one page) before they are written; without LibreOffice the .docx stay and a line says
   how to get PDFs.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from docgen.errors import DocgenError, Location, RenderError, SpecError
from docgen.output import refuse_file_as_dir, write_output
from docgen.render import pdf as pdf_mod
from docgen.render.docx import render_document
from docgen.spec.models import Document

__all__ = ["render_specs", "render_document"]


def _load_all(paths: Sequence[Path], config: Path | None = None) -> tuple[list[Document], list[str]]:
    from docgen.spec.loader import load_spec

    documents: list[Document] = []
    problems: list[tuple[Location, str]] = []
    notes: list[str] = []
    for path in paths:
        warnings: list[tuple[Location, str]] = []
        try:
            documents.append(load_spec(Path(path), warnings, config))
        except SpecError as exc:
            problems.extend(exc.problems)
        except DocgenError as exc:
            problems.append((exc.location or Location(str(path)), exc.message))
        notes.extend(f"cảnh báo: {loc}: {msg}" for loc, msg in warnings)
    if problems:
        raise SpecError(problems)
    return documents, notes


def _self_check(paths: Sequence[Path], targets: Sequence[Path], rendered: Sequence[bytes], config: Path | None) -> Iterator[str]:
    """Warnings and notes of each spec and its document as lines; CheckFailed on any error."""
    from docgen.check.report.text import format_finding
    from docgen.selfcheck import CheckFailed, check_rendered

    errors = []
    for path, target, data in zip(paths, targets, rendered):
        result = check_rendered(path, data, target, config)
        errors += result.errors
        yield from (format_finding(f) for f in result.others)
    if errors:
        raise CheckFailed(errors)


def render_specs(
    paths: Sequence[Path],
    out_dir: Path,
    *,
    force: bool = False,
    pdf: bool = True,
    templates_dir: Path | None = None,
    check: bool = True,
    config: Path | None = None,
) -> Iterator[str]:
    """Render each spec to ``out_dir/<spec name>.docx`` (and ``.pdf``); yields progress lines.

    With ``check`` (the default), each spec and the document made from it are checked first
    (:mod:`docgen.selfcheck`): an error stops everything before a file is written."""
    paths = [Path(p) for p in paths]
    documents, notes = _load_all(paths, config)
    yield from notes
    stems = [p.stem for p in paths]
    twice = sorted({s for s in stems if stems.count(s) > 1})
    if twice:
        raise RenderError("nhiều tệp đặc tả cùng tên sẽ ghi đè kết quả của nhau: " + ", ".join(twice))
    docx_out = [out_dir / f"{stem}.docx" for stem in stems]
    pdf_out = [out_dir / f"{stem}.pdf" for stem in stems] if pdf else []
    refuse_file_as_dir(out_dir)
    inputs: list[Path] = [*paths]
    if templates_dir is not None:  # a template is an input too: never written over
        inputs += [templates_dir / f"{doc.kind.value}.docx" for doc in documents]
    if not force:
        existing = [str(p) for p in (*docx_out, *pdf_out) if p.exists()]
        if existing:
            raise RenderError("tệp đã có, dùng --force để ghi đè: " + ", ".join(existing))
    rendered = [render_document(doc, templates_dir) for doc in documents]
    if check:
        yield from _self_check(paths, docx_out, rendered, config)
    for target, data in zip(docx_out, rendered):
        write_output(target, data, force=force, inputs=inputs)
        yield f"đã ghi {target}"
    if not pdf:
        return
    with tempfile.TemporaryDirectory(prefix=".docgen-pdf-", dir=out_dir) as staging:
        try:
            made = pdf_mod.convert(docx_out, Path(staging))
        except pdf_mod.SofficeMissing as exc:
            yield f"chưa xuất PDF: {exc.message}"
            return
        for source, target in zip(made, pdf_out):
            write_output(target, source.read_bytes(), force=force, inputs=inputs)
            yield f"đã ghi {target}"
