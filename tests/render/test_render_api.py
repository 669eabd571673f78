"""``render_specs``: load everything first, never overwrite without force, atomic writes."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from rendertools import Docx, letter_data, plan_data

from docgen.errors import RenderError, SpecError
from docgen.render.api import render_specs


def write_spec(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")  # JSON is YAML
    return path


@pytest.fixture
def specs(tmp_path: Path) -> list[Path]:
    return [write_spec(tmp_path / "ke-hoach.yaml", plan_data()), write_spec(tmp_path / "cong-van.yaml", letter_data())]


def test_writes_one_docx_per_spec_and_reports_progress(tmp_path: Path, specs: list[Path]) -> None:
    out = tmp_path / "out"
    lines = list(render_specs(specs, out, pdf=False))
    assert lines == [f"đã ghi {out / 'ke-hoach.docx'}", f"đã ghi {out / 'cong-van.docx'}"]
    assert sorted(os.listdir(out)) == ["cong-van.docx", "ke-hoach.docx"]
    texts = [Docx.text(p) for p in Docx((out / "cong-van.docx").read_bytes()).paragraphs()]
    assert "Số:      /UBND-KGVX" in texts


def test_existing_output_is_not_overwritten_without_force(tmp_path: Path, specs: list[Path]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "cong-van.docx").write_bytes(b"old")
    with pytest.raises(RenderError) as err:
        list(render_specs(specs, out, pdf=False))
    assert str(out / "cong-van.docx") in str(err.value)
    assert "--force" in str(err.value)
    assert (out / "cong-van.docx").read_bytes() == b"old"
    assert os.listdir(out) == ["cong-van.docx"]  # the other document was not written either


def test_force_overwrites_and_leaves_no_temporary_files(tmp_path: Path, specs: list[Path]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "cong-van.docx").write_bytes(b"old")
    list(render_specs(specs, out, force=True, pdf=False))
    assert (out / "cong-van.docx").read_bytes()[:2] == b"PK"
    assert sorted(os.listdir(out)) == ["cong-van.docx", "ke-hoach.docx"]


def test_every_spec_error_is_reported_before_anything_is_written(tmp_path: Path, specs: list[Path]) -> None:
    bad = plan_data()
    bad["ngay"] = "31/02/2025"
    worse = letter_data()
    del worse["dia_danh"]
    broken = [write_spec(tmp_path / "sai-ngay.yaml", bad), write_spec(tmp_path / "thieu.yaml", worse)]
    out = tmp_path / "out"
    with pytest.raises(SpecError) as err:
        list(render_specs([*specs, *broken], out, pdf=False))
    message = str(err.value)
    assert "sai-ngay.yaml" in message and "31/02/2025" in message
    assert "thieu.yaml" in message and "dia_danh" in message
    assert not out.exists() or os.listdir(out) == []


def test_missing_template_is_a_render_error(tmp_path: Path, specs: list[Path]) -> None:
    with pytest.raises(RenderError, match="không tìm thấy mẫu"):
        list(render_specs(specs, tmp_path / "out", pdf=False, templates_dir=tmp_path / "khong-co"))
    assert not (tmp_path / "out").exists()


def test_without_libreoffice_docx_is_written_and_the_way_to_pdf_is_told(
    tmp_path: Path, specs: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))  # no soffice on PATH: the real lookup fails
    out = tmp_path / "out"
    lines = list(render_specs(specs, out, pdf=True))
    assert lines[:2] == [f"đã ghi {out / 'ke-hoach.docx'}", f"đã ghi {out / 'cong-van.docx'}"]
    assert lines[2].startswith("chưa xuất PDF")
    assert "apt-get install libreoffice-writer-nogui fonts-liberation2" in lines[2] and "./run.sh setup" in lines[2]
    assert sorted(os.listdir(out)) == ["cong-van.docx", "ke-hoach.docx"]


# ---------------------------------------------------------------- the one writer (issue 9)


def test_output_folder_next_to_the_specs_needs_force_for_a_same_named_file(tmp_path: Path, specs: list[Path]) -> None:
    (tmp_path / "ke-hoach.docx").write_bytes(b"old")
    with pytest.raises(RenderError, match="--force"):
        list(render_specs(specs, tmp_path, pdf=False))
    assert (tmp_path / "ke-hoach.docx").read_bytes() == b"old"
    list(render_specs(specs, tmp_path, force=True, pdf=False))
    assert (tmp_path / "ke-hoach.docx").read_bytes()[:2] == b"PK"
    assert specs[0].read_text(encoding="utf-8").startswith("{")  # the spec itself untouched


def test_outputs_have_the_usual_mode(tmp_path: Path, specs: list[Path]) -> None:
    old = os.umask(0o022)
    try:
        list(render_specs(specs, tmp_path / "out", pdf=False))
    finally:
        os.umask(old)
    assert {(p.stat().st_mode & 0o777) for p in (tmp_path / "out").iterdir()} == {0o644}


def test_out_that_is_a_file_is_a_clear_error(tmp_path: Path, specs: list[Path]) -> None:
    (tmp_path / "out.docx").write_bytes(b"a file")
    with pytest.raises(RenderError, match="là một tệp, không phải thư mục"):
        list(render_specs(specs, tmp_path / "out.docx", pdf=False))
    assert (tmp_path / "out.docx").read_bytes() == b"a file"


def test_a_template_folder_is_never_written_over(tmp_path: Path, specs: list[Path]) -> None:
    import shutil

    root = Path(__file__).resolve().parents[2]
    templates = tmp_path / "mau"
    templates.mkdir()
    shutil.copy(root / "docgen" / "templates" / "ke-hoach.docx", templates / "ke-hoach.docx")
    before = (templates / "ke-hoach.docx").read_bytes()
    with pytest.raises(RenderError, match="cũng là tệp đầu vào"):
        list(render_specs(specs[:1], templates, force=True, pdf=False, templates_dir=templates))
    assert (templates / "ke-hoach.docx").read_bytes() == before
