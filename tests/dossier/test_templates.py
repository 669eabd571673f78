"""The committed dossier templates are what tools/build_dossier_templates.py builds."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _builder():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("build_dossier_templates", ROOT / "tools" / "build_dossier_templates.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", ["bao-cao-tu-danh-gia.docx", "ban-tong-hop.docx"])
def test_template_is_up_to_date(name: str) -> None:
    builder = _builder()
    built = builder.TEMPLATES[name]()
    assert built == (ROOT / "docgen" / "templates" / name).read_bytes(), f"chạy lại tools/build_dossier_templates.py ({name})"
