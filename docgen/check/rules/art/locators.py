"""ART: điều, khoản, điểm of Thông tư 25/2023/TT-BGDĐT cited for what they do not say.

The article map (``docgen/law/data/tt25.yaml``, via :mod:`docgen.law.tt25`) says what each
article holds: topic, level, mức độ; clause summaries carry the official wording where it
matters. A locator inside a verbatim quotation of TT25 is never judged as a citation of its
own (tt25.md note A: "điểm b khoản 2 Điều 8" inside Điều 12 and Điều 17 is the official text).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Final

from docgen import vi
from docgen.check.find import UNIT_LEVEL, ArticleRef, levels_in
from docgen.check.patterns import cite as P
from docgen.check.patterns import target as T
from docgen.check.model import Finding, FixSafety, Severity, Span
from docgen.check.rules.base import CheckContext, Rule, register

LEVEL_WORDS = vi.LEVELS  # "xa" → "cấp xã"
LOWER_LEVEL = {"huyen": "xa", "tinh": "huyen"}


def _tt25_symbol() -> str:
    from docgen.law import tt25

    return tt25.load_tt25().symbol


def _tt25_refs(ctx: CheckContext) -> list[ArticleRef]:
    """Locators that point into TT25 (named, or a bare "Điều n" after a TT25 citation); found once
    per check and shared by the ART rules."""
    refs: list[ArticleRef] | None = ctx.memo.get("art.tt25_refs")
    if refs is None:
        # a draft that cites no article at all does not need TT25's article map loaded
        symbol = _tt25_symbol() if ctx.locators else ""
        refs = ctx.memo["art.tt25_refs"] = [ref for ref in ctx.locators if ref.doc == symbol and ref.article is not None]
    return refs


def _clause_articles(ctx: CheckContext, ref: ArticleRef) -> list[Any]:
    """The TT25 articles cited in the same clause as ``ref`` (its own included).

    The articles of every clause are gathered in one pass per check: asking every locator about
    every other one was quadratic (58 s of a 3,000-page draft's check, issue 9).
    """
    by_clause: dict[Span, list[Any]] | None = ctx.memo.get("art.clause_articles")
    if by_clause is None:
        from docgen.law import tt25

        by_clause = {}
        for other in _tt25_refs(ctx):
            arts = by_clause.setdefault(other.clause_span, [])
            art = tt25.article(other.article) if other.article is not None else None
            if art is not None:
                arts.append(art)
        ctx.memo["art.clause_articles"] = by_clause
    return by_clause.get(ref.clause_span, [])


def _cited_levels(ctx: CheckContext, ref: ArticleRef) -> set[str]:
    """Levels of the TT25 articles cited in the same clause as ``ref``."""
    return {art.level for art in _clause_articles(ctx, ref) if art.level is not None}


def _locator(ref: ArticleRef) -> Any:
    from docgen.law.tt25 import Locator

    try:
        return Locator(ref.article or 0, ref.clause, ref.point)
    except ValueError:
        return None


def _context_topic(ref: ArticleRef) -> tuple[set[str], set[int]]:
    """Levels and mức độ the surrounding clause speaks of (the body line for a bare footnote)."""
    levels, mucs = levels_in(ref.context)
    if not levels and ref.anchor_context:
        levels, mucs = levels_in(ref.anchor_context)
    return levels, mucs


@register
class MissingArticle(Rule):
    """Điều, khoản hoặc điểm được dẫn không có trong Thông tư 25/2023/TT-BGDĐT.

    Vì sao: Thông tư 25/2023/TT-BGDĐT có 26 điều trong 6 chương; dẫn “Điều 27” hay một khoản
    không có (ví dụ khoản 9 Điều 9, khi Điều 9 có 4 khoản) là dẫn tới chỗ không tồn tại. Khi sổ
    điều khoản không biết chắc một khoản có hay không, docgen không báo.
    """

    code = "ART001"
    name = "missing-article"
    severity = Severity.ERROR
    message = "Thông tư 25/2023/TT-BGDĐT không có {what}"
    fix = FixSafety.NONE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        refs = _tt25_refs(ctx)
        if not refs:
            return  # nothing cited in TT25: its data is not loaded
        from docgen.law import tt25

        for ref in refs:
            loc = _locator(ref)
            if loc is None:
                continue
            if tt25.clause_exists(loc) is False:
                yield self.finding(ctx, ref.span, what=loc.text())


@register
class ArticleWrongTopic(Rule):
    """Điều được dẫn không quy định nội dung mà câu văn nói tới (sai cấp hoặc sai mức độ).

    Vì sao: mỗi điều của Thông tư 25/2023/TT-BGDĐT thuộc một cấp và, với tiêu chí, một mức độ:
    Điều 6, 7 là tiêu chí cấp xã mức độ 1, 2; Điều 11, 12 cấp huyện; Điều 16, 17 cấp tỉnh; Điều 5,
    10, 15 thẩm quyền; Điều 8, 13, 18 điều kiện; Điều 9, 14, 19 quy trình và thời hạn. Câu nói về
    cấp huyện mức độ 1 mà dẫn Điều 12 (mức độ 2) là dẫn sai. Với chú thích chỉ ghi “Tại Điều …”,
    nội dung được lấy từ câu mang dấu chú thích. Câu nhắc nhiều cấp hoặc nhiều mức độ thì không xét;
    trích dẫn nguyên văn trong ngoặc kép không bị xét. Chỉ điểm a khoản 4 Điều 11, 12, 16, 17 nói
    về cấp dưới (tỷ lệ xã, huyện được công nhận), nên chỉ trích dẫn khoản, điểm đó mới được nói tới
    cấp dưới; dẫn cả Điều 16 cho cấp huyện là dẫn sai. Tiêu chí 1–3 của mức độ 2 chính là khoản 1–3
    của Điều 6, 11, 16 (Điều 7, 12, 17 dẫn lại), nên dẫn các khoản đó cho mức độ 2 là đúng. Một
    “Điều 7” không kèm tên văn bản (hiểu là Thông tư 25 khi văn bản đã dẫn đầy đủ Thông tư này) mà
    câu không nêu cấp thì chỉ bị báo khi câu gán cho cả điều một mức độ khác: “tiêu chí mức độ 2
    tại Điều 6”, “theo Điều 7 (mức độ 1)”.
    """

    code = "ART002"
    name = "article-wrong-topic"
    severity = Severity.ERROR
    message = "{cited} quy định {holds}, không phải {context}"
    fix = FixSafety.UNSAFE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        refs = _tt25_refs(ctx)
        if not refs:
            return  # nothing cited in TT25: its data is not loaded
        from docgen.law import tt25

        for ref in refs:
            if ref.in_quote or ref.article is None:
                continue
            art = tt25.article(ref.article)
            if art is None or art.level is None:
                continue
            levels, mucs = _context_topic(ref)
            source = ""
            if ref.doc_default and (not levels or T.UPGRADE_WORD_RE.search(ref.context)):
                # a bare "Điều 7": judged only on the clause's own level, and not around an upgrade;
                # without a level, only a mức độ the clause gives the article can contradict it
                if not levels and not T.UPGRADE_WORD_RE.search(ref.context):
                    wrong = _stated_muc_do(ctx, ref, art, mucs)
                    if wrong is not None:
                        yield self.finding(
                            ctx, _article_span(ctx, ref), cited=f"Điều {art.number}",
                            holds=f"tiêu chí {LEVEL_WORDS[art.level]} mức độ {art.muc_do}", context=f"mức độ {wrong}",
                        )
                continue
            if not levels and not ref.footnote:
                # "… 13 chỉ tiêu tại Điều 12 của Thông tư (mức độ 1)" under "2. Đối với cấp huyện"
                scope = ctx.reading.scope_at(ref.span.start)
                named = {UNIT_LEVEL[" ".join(u.lower().split())] for u in T.UNIT_WORD_RE.findall(ref.context)}
                # "(khoản 4 Điều 5 và khoản 4 Điều 10 …)": the clause cites several levels' articles
                named |= _cited_levels(ctx, ref)
                # "ít nhất 90% số xã … theo điểm a khoản 1 Điều 8" under a district heading speaks
                # of communes: a unit of another level in the clause keeps the heading out
                share = ref.clause == 4 and ref.point == "a"  # điểm a khoản 4 Điều 11, 12, 16, 17: the share of the level below
                allowed = {scope.level, LOWER_LEVEL.get(scope.level or "")} if share else {scope.level}
                if scope.level is not None and scope.about_cdht and named <= allowed:
                    levels, source = {scope.level}, f" ({scope.level_source})"
            if len(levels) != 1:
                continue
            level = next(iter(levels))
            muc = next(iter(mucs)) if len(mucs) == 1 else None
            expected: int | None = None
            if art.topic == "criteria":
                want_muc = muc if muc is not None else art.muc_do
                if level == art.level and (muc is None or muc == art.muc_do or _shared_clause(ref, art)):
                    continue
                if (
                    level == LOWER_LEVEL.get(art.level)
                    and (muc is None or muc == art.muc_do)
                    and _cites_lower_level_share(ref)
                ):
                    continue  # điểm a khoản 4 Điều 11, 12, 16, 17: ≥ 90% of the level below, same mức độ
                expected = tt25.criteria_article(level, want_muc)  # type: ignore[arg-type]
                holds = f"tiêu chí {LEVEL_WORDS[art.level]} mức độ {art.muc_do}"
                context = f"{LEVEL_WORDS[level]} mức độ {want_muc}"
            elif art.topic in ("authority", "procedure", "conditions"):
                if level == art.level:
                    continue
                units = {UNIT_LEVEL[" ".join(u.lower().split())] for u in T.UNIT_WORD_RE.findall(ref.context)}
                if art.topic == "conditions" and art.level in units:
                    continue  # "Cấp huyện: ít nhất 90% số xã đạt mức độ 1 theo điểm a khoản 1 Điều 8": the communes' condition
                finder = {
                    "authority": tt25.authority_article,
                    "procedure": tt25.procedure_article,
                    "conditions": tt25.conditions_article,
                }[art.topic]
                expected = finder(level)  # type: ignore[arg-type]
                holds = f"{_TOPIC_WORDS[art.topic]} {LEVEL_WORDS[art.level]}"
                context = LEVEL_WORDS[level]
            else:
                continue
            art_span = _article_span(ctx, ref)
            yield self.finding(
                ctx, art_span, replacement=f"Điều {expected}" if expected else None,
                cited=f"Điều {art.number}", holds=holds, context=context + source,
            )


# Tiêu chí 1–3 of mức độ 2 are those of mức độ 1: Điều 7, 12, 17 say "theo quy định tại khoản 1/2/3
# Điều 6" (11, 16). tt25.md §1, articles 7, 12, 17 (high, P1). So khoản 1–3 of the mức độ 1 article
# is cited rightly for either mức độ.
_SHARED_CLAUSES: Final = frozenset({1, 2, 3})


def _shared_clause(ref: ArticleRef, art: Any) -> bool:
    """The locator is khoản 1, 2 or 3 (any điểm) of ``art``, a mức độ 1 criteria article."""
    return art.topic == "criteria" and art.muc_do == 1 and ref.clause in _SHARED_CLAUSES


def _stated_muc_do(ctx: CheckContext, ref: ArticleRef, art: Any, mucs: set[int]) -> int | None:
    """The mức độ a clause gives a bare criteria article ("tiêu chí mức độ 2 tại Điều 6", "theo
    Điều 7 (mức độ 1)") when it is not the article's; None when it agrees or cannot be told.

    Only a whole article is judged (khoản 1–3 of Điều 6, 11, 16 serve both mức độ); the clause's
    mức độ is the one in brackets right after the locator, else the only one the clause names. A
    clause that also cites the article of that mức độ ("các tiêu chí mức độ 2 tại Điều 6 và Điều
    7") is not judged.
    """
    if art.topic != "criteria" or art.muc_do is None or art.level is None or ref.clause is not None:
        return None
    after = P.MUC_DO_BRACKET_RE.match(ctx.draft.text, ref.span.end)
    if after is not None:
        stated = int(after.group("muc_do"))
    elif len(mucs) == 1:
        stated = next(iter(mucs))
    else:
        return None
    if stated == art.muc_do:
        return None
    if any(other.topic == "criteria" and other.muc_do == stated for other in _clause_articles(ctx, ref)):
        return None
    return stated


def _cites_lower_level_share(ref: ArticleRef) -> bool:
    """The locator is điểm a khoản 4 (or khoản 4 as a whole): the share of the level below.

    Only that clause of Điều 11, 12, 16, 17 speaks of the lower level; the article as a whole holds
    the criteria of its own level.
    """
    return ref.clause == 4 and (ref.point is None or ref.point.lower() == "a")


_TOPIC_WORDS = {"authority": "thẩm quyền công nhận", "procedure": "quy trình, thời hạn", "conditions": "điều kiện công nhận"}


def _article_span(ctx: CheckContext, ref: ArticleRef) -> Span:
    """The "Điều n" part of a locator (what a fix would replace)."""
    text = ctx.draft.text[ref.span.start : ref.span.end]
    m = P.ARTICLE_PART_RE.search(text)
    if m is None:
        return ref.span
    return Span(ref.span.start + m.start(), ref.span.start + m.end())




def _features(text: str) -> dict[str, set[str]]:
    return {
        "số đơn vị": {m.group(1).lower() for m in P.UNIT_COUNTED_RE.finditer(text)},
        "cấp và mức độ": {f"cấp {m.group(1).lower()} mức độ {m.group(2)}" for m in P.LEVEL_AND_MUC_DO_RE.finditer(text)},
        "điều dẫn chiếu": {m.group(1) for m in P.ARTICLE_NUMBER_RE.finditer(text)},
        "tỷ lệ": {m.group(1) for m in P.PERCENT_RE.finditer(text)},
    }


def _paraphrase(text: str, ref: ArticleRef) -> Span | None:
    """What a draft says a clause says, without quotation marks.

    "… Điều 17 quy định[:] <claim>" or "Theo … Điều 17 Thông tư …, <claim>"; the claim runs to the
    end of the clause.
    """
    m = P.SAYS_RE.match(text, ref.span.end)
    if m is not None and "quy" in m.group(0).lower():
        return Span(m.end(), max(m.end(), ref.clause_span.end))
    before = text[ref.clause_span.start : ref.span.start]
    if not P.PARAPHRASE_LEAD_RE.search(before):
        return None
    after = P.LOCATOR_DOC_RE.match(text, ref.span.end)
    end = after.end() if after is not None else ref.span.end
    comma = P.PARAPHRASE_COMMA_RE.match(text, end)
    if comma is None or "," not in comma.group(0):
        return None
    return Span(comma.end(), max(comma.end(), ref.clause_span.end))


@register
class MisquotedClause(Rule):
    """Nội dung trích hoặc diễn giải khác với điều, khoản, điểm được dẫn.

    Vì sao: câu “điểm a khoản 4 Điều 17 quy định: … 90% số xã … cấp xã mức độ 2 … Điều 8” gán cho
    Điều 17 (cấp tỉnh) điều kiện của cấp huyện; văn bản chính thức là “90% số huyện … cấp huyện mức
    độ 2 … Điều 13”. docgen so những gì so được (đơn vị đếm, cấp và mức độ, điều dẫn chiếu, tỷ lệ)
    giữa phần trích và nội dung của điểm, khoản trong sổ điều khoản; trích đúng nguyên văn, kể cả
    “điểm b khoản 2 Điều 8” trong Điều 12 (ghi chú A), không bị báo.
    """

    code = "ART003"
    name = "misquoted-clause"
    severity = Severity.ERROR
    message = "{cited} nói “{official}”; phần trích ghi {found}"
    fix = FixSafety.NONE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        refs = _tt25_refs(ctx)
        if not refs:
            return  # nothing cited in TT25: its data is not loaded
        from docgen.law import tt25

        text = ctx.draft.text
        for ref in refs:
            if ref.doc_default:
                continue  # a paraphrase is only compared when its locator names the circular
            if ref.in_quote or ref.clause is None:
                continue
            loc = _locator(ref)
            item = tt25.find(loc) if loc is not None else None
            if item is None or not hasattr(item, "summary"):
                continue
            if item.source.confidence not in ("high", "medium"):
                continue
            official_text = " ".join(filter(None, [item.summary, getattr(item, "refers_to", None), getattr(item, "quote", None)]))
            if ref.quote is not None:
                span = ref.quote
            else:
                found_span = _paraphrase(text, ref)
                if found_span is None:
                    continue
                span = found_span
            claimed = text[span.start : span.end]
            mine, theirs = _features(claimed), _features(official_text)
            wrong: list[str] = []
            for key, values in mine.items():
                if values and theirs[key] and not values <= theirs[key]:
                    wrong.append(f"{key} {', '.join(sorted(values - theirs[key]))} (đúng: {', '.join(sorted(theirs[key]))})")
            if wrong:
                yield self.finding(
                    ctx, span, cited=loc.text() if loc else ref.text, official=(item.summary or "").rstrip("."),
                    found="; ".join(wrong),
                )


def _step_kind(context: str) -> str | None:
    """Which dated step of TT25's procedure a clause states, when it states exactly one."""
    from docgen.check.patterns import target as T

    kinds = set()
    if T.DOSSIER_RE.search(context) and T.SEND_RE.search(context) and T.DATED_STEP_RE.search(context):
        kinds.add("dossier-due")
    if T.COMPLETE_RE.search(context) and "công nhận" in context and (T.DATED_STEP_RE.search(context) or "tháng" in context):
        kinds.add("completion-due")
    if T.DATA_WINDOW_RE.search(context):
        kinds.add("data-window")
    return kinds.pop() if len(kinds) == 1 else None


_STEP_WORDS = {"dossier-due": "hạn gửi hồ sơ", "completion-due": "hạn hoàn thành công nhận", "data-window": "khoảng thời gian tính số liệu"}


@register
class DeadlineWrongClause(Rule):
    """Một thời hạn của quy trình được dẫn tới khoản, điểm không quy định thời hạn đó.

    Vì sao: mỗi thời hạn nằm ở một chỗ cố định trong quy trình của từng cấp (Điều 9, 14, 19):
    số liệu tính từ 01/01 đến 31/12 ở điểm b khoản 1, hạn gửi hồ sơ ở điểm d khoản 1, hạn hoàn
    thành (cấp xã, cấp huyện) ở khoản 3. Câu nói hạn gửi hồ sơ cấp xã mà dẫn “khoản 3 Điều 9” là
    dẫn sai chỗ. Chỉ xét câu nêu đúng một thời hạn của một cấp và dẫn tới khoản cụ thể; vị trí đúng
    lấy từ bảng thời hạn của ``docgen.law.timeline``.
    """

    code = "ART004"
    name = "deadline-wrong-clause"
    severity = Severity.ERROR
    message = "{step} {level} quy định tại {expected}, không phải {cited}"
    fix = FixSafety.UNSAFE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        refs = _tt25_refs(ctx)
        if not refs:
            return  # nothing cited in TT25: its data is not loaded
        from docgen.law import timeline

        for ref in refs:
            if ref.in_quote or ref.clause is None:
                continue
            levels, _ = levels_in(ref.context)
            if not levels and not ref.footnote:
                scope = ctx.reading.scope_at(ref.span.start)
                if scope.level is not None and scope.about_cdht and not T.UNIT_WORD_RE.search(ref.context):
                    levels = {scope.level}
            if len(levels) != 1:
                continue
            level = next(iter(levels))
            step = _step_kind(ref.context)
            if step is None:
                continue
            found = timeline.rule(level, step)  # type: ignore[arg-type]
            if found is None:
                continue
            want = found.cite
            cited = _locator(ref)
            if cited is None or cited.article != want.article:
                continue  # another article: ART002 judges the level, the rest is not a deadline citation
            if cited.clause == want.clause and (cited.point is None or want.point is None or cited.point == want.point):
                continue
            expected = want.locator.text()
            yield self.finding(
                ctx, ref.span, replacement=expected, step=_STEP_WORDS[step], level=LEVEL_WORDS[level],
                expected=expected, cited=cited.text(),
            )
