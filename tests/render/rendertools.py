"""Test helpers for tests/render: small spec documents (YAML aliases) and .docx XML readers.

Not a conftest.py: other test directories have their own, and a unique module name avoids clashes.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def plan_data() -> dict[str, Any]:
    """A Kế hoạch with targets (auto and explicit footnotes), assignments, bullets and a table."""
    return {
        "loai": "ke-hoach",
        "co_quan": [{"ten": "Ủy ban nhân dân\ntỉnh Cao Bằng", "viet_tat": "UBND"}],
        "dia_danh": "Cao Bằng",
        "ngay": "05/02/2025",
        "so": "7",
        "trich_yeu": "Triển khai xây dựng, tổ chức đánh giá, công nhận “Cộng đồng học tập” cấp xã, huyện, tỉnh trên địa bàn tỉnh Cao Bằng",
        "can_cu": [
            {"van_ban": "25/2023/TT-BGDĐT", "dan": "Thực hiện", "viet_tat": "Thông tư số 25/2023/TT-BGDĐT"},
            {"noi_dung": "Kế hoạch số 3727/KH-UBND ngày 31/12/2021 của Ủy ban nhân dân tỉnh", "dan": "Căn cứ"},
        ],
        "mo_dau": "UBND tỉnh xây dựng Kế hoạch triển khai như sau:",
        "noi_dung": [
            {
                "tieu_de": "Mục đích, yêu cầu",
                "muc": [
                    {"tieu_de": "Mục đích", "y": ["Tăng cường sự lãnh đạo của các cấp ủy Đảng.", "Tạo cơ hội học tập công bằng[^cb]."]},
                    {"tieu_de": "Yêu cầu", "doan": ["Bảo đảm thực chất, nghiêm túc, khách quan."]},
                ],
            },
            {
                "tieu_de": "Mục tiêu",
                "vai_tro": "muc-tieu",
                "muc": [
                    {
                        "tieu_de": "Đối với cấp xã",
                        "muc_tieu": [
                            {"cap": "xa", "muc_do": 1, "loai": "xay-dung", "nam": 2025},
                            {"cap": "xa", "muc_do": 1, "han": "03/2026", "ty_le": 90},
                            {"cap": "xa", "muc_do": 2, "han": "03/2029", "ty_le": 90, "chu_thich": "Chú thích riêng của mục tiêu này."},
                        ],
                    },
                    {
                        "tieu_de": "Đối với cấp tỉnh",
                        "muc_tieu": [{"cap": "tinh", "muc_do": 1, "han": "12/2026"}],
                    },
                ],
            },
            {
                "tieu_de": "Tổ chức thực hiện",
                "vai_tro": "to-chuc-thuc-hien",
                "phan_cong": [
                    {"don_vi": "Sở Giáo dục và Đào tạo", "nhiem_vu": ["Chủ trì tham mưu tổ chức thực hiện Kế hoạch.", "Tổng hợp, báo cáo kết quả"]},
                    {"don_vi": "Hội Khuyến học tỉnh", "nhiem_vu": ["Chủ trì hướng dẫn thực hiện tiêu chí “Công dân học tập”."]},
                ],
                "bang_nhiem_vu": [
                    {"noi_dung": "Rà soát các tiêu chí", "chu_tri": "Sở Giáo dục và Đào tạo", "phoi_hop": "UBND các huyện", "thoi_gian": "Quý I/2025"},
                    {"noi_dung": "Tổ chức đánh giá", "chu_tri": "UBND cấp xã", "thoi_gian": "Trước 28/02/2026"},
                ],
            },
        ],
        "ket_thuc": "Trên đây là Kế hoạch triển khai xây dựng “Cộng đồng học tập” trên địa bàn tỉnh Cao Bằng./.",
        "chu_thich": {"cb": "Đề án “Xây dựng xã hội học tập giai đoạn 2021 - 2030”."},
        "nguoi_ky": {"kt": "Chủ tịch", "chuc_vu": "Phó Chủ tịch", "ho_ten": "Trịnh Trường Huy"},
        "noi_nhan": ["Bộ Giáo dục và Đào tạo (b/c);", "Thường trực Tỉnh ủy (b/c)"],
        "luu": "VT, VX",
    }


def letter_data() -> dict[str, Any]:
    """A công văn with several Kính gửi recipients and a draft (blank) number."""
    return {
        "loai": "cong-van",
        "co_quan": [{"ten": "Ủy ban nhân dân\ntỉnh Thái Bình", "viet_tat": "UBND"}],
        "ky_hieu": "UBND-KGVX",
        "du_thao": True,
        "dia_danh": "Thái Bình",
        "ngay": "15/04/2024",
        "trich_yeu": "triển khai thực hiện Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023 của Bộ Giáo dục và Đào tạo",
        "kinh_gui": ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Các sở, ban, ngành tỉnh", "Ủy ban nhân dân huyện, thành phố"],
        "can_cu": [{"van_ban": "25/2023/TT-BGDĐT"}],
        "mo_dau": "Ủy ban nhân dân tỉnh chỉ đạo như sau:",
        "noi_dung": [
            {
                "tieu_de": "Mục tiêu phấn đấu",
                "muc": [{"tieu_de": "Đối với cấp xã", "muc_tieu": [{"cap": "xa", "muc_do": 1, "han": "03/2025", "ty_le": 90}]}],
            },
            {"tieu_de": "Nhiệm vụ cụ thể", "phan_cong": [{"don_vi": "Sở Tài chính", "nhiem_vu": ["Bố trí kinh phí thực hiện."]}]},
        ],
        "ket_thuc": "Nhận Công văn này, yêu cầu các đơn vị triển khai thực hiện./.",
        "nguoi_ky": {"tm": "Ủy ban nhân dân", "kt": "Chủ tịch", "chuc_vu": "Phó Chủ tịch", "ho_ten": "Nguyễn Quang Hưng"},
        "noi_nhan": ["Bộ Giáo dục và Đào tạo"],
        "luu": "VT, KGVX",
    }


def joint_data() -> dict[str, Any]:
    """A Chương trình phối hợp of two issuers, two signers."""
    return {
        "loai": "chuong-trinh-phoi-hop",
        "co_quan": [
            {"chu_quan": "UBND tỉnh Cao Bằng", "ten": "Sở Giáo dục và Đào tạo", "viet_tat": "SGDĐT"},
            {"ten": "Hội Khuyến học tỉnh", "viet_tat": "HKH"},
        ],
        "dia_danh": "Cao Bằng",
        "trich_yeu": "Phối hợp xây dựng xã hội học tập giai đoạn 2025 - 2030",
        "noi_dung": [{"tieu_de": "Nội dung phối hợp", "y": ["Tuyên truyền về học tập suốt đời."]}],
        "nguoi_ky": [
            {"chuc_vu": "Giám đốc", "ho_ten": "Nguyễn Văn A"},
            {"chuc_vu": "Chủ tịch", "ho_ten": "Trần Thị B"},
        ],
        "noi_nhan": ["UBND tỉnh (b/c)"],
        "luu": "VT",
    }


def decision_data() -> dict[str, Any]:
    return {
        "loai": "quyet-dinh",
        "co_quan": [{"ten": "Ủy ban nhân dân\nhuyện Hòa An", "viet_tat": "UBND"}],
        "dia_danh": "Hòa An",
        "ngay": "09/01/2026",
        "so": "12",
        "trich_yeu": "Về việc công nhận “Cộng đồng học tập” cấp xã năm 2025",
        "tham_quyen": "Chủ tịch Ủy ban nhân dân huyện Hòa An",
        "can_cu": [{"noi_dung": "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015"}, {"van_ban": "25/2023/TT-BGDĐT"}],
        "mo_dau": "Theo đề nghị của Trưởng phòng Giáo dục và Đào tạo",
        "noi_dung": [
            {"doan": ["Công nhận 12 xã đạt “Cộng đồng học tập” cấp xã mức độ 1 năm 2025."]},
            {"doan": ["Quyết định này có hiệu lực kể từ ngày ký."]},
        ],
        "nguoi_ky": {"kt": "Chủ tịch", "chuc_vu": "Phó Chủ tịch", "ho_ten": "Lê Văn C"},
        "noi_nhan": ["Như Điều 3", "Sở Giáo dục và Đào tạo"],
        "luu": "VT, GDĐT",
    }


class Docx:
    """The XML parts of a .docx, parsed."""

    def __init__(self, data: bytes) -> None:
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        self.names = set(self.zip.namelist())
        self.document = self.part("word/document.xml")
        self.body = self.document.find(w("body"))

    def part(self, name: str) -> etree._Element:
        return etree.fromstring(self.zip.read(name))

    def has(self, name: str) -> bool:
        return name in self.names

    def paragraphs(self) -> list[etree._Element]:
        return self.body.findall(".//w:p", NS)

    @staticmethod
    def text(el: etree._Element) -> str:
        out = []
        for node in el.iter(w("t"), w("br"), w("tab"), w("footnoteReference"), w("noBreakHyphen")):
            if node.tag == w("t"):
                out.append(node.text or "")
            elif node.tag == w("noBreakHyphen"):
                out.append("-")  # as Word and python-docx read it
            elif node.tag == w("br"):
                out.append("\n")
            elif node.tag == w("tab"):
                out.append("\t")
            else:
                out.append(f"[{node.get(w('id'))}]")
        return "".join(out)

    def style_of(self, p: etree._Element) -> str | None:
        style = p.find("w:pPr/w:pStyle", NS)
        return None if style is None else style.get(w("val"))


class Styles:
    """Effective run and paragraph properties: direct → style chain (basedOn) → defaults."""

    def __init__(self, styles: etree._Element) -> None:
        self.by_id = {s.get(w("styleId")): s for s in styles.findall("w:style", NS)}
        self.defaults = styles.find("w:docDefaults", NS)

    def chain(self, style_id: str | None) -> list[etree._Element]:
        out = []
        while style_id and style_id in self.by_id:
            style = self.by_id[style_id]
            out.append(style)
            based = style.find("w:basedOn", NS)
            style_id = None if based is None else based.get(w("val"))
        return out

    def run_prop(self, p: etree._Element, r: etree._Element, tag: str) -> etree._Element | None:
        found = r.find(f"w:rPr/w:{tag}", NS)
        if found is not None:
            return found
        rstyle = r.find("w:rPr/w:rStyle", NS)
        for style in self.chain(None if rstyle is None else rstyle.get(w("val"))):
            found = style.find(f"w:rPr/w:{tag}", NS)
            if found is not None:
                return found
        pstyle = p.find("w:pPr/w:pStyle", NS)
        for style in self.chain(None if pstyle is None else pstyle.get(w("val"))):
            found = style.find(f"w:rPr/w:{tag}", NS)
            if found is not None:
                return found
        return self.defaults.find(f"w:rPrDefault/w:rPr/w:{tag}", NS)

    def para_prop(self, p: etree._Element, path: str) -> etree._Element | None:
        found = p.find(f"w:pPr/{path}", NS)
        if found is not None:
            return found
        pstyle = p.find("w:pPr/w:pStyle", NS)
        for style in self.chain(None if pstyle is None else pstyle.get(w("val"))):
            found = style.find(f"w:pPr/{path}", NS)
            if found is not None:
                return found
        return self.defaults.find(f"w:pPrDefault/w:pPr/{path}", NS)

    def size(self, p: etree._Element, r: etree._Element) -> float:
        return int(self.run_prop(p, r, "sz").get(w("val"))) / 2

    def on(self, p: etree._Element, r: etree._Element, tag: str) -> bool:
        el = self.run_prop(p, r, tag)
        return el is not None and el.get(w("val"), "true") not in ("0", "false")


def text_runs(p: etree._Element) -> list[etree._Element]:
    return [r for r in p.findall("w:r", NS) if "".join(t.text or "" for t in r.findall("w:t", NS)).strip()]


def twips_mm(value: int | str) -> float:
    return int(value) * 25.4 / 1440


# ---------------------------------------------------------------- seeds reproduced as examples


def flat(text: str) -> str:
    """NFC, blanks collapsed: how a seed line and a rendered paragraph are compared."""
    import unicodedata

    return " ".join(unicodedata.normalize("NFC", text).split())


def seed_lines(seed: Path) -> list[str]:
    """The non-empty lines of a seed text, flattened."""
    return [flat(line) for line in seed.read_text(encoding="utf-8").splitlines() if line.strip()]


def rendered_lines(plan: Path) -> list[str]:
    """The non-empty paragraphs of the example rendered from ``plan``, flattened."""
    from docgen.render.docx import render_document
    from docgen.spec.loader import load_spec

    docx = Docx(render_document(load_spec(plan)))
    return [flat(Docx.text(p)) for p in docx.paragraphs() if flat(Docx.text(p))]


def seed_coverage(texts: list[str], counted: list[str], mistakes: list[tuple[str, str]]) -> tuple[float, list[str]]:
    """Share of the ``counted`` seed lines found in the rendered ``texts`` once the seed's own
    ``mistakes`` are corrected (a mistake may end a line), and the lines not found."""
    whole = " ".join(texts)
    missing = []
    for line in counted:
        fixed = line + " "
        for wrong, right in mistakes:
            fixed = fixed.replace(wrong, right)
        if fixed.strip() not in whole:
            missing.append(line)
    return 1 - len(missing) / len(counted), missing


def covered(label: str, texts: list[str], counted: list[str], mistakes: list[tuple[str, str]], total: int, capsys: Any) -> tuple[float, list[str]]:
    """:func:`seed_coverage`, its figure printed ("seed 003 → plans/…: 100.0 % of …") with the
    lines not found, for the seed tests' closing notes."""
    share, missing = seed_coverage(texts, counted, mistakes)
    with capsys.disabled():
        print(f"\n{label}: {share:.1%} of {len(counted)} counted lines of {total} ({len(missing)} missing)")
        for line in missing:
            print("   thiếu:", line)
    return share, missing
