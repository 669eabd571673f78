"""Whatever the registry writes, the checker accepts (issue 12): every entry's own first citation
(``RegistryEntry.citation()``, what `docgen render` prints for a `van_ban`) draws no finding about
its form, date, issuer, kind or title. Status findings (repealed, not yet issued) depend on the
draft's date and are not about the wording, so the draft is dated after every entry and those
codes are left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.check.config import CheckConfig
from docgen.check.runner import check_paths
from docgen.law.registry import load_registry

FORM_CODES = {"REF002", "REF003", "REF004", "REF005", "REF006", "REF007", "REF008", "REF009", "REF012", "REF013", "REF015"}
ENTRIES = [e for e in load_registry().entries if e.confidence != "not-found"]


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.symbol for e in ENTRIES])
def test_the_registry_citation_of_each_entry_is_accepted(entry: object, tmp_path: Path) -> None:
    draft = tmp_path / "can-cu.txt"
    draft.write_text(
        "ỦY BAN NHÂN DÂN\nXÃ TÂN LẬP\nTân Lập, ngày 15 tháng 12 năm 2026\nKẾ HOẠCH\nThử\n"
        f"Căn cứ {entry.citation()};\n",  # type: ignore[attr-defined]
        encoding="utf-8",
    )
    findings = [f for f in check_paths([str(draft)], CheckConfig()) if f.code in FORM_CODES]
    assert [(f.code, f.message) for f in findings if f.severity.value != "info"] == []
    # a date docgen does not know is said as a note to verify, never as the writer's slip
    assert all("cần xác minh" in f.message for f in findings)


def test_the_low_confidence_day_is_written_as_a_month() -> None:
    """The case that made the two halves disagree: 1315/QĐ-TTg, day unverified."""
    entry = load_registry().get("1315/QĐ-TTg")
    assert entry is not None and entry.date_confidence == "low"
    assert "tháng 11/2023" in entry.citation()
