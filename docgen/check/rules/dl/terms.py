"""DL rules on the terms TT25 fixes in a sentence: retention, the wait before mức độ 2, the decider.

Each value comes from the law package (retention and wait: milestones of ``timeline.yaml``; the
decider: its regime table), with the clause and the confidence of its source. A high-confidence
fact gives an error; a medium or low one a warning that says "cần xác minh". A draft dated before
TT25 took effect (the first regime's start in ``timeline.yaml``) is judged by no rule here.

The helpers below (sentences outside quotations, whether a sentence is about "Cộng đồng học tập",
its level) are shared with ART005 (``rules/art/counts.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from docgen import vi
from docgen.check.find import levels_in
from docgen.check.find.text import LEVEL_KEYS, UNIT_LEVEL, _blank, quote_regions, text_clauses
from docgen.check.model import Finding, FixSafety, Severity, Span
from docgen.check.patterns import facts as F
from docgen.check.patterns import target as T
from docgen.check.rules.base import CheckContext, Rule, register
from docgen.check.rules.dl.common import timeline

LEVELS = ("xa", "huyen", "tinh")
_HEADER_LINES = 40  # a decision's tên loại, trích yếu and issuer sit in its first lines (NĐ30 Phụ lục I)
_RANK = {"high": 3, "medium": 2, "low": 1, "not-found": 0}


# ---------------------------------------------------------------- shared with ART005


@dataclass(frozen=True)
class Sentence:
    """A sentence or clause of the draft; ``text`` has its quotations blanked out (same length)."""

    start: int
    end: int
    text: str


def sentences(ctx: CheckContext) -> list[Sentence]:
    """The draft's clauses (cut at ";", sentence ends, line breaks), quotations blanked, once per draft.

    A verbatim quotation (“…” after a colon) is the circular's own text or another document's: it is
    never judged as the draft's statement.
    """
    cached = ctx.memo.get("facts.sentences")
    if cached is None:
        text = ctx.draft.text
        regions = quote_regions(text)
        cached = [Sentence(a, b, _blank(text, regions, a, b)) for a, b in text_clauses(text)]
        ctx.memo["facts.sentences"] = cached
    return list(cached)


def tt25_applies(ctx: CheckContext) -> bool:
    """False for a draft dated before TT25 took effect (a 2019 text under TT 44/2014 is right for its time)."""
    day = ctx.draft.date
    return day is None or day >= timeline().regimes()[0].start


def about_cdht(ctx: CheckContext, s: Sentence, *, whole_draft: bool = True) -> bool:
    """The sentence speaks of "Cộng đồng học tập": it names it, or its place or its draft does.

    A sentence that names another title (“Đơn vị học tập”, “Gia đình học tập”, “Công dân học tập”)
    or another set of criteria (nông thôn mới, chuẩn quốc gia) and not "Cộng đồng học tập" follows
    other rules. A sentence that names no title counts when the
    reading puts it under "Cộng đồng học tập", or (``whole_draft``) when the draft names "Cộng đồng
    học tập" and no other title of the movement.
    """
    if T.CDHT_RE.search(s.text):
        return True
    if T.OTHER_TITLE_RE.search(s.text) or F.OTHER_CRITERIA_SET_RE.search(s.text):
        return False
    if ctx.reading.scope_at(s.start).about_cdht:
        return True
    if not whole_draft:
        return False
    key = "facts.cdht-only"
    if key not in ctx.memo:
        text = ctx.draft.text
        ctx.memo[key] = bool(T.CDHT_RE.search(text)) and not F.OTHER_MOVEMENT_RE.search(text)
    return bool(ctx.memo[key])


def sentence_level(ctx: CheckContext, s: Sentence, own: Iterable[str]) -> tuple[str | None, str]:
    """The level of a sentence and, when inherited from its place, " (where)" for the message.

    ``own`` is what the sentence itself names: one level is its level; several leave it unknown;
    none asks the reading (``scope_at``).
    """
    named = set(own)
    if len(named) == 1:
        return named.pop(), ""
    if named:
        return None, ""
    scope = ctx.reading.scope_at(s.start)
    if scope.level is None:
        return None, ""
    return scope.level, f" ({scope.level_source})" if scope.level_source else ""


def levels_named(text: str, *, titled: bool = False) -> set[str]:
    """Levels named in a piece of text: "cấp xã", "CĐHT cấp tỉnh", each of "cấp xã, huyện, tỉnh".

    ``titled`` keeps only levels of the title ("“Cộng đồng học tập” cấp huyện"), not of an authority
    or a council ("UBND cấp huyện", "Hội đồng đánh giá cấp huyện").
    """
    found: set[str] = set()
    for m in (F.CDHT_LEVEL_RE if titled else T.LEVEL_RE).finditer(text):
        found |= level_list(m)
    return found


def level_list(m: Any) -> set[str]:
    """The level of a LEVEL_RE / CDHT_LEVEL_RE match and those listed after it ("cấp xã, huyện")."""
    found = {LEVEL_KEYS[m.group("level").lower()]}
    end = m.end()
    while (more := F.LEVEL_LIST_TAIL_RE.match(m.string, end)) is not None:
        found.add(LEVEL_KEYS[more.group("level").lower()])
        end = more.end()
    return found


def severity_of(confidence: str) -> Severity:
    """High confidence gives an error; medium, low or not found a warning."""
    return Severity.ERROR if confidence == "high" else Severity.WARNING


def verify_of(confidence: str) -> str:
    """"; cần xác minh" for a fact that is not high confidence, "" otherwise."""
    return "" if confidence == "high" else f"; {timeline().VERIFY}"


def weakest(confidences: Iterable[str]) -> str:
    return min(confidences, key=lambda c: _RANK[c])


def places(locators: Iterable[Any]) -> str:
    """"khoản 4 Điều 5", or "khoản 4 Điều 5, khoản 4 Điều 10 và khoản 4 Điều 15", with the circular."""
    from docgen.law import tt25

    texts = list(dict.fromkeys(loc.text() for loc in locators))
    joined = texts[0] if len(texts) == 1 else f"{', '.join(texts[:-1])} và {texts[-1]}"
    return f"{joined} Thông tư số {tt25.load_tt25().symbol}"


def months_of(match: Any) -> int | None:
    """Months in a DURATION match: "3 năm" → 36, "36 tháng" → 36, "năm (05) năm" → 60."""
    value = F.number_value(match.group("amount"))
    if value is None:
        return None
    return value * 12 if match.group("unit").lower() == "năm" else value


def written_like(found: str, value: int) -> str:
    """``value`` written as ``found`` wrote its number: "05" → "03", "5" → "3", "năm (05)" → "3"."""
    digits = found.strip()
    if digits.isdigit() and len(digits) > 1 and digits.startswith("0"):
        return f"{value:0{len(digits)}d}"
    return str(value)


def _rules_for(level: str | None, kind: str) -> list[Any]:
    """The milestone rule of ``kind`` for ``level``; for an unknown level, those of every level."""
    tl = timeline()
    levels = (level,) if level is not None else LEVELS
    return [r for r in (tl.rule(lvl, kind) for lvl in levels) if r is not None]


# ---------------------------------------------------------------- DL011


@register
class RetentionPeriodWrong(Rule):
    """Câu nói kết quả công nhận “Cộng đồng học tập” được bảo lưu (có giá trị) một thời hạn khác 3 năm.

    Vì sao: khoản 4 Điều 5 (cấp xã), khoản 4 Điều 10 (cấp huyện) và khoản 4 Điều 15 (cấp tỉnh)
    Thông tư 25/2023/TT-BGDĐT cho bảo lưu kết quả công nhận 3 năm (36 tháng) tiếp theo năm được
    công nhận, như nhau ở mọi cấp. Câu “bảo lưu kết quả trong 5 năm” hay “thời hạn công nhận là 24
    tháng” làm đơn vị tưởng sai lúc phải đề nghị công nhận lại. docgen đọc thời hạn đầu tiên đứng sau
    “bảo lưu”, “thời hạn công nhận”, “giữ kết quả”, “có giá trị trong”; “3 năm”, “03 năm”, “ba năm”,
    “36 tháng”, “3 năm (36 tháng)” là đúng. Câu về “Đơn vị học tập”, “Gia đình học tập”… và phần trích
    nguyên văn trong ngoặc kép không bị xét; văn bản ban hành trước khi Thông tư có hiệu lực cũng vậy.
    """

    code = "DL011"
    name = "retention-period-wrong"
    severity = Severity.ERROR
    message = "kết quả công nhận “Cộng đồng học tập” được bảo lưu {expected} tiếp theo năm được công nhận ({cite}), không phải {found}{verify}{where}"
    fix = FixSafety.UNSAFE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        if not tt25_applies(ctx):
            return
        for s in sentences(ctx):
            if not about_cdht(ctx, s):
                continue
            for m in F.RETENTION_RE.finditer(s.text):
                if m.group("weak") and not F.RECOGNITION_WORD_RE.search(s.text, 0, m.start()):
                    continue  # "Kế hoạch có hiệu lực trong 5 năm": not a recognition
                d = F.DURATION_RE.search(s.text, m.end(), min(len(s.text), m.end() + F.RETENTION_REACH))
                if d is None or F.DELAY_BEFORE_RE.search(s.text, m.end(), d.start()):
                    continue
                found = [months_of(d)]
                again = F.DURATION_RESTATED_RE.match(s.text, d.end())
                if again is not None:
                    found.append(months_of(again))
                level, where = sentence_level(ctx, s, levels_named(s.text, titled=True) or levels_named(s.text))
                rules = _rules_for(level, "retention")
                wanted = {r.months for r in rules}
                if len(wanted) != 1 or None in found:
                    continue
                months = wanted.pop()
                if all(f == months for f in found):
                    continue
                confidence = weakest(r.source.confidence for r in rules)
                span = Span(s.start + d.start(), s.start + (again.end() if again else d.end()))
                replacement = None
                if confidence == "high":
                    in_years = d.group("unit").lower() == "năm" and months % 12 == 0
                    value = months // 12 if in_years else months
                    replacement = f"{written_like(d.group('amount'), value)} {'năm' if in_years else 'tháng'}"
                    if again is not None:
                        replacement += f" ({months} tháng)" if in_years else f" ({months // 12} năm)"
                yield self.finding(
                    ctx, span, replacement=replacement, severity=severity_of(confidence),
                    expected=_years_and_months(months), cite=places(r.cite.locator for r in rules),
                    found=" ".join(ctx.draft.text[span.start : span.end].split()), verify=verify_of(confidence), where=where,
                )
                break


def _years_and_months(months: int) -> str:
    """"3 năm (36 tháng)" for 36; "18 tháng" when not whole years."""
    return f"{months // 12} năm ({months} tháng)" if months % 12 == 0 else f"{months} tháng"


# ---------------------------------------------------------------- DL012


@register
class UpgradeWaitTooShort(Rule):
    """Câu cho phép đề nghị công nhận mức độ 2 sớm hơn 12 tháng sau quyết định công nhận mức độ 1.

    Vì sao: khoản 3 Điều 5, khoản 3 Điều 10 và khoản 3 Điều 15 Thông tư 25/2023/TT-BGDĐT cho đơn
    vị đã được công nhận mức độ 1 đề nghị công nhận mức độ 2 sau ít nhất 1 năm (12 tháng) kể từ ngày
    có quyết định công nhận. Nguồn của điều này mới ở mức tin cậy trung bình (bản tóm tắt, Thông tư
    24/2023/TT-BGDĐT cùng cách viết), nên đây là cảnh báo “cần xác minh”. Chỉ xét câu nêu một khoảng
    thời gian tính từ lúc được công nhận mức độ 1 (“sau 6 tháng kể từ khi được công nhận mức độ 1 …
    đề nghị công nhận mức độ 2”); hai mục tiêu kế hoạch có ngày cách nhau quá gần là việc của DL005.
    """

    code = "DL012"
    name = "upgrade-wait-too-short"
    severity = Severity.WARNING
    message = "đề nghị công nhận mức độ 2 sau ít nhất {expected} kể từ ngày có quyết định công nhận mức độ 1 ({cite}), không phải {found}{verify}{where}"
    fix = FixSafety.NONE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        if not tt25_applies(ctx):
            return
        for s in sentences(ctx):
            if not F.UPGRADE_GOAL_RE.search(s.text) or not about_cdht(ctx, s):
                continue
            for m in F.UPGRADE_WAIT_RE.finditer(s.text):
                found = months_of(m)
                level, where = sentence_level(ctx, s, levels_named(s.text))
                rules = _rules_for(level, "upgrade")
                wanted = {r.months for r in rules}
                if found is None or len(wanted) != 1:
                    continue
                months = wanted.pop()
                if found >= months:
                    continue
                confidence = weakest(r.source.confidence for r in rules)
                span = Span(s.start + m.start("amount"), s.start + m.end("unit"))
                yield self.finding(
                    ctx, span, severity=severity_of(confidence),
                    expected=f"{months} tháng", cite=places(r.cite.locator for r in rules),
                    found=" ".join(m.group("amount").split() + [m.group("unit")]), verify=verify_of(confidence), where=where,
                )


# ---------------------------------------------------------------- DL013


def authority_key(m: Any) -> str:
    """Who an AUTHORITY match names: "phong", "so", "bo", "ubnd-xa|huyen|tinh" or "ubnd" (an office for its head)."""
    for key in ("phong", "so", "bo"):
        if m.group(key):
            return key
    unit = m.group("unit")
    if not unit:
        return "ubnd"
    words = " ".join(unit.lower().split())
    words = words[len("cấp "):] if words.startswith("cấp ") else words
    level = UNIT_LEVEL.get(words)
    # "thành phố" is a huyện-level city or a tỉnh-level one: the name alone does not say which
    return f"ubnd-{level}" if level and words != "thành phố" else "ubnd"


def _decider_key(value: str) -> str | None:
    m = F.AUTHORITY_RE.search(value)
    return authority_key(m) if m else None


@dataclass(frozen=True)
class _Claim:
    """Who a draft says decides a recognition: the authority's span and key, and the level."""

    span: Span
    found: str
    key: str
    level: str
    where: str
    rewritable: bool = True  # a sentence's words can be replaced; a decision's capitals issuer line is only shown


@register
class RecognitionDeciderWrong(Rule):
    """Câu (hoặc quyết định) gán việc công nhận “Cộng đồng học tập” một cấp cho người không có thẩm quyền đó.

    Vì sao: theo Thông tư 25/2023/TT-BGDĐT (văn bản trước cải cách), Trưởng phòng Giáo dục và Đào
    tạo công nhận cấp xã (khoản 1 Điều 5, điểm đ khoản 2 Điều 9), Giám đốc Sở Giáo dục và Đào tạo
    công nhận cấp huyện (Điều 10, điểm đ khoản 2 Điều 14), Bộ trưởng Bộ Giáo dục và Đào tạo công
    nhận cấp tỉnh (Điều 15, điểm đ khoản 2 Điều 19). “Chủ tịch UBND huyện quyết định công nhận CĐHT
    cấp xã” là cách làm của Thông tư 44/2014/TT-BGDĐT đã bị thay thế; một quyết định “Về việc công
    nhận “Cộng đồng học tập” cấp xã” mà dòng thẩm quyền ban hành là “CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN”
    cũng vậy. Người quyết định lấy từ bảng chế độ trong ``law/data/timeline.yaml`` theo ngày của văn
    bản: từ khi chính quyền địa phương hai cấp vận hành, văn bản sửa đổi chưa tìm thấy nên chỉ cảnh
    báo “cần xác minh” (tt25.md §7); văn bản không có ngày chỉ bị xét khi hai chế độ cùng một người
    quyết định. Phòng, Sở, Bộ được hiểu là người đứng đầu của nó. Chỉ xét câu tự nêu “Cộng đồng học
    tập” hoặc nằm trong phần nói về nó (một quyết định công nhận xã đạt chuẩn nông thôn mới thì
    không); câu kể việc đã qua (“đã công nhận”, “năm 2023”) hay dẫn một quyết định cụ thể (“Quyết
    định số 12/QĐ-UBND”) không bị xét.
    """

    code = "DL013"
    name = "recognition-decider-wrong"
    severity = Severity.ERROR
    message = "người quyết định công nhận “Cộng đồng học tập” {level} là {expected} ({cite}), không phải {found}{verify}{where}"
    fix = FixSafety.UNSAFE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        if not tt25_applies(ctx):
            return
        claims = list(self._claims(ctx))
        if not claims:
            return
        tl = timeline()
        day = ctx.draft.date
        current = tl.regime_on(day) if day is not None else None
        for claim in claims:
            if current is None:
                if len({_decider_key(r.level(claim.level).decider.value) for r in tl.regimes()}) != 1:
                    continue  # undated, and the regimes disagree: nothing to judge by
                regime = tl.regimes()[0]
            else:
                regime = current
            fact = regime.level(claim.level).decider
            if claim.key == _decider_key(fact.value):
                continue
            if claim.key == "phong" and not regime.level("huyen").available:
                continue  # a Phòng GDĐT after the reform: DL007 reports it as stale
            confidence = fact.source.confidence
            yield self.finding(
                ctx, claim.span, replacement=fact.value if confidence == "high" and claim.rewritable else None, severity=severity_of(confidence),
                level=vi.LEVELS[claim.level], expected=fact.value, cite=places([fact.cite.locator]),
                found=claim.found, verify=verify_of(confidence), where=claim.where,
            )

    def _claims(self, ctx: CheckContext) -> Iterator[_Claim]:
        """The decision's own issuer line, a task table's decision row or a procedure page's
        competent authority, then every sentence that names who recognises."""
        issuer = _decision_issuer(ctx.draft.text)
        if issuer is not None:
            yield issuer
        yield from _table_and_label_claims(ctx)
        first_year: int | None = None  # the timeline is loaded when a sentence needs it
        for s in sentences(ctx):
            if not about_cdht(ctx, s, whole_draft=False):
                continue  # "UBND tỉnh ban hành quyết định công nhận xã đạt chuẩn nông thôn mới"
            if T.PAST_RE.search(s.text) or F.DECISION_CITED_RE.search(s.text):
                continue  # "đã công nhận", "Quyết định số 12/QĐ-UBND …": a past decision, under its own rules
            if first_year is None:
                first_year = timeline().regimes()[0].start.year
            if any(int(y.group("year")) < first_year for y in F.YEAR_RE.finditer(s.text)):
                continue  # "Năm 2023, Chủ tịch UBND huyện công nhận …": TT 44/2014 was in force
            seen: set[int] = set()
            for m in [*F.DECIDER_ACTIVE_RE.finditer(s.text), *F.DECIDER_PASSIVE_RE.finditer(s.text)]:
                if m.start("auth") in seen:
                    continue
                seen.add(m.start("auth"))
                level, where = _recognised_level(ctx, s, m)
                if level is not None:
                    span = Span(s.start + m.start("auth"), s.start + m.end("auth"))
                    yield _Claim(span, " ".join(m.group("auth").split()), authority_key(m), level, where)


def _table_and_label_claims(ctx: CheckContext) -> Iterator[_Claim]:
    """Who decides, as tables and procedure pages say it.

    * a task-table row "Ban hành quyết định công nhận “Cộng đồng học tập” cấp huyện | Chủ tịch
      UBND tỉnh": the chủ trì cell of a recognition-decision row is the decider;
    * a procedure page "Tên thủ tục: … “Cộng đồng học tập” cấp xã" with "Cơ quan có thẩm quyền
      (quyết định): Chủ tịch Ủy ban nhân dân cấp huyện".
    """
    reading = ctx.reading
    text = ctx.draft.text
    for row in reading.rows():
        content = " ".join(c.text for c in row.cells if c.role == "content")
        if not content or not F.ROW_DECISION_RE.search(content) or not T.CDHT_RE.search(content):
            continue
        levels, _ = levels_in(content)
        if len(levels) != 1:
            continue
        for cell in row.cells:
            if cell.role != "lead":
                continue
            m = F.AUTHORITY_RE.search(text, cell.start, cell.end)
            if m is not None:
                yield _Claim(Span(m.start(), m.end()), " ".join(m.group(0).split()), authority_key(m), next(iter(levels)), " (theo hàng bảng)")
    if reading.procedure is None:
        return
    name = text[reading.procedure.value_start : reading.procedure.end]
    levels, _ = levels_in(name)
    if len(levels) != 1 or not T.CDHT_RE.search(name):
        return
    for label in reading.labels:
        if not F.COMPETENT_LABEL_RE.match(label.label):
            continue
        m = F.AUTHORITY_RE.search(text, label.value_start, label.end)
        if m is not None:
            yield _Claim(Span(m.start(), m.end()), " ".join(m.group(0).split()), authority_key(m), next(iter(levels)), " (theo tên thủ tục)")


def _decision_issuer(text: str) -> _Claim | None:
    """A recognition decision's issuer: the capitals line under "QUYẾT ĐỊNH" and its trích yếu.

    "QUYẾT ĐỊNH / Về việc công nhận “Cộng đồng học tập” cấp xã năm 2024 / CHỦ TỊCH ỦY BAN NHÂN DÂN
    HUYỆN …": the decision says who decides, and for which level.
    """
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    for i, line in enumerate(lines[:_HEADER_LINES]):
        if not F.DECISION_KIND_LINE_RE.match(line):
            continue
        subject = ""
        for j in range(i + 1, min(len(lines), i + 6)):
            nxt = lines[j]
            m = F.ISSUER_LINE_RE.match(nxt)
            if m is not None and nxt.strip().isupper():
                titled = F.CDHT_LEVEL_RE.search(subject)
                if not F.RECOGNITION_SUBJECT_RE.match(subject) or titled is None:
                    return None
                start = offsets[j] + len(nxt) - len(nxt.lstrip())
                span = Span(start, offsets[j] + len(nxt.rstrip()))
                level = LEVEL_KEYS[titled.group("level").lower()]
                return _Claim(span, nxt.strip(), authority_key(m), level, "", rewritable=False)
            subject = f"{subject} {nxt.strip()}".strip()
        return None
    return None


def _recognised_level(ctx: CheckContext, s: Sentence, m: Any) -> tuple[str | None, str]:
    """The level recognised: "CĐHT cấp xã" (after the verb first), "công nhận 12 xã", a level named
    after the verb outside the authority ("UBND cấp huyện" names the decider, "Hội đồng đánh giá
    cấp huyện" the council), else the place's (``reading.scope_at``)."""
    titled = F.CDHT_LEVEL_RE.search(s.text, m.end("verb")) or F.CDHT_LEVEL_RE.search(s.text)
    if titled is not None:
        levels = level_list(titled)
        # "công nhận “Cộng đồng học tập” cấp xã, huyện, tỉnh" speaks of every level: nothing to judge
        return (levels.pop(), "") if len(levels) == 1 else (None, "")
    unit = F.RECOGNISED_UNIT_RE.match(s.text, m.start("verb"))
    if unit is not None:
        level = UNIT_LEVEL.get(" ".join(unit.group("unit").lower().split()))
        if level is not None:
            return level, ""
    outside = s.text[: m.start("auth")] + " " * (m.end("auth") - m.start("auth")) + s.text[m.end("auth") :]
    after = F.RECOGNISED_LEVEL_RE.search(outside, m.end("verb"))
    if after is not None:
        return LEVEL_KEYS[after.group("level").lower()], ""
    return sentence_level(ctx, s, ())
