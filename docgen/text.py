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
import itertools
import re
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Final, Literal

from docgen.errors import InputError, Location
from docgen.lazy_re import lazy

# ---------------------------------------------------------------- normalisation

# Characters that render as nothing or as a plain space: NBSP and friends become a space,
# zero-width characters and the BOM disappear, soft hyphens disappear.
_SPACE_LIKE: Final = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u3000\t"), " ")
_INVISIBLE: Final = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_TRANSLATE: Final = {**_SPACE_LIKE, **_INVISIBLE}
_MULTI_SPACE: Final = lazy(r" {2,}")
_TRAILING_SPACE: Final = lazy(r" +(?=\n)|^ +$", re.MULTILINE)


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
_SYLLABLE: Final = lazy(rf"^{_ONSET}{_NUCLEUS}{_CODA}$")
_WORD: Final = lazy(r"[^\W\d_]+")
# A whole word (as _WORD finds them) made only of latin-1 letters and cp1252's few others, at
# least one of them not ASCII: how a legacy-encoded text reads ("ViÖt", "Nam" is not one). The
# lookahead finds the non-ASCII letter; both runs are possessive, so nothing backtracks.
_NON_ASCII_LEGACY_LETTERS: Final = r"\xaa\xb5\xba\xc0-\xd6\xd8-\xf6\xf8-\xffŒœŠšŸŽžƒ"
_LEGACY_WORD: Final = lazy(
    rf"(?<![^\W\d_])(?=[A-Za-z]*+[{_NON_ASCII_LEGACY_LETTERS}])[A-Za-z{_NON_ASCII_LEGACY_LETTERS}]++(?![^\W\d_])"
)


def vietnamese_score(text: str) -> float:
    """Share of non-ASCII words that are well-formed Vietnamese syllables (0.0–1.0).

    A word counts when it has at most one tone mark and its letters, tone removed, match
    onset + vowel cluster + coda. ASCII-only words are ignored (they say nothing here).
    """
    total = good = 0
    seen: dict[str, bool | None] = {}  # word → well-formed; None: left out (words repeat a lot)
    for word in _WORD.findall(text):
        if word.isascii():
            continue
        if word not in seen:
            seen[word] = _syllable_verdict(word)
        ok = seen[word]
        if ok is None:
            continue
        total += 1
        good += ok
    return good / total if total else 0.0


def _syllable_verdict(word: str) -> bool | None:
    """Whether a non-ASCII word is a well-formed syllable; None for an abbreviation that is not."""
    nfd = unicodedata.normalize("NFD", word.lower())
    bare = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in _TONES))
    ok = sum(1 for c in nfd if c in _TONES) <= 1 and _SYLLABLE.match(bare) is not None
    if not ok and word.isupper():
        return None  # an abbreviation ("BGDĐT", "KGVX") says nothing about the encoding
    return ok


LegacyName = Literal["tcvn3", "vni"]
_LEGACY_LABEL: Final[dict[str, str]] = {"tcvn3": "TCVN3 (ABC, phông .Vn…)", "vni": "VNI (phông VNI-…)"}
_LEGACY_DECODERS = {"tcvn3": decode_tcvn3, "vni": decode_vni}


def detect_legacy(text: str) -> LegacyName | None:
    """Say whether ``text`` (bytes read as cp1252/latin-1) is TCVN3 or VNI Vietnamese.

    It is, when the text has a fair number of words with latin-1 letters, they read badly as
    Vietnamese as they stand, and one of the two decoders turns most of them into syllables.
    """
    legacy_words = [m.group(0) for m in itertools.islice(_LEGACY_WORD.finditer(text), 2000)]
    if len(legacy_words) < 3:
        return None
    sample = " ".join(legacy_words)
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
_BLOCK_START: Final = lazy(
    r"^(?:[IVXLC]+\.\s|\d+(?:\.\d+)*\.\s|\d+\)\s|[a-zđ]\)\s|[-+•–]\s|\[\d+\]|Điều\s+\d+|Chương\s+[IVXLC\d]+|"
    r"Nơi nhận|Kính gửi|KT\.|TM\.|TL\.|TUQ\.|Q\.\s|V/v\b)"
)
# A line ends a sentence or block when it ends with these.
_BLOCK_END: Final = lazy(r"(?:[.:;!?]|\./\.|[.;:]\s*[”\"])$")
# A line the PDF cut right after a hyphen or a slash glued to a word: "25/2023/TT-", "nghi-",
# "25/2023/". Line breaking (Unicode UAX #14, LB13 and LB21) allows a break after "-" and "/",
# never before them, so the next line carries on the same word or symbol.
_GLUED_CUT: Final = lazy(r"(?<=\w)[-/]$")
# The letters before a hyphen and the first word after it: "nghi" + "ệm".
_TAIL_WORD: Final = lazy(r"\w+$")
_HEAD_WORD: Final = lazy(r"\w+")


def _capitals(line: str) -> tuple[int, bool]:
    """(letters outside symbols, whether one of them is lower case): what :func:`_is_heading`
    counts. A word with a digit or "/" is a symbol ("25/2023/TT-BGDĐT") and does not count."""
    letters = 0
    lower = False
    for word in line.split():
        if any(ch.isdigit() or ch == "/" for ch in word):
            continue
        letters += sum(1 for ch in word if ch.isalpha())
        lower = lower or any(ch.isalpha() and not ch.isupper() for ch in word)
    return letters, lower


def _is_heading(line: str) -> bool:
    """An all-capitals line ("I. MỤC TIÊU", "KẾ HOẠCH SỐ 12/KH-UBND"); the capitals of a symbol
    do not count, so a symbol that the PDF put on a line of its own is no heading."""
    letters, lower = _capitals(line)
    return letters >= 4 and not lower


def _one_syllable(word: str) -> bool:
    """Whether ``word`` is one well-formed Vietnamese syllable (at most one tone mark)."""
    nfd = unicodedata.normalize("NFD", word.lower())
    bare = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in _TONES))
    return sum(1 for c in nfd if c in _TONES) <= 1 and _SYLLABLE.match(bare) is not None


@dataclass(frozen=True)
class Piece:
    """One input line inside a re-joined line: where it sits and what of it was copied."""

    at: int  # offset of the piece in the joined line
    line: int  # index of the input line
    column: int  # 0-based column, in the input line, of the piece's first character
    length: int  # characters copied unchanged from the input line (a dropped hyphen is not)


@dataclass(frozen=True)
class JoinedLine:
    """A line of re-joined text and the input lines it is made of, in order."""

    text: str
    pieces: tuple[Piece, ...]

    @property
    def origin(self) -> int:
        """Index of the input line where this line starts."""
        return self.pieces[0].line


def rejoin_pdf_lines(lines: Sequence[str] | Iterable[str]) -> list[str]:
    """Join lines that a PDF broke inside a sentence; keep paragraph and heading boundaries.

    A line is appended to the previous one when the previous line does not end a sentence
    (., :, ;, ?, !), the line does not start a heading or list item, and neither line is an
    all-capitals heading. Blank lines end paragraphs.

    A line that ends in a hyphen or a slash glued to a word is continued by the next line,
    without a space, when the halves fit (a symbol, a number range, a word; never a heading):
    "25/2023/TT-" + "BGDĐT" → "25/2023/TT-BGDĐT", "25/2023/" + "TT-BGDĐT". The hyphen is kept (Vietnamese words are single syllables, so neither Word nor LibreOffice
    hyphenates inside them, and a hyphen at the line end was typed: "2021-2030", "ki-lô-mét"),
    except when the two halves make one syllable, which only a hyphenation meant for another
    language cuts: "nghi-" + "ệm" → "nghiệm".
    """
    return [joined.text for joined in rejoin_pdf_lines_with_pieces(lines)]


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


# The second half of a Party document's symbol cut at its hyphen: "49-" + "KL/TW", "11-" + "CT/TW".
_PARTY_TAIL: Final = lazy(r"(?:KL|CT|NQ|QĐ|TB|HD|KH|QC)/")


def _glued_join(prev: str, line: str) -> str | None:
    """How ``line`` continues ``prev`` that ends in a "-" or "/" glued to a word: "" (glued), "-"
    (glued, hyphen dropped), or None when it does not continue it.

    The halves must fit: a symbol goes on with a capital or digit ("25/2023/TT-" + "BGDĐT",
    "25/2023/" + "TT-BGDĐT"), a number range with a digit ("2021-" + "2030"), a word with a
    lower-case letter ("nghi-" + "ệm"); a heading or list item ("IV. KINH PHÍ") never continues.
    """
    if not line[:1].isalnum() or _BLOCK_START.match(line):
        return None
    word = prev.rsplit(" ", 1)[-1]
    stem = word[:-1]
    first = line[:1]
    if prev.endswith("/") or "/" in stem or (stem.isupper() and not stem[-1:].isdigit()):
        return "" if first.isupper() or first.isdigit() else None  # a symbol
    if stem[-1:].isdigit():
        if _PARTY_TAIL.match(line):
            return ""  # a Party symbol: "49-" + "KL/TW"
        return "" if first.isdigit() else None  # a number range
    if not first.islower():
        return None
    tail, head = _TAIL_WORD.search(stem), _HEAD_WORD.match(line)
    if tail and head and tail.group().isalpha() and _one_syllable(tail.group() + head.group()):
        return "-"  # a syllable cut in two: "nghi-" + "ệm"
    return ""  # a hyphen typed in the text: "ki-lô-" + "mét"


def breaks_sentence(prev: str, line: str) -> bool:
    """Whether the break between ``prev`` and ``line`` (both stripped, non-blank) falls inside a
    sentence that goes on in lower case: "… quy định tại Thông tư số 25/2023/TT-BGDĐT" + "ngày …"."""
    return (
        not _BLOCK_END.search(prev)
        and not _is_heading(prev)
        and line[:1].islower()
        and not _BLOCK_START.match(line)
    )


def cut_between(prev: str, line: str) -> bool:
    """Whether ``prev`` and ``line`` (stripped, non-blank) are two halves of one sentence or one
    symbol: :func:`breaks_sentence`, or "… Thông tư số 25/2023/TT-" + "BGDĐT …"."""
    return breaks_sentence(prev, line) or (_GLUED_CUT.search(prev) is not None and _glued_join(prev, line) is not None)


def rejoin_pdf_lines_with_origin(lines: Sequence[str] | Iterable[str]) -> list[tuple[str, int]]:
    """:func:`rejoin_pdf_lines`, with the index of the first input line of each output line."""
    return [(joined.text, joined.origin) for joined in rejoin_pdf_lines_with_pieces(lines)]


def rejoin_pdf_lines_with_pieces(
    lines: Sequence[str] | Iterable[str], alone: Collection[int] = ()
) -> list[JoinedLine]:
    """:func:`rejoin_pdf_lines`, each output line with the input lines it is made of.

    Lines whose index is in ``alone`` are never joined to a neighbour (a suppression comment, a
    Markdown table row). Runs of blank lines become one; leading and trailing ones are dropped.
    Linear in the length of the text: each input line is read once, and what is tested of the
    line being built (its end, whether it is all capitals) is kept as it grows.
    """
    raws = list(lines)
    stripped = [raw.strip() for raw in raws]
    full = max((len(x) for x in stripped), default=0)
    out: list[JoinedLine] = []
    parts: list[str] = []  # the output line being built, and its pieces
    pieces: list[Piece] = []
    length = 0
    letters, lower = 0, False  # its capitals (:func:`_capitals`)
    tail = ""  # its last characters

    def close() -> None:
        if parts:
            out.append(JoinedLine("".join(parts), tuple(pieces)))

    joinable = False
    prev_single = False  # the previous line stands alone: nothing joins it
    prev_raw = ""
    for index, line in enumerate(stripped):
        if not line:
            close()
            parts, pieces, length, tail = [], [], 0, ""
            joinable = prev_single = False
            out.append(JoinedLine("", (Piece(0, index, 0, 0),)))
            continue
        single = index in alone
        line_letters, line_lower = _capitals(line)
        mode: str | None = None  # " ": joined with a space; "": glued; "-": glued, hyphen dropped
        if parts and not single and not prev_single:
            if _GLUED_CUT.search(tail[-2:]):
                mode = _glued_join(tail, line)
            heading = line_letters >= 4 and not line_lower
            if mode is None and joinable and _continues(prev_raw, line, full) and not _BLOCK_START.match(line) and not heading:
                mode = " "
        prev_raw = line
        lead = len(raws[index]) - len(raws[index].lstrip())
        if mode is None:
            close()
            parts, pieces, length, tail = [line], [Piece(0, index, lead, len(line))], len(line), line[-32:]
            letters, lower = line_letters, line_lower
        else:
            if mode == "-":
                last = pieces[-1]
                pieces[-1] = Piece(last.at, last.line, last.column, max(0, last.length - 1))
                parts[-1] = parts[-1][:-1]
                length -= 1
                tail = tail[:-1]
            sep = " " if mode == " " else ""
            pieces.append(Piece(length + len(sep), index, lead, len(line)))
            parts.extend((sep, line))
            length += len(sep) + len(line)
            tail = (tail + sep + line)[-32:]
            letters, lower = letters + line_letters, lower or line_lower
        joinable = not _BLOCK_END.search(tail) and not (letters >= 4 and not lower)
        prev_single = single
    close()
    cleaned: list[JoinedLine] = []
    for joined in out:
        if joined.text == "" and (not cleaned or cleaned[-1].text == ""):
            continue
        cleaned.append(joined)
    while cleaned and cleaned[-1].text == "":
        cleaned.pop()
    return cleaned


def looks_soft_wrapped(lines: Sequence[str]) -> bool:
    """Whether ``lines`` read like text copied out of a PDF: many lines broken inside a sentence
    (:func:`breaks_sentence`) at about the same width.

    A text typed with one paragraph per line breaks only after a sentence, a heading or a list
    item, so it never qualifies. Needs at least three such breaks, four in five of them within
    20 % of their median width (a justified page), and breaks after at least a third of the
    lines that reach that width.
    """
    texts = [line.strip() for line in lines]
    cuts = sorted(len(a) for a, b in zip(texts, texts[1:]) if a and b and breaks_sentence(a, b))
    if len(cuts) < 3:
        return False
    width = cuts[len(cuts) // 2]
    if width < 30:
        return False
    near = sum(1 for n in cuts if 0.8 * width <= n <= 1.2 * width)
    wide = sum(1 for t in texts if len(t) >= 0.8 * width)
    return near >= 0.8 * len(cuts) and len(cuts) >= wide / 3
