"""The two real seed drafts, checked as .txt: FMT/STR findings land on the lines verified by
reading the seeds, and no FMT/STR finding at warning or above lands anywhere else."""

from __future__ import annotations

from pathlib import Path

from docgen.check.config import CheckConfig
from docgen.check.inputs import read_draft
from docgen.check.model import Finding, Severity
from docgen.check.runner import check_draft

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "drafts" / "seeds"  # copies of ../shared/seeds: CI clones the repo alone


def _check(name: str) -> list[Finding]:
    (path,) = SEEDS.glob(f"{name}-*.txt")
    return check_draft(read_draft(str(path)), CheckConfig(select=("FMT", "STR")))


def _serious(findings: list[Finding]) -> set[tuple[int, str]]:
    return {(f.line, f.code) for f in findings if f.severity.rank >= Severity.WARNING.rank}


def test_seed_001_cong_van() -> None:
    found = _check("001")
    # "**Số 1357/UBND-KGVX**" (line 9) and "- Lưu VT, KGVX." (line 119) lack their colons.
    assert _serious(found) == {(9, "FMT001"), (119, "FMT018")}
    by_code = {(f.line, f.column, f.code): f for f in found}
    assert (9, 3, "FMT001") in by_code
    assert (119, 3, "FMT018") in by_code
    # "CỘNG HOÀ" is only information: the decree itself spells it both ways.
    hoa = by_code[(6, 8, "FMT012")]
    assert hoa.severity is Severity.INFO and hoa.text == "HOÀ"


def test_seed_000_ke_hoach() -> None:
    found = _check("000")
    # "- Lưu: VT, VX HN ." (line 80): a space before the final period.
    assert _serious(found) == {(80, "FMT021")}
    where = {(f.line, f.column, f.code) for f in found}
    assert (80, 17, "FMT021") in where
    assert (97, 17, "FMT027") in where  # "Thông tư số  25/2023/TT-BGDĐT"
    assert (97, 36, "FMT029") in where  # "n gày"
    assert (55, 21, "FMT028") in where  # "Cục Thống kê tỉnh :"


def test_seed_000_headings_and_footnotes_are_consistent() -> None:
    found = [f for f in _check("000") if f.code.startswith("STR")]
    assert found == []


def test_seed_000_fixed_text_keeps_everything_else(tmp_path: Path) -> None:
    from docgen.check.fixes import fix_draft

    (src,) = SEEDS.glob("000-*.txt")
    copy = tmp_path / "ke-hoach.txt"
    copy.write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    draft = read_draft(str(copy))
    outcome = fix_draft(draft, check_draft(draft, CheckConfig(select=("FMT", "STR"))))
    fixed = Path(outcome.output or "").read_text(encoding="utf-8").split("\n")
    assert fixed[79] == "- Lưu: VT, VX HN."
    assert fixed[54].startswith("6. Cục Thống kê tỉnh: Chủ trì")
    assert "Thông tư số 25/2023/TT-BGDĐT n gày" in fixed[96]  # split word: not a safe fix
    assert len(fixed) == len(draft.text.split("\n"))


def test_rendered_plans_are_clean_for_str_and_fmt(tmp_path: Path) -> None:
    """docgen's own NĐ30 output (every plan, .docx) gets no STR/FMT finding: the styling rules
    read real Word formatting here, so a false positive in them shows up."""
    from docgen.check.runner import check_paths
    from docgen.render.api import render_specs

    plans = sorted((Path(__file__).resolve().parents[2] / "plans").glob("*.yaml"))
    assert plans
    list(render_specs(plans, tmp_path, pdf=False))
    result = check_paths([str(tmp_path)], CheckConfig(select=("FMT", "STR")))
    assert result.errors == []
    assert result.files == len(plans)
    assert [(Path(f.path).name, f.line, f.code, f.message) for f in result] == []


CORRECT_CONG_VAN = """ỦY BAN NHÂN DÂN
TỈNH CAO BẰNG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 05/UBND-VX
V/v tổ chức đánh giá “Cộng đồng học tập” cấp xã năm 2024
Cao Bằng, ngày 05 tháng 02 năm 2025
Kính gửi:
- Sở Giáo dục và Đào tạo;
- Ủy ban nhân dân các huyện, thành phố.
Thực hiện Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023 của Bộ trưởng Bộ Giáo dục và Đào tạo, Ủy ban nhân dân tỉnh đề nghị các đơn vị thực hiện một số nội dung sau:
I. NỘI DUNG
1. Đánh giá theo điểm a, b, c hoặc d khoản 1 Điều 8; số lượng xã đạt chuẩn: 120/150 xã.
2. Hoàn thành trước ngày 31 tháng 5 năm 2025; đến ngày 5 tháng 3 năm 2025 gửi báo cáo sơ bộ.
a) Cấp xã: tự đánh giá, lập hồ sơ;
b) Cấp huyện: thẩm định;
c) Cấp tỉnh: tổng hợp...
II. TỔ CHỨC THỰC HIỆN
Giao Sở Giáo dục và Đào tạo chủ trì, phối hợp với Sở Văn hóa, Thể thao và Du lịch, Hội Khuyến học tỉnh theo dõi, đôn đốc; tỷ lệ tăng 1.5 lần so với năm 2023 [1]./.
Nơi nhận:
- Như trên;
- Chủ tịch, các PCT UBND tỉnh (b/c);
- Lưu: VT, VX.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn A
[1] Theo báo cáo số 12/BC-SGDĐT ngày 10/01/2025 của Sở Giáo dục và Đào tạo.
"""


def test_a_correct_cong_van_has_no_str_or_fmt_finding(tmp_path: Path) -> None:
    path = tmp_path / "cong-van.txt"
    path.write_text(CORRECT_CONG_VAN, encoding="utf-8")
    found = check_draft(read_draft(str(path)), CheckConfig(select=("FMT", "STR")))
    assert [(f.line, f.code, f.message) for f in found] == []
