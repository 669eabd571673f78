"""Render checks itself (issue 12): what `check` would reject is not written by `render`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from docgen.render.api import render_document
from docgen.selfcheck import check_rendered
from docgen.spec.loader import load_spec

ROOT = Path(__file__).resolve().parents[2]
PLANS = sorted((ROOT / "plans").glob("*.yaml"))

SPEC = """\
loai: ke-hoach
co_quan:
  - ten: ỦY BAN NHÂN DÂN XÃ TÂN LẬP
    viet_tat: UBND
so: 12
ky_hieu: KH-UBND
dia_danh: Tân Lập
ngay: 15/04/2025
trich_yeu: Xây dựng “Cộng đồng học tập” cấp xã năm 2025
can_cu:
  - dan: Căn cứ
    noi_dung: Thông tư số 25/2023/TT-BGDĐT ngày {date} của Bộ trưởng Bộ Giáo dục và Đào tạo
noi_dung:
  - tieu_de: Tổ chức thực hiện
    doan:
      - Ủy ban nhân dân xã gửi hồ sơ đề nghị công nhận “Cộng đồng học tập” cấp xã về Ủy ban nhân dân huyện trước ngày {due}.
nguoi_ky:
  tm: ỦY BAN NHÂN DÂN
  chuc_vu: CHỦ TỊCH
  ho_ten: Nguyễn Văn B
noi_nhan:
  - UBND huyện
luu: {luu}
"""


def _spec(tmp_path: Path, *, date: str = "27/12/2023", due: str = "28/02/2026", luu: str = "VT, VHXH") -> Path:
    path = tmp_path / "ke-hoach.yaml"
    path.write_text(SPEC.format(date=date, due=due, luu=luu), encoding="utf-8")
    return path


def _render(tmp_path: Path, spec: Path, *extra: str) -> tuple[int, str]:
    """The real command line (its error boundary prints docgen's messages on stderr)."""
    run = subprocess.run(
        [sys.executable, "-c", "from docgen.cli import main; main()", "render", str(spec), "-o", str(tmp_path / "out"), "--no-pdf", *extra],
        capture_output=True, text=True, cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=300,
    )
    assert "Traceback" not in run.stderr
    return run.returncode, run.stdout + run.stderr


def test_errors_in_the_spec_stop_the_render_and_nothing_is_written(tmp_path: Path) -> None:
    spec = _spec(tmp_path, date="20/12/2023", due="31/3/2026")
    code, output = _render(tmp_path, spec)
    assert code == 1
    assert "không ghi tệp nào" in output and "--no-check" in output
    assert f"{spec}:12:" in output and "REF002" in output  # the wrong date of TT25, at the spec's line
    assert f"{spec}:16:" in output and "DL002" in output and "28/02/2026" in output  # the illegal deadline
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


def test_no_check_writes_anyway(tmp_path: Path) -> None:
    code, output = _render(tmp_path, _spec(tmp_path, date="20/12/2023"), "--no-check")
    assert code == 0, output
    assert (tmp_path / "out" / "ke-hoach.docx").is_file()


def test_warnings_are_printed_and_the_file_written(tmp_path: Path) -> None:
    code, output = _render(tmp_path, _spec(tmp_path, luu="VT"))
    assert code == 0, output
    assert "FMT019" in output and "cảnh báo" in output  # "Lưu" without the drafting unit
    assert (tmp_path / "out" / "ke-hoach.docx").is_file()


def test_a_correct_spec_renders_silently(tmp_path: Path) -> None:
    code, output = _render(tmp_path, _spec(tmp_path))
    assert code == 0
    assert output.strip() == f"đã ghi {tmp_path / 'out' / 'ke-hoach.docx'}"


@pytest.mark.parametrize("spec", PLANS, ids=lambda p: p.stem)
def test_every_example_renders_with_no_finding_at_warning_level(spec: Path, tmp_path: Path) -> None:
    result = check_rendered(spec, render_document(load_spec(spec)), tmp_path / f"{spec.stem}.docx")
    assert [(f.code, f.message) for f in result.errors + result.others if f.severity.value != "info"] == []


@pytest.mark.parametrize("draft", [False, True])
def test_an_issued_document_names_its_signer(tmp_path: Path, draft: bool) -> None:
    spec = _spec(tmp_path)
    text = spec.read_text(encoding="utf-8").replace("ho_ten: Nguyễn Văn B", 'ho_ten: ""')
    spec.write_text(text + ("du_thao: true\n" if draft else ""), encoding="utf-8")
    code, output = _render(tmp_path, spec)
    if draft:
        assert code == 0, output
    else:
        assert code == 2
        assert f"{spec}:20:" in output and "nguoi_ky.ho_ten" in output and "du_thao: true" in output


def test_dossier_prints_what_the_check_finds_in_its_documents(tmp_path: Path) -> None:
    source = (ROOT / "ho-so" / "xa-tan-lap-2025.yaml").read_text(encoding="utf-8")
    spec = tmp_path / "xa.yaml"
    spec.write_text("\n".join("luu: VT" if line.startswith("luu:") else line for line in source.splitlines()) + "\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-c", "from docgen.cli import main; main()", "dossier", str(spec), "-o", str(tmp_path / "out"), "--no-pdf"],
        capture_output=True, text=True, cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=300,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.count("FMT019") == 3  # the Tờ trình, the báo cáo and the bản tổng hợp
    assert len(list((tmp_path / "out").glob("*.docx"))) == 3


def test_a_long_trich_yeu_renders_whole(tmp_path: Path) -> None:
    """A trích yếu over Word's 255-character title property crashed render (exit 3)."""
    long = "Xây dựng “Cộng đồng học tập” cấp xã năm 2025 " + "gắn với phong trào khuyến học, khuyến tài, xây dựng xã hội học tập " * 5
    spec = _spec(tmp_path)
    spec.write_text(spec.read_text(encoding="utf-8").replace("trich_yeu: Xây dựng “Cộng đồng học tập” cấp xã năm 2025", f"trich_yeu: {long.strip()}"), encoding="utf-8")
    code, output = _render(tmp_path, spec)
    assert code == 0, output
    import docx

    document = docx.Document(str(tmp_path / "out" / "ke-hoach.docx"))
    assert long.strip() in " ".join(p.text for p in document.paragraphs)
    assert len(document.core_properties.title) <= 255 and document.core_properties.title.endswith("…")
