"""footnotes.apply on a document that already has a footnotes part (as a Word-saved template)."""

from __future__ import annotations

import io

import docx
from rendertools import NS, Docx, plan_data, w

from docgen.render import footnotes
from docgen.render.docx import render_document
from docgen.spec.models import Document


def test_existing_footnotes_part_is_completed_not_replaced() -> None:
    first = render_document(Document.model_validate(plan_data()))  # has 5 footnotes
    document = docx.Document(io.BytesIO(first))
    p = document.add_paragraph("Thêm một câu")
    p.add_run(f"{footnotes.marker(0)} và câu nữa{footnotes.marker(1)}.")
    assert footnotes.apply(document, ["Chú thích thứ sáu.", "Chú thích thứ bảy."]) == 2
    out = io.BytesIO()
    document.save(out)
    result = Docx(out.getvalue())
    notes = result.part("word/footnotes.xml").findall("w:footnote", NS)
    assert [n.get(w("type")) for n in notes].count("separator") == 1
    assert [n.get(w("id")) for n in notes if not n.get(w("type"))] == ["1", "2", "3", "4", "5", "6", "7"]
    assert [Docx.text(n).strip() for n in notes[-2:]] == ["Chú thích thứ sáu.", "Chú thích thứ bảy."]
    assert Docx.text(result.paragraphs()[-1]) == "Thêm một câu[6] và câu nữa[7]."
    assert result.names.issuperset({"word/footnotes.xml"})
    rels = result.part("word/_rels/document.xml.rels")
    assert len([r for r in rels if r.get("Type").endswith("/footnotes")]) == 1
