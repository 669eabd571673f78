"""ART005: how many tiêu chí and chỉ tiêu a level has, against the criteria catalogue.

The counts are never typed here: they are the lengths of the catalogue's sets
(``law/data/criteria.yaml`` via :mod:`docgen.law.criteria`), xã 5 tiêu chí / 15 chỉ tiêu (Điều 6, 7),
huyện 4 / 13 (Điều 11, 12), tỉnh 4 / 16 (Điều 16, 17) at the time of writing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from docgen import vi
from docgen.check.find.text import LEVEL_KEYS
from docgen.check.model import Finding, FixSafety, Severity, Span
from docgen.check.patterns import facts as F
from docgen.check.patterns import target as T
from docgen.check.rules.base import CheckContext, Rule, register
from docgen.check.rules.dl.terms import (
    Sentence, about_cdht, places, sentence_level, sentences, severity_of, tt25_applies, verify_of, weakest, written_like,
)


@register
class CriteriaCountWrong(Rule):
    """Số tiêu chí hoặc số chỉ tiêu nêu cho một cấp khác với Thông tư 25/2023/TT-BGDĐT.

    Vì sao: bộ tiêu chí “Cộng đồng học tập” cấp xã có 5 tiêu chí, 15 chỉ tiêu (Điều 6, Điều 7),
    cấp huyện 4 tiêu chí, 13 chỉ tiêu (Điều 11, Điều 12), cấp tỉnh 4 tiêu chí, 16 chỉ tiêu (Điều 16,
    Điều 17), ở cả hai mức độ. Câu “Bộ tiêu chí cấp huyện gồm 5 tiêu chí, 15 chỉ tiêu” chép nhầm số của
    cấp xã. docgen chỉ xét câu nói bộ tiêu chí gồm (có, với) bao nhiêu tiêu chí, chỉ tiêu; câu báo kết
    quả (“có 4 tiêu chí đạt”, “đạt 12/13 chỉ tiêu”), câu về “Đơn vị học tập” hay bộ tiêu chí khác, phần
    trích nguyên văn và văn bản ban hành trước khi Thông tư có hiệu lực không bị xét. Số đúng lấy từ
    danh mục tiêu chí (``law/data/criteria.yaml``).
    """

    code = "ART005"
    name = "criteria-count-wrong"
    severity = Severity.ERROR
    message = "“Cộng đồng học tập” {level} có {tieu_chi} tiêu chí, {chi_tieu} chỉ tiêu ({cite}), không phải {found}{verify}{where}"
    fix = FixSafety.UNSAFE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        if not tt25_applies(ctx):
            return
        for s in sentences(ctx):
            if "tiêu chí" not in s.text.lower() or not about_cdht(ctx, s):
                continue
            counted = [(m, True) for m in F.CRITERIA_COUNT_RE.finditer(s.text)]
            shares = [(m, False) for m in F.CRITERIA_SHARE_RE.finditer(s.text)]
            for m, rewritable in sorted(counted + shares, key=lambda pair: pair[0].start()):
                level, where = _level(ctx, s, m)
                if level is None:
                    continue
                named = {int(x.group("muc_do")) for x in T.MUC_DO_RE.finditer(s.text)}
                from docgen.law import criteria, tt25  # criteria is pydantic: both loaded only when a count is written

                sets = [criteria.criteria_set(level, muc) for muc in (sorted(named) or [1, 2])]
                counts = {(len(cs.criteria), len(cs.indicators())) for cs in sets}
                found_tc = F.number_value(m.group("tieu_chi"))
                found_ct = F.number_value(m.group("chi_tieu")) if m.group("chi_tieu") else None
                if len(counts) != 1 or found_tc is None:
                    continue
                tc, ct = counts.pop()
                if found_tc == tc and found_ct in (None, ct):
                    continue
                confidence = weakest(cs.source.confidence for cs in sets)
                span = Span(s.start + (m.start("tieu_chi") if rewritable else m.start()), s.start + m.end())
                found = f"{found_tc} tiêu chí" + (f", {found_ct} chỉ tiêu" if found_ct is not None else "")
                replacement = _rewritten(m, tc, ct) if rewritable and confidence == "high" else None
                yield self.finding(
                    ctx, span, replacement=replacement, severity=severity_of(confidence),
                    level=_level_words(level, named), tieu_chi=tc, chi_tieu=ct,
                    cite=places(tt25.Locator(cs.article) for cs in sets), found=found,
                    verify=verify_of(confidence), where=where,
                )


def _rewritten(m: re.Match[str], tc: int, ct: int) -> str:
    """The counted part with the right numbers, written as the draft wrote them: "4 tiêu chí, 13 chỉ tiêu"."""
    text = m.string

    def number(group: str, value: int) -> str:
        written = m.group(group)
        return written if F.number_value(written) == value else written_like(written, value)

    out = number("tieu_chi", tc)
    pos = m.end("tieu_chi")
    if m.group("chi_tieu"):
        out += text[pos : m.start("chi_tieu")] + number("chi_tieu", ct)
        pos = m.end("chi_tieu")
    return out + text[pos : m.end()]


def _level(ctx: CheckContext, s: Sentence, m: re.Match[str]) -> tuple[str | None, str]:
    """The level the count is for: the last level named before it in the sentence ("Bộ tiêu chí cấp
    huyện gồm …"), else the only one named after it, else the place's (``reading.scope_at``)."""
    before = [LEVEL_KEYS[x.group("level").lower()] for x in T.LEVEL_RE.finditer(s.text, 0, m.start())]
    if before:
        return before[-1], ""
    after = {LEVEL_KEYS[x.group("level").lower()] for x in T.LEVEL_RE.finditer(s.text, m.end())}
    if not after:
        # "04 tiêu chí, 16 chỉ tiêu quy định tại Điều 11": the criteria article cited names the level
        cited = _cited_criteria_levels(s.text[m.end() : m.end() + 80])
        if len(cited) == 1:
            return next(iter(cited)), " (theo điều được dẫn)"
    return sentence_level(ctx, s, after)


def _cited_criteria_levels(text: str) -> set[str]:
    """Levels of the TT25 criteria articles cited right after a count ("tại Điều 11" → huyện)."""
    from docgen.law import tt25

    out: set[str] = set()
    for x in F.CRITERIA_ARTICLE_RE.finditer(text):
        art = tt25.article(int(x.group("article")))
        if art is not None and art.topic == "criteria" and art.level is not None:
            out.add(art.level)
    return out


def _level_words(level: str, muc_do: set[int]) -> str:
    """"cấp huyện", or "cấp huyện mức độ 2" when the sentence names one mức độ."""
    return f"{vi.LEVELS[level]} mức độ {next(iter(muc_do))}" if len(muc_do) == 1 else vi.LEVELS[level]
