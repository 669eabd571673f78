"""DL rules on single facts in the text: stale authority after the 2025 reform, impossible dates, shares above 100 %."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from docgen import vi
from docgen.check.find import find_dates
from docgen.check.model import Finding, FixSafety, Severity, Span
from docgen.check.patterns import target as T
from docgen.check.rules.base import CheckContext, Rule, register
from docgen.check.rules.dl.common import timeline


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
        tl = timeline()
        try:
            regime = tl.regime_on(day)
        except tl.TimelineError:
            return  # a draft dated before TT25 took effect: no regime, nothing stale
        if regime.level("huyen").available:
            return
        start = vi.date_short(regime.start)
        xa = regime.level("xa")
        flagged: set[int] = set()
        before_reform = [d.span for d in find_dates(ctx.draft) if d.date is not None and d.year is not None and d.date < regime.start]
        for t in ctx.targets:
            if t.in_quote:
                continue
            if not T.CDHT_DISTRICT_RE.search(t.text):
                continue  # "tỉnh không còn cấp huyện; …": the reform told, no district "Cộng đồng học tập"
            if t.evaluation_year is not None:
                if _district_round_closed(tl, t.evaluation_year, regime.start):
                    continue  # "… cấp huyện mức độ 1 năm 2024": that round ended (31/5/2025) before the reform
            elif any(t.span.start <= span.start < t.span.end for span in before_reform):
                continue  # "Theo Quyết định … ngày 26/5/2025, 7/7 huyện được công nhận …": the old regime, told as such
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
            clause_end = min((i for i in (text.find(sep, m.end()) for sep in ("\n", ";", ". ")) if i >= 0), default=len(text))
            if any(clause_start <= span.start < m.start() for span in history):
                continue  # "trước ngày 01/7/2025 hồ sơ … gửi về Phòng …": the old regime, told as such
            if T.PAST_RE.search(text, clause_start, clause_end):
                continue  # "Phòng … đã công nhận …": a report of the past
            seen_lines.add(line_start)
            yield self.finding(
                ctx, Span(m.start(), m.end()), what=f"“{' '.join(m.group(0).split())}”", date=vi.date_short(day), start=start,
                hint=f" (một kế hoạch thực tế năm 2026 gửi hồ sơ cấp xã đến {xa.addressee.value})",
            )


def _district_round_closed(tl: Any, evaluation_year: int | None, reform: dt.date) -> bool:
    """The district recognition round of ``evaluation_year`` had to be completed before ``reform``."""
    if evaluation_year is None:
        return False
    try:
        due = tl.recognition_deadline("huyen", evaluation_year)
    except tl.TimelineError:
        return False
    return due is not None and bool(due.date <= reform)


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
