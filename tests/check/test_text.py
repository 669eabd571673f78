"""docgen.text: normalisation, legacy encodings (TCVN3, VNI), PDF line re-joining."""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from docgen import text as vtext
from docgen.errors import InputError

# "Cộng hoà xã hội chủ nghĩa Việt Nam" typed in TCVN3 (ABC): each letter one cp1252 byte.
TCVN3_BYTES = bytes.fromhex("43e96e6720686fb52078b72068e969206368f1206e6768dc61205669d674204e616d")
# "Việt Nam", "Độc lập - Tự do - Hạnh phúc" typed in VNI: base letter + mark byte.
VNI_TEXT = "Vieät Nam. Ñoäc laäp - Töï do - Haïnh phuùc. Ngöôøi daân, Thoâng tö, khoaûn 4 Ñieàu 17"


def test_normalize_composes_nfd_and_removes_invisible_characters() -> None:
    nfd = unicodedata.normalize("NFD", "Thông tư số\u00a025/2023/TT-BGDĐT\u200b ngày  27/12/2023 \r\n")
    assert vtext.normalize(nfd) == "Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023\n"


def test_normalize_keeps_line_breaks() -> None:
    assert vtext.normalize("a\r\nb\rc") == "a\nb\nc"


def test_tcvn3_table_decodes_known_phrase() -> None:
    assert vtext.decode_tcvn3(TCVN3_BYTES) == "Cộng hoà xã hội chủ nghĩa Việt Nam"


def test_tcvn3_capital_font_words_are_upper_cased() -> None:
    # "CỘNG HOÀ" in .VnTimeH: capital ASCII letters with lower-case TCVN3 bytes
    assert vtext.decode_tcvn3(b"C\xe9NG HO\xb5") == "CỘNG HOÀ"


def test_tcvn3_table_covers_every_toned_vowel_once() -> None:
    letters = set(vtext.TCVN3_TABLE.values())
    assert len(letters) == len(vtext.TCVN3_TABLE) == 7 + 7 + 12 * 5  # ĂÂÊÔƠƯĐ, ăâêôơưđ, 12 vowels × 5 tones
    for vowel in "aăâeêioôơuưy":
        for tone in "\u0300\u0301\u0309\u0303\u0323":
            assert unicodedata.normalize("NFC", vowel + tone) in letters


def test_vni_decodes_marks_after_base_letters() -> None:
    assert vtext.decode_vni(VNI_TEXT.encode("cp1252")) == (
        "Việt Nam. Độc lập - Tự do - Hạnh phúc. Người dân, Thông tư, khoản 4 Điều 17"
    )


def test_vni_upper_case() -> None:
    assert vtext.decode_vni("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM".encode("cp1252")) == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def test_detect_legacy_tells_the_two_apart() -> None:
    assert vtext.detect_legacy(TCVN3_BYTES.decode("cp1252") * 2) == "tcvn3"
    assert vtext.detect_legacy(VNI_TEXT) == "vni"


@pytest.mark.parametrize(
    "text",
    [
        "Hà Nội và các tỉnh có bà mẹ là cô giáo",  # Unicode words that are latin-1 letters too
        "ỦY BAN NHÂN DÂN TỈNH CAO BẰNG, Số 1357/UBND-KGVX, Sở GDĐT, BGDĐT",
        "Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023 của Bộ Giáo dục và Đào tạo",
    ],
)
def test_detect_legacy_leaves_unicode_alone(text: str) -> None:
    assert vtext.detect_legacy(text) is None


def test_decode_bytes_utf8_bom_and_utf16() -> None:
    s = "Thông tư số 25/2023/TT-BGDĐT"
    assert vtext.decode_bytes(s.encode(), "a.txt") == s
    assert vtext.decode_bytes(codecs.BOM_UTF8 + s.encode(), "a.txt") == s
    assert vtext.decode_bytes(s.encode("utf-16"), "a.txt") == s
    assert vtext.decode_bytes(codecs.BOM_UTF16_BE + s.encode("utf-16-be"), "a.txt") == s


def test_decode_bytes_refuses_tcvn3_naming_file_and_encoding() -> None:
    with pytest.raises(InputError) as err:
        vtext.decode_bytes(TCVN3_BYTES + b" " + TCVN3_BYTES, "ke-hoach.txt")
    assert "ke-hoach.txt" in str(err.value) and "TCVN3" in str(err.value)


def test_decode_bytes_refuses_vni() -> None:
    with pytest.raises(InputError, match="VNI"):
        vtext.decode_bytes(VNI_TEXT.encode("cp1252"), "cv.txt")


def test_decode_bytes_refuses_tcvn3_already_saved_as_utf8() -> None:
    with pytest.raises(InputError, match="TCVN3"):
        vtext.decode_bytes((TCVN3_BYTES.decode("cp1252") + "\n") .encode("utf-8") * 2, "x.txt")


def test_decode_bytes_can_convert_on_request() -> None:
    assert vtext.decode_bytes(TCVN3_BYTES, "x.txt", legacy="decode") == "Cộng hoà xã hội chủ nghĩa Việt Nam"


def test_decode_bytes_refuses_binary() -> None:
    with pytest.raises(InputError):
        vtext.decode_bytes(b"\x00\x01\x02\xff\xfe\x00", "x.txt")


def test_rejoin_pdf_lines_joins_a_citation_broken_over_lines() -> None:
    lines = ["V/v triển khai thực hiện Thông tư số", "25/2023/TT-", "BGDĐT ngày 28/12/2023", "của Bộ Giáo dục và Đào tạo"]
    assert vtext.rejoin_pdf_lines(lines) == ["V/v triển khai thực hiện Thông tư số 25/2023/TT-BGDĐT ngày 28/12/2023 của Bộ Giáo dục và Đào tạo"]


def test_rejoin_pdf_lines_keeps_headings_items_and_paragraphs() -> None:
    lines = [
        "I. MỤC TIÊU PHẤN ĐẤU",
        "1. Đối với cấp xã",
        "- Hết tháng 3 năm 2025, ít nhất 90% các xã, phường, thị trấn được công",
        "nhận “Cộng đồng học tập” cấp xã mức độ 1.",
        "- Hết tháng 3 năm 2028, ít nhất 90% các xã.",
        "",
        "Nơi nhận:",
    ]
    assert vtext.rejoin_pdf_lines(lines) == [
        "I. MỤC TIÊU PHẤN ĐẤU",
        "1. Đối với cấp xã",
        "- Hết tháng 3 năm 2025, ít nhất 90% các xã, phường, thị trấn được công nhận “Cộng đồng học tập” cấp xã mức độ 1.",
        "- Hết tháng 3 năm 2028, ít nhất 90% các xã.",
        "",
        "Nơi nhận:",
    ]


def test_rejoin_pdf_lines_removes_a_line_break_hyphen() -> None:
    # a syllable hyphenated at the margin is glued back; a number range keeps its hyphen
    assert vtext.rejoin_pdf_lines(["rút kinh nghi-", "ệm trong giai đoạn 2021-", "2030."]) == ["rút kinh nghiệm trong giai đoạn 2021-2030."]


def test_rejoin_pdf_lines_does_not_join_a_short_title_to_a_capitalised_line() -> None:
    lines = ["Triển khai Thông tư số 25/2023/TT-BGDĐT", "Năm 2024 triển khai xây dựng “Cộng đồng học tập” cấp xã mức độ 1 theo quy định của Thông tư"]
    assert vtext.rejoin_pdf_lines(lines) == lines


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        # a hyphen typed between syllables stays: Vietnamese words are never hyphenated
        (["đo bằng ki-lô-", "mét vuông."], ["đo bằng ki-lô-mét vuông."]),
        (["công tác phổ-", "cập giáo dục."], ["công tác phổ-cập giáo dục."]),
        # a symbol cut after its hyphen or slash is glued back, even when its tail looks like a heading
        (["theo Thông tư số 25/2023/TT-", "BGDĐT"], ["theo Thông tư số 25/2023/TT-BGDĐT"]),
        (["theo Thông tư số 25/2023/", "TT-BGDĐT ngày 27/12/2023."], ["theo Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023."]),
        # a symbol alone on a line is no heading: the sentence goes on around it
        (["quy định tại Điều 6 Thông tư số", "25/2023/TT-BGDĐT", "ngày 27/12/2023."],
         ["quy định tại Điều 6 Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023."]),
        # a Party symbol cut after its hyphen: "49-" + "KL/TW"
        (["thực hiện Kết luận số 49-", "KL/TW ngày 10/5/2019."], ["thực hiện Kết luận số 49-KL/TW ngày 10/5/2019."]),
        # a number range cut before a heading does not swallow the heading
        (["Cuối năm học 2025-", "IV. KINH PHÍ THỰC HIỆN"], ["Cuối năm học 2025-", "IV. KINH PHÍ THỰC HIỆN"]),
    ],
)
def test_rejoin_pdf_lines_hyphens_and_symbols(lines: list[str], joined: list[str]) -> None:
    assert vtext.rejoin_pdf_lines(lines) == joined


def test_rejoin_pdf_lines_pieces_say_where_each_input_line_went() -> None:
    joined = vtext.rejoin_pdf_lines_with_pieces(["  rút kinh nghi-", "ệm theo Thông tư số", "25/2023/TT-", "BGDĐT."])
    assert [j.text for j in joined] == ["rút kinh nghiệm theo Thông tư số 25/2023/TT-BGDĐT."]
    pieces = joined[0].pieces
    assert [(p.at, p.line, p.column, p.length) for p in pieces] == [
        (0, 0, 2, 13),  # "rút kinh nghi" without its hyphen, two spaces in
        (13, 1, 0, 19),
        (33, 2, 0, 11),
        (44, 3, 0, 6),
    ]


def test_rejoin_pdf_lines_keeps_lines_alone() -> None:
    lines = ["Thực hiện kế hoạch của", "<!-- docgen: bỏ qua REF008 -->", "huyện trong năm"]
    assert [j.text for j in vtext.rejoin_pdf_lines_with_pieces(lines, alone={1})] == lines


@pytest.mark.parametrize(
    ("lines", "wrapped"),
    [
        (["Thực hiện Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023 của Bộ trưởng Bộ Giáo",
          "dục và Đào tạo ban hành Quy định về đánh giá, công nhận “Cộng đồng học tập” cấp",
          "xã, huyện, tỉnh, Ủy ban nhân dân huyện xây dựng kế hoạch triển khai như sau. Các",
          "xã tổ chức tự đánh giá theo quy định."], True),
        (["Thực hiện Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023 của Bộ trưởng Bộ Giáo dục và Đào tạo.",
          "Ủy ban nhân dân huyện xây dựng kế hoạch triển khai như sau:",
          "1. Các xã tổ chức tự đánh giá theo quy định.",
          "- Nơi nhận gửi hồ sơ về huyện."], False),
    ],
)
def test_looks_soft_wrapped(lines: list[str], wrapped: bool) -> None:
    assert vtext.looks_soft_wrapped(lines) is wrapped


# ---- the legacy-encoding probe reads the words it always read (issue 10: one regex, not a loop)

_PROBE_ALPHABET = "aAzZàÀÖ×÷øÿđĐưƯễ1_-. \nŒžƒµºª\u0301"


def _legacy_words_by_definition(text: str) -> list[str]:
    """Whole words whose letters are all latin-1 (or cp1252's Œ œ Š š Ÿ Ž ž ƒ), one not ASCII."""
    words = re.findall(r"[^\W\d_]+", text)
    return [w for w in words if not w.isascii() and all(ord(c) < 0x100 or c in "ŒœŠšŸŽžƒ" for c in w)]


@given(st.text(alphabet=_PROBE_ALPHABET, max_size=40))
def test_legacy_word_probe_matches_its_definition(text: str) -> None:
    assert [m.group(0) for m in vtext._LEGACY_WORD.finditer(text)] == _legacy_words_by_definition(text)


def test_legacy_word_probe_on_real_text() -> None:
    seed = (Path(__file__).resolve().parents[1] / "fixtures" / "seeds" / "000_5f5509d7373e1232.txt").read_text(encoding="utf-8")
    tcvn3 = "Uû ban nh©n d©n tØnh Cao B»ng, ViÖt Nam"  # TCVN3 read as cp1252
    for text in (seed, tcvn3):
        assert [m.group(0) for m in vtext._LEGACY_WORD.finditer(text)] == _legacy_words_by_definition(text)
    # "©" and "»" are not letters: "nh©n", "B»ng" are no words to the probe
    assert [m.group(0) for m in vtext._LEGACY_WORD.finditer(tcvn3)] == ["Uû", "tØnh", "ViÖt"]
