"""Text with XML-special characters, quotes and newlines gives a valid .docx with that text."""

from __future__ import annotations

import io

import docx
from rendertools import NS, Docx, plan_data, w

from docgen.render.docx import render_document
from docgen.spec.models import Document

NASTY = "A & B <c> \"d\" 'e' {{ f }} {% g %}"


def test_special_characters_and_newlines_survive() -> None:
    data = plan_data()
    data["trich_yeu"] = f"Kế hoạch {NASTY}"
    data["noi_dung"] = [
        {
            "tieu_de": "Mục <1> & “2”",
            "doan": [f"Dòng một {NASTY}\nDòng hai[^x]."],
            "bang_nhiem_vu": [{"noi_dung": "R&D <mới>", "chu_tri": "Sở \"A\"", "thoi_gian": "Quý I & II"}],
        }
    ]
    data["chu_thich"] = {"x": "Chú thích có & và <thẻ> và \"nháy\"\nxuống dòng."}
    data["nguoi_ky"] = {"chuc_vu": "Giám đốc", "ho_ten": "Nguyễn Văn <A> & B"}
    data.pop("ket_thuc")
    raw = render_document(Document.model_validate(data))
    opened = docx.Document(io.BytesIO(raw))  # python-docx parses every part
    assert opened.sections[0].page_width == 11906 * 635
    out = Docx(raw)
    texts = [Docx.text(p) for p in out.paragraphs()]
    assert f"Kế hoạch {NASTY}" in texts
    assert "I. MỤC <1> & “2”" in texts
    assert f"Dòng một {NASTY}\nDòng hai[1]." in texts
    assert "Nguyễn Văn <A> & B" in texts
    cells = [Docx.text(tc) for tc in out.body.iter(w("tc"))]
    assert ["R&D <mới>", "Sở \"A\"", "", "Quý I & II"] == cells[cells.index("1") + 1 : cells.index("1") + 5]
    notes = out.part("word/footnotes.xml")
    note = [n for n in notes.findall("w:footnote", NS) if not n.get(w("type"))]
    assert [Docx.text(n).strip() for n in note] == ["Chú thích có & và <thẻ> và \"nháy\"\nxuống dòng."]
    # a newline is a line break inside the paragraph, not a literal newline in w:t
    assert not [t for t in out.body.iter(w("t")) if "\n" in (t.text or "")]
