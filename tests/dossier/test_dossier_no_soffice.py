"""`docgen dossier` without LibreOffice: the .docx written and kept, a message saying how to get the
PDFs, exit 1 (a partial result, as in batch); a re-run accepts the unchanged .docx (issue 9)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from docgen.cli import cli
from docgen.dossier.build import build_dossier
from docgen.errors import RenderError

SpecWriter = Callable[..., Path]


def dossier(spec: Path, out: Path, *flags: str) -> Any:
    return CliRunner().invoke(cli, ["dossier", "-o", str(out), *flags, str(spec)])


def test_no_libreoffice_keeps_the_docx_and_exits_1(
    write_spec: SpecWriter, xa: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("docgen.render.pdf.find_soffice", lambda: None)
    spec, out = write_spec(xa, "xa"), tmp_path / "out"
    first = dossier(spec, out)
    assert first.exit_code == 1, first.output
    assert "đã ghi 3 tệp .docx nhưng chưa có PDF" in first.output
    assert "LibreOffice" in first.output and "chạy lại đúng lệnh này" in first.output
    assert "Traceback" not in first.output
    written = sorted(out.iterdir())
    assert [p.suffix for p in written] == [".docx"] * 3
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in written}

    # the same command again: the unchanged .docx are no conflict, still no PDF
    again = dossier(spec, out)
    assert again.exit_code == 1, again.output
    assert again.exception is None or isinstance(again.exception, SystemExit)

    # --no-pdf on the re-run is accepted and leaves the .docx as they are
    docx_only = dossier(spec, out, "--no-pdf")
    assert docx_only.exit_code == 0, docx_only.output
    assert docx_only.output.count("giữ nguyên") == 3
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(out.iterdir())} == before


def test_a_changed_docx_is_still_refused_without_force(
    write_spec: SpecWriter, xa: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("docgen.render.pdf.find_soffice", lambda: None)
    spec, out = write_spec(xa, "xa"), tmp_path / "out"
    assert dossier(spec, out).exit_code == 1
    edited = sorted(out.iterdir())[0]
    edited.write_bytes(b"edited by the clerk")
    refused = dossier(spec, out, "--no-pdf")
    # cli.main (the boundary) turns this RenderError into its message and exit 2
    assert isinstance(refused.exception, RenderError) and "--force" in str(refused.exception)
    assert edited.read_bytes() == b"edited by the clerk"
    forced = dossier(spec, out, "--no-pdf", "--force")
    assert forced.exit_code == 0, forced.output
    assert edited.read_bytes()[:2] == b"PK"


def test_library_result_without_libreoffice(
    write_spec: SpecWriter, xa: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("docgen.render.pdf.find_soffice", lambda: None)
    result = build_dossier(write_spec(xa, "xa"), tmp_path, pdf=True)
    assert result.exit_code == 1 and result.pdf_error is not None
    assert result.pdf == [] and result.merged is None
    assert all(p.is_file() for p in result.docx)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_after_installing_libreoffice_the_same_command_adds_the_pdfs(
    write_spec: SpecWriter, xa: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec, out = write_spec(xa, "xa"), tmp_path / "out"
    with monkeypatch.context() as m:
        m.setattr("docgen.render.pdf.find_soffice", lambda: None)
        assert dossier(spec, out).exit_code == 1
    finished = dossier(spec, out)
    assert finished.exit_code == 0, finished.output
    assert len(list(out.glob("*.pdf"))) == 4  # three documents and the merged dossier
