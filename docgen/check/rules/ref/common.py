"""Shared by the REF rules: the resolved citations of a draft and how names and titles compare."""

from __future__ import annotations

from typing import Any

from docgen import vi
from docgen.check.find import Citation
from docgen.check.patterns import cite as P
from docgen.check.resolve import Resolved, resolve_citations
from docgen.check.rules.base import CheckContext

VERIFIED = ("high", "medium")

# Kinds of documents that a national registry could hold; local plans, letters and guides
# ("Kế hoạch số 3727/KH-UBND", "Văn bản số 40/TTr-SGDĐT") never are, so they are not reported.
CENTRAL_KINDS = frozenset({"Thông tư", "Thông tư liên tịch", "Nghị định", "Nghị quyết", "Quyết định", "Kết luận", "Chỉ thị", "Luật"})
LOCAL_CODES = ("UBND", "HĐND", "SGDĐT", "SGD&ĐT", "PGDĐT", "TU", "HU", "ĐU", "BCĐ", "VP")

# Words that say a repealed document is mentioned as history, not applied.
HISTORY_WORDS = ("thay thế", "bãi bỏ", "hết hiệu lực", "trước đây", "quy định cũ", "đã được thay")


def resolved(ctx: CheckContext) -> list[Resolved]:
    """Citations of the draft linked to the registry, computed once per context."""
    cached = ctx.__dict__.get("_ref_resolved")
    if cached is None:
        cached = resolve_citations(ctx.citations, ctx.registry, ctx.draft.text)
        ctx.__dict__["_ref_resolved"] = cached
    return list(cached)


def is_local(cite: Citation) -> bool:
    symbol = cite.symbol or ""
    tail = symbol.rsplit("/", 1)[-1]
    return any(tail.endswith(code) or tail.startswith(code) for code in LOCAL_CODES)


def date_text(cite: Citation, value: Any) -> str:
    """The registry date written the way the draft wrote this citation's date."""
    if cite.date_words:
        return f"{value.day:02d} tháng {vi.nd30_month(value.month)} năm {value.year}"
    return vi.date_short(value)


def words(text: str) -> list[str]:
    text = P.PARENTHESES_RE.sub(" ", text.casefold()).replace("&", "")
    text = text.replace("gdđt", "giáo dục và đào tạo").replace("ubnd", "ủy ban nhân dân")
    text = text.replace("uỷ", "ủy").replace("khoá", "khóa")
    return P.WORD_RE.findall(text)


GENERIC_WORDS = frozenset({"bộ", "ban", "trung", "ương", "của", "và", "khóa", "việt", "nam", "đảng", "trưởng", "chủ", "tịch"})


def same_issuer(written: str, entry: Any) -> bool:
    """True when the issuer written shares the distinctive words of the entry's issuer/signer."""
    mine = set(words(written)) - GENERIC_WORDS
    if not mine:
        return True
    for known in (entry.issuer, entry.signer_title):
        theirs = set(words(known)) - GENERIC_WORDS
        if not theirs or mine & theirs:
            return True
    return False


def flat_title(text: str) -> str:
    text = text.replace("“", '"').replace("”", '"').replace("‘", "'").replace("’", "'")
    text = P.TITLE_OPENING_RE.sub("", " ".join(text.split()).casefold())
    return text.strip(" .,;")


# Words that name any document ("Văn bản số …", "Công văn số …"); they are never a wrong kind.
GENERIC_KINDS = frozenset({"Văn bản", "Công văn"})
