"""Regexes for the document's form: headings, footnotes and the NĐ30 thể thức (STR and FMT rules).

Every pattern is compiled once, here, with a comment and an example. Patterns that look at a
whole line expect the line's *content*: the text without Markdown decoration (``## **…**``),
see :data:`LINE_DECOR_START` / :data:`LINE_DECOR_END`. References "nd30.md §6 X" name the lint
check in /work/shared/reference/nd30.md that the pattern serves.
"""

from __future__ import annotations

import re
from typing import Final

from docgen.lazy_re import LazyPattern, lazy

# Vietnamese letters, for character classes. Upper and lower case, NFC.
VI_UPPER: Final = "A-ZÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ"
VI_LOWER: Final = "a-zàáâãèéêìíòóôõùúýăđĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"

# ------------------------------------------------------------------ line decoration

# Markdown around a whole line, as in seed 001 (a .txt exported from Markdown):
# "## **I. MỤC TIÊU PHÂN ĐẦU**" → content "I. MỤC TIÊU PHÂN ĐẦU"; "> quote" → "quote".
LINE_DECOR_START: Final = lazy(r"^[ \t]*(?:#{1,6}[ \t]+)?(?:>[ \t]*)?(?:\*\*|__)?[ \t]*")
# "TỈNH THÁI BÌNH**", "Độc lập - Tự do - Hạnh phúc**  " (bold end, Markdown hard break).
LINE_DECOR_END: Final = lazy(r"[ \t]*(?:\*\*|__)?[ \t]*$")

# ------------------------------------------------------------------ headings (STR)

# Mục, report style (NĐ30 Phụ lục I II.6.đ): "I. MỤC ĐÍCH, YÊU CẦU", "IV. KINH PHÍ THỰC HIỆN".
HEADING_ROMAN: Final = lazy(r"^(?P<num>[IVXL]{1,7})\.[ \t]+(?=\S)")
# Khoản: "1. Mục đích", "2. Yêu cầu: Việc …". "1.5 triệu" and "1.1." are not khoản ("." + blank).
HEADING_ARABIC: Final = lazy(r"^(?P<num>\d{1,3})\.[ \t]+(?=\S)")
# Second-level number used in practice: "1.1. Đối với cấp xã", "2.3 Kinh phí".
HEADING_ARABIC2: Final = lazy(r"^(?P<parent>\d{1,3})\.(?P<num>\d{1,3})\.?[ \t]+(?=\S)")
# Điểm: "a) Đối với …", "đ) …"; any lower-case ASCII letter is caught so that "f)" can be flagged.
HEADING_LETTER: Final = lazy(r"^(?P<letter>[a-zđ])\)[ \t]+(?=\S)")
# Điều, legal style: "Điều 1. Phạm vi điều chỉnh". "Điều 5 của Luật …" (no period) is a sentence.
HEADING_DIEU: Final = lazy(r"^Điều[ \t]+(?P<num>\d{1,3})\.(?=[ \t]|$)")
# Chương on its own line, optionally with its title: "Chương I", "Chương II. QUY ĐỊNH CHUNG".
HEADING_CHUONG: Final = lazy(r"^Chương[ \t]+(?P<num>[IVXL]{1,7}|\d{1,3})[ \t]*(?:[.:][ \t]*\S.*)?$")
# Phần on its own line: "Phần I", "Phần II. KẾT QUẢ THỰC HIỆN".
HEADING_PHAN: Final = lazy(r"^Phần[ \t]+(?P<num>[IVXL]{1,7}|\d{1,3})[ \t]*(?:[.:][ \t]*\S.*)?$")
# Mục, legal style, on its own line: "Mục 1", "Mục 2. TỔ CHỨC THỰC HIỆN".
HEADING_MUC: Final = lazy(r"^Mục[ \t]+(?P<num>\d{1,3})[ \t]*(?:[.:][ \t]*\S.*)?$")

# ------------------------------------------------------------------ footnotes (STR)

# A footnote marker in running text: "theo quy định [1]." (seed 000) or Markdown "[^ghi-chu]".
# "[1](http://…)" is a Markdown link and "[^1]:" a note definition, so neither is a marker.
FOOTNOTE_MARKER: Final = lazy(r"\[(?:(?P<num>\d{1,3})|\^(?P<key>[^\]\s]{1,40}))\](?![(:])")
# A note line: "[1] Tại Điều 6 Thông tư …" (seed 000) or Markdown "[^1]: Tại Điều 6 …".
FOOTNOTE_NOTE: Final = lazy(r"^(?:\[(?P<num>\d{1,3})\][ \t]+|\[\^(?P<key>[^\]\s]{1,40})\]:[ \t]*)(?=\S)")

# What differs between python-docx's paragraph text and the reader's line for it: blanks (a
# line break is "\n" in one, " " in the other) and footnote marks ("[1]" only in the reader's).
MATCH_NOISE: Final = lazy(r"\[\d{1,3}\]|\s+")

# ------------------------------------------------------------------ ô 3: Số, ký hiệu (FMT)

# The document's own number line, at the start of a line (nd30.md §6 SO-*):
# "Số: 1357/UBND-KGVX", "Số 1357/UBND-KGVX" (no colon, seed 001), "Số:      /KH-UBND" (blank
# number left for the Văn thư), "Số: 5/KH - UBND" (bad spacing). The symbol stops at a blank
# that is not part of " - ", so "Số: 12/KH-UBND   Cao Bằng, ngày …" (a header row on one line)
# still matches. "Số lượng …", "Số 5 đường …" and "Số 120/150 xã …" do not match: a "/" and a
# capital letter must follow the number.
SO_LINE: Final = lazy(
    r"^(?P<so>Số)(?P<colon>[ \t]*:)?(?P<gap>[ \t]*)(?P<num>\d+)?(?P<sp1>[ \t]*)/(?P<sp2>[ \t]*)"
    r"(?P<symbol>[A-ZĐ][^\s/\-–,;:]*(?:[ \t]*[-–][ \t]*[^\s/\-–,;:]+)*)"
)
# One group of a symbol with the separator before it: "-UBND", " - UBND" (inside SO_LINE symbol).
SYMBOL_SEPARATOR: Final = lazy(r"[ \t]*[-–][ \t]*")

# A number below 10 written with one digit: "5" in "Số: 5/KH-UBND" (NĐ30 wants "05").
SINGLE_DIGIT: Final = lazy(r"[1-9]")

# ------------------------------------------------------------------ ô 4: địa danh, ngày (FMT)

# The header place-date line (NĐ30 Phụ lục I II.4): "Cao Bằng, ngày 05 tháng 3 năm 2024",
# "Thành phố Hồ Chí Minh, ngày 29 tháng 6 năm 2019". The place is 1–6 capitalised words
# (optionally "TP."/"Tp." so that FMT can flag it); day, month and year keep their raw digits so
# padding can be checked. Blanks ("ngày    tháng    năm 2024") are a draft and not matched. The
# date must end the line and the "place" must not be a time word, so "Đến ngày 5 tháng 3 năm
# 2024, …" in the body is not a place-date line.
PLACE_DATE: Final = lazy(
    rf"^(?!(?:Từ|Đến|Trước|Sau|Kể|Vào|Tính|Hết|Ngày|Năm|Tháng|Hôm)\b)"
    rf"(?P<place>(?:TP\.?|Tp\.?|T\.P\.?)?[ \t]*[{VI_UPPER}][{VI_LOWER}{VI_UPPER}.]*"
    rf"(?:[ \t]+[{VI_UPPER}][{VI_LOWER}{VI_UPPER}.]*){{0,5}})"
    rf"(?P<comma>[ \t]*,)?[ \t]*(?P<ngay>[Nn]gày)[ \t]+(?P<d>\d{{1,2}})[ \t]+tháng[ \t]+(?P<m>\d{{1,2}})"
    rf"[ \t]+năm[ \t]+(?P<y>\d{{4}})[ \t]*$"
)
# The header date written with numbers (nd30.md §6 DATE-FORMAT): "Hà Nội, 05/02/2025",
# "Cao Bằng, ngày 05/02/2025", "Thái Bình, ngày 15-4-2024". Only tested on the header lines.
PLACE_DATE_NUMERIC: Final = lazy(
    rf"^(?P<place>[{VI_UPPER}][{VI_LOWER}{VI_UPPER}.]*(?:[ \t]+[{VI_UPPER}][{VI_LOWER}{VI_UPPER}.]*){{0,5}})"
    rf"[ \t]*,[ \t]*(?:[Nn]gày[ \t]*)?(?P<date>\d{{1,2}}[ \t]*[/.-][ \t]*\d{{1,2}}[ \t]*[/.-][ \t]*\d{{4}})[ \t]*$"
)
# A month 3–9 written with a leading zero: "03" in "tháng 03" (NĐ30 pads only 01 and 02).
MONTH_OVERPADDED: Final = lazy(r"0[3-9]")
# The separators of a numeric date other than "/": "05-02-2025", "05.02.2025".
DATE_SEPARATOR: Final = lazy(r"[.-]")
# "TP." / "TP" / "Tp." / "T.P" as a place prefix (nd30.md §6 PLACE-ABBR): "TP. Hồ Chí Minh".
PLACE_ABBR: Final = lazy(r"^(?:TP\.?|Tp\.?|T\.P\.?)(?=[ \t]|$)")
# "TP HCM", "TP.HCM": the whole place as initials.
PLACE_INITIALS: Final = lazy(r"^(?:TP\.?|Tp\.?)[ \t]*HCM\b")

# ------------------------------------------------------------------ ô 1: Quốc hiệu, Tiêu ngữ

# Quốc hiệu alone on a line, any case, either tone placement (nd30.md §6 QH-*):
# "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HOÀ XÃ HỘI …" (seed 001), "Cộng hòa xã hội …".
QUOC_HIEU: Final = lazy(
    r"^(?P<all>(?P<cong>cộng)[ \t]+(?P<hoa>hòa|hoà)[ \t]+xã[ \t]+hội[ \t]+chủ[ \t]+nghĩa[ \t]+việt[ \t]+nam)$",
    re.IGNORECASE,
)
# The Quốc hiệu anywhere in a line, also beside the agency's name in a two-column header laid out
# as text ("ỦY BAN NHÂN DÂN   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"): where the document starts.
QUOC_HIEU_IN_LINE: Final = lazy(
    r"cộng[ \t]+(?:hòa|hoà)[ \t]+xã[ \t]+hội[ \t]+chủ[ \t]+nghĩa[ \t]+việt[ \t]+nam", re.IGNORECASE
)
# Tiêu ngữ alone on a line, any dash, any spacing, any case (nd30.md §6 TN-DASH, TN-CASE):
# "Độc lập - Tự do - Hạnh phúc" (right), "Độc lập – Tự do – Hạnh phúc", "Độc lập-Tự do-Hạnh phúc",
# "Độc Lập - Tự Do - Hạnh Phúc". Separators are captured so each can be fixed on its own.
TIEU_NGU: Final = lazy(
    r"^(?P<p1>độc[ \t]+lập)(?P<s1>[ \t]*[-–—‐‑][ \t]*|[ \t]+)"
    r"(?P<p2>tự[ \t]+do)(?P<s2>[ \t]*[-–—‐‑][ \t]*|[ \t]+)(?P<p3>hạnh[ \t]+phúc)$",
    re.IGNORECASE,
)

# ------------------------------------------------------------------ ô 5: tên loại, trích yếu

# A "V/v" trích yếu line (công văn, NĐ30 ô 5b): "V/v triển khai thực hiện Thông tư …"; "V/V" too.
VV_LINE: Final = lazy(r"^V/[vV](?=[ \t]|$)")

# ------------------------------------------------------------------ ô 9: Kính gửi, Nơi nhận

# "Kính gửi" starting a line, with or without its colon (nd30.md §6 KG-PUNCT):
# "Kính gửi: Bộ Nội vụ", "Kính gửi Sở Giáo dục và Đào tạo" (missing colon).
KINH_GUI: Final = lazy(r"^Kính[ \t]+gửi(?P<colon>[ \t]*:)?")
# The "Nơi nhận" label starting a line (nd30.md §6 NN-LABEL): "Nơi nhận:", "Nơi nhận: - Như
# trên; …" (items joined on one line), "Nơi nhận" alone (missing colon), "Nơi nhận      KT. CHỦ
# TỊCH" (two columns). "Nơi nhận hồ sơ: Sở Giáo dục …" is a sentence, not the label.
# Readers turn a tab into one space, so the other column may follow after a single blank:
# "Nơi nhận TM. ỦY BAN NHÂN DÂN", "Nơi nhận CHỦ TỊCH".
NOI_NHAN: Final = lazy(
    rf"^Nơi[ \t]+nhận(?:(?P<colon>[ \t]*:)|(?=[ \t]*$|\t|[ ]{{3,}}|[ \t]+(?:TM|KT|TL|TUQ|Q)\.[ \t]"
    rf"|[ \t]+[{VI_UPPER}][{VI_UPPER} \t]+$))"
)
# A Nơi nhận item: "- Bộ Giáo dục và Đào tạo (b/c);", "- Như trên;".
NOI_NHAN_ITEM: Final = lazy(r"^[-–+•][ \t]*(?=\S)")
# The Lưu line (nd30.md §6 NN-LUU): "- Lưu: VT, KGVX.", "- Lưu VT, KGVX." (no colon, seed 001),
# "- Lưu: VT." (no drafting unit), "- Lưu: VT, VX HN ." (space before ".", seed 000).
LUU_LINE: Final = lazy(
    r"^(?P<dash>[-–+•]?[ \t]*)(?P<luu>Lưu)(?P<colon>[ \t]*:)?[ \t]*(?P<body>VT\b.*?)?(?P<space>[ \t]*)(?P<end>[.;,]?)[ \t]*$"
)

# The body of a Lưu line that names only the văn thư: "VT." in "- Lưu: VT." (no drafting unit).
LUU_ONLY_VT: Final = lazy(r"VT\W*")
# A Nơi nhận item that is the Lưu line, whatever follows: "- Lưu: VT, KGVX.", "Lưu VT".
LUU_START: Final = lazy(r"^[-–+•]?[ \t]*Lưu\b")
# Blanks before the final ";" or "." of a Nơi nhận item: "- Lưu: VT, VX HN ." (seed 000).
SPACE_BEFORE_FINAL_PUNCT: Final = lazy(r"(?<=\S)([ \t]+)([;.])$")

# The first Nơi nhận item of a document with "Kính gửi" (nd30.md §6 NN-NHUTREN): "- Như trên;".
NHU_TREN: Final = lazy(r"^[-–+•]?[ \t]*Như[ \t]+trên\b")

# ------------------------------------------------------------------ ô 7: người ký

# A signing-authority prefix in a wrong form at the start of a title line (nd30.md §6 SIGN-ABBR):
# "K/T CHỦ TỊCH", "T/M ỦY BAN NHÂN DÂN", "KT CHỦ TỊCH", "Kt. CHỦ TỊCH", "TL GIÁM ĐỐC".
# The rest of the line must be upper case (a title), so "TM …" in a sentence is not caught.
SIGNER_PREFIX_BAD: Final = lazy(
    rf"^(?P<prefix>K/T|T/M|T/L|T/U/Q|KT|TM|TL|TUQ|Kt\.|Tm\.|Tl\.|Tuq\.|kt\.|tm\.|tl\.|tuq\.)"
    rf"(?=[ \t]+[{VI_UPPER}][{VI_UPPER} \t,.-]*$)"
)
# Học hàm / học vị before the signer's name, alone on a line (nd30.md §6 SIGN-TITLE):
# "TS. Phạm Văn B", "PGS.TS. Nguyễn Thị C", "ThS Lê Văn D". The name is 2–5 capitalised words.
SIGNER_ACADEMIC_TITLE: Final = lazy(
    rf"^(?P<title>(?:GS|PGS|TS|TSKH|ThS|Th\.S|BS|CKI|CKII)\.?(?:[ \t]*(?:TS|TSKH|ThS|BS)\.?)?)"
    rf"[ \t]+(?P<name>[{VI_UPPER}][{VI_LOWER}]+(?:[ \t]+[{VI_UPPER}][{VI_LOWER}]+){{1,4}})$"
)

# A person's name alone on a line (the signer, ô 7b): "Trịnh Trường Huy", "Nguyễn Quang Hưng",
# and the placeholder names of drafts and samples: "Nguyễn Văn A".
PERSON_NAME: Final = lazy(rf"^[{VI_UPPER}][{VI_LOWER}]+(?:[ \t]+[{VI_UPPER}][{VI_LOWER}]*){{1,4}}$")

# ------------------------------------------------------------------ ô 6 end mark

# "./." ending the content (nd30.md §6 END-MARK): "… triển khai thực hiện./."
END_MARK: Final = lazy(r"\./\.[ \t*_]*$")

# ------------------------------------------------------------------ spacing (FMT, TEXT-SPACING)

# Two to four spaces between two visible characters: "số  25" (seed 000). Leading indentation,
# trailing spaces (a Markdown hard break, seed 001) and runs of five or more (columns laid out
# with spaces in a .txt export: "Số: 12/KH-UBND        Cao Bằng, ngày …") are not matched.
DOUBLE_SPACE: Final = lazy(r"(?<=\S)(?P<spaces> {2,4})(?=\S)")
# Where a line holds two columns of a layout table ("- Như trên;        KT. CHỦ TỊCH"): a tab
# or a run of three or more blanks. Text after it belongs to the other column.
COLUMN_GAP: Final = lazy(r"\t|[ ]{3,}")
# The end of a Nơi nhận item followed by more text on its line: "; " in "- Như trên; KT. CHỦ
# TỊCH" (a tab read as one blank); the checker cuts there when the rest is the signature column.
ITEM_END: Final = lazy(r"[;.][ \t]+")
# A space before , . : ; ! ? : "tỉnh :" (seed 000), "VX HN ." . Not before "..." / "…" (an ellipsis
# or a blank to fill in), not before "./." (the end mark has its own rule), not before a digit
# (".5"). The space must follow a visible character, so an indented line is not matched.
SPACE_BEFORE_PUNCT: Final = lazy(r"(?<=[^\s.…])(?P<spaces>[ \t]+)(?P<punct>[,:;!?]|\.(?![./\d…]))")
# A word split after its first letter (seed 000 "n gày"): a lone consonant that starts a
# Vietnamese digraph with the next letters ("n g" → ng, "t h" → th, "c h" → ch, "n h" → nh,
# "k h" → kh, "p h" → ph, "t r" → tr, "g i" → gi, "q u" → qu) and is not a label such as
# "điểm c", "mục b", "tiết d", "phụ lục c", nor one of a list ("điểm a, b, c hoặc d").
SPLIT_WORD: Final = lazy(
    rf"(?<![{VI_LOWER}{VI_UPPER}\w])(?<!điểm )(?<!Điểm )(?<!mục )(?<!Mục )(?<!tiết )(?<!lục )(?<!khoản )"
    rf"(?<!, )(?<!và )(?<!hoặc )(?<!đến )"
    rf"(?P<word>(?P<first>[ntckpgq]) (?P<rest>(?<=n )[gh]|(?<=t )[hr]|(?<=c )h|(?<=k )h|(?<=p )h|(?<=g )[hi]|(?<=q )u)"
    rf"[{VI_LOWER}]+)", first=r"[ntckpgq]",
)

# ------------------------------------------------------------------ tone placement (FMT, UY-CONSIST)

# Words written with either tone placement; both are in use (the decree itself mixes them),
# a document should pick one (nd30.md §6 UY-CONSIST). Each pair is (new-style form, old-style
# form): "Ủy"/"Uỷ", "hòa"/"hoà", "thỏa"/"thoả".
TONE_PAIRS: Final[tuple[tuple[str, str], ...]] = (("ủy", "uỷ"), ("hòa", "hoà"), ("thỏa", "thoả"), ("khỏe", "khoẻ"), ("hóa", "hoá"))
# Any word of the pairs, in one pass over the text (issue 10: five passes took 15 ms on a 29-page
# plan): group "n2" is the new form of pair 2, "o2" its old form. Each match is a whole word, so
# the words of different pairs never overlap and one pass finds what a pass per pair found.
TONE_WORDS: Final = lazy(
    r"\b(?:" + "|".join(rf"(?P<n{i}>{new})|(?P<o{i}>{old})" for i, (new, old) in enumerate(TONE_PAIRS)) + r")\b",
    re.IGNORECASE,
    first=f"[{''.join(sorted({w[0] for pair in TONE_PAIRS for w in pair}))}]",  # the words' initials, any case
)

# ------------------------------------------------------------------ capitals (FMT, CAPS-ORG)

# Split a phrase into words for case comparison: "Văn hóa, Thể thao và Du lịch".
WORD: Final = lazy(rf"[{VI_LOWER}{VI_UPPER}]+")
# Joins the words of an organisation name: "Văn hóa, Thể thao", "Lao động - Thương binh".
ORG_WORD_JOIN: Final = r"[\s,\-–]+"


def org_name(phrase: str) -> LazyPattern:
    """Any-case matcher for an organisation phrase from law data (nd30.ORG_PHRASES), compiled
    when first used: "Giáo dục và Đào tạo" matches "Giáo Dục Và Đào Tạo" and "giáo dục  và đào tạo"."""
    words = WORD.findall(phrase)
    return lazy(r"\b" + ORG_WORD_JOIN.join(re.escape(w) for w in words) + r"\b", re.IGNORECASE)

# ------------------------------------------------------------------ suppression comments

# An in-text suppression (docs/checker.md "Bỏ qua một phát hiện"): "docgen: bỏ qua REF002",
# "<!-- docgen: bỏ qua FMT003, FMT027 -->", "docgen: bỏ qua cả tệp FMT027" (whole file), and the
# same without diacritics ("docgen: bo qua FMT003"). Codes may be family prefixes ("FMT").
SUPPRESSION: Final = lazy(
    r"docgen:[ \t]*(?:bỏ[ \t]+qua|bo[ \t]+qua)(?P<file>[ \t]+(?:cả[ \t]+tệp|ca[ \t]+tep))?"
    r"[ \t]+(?P<codes>[A-Z]{2,4}\d{0,3}(?:[ \t]*,[ \t]*[A-Z]{2,4}\d{0,3})*)"
)
# One code inside SUPPRESSION's "codes": "FMT003".
SUPPRESSION_CODE: Final = lazy(r"[A-Z]{2,4}\d{0,3}")
# A line that is only a suppression comment ("<!-- docgen: bỏ qua FMT003 -->", a hidden Word
# paragraph "docgen: bỏ qua FMT018"): the outline treats it as blank so it splits no list.
SUPPRESSION_LINE: Final = lazy(r"^(?:<!--[ \t]*)?docgen:[ \t]*(?:bỏ|bo)[ \t]+qua\b")
