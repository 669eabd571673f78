"""Measure: why docgen writes the hyphens of document symbols as Word's non-breaking hyphen.

    .venv/bin/python bench/hyphens.py

Renders every example of plans/ to PDF twice (LibreOffice): as docgen does (``w:noBreakHyphen``
inside "25/2023/TT-BGDĐT", "3727/KH-UBND") and with plain hyphens, then counts the symbols that
pdftotext reads back without their hyphen (a symbol broken across two lines at its hyphen comes
back as "25/2023/TTBGDĐT": a reader searching the PDF, or docgen check on it, sees another symbol).
Prints figures only. Issue 12 asked for plain hyphens unless measured reasons say otherwise.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SYMBOL = re.compile(r"\d+/(?:\d{4}/)?[A-ZĐ][A-Za-zĐ]*(?:-[A-ZĐ][A-Za-zĐ]*)?")


def render_all(out: Path, plain: bool) -> list[Path]:
    import docgen.render.layout as layout
    from docgen.render.api import render_document
    from docgen.render.pdf import convert
    from docgen.spec.loader import load_spec

    keep = layout.keep_symbols_whole
    if plain:
        layout.keep_symbols_whole = lambda root: None  # type: ignore[assignment]
    try:
        docs = []
        for spec in sorted((ROOT / "plans").glob("*.yaml")):
            target = out / f"{spec.stem}.docx"
            target.write_bytes(render_document(load_spec(spec)))
            docs.append(target)
    finally:
        layout.keep_symbols_whole = keep
    return convert(docs, out)


def broken(pdfs: list[Path]) -> tuple[int, int]:
    """(symbols read back, of which without their hyphen)."""
    total = missing = 0
    for pdf in pdfs:
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        for m in SYMBOL.finditer(text.replace("\u2011", "-")):
            total += 1
            missing += "-" not in m.group()
    return total, missing


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        rows = []
        for label, plain in (("w:noBreakHyphen (docgen)", False), ("dấu gạch nối thường", True)):
            folder = Path(tmp) / ("plain" if plain else "nbh")
            folder.mkdir()
            rows.append((label, *broken(render_all(folder, plain))))
    print(f"{'cách viết dấu gạch nối trong số, ký hiệu':<44}{'ký hiệu đọc lại':>16}{'mất dấu gạch nối':>18}")
    for label, total, missing in rows:
        print(f"{label:<44}{total:>16}{missing:>18}")


if __name__ == "__main__":
    main()
