"""The shared Jinja environment compiles a template once and never leaks one render into the next."""

from __future__ import annotations

import io

from docx import Document as open_docx
from rendertools import plan_data

from docgen.render.docx import jinja_env, render_document
from docgen.spec.models import Document


def body_text(data: bytes) -> str:
    return "\n".join(p.text for p in open_docx(io.BytesIO(data)).paragraphs)


def test_second_render_reuses_the_compiled_template_and_keeps_its_own_content() -> None:
    first = plan_data()
    second = plan_data()
    second["trich_yeu"] = "Trích yếu thứ hai để phân biệt"
    render_document(Document.model_validate(first))
    compiled = len(jinja_env()._compiled)  # type: ignore[attr-defined]
    out = render_document(Document.model_validate(second))
    assert len(jinja_env()._compiled) == compiled  # type: ignore[attr-defined]
    assert "Trích yếu thứ hai để phân biệt" in body_text(out)
    assert first["trich_yeu"] not in body_text(out)
