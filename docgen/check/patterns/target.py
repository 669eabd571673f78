"""Patterns for plan targets ("mục tiêu") and deadlines in "Cộng đồng học tập" drafts.

Built from named parts like :mod:`docgen.check.patterns.cite`; every pattern is compiled once
and matched on NFC text.
"""

from __future__ import annotations

import re
from typing import Final

from docgen.check.patterns.cite import DATE_NUMERIC, DATE_WORDS, LOWER, NGAY
from docgen.lazy_re import lazy

# "cấp xã", "cấp huyện", "cấp tỉnh" (TT25 Điều 1); also "Cộng đồng học tập cấp huyện".
LEVEL_RE: Final = lazy(r"(?<![\w])cấp[ \t]+(?P<level>xã|huyện|tỉnh)(?![\w])", re.IGNORECASE, first=r"[c]")
# "cấp xã mức độ 1", "cấp huyện đạt mức độ 2", "cấp tỉnh (mức độ 1)".
LEVEL_MUC_DO_RE: Final = lazy(
    r"cấp[ \t]+(?P<level>xã|huyện|tỉnh)[ \t]*(?:\(|đạt[ \t]+|ở[ \t]+)?[ \t]*mức[ \t]+độ[ \t]+(?P<muc_do>[12])(?!\d)",
    re.IGNORECASE,
)
# "mức độ 2" on its own.
MUC_DO_RE: Final = lazy(r"mức[ \t]+độ[ \t]+(?P<muc_do>[12])(?!\d)", re.IGNORECASE)
# "Cộng đồng học tập", “Cộng đồng học tập”, CĐHT: marks a sentence as being about TT25.
CDHT_RE: Final = lazy(r"[Cc]ộng[ \t]+đồng[ \t]+học[ \t]+tập|CĐHT")
# "“Cộng đồng học tập” cấp huyện", "CĐHT (cấp huyện)": the district level of the title itself, not a
# bare "cấp huyện" ("tỉnh không còn cấp huyện").
# The other titles of the learning-society movement, each with its own deadlines (TT24 “Đơn vị học
# tập”, the Hội Khuyến học's “Gia đình / Dòng họ / Công dân học tập”).
OTHER_TITLE_RE: Final = lazy(r"(?:[Đđ]ơn[ \t]+vị|[Gg]ia[ \t]+đình|[Dd]òng[ \t]+họ|[Cc]ông[ \t]+dân)[ \t]+học[ \t]+tập", first=r"[ĐđGgDdCc]")
CDHT_DISTRICT_RE: Final = lazy(
    r"(?:[Cc]ộng[ \t]+đồng[ \t]+học[ \t]+tập|CĐHT)[”\"'’]?[ \t]*\(?[ \t]*cấp[ \t]+huyện(?!\w)"
)

# "ít nhất 90%", "90% trở lên", "100%", "tối thiểu 95,5 %"
SHARE_RE: Final = lazy(
    r"(?:(?P<qual>ít[ \t]+nhất|tối[ \t]+thiểu|trên|từ|đạt)[ \t]+)?(?P<value>\d{1,4}(?:[.,]\d+)?)[ \t]*%"
)

# Deadline forms, most precise first. The optional lead and its blanks form one optional group, so
# that a run of blanks (quotations and citations are blanked with spaces) is not scanned again from
# each of its positions (issue 10: a search over 400 blanks took 52 ms).
# "trước ngày 31 tháng 7 năm 2026", "chậm nhất ngày 28/02/2025", "đến ngày 31/3/2026"
DEADLINE_DAY_RE: Final = lazy(
    rf"(?:(?P<lead>[Tt]rước|[Cc]hậm[ \t]+nhất|[Đđ]ến|[Hh]ạn|[Tt]rong|[Tt]ừ)[ \t]*)?{NGAY}[ \t]+(?:{DATE_NUMERIC}|{DATE_WORDS})", first=r"[TtCcĐđHhnN]",
)
# "Đến hết tháng 3 năm 2026", "Hết tháng 5 năm 2025", "đến tháng 12 năm 2026", "trong tháng 4/2025"
DEADLINE_MONTH_RE: Final = lazy(
    r"(?P<lead>(?:(?:[Đđ]ến|[Tt]rước|[Tt]rong)[ \t]+)?(?:(?:hết|[Hh]ết|cuối|[Cc]uối)[ \t]+)?)tháng[ \t]+(?P<month>\d{1,2})"
    r"(?:[ \t]+năm[ \t]+|[ \t]*/[ \t]*)(?P<year>\d{4})(?!\d)", first=r"[ĐđTtHhCc]",
)
# "Năm 2025 triển khai", "Từ năm 2027", "trong năm 2026", "đến năm 2030", "của năm 2025"
DEADLINE_YEAR_RE: Final = lazy(
    r"(?:(?P<lead>[Tt]ừ|[Đđ]ến|[Tt]rong|[Cc]ủa|[Hh]ết|[Cc]uối|[Tt]rước)[ \t]*)?(?<![\w/])[Nn]ăm[ \t]+(?P<year>\d{4})(?!\d)", first=r"[TtĐđCcHhNn]",
)
# Yearless rule statements: "trước ngày 28 tháng 02 của năm sau liền kề năm đánh giá", "trước ngày 31/3 hằng năm"
DEADLINE_DAY_MONTH_RE: Final = lazy(
    rf"(?:(?P<lead>[Tt]rước|[Cc]hậm[ \t]+nhất|[Đđ]ến)[ \t]*)?{NGAY}[ \t]+(?P<day>\d{{1,2}})"
    r"(?:[ \t]*/[ \t]*|[ \t]+tháng[ \t]+)(?P<month>\d{1,2})(?![\d/]|[ \t]+năm[ \t]+\d)", first=r"[TtCcĐđnN]",
)
# "năm sau liền kề năm đánh giá", "hằng năm": a yearless date that recurs every evaluation cycle.
RECURRING_RE: Final = lazy(r"năm[ \t]+sau[ \t]+liền[ \t]+kề|hằng[ \t]+năm|hàng[ \t]+năm")
# "của năm 2025" after a recognition: the evaluation year stated outright.
EVAL_YEAR_RE: Final = lazy(r"(?:của|cho)[ \t]+năm[ \t]+(?P<year>\d{4})|năm[ \t]+đánh[ \t]+giá[ \t]+(?P<year2>\d{4})")

# "“Cộng đồng học tập” cấp xã năm 2024", "cấp xã mức độ 1 năm 2023": the year of a level is its
# evaluation year.
LEVEL_YEAR_RE: Final = lazy(
    r"cấp[ \t]+(?:xã|huyện|tỉnh)(?:[ \t]+(?:đạt[ \t]+)?mức[ \t]+độ[ \t]+[12])?,?[ \t]+năm[ \t]+(?P<year>\d{4})(?!\d)"
)
# "số liệu … từ ngày 01/01/2023 đến ngày 31/12/2023": a data window names its evaluation year.
DATA_WINDOW_YEAR_RE: Final = lazy(
    r"từ[ \t]+ngày[ \t]+0?1[ \t]*(?:/|tháng)[ \t]*0?1[ \t]*(?:/|năm)[ \t]*(?P<year>\d{4})[ \t]+đến[ \t]+ngày[ \t]+31[ \t]*(?:/|tháng)[ \t]*12"
    r"(?:[ \t]*(?:/|năm)[ \t]*\d{4})?"
)

# Actions, checked in this order.
RECOGNISE_AGAIN_RE: Final = lazy(r"công[ \t]+nhận[ \t]+lại", re.IGNORECASE)
DOSSIER_RE: Final = lazy(r"hồ[ \t]+sơ|tờ[ \t]+trình[ \t]+đề[ \t]+nghị", re.IGNORECASE)
SEND_RE: Final = lazy(r"\b(?:gửi|nộp|trình)\b", re.IGNORECASE)
RECOGNISE_RE: Final = lazy(r"(?:được|hoàn[ \t]+thành[^,;.]{0,30}?)[ \t]*(?:đánh[ \t]+giá,?[ \t]*)?công[ \t]+nhận|công[ \t]+nhận[ \t]+(?:đạt|“|\")", re.IGNORECASE)
BUILD_RE: Final = lazy(r"xây[ \t]+dựng|triển[ \t]+khai", re.IGNORECASE)
COMPLETE_RE: Final = lazy(r"hoàn[ \t]+thành|thời[ \t]+gian[ \t]+hoàn[ \t]+thành|kết[ \t]+thúc", re.IGNORECASE)

# Where a dossier goes: "đến Phòng Giáo dục và Đào tạo", "về Sở GDĐT", "lên Bộ Giáo dục và Đào tạo".
ADDRESSEE_RE: Final = lazy(
    r"(?:đến|về|lên|tới|cho|gửi|nộp|trình)[ \t]+(?P<addressee>(?P<office>Phòng|Sở|Bộ)[ \t]+(?:Giáo[ \t]+dục[ \t]+và[ \t]+Đào[ \t]+tạo|GD&ĐT|GDĐT|GD-ĐT))"
)
# "Phòng Giáo dục và Đào tạo", "Phòng GDĐT", "Trưởng phòng GDĐT" anywhere (post-2025 stale authority).
PHONG_GDDT_RE: Final = lazy(
    r"(?:Trưởng[ \t]+phòng|Phòng)[ \t]+(?:Giáo[ \t]+dục[ \t]+và[ \t]+Đào[ \t]+tạo|GD&ĐT|GDĐT|GD-ĐT)"
)

# Units counted by a share: "90% các xã, phường, thị trấn", "100% huyện, thành phố", "90% số xã".
UNIT_AFTER_SHARE_RE: Final = lazy(
    r"^[ \t]*(?:trở[ \t]+lên[ \t]+)?(?:các[ \t]+|số[ \t]+)?(?P<unit>xã|phường|thị[ \t]+trấn|huyện|quận|thị[ \t]+xã|thành[ \t]+phố|tỉnh)(?![{}])".format(LOWER)
)

# The data window of a self-assessment: "số liệu … được tính từ ngày 01 tháng 01 đến ngày 31 tháng 12".
DATA_WINDOW_RE: Final = lazy(r"số[ \t]+liệu.{0,160}?(?:31[ \t]+tháng[ \t]+12|31/12)", re.IGNORECASE | re.DOTALL)
# A dated step: "trước ngày 28/02", "trước ngày 31 tháng 3", "chậm nhất ngày …".
DATED_STEP_RE: Final = lazy(r"(?:trước|chậm[ \t]+nhất|đến)[ \t]+ngày[ \t]+\d", re.IGNORECASE)

# A percentage anywhere: "110%", "93,5 %".
PERCENT_RE: Final = lazy(r"(?<![\d.,])(?P<value>\d{1,4}(?:[.,]\d+)?)[ \t]*%")
# What makes a percentage a share of a whole (≤ 100 %): "tỷ lệ …", or units right after it
# ("110% số xã", "105% công dân").
SHARE_WORD_RE: Final = lazy(r"tỷ[ \t]+lệ|tỉ[ \t]+lệ", re.IGNORECASE)
SHARE_UNIT_AFTER_RE: Final = lazy(
    r"[ \t]*+(?:trở[ \t]+lên[ \t]+)?(?:các[ \t]+|số[ \t]+|tổng[ \t]+số[ \t]+)?(?:xã|phường|thị[ \t]+trấn|huyện|quận|thành[ \t]+phố|tỉnh|"
    r"công[ \t]+dân|người|hộ|học[ \t]+sinh|trẻ|đơn[ \t]+vị|cơ[ \t]+sở|trường|gia[ \t]+đình|dòng[ \t]+họ)(?!\w)"
)
# Words that make a percentage above 100 normal: growth, comparison, plan fulfilment.
RATIO_WORD_RE: Final = lazy(r"tăng|giảm|vượt|so[ \t]+với|gấp|kế[ \t]+hoạch|dự[ \t]+toán|chỉ[ \t]+tiêu[ \t]+giao", re.IGNORECASE)
# Words that put a clause in the past: "Phòng Giáo dục và Đào tạo đã công nhận …", "trước đây".
PAST_RE: Final = lazy(r"(?<!\w)(?:đã|trước[ \t]+đây|trước[ \t]+khi[ \t]+sắp[ \t]+xếp|(?:huyện|phòng|xã)[ \t]+cũ)(?!\w)", re.IGNORECASE, first=r"[đthpx]")
# A data window without years: "số liệu tính từ ngày 01/01 đến ngày 31/12 của năm đánh giá".
DATA_WINDOW_YEARLESS_RE: Final = lazy(
    r"từ[ \t]+ngày[ \t]+0?1[ \t]*(?:/|tháng)[ \t]*0?1(?![ \t]*(?:/|năm)[ \t]*\d)[ \t]+đến[ \t]+ngày[ \t]+31[ \t]*(?:/|tháng)[ \t]*12(?![ \t]*(?:/|năm)[ \t]*\d)"
)

# Any dated point a clause may hold, for cutting a clause with several dates into one piece per
# event: "ngày 10/3", "ngày 31 tháng 3 năm 2026", "tháng 4/2026", "tháng 5 năm 2026".
ANY_DEADLINE_RE: Final = lazy(
    rf"{NGAY}[ \t]+\d{{1,2}}(?:[ \t]*/[ \t]*|[ \t]+tháng[ \t]+)\d{{1,2}}(?:(?:[ \t]*/[ \t]*|[ \t]+năm[ \t]+)\d{{4}})?"
    r"|(?<!\w)tháng[ \t]+\d{1,2}(?:[ \t]*/[ \t]*|[ \t]+năm[ \t]+)\d{4}"
)
# The events a date can belong to in a clause with several dates (issue 8): sending the dossier,
# completing the assessment or recognition, issuing the decision, reporting. "… gửi hồ sơ về Phòng
# GDĐT trước ngày 10 tháng 3 và hoàn thành việc công nhận trước ngày 31 tháng 3".
EVENT_RE: Final = lazy(
    r"(?P<dossier>(?:gửi|nộp|hoàn[ \t]+thiện|hoàn[ \t]+chỉnh|lập|trình)[ \t]+(?:đủ[ \t]+)?(?:hồ[ \t]+sơ|tờ[ \t]+trình)"
    r"|(?:gửi|nộp)[ \t]+(?:về[ \t]+|đến[ \t]+|lên[ \t]+|tới[ \t]+)?(?:Sở|Phòng|Bộ)(?!\w))"
    r"|(?P<complete>hoàn[ \t]+thành(?![ \t]+(?:hồ[ \t]+sơ|tờ[ \t]+trình)))"
    r"|(?P<decision>ban[ \t]+hành[ \t]+quyết[ \t]+định(?:[ \t]+công[ \t]+nhận)?|quyết[ \t]+định[ \t]+công[ \t]+nhận)"
    r"|(?P<decide>(?<!đề[ \t]nghị[ \t])công[ \t]+nhận)"
    r"|(?P<other>báo[ \t]+cáo[ \t]+(?:kết[ \t]+quả|về)|tổ[ \t]+chức[ \t]+(?:đánh[ \t]+giá|thẩm[ \t]+định|họp))",
    re.IGNORECASE,
)

# A list of levels after one "cấp": "cấp xã, huyện, tỉnh" (TT25's own title), "cấp xã và huyện".
LEVEL_LIST_RE: Final = lazy(
    r"cấp[ \t]+(?:xã|huyện|tỉnh)(?:[ \t]*(?:,|và|hoặc)[ \t]*(?:cấp[ \t]+)?(?:xã|huyện|tỉnh)(?![\w]))+", re.IGNORECASE,
)
LEVEL_WORD_RE: Final = lazy(r"(?<![\w])(xã|huyện|tỉnh)(?![\w])", re.IGNORECASE)
# "đề nghị (đánh giá,) công nhận": the "công nhận" after it is the name of a proposal or dossier.
PROPOSAL_BEFORE_RE: Final = lazy(r"đề[ \t]+nghị(?:[ \t]+xét)?(?:[ \t]+đánh[ \t]+giá,?)?[ \t]*$", re.IGNORECASE)
# A date after a lead but without "ngày", as task tables write it: "Trước 15/3/2026", "chậm nhất 28/02/2026".
DEADLINE_BARE_RE: Final = lazy(
    rf"(?P<lead>[Tt]rước|[Cc]hậm[ \t]+nhất|[Hh]ạn(?:[ \t]+chót)?[ \t]*:?|[Đđ]ến(?:[ \t]+hết)?)[ \t]+{DATE_NUMERIC}"
)
# In a table row a date may stand alone in its time cell: "15/3/2026", "Trước 15/3/2026".
DEADLINE_BARE_ROW_RE: Final = lazy(
    rf"(?:(?P<lead>[Tt]rước|[Cc]hậm[ \t]+nhất|[Hh]ạn(?:[ \t]+chót)?[ \t]*:?|[Đđ]ến(?:[ \t]+hết)?)[ \t]+)?(?<![\d/.\-]){DATE_NUMERIC}(?![\d/])"
)
# The councils of TT25 carry a level in their name but assess the level below: "Hội đồng đánh giá
# cấp huyện" (for communes, điểm b khoản 2 Điều 9), "Hội đồng đánh giá cấp tỉnh", "cấp Bộ".
COUNCIL_RE: Final = lazy(r"Hội[ \t]+đồng[ \t]+(?:đánh[ \t]+giá|thẩm[ \t]+định)[ \t]+cấp[ \t]+(?:xã|huyện|tỉnh|Bộ)", re.IGNORECASE)
# Who decides, in a sentence about the decision: "Trưởng phòng Giáo dục và Đào tạo (ký) quyết định
# công nhận", "Bộ trưởng Bộ GDĐT xem xét, quyết định công nhận".
DECIDER_RE: Final = lazy(
    r"(?P<who>Trưởng[ \t]+phòng|Bộ[ \t]+trưởng)[^.;\n]{0,80}?(?:ký[ \t]+)?(?:ban[ \t]+hành[ \t]+)?quyết[ \t]+định[ \t]+công[ \t]+nhận"
)
# A unit named without "cấp": "số xã, thị trấn", "các huyện", "tỉnh" (what a sentence is about).
UNIT_WORD_RE: Final = lazy(r"(?<![\w])(xã|phường|thị[ \t]+trấn|huyện|quận|thị[ \t]+xã|tỉnh)(?![\w])", re.IGNORECASE)
# The data window of a self-assessment as written: "Số liệu đánh giá tính theo năm học 2023 - 2024 (từ
# ngày 01/9/2023 đến ngày 31/8/2024)", "số liệu tính từ ngày 01/01/2024 đến ngày 31/12/2024".
DATA_RANGE_RE: Final = lazy(
    r"(?:[Ss]ố[ \t]+liệu|[Mm]inh[ \t]+chứng)[^.;\n]{0,80}?(?P<range>từ[ \t]+(?:ngày[ \t]+)?(?P<d1>\d{1,2})[ \t]*(?:/|tháng)[ \t]*(?P<m1>\d{1,2})"
    r"(?:[ \t]*(?:/|năm)[ \t]*(?P<y1>\d{4}))?[ \t]*(?:đến|-|–)[ \t]*(?:hết[ \t]+)?(?:ngày[ \t]+)?(?P<d2>\d{1,2})[ \t]*(?:/|tháng)[ \t]*(?P<m2>\d{1,2})"
    r"(?:[ \t]*(?:/|năm)[ \t]*(?P<y2>\d{4}))?)"
)
# The Bộ trưởng's time to decide a province's recognition: "Bộ trưởng … quyết định công nhận trong
# thời hạn 15 ngày làm việc", "Bộ trưởng ra quyết định trong vòng 30 ngày".
DECISION_PERIOD_RE: Final = lazy(
    r"Bộ[ \t]+trưởng[^.;\n]{0,80}?quyết[ \t]+định[^.;\n]{0,40}?(?P<period>(?:trong|chậm[ \t]+nhất|sau)[ \t]+(?:thời[ \t]+hạn[ \t]+|vòng[ \t]+)?"
    r"(?P<days>\d{1,3})[ \t]+ngày(?P<working>[ \t]+làm[ \t]+việc)?)"
)
# A text of articles of its own (a Quyết định, a Quy chế): "Điều 1. Công nhận …" at a line start; a
# bare "Điều 2" in it means its own article, not one of the circular it applies.
OWN_ARTICLES_RE: Final = lazy(r"(?m)^[ \t*#>]*Điều[ \t]+\d{1,3}\.")
# Between two locators of one list: ", ", " và ", " hoặc ".
LOCATOR_LIST_SEP_RE: Final = lazy(r"[ \t]*(?:,|và|hoặc|,[ \t]*và)[ \t]*")
# An upgrade, which speaks of two mức độ at once: "nâng mức", "nâng lên mức độ 2", "nâng mức độ".
UPGRADE_WORD_RE: Final = lazy(r"nâng[ \t]+(?:lên[ \t]+)?mức", re.IGNORECASE)
