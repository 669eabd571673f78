"""Regexes for the reading of a document: its tên loại and trích yếu, the labels of a public-service
procedure page, the column headers of a task table, and the units a heading is about.

Every pattern is compiled once, here, with a comment and an example; each is matched on NFC text
(line *content*, without Markdown decoration, for the line patterns).
"""

from __future__ import annotations

import re
from typing import Final

from docgen.lazy_re import lazy

# Tên loại on its own line, in capitals (NĐ 30/2020/NĐ-CP Phụ lục I: tên loại then trích yếu):
# "KẾ HOẠCH", "QUYẾT ĐỊNH", "TỜ TRÌNH", "CHƯƠNG TRÌNH PHỐI HỢP", "BÁO CÁO".
KIND_LINE: Final = lazy(
    r"^(?P<kind>KẾ[ \t]+HOẠCH|QUYẾT[ \t]+ĐỊNH|TỜ[ \t]+TRÌNH|BÁO[ \t]+CÁO|THÔNG[ \t]+BÁO|HƯỚNG[ \t]+DẪN|"
    r"CHƯƠNG[ \t]+TRÌNH(?:[ \t]+PHỐI[ \t]+HỢP)?|CHỈ[ \t]+THỊ|CÔNG[ \t]+VĂN|ĐỀ[ \t]+ÁN|QUY[ \t]+CHẾ)"
    r"(?:[ \t]+LIÊN[ \t]+TỊCH)?[ \t]*$"
)
# The trích yếu of a Công văn: "V/v triển khai đánh giá “Cộng đồng học tập” năm 2025".
VV_LINE: Final = lazy(r"^(?:V/v|V/V|Về[ \t]+việc)\b")
# Where the trích yếu stops: the first căn cứ, the addressee, the opening of the body.
# So do a heading or a list item ("I. MỤC ĐÍCH", "1. …", "a) …", "- …") and a table row.
TITLE_STOP: Final = lazy(
    r"^(?:Căn[ \t]+cứ|Kính[ \t]+gửi|Thực[ \t]+hiện|Thi[ \t]+hành|Nhằm|Để|Ngày[ \t]+\d|"
    r"[IVXL]{1,7}\.[ \t]|\d{1,3}\.[ \t]|[a-zđ]\)[ \t]|[-–+•*|][ \t]|Phần[ \t]|Chương[ \t]|Điều[ \t]+\d)"
)
# The national heading and motto: the document's header starts here.
QUOC_HIEU: Final = lazy(r"CỘNG[ \t]+(?:HO[ÀÁ]|H[ÒÓ]A)[ \t]+XÃ[ \t]+HỘI[ \t]+CHỦ[ \t]+NGHĨA[ \t]+VIỆT[ \t]+NAM", re.IGNORECASE)

# A labelled row of a public-service procedure page (dịch vụ công portals), with or without its
# value on the same line: "Tên thủ tục: Công nhận “Cộng đồng học tập” cấp xã",
# "Thời hạn giải quyết: Trước ngày 31 tháng 3", "Cơ quan thực hiện:".
PROCEDURE_LABEL: Final = lazy(
    r"^[ \t]*(?:\d{1,2}[.)][ \t]*|[-•+][ \t]*)?(?P<label>Tên[ \t]+thủ[ \t]+tục(?:[ \t]+hành[ \t]+chính)?|Thủ[ \t]+tục|"
    r"Thời[ \t]+(?:hạn|gian)[ \t]+giải[ \t]+quyết|Thời[ \t]+hạn[ \t]+thực[ \t]+hiện|"
    r"Cơ[ \t]+quan[ \t]+(?:thực[ \t]+hiện|giải[ \t]+quyết|có[ \t]+thẩm[ \t]+quyền(?:[ \t]+quyết[ \t]+định)?|phối[ \t]+hợp)|"
    r"Trình[ \t]+tự[ \t]+thực[ \t]+hiện|Cách[ \t]+thức[ \t]+thực[ \t]+hiện|Thành[ \t]+phần(?:,[ \t]*số[ \t]+lượng)?[ \t]+hồ[ \t]+sơ|"
    r"Số[ \t]+lượng[ \t]+hồ[ \t]+sơ|Đối[ \t]+tượng[ \t]+thực[ \t]+hiện|Kết[ \t]+quả(?:[ \t]+thực[ \t]+hiện)?|"
    r"Lĩnh[ \t]+vực|Cấp[ \t]+thực[ \t]+hiện|Mã[ \t]+(?:số[ \t]+)?thủ[ \t]+tục|Phí,?[ \t]+lệ[ \t]+phí|Lệ[ \t]+phí|"
    r"Căn[ \t]+cứ[ \t]+pháp[ \t]+lý|Yêu[ \t]+cầu,?[ \t]+điều[ \t]+kiện[^:]{0,30}|Địa[ \t]+chỉ[ \t]+tiếp[ \t]+nhận[^:]{0,30})"
    r"[ \t]*(?::|$)",
    re.IGNORECASE,
)
# Labels whose value names the procedure: its level and topic hold for the whole page.
NAME_LABEL: Final = lazy(r"^(?:Tên[ \t]+thủ[ \t]+tục|Thủ[ \t]+tục)", re.IGNORECASE)
# Labels whose value is the time the authority has to settle the file: a date there is the
# completion deadline of the procedure (TT25 khoản 3 Điều 9, 14), whatever the next cell says.
COMPLETION_LABEL: Final = lazy(r"^Thời[ \t]+(?:hạn|gian)[ \t]+giải[ \t]+quyết", re.IGNORECASE)

# Column headers of a task table: "Nội dung công việc | Đơn vị chủ trì | Đơn vị phối hợp | Thời
# gian thực hiện". A header row names at least two of these roles.
COLUMN_CONTENT: Final = lazy(r"^(?:Nội[ \t]+dung|Nhiệm[ \t]+vụ|Công[ \t]+việc|Hoạt[ \t]+động|Tên[ \t]+nhiệm[ \t]+vụ)", re.IGNORECASE)
COLUMN_LEAD: Final = lazy(r"chủ[ \t]+trì|thực[ \t]+hiện[ \t]*$|^Đơn[ \t]+vị[ \t]*$|^Cơ[ \t]+quan[ \t]*$", re.IGNORECASE)
COLUMN_SUPPORT: Final = lazy(r"phối[ \t]+hợp", re.IGNORECASE)
COLUMN_TIME: Final = lazy(r"^(?:Thời[ \t]+(?:gian|hạn|điểm)|Tiến[ \t]+độ|Hạn[ \t]+hoàn[ \t]+thành|Mốc)", re.IGNORECASE)
COLUMN_NUMBER: Final = lazy(r"^(?:TT|STT|Số[ \t]+TT|Số[ \t]+thứ[ \t]+tự)\.?$", re.IGNORECASE)

# The unit a heading or a group row is about when it does not say "cấp xã": "1. Đối với các xã,
# phường, thị trấn", "2. Ủy ban nhân dân các huyện, thành phố", "UBND cấp huyện".
UNIT_HEADING: Final = lazy(
    r"(?:[Đđ]ối[ \t]+với|Ủy[ \t]+ban[ \t]+nhân[ \t]+dân|Uỷ[ \t]+ban[ \t]+nhân[ \t]+dân|UBND)[ \t]+(?:các[ \t]+)?(?:cấp[ \t]+)?"
    r"(?P<unit>xã|phường|thị[ \t]+trấn|huyện|quận|thị[ \t]+xã|tỉnh)(?![\w])"
)
# A markdown-style table row: "| 1 | Gửi hồ sơ … | UBND xã | Trước ngày 28/02/2026 |".
PIPE_ROW: Final = lazy(r"^[ \t]*\|.*\|[ \t]*$")
# Markdown's header separator row "|---|:---:|".
PIPE_RULE: Final = lazy(r"^[ \t]*\|?[ \t]*:?-{2,}")
# A cell of the layout tables (NĐ30 ô 1–4 and the signature block), not of the body: "Số: 12/KH-UBND",
# "Hà Nội, ngày 05 tháng 3 năm 2025", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN".
LAYOUT_CELL: Final = lazy(
    r"^[ \t]*(?:Số[ \t]*:|Nơi[ \t]+nhận|TM\.|KT\.|TL\.|TUQ\.)|CỘNG[ \t]+HO[ÀÁ][ \t]+XÃ[ \t]+HỘI|"
    r"^[^,\n]{2,40},[ \t]+ngày[ \t]+(?:\d{1,2}|\.{2,}|…)[ \t]+tháng"
)
# The addressee line of a Tờ trình or Công văn: "Kính gửi: Sở Giáo dục và Đào tạo tỉnh Hà Giang.",
# "Kính gửi: Trưởng phòng Giáo dục và Đào tạo huyện …", "Kính gửi: Bộ trưởng Bộ GDĐT".
KINH_GUI: Final = lazy(
    r"^Kính[ \t]+gửi[ \t]*:?[ \t]*(?:-[ \t]*)?(?P<addressee>(?P<office>Phòng|Sở|Bộ|Trưởng[ \t]+phòng|Giám[ \t]+đốc[ \t]+Sở|Bộ[ \t]+trưởng[ \t]+Bộ)"
    r"[ \t]+(?:Giáo[ \t]+dục[ \t]+và[ \t]+Đào[ \t]+tạo|GD&ĐT|GDĐT|GD-ĐT))"
)
# A trích yếu that proposes a recognition: "Đề nghị (đánh giá,) công nhận xã … đạt “Cộng đồng học tập”".
PROPOSAL_TITLE: Final = lazy(r"đề[ \t]+nghị[^.\n]{0,40}?công[ \t]+nhận", re.IGNORECASE)
# The issuer of a commune's document, in the header: "ỦY BAN NHÂN DÂN XÃ PHONG PHÚ", "UBND PHƯỜNG HÀ TU".
COMMUNE_ISSUER: Final = lazy(r"^(?:ỦY|UỶ)[ \t]+BAN[ \t]+NHÂN[ \t]+DÂN[ \t]+(?:XÃ|PHƯỜNG|THỊ[ \t]+TRẤN)\b|^UBND[ \t]+(?:XÃ|PHƯỜNG|THỊ[ \t]+TRẤN)\b")
# Two columns of a header laid out with spaces in a .txt: three blanks or more part them.
COLUMN_GAP: Final = lazy(r"[ \t]{3,}")
# A unit named in a trích yếu: "xã Phước Hải", "thị trấn Tân Yên", "huyện Lục Yên", "tỉnh Ninh Bình".
NAMED_UNIT: Final = lazy(
    r"(?<![\w])(?P<unit>xã|phường|thị[ \t]+trấn|huyện|quận|thị[ \t]+xã|tỉnh)[ \t]+(?=[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ])"
)
