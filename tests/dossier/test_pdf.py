"""The merged PDF dossier (the one LibreOffice test of the dossier suite)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from docgen.check.model import Severity
from docgen.check.runner import check_paths
from docgen.dossier.build import PARTS, build_dossier
from docgen.dossier.merge import COVER_BOOKMARK

SpecWriter = Callable[..., Path]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_merged_dossier_pages_and_bookmarks(write_spec: SpecWriter, xa: dict[str, Any], tmp_path: Path) -> None:
    result = build_dossier(write_spec(xa, "xa-tan-lap"), tmp_path, pdf=True)
    assert result.merged is not None
    parts = [len(PdfReader(str(p)).pages) for p in result.pdf]
    assert len(parts) == 3 and all(n >= 1 for n in parts)
    merged = PdfReader(str(result.merged))
    assert len(merged.pages) == 1 + sum(parts)  # one cover page, then each document
    bookmarks = [(item.title, merged.get_destination_page_number(item)) for item in merged.outline]
    starts = [0, 1, 1 + parts[0], 1 + parts[0] + parts[1]]
    assert bookmarks == list(zip([COVER_BOOKMARK, *(title for _, title in PARTS)], starts))
    cover = merged.pages[0].extract_text()
    assert "HỒ SƠ ĐỀ NGHỊ CÔNG NHẬN" in cover and "Tân Lập" in cover
    assert "TỜ TRÌNH" in merged.pages[1].extract_text()
    assert "BÁO CÁO" in merged.pages[starts[2]].extract_text()

    # The PDFs (each document and the merged dossier) pass `docgen check` at warning level.
    found = check_paths([str(p) for p in [*result.pdf, result.merged]])
    assert not found.errors
    serious = [f"{Path(f.path).name}:{f.line}:{f.column} {f.code} {f.message}"
               for f in found if f.severity.rank >= Severity.WARNING.rank]
    assert serious == [], "\n".join(serious)
