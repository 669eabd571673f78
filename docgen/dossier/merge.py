"""The merged PDF dossier: a cover page listing the contents, then each document, one bookmark each."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document as new_document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt, Twips
from pypdf import PdfReader, PdfWriter

from docgen import vi
from docgen.dossier.documents import TT25_SYMBOL
from docgen.dossier.engine import Assessment
from docgen.dossier.route import Route
from docgen.law.registry import load_registry
from docgen.render import layout as L

COVER_BOOKMARK = "Bìa hồ sơ"


def cover_docx(assessment: Assessment, rt: Route, parts: list[str], target: str) -> bytes:
    """A one-page cover: agency, HỒ SƠ ĐỀ NGHỊ CÔNG NHẬN …, unit, year, addressee, contents."""
    spec = assessment.spec
    entry = load_registry().get(TT25_SYMBOL)
    tt25_dated = f"Thông tư số {TT25_SYMBOL}" + (f" {entry.date_text()}" if entry and entry.date_text() else "")
    doc = new_document()
    section = doc.sections[0]
    section.page_width, section.page_height = Twips(L.PAGE_WIDTH), Twips(L.PAGE_HEIGHT)
    section.top_margin, section.bottom_margin = Twips(L.MARGIN_TOP), Twips(L.MARGIN_BOTTOM)
    section.left_margin, section.right_margin = Twips(L.MARGIN_LEFT), Twips(L.MARGIN_RIGHT)
    normal = doc.styles["Normal"]
    normal.font.name = L.FONT
    normal.font.size = Pt(L.BODY_SIZE)
    body = doc.element.body
    for p in list(body.iterchildren()):
        if p.tag.endswith("}p"):
            body.remove(p)

    def line(text: str, *, size: float = L.BODY_SIZE, bold: bool = False, italic: bool = False,
             before: float = 0, align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER) -> None:
        p = doc.add_paragraph()
        p.alignment = align
        p.paragraph_format.space_before = Pt(before)
        p.paragraph_format.space_after = Pt(0)
        run = p.add_run(text)
        run.font.name = L.FONT
        run.font.size = Pt(size)
        run.bold = bold
        run.italic = italic

    line("ỦY BAN NHÂN DÂN", size=L.SIZES.co_quan, bold=True)
    line(spec.unit.full_name.upper(), size=L.SIZES.co_quan, bold=True)
    line("HỒ SƠ ĐỀ NGHỊ CÔNG NHẬN", size=18, bold=True, before=150)
    line(target.upper(), size=16, bold=True, before=6)
    line(f"NĂM {spec.year}", size=16, bold=True, before=6)
    line(f"Đơn vị: {spec.unit.full_address}", before=36)
    line(f"Cơ quan tiếp nhận: {rt.addressee_for(spec.unit.parents)}", before=6)
    line(f"Hạn gửi hồ sơ: {rt.due_text()} ({rt.due_cite} {tt25_dated})", italic=True, before=6)
    line("THÀNH PHẦN HỒ SƠ", bold=True, before=48)
    for i, name in enumerate(parts, 1):
        line(f"{i}. {name}", before=6, align=WD_ALIGN_PARAGRAPH.LEFT)
    line(vi.place_date(spec.unit.place_name, spec.date), italic=True, before=120)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def merge_dossier(cover: Path, documents: list[tuple[str, Path]]) -> bytes:
    """Cover + documents in order; a top-level bookmark for the cover and for each document."""
    writer = PdfWriter()
    page = 0
    for title, path in [(COVER_BOOKMARK, cover), *documents]:
        reader = PdfReader(str(path))
        for p in reader.pages:
            writer.add_page(p)
        writer.add_outline_item(title=title, page_number=page)
        page += len(reader.pages)
    writer.page_mode = "/UseOutlines"
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
