"""Templates are data, not programs (issue 9): a template given with --templates that reaches
Python objects is refused with a Vietnamese RenderError naming it, exit 2, and never runs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from rendertools import Docx, plan_data

from docgen.cli import cli
from docgen.errors import RenderError
from docgen.render.docx import render_document
from docgen.spec.models import Document

ROOT = Path(__file__).resolve().parents[2]

HOSTILE = [
    "{{ ''.__class__.__mro__ }}",
    "{{ cycler.__init__.__globals__.os.system('touch PWNED') }}",
    "{{ self._TemplateReference__context }}",
    "{{ ''['__class__'] }}",
    "{{ lipsum|attr('__globals__') }}",
    "{% for c in ''.__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
]


def edited_template(folder: Path, line: str) -> Path:
    """A copy of the ke-hoach template with ``line`` added as a paragraph (python-docx)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "ke-hoach.docx"
    shutil.copy(ROOT / "docgen" / "templates" / "ke-hoach.docx", target)
    edited = docx.Document(str(target))
    edited.add_paragraph(line)
    edited.save(str(target))
    return folder


@pytest.mark.parametrize("line", HOSTILE)
def test_hostile_template_is_refused_naming_it(tmp_path: Path, line: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    folder = edited_template(tmp_path / "mau", line)
    with pytest.raises(RenderError, match="bị từ chối") as err:
        render_document(Document.model_validate(plan_data()), folder)
    assert str(folder / "ke-hoach.docx") in str(err.value)
    assert not (tmp_path / "PWNED").exists()


def test_hostile_template_through_the_cli_exits_2_and_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    folder = edited_template(tmp_path / "mau", HOSTILE[1])
    spec = tmp_path / "ke-hoach.yaml"
    spec.write_text(json.dumps(plan_data(), ensure_ascii=False), encoding="utf-8")
    res = CliRunner().invoke(cli, ["render", "--no-pdf", "--templates", str(folder), "-o", str(tmp_path / "out"), str(spec)])
    assert res.exit_code != 0
    assert isinstance(res.exception, RenderError)
    assert "ke-hoach.docx bị từ chối" in str(res.exception)
    assert not (tmp_path / "PWNED").exists()
    assert not (tmp_path / "out" / "ke-hoach.docx").exists()


def test_a_normal_edited_template_still_renders(tmp_path: Path) -> None:
    folder = edited_template(tmp_path / "mau", "Ghi chú: {{ trich_yeu|upper }} — {{ '%s' % ten_loai }}")
    data = plan_data()
    out = render_document(Document.model_validate(data), folder)
    texts = [Docx.text(p) for p in Docx(out).paragraphs()]
    assert any(t.startswith("Ghi chú: ") and data["trich_yeu"].upper() in t for t in texts)
