"""`docgen templates export|check`: templates out for restyling in Word, and a check that a
restyled template kept every placeholder (issue 14)."""

from __future__ import annotations

import copy
import os
import shutil
import subprocess
import sys
from pathlib import Path

import docx

from docgen.render.restyle import check, export, tags, template_names

ROOT = Path(__file__).resolve().parents[2]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docgen(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", "from docgen.cli import main; main()", *args], capture_output=True, text=True,
                          cwd=cwd, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=300)


def test_export_writes_every_template_and_never_over_a_file(tmp_path: Path) -> None:
    written = list(export(tmp_path / "mau"))
    assert sorted(p.name for p in written) == sorted(p.name for p in (ROOT / "docgen" / "templates").glob("*.docx"))
    assert all(p.read_bytes() == (ROOT / "docgen" / "templates" / p.name).read_bytes() for p in written)
    (tmp_path / "mau" / "ke-hoach.docx").write_bytes(b"mine")
    again = docgen("templates", "export", "mau", cwd=tmp_path)
    assert again.returncode == 2 and "--force" in again.stderr and "Traceback" not in again.stderr
    assert (tmp_path / "mau" / "ke-hoach.docx").read_bytes() == b"mine"


def _restyled(tmp_path: Path) -> Path:
    """ke-hoach.docx as Word leaves it after restyling: another font everywhere, and the runs of
    a placeholder split in two with different formatting."""
    folder = tmp_path / "mau"
    folder.mkdir(exist_ok=True)
    document = docx.Document(str(ROOT / "docgen" / "templates" / "ke-hoach.docx"))
    for p in document.paragraphs:
        for run in p.runs:
            run.font.name = "Arial"
    target = next(r for p in document.paragraphs for r in p.runs if r.text == "{{ trich_yeu }}")
    second = copy.deepcopy(target._r)
    target.text, target.bold = "{{ trich_", True
    target._r.addnext(second)
    second.find(f"{W}t").text = "yeu }}"
    path = folder / "ke-hoach.docx"
    document.save(str(path))
    return path


def test_a_restyled_template_with_split_runs_keeps_its_placeholders(tmp_path: Path) -> None:
    path = _restyled(tmp_path)
    assert tags(path) == tags(ROOT / "docgen" / "templates" / "ke-hoach.docx")
    (report,) = check(path.parent)
    assert report.ok
    run = docgen("templates", "check", "mau", cwd=tmp_path)
    assert run.returncode == 0 and "ke-hoach.docx: đủ các chỗ điền" in run.stdout


def test_a_lost_placeholder_is_named(tmp_path: Path) -> None:
    path = _restyled(tmp_path)
    document = docx.Document(str(path))
    gone = next(p for p in document.paragraphs if p.text == "{{ mo_dau }}")
    gone._p.getparent().remove(gone._p)
    document.save(str(path))
    (report,) = check(path.parent)
    assert report.lost == ["{{ mo_dau }}"] and report.added == []
    run = docgen("templates", "check", "mau", cwd=tmp_path)
    assert run.returncode == 1 and "mất 1 chỗ điền: {{ mo_dau }}" in run.stdout


def test_an_unknown_name_and_an_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "rong").mkdir()
    empty = docgen("templates", "check", "rong", cwd=tmp_path)
    assert empty.returncode == 2 and "không có mẫu .docx nào" in empty.stderr
    shutil.copy(ROOT / "docgen" / "templates" / "ke-hoach.docx", tmp_path / "rong" / "ke-hoach-moi.docx")
    (report,) = check(tmp_path / "rong")
    assert report.unknown and not report.ok


def test_a_template_saved_again_by_libreoffice_keeps_its_placeholders(tmp_path: Path) -> None:
    shutil.copy(ROOT / "docgen" / "templates" / "to-trinh.docx", tmp_path / "to-trinh.docx")
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--convert-to",
                    "docx:MS Word 2007 XML", "--outdir", str(tmp_path / "mau"), str(tmp_path / "to-trinh.docx")],
                   check=True, capture_output=True, timeout=180)
    (report,) = check(tmp_path / "mau")
    assert report.ok, (report.lost, report.added)


def test_every_template_name_is_a_document_kind_or_a_dossier_part() -> None:
    assert set(template_names()) >= {"ke-hoach.docx", "to-trinh.docx", "ban-tong-hop.docx"}
