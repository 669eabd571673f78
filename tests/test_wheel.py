"""An install that works anywhere (issue 14): the wheel carries the templates and the law data.

The wheel is built from the sources, installed into a fresh virtual environment outside the
repository (its dependencies are the test environment's own, reached through a .pth file, so
nothing is downloaded), and used from a folder outside the repository: one document of every
kind rendered, a draft checked, a dossier built, the templates exported.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PLANS = sorted((ROOT / "plans").glob("*.yaml"))


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin folder of a fresh environment holding only the built wheel of docgen."""
    base = tmp_path_factory.mktemp("wheel")
    source = base / "src"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".venv", ".git", "out", "tests", "bench", "build", "*.egg-info",
                                                                "__pycache__", ".mypy_cache", ".pytest_cache", ".hypothesis"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(base / "dist"), str(source)],
                   check=True, capture_output=True, timeout=600)
    (wheel,) = (base / "dist").glob("docgen-*.whl")
    env_dir = base / "env"
    venv.create(env_dir, with_pip=True)
    site = Path(subprocess.run([str(env_dir / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               check=True, capture_output=True, text=True).stdout.strip())
    # the dependencies: this test environment's packages, after the new environment's own
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    subprocess.run([str(env_dir / "bin" / "python"), "-m", "pip", "install", "--no-deps", "--no-index", "-q", str(wheel)],
                   check=True, capture_output=True, timeout=600)
    return env_dir / "bin"


def run(bin_dir: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run([str(bin_dir / "docgen"), *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=600)


def test_the_installed_docgen_is_the_wheel_not_the_repository(installed: Path, tmp_path: Path) -> None:
    found = subprocess.run([str(installed / "python"), "-c", "import docgen; print(docgen.__file__)"], capture_output=True, text=True,
                           cwd=tmp_path, env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"}, check=True).stdout.strip()
    assert Path(found).is_relative_to(installed.parent), found
    assert not Path(found).is_relative_to(ROOT)


def test_every_kind_renders_from_the_wheel(installed: Path, tmp_path: Path) -> None:
    for spec in PLANS:
        shutil.copy(spec, tmp_path / spec.name)
    result = run(installed, tmp_path, "render", *[p.name for p in PLANS], "-o", "out", "--no-pdf")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").glob("*.docx")) == sorted(f"{p.stem}.docx" for p in PLANS)
    kinds = {line.split(":", 1)[1].strip() for p in PLANS for line in p.read_text(encoding="utf-8").splitlines() if line.startswith("loai:")}
    assert kinds == {"ke-hoach", "cong-van", "to-trinh", "bao-cao", "chuong-trinh-phoi-hop", "quyet-dinh"}


def test_a_draft_is_checked_and_a_dossier_built_from_the_wheel(installed: Path, tmp_path: Path) -> None:
    draft = tmp_path / "du-thao.txt"
    draft.write_text("Căn cứ Thông tư số 25/2023/TT-BGDĐT ngày 20/12/2023 của Bộ trưởng Bộ Giáo dục và Đào tạo.\n", encoding="utf-8")
    checked = run(installed, tmp_path, "check", "du-thao.txt")
    assert checked.returncode == 1 and "REF002" in checked.stdout, checked.stdout + checked.stderr
    shutil.copy(ROOT / "ho-so" / "xa-tan-lap-2025.yaml", tmp_path / "xa.yaml")
    dossier = run(installed, tmp_path, "dossier", "xa.yaml", "-o", "ho-so", "--no-pdf")
    assert dossier.returncode == 0, dossier.stderr
    assert len(list((tmp_path / "ho-so").glob("*.docx"))) == 3


def test_templates_export_from_the_wheel(installed: Path, tmp_path: Path) -> None:
    result = run(installed, tmp_path, "templates", "export", "mau")
    assert result.returncode == 0, result.stderr
    assert {p.name for p in (tmp_path / "mau").glob("*.docx")} == {p.name for p in (ROOT / "docgen" / "templates").glob("*.docx")}
