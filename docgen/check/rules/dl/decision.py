"""DL rule on the time the Bộ trưởng has to decide a province's recognition."""

from __future__ import annotations

from collections.abc import Iterator

from docgen.check.model import Finding, FixSafety, Severity, Span
from docgen.check.patterns import target as T
from docgen.check.rules.base import CheckContext, Rule, register
from docgen.check.rules.dl.common import timeline


@register
class DecisionPeriodWrong(Rule):
    """Thời hạn Bộ trưởng quyết định công nhận “Cộng đồng học tập” cấp tỉnh khác 20 ngày làm việc.

    Vì sao: Bộ trưởng Bộ Giáo dục và Đào tạo quyết định công nhận cấp tỉnh trong thời hạn 20 ngày
    làm việc kể từ ngày nhận đủ hồ sơ hợp lệ (điểm e khoản 2 Điều 19 Thông tư 25/2023/TT-BGDĐT);
    cấp tỉnh không có hạn theo ngày trong năm như cấp xã, cấp huyện. Một câu ghi “15 ngày làm việc”,
    “30 ngày” hay “20 ngày” (ngày lịch, không phải ngày làm việc) là sai. Số ngày lấy từ
    ``law/data/timeline.yaml``.
    """

    code = "DL016"
    name = "decision-period-wrong"
    severity = Severity.ERROR
    tt25_only = True
    message = "Bộ trưởng quyết định công nhận “Cộng đồng học tập” cấp tỉnh trong {expected} ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ ({cite} Thông tư số 25/2023/TT-BGDĐT), văn bản ghi “{found}”"
    fix = FixSafety.NONE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        text = ctx.draft.text
        periods = list(T.DECISION_PERIOD_RE.finditer(text))
        if not periods:
            return
        rule = timeline().rule("tinh", "decision-within")
        if rule is None or rule.working_days is None:
            return
        for m in periods:
            line_start = text.rfind("\n", 0, m.start()) + 1
            line_end = text.find("\n", m.end())
            line = text[line_start : len(text) if line_end < 0 else line_end]
            if T.OTHER_TITLE_RE.search(line) and not T.CDHT_RE.search(line):
                continue
            if not T.CDHT_RE.search(line) and not ctx.reading.scope_at(m.start()).about_cdht:
                continue
            days = int(m.group("days"))
            if days == rule.working_days and m.group("working"):
                continue
            yield self.finding(
                ctx, Span(m.start("period"), m.end("period")), expected=rule.working_days,
                cite=rule.cite.locator.text(), found=" ".join(m.group("period").split()),
            )
