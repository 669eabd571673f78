"""The server's warm LibreOffice (docgen/render/warm.py) makes the same pages as the cold
`soffice --convert-to` of the CLI, pixel for pixel; it is used only while it is active."""

from __future__ import annotations

import subprocess
from pathlib import Path

from docgen.render import pdf, warm
from docgen.render.docx import render_document
from docgen.spec.loader import load_spec_text
from docgen.spec.starter import starter_spec


def page_images(path: Path, folder: Path) -> list[bytes]:
    folder.mkdir()
    subprocess.run(["pdftoppm", "-r", "40", str(path), str(folder / "p")], check=True)
    return [p.read_bytes() for p in sorted(folder.glob("p-*.ppm"))]


def test_warm_and_cold_pdfs_have_the_same_pages(tmp_path: Path) -> None:
    sources = []
    for kind in ("to-trinh", "ke-hoach"):
        source = tmp_path / f"{kind}.docx"
        source.write_bytes(render_document(load_spec_text(starter_spec(kind), f"{kind}.yaml", [])))
        sources.append(source)
    assert warm.current() is None  # nothing active outside docgen serve: the CLI's cold way
    cold = pdf.convert(sources, tmp_path / "cold")
    office = warm.WarmOffice()
    warm.activate(office)
    try:
        hot = pdf.convert(sources, tmp_path / "warm")
        assert office.pid is not None and office.starts == 1
    finally:
        warm.deactivate(office)
        office.close()
    assert office.pid is None
    for c, h in zip(cold, hot):
        assert page_images(c, tmp_path / f"c-{c.stem}") == page_images(h, tmp_path / f"w-{h.stem}")
