"""Shared by the REF rules: the resolved citations of a draft and how names and titles compare."""

from __future__ import annotations

from typing import Any

from docgen import vi
from docgen.check.find import Citation
from docgen.check.patterns import cite as P
from docgen.check.patterns import form as F
from docgen.check.resolve import Resolved, resolve_citations
from docgen.check.rules.base import CheckContext

VERIFIED = ("high", "medium")

# Kinds of documents that a national registry could hold; local plans, letters and guides
# ("Kế hoạch số 3727/KH-UBND", "Văn bản số 40/TTr-SGDĐT") never are, so they are not reported.
CENTRAL_KINDS = frozenset({"Thông tư", "Thông tư liên tịch", "Nghị định", "Nghị quyết", "Quyết định", "Kết luận", "Chỉ thị", "Luật"})
LOCAL_CODES = ("UBND", "HĐND", "SGDĐT", "SGD&ĐT", "PGDĐT", "TU", "HU", "ĐU", "BCĐ", "VP")

# Words that say a repealed document is mentioned as history, not applied.
HISTORY_WORDS = ("thay thế", "bãi bỏ", "hết hiệu lực", "trước đây", "quy định cũ", "đã được thay")

# A web page's title, breadcrumb and post metadata sit above the document (issue 8); the
# document starts at its Quốc hiệu. Without a Quốc hiệu, only the first lines are looked at.
CHROME_LINES_WITHOUT_HEADER = 15
HEADER_SEARCH_LINES = 40


def resolved(ctx: CheckContext) -> list[Resolved]:
    """Citations of the draft linked to the registry, computed once per context.

    Citations in the web page around a copied document (its title, breadcrumb, "Ngày đăng" line,
    see :func:`page_chrome_end`) are not the document's and are left out.
    """
    cached = ctx.__dict__.get("_ref_resolved")
    if cached is None:
        start = page_chrome_end(ctx.draft.text)
        citations = [c for c in ctx.citations if c.span.start >= start]
        cached = resolve_citations(citations, ctx.registry, ctx.draft.text)
        ctx.__dict__["_ref_resolved"] = cached
    return list(cached)


def page_chrome_end(text: str) -> int:
    """Offset where the document proper starts, after a web page's title, breadcrumb and metadata.

    The lines looked at are those above the first line holding the Quốc hiệu (“CỘNG HÒA XÃ HỘI
    CHỦ NGHĨA VIỆT NAM”) within the first 40 non-blank lines, or the first 15 non-blank lines when
    there is none. If one of them looks like part of a web page
    (:data:`~docgen.check.patterns.cite.WEB_CHROME_RE`: the portal's name, "Trang chủ > …", "Ngày
    đăng", "Lượt xem" …), everything up to the end of the last such line is the page's, not the
    document's; the agency's name, "Số: …" and "V/v …" lines below it stay. 0 when nothing looks
    like a web page.
    """
    lines: list[tuple[int, str]] = []
    start = 0
    limit = CHROME_LINES_WITHOUT_HEADER
    for line in text.split("\n"):
        if line.strip():
            if F.QUOC_HIEU_IN_LINE.search(line):
                limit = len(lines)
                break
            lines.append((start, line))
            if len(lines) >= HEADER_SEARCH_LINES:
                break
        start += len(line) + 1
    end = 0
    for line_start, line in lines[:limit]:
        if P.WEB_CHROME_RE.search(line):
            end = min(line_start + len(line) + 1, len(text))
    return end


def is_local(cite: Citation) -> bool:
    symbol = cite.symbol or ""
    tail = symbol.rsplit("/", 1)[-1]
    return any(tail.endswith(code) or tail.startswith(code) for code in LOCAL_CODES)


def written_symbol(cite: Citation) -> str:
    """The symbol as written, in normal form but keeping "&": "12/KH-PGD&ĐT" stays one symbol.

    For a local document "&" is part of its agency's own abbreviation (issue 8); only a registry
    document has an official form without it.
    """
    from docgen.law.registry import normalize_symbol

    return normalize_symbol(cite.symbol_text or cite.symbol or "")


def date_text(cite: Citation, value: Any) -> str:
    """The registry date written the way the draft wrote this citation's date."""
    return date_like(value, in_words=cite.date_words)


def date_like(value: Any, *, in_words: bool) -> str:
    """"12/02/2024", or "12 tháng 02 năm 2024" when the draft wrote the date in words."""
    if in_words:
        return f"{value.day:02d} tháng {vi.nd30_month(value.month)} năm {value.year}"
    return vi.date_short(value)


# ---------------------------------------------------------------- issuers


def expand_abbreviations(text: str, registry: Any) -> str:
    """``text`` with the registry's issuer abbreviations spelt out: "Bộ GD&ĐT" → "Bộ Giáo dục và
    Đào tạo", "UBND tỉnh" → "Ủy ban nhân dân tỉnh". Parts joined by "&", "-" or "và" are looked up
    as one abbreviation; a group that is not one ("ĐỘNG - THƯƠNG") is left as written."""
    expand = getattr(registry, "expand_abbreviation", None)
    if expand is None:
        return text

    def group(m: Any) -> str:
        parts = P.WORD_RE.findall(m.group(0))
        joined = "".join(p for p in parts if p != "và")
        long = expand(joined)
        return f" {long} " if long else str(m.group(0))

    def word(m: Any) -> str:
        long = expand(m.group(0))
        return long if long else str(m.group(0))

    text = P.ABBREVIATION_GROUP_RE.sub(group, text)
    return P.WORD_RE.sub(word, text)


# words() of an issuer is asked again for every citation of the same body and for the registry
# entry it is compared with: answered once per (registry, text). The registry is held so that
# its id is not reused while cached.
_WORDS: dict[str, tuple[str, ...]] = {}
_WORDS_REGISTRY: list[Any] = [None]


def words(text: str, registry: Any = None) -> list[str]:
    """The words of an organisation's name, abbreviations spelt out, asides and "khóa XII" dropped."""
    if _WORDS_REGISTRY[0] is not registry:
        _WORDS.clear()
        _WORDS_REGISTRY[0] = registry
    found = _WORDS.get(text)
    if found is None:
        if len(_WORDS) > 4096:
            _WORDS.clear()
        found = _WORDS[text] = tuple(_words(text, registry))
    return list(found)


def _words(text: str, registry: Any) -> list[str]:
    if registry is not None:
        text = expand_abbreviations(text, registry)
    text = P.PARENTHESES_RE.sub(" ", text.casefold()).replace("&", " ")
    text = text.replace("uỷ", "ủy").replace("khoá", "khóa")
    found = P.WORD_RE.findall(text)
    # "khóa XII" names the term, not the body: "Bộ Chính trị khóa XII" is not "Ban Bí thư khóa XII"
    out: list[str] = []
    skip = False
    for w in found:
        if skip and all(ch in "ivxl" for ch in w):
            skip = False
            continue
        skip = w == "khóa"
        out.append(w)
    return out


GENERIC_WORDS = frozenset({"bộ", "ban", "trung", "ương", "của", "và", "khóa", "việt", "nam", "đảng", "trưởng", "chủ", "tịch"})


def same_issuer(written: str, entry: Any, registry: Any = None) -> bool:
    """True when the issuer written names the entry's issuer or signer, abbreviations spelt out.

    The whole name may match ("Bộ trưởng Bộ GD&ĐT" is "Bộ trưởng Bộ Giáo dục và Đào tạo"), or
    share a distinctive word with it ("Ban Bí thư" for "Ban Bí thư Trung ương Đảng khóa XII").
    """
    mine_words = words(written, registry)
    mine = set(mine_words) - GENERIC_WORDS
    for known in (entry.issuer, entry.signer_title):
        if mine_words == words(known, registry):
            return True
    if not mine:
        return True
    for known in (entry.issuer, entry.signer_title):
        theirs = set(words(known, registry)) - GENERIC_WORDS
        if not theirs or mine & theirs:
            return True
    return False


def known_wrong_issuer(written: str, entry: Any, registry: Any = None) -> bool:
    """The issuer written is one the registry lists as a known mistake ("Bộ Chính trị" for KL 49)."""
    mine = set(words(written, registry))
    for wrong in entry.wrong_forms:
        if wrong.field != "issuer":
            continue
        theirs = set(words(wrong.value, registry)) - GENERIC_WORDS
        if theirs and theirs <= mine:
            return True
    return False


# ---------------------------------------------------------------- titles

# Old and new tone placement, folded to one before titles are compared ("hoá" = "hóa").
_TONE_FOLD = (
    ("oà", "òa"), ("oá", "óa"), ("oả", "ỏa"), ("oã", "õa"), ("oạ", "ọa"),
    ("oè", "òe"), ("oé", "óe"), ("oẻ", "ỏe"), ("oẽ", "õe"), ("oẹ", "ọe"),
    ("uỳ", "ùy"), ("uý", "úy"), ("uỷ", "ủy"), ("uỹ", "ũy"), ("uỵ", "ụy"),
)


def flat_title(text: str) -> str:
    """A title for comparison: case-folded, one blank, straight quotes, opening words dropped."""
    text = text.replace("“", '"').replace("”", '"').replace("‘", "'").replace("’", "'")
    text = P.TITLE_OPENING_RE.sub("", " ".join(text.split()).casefold())
    return text.strip(" .,;")


def title_key(text: str) -> str:
    """A title reduced to what tells documents apart (issue 8): no quotation marks of any style,
    "2021 - 2030" = "2021-2030" = "2021 – 2030", "xã,huyện" = "xã, huyện", "hoá" = "hóa"."""
    flat = P.TITLE_QUOTES_RE.sub("", flat_title(text))
    flat = P.TITLE_DASH_RE.sub("-", flat)
    flat = P.TITLE_COMMA_RE.sub(", ", flat)
    for old, new in _TONE_FOLD:
        flat = flat.replace(old, new)
    flat = P.TITLE_OPENING_RE.sub("", " ".join(flat.split()))
    return flat.strip(" .,;")


def official_title(cite: Citation, entry: Any) -> str:
    """The registry's trích yếu to put in place of ``cite``'s, opening as the draft's did: a title
    written "ban hành Quy định …" becomes the entry's ``cite_as`` when that also opens so."""
    title: str = entry.title
    written = (cite.title or "").casefold()
    cite_as: str | None = entry.cite_as
    if cite_as and P.TITLE_OPENING_RE.match(written) and cite_as.casefold().startswith(written.split()[0]):
        return cite_as
    return title


def title_words(text: str) -> set[str]:
    """The words of a title, tone placement folded."""
    return set(P.WORD_RE.findall(title_key(text)))


def repealed_title(cite: Citation, entry: Any, registry: Any) -> Any:
    """The repealed document whose trích yếu ``cite`` gives instead of ``entry``'s, or None.

    Data-driven: ``entry.repeals`` lists what the document replaced; the words that only the old
    title has ("xếp loại" of Thông tư 44/2014/TT-BGDĐT, against "công nhận" of Thông tư
    25/2023/TT-BGDĐT) must all appear in the cited title.
    """
    if cite.title is None or entry is None or not entry.title:
        return None
    mine = title_words(cite.title)
    own = title_words(entry.title)
    for old_id in entry.repeals:
        old = registry.by_id(old_id)
        if old is None or not old.title:
            continue
        distinctive = title_words(old.title) - own
        if distinctive and distinctive <= mine:
            return old
    return None


# Words that name any document ("Văn bản số …", "Công văn số …"); they are never a wrong kind.
GENERIC_KINDS = frozenset({"Văn bản", "Công văn"})
