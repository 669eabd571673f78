"""DL rule on the self-assessment's data window: the calendar year, never a school year."""

from __future__ import annotations

from collections.abc import Iterator

from docgen.check.model import Finding, FixSafety, Severity, Span
from docgen.check.patterns import target as T
from docgen.check.rules.base import CheckContext, Rule, register


@register
class DataWindowNotCalendarYear(Rule):
    """Số liệu tự đánh giá “Cộng đồng học tập” không tính từ 01/01 đến 31/12 của năm đánh giá.

    Vì sao: số liệu, minh chứng để đánh giá được tính từ ngày 01 tháng 01 đến ngày 31 tháng 12
    của năm đánh giá (điểm b khoản 1 Điều 9, 14, 19 Thông tư 25/2023/TT-BGDĐT); một khoảng theo
    năm học (01/9 – 31/8) hay nửa năm làm kết quả không so được với tiêu chí. Chỉ xét câu nói về số
    liệu đánh giá (“số liệu”, “minh chứng”) trong văn bản về “Cộng đồng học tập”.
    """

    code = "DL015"
    name = "data-window-not-calendar-year"
    severity = Severity.ERROR
    tt25_only = True
    message = "số liệu đánh giá “Cộng đồng học tập” tính từ 01/01 đến 31/12 của năm đánh giá (điểm b khoản 1 Điều 9, 14, 19 Thông tư số 25/2023/TT-BGDĐT), văn bản ghi từ {start} đến {end}"
    fix = FixSafety.NONE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        text = ctx.draft.text
        for m in T.DATA_RANGE_RE.finditer(text):
            d1, m1, d2, m2 = (int(m.group(g)) for g in ("d1", "m1", "d2", "m2"))
            if (d1, m1, d2, m2) == (1, 1, 31, 12):
                continue
            line_start = text.rfind("\n", 0, m.start()) + 1
            line_end = text.find("\n", m.end())
            line = text[line_start : len(text) if line_end < 0 else line_end]
            if T.OTHER_TITLE_RE.search(line) and not T.CDHT_RE.search(line):
                continue
            if not T.CDHT_RE.search(line) and not ctx.reading.scope_at(m.start()).about_cdht:
                continue
            y1, y2 = m.group("y1"), m.group("y2")
            yield self.finding(
                ctx, Span(m.start("range"), m.end()),
                start=f"{d1:02d}/{m1:02d}" + (f"/{y1}" if y1 else ""), end=f"{d2:02d}/{m2:02d}" + (f"/{y2}" if y2 else ""),
            )
