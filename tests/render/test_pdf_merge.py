"""Documents of one template are converted to PDF as one joined file and cut apart (issue 10):
each PDF has the pages LibreOffice makes of the document alone, pixel for pixel."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from pypdf import PdfReader
from rendertools import plan_data

from docgen.render import pdf
from docgen.render.docx import render_document
from docgen.spec.models import Document


def plan(name: str, paragraphs: int) -> dict[str, Any]:
    """A Kế hoạch without footnotes; ``paragraphs`` sets its length (pages)."""
    return {
        "loai": "ke-hoach",
        "co_quan": [{"ten": f"Ủy ban nhân dân\nxã {name}", "viet_tat": "UBND"}],
        "dia_danh": name,
        "ngay": "10/03/2025",
        "so": "12",
        "trich_yeu": f"Tổ chức tự đánh giá “Cộng đồng học tập” xã {name} năm 2025",
        "noi_dung": [{"tieu_de": "Nhiệm vụ", "doan": [
            f"Đoạn {i}: các thôn, bản của xã {name} rà soát số liệu, tổng hợp minh chứng theo hướng dẫn của "
            "Ủy ban nhân dân cấp trên và báo cáo đúng thời hạn." for i in range(1, paragraphs + 1)]}],
        "nguoi_ky": {"chuc_vu": "Chủ tịch", "ho_ten": "Lò Văn Hùng"},
        "noi_nhan": ["Các thôn, bản;"],
        "luu": "VT",
    }


def write_docx(folder: Path, name: str, data: dict[str, Any]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.docx"
    path.write_bytes(render_document(Document.model_validate(data)))
    return path


def page_images(path: Path, folder: Path) -> list[bytes]:
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", "40", str(path), str(folder / path.stem)], check=True)
    return [p.read_bytes() for p in sorted(folder.glob(f"{path.stem}-*.ppm"))]


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils, ./run.sh setup)")
def test_joined_conversion_gives_the_pages_of_each_document_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = [write_docx(tmp_path / "docx", "tan-lap", plan("Tân Lập", 28)),
            write_docx(tmp_path / "docx", "ban-giang", plan("Bản Giang", 2)),
            write_docx(tmp_path / "docx", "muong-kim", plan("Mường Kim", 30))]
    joins: list[int] = []
    real_join = pdf._write_joined
    monkeypatch.setattr(pdf, "_write_joined", lambda members, target: (joins.append(len(members)), real_join(members, target)))
    together = pdf.convert(docs, tmp_path / "together")
    assert joins == [3], "the three documents were not joined"
    monkeypatch.setattr(pdf, "MERGE_LIMIT", 1)  # every document converted alone, in one soffice run
    alone = pdf.convert(docs, tmp_path / "alone")
    assert joins == [3]
    assert [len(PdfReader(p).pages) for p in alone][0] >= 2, "the first document must have a page 2 (page numbers)"
    for joined_pdf, alone_pdf in zip(together, alone):
        assert joined_pdf.name == alone_pdf.name
        joined_pages = page_images(joined_pdf, tmp_path / "png" / "together")
        alone_pages = page_images(alone_pdf, tmp_path / "png" / "alone")
        assert len(joined_pages) == len(alone_pages)
        assert joined_pages == alone_pages, f"{joined_pdf.name}: pages differ from the document converted alone"
        assert PdfReader(joined_pdf).metadata["/Title"] == PdfReader(alone_pdf).metadata["/Title"]


def test_documents_with_footnotes_other_styles_or_sections_are_converted_alone(tmp_path: Path) -> None:
    a = write_docx(tmp_path, "a", plan("Tân Lập", 1))
    with_notes = write_docx(tmp_path, "b", plan_data())  # a Kế hoạch with footnotes
    report = write_docx(tmp_path, "c", {**plan("Mường Kim", 1), "loai": "bao-cao"})  # same styles, headers…
    other = tmp_path / "d.docx"
    docx.Document().save(str(other))  # python-docx's own styles
    broken = tmp_path / "e.docx"
    broken.write_bytes(b"PK")
    sections = write_docx(tmp_path, "f", plan("Bản Giang", 1))
    two = docx.Document(str(sections))
    two.add_section()
    two.add_paragraph("Phần hai")
    two.save(str(sections))
    (tmp_path / "work").mkdir()
    joined, alone = pdf._join_alike([a, with_notes, report, other, broken, sections], tmp_path / "work",
                                    {"a", "b", "c", "d", "e", "f"})
    assert [j.members for j in joined] == [[a, report]]
    assert sorted(alone) == [with_notes, other, broken, sections]


def test_joined_file_has_a_section_with_restarted_numbering_and_a_mark_per_document(tmp_path: Path) -> None:
    docs = [write_docx(tmp_path, name, plan(name, 1)) for name in ("Một", "Hai", "Ba")]
    target = tmp_path / "joined.docx"
    pdf._write_joined(docs, target)
    with zipfile.ZipFile(target) as archive:
        xml = archive.read("word/document.xml").decode()
    assert xml.count("<w:sectPr") == 3
    assert xml.count('<w:pgNumType w:start="1"/>') == 3
    assert [f'w:name="{pdf.MARK}{i}"' in xml for i in range(3)] == [True, True, True]
    assert xml.index("xã Một") < xml.index("xã Hai") < xml.index("xã Ba")


def test_documents_of_a_joined_file_libreoffice_cannot_convert_are_converted_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A stand-in soffice that fails on joined files: their documents get a second, separate run."""
    from pypdf import PdfWriter

    blank = tmp_path / "blank.pdf"
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    with blank.open("wb") as fh:
        writer.write(fh)
    runs = tmp_path / "runs"
    fake = tmp_path / "soffice"
    fake.write_text(
        "#!/bin/sh\n"
        f'echo run >> "{runs}"\n'
        'while [ "$1" != "--outdir" ]; do shift; done\n'
        'out="$2"; shift 2\n'
        'for f in "$@"; do\n'
        '  name=$(basename "$f" .docx)\n'
        '  case "$name" in docgen-gop-*) ;; *) cp ' + str(blank) + ' "$out/$name.pdf" ;; esac\n'
        "done\n",
        encoding="utf-8",
    )
    fake.chmod(0o755)
    monkeypatch.setattr(pdf, "find_soffice", lambda: str(fake))
    docs = [write_docx(tmp_path / "docx", name, plan(name, 1)) for name in ("mot", "hai")]
    made = pdf.convert(docs, tmp_path / "out")
    assert [p.name for p in made] == ["mot.pdf", "hai.pdf"]
    assert all(len(PdfReader(p).pages) == 1 for p in made)
    assert runs.read_text().count("run") == 2
