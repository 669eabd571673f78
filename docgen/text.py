"""Vietnamese text clean-up: NFC, invisible characters, legacy font encodings, PDF line joins.

Legacy encodings. Before Unicode (TCVN 6909:2001, which NĐ30 requires) Vietnamese offices typed
in two 8-bit "font encodings"; drafts still arrive in them:

* **TCVN3 (ABC, TCVN 5712:1993 VN3)**: every Vietnamese letter is one byte in the cp1252 range
  0xA1–0xFE ("Céng hoµ x· héi" is "Cộng hoà xã hội" read as cp1252). Capitals with tone marks
  do not exist: titles use a capital font (.VnTimeH) over the lower-case bytes.
* **VNI (VNI-Windows)**: an ASCII base letter followed by one mark byte (tone, or circumflex /
  breve with a tone): "Vieät" is "Việt" ("e" + 0xE4 = circumflex + dot below). ơ, ư, đ, ĩ, ị, ỉ,
  í, ì, ỵ are single bytes.

Policy (documented choice): :func:`decode_bytes` **refuses** legacy-encoded text with an
:class:`InputError` in Vietnamese naming the file and the encoding; the checker cannot promise
positions or spelling in a converted text, and NĐ30 (Phụ lục I, I.4) requires Unicode anyway.
``decode_bytes(..., legacy="decode")`` converts instead (the ``decode_tcvn3`` / ``decode_vni``
tables below) for callers that want it.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Final, Literal

from docgen.errors import InputError, Location

# ---------------------------------------------------------------- normalisation

# Characters that render as nothing or as a plain space: NBSP and friends become a space,
# zero-width characters and the BOM disappear, soft hyphens disappear.
_SPACE_LIKE: Final = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u3000\t"), " ")
_INVISIBLE: Final = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_TRANSLATE: Final = {**_SPACE_LIKE, **_INVISIBLE}
_MULTI_SPACE: Final = re.compile(r" {2,}")
_TRAILING_SPACE: Final = re.compile(r" +(?=\n)|^ +$", re.MULTILINE)


def normalize(s: str) -> str:
    """NFC, NBSP → space, zero-width characters removed, runs of spaces collapsed, CRLF → LF.

    Line breaks are kept (positions are per line), and leading indentation is collapsed to one
    space at most. Spaces before a line break are removed.
    """
    s = s.replace("\r\n", "\n").replace("\r", "\n")
    s = unicodedata.normalize("NFC", s.translate(_TRANSLATE))
    s = _MULTI_SPACE.sub(" ", s)
    return _TRAILING_SPACE.sub("", s)


def normalize_keep_offsets(s: str) -> str:
    """NFC, CRLF → LF, NBSP and tabs → one space each, invisible characters removed.

    Used by readers that must keep columns: runs of spaces are kept (a column in the file stays
    a column in the text). Columns count composed letters and ignore zero-width characters,
    which is what an editor shows.
    """
    s = s.replace("\r\n", "\n").replace("\r", "\n").translate(_TRANSLATE)
    return unicodedata.normalize("NFC", s)


# ---------------------------------------------------------------- legacy encodings

# TCVN3 (ABC): byte → letter. Upper-case letters with a tone do not exist in TCVN3.
_TCVN3_PAIRS: Final[str] = (
    "\xa1Ă \xa2Â \xa3Ê \xa4Ô \xa5Ơ \xa6Ư \xa7Đ "
    "\xa8ă \xa9â \xaaê \xabô \xacơ \xadư \xaeđ "
    "\xb5à \xb6ả \xb7ã \xb8á \xb9ạ "
    "\xbbằ \xbcẳ \xbdẵ \xbeắ \xc6ặ "
    "\xc7ầ \xc8ẩ \xc9ẫ \xcaấ \xcbậ "
    "\xccè \xceẻ \xcfẽ \xd0é \xd1ẹ "
    "\xd2ề \xd3ể \xd4ễ \xd5ế \xd6ệ "
    "\xd7ì \xd8ỉ \xdcĩ \xddí \xdeị "
    "\xdfò \xe1ỏ \xe2õ \xe3ó \xe4ọ "
    "\xe5ồ \xe6ổ \xe7ỗ \xe8ố \xe9ộ "
    "\xeaờ \xebở \xecỡ \xedớ \xeeợ "
    "\xefù \xf1ủ \xf2ũ \xf3ú \xf4ụ "
    "\xf5ừ \xf6ử \xf7ữ \xf8ứ \xf9ự "
    "\xfaỳ \xfbỷ \xfcỹ \xfdý \xfeỵ"
)
TCVN3_TABLE: Final[dict[int, str]] = {ord(p[0]): p[1] for p in _TCVN3_PAIRS.split()}

# VNI: mark bytes that follow a base vowel → combining marks (composed later by NFC).
_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
_CIRC, _BREVE = "\u0302", "\u0306"
_VNI_MARKS_LOWER: Final[dict[int, str]] = {
    0xF8: _GRAVE, 0xF9: _ACUTE, 0xFB: _HOOK, 0xF5: _TILDE, 0xEF: _DOT,  # ø ù û õ ï
    0xE2: _CIRC, 0xE0: _CIRC + _GRAVE, 0xE1: _CIRC + _ACUTE, 0xE5: _CIRC + _HOOK,  # â à á å
    0xE3: _CIRC + _TILDE, 0xE4: _CIRC + _DOT,  # ã ä
    0xEA: _BREVE, 0xE8: _BREVE + _GRAVE, 0xE9: _BREVE + _ACUTE, 0xFA: _BREVE + _HOOK,  # ê è é ú
    0xFC: _BREVE + _TILDE, 0xEB: _BREVE + _DOT,  # ü ë
}
# Upper-case mark bytes sit 0x20 lower (Ø Ù Û Õ Ï Â À Á Å Ã Ä Ê È É Ú Ü Ë).
VNI_MARKS: Final[dict[int, str]] = {**_VNI_MARKS_LOWER, **{b - 0x20: m for b, m in _VNI_MARKS_LOWER.items()}}
# Which base letters take which marks: circumflex on a/e/o, breve on a; tones on any vowel.
_VNI_CIRC_BASES: Final = frozenset("aeoAEO")
_VNI_BREVE_BASES: Final = frozenset("aA")
_VNI_TONE_BASES: Final = frozenset("aeiouyAEIOUYơưƠƯ")
VNI_LETTERS: Final[dict[int, str]] = {
    0xF4: "ơ", 0xD4: "Ơ", 0xF6: "ư", 0xD6: "Ư", 0xF1: "đ", 0xD1: "Đ",
    0xED: "í", 0xCD: "Í", 0xEC: "ì", 0xCC: "Ì", 0xE6: "ỉ", 0xC6: "Ỉ",
    0xF3: "ĩ", 0xD3: "Ĩ", 0xF2: "ị", 0xD2: "Ị", 0xEE: "ỵ", 0xCE: "Ỵ",
}

_TONES: Final = frozenset((_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT))


def _cp1252_char(b: int) -> str:
    return bytes([b]).decode("cp1252", errors="replace") if 0x80 <= b <= 0x9F else chr(b)


def _legacy_bytes(text: str) -> bytes:
    """Turn text that is legacy bytes read as cp1252/latin-1 back into those bytes."""
    out = bytearray()
    for ch in text:
        o = ord(ch)
        if o < 0x100:
            out.append(o)
        else:
            try:
                out += ch.encode("cp1252")
            except UnicodeEncodeError:
                out += b"?"
    return bytes(out)


def decode_tcvn3(data: bytes | str) -> str:
    """Decode TCVN3 (ABC) bytes, or TCVN3 text misread as cp1252, to NFC Unicode.

    Words typed in a capital font (all ASCII letters upper-case) are upper-cased whole, since
    TCVN3 capitals with tone marks are lower-case bytes shown in .VnTimeH.
    """
    raw = data if isinstance(data, bytes) else _legacy_bytes(data)
    chars = [TCVN3_TABLE.get(b) or _cp1252_char(b) for b in raw]
    text = "".join(chars)

    def upper_if_caps(m: re.Match[str]) -> str:
        word = m.group(0)
        ascii_letters = [c for c in word if c.isascii() and c.isalpha()]
        if len(ascii_letters) >= 2 and all(c.isupper() for c in ascii_letters):
            return word.upper()
        return word

    return unicodedata.normalize("NFC", re.sub(r"\w+", upper_if_caps, text))


def decode_vni(data: bytes | str) -> str:
    """Decode VNI-Windows bytes (base letter + mark byte), or VNI text misread as cp1252."""
    raw = data if isinstance(data, bytes) else _legacy_bytes(data)
    out: list[str] = []
    for b in raw:
        mark = VNI_MARKS.get(b)
        if mark is not None and out:
            prev = out[-1]
            base = unicodedata.normalize("NFD", prev)
            letter, existing = base[:1], base[1:]
            if mark[0] == _CIRC and letter in _VNI_CIRC_BASES and not existing:
                out[-1] = prev + mark
                continue
            if mark[0] == _BREVE and letter in _VNI_BREVE_BASES and not existing:
                out[-1] = prev + mark
                continue
            if mark in _TONES and (letter in _VNI_TONE_BASES or prev in "ơưƠƯ") and not (set(existing) & _TONES):
                out[-1] = prev + mark
                continue
        letter_ = VNI_LETTERS.get(b)
        out.append(letter_ if letter_ is not None else _cp1252_char(b))
    return unicodedata.normalize("NFC", "".join(out))


# A Vietnamese syllable without its tone: onset, nucleus (vowel cluster), coda.
_ONSET: Final = r"(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnpqrstvx])?"
_NUCLEUS: Final = (
    r"(?:uyê|uyê|ươ|uô|iê|yê|oa|oă|oe|uâ|uê|uy|ưa|ua|ia|ai|ao|au|ay|âu|ây|eo|êu|iu|oi|ôi|ơi|ui|ưi|ưu|"
    r"a|ă|â|e|ê|i|o|ô|ơ|u|ư|y)"
)
_CODA: Final = r"(?:ch|ng|nh|[cmnpt]|[iouy])?"
_SYLLABLE: Final = re.compile(rf"^{_ONSET}{_NUCLEUS}{_CODA}$")
_WORD: Final = re.compile(r"[^\W\d_]+")


def vietnamese_score(text: str) -> float:
    """Share of non-ASCII words that are well-formed Vietnamese syllables (0.0–1.0).

    A word counts when it has at most one tone mark and its letters, tone removed, match
    onset + vowel cluster + coda. ASCII-only words are ignored (they say nothing here).
    """
    total = good = 0
    for m in _WORD.finditer(text):
        word = m.group(0)
        if word.isascii():
            continue
        nfd = unicodedata.normalize("NFD", word.lower())
        bare = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in _TONES))
        ok = sum(1 for c in nfd if c in _TONES) <= 1 and _SYLLABLE.match(bare) is not None
        if not ok and word.isupper():
            continue  # an abbreviation ("BGDĐT", "KGVX") says nothing about the encoding
        total += 1
        good += ok
    return good / total if total else 0.0


LegacyName = Literal["tcvn3", "vni"]
_LEGACY_LABEL: Final[dict[str, str]] = {"tcvn3": "TCVN3 (ABC, phông .Vn…)", "vni": "VNI (phông VNI-…)"}
_LEGACY_DECODERS = {"tcvn3": decode_tcvn3, "vni": decode_vni}


def detect_legacy(text: str) -> LegacyName | None:
    """Say whether ``text`` (bytes read as cp1252/latin-1) is TCVN3 or VNI Vietnamese.

    It is, when the text has a fair number of words with latin-1 letters, they read badly as
    Vietnamese as they stand, and one of the two decoders turns most of them into syllables.
    """
    legacy_words = [w for w in _WORD.findall(text) if not w.isascii() and all(ord(c) < 0x100 or c in "ŒœŠšŸŽžƒ" for c in w)]
    if len(legacy_words) < 3:
        return None
    sample = " ".join(legacy_words[:2000])
    as_is = vietnamese_score(sample)
    if as_is >= 0.9:
        return None
    scores = {name: vietnamese_score(dec(sample)) for name, dec in _LEGACY_DECODERS.items()}
    best = max(scores, key=lambda k: scores[k])
    if scores[best] >= 0.6 and scores[best] > as_is + 0.2:
        return best  # type: ignore[return-value]
    return None


def decode_legacy(text: str, name: LegacyName) -> str:
    """Convert misread legacy text with the named table."""
    return _LEGACY_DECODERS[name](text)


def legacy_message(name: LegacyName) -> str:
    """Vietnamese message for a legacy-encoded file (the path is added by the Location)."""
    return (
        f"tệp mã hóa {_LEGACY_LABEL[name]}, không phải Unicode; hãy chuyển sang Unicode "
        "(TCVN 6909:2001, ví dụ bằng công cụ chuyển mã của Unikey) rồi kiểm tra lại"
    )


def decode_bytes(data: bytes, path: str, *, legacy: Literal["error", "decode"] = "error") -> str:
    """Decode a text file: UTF-8 (with or without BOM), UTF-16 with BOM; legacy TCVN3/VNI.

    Legacy Vietnamese (TCVN3, VNI, also when already re-saved as UTF-8 "Céng hoµ") raises
    :class:`InputError` unless ``legacy="decode"``. Bytes that are neither UTF-8 nor legacy
    Vietnamese raise :class:`InputError` too. The result is not yet normalised.
    """
    loc = Location(path)
    text: str | None = None
    if data.startswith(codecs.BOM_UTF8):
        text = data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError("tệp UTF-16 bị hỏng, không đọc được", loc) from None
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = None
    if text is None:
        as_latin = "".join(_cp1252_char(b) for b in data)
        name = detect_legacy(as_latin)
        if name is None:
            raise InputError("tệp không phải văn bản UTF-8 và không nhận ra bảng mã (TCVN3, VNI)", loc)
        if legacy == "error":
            raise InputError(legacy_message(name), loc)
        return _LEGACY_DECODERS[name](data)
    if "\x00" in text:
        raise InputError("tệp chứa ký tự nhị phân, không phải văn bản", loc)
    name = detect_legacy(text)
    if name is not None:
        if legacy == "error":
            raise InputError(legacy_message(name), loc)
        return decode_legacy(text, name)
    return text


# ---------------------------------------------------------------- PDF line re-joining

# A heading or list item starts a new paragraph: "I.", "1.", "a)", "-", "+", "•", "Điều 5.",
# "Chương II", "[3]", and the NĐ30 header words.
_BLOCK_START: Final = re.compile(
    r"^(?:[IVXLC]+\.\s|\d+(?:\.\d+)*\.\s|\d+\)\s|[a-zđ]\)\s|[-+•–]\s|\[\d+\]|Điều\s+\d+|Chương\s+[IVXLC\d]+|"
    r"Nơi nhận|Kính gửi|KT\.|TM\.|TL\.|TUQ\.|Q\.\s|V/v\b)"
)
# A line ends a sentence or block when it ends with these.
_BLOCK_END: Final = re.compile(r"(?:[.:;!?]|\./\.|[.;:]\s*[”\"])$")
# De-hyphenation: "phổ-" + "cập" only for a hyphen glued to a letter (Vietnamese rarely
# hyphenates words, so a trailing hyphen after a letter is a line-break hyphen).
_SOFT_BREAK: Final = re.compile(r"(?<=\w)-$")


def _is_heading(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def rejoin_pdf_lines(lines: Sequence[str] | Iterable[str]) -> list[str]:
    """Join lines that a PDF broke inside a sentence; keep paragraph and heading boundaries.

    A line is appended to the previous one when the previous line does not end a sentence
    (., :, ;, ?, !), the line does not start a heading or list item, and neither line is an
    all-capitals heading. Blank lines end paragraphs. A hyphen glued to the last word is
    removed and the halves joined without a space ("phổ-" + "cập"), except in a symbol
    ("TT-" + "BGDĐT" stays "TT-BGDĐT").
    """
    return [line for line, _ in rejoin_pdf_lines_with_origin(lines)]


def _continues(prev: str, line: str, full: int) -> bool:
    """Whether ``line`` continues the sentence that ``prev`` (a raw line) left open.

    A continuation starts with a lower-case letter, a digit, a quote or "(" ("25/2023/TT-BGDĐT",
    "của Bộ …"); one starting with a capital continues only when ``prev`` ran to nearly the full
    line width (a name wrapped at the margin), since a short line before a capital ends a title.
    """
    first = line[:1]
    if prev.endswith("-"):
        return True
    if first.islower() or first.isdigit() or first in "“\"'(":
        return True
    return full > 0 and len(prev) >= 0.8 * full


def rejoin_pdf_lines_with_origin(lines: Sequence[str] | Iterable[str]) -> list[tuple[str, int]]:
    """:func:`rejoin_pdf_lines`, with the index of the first input line of each output line."""
    raw_lines = [raw.strip() for raw in lines]
    full = max((len(x) for x in raw_lines), default=0)
    out: list[tuple[str, int]] = []
    joinable = False
    prev_raw = ""
    for index, line in enumerate(raw_lines):
        if not line:
            joinable = False
            out.append(("", index))
            continue
        continues = joinable and _continues(prev_raw, line, full)
        prev_raw = line
        if out and continues and not _BLOCK_START.match(line) and not _is_heading(line):
            prev, origin = out[-1]
            if _SOFT_BREAK.search(prev):
                # "TT-" + "BGDĐT" keeps its hyphen (a symbol); "phổ-" + "cập" loses it.
                word = prev.rsplit(" ", 1)[-1]
                keep = "/" in word or word[:-1].isupper() or line[:1].isupper() or line[:1].isdigit()
                out[-1] = ((prev if keep else prev[:-1]) + line, origin)
            else:
                out[-1] = (prev + " " + line, origin)
        else:
            out.append((line, index))
        last = out[-1][0]
        joinable = not _BLOCK_END.search(last) and not _is_heading(last)
    cleaned: list[tuple[str, int]] = []
    for item in out:
        if item[0] == "" and (not cleaned or cleaned[-1][0] == ""):
            continue
        cleaned.append(item)
    while cleaned and cleaned[-1][0] == "":
        cleaned.pop()
    return cleaned
