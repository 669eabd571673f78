"""Patterns for citations of documents, article locators and dates in Vietnamese drafts.

Every pattern is compiled once, here, and built from named parts (kind, symbol, date, issuer,
title, locator), like reporters-db's ``"$volume $reporter,? $page"`` templates. Each part has a
comment with an example. The text has been NFC-normalised before matching; whitespace parts use
``\\s`` so that a line break inside a citation (PDF) still matches.
"""

from __future__ import annotations

import re
from typing import Final

from docgen.lazy_re import lazy

# ---------------------------------------------------------------- letters

_VOWELS: Final = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ"
LOWER: Final = "a-zđ" + _VOWELS
UPPER: Final = "A-ZĐ" + _VOWELS.upper()
# A word that starts with a capital: "Bộ", "Giáo", "Ủy"
CAP_WORD: Final = rf"[{UPPER}][{LOWER}{UPPER}&]*"
# An abbreviation whose parts are joined by "-" or "&": "GD-ĐT", "GD&ĐT", "KH&CN", "LĐ-TB&XH"
# (issue 8: "của Bộ GD-ĐT" was cut at the hyphen and read as the issuer "Bộ GD").
ABBREVIATION_WORD: Final = rf"[{UPPER}]{{1,6}}(?:[&\-–][{UPPER}]{{1,6}})+(?![{LOWER}{UPPER}])"
_SP: Final = r"[ \t]*\n?[ \t]*"  # optional space, possibly across one line break (PDF)
# Required space or one line break. Possessive (Python 3.11): every _S is followed by a word or a
# digit, never by a blank, so giving blanks back never makes a match; the old form
# "(?:[ \t]+\n?[ \t]*|[ \t]*\n[ \t]*)" split a run of blanks every possible way, and next to
# "[ \t]*,?" that took minutes on a few hundred spaces (issue 9).
_S: Final = r"(?:[ \t]++(?:\n[ \t]*+)?+|\n[ \t]*+)"

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
# "1357/UBND-KGVX", "12/KH-PGD&ĐT", "45/SGDĐT-GDTX&CN" ("&" inside a part, issue 8); tolerant of
# "TT- BGDĐT", "TT -BGDĐT", "TTBGDĐT" and "25 /2023/…". After a dash with a blank beside it the
# part must start with two capitals, so that "25/2023/TT-BGDĐT - Cổng thông tin điện tử" (a web
# page's title, issue 8) or "… - Bộ Giáo dục" does not take the next word into the symbol.
_SYMBOL_PART: Final = rf"[{UPPER}][{UPPER}{LOWER}&]{{0,11}}"
_SYMBOL_SPACED_PART: Final = rf"[{UPPER}][{UPPER}&][{UPPER}{LOWER}&]{{0,10}}"
STATE_SYMBOL: Final = (
    r"(?P<number>\d{1,5})[ \t]?/[ \t]?(?:(?P<year>(?:19|20)\d{2})[ \t]?/[ \t]?)?"
    rf"(?P<code>[{UPPER}][{UPPER}{LOWER}&]{{0,9}}"
    rf"(?:(?:[-–]\n?{_SYMBOL_PART}|(?:[ \t][-–][ \t]?|[-–][ \t])\n?{_SYMBOL_SPACED_PART})(?![{LOWER}])){{0,3}})"
)
# Party document: "49-KL/TW", "11-CT/TW", "05-NQ/TU".
PARTY_SYMBOL: Final = r"(?P<pnumber>\d{1,4})[ \t]?[-–][ \t]?(?P<ptype>KL|CT|NQ|QĐ|TB|HD|KH|QC)[ \t]?/[ \t]?(?P<org>TW|TU|HU|ĐU|QU|BCS)"
SYMBOL: Final = rf"(?:{PARTY_SYMBOL}|{STATE_SYMBOL})"
SYMBOL_RE: Final = lazy(rf"(?<![\w/]){SYMBOL}(?![\w/])")

# ---------------------------------------------------------------- dates

# "ngày 27/12/2023", "ngày 9/4/2024", "ngày 27-12-2023"; "n gày" (a split word, seed 000).
DATE_NUMERIC: Final = r"(?P<d1>\d{1,2})[ \t]?(?P<sep>[/.\-])[ \t]?(?P<m1>\d{1,2})[ \t]?(?P=sep)[ \t]?(?P<y1>\d{4})"
# "ngày 30 tháng 7 năm 2021", "ngày 01 tháng 01 năm 2024".
DATE_WORDS: Final = rf"(?P<d2>\d{{1,2}}){_S}(?i:tháng){_S}(?P<m2>\d{{1,2}}){_S}(?i:năm){_S}(?P<y2>\d{{4}})"
NGAY: Final = r"(?i:n[ \t]?gày)"
DATE: Final = rf"(?P<date>{NGAY}{_S}(?:{DATE_NUMERIC}|{DATE_WORDS}))"
# Any date inside a sentence, with or without "ngày": "31/6/2026", "ngày 29 tháng 02 năm 2025".
ANY_DATE_RE: Final = lazy(
    rf"(?<![\d/.\-]){NGAY}?[ \t]?(?:{DATE_NUMERIC}|{DATE_WORDS})(?![\d/])", first=r"[nN \t\d]"
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
    rf"{_ISSUER_STOP}(?:{ABBREVIATION_WORD}|{CAP_WORD}|(?:{'|'.join(_NAME_LOWER_WORDS)})(?![{LOWER}])|\([A-ZĐ]{{2,10}}\)|[IVX]{{1,5}}\b)"
)
# "của Bộ trưởng Bộ Giáo dục và Đào tạo", "của Thủ tướng Chính phủ",
# "của Ủy ban nhân dân (UBND) tỉnh", "của Ban Bí thư Trung ương Đảng khóa XII"
# A comma inside a name only before the second part of a ministry: "Bộ Văn hóa, Thể thao và Du lịch".
_ISSUER_COMMA: Final = r",[ \t]+(?=Thể[ \t]+thao)"
ISSUER: Final = rf"(?P<issuer>(?:{ABBREVIATION_WORD}|{CAP_WORD})(?:(?:[ \t]+\n?[ \t]*|{_ISSUER_COMMA}){_ISSUER_WORD}){{0,14}})"
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
CITATION_RE: Final = lazy(
    rf"(?<![{LOWER}{UPPER}]){KIND}{_S}"
    rf"(?:(?P<so>(?i:số)){_S}|(?P<so_colon>(?i:số):){_SP})?"
    rf"(?:(?P<self>này)(?![{LOWER}])|(?P<symbol>{SYMBOL})(?![\w/]))"
    rf"(?:[ \t]*,?{_S}{DATE})?"
    rf"(?:{_S}(?:(?i:của){_S}{ISSUER}))?"
    rf"(?:[ \t]*\n?[ \t]*{TITLE})?",
    first=rf"(?i:[{''.join(sorted({k[0].lower() for k in KIND_NAMES}))}])",  # the kinds' initials, any case
)

# ---------------------------------------------------------------- article locators

# "điểm a khoản 4 Điều 17", "khoản 3 điều 14", "Điều 6", "khoản 1, khoản 2 Điều này",
# "điểm a, điểm b khoản 1 Điều 8"; NĐ30 order is điểm → khoản → Điều.
POINT: Final = rf"(?:[Đđ]iểm{_S}(?P<point>[a-zđ])(?:[ \t]*,[ \t]*(?:điểm[ \t]+)?[a-zđ])*[ \t]*,?{_S})"
CLAUSE: Final = rf"(?:[Kk]hoản{_S}(?P<clause>\d{{1,2}})(?:[ \t]*,[ \t]*(?:khoản[ \t]+)?\d{{1,2}})*[ \t]*,?{_S})"
ARTICLE: Final = r"(?:[Đđ]iều[ \t]+(?P<article>\d{1,3}|này)(?![\d]))"
LOCATOR_RE: Final = lazy(rf"(?<![{LOWER}{UPPER}]){POINT}?{CLAUSE}?{ARTICLE}")
# What a locator belongs to, right after it: "của Thông tư này", "Thông tư 25/2023/TT-BGDĐT".
LOCATOR_DOC_RE: Final = lazy(
    rf"[ \t]*+,?[ \t]*+(?:(?:của|tại|theo){_S})?(?P<doc>{KIND}{_S}(?:số{_S})?(?:(?P<self>này)|(?P<symbol>{SYMBOL})))"
)

# ---------------------------------------------------------------- quotations and sentences

# A verbatim quotation opens after "quy định:" / a colon: ':   "Có ít nhất …'.
QUOTE_OPEN_RE: Final = lazy(r":[ \t]*[\"“]")
# It closes at a quote followed by punctuation or the line end: '… Thông tư này";', '…”.'
QUOTE_CLOSE_RE: Final = lazy(r"[\"”][ \t]*(?=[;.,)]|\n|$)")
# Sentence boundaries inside a line: ". " before a capital, ";" or a line break.
SENTENCE_END_RE: Final = lazy(rf"(?:[.!?](?=[ \t]+[{UPPER}\"“(])|;|\n)")

# ---------------------------------------------------------------- the draft's own date

# "Thái Bình, ngày 15 tháng 4 năm 2024", "Cao Bằng, ngày 05 tháng 3 năm 2025", the (wrong, NĐ30)
# "TP. Hồ Chí Minh, ngày …", and a PDF line that also holds the number ("Số: 31/QĐ-PGDĐT Lập
# Thạch, ngày 27 tháng 3 năm 2025"): one to five capitalised words, then ", ngày … tháng … năm …".
# A weekday is no place: "Thứ Hai, ngày 15 tháng 4 năm 2024" is the date a web page was posted
# (text copied from a portal, issue 8), not the draft's own date.
PLACE_DATE_RE: Final = lazy(
    rf"(?:^|(?<=[ \t*_]))(?<!Thứ[ \t])(?<!THỨ[ \t])(?<!Chủ[ \t])(?<!CHỦ[ \t])(?!(?:Thứ|THỨ|Chủ[ \t]+[Nn]hật|CHỦ[ \t]+NHẬT)(?![{LOWER}{UPPER}]))(?P<place>(?:[{UPPER}][^\s,;:]*[ \t]+){{0,4}}[{UPPER}][^\s,;:/]*)[ \t]*,[ \t]*[Nn]gày[ \t]+(?P<d>\d{{1,2}})"
    r"[ \t]+tháng[ \t]+(?P<m>\d{1,2})[ \t]+năm[ \t]+(?P<y>\d{4})",
    re.MULTILINE,
)

# ---------------------------------------------------------------- symbol clean-up

# Spaces inside a symbol: "TT- BGDĐT", "25 / 2023", a line break after the hyphen (PDF).
SYMBOL_SPACES_RE: Final = lazy(r"\s*([/\-–])\s*")


# ---------------------------------------------------------------- footnotes and PDF layout

# A footnote as docgen writes it in a draft's text: "[4] Tại Điều 12 …" at a line start
# (used with ``.match`` at the line's first offset).
FOOTNOTE_LINE_RE: Final = lazy(r"\[(\d{1,3})\][ \t]")
# A footnote marker in the body: "… theo quy định [4]." or "quy định[4]".
FOOTNOTE_MARK_RE: Final = lazy(r"(?<=\S)[ \t]*\[(\d{1,3})\]")
# A PDF line that holds only a page number: "2", "- 3 -".
PAGE_NUMBER_LINE_RE: Final = lazy(r"^\s*(?:-\s*)?\d{1,4}(?:\s*-)?\s*$")
# A footnote at the foot of a PDF page: "4 Tại Điều 12 của Thông tư …" (number, space, capital).
PDF_FOOTNOTE_LINE_RE: Final = lazy(rf"^(?P<number>\d{{1,3}})[ \t]+(?=[{UPPER}\"“])")


def pdf_marker_re(number: int) -> re.Pattern[str]:
    """A superscript footnote number glued to a word in PDF text: "quy định4." (number 4).

    Built per footnote number found at the page foot; compiled on demand because the numbers
    are only known per page.
    """
    return re.compile(rf"(?<=[{LOWER}{UPPER}”\")]){number}(?=[\s.,;:)]|$)")


# ---------------------------------------------------------------- what a clause is said to say

# "… quy định: “…”" right after a locator or its document: ' của Thông tư này quy định: "'
SAYS_INTRO_RE: Final = lazy(r"[ \t]*(?:của[^:\n]{0,60})?quy[ \t]+định[ \t]*:")
# A paraphrase after a locator: "… Điều 17 quy định: Có ít nhất 90% số xã …" (with or without ":").
SAYS_RE: Final = lazy(r"[^:\n]{0,80}?quy\s+định\s*:?\s*", re.IGNORECASE)
# The "Điều n" part of a locator: "điểm a khoản 4 Điều 17" → "Điều 17".
ARTICLE_PART_RE: Final = lazy(r"[Đđ]iều\s+\d+")
# "Điều 7 (mức độ 1)": a mức độ in brackets right after a locator, which the draft gives that article.
MUC_DO_BRACKET_RE: Final = lazy(r"[ \t]*\([ \t]*mức[ \t]+độ[ \t]+(?P<muc_do>[12])[ \t]*\)", re.IGNORECASE)
# Features compared between a clause and what a draft says it says:
# "số xã" (the units counted), "cấp huyện mức độ 2", "Điều 13", "90%".
UNIT_COUNTED_RE: Final = lazy(r"số\s+(xã|huyện|tỉnh)\b", re.IGNORECASE)
LEVEL_AND_MUC_DO_RE: Final = lazy(r"cấp\s+(xã|huyện|tỉnh)\b[^.;\d]{0,12}?mức\s+độ\s+([12])", re.IGNORECASE)
ARTICLE_NUMBER_RE: Final = lazy(r"Điều\s+(\d+)")
PERCENT_RE: Final = lazy(r"(\d{1,3})\s*%")

# ---------------------------------------------------------------- comparing names and titles

# "(UBND)", "(sau đây gọi là …)": asides dropped before comparing issuers.
PARENTHESES_RE: Final = lazy(r"\([^)]*\)")
# One word of a name.
WORD_RE: Final = lazy(r"\w+")
# An abbreviation written in parts, looked up in the registry's abbreviation table as one word:
# "GD&ĐT", "GD-ĐT", "GD - ĐT", "GD và ĐT" (all "GDĐT"), "KH&CN" (issue 8).
ABBREVIATION_GROUP_RE: Final = lazy(
    rf"(?<![{LOWER}{UPPER}])[{UPPER}]{{1,6}}(?:[ \t]*(?:&|[-–]|và)[ \t]*[{UPPER}]{{1,6}})+(?![{LOWER}{UPPER}])"
)
# Words that open a trích yếu but do not tell one document from another, dropped (repeatedly)
# from both titles before they are compared: "ban hành Quy định về …", "về việc …", "phê duyệt
# Đề án …" (issue 8: "của Bộ GDĐT về đánh giá, công nhận …" is TT25's title, not a paraphrase).
TITLE_OPENING_RE: Final = lazy(r"^(?:(?:ban hành|quy định|về việc|về|phê duyệt)\s+)+")
# The quoted name a title is about: "cộng đồng học tập", "đơn vị học tập" (in a flat title, whose
# quotes are straight): TT24's title given to TT25 names another subject (REF004).
TITLE_SUBJECT_RE: Final = lazy(r'"([^"]{3,80})"')
# A dash between two parts of a title, with any spacing: "2021 - 2030", "2021-2030", "2021 – 2030".
TITLE_DASH_RE: Final = lazy(r"\s*[-‐‑‒–—−]\s*")
# A comma with any spacing: "cấp xã,huyện , tỉnh" is "cấp xã, huyện, tỉnh".
TITLE_COMMA_RE: Final = lazy(r"\s*,\s*")
# Quotation marks of any style around a name in a title: “Cộng đồng học tập”, "…", ‘…’, «…».
TITLE_QUOTES_RE: Final = lazy(r"[\"“”„‟'‘’‚‛«»]")

# "Ngày 27/3/2025, Trưởng phòng … ban hành " or "Ngày 27 tháng 3 năm 2025, Ủy ban nhân dân … đã ký ban hành "
# right before the citation: the clause opens with the date of the act it reports, which is the
# citation's issue date (NĐ 30/2020/NĐ-CP, Phụ lục I, II.6.b asks only that the date be given).
CLAUSE_DATE_THEN_ISSUE_RE: Final = lazy(
    r"(?:^|[.;:]\s+)[\s\-–+*•\d.)a-zđ]{0,6}?"
    r"ngày\s+(?:\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})\s*,"
    r"[^.;:\n]{1,160}?\b(?:đã\s+)?(?:ký\s+)?ban\s+hành\s*$",
    re.IGNORECASE,
)

# ---------------------------------------------------------------- effective date given in a draft

# The effective date a draft gives a cited document, after the citation in the same clause:
# "Thông tư số 25/2023/TT-BGDĐT … có hiệu lực từ ngày 12/02/2024", "có hiệu lực thi hành kể từ
# ngày 12 tháng 02 năm 2024", "(hiệu lực từ 12/02/2024)". "hết hiệu lực từ …" (a repeal) is not one.
EFFECTIVE_RE: Final = lazy(
    rf"(?<![{LOWER}{UPPER}])(?<!hết[ \t])(?<!Hết[ \t])(?<!mất[ \t])(?<!ngưng[ \t])"
    rf"(?:(?i:bắt){_S}(?i:đầu){_S})?(?:(?i:có){_S})?(?i:hiệu){_S}(?i:lực)(?:{_S}(?i:thi){_S}(?i:hành))?"
    rf"(?:{_S}(?i:kể))?{_S}(?i:từ){_S}(?:{NGAY}{_S})?(?P<value>{DATE_NUMERIC}|{DATE_WORDS})(?![\d/])"
)

# ---------------------------------------------------------------- web page above the document

# A line of a web page copied above a document (issue 8), tested one line at a time: the page
# title ending with the portal's name "Kế hoạch số 15/KH-UBND về xây dựng xã hội học tập - Cổng
# thông tin điện tử huyện Yên Sơn" (the name after " - ", " | " or at the line start, so that "đăng
# tải trên Cổng thông tin điện tử" in a sentence is not one), a breadcrumb "Trang chủ > Văn bản >
# Kế hoạch", post metadata at the line start "Ngày đăng: 12/03/2024 | Lượt xem: 215", "Cập nhật
# lúc: …", "Tác giả: …", "Nguồn: …", and the page's buttons alone on a line "Chia sẻ", "In bài
# viết", "Tải về". Only lines above the document's Quốc hiệu are tested
# (docgen.check.rules.ref.common.page_chrome_end).
WEB_CHROME_RE: Final = lazy(
    r"(?:^[ \t]*|[ \t][-–|:][ \t]*)(?:Cổng|Trang)[ \t]+(?:thông[ \t]+tin[ \t]+điện[ \t]+tử|TTĐT)"
    r"|(?:^[ \t]*|[ \t][-–|:][ \t]*)Báo[ \t]+điện[ \t]+tử"
    r"|(?:^|[ \t])(?:Trang[ \t]+chủ|Home)[ \t]*[>»›/|]"
    r"|[ \t][>»›][ \t][^\n]*?[ \t][>»›][ \t]"
    r"|^[ \t]*(?:Ngày[ \t]+(?:đăng|cập[ \t]+nhật)|Đăng[ \t]+(?:ngày|lúc)|Cập[ \t]+nhật(?:[ \t]+lúc)?[ \t]*:"
    r"|Tác[ \t]+giả[ \t]*:|Nguồn[ \t]*:|Lượt[ \t]+(?:xem|truy[ \t]+cập))"
    r"|Lượt[ \t]+(?:xem|truy[ \t]+cập)[ \t]*:?[ \t]*\d"
    r"|^[ \t]*(?:Chia[ \t]+sẻ|In[ \t]+bài(?:[ \t]+viết)?|Bản[ \t]+in|Tải[ \t]+về|Tệp[ \t]+đính[ \t]+kèm)[ \t]*:?[ \t]*$",
    re.IGNORECASE,
)
# "Theo điểm a khoản 4 Điều 17 Thông tư số 25/2023/TT-BGDĐT, tỉnh phải có …": a locator that
# opens its clause with "Theo"/"Tại"/"Căn cứ" and is followed by a comma introduces a paraphrase.
PARAPHRASE_LEAD_RE: Final = lazy(r"(?:^|[\s(\-–])(?:[Tt]heo|[Tt]ại|[Cc]ăn[ \t]+cứ)(?:[ \t]+quy[ \t]+định[ \t]+tại)?[ \t]*$")
PARAPHRASE_COMMA_RE: Final = lazy(r"[ \t]*,[ \t]*")


# ---------------------------------------------------------------- page furniture (PDF, text copied from a PDF)

# A line that is only a page number, in the forms office templates and PDF viewers print: "2",
# "- 2 -", "– 2 –", "Trang 2", "Trang 2/5", "trang 2 / 5", "Trang 2 trên 5", "2/5", "Page 2 of 5".
# ``label`` is set for "Trang"/"Page", ``total`` for "/5", ``dash`` for "- 2 -" (issue 8).
PAGE_FURNITURE_RE: Final = lazy(
    r"^\s*(?:(?P<dash>[-–—])\s*)?(?:(?P<label>[Tt]rang|TRANG|[Pp]age|PAGE)\s+)?(?P<page>\d{1,4})"
    r"(?:\s*(?:/|of|trên)\s*(?P<total>\d{1,4}))?(?:\s*[-–—])?\s*$"
)
# Digits of a running header or footer, left out when lines of different pages are compared:
# "Kế hoạch số 12/KH-UBND - Trang 2" and "… - Trang 3" are one footer.
FURNITURE_DIGITS_RE: Final = lazy(r"\d+")
# A Markdown line that stands on its own and is never joined to the next one when a text copied
# out of a PDF is repaired: "# Tiêu đề", "| ô | ô |", "> trích", "```", "<!-- … -->", "* mục", "---".
MARKDOWN_BLOCK_RE: Final = lazy(r"^\s*(?:#{1,6}\s|\||>|```|~~~|<!--|\*\s|-{3,}\s*$)")

# A locator's document named in short (issue 8): "Điều 12 của Thông tư (mức độ 1)", "khoản 3 Điều 9
# Thông tư số 25" — the kind alone, or the kind and the number without the rest of the symbol.
LOCATOR_SHORT_DOC_RE: Final = lazy(
    rf"[ \t]*+,?[ \t]*+(?:(?:của|tại|theo){_S})?{KIND}(?:{_S}(?:số{_S})?(?P<number>\d{{1,5}})(?![\d/]))?(?![ \t]*(?:số[ \t]*)?\d)"
)

# "tháng 11/2023" right after a symbol: the month and year of a document whose day is not known
# (the registry writes it so for an unverified day; REF008 accepts it then).
CITATION_MONTH_RE: Final = lazy(r"[ \t]*+,?[ \t]*+tháng[ \t]++(?P<month>\d{1,2})[ \t]*/[ \t]*(?P<year>\d{4})\b")
