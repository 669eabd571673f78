"""Every document the dossier builds passes `docgen check` with no finding at warning or above."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.check.model import Severity
from docgen.check.runner import check_paths
from docgen.dossier.build import build_dossier

EXAMPLES = sorted(Path(__file__).resolve().parents[2].joinpath("ho-so").glob("*.yaml"))


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_dossier_documents_check_clean(example: Path, tmp_path: Path) -> None:
    result = build_dossier(example, tmp_path, pdf=False)
    found = check_paths([str(p) for p in result.docx])
    assert not found.errors
    serious = [f"{Path(f.path).name}:{f.line}:{f.column} {f.code} {f.message} «{f.text}»"
               for f in found if f.severity.rank >= Severity.WARNING.rank]
    assert serious == [], "\n".join(serious)
