"""NĐ 30/2020/NĐ-CP facts the FMT rules compare against, each with its source and confidence
(from /work/shared/reference/nd30.md; section numbers refer to that file)."""

from __future__ import annotations

from typing import Final

# Tên loại (upper case, as in the title line) → ký hiệu. NĐ30 Phụ lục III Mục I (nd30.md §3; high).
# "THỎA"/"THOẢ", "ỦY"/"UỶ": both tone placements are in use, both are accepted.
DOC_TYPES: Final[dict[str, str]] = {
    "NGHỊ QUYẾT": "NQ",
    "QUYẾT ĐỊNH": "QĐ",
    "CHỈ THỊ": "CT",
    "QUY CHẾ": "QC",
    "QUY ĐỊNH": "QyĐ",
    "THÔNG CÁO": "TC",
    "THÔNG BÁO": "TB",
    "HƯỚNG DẪN": "HD",
    "CHƯƠNG TRÌNH": "CTr",
    "KẾ HOẠCH": "KH",
    "PHƯƠNG ÁN": "PA",
    "ĐỀ ÁN": "ĐA",
    "DỰ ÁN": "DA",
    "BÁO CÁO": "BC",
    "BIÊN BẢN": "BB",
    "TỜ TRÌNH": "TTr",
    "HỢP ĐỒNG": "HĐ",
    "CÔNG ĐIỆN": "CĐ",
    "BẢN GHI NHỚ": "BGN",
    "BẢN THỎA THUẬN": "BTT",
    "BẢN THOẢ THUẬN": "BTT",
    "GIẤY ỦY QUYỀN": "GUQ",
    "GIẤY UỶ QUYỀN": "GUQ",
    "GIẤY MỜI": "GM",
    "GIẤY GIỚI THIỆU": "GGT",
    "GIẤY NGHỈ PHÉP": "GNP",
    "PHIẾU GỬI": "PG",
    "PHIẾU CHUYỂN": "PC",
    "PHIẾU BÁO": "PB",
}
TYPE_ABBREVIATIONS: Final[frozenset[str]] = frozenset(DOC_TYPES.values())

# TT 01/2011/TT-BNV forms replaced by NĐ30 (nd30.md §3 "obsolete_tt01_abbrev"; S6, medium).
OBSOLETE_ABBREVIATIONS: Final[dict[str, str]] = {"GN": "BGN", "TTh": "BTT", "UQ": "GUQ", "NP": "GNP"}

# Quốc hiệu and Tiêu ngữ as NĐ30 Phụ lục I II.1 writes them (nd30.md §2.2 ô 1; high).
QUOC_HIEU: Final = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU_PHRASES: Final[tuple[str, str, str]] = ("Độc lập", "Tự do", "Hạnh phúc")
TIEU_NGU_SEPARATOR: Final = " - "

# Signing-authority prefixes (NĐ30 Điều 13, Phụ lục I II.7.b; nd30.md §2.2 ô 7; high), and the
# wrong forms seen in practice mapped to them (nd30.md §6 SIGN-ABBR).
SIGNER_PREFIXES: Final[frozenset[str]] = frozenset({"TM.", "KT.", "TL.", "TUQ.", "Q."})
SIGNER_PREFIX_FIXES: Final[dict[str, str]] = {
    "K/T": "KT.", "T/M": "TM.", "T/L": "TL.", "T/U/Q": "TUQ.",
    "KT": "KT.", "TM": "TM.", "TL": "TL.", "TUQ": "TUQ.",
    "Kt.": "KT.", "Tm.": "TM.", "Tl.": "TL.", "Tuq.": "TUQ.",
    "kt.": "KT.", "tm.": "TM.", "tl.": "TL.", "tuq.": "TUQ.",
}

# Organisation-name phrases with their NĐ30 Phụ lục II capitalisation (nd30.md §6 CAPS-ORG; S4
# IV.1: capitalise the first letter of the words naming the kind of body and each field).
ORG_PHRASES: Final[tuple[str, ...]] = (
    "Ủy ban nhân dân",
    "Uỷ ban nhân dân",
    "Hội đồng nhân dân",
    "Ủy ban Mặt trận Tổ quốc Việt Nam",
    "Uỷ ban Mặt trận Tổ quốc Việt Nam",
    "Giáo dục và Đào tạo",
    "Văn hóa, Thể thao và Du lịch",
    "Văn hoá, Thể thao và Du lịch",
    "Thông tin và Truyền thông",
    "Lao động - Thương binh và Xã hội",
    "Tài nguyên và Môi trường",
    "Kế hoạch và Đầu tư",
    "Nông nghiệp và Phát triển nông thôn",
    "Khoa học và Công nghệ",
    "Hội Khuyến học",
)

# Page setup, NĐ30 Phụ lục I Phần I (nd30.md §1; high).
A4_TWIPS: Final = (11906, 16838)
MARGINS_MM: Final[dict[str, tuple[float, float]]] = {
    "top": (20, 25), "bottom": (20, 25), "left": (30, 35), "right": (15, 20),
}
FONT: Final = "Times New Roman"
BODY_SIZE_PT: Final = (13.0, 14.0)
FIRST_LINE_INDENT_CM: Final = (1.0, 1.27)
QUOC_HIEU_SIZE_PT: Final = (12.0, 13.0)
TIEU_NGU_SIZE_PT: Final = (13.0, 14.0)
NOI_NHAN_SIZE_PT: Final = 12.0
