"""`docgen dossier`: the three documents, the addressee switch, atomic no-overwrite outputs."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from docx import Document as open_docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from docgen.dossier.build import build_dossier
from docgen.dossier.engine import DossierRefused
from docgen.errors import RenderError

SpecWriter = Callable[..., Path]
Spec = dict[str, Any]


def docx_text(path: Path) -> str:
    """Every paragraph of the body, table cells included, in document order."""
    doc = open_docx(str(path))
    return "\n".join(Paragraph(p, doc.part).text for p in doc.element.body.iter(qn("w:p")))


@pytest.mark.parametrize(
    ("letter", "addressee", "decider_level"),
    [
        ("30/06/2025", "Phòng Giáo dục và Đào tạo huyện Mường Tè", "Phòng"),
        ("01/07/2025", "Sở Giáo dục và Đào tạo tỉnh Lai Châu", "Sở"),
    ],
)
def test_letter_addressed_by_the_regime_on_its_date(
    write_spec: SpecWriter, xa: Spec, tmp_path: Path, letter: str, addressee: str, decider_level: str
) -> None:
    xa["ngay"] = letter
    result = build_dossier(write_spec(xa), tmp_path / "out", pdf=False)
    letter_text = docx_text(result.docx[0])
    assert f"Kính gửi:\t{addressee}" in letter_text or f"Kính gửi: {addressee}" in letter_text
    report_text = docx_text(result.docx[1])
    assert addressee in report_text
    other = "Sở Giáo dục" if decider_level == "Phòng" else "Phòng Giáo dục"
    assert other not in letter_text
    assert "điểm d khoản 1 Điều 9" in letter_text  # the dossier deadline clause
    assert "28/02/2025" in letter_text  # deadline of evaluation year 2024


def test_three_documents_carry_the_spec(write_spec: SpecWriter, xa: Spec, tmp_path: Path) -> None:
    xa["chi_tieu"]["2.b"]["minh_chung"] = ["Sổ quỹ khuyến học năm 2024"]
    result = build_dossier(write_spec(xa, "xa-tan-lap"), tmp_path, pdf=False)
    names = [p.name for p in result.docx]
    assert names == ["xa-tan-lap-1-to-trinh.docx", "xa-tan-lap-2-bao-cao-tu-danh-gia.docx", "xa-tan-lap-3-ban-tong-hop.docx"]
    letter, report, summary = (docx_text(p) for p in result.docx)
    assert "TỜ TRÌNH" in letter and "mức độ 1" in letter
    assert "Điều 6" in letter and "điểm a khoản 1 Điều 8" in letter  # criteria and condition of xã mức độ 1
    assert "Sổ quỹ khuyến học năm 2024" in report
    assert "tỷ lệ 85 % (yêu cầu ≥ 60 %)" in report  # 5.a: the spec's figure against Điều 6's threshold
    assert "điểm b khoản 5 Điều 6" in report
    assert "BẢN TỔNG HỢP" in summary and "Tổng cộng" in summary
    assert not list(tmp_path.glob(".*.tmp"))  # atomic writes leave no temporary file


def test_no_overwrite_without_force(write_spec: SpecWriter, xa: Spec, tmp_path: Path) -> None:
    spec = write_spec(xa)
    first = build_dossier(spec, tmp_path, pdf=False)
    stamp = first.docx[0].read_bytes()
    first.docx[0].write_bytes(b"do not touch")
    with pytest.raises(RenderError) as err:
        build_dossier(spec, tmp_path, pdf=False)
    assert "--force" in str(err.value)
    assert first.docx[0].read_bytes() == b"do not touch"
    build_dossier(spec, tmp_path, pdf=False, force=True)
    assert first.docx[0].read_bytes()[:2] == stamp[:2] == b"PK"


def test_refused_request_writes_nothing(write_spec: SpecWriter, xa: Spec, tmp_path: Path) -> None:
    xa["chi_tieu"]["5.a"]["so_lieu"] = {"ty_le": 59.9}
    out = tmp_path / "out"
    with pytest.raises(DossierRefused):
        build_dossier(write_spec(xa), out, pdf=False)
    assert not out.exists() or not any(out.iterdir())


def test_cli_exit_codes(write_spec: SpecWriter, xa: Spec, tmp_path: Path) -> None:
    good = write_spec(xa, "good")
    run = [sys.executable, "-m", "docgen.cli", "dossier", "-o", str(tmp_path / "out"), "--no-pdf"]
    ok = subprocess.run([*run, str(good)], capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    assert "đã ghi" in ok.stdout
    xa["muc_do_de_nghi"] = 2
    xa["chi_tieu"]["5.a"]["so_lieu"] = {"ty_le": 70.0}
    bad = write_spec(xa, "bad")
    refused = subprocess.run([*run, str(bad)], capture_output=True, text=True)
    assert refused.returncode == 2
    assert f"{bad}:" in refused.stderr and "điểm a khoản 5 Điều 7" in refused.stderr


@pytest.mark.parametrize("example", sorted(Path(__file__).resolve().parents[2].joinpath("ho-so").glob("*.yaml")), ids=lambda p: p.stem)
def test_examples_build(example: Path, tmp_path: Path) -> None:
    result = build_dossier(example, tmp_path, pdf=False)
    assert result.assessment.refusal() is None
    assert len(result.docx) == 3
