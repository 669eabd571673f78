"""``docgen render``: specs → .docx (and PDF) in an output directory, all or nothing per step.

1. Every spec is loaded first; all their problems are reported together (one SpecError) before
   anything is written.
2. Outputs that exist are refused without ``force`` (a RenderError naming them); nothing written.
3. Every document is rendered in memory, then each file is written to a temporary name in the
   output directory and moved into place with ``os.replace`` (no half-written .docx).
4. PDFs for all documents come from one LibreOffice process; without LibreOffice the .docx stay
   and a line says how to get PDFs.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from docgen.errors import DocgenError, Location, RenderError, SpecError
from docgen.render import pdf as pdf_mod
from docgen.render.docx import render_document
from docgen.spec.models import Document

__all__ = ["render_specs", "render_document"]


def _load_all(paths: Sequence[Path]) -> tuple[list[Document], list[str]]:
    from docgen.spec.loader import load_spec

    documents: list[Document] = []
    problems: list[tuple[Location, str]] = []
    notes: list[str] = []
    for path in paths:
        warnings: list[tuple[Location, str]] = []
        try:
            documents.append(load_spec(Path(path), warnings))
        except SpecError as exc:
            problems.extend(exc.problems)
        except DocgenError as exc:
            problems.append((exc.location or Location(str(path)), exc.message))
        notes.extend(f"cảnh báo: {loc}: {msg}" for loc, msg in warnings)
    if problems:
        raise SpecError(problems)
    return documents, notes


def _write_atomic(target: Path, data: bytes) -> None:
    """Write ``data`` next to ``target`` and rename it into place."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=target.suffix + ".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def render_specs(
    paths: Sequence[Path],
    out_dir: Path,
    *,
    force: bool = False,
    pdf: bool = True,
    templates_dir: Path | None = None,
) -> Iterator[str]:
    """Render each spec to ``out_dir/<spec name>.docx`` (and ``.pdf``); yields progress lines."""
    paths = [Path(p) for p in paths]
    documents, notes = _load_all(paths)
    yield from notes
    stems = [p.stem for p in paths]
    twice = sorted({s for s in stems if stems.count(s) > 1})
    if twice:
        raise RenderError("nhiều tệp đặc tả cùng tên sẽ ghi đè kết quả của nhau: " + ", ".join(twice))
    docx_out = [out_dir / f"{stem}.docx" for stem in stems]
    pdf_out = [out_dir / f"{stem}.pdf" for stem in stems] if pdf else []
    if not force:
        existing = [str(p) for p in (*docx_out, *pdf_out) if p.exists()]
        if existing:
            raise RenderError("tệp đã có, dùng --force để ghi đè: " + ", ".join(existing))
    rendered = [render_document(doc, templates_dir) for doc in documents]
    out_dir.mkdir(parents=True, exist_ok=True)
    for target, data in zip(docx_out, rendered):
        _write_atomic(target, data)
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
            os.replace(source, target)
            yield f"đã ghi {target}"
