"""Every regex of ``docgen import``, compiled once, each with a comment and an example.

They match whole paragraphs of an imported document (line content, NFC, Markdown decoration
removed). The checker's own patterns (docgen/check/patterns) find things inside sentences; they
are reused where they fit (tên loại, V/v line, where a trích yếu stops).
"""

from __future__ import annotations

import re
from typing import Final

from docgen.check.patterns import reading as _reading

# A footnote as read_draft writes it after a .docx's body, or as a seed lists them after the
# signature: "[3] Tại khoản 4 Điều 9 của Thông tư 25/2023/TT-BGDĐT …".
FOOTNOTE_LINE: Final = re.compile(r"^\[(\d{1,3})\]\s*(.*)$")
# A line that starts a part of its own: a number, a letter, a bullet, "Điều 3.", "Nơi nhận", a
# signer's authority: never the rest of the line above ("1. Mục đích", "- Tăng cường …").
STARTS_PART: Final = re.compile(
    r"^(?:[IVXLCDM]{1,7}\.\s|\d{1,3}(?:\.\d{1,3})*\.\s|[a-zđ]{1,3}\)\s|[-–+•*]\s?|Điều\s+\d|Nơi\s+nhận|(?:TM|KT|TL|TUQ|Q)\.\s|\[\d)"
)
# "Số: 1357/UBND-KGVX", "Số:      /KH-UBND", "Số 1357/UBND-KGVX" (seed 001 has no colon).
NUMBER_LINE: Final = re.compile(r"^Số\s*:?\s*(?P<so>\d*)\s*/\s*(?P<ky_hieu>\S+)\s*$")
# "Cao Bằng, ngày 22 tháng 4 năm 2024"; a draft leaves blanks: "Cao Bằng, ngày      tháng      năm".
PLACE_DATE: Final = re.compile(r"^(?P<place>[^,]{2,60}),\s*ngày\s*(?P<d>\d*)\s*tháng\s*(?P<m>\d*)\s*năm\s*(?P<y>\d*)\s*$")
# The national heading, "HÒA" or the older "HOÀ": the checker's reading knows both now.
QUOC_HIEU: Final = _reading.QUOC_HIEU
# The motto under it: "Độc lập - Tự do - Hạnh phúc" (template text, not mapped).
MOTTO: Final = re.compile(r"^Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc", re.IGNORECASE)
# "Kính gửi: Ủy ban nhân dân huyện Tam Đảo", or "Kính gửi:" alone with "- …" lines under it.
KINH_GUI: Final = re.compile(r"^Kính\s+gửi\s*:?\s*(?P<rest>.*)$")
# Numbered parts as docgen writes them (render/context.py label()): "IV. …", "Điều 2. …", "3. …",
# "đ) …", and a bullet "- …".
ROMAN: Final = re.compile(r"^(?P<label>[IVXLCDM]{1,7})\.\s+(?P<rest>\S.*)$")
DIEU: Final = re.compile(r"^Điều\s+(?P<label>\d{1,3})\.\s*(?P<rest>.*)$")
ARABIC: Final = re.compile(r"^(?P<label>\d{1,3})\.\s+(?P<rest>\S.*)$")
LETTER: Final = re.compile(r"^(?P<label>[a-zđ]{1,3})\)\s+(?P<rest>\S.*)$")
# A bullet as docgen writes it, dash and one space: "- Tăng cường …" ("-Tăng" and "+ …" stay text).
BULLET: Final = re.compile(r"^-\s+(?P<rest>\S.*)$")
# "Nơi nhận:" (ô 9a), on its own line.
NOI_NHAN: Final = re.compile(r"^Nơi\s+nhận\s*:?\s*$", re.IGNORECASE)
# The last item of nơi nhận: "- Lưu: VT, VX." or "- Lưu VT, KGVX." (seed 001, no colon).
LUU: Final = re.compile(r"^-?\s*Lưu\s*:?\s*(?P<rest>.*?)\s*\.?\s*$")
# Signer authority lines (NĐ30 Điều 13 khoản 2–4): "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH".
AUTHORITY: Final = re.compile(r"^(?P<prefix>TM|KT|TL|TUQ|Q)\.\s*(?P<rest>.+)$")
# A Quyết định's "QUYẾT ĐỊNH:" line between its căn cứ and Điều 1 (template text).
DECISION_LINE: Final = re.compile(r"^QUYẾT\s+ĐỊNH\s*:\s*$")
# A căn cứ's lead word(s): "Căn cứ", "Thực hiện", "Theo đề nghị của" …
LEAD: Final = re.compile(r"^(?P<lead>[Cc]ăn cứ|[Tt]hực hiện|[Tt]heo đề nghị của|[Xx]ét đề nghị của|[Tt]heo|[Tt]hi hành)\s+(?P<rest>\S.*)$")
# A body citation with its symbol, to ask the registry: "Thông tư số 25/2023/TT-BGDĐT …".
SYMBOL: Final = re.compile(r"\bsố\s+(?P<symbol>\d{1,5}/(?:\d{4}/)?[A-ZĐa-zđ0-9]+(?:-[A-ZĐa-zđ0-9]+)+)")
# The short name a first citation gives: "… cấp xã, huyện, tỉnh (sau đây viết tắt là Thông tư số 25/2023/TT-BGDĐT)".
SHORT_NOTE: Final = re.compile(r"^(?P<body>.*) \(sau đây viết tắt là (?P<short>[^()]+)\)$")
# A footnote reference as read_draft writes it in the text: "… mức độ 1[3]."
FOOTNOTE_REF: Final = re.compile(r"\[(\d{1,3})\]")
# The second line of a name cut in two: "ỦY BAN NHÂN DÂN" / "TỈNH THÁI BÌNH".
PLACE_WORD: Final = re.compile(r"^(TỈNH|HUYỆN|XÃ|PHƯỜNG|THỊ TRẤN|THỊ XÃ|THÀNH PHỐ|QUẬN)\b")
# The "V/v" (or "Về việc") before a Công văn's trích yếu: "V/v triển khai thực hiện …".
VV_PREFIX: Final = re.compile(r"^(?:V/v|V/V|Về việc)\s*")
# Recipients written on the "Kính gửi:" line itself: "- A; - B; - C." (a .docx's breaks read as spaces).
ITEM_SEPARATOR: Final = re.compile(r";\s+-\s+")
# The number of a bold head, before its title: "1. Sở Tài chính:" → "Sở Tài chính:".
HEAD_NUMBER: Final = re.compile(r"^(?:[IVXLCDM]+\.|\d+\.|[a-zđ]+\)|Điều \d+\.)\s*(?P<title>.*)$")
# A signer's position (chức vụ), not an agency's name: "PHÓ GIÁM ĐỐC", "CHỦ TỊCH", "TRƯỞNG PHÒNG …";
# "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "HỘI KHUYẾN HỌC TỈNH" above a joint document's signer are agencies.
POSITION: Final = re.compile(
    r"^(?:PHÓ|GIÁM\s+ĐỐC|CHỦ\s+TỊCH|CHỦ\s+NHIỆM|TRƯỞNG|HIỆU\s+TRƯỞNG|HIỆU\s+PHÓ|CHÁNH|TỔNG|BÍ\s+THƯ|THỦ\s+TRƯỞNG|"
    r"BỘ\s+TRƯỞNG|THỨ\s+TRƯỞNG|CỤC\s+TRƯỞNG|VỤ\s+TRƯỞNG|ỦY\s+VIÊN|UỶ\s+VIÊN|KẾ\s+TOÁN|NGƯỜI)\b"
)
