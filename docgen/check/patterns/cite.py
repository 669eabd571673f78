"""Patterns for citations of documents, article locators and dates in Vietnamese drafts.

Every pattern is compiled once, here, and built from named parts (kind, symbol, date, issuer,
title, locator), like reporters-db's ``"$volume $reporter,? $page"`` templates. Each part has a
comment with an example. The text has been NFC-normalised before matching; whitespace parts use
``\\s`` so that a line break inside a citation (PDF) still matches.
"""

from __future__ import annotations

import re
from typing import Final

# ---------------------------------------------------------------- letters

_VOWELS: Final = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ"
LOWER: Final = "a-zđ" + _VOWELS
UPPER: Final = "A-ZĐ" + _VOWELS.upper()
# A word that starts with a capital: "Bộ", "Giáo", "Ủy"
CAP_WORD: Final = rf"[{UPPER}][{LOWER}{UPPER}&]*"
_SP: Final = r"[ \t]*\n?[ \t]*"  # optional space, possibly across one line break (PDF)
_S: Final = r"(?:[ \t]+\n?[ \t]*|[ \t]*\n[ \t]*)"  # required space or one line break

# ---------------------------------------------------------------- kinds

# Tên loại văn bản that plans cite, longest first so "Thông tư liên tịch" wins over "Thông tư".
KIND_NAMES: Final[tuple[str, ...]] = (
    "Thông tư liên tịch", "Nghị quyết liên tịch", "Thông tư", "Nghị định", "Nghị quyết", "Quyết định",
    "Kết luận", "Chỉ thị", "Kế hoạch", "Hướng dẫn", "Công văn", "Văn bản", "Thông báo", "Tờ trình",
    "Chương trình", "Báo cáo", "Luật", "Pháp lệnh", "Công điện",
)
# "Thông tư", "thông tư" (mid-sentence lower case is common), "Thông  tư"
# Any case: "Thông tư", "thông tư", "THÔNG TƯ" (a title in capitals). Words are separated by
# spaces or one line break (PDF).
KIND: Final = "(?P<kind>(?i:" + "|".join(re.escape(k).replace(r"\ ", _S) for k in KIND_NAMES) + "))"

# Type abbreviations that start a ký hiệu (NĐ30 Phụ lục III), used to split "TTBGDĐT" into
# "TT" + "BGDĐT". Longest first.
TYPE_ABBREVIATIONS: Final[tuple[str, ...]] = (
    "TTLT", "NQLT", "CTr", "TTr", "QĐ", "NĐ", "TT", "NQ", "CT", "KH", "HD", "TB", "BC", "KL", "QC",
    "QyĐ", "PA", "ĐA", "DA", "BB", "HĐ", "CĐ", "GM", "GUQ", "GGT", "GNP", "PG", "PC", "PB", "L",
)

# ---------------------------------------------------------------- symbol

# State document: "25/2023/TT-BGDĐT", "1373/QĐ-TTg", "3727/KH-UBND", "40/TTr-SGDĐT",
# "1357/UBND-KGVX"; tolerant of "TT- BGDĐT", "TT -BGDĐT", "TTBGDĐT" and "25 /2023/…".
STATE_SYMBOL: Final = (
    r"(?P<number>\d{1,5})[ \t]?/[ \t]?(?:(?P<year>(?:19|20)\d{2})[ \t]?/[ \t]?)?"
    rf"(?P<code>[{UPPER}][{UPPER}{LOWER}&]{{0,9}}(?:[ \t]?[-–][ \t]?\n?[{UPPER}][{UPPER}{LOWER}&]{{0,11}}){{0,3}})"
)
# Party document: "49-KL/TW", "11-CT/TW", "05-NQ/TU".
PARTY_SYMBOL: Final = r"(?P<pnumber>\d{1,4})[ \t]?[-–][ \t]?(?P<ptype>KL|CT|NQ|QĐ|TB|HD|KH|QC)[ \t]?/[ \t]?(?P<org>TW|TU|HU|ĐU|QU|BCS)"
SYMBOL: Final = rf"(?:{PARTY_SYMBOL}|{STATE_SYMBOL})"
SYMBOL_RE: Final = re.compile(rf"(?<![\w/]){SYMBOL}(?![\w/])")

# ---------------------------------------------------------------- dates

# "ngày 27/12/2023", "ngày 9/4/2024", "ngày 27-12-2023"; "n gày" (a split word, seed 000).
DATE_NUMERIC: Final = r"(?P<d1>\d{1,2})[ \t]?(?P<sep>[/.\-])[ \t]?(?P<m1>\d{1,2})[ \t]?(?P=sep)[ \t]?(?P<y1>\d{4})"
# "ngày 30 tháng 7 năm 2021", "ngày 01 tháng 01 năm 2024".
DATE_WORDS: Final = rf"(?P<d2>\d{{1,2}}){_S}(?i:tháng){_S}(?P<m2>\d{{1,2}}){_S}(?i:năm){_S}(?P<y2>\d{{4}})"
NGAY: Final = r"(?i:n[ \t]?gày)"
DATE: Final = rf"(?P<date>{NGAY}{_S}(?:{DATE_NUMERIC}|{DATE_WORDS}))"
# Any date inside a sentence, with or without "ngày": "31/6/2026", "ngày 29 tháng 02 năm 2025".
ANY_DATE_RE: Final = re.compile(
    rf"(?<![\d/.\-]){NGAY}?[ \t]?(?:{DATE_NUMERIC}|{DATE_WORDS})(?![\d/])"
)

# ---------------------------------------------------------------- issuer and title

# Lower-case words that occur inside Vietnamese organisation names ("Bộ Giáo dục và Đào tạo",
# "Ủy ban nhân dân tỉnh", "Ban Chấp hành Trung ương", "Bộ Văn hóa, Thể thao và Du lịch").
_NAME_LOWER_WORDS: Final[tuple[str, ...]] = (
    "dục", "tạo", "và", "nhân", "dân", "trưởng", "tướng", "phủ", "trị", "thư", "hành", "ương", "học",
    "nghệ", "hóa", "hoá", "thao", "lịch", "chính", "vụ", "pháp", "động", "binh", "hội", "tin", "thông",
    "đầu", "tư", "ban", "khóa", "khoá", "tỉnh", "huyện", "thành", "phố", "xã", "phường", "quận", "thị",
    "trấn", "đồng", "chấp", "thường", "truyền", "-",
)
# Words that end an issuer because they start its trích yếu: "ban hành", "quy định", "về".
_ISSUER_STOP: Final = (
    r"(?![Bb]an[ \t]hành|[Qq]uy[ \t]định|[Vv]ề(?!\w)|[Pp]hê[ \t]duyệt|[Hh]ướng[ \t]dẫn|[Tt]hực[ \t]hiện|[Tt]riển[ \t]khai|"
    r"[Ss]ửa[ \t]đổi|[Cc]ông[ \t]bố|[Tt]hông[ \t]tư|[Qq]uyết[ \t]định|[Nn]ghị[ \t]định)"
)
# One more word of an issuer: a capitalised word, a name-internal lower-case word, "(UBND)", "XII".
_ISSUER_WORD: Final = (
    rf"{_ISSUER_STOP}(?:{CAP_WORD}|(?:{'|'.join(_NAME_LOWER_WORDS)})(?![{LOWER}])|\([A-ZĐ]{{2,10}}\)|[IVX]{{1,5}}\b)"
)
# "của Bộ trưởng Bộ Giáo dục và Đào tạo", "của Thủ tướng Chính phủ",
# "của Ủy ban nhân dân (UBND) tỉnh", "của Ban Bí thư Trung ương Đảng khóa XII"
# A comma inside a name only before the second part of a ministry: "Bộ Văn hóa, Thể thao và Du lịch".
_ISSUER_COMMA: Final = r",[ \t]+(?=Thể[ \t]+thao)"
ISSUER: Final = rf"(?P<issuer>{CAP_WORD}(?:(?:[ \t]+\n?[ \t]*|{_ISSUER_COMMA}){_ISSUER_WORD}){{0,14}})"
# Words that begin a trích yếu after a citation: "Quy định về …", "về …", "phê duyệt …".
TITLE_LEAD: Final = (
    r"(?:[Qq]uy[ \t]định|[Vv]ề|[Bb]an[ \t]hành|[Pp]hê[ \t]duyệt|[Hh]ướng[ \t]dẫn|[Ss]ửa[ \t]đổi|"
    r"[Tt]riển[ \t]khai|[Tt]hực[ \t]hiện|[Cc]ông[ \t]bố)"
)
# The trích yếu runs to ";", "(", a line end, or ". " (not "12.5").
TITLE: Final = rf"(?P<title>{TITLE_LEAD}(?![ \t]*:)\b[^;(\n]*?)(?=\s*(?:[;(\n]|\.(?:\s|$)|$|,[ \t]+(?:căn[ \t]cứ|theo[ \t]đề[ \t]nghị)))"

# ---------------------------------------------------------------- citation

# "Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023 của Bộ Giáo dục và Đào tạo Quy định về …",
# "Quyết định 1373/QĐ-TTg ngày 30 tháng 7 năm 2021", "Kết luận số 49-KL/TW", "Thông tư này".
CITATION_RE: Final = re.compile(
    rf"(?<![{LOWER}{UPPER}]){KIND}{_S}"
    rf"(?:(?P<so>(?i:số)){_S}|(?P<so_colon>(?i:số):){_SP})?"
    rf"(?:(?P<self>này)(?![{LOWER}])|(?P<symbol>{SYMBOL})(?![\w/]))"
    rf"(?:[ \t]*,?{_S}{DATE})?"
    rf"(?:{_S}(?:(?i:của){_S}{ISSUER}))?"
    rf"(?:[ \t]*\n?[ \t]*{TITLE})?"
)

# ---------------------------------------------------------------- article locators

# "điểm a khoản 4 Điều 17", "khoản 3 điều 14", "Điều 6", "khoản 1, khoản 2 Điều này",
# "điểm a, điểm b khoản 1 Điều 8"; NĐ30 order is điểm → khoản → Điều.
POINT: Final = rf"(?:[Đđ]iểm{_S}(?P<point>[a-zđ])(?:[ \t]*,[ \t]*(?:điểm[ \t]+)?[a-zđ])*[ \t]*,?{_S})"
CLAUSE: Final = rf"(?:[Kk]hoản{_S}(?P<clause>\d{{1,2}})(?:[ \t]*,[ \t]*(?:khoản[ \t]+)?\d{{1,2}})*[ \t]*,?{_S})"
ARTICLE: Final = r"(?:[Đđ]iều[ \t]+(?P<article>\d{1,3}|này)(?![\d]))"
LOCATOR_RE: Final = re.compile(rf"(?<![{LOWER}{UPPER}]){POINT}?{CLAUSE}?{ARTICLE}")
# What a locator belongs to, right after it: "của Thông tư này", "Thông tư 25/2023/TT-BGDĐT".
LOCATOR_DOC_RE: Final = re.compile(
    rf"[ \t]*,?[ \t]*(?:(?:của|tại|theo){_S})?(?P<doc>{KIND}{_S}(?:số{_S})?(?:(?P<self>này)|(?P<symbol>{SYMBOL})))"
)

# ---------------------------------------------------------------- quotations and sentences

# A verbatim quotation opens after "quy định:" / a colon: ':   "Có ít nhất …'.
QUOTE_OPEN_RE: Final = re.compile(r":[ \t]*[\"“]")
# It closes at a quote followed by punctuation or the line end: '… Thông tư này";', '…”.'
QUOTE_CLOSE_RE: Final = re.compile(r"[\"”][ \t]*(?=[;.,)]|\n|$)")
# Sentence boundaries inside a line: ". " before a capital, ";" or a line break.
SENTENCE_END_RE: Final = re.compile(rf"(?:[.!?](?=[ \t]+[{UPPER}\"“(])|;|\n)")

# ---------------------------------------------------------------- the draft's own date

# "Thái Bình, ngày 15 tháng 4 năm 2024", "Cao Bằng, ngày 05 tháng 3 năm 2025", the (wrong, NĐ30)
# "TP. Hồ Chí Minh, ngày …", and a PDF line that also holds the number ("Số: 31/QĐ-PGDĐT Lập
# Thạch, ngày 27 tháng 3 năm 2025"): one to five capitalised words, then ", ngày … tháng … năm …".
PLACE_DATE_RE: Final = re.compile(
    rf"(?:^|(?<=[ \t*_]))(?P<place>(?:[{UPPER}][^\s,;:]*[ \t]+){{0,4}}[{UPPER}][^\s,;:/]*)[ \t]*,[ \t]*[Nn]gày[ \t]+(?P<d>\d{{1,2}})"
    r"[ \t]+tháng[ \t]+(?P<m>\d{1,2})[ \t]+năm[ \t]+(?P<y>\d{4})",
    re.MULTILINE,
)

# ---------------------------------------------------------------- symbol clean-up

# Spaces inside a symbol: "TT- BGDĐT", "25 / 2023", a line break after the hyphen (PDF).
SYMBOL_SPACES_RE: Final = re.compile(r"\s*([/\-–])\s*")


# ---------------------------------------------------------------- footnotes and PDF layout

# A footnote as docgen writes it in a draft's text: "[4] Tại Điều 12 …" at a line start
# (used with ``.match`` at the line's first offset).
FOOTNOTE_LINE_RE: Final = re.compile(r"\[(\d{1,3})\][ \t]")
# A footnote marker in the body: "… theo quy định [4]." or "quy định[4]".
FOOTNOTE_MARK_RE: Final = re.compile(r"(?<=\S)[ \t]*\[(\d{1,3})\]")
# A PDF line that holds only a page number: "2", "- 3 -".
PAGE_NUMBER_LINE_RE: Final = re.compile(r"^\s*(?:-\s*)?\d{1,4}(?:\s*-)?\s*$")
# A footnote at the foot of a PDF page: "4 Tại Điều 12 của Thông tư …" (number, space, capital).
PDF_FOOTNOTE_LINE_RE: Final = re.compile(rf"^(?P<number>\d{{1,3}})[ \t]+(?=[{UPPER}\"“])")


def pdf_marker_re(number: int) -> re.Pattern[str]:
    """A superscript footnote number glued to a word in PDF text: "quy định4." (number 4).

    Built per footnote number found at the page foot; compiled on demand because the numbers
    are only known per page.
    """
    return re.compile(rf"(?<=[{LOWER}{UPPER}”\")]){number}(?=[\s.,;:)]|$)")


# ---------------------------------------------------------------- what a clause is said to say

# "… quy định: “…”" right after a locator or its document: ' của Thông tư này quy định: "'
SAYS_INTRO_RE: Final = re.compile(r"[ \t]*(?:của[^:\n]{0,60})?quy[ \t]+định[ \t]*:")
# A paraphrase after a locator: "… Điều 17 quy định: Có ít nhất 90% số xã …" (with or without ":").
SAYS_RE: Final = re.compile(r"[^:\n]{0,80}?quy\s+định\s*:?\s*", re.IGNORECASE)
# The "Điều n" part of a locator: "điểm a khoản 4 Điều 17" → "Điều 17".
ARTICLE_PART_RE: Final = re.compile(r"[Đđ]iều\s+\d+")
# Features compared between a clause and what a draft says it says:
# "số xã" (the units counted), "cấp huyện mức độ 2", "Điều 13", "90%".
UNIT_COUNTED_RE: Final = re.compile(r"số\s+(xã|huyện|tỉnh)\b", re.IGNORECASE)
LEVEL_AND_MUC_DO_RE: Final = re.compile(r"cấp\s+(xã|huyện|tỉnh)\b[^.;\d]{0,12}?mức\s+độ\s+([12])", re.IGNORECASE)
ARTICLE_NUMBER_RE: Final = re.compile(r"Điều\s+(\d+)")
PERCENT_RE: Final = re.compile(r"(\d{1,3})\s*%")

# ---------------------------------------------------------------- comparing names and titles

# "(UBND)", "(sau đây gọi là …)": asides dropped before comparing issuers.
PARENTHESES_RE: Final = re.compile(r"\([^)]*\)")
# One word of a name.
WORD_RE: Final = re.compile(r"\w+")
# Words that open a trích yếu but are not part of the registry title: "ban hành …", "về việc …".
TITLE_OPENING_RE: Final = re.compile(r"^(ban hành|về việc|về)\s+")
# "Theo điểm a khoản 4 Điều 17 Thông tư số 25/2023/TT-BGDĐT, tỉnh phải có …": a locator that
# opens its clause with "Theo"/"Tại"/"Căn cứ" and is followed by a comma introduces a paraphrase.
PARAPHRASE_LEAD_RE: Final = re.compile(r"(?:^|[\s(\-–])(?:[Tt]heo|[Tt]ại|[Cc]ăn[ \t]+cứ)(?:[ \t]+quy[ \t]+định[ \t]+tại)?[ \t]*$")
PARAPHRASE_COMMA_RE: Final = re.compile(r"[ \t]*,[ \t]*")
