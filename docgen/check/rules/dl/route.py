"""DL rule on where a dossier goes: the addressee of each level, by the regime of the document's date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from docgen import vi
from docgen.check.find import levels_in
from docgen.check.model import Finding, FixSafety, Severity, Span
from docgen.check.patterns import reading as R
from docgen.check.patterns import target as T
from docgen.check.rules.base import CheckContext, Rule, register
from docgen.check.rules.dl.common import level_label, timeline

_OFFICE = {"Phòng": "phong", "Sở": "so", "Bộ": "bo"}
_ADDRESSEE_SOURCE = "theo nơi nhận hồ sơ"


@register
class DossierWrongAddressee(Rule):
    """Hồ sơ đề nghị công nhận được gửi tới cơ quan không nhận hồ sơ của cấp đó.

    Vì sao: theo Thông tư 25/2023/TT-BGDĐT, Ủy ban nhân dân cấp xã gửi hồ sơ tới Phòng Giáo dục
    và Đào tạo (điểm d khoản 1 Điều 9), cấp huyện tới Sở Giáo dục và Đào tạo (điểm d khoản 1 Điều
    14), cấp tỉnh tới Bộ Giáo dục và Đào tạo (điểm d khoản 1 Điều 19). Từ ngày chính quyền địa
    phương hai cấp vận hành (bảng chế độ trong ``law/data/timeline.yaml``, hiện là 01/7/2025), một
    kế hoạch thực tế gửi hồ sơ cấp xã tới Sở Giáo dục và Đào tạo; văn bản sửa đổi Thông tư chưa
    tìm thấy nên khi đó chỉ là cảnh báo “cần xác minh”. Chế độ được chọn theo ngày của văn bản
    (không có ngày thì theo hạn gửi hồ sơ). Cấp của câu có thể đến từ tiêu đề mục, hàng nhóm của
    bảng hay tên thủ tục; câu nhắc Phòng GDĐT sau khi bỏ cấp huyện do DL007 báo. Một TỜ TRÌNH
    có trích yếu “Đề nghị (đánh giá,) công nhận … “Cộng đồng học tập” cấp …” là bìa của hồ sơ: dòng
    “Kính gửi:” của nó là nơi nhận hồ sơ.
    """

    code = "DL014"
    name = "dossier-wrong-addressee"
    severity = Severity.ERROR
    tt25_only = True
    message = "hồ sơ {level} gửi {expected} ({cite} Thông tư số 25/2023/TT-BGDĐT, chế độ ngày {day}), văn bản ghi “{found}”{verify}"
    fix = FixSafety.NONE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        if not ctx.targets:
            return
        tl = timeline()
        for t in ctx.targets:
            if t.in_quote or t.action != "ho-so" or t.level is None or t.addressee is None:
                continue
            if t.addressee_span is None or t.level_source == _ADDRESSEE_SOURCE:
                continue
            day = ctx.draft.date or t.deadline
            if day is None:
                continue
            yield from self._judge(
                ctx, tl, t.level, t.addressee, day, t.addressee_span, level_label(t), t.addressee_text or "",
            )
        yield from self._proposal(ctx, tl)

    def _proposal(self, ctx: CheckContext, tl: Any) -> Iterator[Finding]:
        """A TỜ TRÌNH proposing one level's recognition is the dossier's cover: its "Kính gửi" is the addressee."""
        reading = ctx.reading
        day = ctx.draft.date
        if reading.kind != "TỜ TRÌNH" or reading.addressee is None or day is None:
            return
        topic = reading.topic
        if not (T.CDHT_RE.search(topic) and R.PROPOSAL_TITLE.search(topic)) or T.OTHER_TITLE_RE.search(topic):
            return
        levels, _ = levels_in(topic)
        if len(levels) != 1:
            return
        office, found, start, end = reading.addressee
        level_key = next(iter(levels))
        yield from self._judge(
            ctx, tl, level_key, office, day, Span(start, end), f"{vi.LEVELS[level_key]} (theo trích yếu của tờ trình)", found,
        )

    def _judge(
        self, ctx: CheckContext, tl: Any, level_key: str, office: str, day: dt.date, span: Span, level_text: str, found: str,
    ) -> Iterator[Finding]:
        """The finding when ``office`` is not where the regime of ``day`` sends a ``level_key`` dossier."""
        try:
            regime = tl.regime_on(day)
        except tl.TimelineError:
            return
        level = regime.level(level_key)
        if not level.available:
            return  # DL007 names a level that no longer exists
        expected = _OFFICE.get(level.addressee.value.split()[0])
        if expected is None or expected == office:
            return
        if office == "phong" and not regime.level("huyen").available:
            return  # DL007: the Phòng no longer exists
        confident = level.addressee.source.confidence == "high" and regime.source.confidence == "high"
        yield self.finding(
            ctx, span, severity=None if confident else Severity.WARNING,
            level=level_text, expected=level.addressee.value, cite=level.addressee.cite.locator.text(),
            day=vi.date_short(day), found=found, verify="" if confident else "; cần xác minh",
        )
