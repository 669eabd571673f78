"""Issue 14, item 5: an office's defaults in docgen.toml ([mac_dinh]); a spec's own values win."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.check.config import load_config
from docgen.cli import cli
from docgen.errors import UsageError
from docgen.spec.loader import load_spec, load_spec_text
from docgen.spec.office import load_office_defaults, office_templates
from docgen.spec.starter import starter_spec

ROOT = Path(__file__).resolve().parents[2]

COMMUNE = """\
fail-on = "warning"

[mac_dinh]
dia_danh = "Yên Phong"
kinh_gui = ["Ủy ban nhân dân huyện Yên Mô"]
noi_nhan = ["Phòng Giáo dục và Đào tạo huyện", "Đảng ủy, HĐND xã"]
luu = "VT, VHXH"

[[mac_dinh.co_quan]]
ten = "ỦY BAN NHÂN DÂN\\nXÃ YÊN PHONG"
viet_tat = "UBND"

[mac_dinh.nguoi_ky]
tm = "ỦY BAN NHÂN DÂN"
chuc_vu = "CHỦ TỊCH"
ho_ten = "Nguyễn Văn An"
"""

BARE = """\
loai: {kind}
trich_yeu: Xây dựng “Cộng đồng học tập” cấp xã năm 2025
noi_dung:
  - tieu_de: MỤC ĐÍCH, YÊU CẦU
    y:
      - Triển khai xây dựng xã hội học tập trên địa bàn xã.
ket_thuc: Trên đây là văn bản của Ủy ban nhân dân xã./.
"""


def _office(tmp: Path, toml: str = COMMUNE) -> Path:
    (tmp / "docgen.toml").write_text(toml, encoding="utf-8")
    folder = tmp / "ke-hoach" / "2025"
    folder.mkdir(parents=True)
    return folder


def test_defaults_fill_a_spec_found_upward(tmp_path: Path) -> None:
    spec = _office(tmp_path) / "kh.yaml"
    spec.write_text(BARE.format(kind="ke-hoach"), encoding="utf-8")
    doc = load_spec(spec)
    assert doc.place == "Yên Phong"
    assert [i.name for i in doc.issuers] == ["ỦY BAN NHÂN DÂN\nXÃ YÊN PHONG"]
    assert [(s.tm, s.position, s.name) for s in doc.signers] == [("ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn An")]
    assert doc.distribution == ["Phòng Giáo dục và Đào tạo huyện", "Đảng ủy, HĐND xã"]
    assert doc.archive == "VT, VHXH"
    assert doc.recipients == []  # a Kế hoạch has no “Kính gửi”


def test_kinh_gui_fills_an_addressed_kind(tmp_path: Path) -> None:
    spec = _office(tmp_path) / "cv.yaml"
    spec.write_text(BARE.format(kind="cong-van"), encoding="utf-8")
    assert load_spec(spec).recipients == ["Ủy ban nhân dân huyện Yên Mô"]


def test_the_specs_own_values_win_and_blank_keys_are_filled(tmp_path: Path) -> None:
    spec = _office(tmp_path) / "kh.yaml"
    spec.write_text(BARE.format(kind="ke-hoach") + "dia_danh: Ninh Bình\nnoi_nhan:\n  - Chỉ một nơi\nluu:\n", encoding="utf-8")
    doc = load_spec(spec)
    assert doc.place == "Ninh Bình"
    assert doc.distribution == ["Chỉ một nơi"]  # replaced, not merged
    assert doc.archive == "VT, VHXH"  # "luu:" left blank


def test_without_settings_a_spec_missing_keys_is_still_an_error(tmp_path: Path) -> None:
    from docgen.errors import SpecError

    spec = tmp_path / "kh.yaml"
    spec.write_text(BARE.format(kind="ke-hoach"), encoding="utf-8")
    with pytest.raises(SpecError) as err:
        load_spec(spec)
    assert "dia_danh: thiếu khóa bắt buộc" in str(err.value)


def test_config_names_another_file(tmp_path: Path) -> None:
    office = tmp_path / "van-phong"
    office.mkdir()
    (office / "cau-hinh.toml").write_text(COMMUNE.replace("Yên Phong", "Khánh Hòa"), encoding="utf-8")
    spec = _office(tmp_path) / "kh.yaml"  # a docgen.toml above says Yên Phong
    spec.write_text(BARE.format(kind="ke-hoach"), encoding="utf-8")
    assert load_spec(spec, config=office / "cau-hinh.toml").place == "Khánh Hòa"
    assert load_spec(spec).place == "Yên Phong"


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        ('[mac_dinh.nguoi_ky]\nchuc_vu = "CHỦ TỊCH"\n', "“mac_dinh.nguoi_ky.ho_ten” không hợp lệ: thiếu khóa bắt buộc"),
        ('[mac_dinh]\ndia_danhh = "Yên Phong"\n', "khóa không hợp lệ “dia_danhh” trong [mac_dinh] — có phải ý bạn là “dia_danh”?"),
        ('[mac_dinh]\nnoi_nhan = "Đảng ủy xã"\n', "“mac_dinh.noi_nhan” không hợp lệ"),
        ('[mac_dinh]\nthu_muc_mau = "khong-co"\n', "không có thư mục mẫu"),
    ],
)
def test_bad_defaults_name_the_file_and_key(tmp_path: Path, table: str, expected: str) -> None:
    spec = _office(tmp_path, table) / "kh.yaml"
    spec.write_text(BARE.format(kind="ke-hoach"), encoding="utf-8")
    with pytest.raises(UsageError) as err:
        load_spec(spec)
    assert str(err.value).startswith(str(tmp_path / "docgen.toml"))
    assert expected in str(err.value)


def test_render_reports_bad_defaults_with_exit_2(tmp_path: Path) -> None:
    import subprocess
    import sys

    spec = _office(tmp_path, '[mac_dinh.nguoi_ky]\nchuc_vu = "CHỦ TỊCH"\n') / "kh.yaml"
    spec.write_text(BARE.format(kind="ke-hoach"), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "docgen.cli", "render", str(spec), "-o", str(tmp_path / "out"), "--no-pdf"],
                          capture_output=True, text=True, cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 2
    assert "docgen.toml" in proc.stderr and "ho_ten" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "out").exists()


def test_checker_settings_live_beside_the_defaults(tmp_path: Path) -> None:
    _office(tmp_path)
    config = load_config(tmp_path)
    assert config.fail_on.value == "warning"
    assert config.source == str(tmp_path / "docgen.toml")
    explicit = load_config(Path("/"), config=tmp_path / "docgen.toml")
    assert explicit.fail_on.value == "warning"


def test_new_fills_the_starter_and_it_loads(tmp_path: Path) -> None:
    _office(tmp_path)
    for kind in ("ke-hoach", "cong-van", "to-trinh", "bao-cao", "quyet-dinh", "chuong-trinh-phoi-hop"):
        text = starter_spec(kind, load_office_defaults(tmp_path))
        doc = load_spec_text(text, f"{kind}.yaml")
        assert doc.place == "Yên Phong", kind
        assert doc.archive == "VT, VHXH", kind
        if kind == "chuong-trinh-phoi-hop":  # two issuers needed: the one office issuer does not fit
            assert len(doc.issuers) == 2
            continue
        assert [i.name for i in doc.issuers] == ["ỦY BAN NHÂN DÂN\nXÃ YÊN PHONG"], kind
        assert doc.signers[0].name == "Nguyễn Văn An", kind
        assert "Đảng ủy, HĐND xã" in doc.distribution
        assert doc.symbol in ("UBND-VHXH", "KH-UBND", "TTr-UBND", "BC-UBND", "QĐ-UBND"), (kind, doc.symbol)
    assert load_spec_text(starter_spec("cong-van", load_office_defaults(tmp_path)), "cv.yaml").recipients == [
        "Ủy ban nhân dân huyện Yên Mô"]
    assert starter_spec("ke-hoach", load_office_defaults(tmp_path / "khong-co-gi")) != starter_spec("ke-hoach")


def test_cli_new_reads_config_from_cwd_or_option(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _office(tmp_path)
    monkeypatch.chdir(tmp_path / "ke-hoach")
    found = CliRunner().invoke(cli, ["new", "ke-hoach"])
    assert found.exit_code == 0 and "dia_danh: Yên Phong" in found.output
    elsewhere = tmp_path.parent / f"{tmp_path.name}-khac"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    plain = CliRunner().invoke(cli, ["new", "ke-hoach"])
    assert "dia_danh: Cao Bằng" in plain.output
    named = CliRunner().invoke(cli, ["new", "ke-hoach", "--config", str(tmp_path / "docgen.toml")])
    assert "dia_danh: Yên Phong" in named.output


def test_templates_folder_is_used_by_render(tmp_path: Path) -> None:
    (tmp_path / "mau").mkdir()
    spec = _office(tmp_path, COMMUNE.replace('luu = "VT, VHXH"', 'luu = "VT, VHXH"\nthu_muc_mau = "mau"')) / "kh.yaml"
    spec.write_text(BARE.format(kind="ke-hoach"), encoding="utf-8")
    assert office_templates([spec]) == (tmp_path / "mau").resolve()
    # an empty templates folder: render must look there, so it cannot find ke-hoach.docx
    empty = CliRunner().invoke(cli, ["render", str(spec), "-o", str(tmp_path / "out"), "--no-pdf"])
    assert empty.exit_code != 0 and str(tmp_path / "mau") in str(empty.exception)
    shutil.copyfile(ROOT / "docgen" / "templates" / "ke-hoach.docx", tmp_path / "mau" / "ke-hoach.docx")
    ok = CliRunner().invoke(cli, ["render", str(spec), "-o", str(tmp_path / "out"), "--no-pdf"])
    assert ok.exit_code == 0, ok.output
    assert (tmp_path / "out" / "kh.docx").is_file()


def test_the_commune_example_in_the_docs_is_valid(tmp_path: Path) -> None:
    docs = (ROOT / "docs" / "spec.md").read_text(encoding="utf-8")
    block = re.search(r"```toml\n(# docgen.toml của UBND xã.*?)```", docs, re.S)
    assert block is not None
    (tmp_path / "mau").mkdir()
    spec = _office(tmp_path, block.group(1)) / "cv.yaml"
    spec.write_text(BARE.format(kind="cong-van"), encoding="utf-8")
    doc = load_spec(spec)
    assert doc.place == "Yên Phong" and doc.signers[0].name == "Nguyễn Văn An"
    assert doc.recipients == ["Ủy ban nhân dân huyện Yên Mô"]


def test_a_joint_office_fills_the_joint_starter_only(tmp_path: Path) -> None:
    joint = """\
[mac_dinh]
dia_danh = "Yên Phong"

[[mac_dinh.co_quan]]
ten = "ỦY BAN NHÂN DÂN\\nXÃ YÊN PHONG"
viet_tat = "UBND"

[[mac_dinh.co_quan]]
ten = "HỘI KHUYẾN HỌC\\nXÃ YÊN PHONG"
viet_tat = "HKH"

[[mac_dinh.nguoi_ky]]
tm = "ỦY BAN NHÂN DÂN"
chuc_vu = "CHỦ TỊCH"
ho_ten = "Nguyễn Văn An"

[[mac_dinh.nguoi_ky]]
tm = "HỘI KHUYẾN HỌC"
chuc_vu = "CHỦ TỊCH"
ho_ten = "Lê Thị Bình"
"""
    _office(tmp_path, joint)
    defaults = load_office_defaults(tmp_path)
    ctph = load_spec_text(starter_spec("chuong-trinh-phoi-hop", defaults), "ctph.yaml")
    assert [i.abbrev for i in ctph.issuers] == ["UBND", "HKH"]
    assert [s.name for s in ctph.signers] == ["Nguyễn Văn An", "Lê Thị Bình"]
    assert ctph.symbol == "CTr-UBND-HKH"
    plan = load_spec_text(starter_spec("ke-hoach", defaults), "kh.yaml")
    assert [i.abbrev for i in plan.issuers] == ["SGDĐT"]  # two issuers do not fit a plan: the example stays
    assert plan.place == "Yên Phong"


def test_render_and_check_read_the_config_named_on_the_command_line(tmp_path: Path) -> None:
    """`render --config` and `check --config` load a spec with the same defaults, so the document
    render checks before writing is the one it writes (a spec that has no co_quan of its own)."""
    import subprocess
    import sys

    office = tmp_path / "van-phong"
    office.mkdir()
    (office / "cau-hinh.toml").write_text(COMMUNE.replace("Yên Phong", "Khánh Hòa"), encoding="utf-8")
    elsewhere = tmp_path / "rieng"
    elsewhere.mkdir()
    spec = elsewhere / "kh.yaml"  # no docgen.toml above it: without --config it lacks co_quan …
    spec.write_text(BARE.format(kind="ke-hoach"), encoding="utf-8")

    def docgen(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-c", "from docgen.cli import main; main()", *args], capture_output=True, text=True,
                              cwd=tmp_path, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}, timeout=300)

    assert docgen("render", str(spec), "-o", "out", "--no-pdf").returncode == 2
    made = docgen("render", str(spec), "-o", "out", "--no-pdf", "--config", str(office / "cau-hinh.toml"))
    assert made.returncode == 0, made.stderr
    import docx

    document = docx.Document(str(tmp_path / "out" / "kh.docx"))
    header = " ".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    assert "Khánh Hòa, ngày" in header and "XÃ YÊN PHONG" in header
    checked = docgen("check", str(spec), "--config", str(office / "cau-hinh.toml"))
    assert checked.returncode in (0, 1) and "co_quan" not in checked.stdout + checked.stderr
