"""Patterns for the facts of TT25 that a sentence can state wrongly: the retention period, the
wait before mức độ 2, who decides a recognition, how many tiêu chí and chỉ tiêu a level has.

Built from named parts (a number, a duration, an authority) like :mod:`docgen.check.patterns.cite`;
each compiled once and matched on NFC text. Real drafts word these facts in many ways ("bảo lưu
trong 03 năm", "có giá trị trong năm (05) năm", "thời hạn công nhận là 36 tháng"), so the
patterns look for the meaning (a keyword, then the first duration after it), not a fixed sentence.
"""

from __future__ import annotations

import re
from typing import Final

from docgen.check.patterns.cite import CAP_WORD
from docgen.lazy_re import lazy

# ---------------------------------------------------------------- numbers

# Numbers written in words in durations and counts ("ba năm", "mười lăm chỉ tiêu", "năm (05) năm").
# Only the values these facts use or are commonly miswritten with; longest first in the pattern.
NUMBER_WORDS: Final[dict[str, int]] = {
    "một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
    "mười một": 11, "mười hai": 12, "mười ba": 13, "mười bốn": 14, "mười lăm": 15, "mười sáu": 16,
    "hai mươi": 20, "hai mươi bốn": 24, "ba mươi": 30, "ba mươi sáu": 36, "bốn mươi tám": 48, "sáu mươi": 60,
}
_WORDS: Final = "|".join(w.replace(" ", "[ \t]+") for w in sorted(NUMBER_WORDS, key=len, reverse=True))
# A number: "3", "03", "ba", "mười lăm", "năm (05)", "ba (03)". Not the "1" of "mức độ 1", "Điều 5",
# "khoản 4" or "tiêu chí 3" (the number of an item, not an amount).
NUMBER: Final = (
    rf"(?<![\w/.,])(?<!độ )(?<!Điều )(?<!điều )(?<!khoản )(?<!chí )(?<!tiêu )"
    rf"(?:(?i:{_WORDS})[ \t]*\([ \t]*\d{{1,3}}[ \t]*\)|\d{{1,3}}|(?i:{_WORDS}))(?![\w/.,]\d)"
)
# Reads one NUMBER back: "năm (05)" → the digits win; "mười lăm" → the word.
NUMBER_PARTS_RE: Final = lazy(rf"(?P<digits>\d{{1,3}})|(?P<word>{_WORDS})", re.IGNORECASE)


def number_value(text: str) -> int | None:
    """The value of a NUMBER match: "03" → 3, "ba" → 3, "năm (05)" → 5, "mười lăm" → 15."""
    parts = list(NUMBER_PARTS_RE.finditer(text))
    digits = [m.group("digits") for m in parts if m.group("digits")]
    if digits:
        return int(digits[0])
    if parts:
        return NUMBER_WORDS.get(" ".join(parts[0].group("word").lower().split()))
    return None


# A duration in years or months: "3 năm", "03 năm", "ba năm", "năm (05) năm", "36 tháng", "mười hai
# tháng". "năm 2024" is a year, not "năm" as a unit: a unit is never followed by digits.
DURATION: Final = rf"(?P<amount>{NUMBER})[ \t]+(?P<unit>(?i:năm|tháng))(?![ \t]*\d)(?!\w)"
DURATION_RE: Final = lazy(DURATION)
# The same duration restated in brackets right after it: "3 năm (36 tháng)", "03 năm (ba năm)".
DURATION_RESTATED_RE: Final = lazy(rf"[ \t]*\([ \t]*{DURATION}[ \t]*\)")

# ---------------------------------------------------------------- what a sentence is about

# The other titles of the learning-society movement, each with its own rules (TT24 “Đơn vị học
# tập”; the Hội Khuyến học's “Gia đình học tập”, “Dòng họ học tập”). Unlike ``target.OTHER_TITLE_RE``
# it leaves out “Công dân học tập”, which is a chỉ tiêu of "Cộng đồng học tập" itself (điểm a khoản 5
# Điều 6), so a CĐHT plan that counts “Công dân học tập” is still about CĐHT only.
OTHER_MOVEMENT_RE: Final = lazy(r"(?:[Đđ]ơn[ \t]+vị|[Gg]ia[ \t]+đình|[Dd]òng[ \t]+họ)[ \t]+học[ \t]+tập")
# A particular decision cited by number: "Quyết định số 215/QĐ-SGDĐT", "quyết định 12/QĐ-UBND".
DECISION_CITED_RE: Final = lazy(r"[Qq]uyết[ \t]+định[ \t]+(?:số[ \t]*:?[ \t]*)?\d{1,5}[ \t]*/")
# A year named in words: "năm 2023", "Năm 2019".
YEAR_RE: Final = lazy(r"(?<!\w)[Nn]ăm[ \t]+(?P<year>(?:19|20)\d{2})(?!\d)", first=r"[Nn]")

# Other sets of criteria a CĐHT plan mentions, each with its own counts and deciders: "Bộ tiêu chí
# quốc gia về huyện nông thôn mới", "đô thị văn minh", "trường đạt chuẩn quốc gia".
OTHER_CRITERIA_SET_RE: Final = lazy(
    r"nông[ \t]+thôn[ \t]+mới|đô[ \t]+thị[ \t]+văn[ \t]+minh|chuẩn[ \t]+quốc[ \t]+gia", re.IGNORECASE, first=r"[nđc]",
)

# ---------------------------------------------------------------- retention (khoản 4 Điều 5, 10, 15)

# Words that say how long a recognition lasts. Strong: "bảo lưu (kết quả)", "thời hạn (của quyết định,
# kết quả) công nhận" (not "thời hạn công nhận lại"). Weak, counted only after a word of recognition
# in the same sentence ("Quyết định công nhận có giá trị trong 5 năm", not "Kế hoạch có hiệu lực trong
# 5 năm"): "(được) giữ (nguyên) kết quả / danh hiệu", "có giá trị (trong)", "có hiệu lực trong".
# Never "giữ vững" (a goal).
RETENTION_RE: Final = lazy(
    r"(?P<strong>bảo[ \t]+lưu|thời[ \t]+hạn[ \t]+(?:của[ \t]+)?(?:(?:quyết[ \t]+định|kết[ \t]+quả)[ \t]+)?công[ \t]+nhận(?![ \t]+lại))"
    r"|(?P<weak>giữ[ \t]+(?:nguyên[ \t]+)?(?:kết[ \t]+quả|danh[ \t]+hiệu)|có[ \t]+(?:giá[ \t]+trị|hiệu[ \t]+lực)(?:[ \t]+trong)?(?=[ \t]+\S))",
    re.IGNORECASE, first=r"[btgc]",
)
# How far after the retention word its duration may come: "bảo lưu kết quả công nhận “Cộng đồng
# học tập” cấp xã mức độ 1 trong thời gian 3 năm" (about 80 characters).
RETENTION_REACH: Final = 90
# "sau 5 năm": a duration after "sau" is a delay, not how long the result lasts.
DELAY_BEFORE_RE: Final = lazy(r"(?:^|[ \t])sau[ \t]+(?:ít[ \t]+nhất[ \t]+|khoảng[ \t]+)?$", re.IGNORECASE)
# A word of recognition, needed before a weak retention word: "công nhận", "danh hiệu", "kết quả".
RECOGNITION_WORD_RE: Final = lazy(r"công[ \t]+nhận|danh[ \t]+hiệu|kết[ \t]+quả", re.IGNORECASE)

# ---------------------------------------------------------------- wait before mức độ 2 (khoản 3 Điều 5, 10, 15)

# A wait counted from the mức-độ-1 recognition: "sau 6 tháng kể từ khi được công nhận mức độ 1",
# "ít nhất 06 tháng kể từ ngày có quyết định công nhận đạt mức độ 1", "Sau 6 tháng được công nhận
# mức độ 1". The anchor ("kể từ", "được công nhận", "có quyết định") keeps out "Sau 6 tháng triển khai,
# 10 xã đạt mức độ 1 và 2 xã đạt mức độ 2".
UPGRADE_WAIT_RE: Final = lazy(
    rf"(?<!\w)(?:sau|ít[ \t]+nhất|tối[ \t]+thiểu|đủ|tròn)[ \t]+(?:(?:ít[ \t]+nhất|tối[ \t]+thiểu|đủ|thời[ \t]+gian|khoảng)[ \t]+)?{DURATION}"
    r"[^.;\n]{0,40}?(?:kể[ \t]+từ|tính[ \t]+từ|từ[ \t]+(?:ngày|khi|thời[ \t]+điểm)|sau[ \t]+khi|được[ \t]+công[ \t]+nhận|có[ \t]+quyết[ \t]+định)"
    r"[^;\n]{0,100}?mức[ \t]+độ[ \t]+(?:1|I|một)(?![\w])",
    re.IGNORECASE,
)
# What the wait is for: "(đề nghị công nhận) mức độ 2", "nâng (lên) mức độ", "nâng mức".
UPGRADE_GOAL_RE: Final = lazy(r"mức[ \t]+độ[ \t]+(?:2|II|hai)(?![\w])|nâng[ \t]+(?:lên[ \t]+)?mức", re.IGNORECASE, first=r"[mn]")

# ---------------------------------------------------------------- who decides (Điều 5, 10, 15; Điều 9, 14, 19 k2 đ)

_GDDT: Final = r"(?:Giáo[ \t]+dục[ \t]+(?:và|&)[ \t]+Đào[ \t]+tạo|GD[ \t]*&[ \t]*ĐT|GDĐT|GD-ĐT|GD[ \t]+và[ \t]+ĐT)"
_UBND: Final = r"(?:Ủy|Uỷ|ủy|uỷ)[ \t]+ban[ \t]+nhân[ \t]+dân|UBND"
_LOCAL_UNIT: Final = r"(?:cấp[ \t]+)?(?:xã|phường|thị[ \t]+trấn|huyện|quận|thị[ \t]+xã|tỉnh|thành[ \t]+phố)(?!\w)"
# A capitalised word after "UBND huyện" is a place ("UBND huyện Hòa An"), unless it starts the verb.
_NOT_A_VERB: Final = r"(?!(?:Quyết|Công|Ký|Ra|Ban|Xem|Tổ|Đánh|Thẩm|Sẽ|Đã|Có|Là|Và)(?!\w))"
# An authority as a draft names it, one named group per kind:
# "Trưởng phòng Giáo dục và Đào tạo", "Trưởng phòng GDĐT", "Phòng GD&ĐT" (the office for its head),
# "Giám đốc Sở GDĐT", "Sở Giáo dục và Đào tạo", "Bộ trưởng Bộ Giáo dục và Đào tạo", "Bộ GDĐT",
# "Chủ tịch UBND huyện", "Chủ tịch Ủy ban nhân dân cấp tỉnh", "UBND huyện Hòa An".
AUTHORITY: Final = (
    rf"(?P<auth>(?P<phong>(?:Trưởng[ \t]+phòng|Phòng)(?:[ \t]+{_GDDT})?)"
    rf"|(?P<so>(?:Giám[ \t]+đốc[ \t]+)?Sở(?:[ \t]+{_GDDT})?)"
    rf"|(?P<bo>Bộ[ \t]+trưởng(?:[ \t]+Bộ[ \t]+{_GDDT})?|Bộ[ \t]+{_GDDT})"
    rf"|(?P<ubnd>(?:Chủ[ \t]+tịch[ \t]+)?(?:{_UBND})(?:[ \t]+(?P<unit>{_LOCAL_UNIT})(?:[ \t]+{_NOT_A_VERB}{CAP_WORD}){{0,3}})?))"
)
# The same groups classify the decider the regime table names ("Trưởng phòng Giáo dục và Đào tạo" →
# phong), so a draft's "Phòng GDĐT" and the data's "Trưởng phòng …" compare equal.
AUTHORITY_RE: Final = lazy(AUTHORITY)
# Between an authority and its decision: "Giám đốc Sở GDĐT (sẽ) (ra|ký|ban hành) quyết định công nhận",
# "Sở GDĐT tổ chức đánh giá, công nhận", "Trưởng phòng GDĐT xem xét, quyết định công nhận".
_DECIDE_FILLER: Final = (
    r"(?:có[ \t]+thẩm[ \t]+quyền|là[ \t]+người|sẽ|đã|xem[ \t]+xét,?|ra|ban[ \t]+hành|ký|tổ[ \t]+chức[ \t]+đánh[ \t]+giá,?"
    r"|đánh[ \t]+giá,?|thẩm[ \t]+định,?|và)"
)
# "<authority> … quyết định công nhận" / "<authority> công nhận": the authority decides. Not after
# "của", which names the issuer of a document ("Hướng dẫn số 743/HD-UBND của Ủy ban nhân dân tỉnh
# Cao Bằng đánh giá, công nhận …" is the guide's trích yếu).
DECIDER_ACTIVE_RE: Final = lazy(
    rf"(?<!của )(?<!Của ){AUTHORITY}[ \t]+(?:{_DECIDE_FILLER}[ \t]+){{0,3}}(?:quyết[ \t]+định[ \t]+)?(?P<verb>công[ \t]+nhận)(?!\w)", first=r"[TPGSBCỦUủu]",
)
# "Quyết định công nhận … do Chủ tịch UBND huyện ký", "thẩm quyền công nhận … thuộc (về) Giám đốc Sở",
# "quyết định công nhận … của Bộ trưởng".
DECIDER_PASSIVE_RE: Final = lazy(
    rf"(?i:quyết[ \t]+định|thẩm[ \t]+quyền)[ \t]+(?P<verb>(?i:công[ \t]+nhận))(?!\w)[^.;:\n]{{0,90}}?"
    rf"(?:(?<!\w)do|(?<!\w)của|thuộc(?:[ \t]+về)?|(?<!\w)là)[ \t]+{AUTHORITY}"
)
# The issuer of a decision: the all-capitals line under its trích yếu (NĐ30 Phụ lục I, ô 5b), e.g.
# "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN HOÀNG SU PHÌ", "GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO", "TRƯỞNG PHÒNG
# GIÁO DỤC VÀ ĐÀO TẠO HUYỆN …", "BỘ TRƯỞNG BỘ GIÁO DỤC VÀ ĐÀO TẠO".
ISSUER_LINE_RE: Final = lazy(rf"^[ \t]*{AUTHORITY}(?:[ \t]+[^\n]*)?$", re.IGNORECASE)
# The tên loại line of a decision: "QUYẾT ĐỊNH" alone on its line.
DECISION_KIND_LINE_RE: Final = lazy(r"^[ \t]*QUYẾT[ \t]+ĐỊNH[ \t]*$")
# Its trích yếu when the decision recognises: "Về việc công nhận “Cộng đồng học tập” cấp xã năm 2024",
# "Công nhận xã … đạt …".
RECOGNITION_SUBJECT_RE: Final = lazy(r"^[ \t]*(?:(?:V/v|Về[ \t]+việc|Về)[ \t]+)?công[ \t]+nhận(?!\w)", re.IGNORECASE)
# The level a recognition is for, named with the title: "“Cộng đồng học tập” cấp xã", "CĐHT cấp tỉnh".
CDHT_LEVEL_RE: Final = lazy(
    r"(?:[Cc]ộng[ \t]+đồng[ \t]+học[ \t]+tập|CĐHT)[”\"'’]?[ \t]*\(?[ \t]*cấp[ \t]+(?P<level>xã|huyện|tỉnh)(?!\w)", re.IGNORECASE
)
# A level named after the verb, not the council's ("Hội đồng đánh giá cấp huyện" assesses the xã):
# "công nhận đạt chuẩn cấp xã".
RECOGNISED_LEVEL_RE: Final = lazy(r"(?<!đánh giá )(?<!Hội đồng )(?<!hội đồng )cấp[ \t]+(?P<level>xã|huyện|tỉnh)(?!\w)")
# A list of levels after the first one: "“Cộng đồng học tập” cấp xã, huyện, tỉnh", "cấp huyện và cấp tỉnh".
LEVEL_LIST_TAIL_RE: Final = lazy(r"[ \t]*(?:,|và)[ \t]*(?:cấp[ \t]+)?(?P<level>xã|huyện|tỉnh)(?!\w)")
# The unit that is recognised: "công nhận 12 xã đạt …", "công nhận các huyện …".
RECOGNISED_UNIT_RE: Final = lazy(
    r"công[ \t]+nhận[ \t]+(?:(?:các|\d{1,3}(?:/\d{1,3})?)[ \t]+)?(?P<unit>xã|phường|thị[ \t]+trấn|huyện|quận|thị[ \t]+xã|tỉnh)(?!\w)",
    re.IGNORECASE,
)

# ---------------------------------------------------------------- tiêu chí and chỉ tiêu counts (Điều 6, 7, 11, 12, 16, 17)

# What a set of criteria is said to consist of: "Bộ tiêu chí cấp huyện gồm 5 tiêu chí, 15 chỉ tiêu",
# "cấp xã có 05 tiêu chí với 15 chỉ tiêu", "(4 tiêu chí, 16 chỉ tiêu)", "theo 04 tiêu chí, 13 chỉ
# tiêu", "cấp tỉnh: bốn tiêu chí và mười sáu chỉ tiêu". Not a result: "có 4 tiêu chí đạt", "có 3
# tiêu chí, 10 chỉ tiêu chưa đạt". Not "đạt 4 tiêu chí" (a result as often as the whole set).
# "đạt tất cả 04 tiêu chí, 13 chỉ tiêu": "tất cả" makes the count the whole set, not a result.
_COUNT_CUE: Final = r"(?:(?<!\w)(?:bao[ \t]+gồm|gồm(?:[ \t]+có)?|có|với|theo|quy[ \t]+định|(?:đạt[ \t]+)?(?:tất[ \t]+cả|đủ|đầy[ \t]+đủ)(?:[ \t]+các)?)[ \t]+|[(:][ \t]*)"
_RESULT_AFTER: Final = r"(?![ \t]*(?:đạt|chưa|không|còn|được|trở[ \t]+lên)(?!\w))"
# Between the two counts: ", ", " và ", " với ", " (", " trong đó có ", " tương ứng với ".
_COUNT_SEP: Final = (
    r"(?:[ \t]*(?:,|và|với|\(|gồm|trong[ \t]+đó(?:[ \t]+có)?|bao[ \t]+gồm|tương[ \t]+ứng(?:[ \t]+với)?))+[ \t]*"
)
# "…, 10 chỉ tiêu chưa đạt": the second count is a result, so the first one is too.
_CHI_TIEU_RESULT: Final = rf"{_COUNT_SEP}{NUMBER}[ \t]+chỉ[ \t]+tiêu(?!\w)[ \t]*(?:đạt|chưa|không|còn|được)(?!\w)"
CRITERIA_COUNT_RE: Final = lazy(
    rf"{_COUNT_CUE}(?P<tieu_chi>{NUMBER})[ \t]+tiêu[ \t]+chí(?!\w){_RESULT_AFTER}(?!{_CHI_TIEU_RESULT})"
    rf"(?:{_COUNT_SEP}(?P<chi_tieu>{NUMBER})[ \t]+chỉ[ \t]+tiêu(?!\w))?",
    re.IGNORECASE,
)
# A result out of the whole set: "đạt 05/05 tiêu chí, 15/15 chỉ tiêu", "đạt 3/4 tiêu chí". The number
# after "/" is the set's size (a tiêu chí count is always the whole set's; a chỉ tiêu count only when it
# follows one, "2/3 chỉ tiêu của tiêu chí 1" alone is a part).
CRITERIA_SHARE_RE: Final = lazy(
    r"(?<![\d/])\d{1,2}[ \t]*/[ \t]*(?P<tieu_chi>\d{1,2})[ \t]+tiêu[ \t]+chí(?!\w)"
    rf"(?:{_COUNT_SEP}\d{{1,2}}[ \t]*/[ \t]*(?P<chi_tieu>\d{{1,2}})[ \t]+chỉ[ \t]+tiêu(?!\w))?",
    re.IGNORECASE,
)

# A task-table row about issuing the recognition decision: "Ban hành quyết định công nhận …".
ROW_DECISION_RE: Final = lazy(r"(?:ban[ \t]+hành[ \t]+)?quyết[ \t]+định[ \t]+công[ \t]+nhận", re.IGNORECASE)
# The label of a procedure page that names who decides: "Cơ quan có thẩm quyền (quyết định)".
COMPETENT_LABEL_RE: Final = lazy(r"Cơ[ \t]+quan[ \t]+có[ \t]+thẩm[ \t]+quyền", re.IGNORECASE)
# The criteria article cited right after a count: "… 16 chỉ tiêu quy định tại Điều 11 của Thông tư".
CRITERIA_ARTICLE_RE: Final = lazy(r"^[^.;\n]{0,40}?(?:tại|theo)[ \t]+(?:khoản[ \t]+\d{1,2}[ \t]+)?Điều[ \t]+(?P<article>\d{1,2})(?!\d)")
