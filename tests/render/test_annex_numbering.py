"""Each phụ lục is numbered separately (NĐ30 Phụ lục I, III.1.đ): its pages count from 1 again,
its first page shows no number, as the document's own first page; no blank page is added."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

from test_render_blocks import annex_data  # noqa: E402

from docgen.render.api import render_document  # noqa: E402
from docgen.render.pdf import convert  # noqa: E402
from docgen.spec.models import Document  # noqa: E402


def _long_first_annex() -> dict[str, Any]:
    data = annex_data(2)
    for section in data["noi_dung"]:
        if section.get("phu_luc") and section["tieu_de"].startswith("Biểu"):
            section["muc"][0]["y"] = [f"Xã số {i} đạt đủ các tiêu chí, chỉ tiêu của mức độ 1 theo quy định" for i in range(70)]
    return data


def _first_line_of_each_page(pdf: Path) -> list[str]:
    pages = int(next(line.split()[1] for line in subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines() if line.startswith("Pages:")))
    firsts = []
    for page in range(1, pages + 1):
        text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        firsts.append(next(line.strip() for line in text.splitlines() if line.strip()))
    return firsts


def test_annex_pages_count_from_one_again(tmp_path: Path) -> None:
    source = tmp_path / "ke-hoach.docx"
    source.write_bytes(render_document(Document.model_validate(_long_first_annex())))
    firsts = _first_line_of_each_page(convert([source], tmp_path)[0])
    starts = [i for i, line in enumerate(firsts) if line.startswith("Phụ lục")]
    assert len(starts) == 2 and starts[0] >= 1, firsts
    # the body: no number on page 1, then 2, 3 …
    assert firsts[1:starts[0]] == [str(n) for n in range(2, starts[0] + 1)]
    # phụ lục I: its first page shows "Phụ lục I" (no number), then 2, 3 … again
    assert firsts[starts[0]] == "Phụ lục I"
    assert firsts[starts[0] + 1:starts[1]] == [str(n) for n in range(2, starts[1] - starts[0] + 1)]
    assert len(firsts[starts[0] + 1:starts[1]]) >= 1  # the long phụ lục runs over more than one page
    assert firsts[starts[1]] == "Phụ lục II"
    assert starts[1] == len(firsts) - 1  # the short phụ lục II: one page, no blank page after it
