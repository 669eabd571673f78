"""docgen check finds nothing at warning or above in what docgen itself renders.

Every plans/*.yaml is rendered to .docx, one ho-so dossier is built, and a plain python-docx
document with footnotes on two pages is written (another layout than docgen's: default template,
Calibri); all are turned into PDF in one LibreOffice run for the whole module.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from docgen.check.inputs import read_draft
from docgen.check.model import Finding, Severity
from docgen.check.runner import check_draft
from docgen.dossier.build import build_dossier
from docgen.render import footnotes, pdf
from docgen.render.api import render_specs

ROOT = Path(__file__).resolve().parents[2]
PLANS = sorted((ROOT / "plans").glob("*.yaml"))
DOSSIER = ROOT / "ho-so" / "huyen-hoa-an-2024.yaml"
NOTES = [
    "Tại Điều 6 Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023 của Bộ trưởng Bộ Giáo dục và Đào tạo.",
    "Tại Điều 7 Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023 của Bộ trưởng Bộ Giáo dục và Đào tạo.",
    "Tại Điều 11 Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023 của Bộ trưởng Bộ Giáo dục và Đào tạo.",
    "Tại Điều 16 Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023 của Bộ trưởng Bộ Giáo dục và Đào tạo.",
]
BODY = [
    "Năm 2025 xây dựng “Cộng đồng học tập” cấp xã mức độ 1 theo quy định",
    "Năm 2027 xây dựng “Cộng đồng học tập” cấp xã mức độ 2 theo quy định",
    "Năm 2025 xây dựng “Cộng đồng học tập” cấp huyện mức độ 1 theo quy định",
    "Năm 2025 xây dựng “Cộng đồng học tập” cấp tỉnh mức độ 1 theo quy định",
]


def _plain_docx(path: Path) -> None:
    """Two pages, two footnotes on each, in python-docx's default template."""
    document = docx.Document()
    filler = "Các cơ quan, đơn vị triển khai thực hiện kế hoạch theo chức năng, nhiệm vụ được giao. " * 6
    for k, text in enumerate(BODY):
        document.add_paragraph(text + footnotes.marker(k) + ".")
        document.add_paragraph(filler)
        if k == 1:
            document.add_page_break()
    footnotes.apply(document, NOTES)
    document.save(str(path))


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if pdf.find_soffice() is None:
        pytest.fail("LibreOffice (soffice) is required for these tests")
    out = tmp_path_factory.mktemp("rendered")
    list(render_specs(PLANS, out, pdf=False))
    dossier = out / "dossier"
    build_dossier(DOSSIER, dossier, pdf=False)
    _plain_docx(out / "plain-footnotes.docx")
    docx_files = sorted(out.glob("*.docx")) + sorted(dossier.rglob("*.docx"))[:1]
    pdf.convert(docx_files, out, timeout=pdf.timeout_for(len(docx_files)))
    return out


def _serious(path: Path) -> list[Finding]:
    findings = check_draft(read_draft(path))
    return [f for f in findings if f.severity.rank >= Severity.WARNING.rank]


def _show(findings: list[Finding]) -> str:
    return "\n".join(f"{f.path}:{f.line}:{f.column}: {f.code} {f.message}" for f in findings)


@pytest.mark.parametrize("plan", [p.stem for p in PLANS])
@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_rendered_plan_checks_clean(outputs: Path, plan: str, suffix: str) -> None:
    path = outputs / f"{plan}{suffix}"
    assert path.exists(), f"{path.name} was not rendered"
    serious = _serious(path)
    assert not serious, _show(serious)


def test_dossier_checks_clean(outputs: Path) -> None:
    files = sorted((outputs / "dossier").rglob("*.docx"))
    assert files
    first_pdf = outputs / (files[0].stem + ".pdf")
    assert first_pdf.exists()
    serious = [f for path in [*files, first_pdf] for f in _serious(path)]
    assert not serious, _show(serious)


def test_libreoffice_footnotes_on_two_pages_are_separate_lines(outputs: Path) -> None:
    draft = read_draft(outputs / "plain-footnotes.pdf")
    lines = draft.text.split("\n")
    notes = [line for line in lines if line.startswith("[")]
    assert notes == [f"[{k}] {text}" for k, text in enumerate(NOTES, start=1)]
    # the markers in the body are "[n]", and no body line holds a note's text
    for k, text in enumerate(BODY, start=1):
        assert any(line.startswith(f"{text}[{k}].") for line in lines), text
    assert not any("Tại Điều" in line for line in lines if not line.startswith("["))
    assert {draft.pages[lines.index(n)] for n in notes} == {1, 2}
    assert not _serious(outputs / "plain-footnotes.pdf")
