"""DL: deadlines and plan targets against the TT25 timeline.

The annual cycle of Thông tư 25/2023/TT-BGDĐT, per evaluation year Y (``docgen.law.timeline``):

* data window 01/01–31/12 of Y (điểm b khoản 1 Điều 9, 14, 19): no recognition for Y can be
  decided before 01/01 of Y+1;
* dossier before 28/02 (xã, to the Phòng GDĐT), 30/4 (huyện, to the Sở), 31/7 (tỉnh, to the
  Bộ) of Y+1 (điểm d khoản 1 Điều 9, 14, 19);
* recognition completed before 31/3 (xã) and 31/5 (huyện) of Y+1 (khoản 3 Điều 9, 14); tỉnh:
  within 20 working days of a complete dossier (điểm e khoản 2 Điều 19);
* a huyện needs ≥ 90 % of its xã, a tỉnh ≥ 90 % of its huyện, recognised at the same mức độ
  (điểm a khoản 4 Điều 11, 12, 16, 17);
* mức độ 2 may be sought 12 months after the mức độ 1 decision (khoản 3 Điều 5, 10, 15; medium);
* the first evaluation year is the year TT25 took effect (2024; khoản 1 Điều 25).

A plan's "Đến hết tháng 3 năm 2026, ít nhất 90% các xã … được công nhận … cấp xã mức độ 1" is
therefore lawful: it is the evaluation year 2025, decided before 31/3/2026. Dates, deadlines and
the regime switch come from the law package, never from this module.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from docgen import vi
from docgen.check.find import Target, find_dates
from docgen.check.model import Finding, FixSafety, Severity, Span
from docgen.check.patterns import target as T
from docgen.check.rules.base import CheckContext, Rule, register

LOWER_LEVEL = {"huyen": "xa", "tinh": "huyen"}
# TT25 điểm a khoản 4 Điều 11, 12 (≥ 90 % số xã) and Điều 16, 17 (≥ 90 % số huyện).
DEPENDENCY_SHARE = 90.0
BY_LEADS = ("đến", "đến hết", "hết", "trước", "chậm nhất", "trong", "cuối", "đến cuối", "trước hết", "")


def _timeline() -> Any:
    from docgen.law import timeline

    return timeline


def _is_deadline(t: Target) -> bool:
    """A "by" deadline ("Đến hết tháng 3 năm 2026", "trước ngày …"), not a start ("Từ năm 2027")."""
    if t.deadline is None or t.precision == "day-month":
        return False
    if t.lead.startswith("từ"):
        return False
    if t.precision == "year" and not t.completes and t.lead not in ("đến", "hết", "trước", "cuối", "đến hết", "đến cuối"):
        return False
    return True


def _recognitions(ctx: CheckContext) -> list[Target]:
    """Targets that promise a first recognition (or upgrade) by a date, outside quotations."""
    return [
        t for t in ctx.targets
        if not t.in_quote and t.action == "cong-nhan" and t.level is not None and _is_deadline(t)
    ]


def _when(t: Target) -> str:
    assert t.deadline is not None
    if t.precision == "month":
        return f"tháng {t.deadline.month}/{t.deadline.year}"
    if t.precision == "year":
        return f"năm {t.deadline.year}"
    return vi.date_short(t.deadline)


def _unit(level: str) -> str:
    return vi.LEVELS[level]


@register
class RecognitionTooEarly(Rule):
    """Mục tiêu công nhận đặt trước ngày sớm nhất mà Thông tư 25/2023/TT-BGDĐT cho phép.

    Vì sao: kết quả đánh giá tính theo số liệu từ 01/01 đến 31/12 của năm đánh giá (điểm b khoản 1
    Điều 9, 14, 19), nên quyết định công nhận chỉ có thể ra sau khi năm đó kết thúc. Năm đánh giá
    đầu tiên là năm Thông tư có hiệu lực (2024; khoản 1 Điều 25), vậy không cấp nào được công nhận
    theo Thông tư này trước ngày 01/01/2025. Ví dụ “hết tháng 3 năm 2025, 90% xã được công nhận mức
    độ 1” là hợp lệ (năm đánh giá 2024); “hết tháng 12 năm 2024” thì không.
    """

    code = "DL001"
    name = "recognition-too-early"
    severity = Severity.ERROR
    message = "{level} mức độ {muc_do} không thể được công nhận trước ngày {earliest} (năm đánh giá đầu tiên là {first}), mục tiêu ghi {when}"
    fix = FixSafety.NONE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        tl = _timeline()
        first = tl.first_evaluation_year()
        for t in _recognitions(ctx):
            if t.evaluation_year is not None and t.evaluation_year < first:
                continue  # DL006 names the real problem
            muc = t.muc_do or 1
            earliest = tl.earliest_recognition(t.level, muc, first)
            assert t.deadline is not None and t.deadline_span is not None
            if t.deadline < earliest:
                yield self.finding(
                    ctx, t.deadline_span, level=_unit(t.level or ""), muc_do=muc,
                    earliest=vi.date_short(earliest), first=first, when=_when(t),
                )


@register
class DossierAfterDue(Rule):
    """Hạn gửi hồ sơ đề nghị công nhận muộn hơn hạn của Thông tư 25/2023/TT-BGDĐT.

    Vì sao: hồ sơ phải gửi trước ngày 28/02 (cấp xã, điểm d khoản 1 Điều 9), 30/4 (cấp huyện,
    điểm d khoản 1 Điều 14), 31/7 (cấp tỉnh, điểm d khoản 1 Điều 19) của năm sau liền kề năm đánh
    giá. Khi văn bản không nói năm đánh giá, năm đánh giá là năm trước năm của hạn ghi trong văn
    bản. Câu nêu hạn hằng năm (“trước ngày 31 tháng 3 của năm sau liền kề năm đánh giá”) cũng được
    so với hạn của cấp tương ứng.
    """

    code = "DL002"
    name = "dossier-after-due"
    severity = Severity.ERROR
    message = "hồ sơ {level} phải gửi trước ngày {due}, văn bản ghi {when}"
    fix = FixSafety.NONE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        tl = _timeline()
        first = tl.first_evaluation_year()
        for t in ctx.targets:
            if t.action != "ho-so" or t.level is None or t.deadline_span is None:
                continue
            if t.precision == "day-month" and t.day_month is not None:
                due = tl.dossier_deadline(t.level, first)
                day, month = t.day_month
                if (month, day) > (due.month, due.day):
                    yield self.finding(
                        ctx, t.deadline_span, level=_unit(t.level), due=f"{due.day:02d}/{due.month:02d} năm sau năm đánh giá",
                        when=f"ngày {day:02d}/{month:02d}",
                    )
                continue
            if t.deadline is None or t.precision not in ("day", "month") or t.lead.startswith("từ"):
                continue
            year = t.evaluation_year if t.evaluation_year is not None else t.deadline.year - 1
            if year < first:
                continue
            due = tl.dossier_deadline(t.level, year)
            if t.deadline > due:
                yield self.finding(ctx, t.deadline_span, level=_unit(t.level), due=vi.date_short(due), when=_when(t))


@register
class CompletionAfterDue(Rule):
    """Thời hạn hoàn thành đánh giá, công nhận muộn hơn hạn của Thông tư 25/2023/TT-BGDĐT.

    Vì sao: việc đánh giá, công nhận phải xong trước ngày 31/3 (cấp xã, khoản 3 Điều 9) và 31/5
    (cấp huyện, khoản 3 Điều 14) của năm sau liền kề năm đánh giá; cấp tỉnh không có ngày cố định
    (Bộ trưởng quyết định trong 20 ngày làm việc, điểm e khoản 2 Điều 19). Chỉ xét câu nói rõ năm
    đánh giá (“… mức độ 1 của năm 2025”) hoặc câu nêu hạn hằng năm; một mục tiêu “đến hết tháng 5
    năm 2026” cho cấp xã không trái luật, vì công nhận trước 31/3 cũng là trước cuối tháng 5.
    """

    code = "DL003"
    name = "completion-after-due"
    severity = Severity.ERROR
    message = "việc công nhận {level} phải hoàn thành trước ngày {due}, văn bản ghi {when}"
    fix = FixSafety.NONE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        tl = _timeline()
        first = tl.first_evaluation_year()
        for t in ctx.targets:
            if t.action not in ("cong-nhan", "cong-nhan-lai") or t.level is None or t.deadline_span is None:
                continue
            if t.precision == "day-month" and t.day_month is not None:
                if not t.completes:
                    continue
                due = tl.recognition_deadline(t.level, first)
                if due is None:
                    continue
                day, month = t.day_month
                if (month, day) > (due.date.month, due.date.day):
                    yield self.finding(
                        ctx, t.deadline_span, level=_unit(t.level), due=f"{due.date.day:02d}/{due.date.month:02d} năm sau năm đánh giá",
                        when=f"ngày {day:02d}/{month:02d}",
                    )
                continue
            if t.evaluation_year is None or t.deadline is None or not _is_deadline(t):
                continue
            if t.evaluation_year < first:
                continue
            due = tl.recognition_deadline(t.level, t.evaluation_year)
            if due is not None and t.deadline > due.date:
                yield self.finding(ctx, t.deadline_span, level=_unit(t.level), due=vi.date_short(due.date), when=_when(t))


@register
class LevelBeforeDependency(Rule):
    """Cấp trên được đặt mục tiêu công nhận trước cấp dưới mà nó phụ thuộc.

    Vì sao: cấp huyện chỉ được công nhận khi có ít nhất 90% số xã đạt cùng mức độ (điểm a khoản 4
    Điều 11, 12); cấp tỉnh khi có ít nhất 90% số huyện (điểm a khoản 4 Điều 16, 17). Kế hoạch đặt
    hạn cho huyện sớm hơn hạn cho xã (hay tỉnh sớm hơn huyện) ở cùng mức độ là tự mâu thuẫn. Đây là
    cảnh báo: cấp dưới có thể về đích sớm hơn kế hoạch.
    """

    code = "DL004"
    name = "level-before-dependency"
    severity = Severity.WARNING
    message = "{upper} mức độ {muc_do} đặt hạn {when}, sớm hơn hạn {lower} mức độ {muc_do} ({lower_when}) mà nó phụ thuộc"
    fix = FixSafety.NONE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        targets = _recognitions(ctx)
        for t in targets:
            lower = LOWER_LEVEL.get(t.level or "")
            if lower is None or t.deadline is None or t.deadline_span is None:
                continue
            muc = t.muc_do or 1
            deps = [d for d in targets if d.level == lower and (d.muc_do or 1) == muc and d.deadline is not None]
            if not deps:
                continue
            earliest_dep = min(deps, key=lambda d: d.deadline or dt.date.max)
            assert earliest_dep.deadline is not None
            if t.deadline < earliest_dep.deadline:
                yield self.finding(
                    ctx, t.deadline_span, upper=_unit(t.level or ""), lower=_unit(lower), muc_do=muc,
                    when=_when(t), lower_when=_when(earliest_dep),
                )


@register
class UpgradeTooSoon(Rule):
    """Mục tiêu mức độ 2 đặt chưa đủ 12 tháng sau mục tiêu mức độ 1 của cùng cấp.

    Vì sao: đơn vị đã được công nhận mức độ 1 chỉ được đề nghị công nhận mức độ 2 sau ít nhất 12
    tháng kể từ ngày có quyết định công nhận mức độ 1 (khoản 3 Điều 5, 10, 15; độ tin cậy trung
    bình, nên chỉ cảnh báo). Trên thực tế chu kỳ đánh giá theo năm nên lần xét kế tiếp thường là
    năm đánh giá sau đó.
    """

    code = "DL005"
    name = "upgrade-too-soon"
    severity = Severity.WARNING
    message = "{level} mức độ 2 đặt hạn {when}, chưa đủ {months} tháng sau hạn mức độ 1 ({first_when})"
    fix = FixSafety.NONE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        tl = _timeline()
        targets = _recognitions(ctx)
        for t in targets:
            if t.muc_do != 2 or t.deadline is None or t.level is None:
                continue
            firsts = [d for d in targets if d.level == t.level and d.muc_do == 1 and d.deadline is not None]
            if not firsts:
                continue
            one = min(firsts, key=lambda d: d.deadline or dt.date.max)
            assert one.deadline is not None
            months = tl.milestones(t.level, 2, max(tl.first_evaluation_year(), one.deadline.year - 1)).upgrade_months
            if tl.add_months(one.deadline, months) > t.deadline:
                yield self.finding(
                    ctx, t.deadline_span or t.span, level=_unit(t.level), when=_when(t), months=months, first_when=_when(one),
                )


@register
class EvaluationYearBeforeTt25(Rule):
    """Năm đánh giá ghi trong văn bản ở trước năm Thông tư 25/2023/TT-BGDĐT có hiệu lực.

    Vì sao: Thông tư có hiệu lực từ ngày 12/02/2024 (khoản 1 Điều 25) và thay thế Thông tư số
    44/2014/TT-BGDĐT; số liệu của năm 2023 trở về trước không được đánh giá theo tiêu chí, mức độ
    của Thông tư này. Năm đánh giá đọc từ “của năm 2023”, “cấp xã mức độ 1 năm 2023” hoặc khoảng
    số liệu “từ ngày 01/01/2023 đến ngày 31/12/2023”; chỉ xét câu nói tới mức độ hoặc công nhận
    (Thông tư cũ chỉ “đánh giá, xếp loại”).
    """

    code = "DL006"
    name = "evaluation-year-before-tt25"
    severity = Severity.ERROR
    message = "năm đánh giá {year} ở trước năm đánh giá đầu tiên theo Thông tư 25/2023/TT-BGDĐT ({first})"
    fix = FixSafety.NONE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        first = _timeline().first_evaluation_year()
        for t in ctx.targets:
            if t.in_quote or t.evaluation_year is None or t.evaluation_year >= first:
                continue
            if t.muc_do is None and t.action not in ("cong-nhan", "cong-nhan-lai", "ho-so"):
                continue  # a report on 2023 under TT44 ("đánh giá, xếp loại") is history, not TT25
            yield self.finding(ctx, t.deadline_span or t.span, year=t.evaluation_year, first=first)


@register
class StaleAuthority(Rule):
    """Văn bản ban hành sau khi bỏ cấp huyện vẫn nhắc Phòng GDĐT hoặc đặt mục tiêu cấp huyện.

    Vì sao: từ ngày chính quyền địa phương hai cấp vận hành (theo bảng chế độ trong
    ``law/data/timeline.yaml``, hiện là 01/7/2025) không còn UBND cấp huyện và Phòng Giáo dục và Đào
    tạo. Văn bản sửa đổi Thông tư 25/2023/TT-BGDĐT chưa tìm thấy, nên đây chỉ là cảnh báo “cần xác
    minh” cơ quan nhận hồ sơ và người quyết định hiện hành (tt25.md §7). Mỗi dòng của một văn bản
    về “Cộng đồng học tập” nhắc Phòng (Trưởng phòng) Giáo dục và Đào tạo được báo một lần, trừ khi
    câu đó gắn với một ngày trước mốc chuyển đổi (“trước ngày 01/7/2025 hồ sơ gửi về Phòng …”).
    """

    code = "DL007"
    name = "stale-authority"
    severity = Severity.WARNING
    message = "{what} trong văn bản ngày {date}: từ {start} không còn cấp huyện; cần xác minh cơ quan hiện hành{hint}"
    fix = FixSafety.NONE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        day = ctx.draft.date
        if day is None:
            return
        tl = _timeline()
        try:
            regime = tl.regime_on(day)
        except tl.TimelineError:
            return  # a draft dated before TT25 took effect: no regime, nothing stale
        if regime.level("huyen").available:
            return
        start = vi.date_short(regime.start)
        xa = regime.level("xa")
        flagged: set[int] = set()
        for t in ctx.targets:
            if t.in_quote:
                continue
            if t.level == "huyen" and t.action in ("cong-nhan", "ho-so", "xay-dung", "cong-nhan-lai"):
                flagged.add(t.span.start)
                yield self.finding(
                    ctx, t.span, what="mục tiêu “Cộng đồng học tập” cấp huyện", date=vi.date_short(day), start=start, hint="",
                )
        text = ctx.draft.text
        if not T.CDHT_RE.search(text):
            return  # not a "Cộng đồng học tập" document: its Phòng GDĐT is none of TT25's business
        seen_lines: set[int] = set()
        history = [d.span for d in find_dates(ctx.draft) if d.date is not None and d.year is not None and d.date <= regime.start]
        for m in T.PHONG_GDDT_RE.finditer(text):
            line_start = text.rfind("\n", 0, m.start()) + 1
            if line_start in seen_lines or any(line_start <= f <= m.start() for f in flagged):
                continue
            clause_start = max(text.rfind(sep, 0, m.start()) for sep in ("\n", ";", ". ")) + 1
            if any(clause_start <= span.start < m.start() for span in history):
                continue  # "trước ngày 01/7/2025 hồ sơ … gửi về Phòng …": the old regime, told as such
            seen_lines.add(line_start)
            yield self.finding(
                ctx, Span(m.start(), m.end()), what=f"“{' '.join(m.group(0).split())}”", date=vi.date_short(day), start=start,
                hint=f" (một kế hoạch thực tế năm 2026 gửi hồ sơ cấp xã đến {xa.addressee.value})",
            )


@register
class ImpossibleDate(Rule):
    """Ngày không có thật trong lịch (31/6, 29/02 của năm không nhuận, tháng 13).

    Vì sao: một mốc thời gian không tồn tại thì không ai thực hiện được và không thể kiểm tra.
    """

    code = "DL008"
    name = "impossible-date"
    severity = Severity.ERROR
    message = "ngày {found} không có thật"
    fix = FixSafety.NONE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for mention in find_dates(ctx.draft):
            if mention.date is None:
                year = f"/{mention.year}" if mention.year is not None else ""
                yield self.finding(ctx, mention.span, found=f"{mention.day:02d}/{mention.month:02d}{year}")


@register
class ShareOutOfRange(Rule):
    """Tỷ lệ (một phần của tổng số) lớn hơn 100%.

    Vì sao: tỷ lệ số xã, huyện được công nhận, tỷ lệ công dân đạt “Công dân học tập” … là phần
    của một tổng số, không thể vượt 100%. Con số đi sau “tăng”, “so với”, “kế hoạch” (tốc độ tăng,
    mức hoàn thành kế hoạch) có thể lớn hơn 100% nên không bị báo.
    """

    code = "DL009"
    name = "share-out-of-range"
    severity = Severity.ERROR
    message = "tỷ lệ {found}% vượt quá 100%"
    fix = FixSafety.NONE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        text = ctx.draft.text
        for m in T.PERCENT_RE.finditer(text):
            value = float(m.group("value").replace(",", "."))
            if value <= 100:
                continue
            clause_start = max(text.rfind(sep, 0, m.start()) for sep in ("\n", ";", ". ")) + 1
            before = text[clause_start : m.start()]
            is_share = T.SHARE_UNIT_AFTER_RE.match(text, m.end()) is not None or T.SHARE_WORD_RE.search(before) is not None
            if not is_share or T.RATIO_WORD_RE.search(before):
                continue
            yield self.finding(ctx, Span(m.start("value"), m.end()), found=f"{value:g}")


@register
class DependencyShareTooLow(Rule):
    """Kế hoạch đặt mục tiêu cấp trên nhưng tỷ lệ cấp dưới đặt ra thấp hơn 90%.

    Vì sao: cấp huyện cần ít nhất 90% số xã, cấp tỉnh cần ít nhất 90% số huyện đạt cùng mức độ
    (điểm a khoản 4 Điều 11, 12, 16, 17). Nếu chính kế hoạch chỉ nhắm tới, ví dụ, 70% số xã thì
    mục tiêu cấp huyện ở cùng thời điểm không đạt được theo kế hoạch đó.
    """

    code = "DL010"
    name = "dependency-share-too-low"
    severity = Severity.WARNING
    message = "{upper} mức độ {muc_do} cần ít nhất 90% số {lower_unit} đạt mức độ {muc_do}, kế hoạch chỉ đặt {share}%"
    fix = FixSafety.NONE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        targets = _recognitions(ctx)
        reported: set[int] = set()
        for t in targets:
            lower = LOWER_LEVEL.get(t.level or "")
            if lower is None or t.deadline is None:
                continue
            muc = t.muc_do or 1
            for d in targets:
                if d.level != lower or (d.muc_do or 1) != muc or d.share is None or d.share_span is None:
                    continue
                if d.deadline is None or d.deadline > t.deadline or d.share >= DEPENDENCY_SHARE:
                    continue
                if id(d) in reported:
                    continue
                reported.add(id(d))
                yield self.finding(
                    ctx, d.share_span, upper=_unit(t.level or ""), muc_do=muc, lower_unit=vi.LEVEL_UNITS[lower], share=f"{d.share:g}",
                )
