"""DL rules on a plan's targets taken together: levels in order, upgrade gap, shares the upper level needs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from docgen import vi
from docgen.check.find import Target
from docgen.check.model import Finding, FixSafety, Severity
from docgen.check.rules.base import CheckContext, Rule, register
from docgen.check.rules.dl.common import DEPENDENCY_SHARE, LOWER_LEVEL, recognitions, timeline, unit, when


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
    tt25_only = True
    message = "{upper} mức độ {muc_do} đặt hạn {when}, sớm hơn hạn {lower} mức độ {muc_do} ({lower_when}) mà nó phụ thuộc"
    fix = FixSafety.NONE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        targets = recognitions(ctx)
        # the earliest dated target of each (level, mức độ), the first of equals: one pass, not
        # one per target (quadratic on a long plan, issue 9)
        earliest: dict[tuple[str | None, int], Target] = {}
        for d in targets:
            key = (d.level, d.muc_do or 1)
            if d.deadline is not None and (key not in earliest or d.deadline < (earliest[key].deadline or dt.date.max)):
                earliest[key] = d
        for t in targets:
            lower = LOWER_LEVEL.get(t.level or "")
            if lower is None or t.deadline is None or t.deadline_span is None:
                continue
            muc = t.muc_do or 1
            earliest_dep = earliest.get((lower, muc))
            if earliest_dep is None:
                continue
            assert earliest_dep.deadline is not None
            if t.deadline < earliest_dep.deadline:
                yield self.finding(
                    ctx, t.deadline_span, upper=unit(t.level or ""), lower=unit(lower), muc_do=muc,
                    when=when(t), lower_when=when(earliest_dep),
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
    tt25_only = True
    message = "{level} mức độ 2 đặt hạn {when}, chưa đủ {months} tháng sau hạn mức độ 1 ({first_when})"
    fix = FixSafety.NONE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        targets = recognitions(ctx)
        if not targets:
            return
        tl = timeline()
        first_one: dict[str | None, Target] = {}  # the earliest dated mức độ 1 target of each level
        for d in targets:
            if d.muc_do == 1 and d.deadline is not None and (
                d.level not in first_one or d.deadline < (first_one[d.level].deadline or dt.date.max)
            ):
                first_one[d.level] = d
        for t in targets:
            if t.muc_do != 2 or t.deadline is None or t.level is None:
                continue
            one = first_one.get(t.level)
            if one is None:
                continue
            assert one.deadline is not None
            months = tl.milestones(t.level, 2, max(tl.first_evaluation_year(), one.deadline.year - 1)).upgrade_months
            if tl.add_months(one.deadline, months) > t.deadline:
                yield self.finding(
                    ctx, t.deadline_span or t.span, level=unit(t.level), when=when(t), months=months, first_when=when(one),
                )


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
    tt25_only = True
    message = "{upper} mức độ {muc_do} cần ít nhất 90% số {lower_unit} đạt mức độ {muc_do}, kế hoạch chỉ đặt {share}%"
    fix = FixSafety.NONE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        targets = recognitions(ctx)
        reported: set[int] = set()
        shares: dict[tuple[str | None, int], list[Target]] = {}  # targets with a share, by (level, mức độ)
        for d in targets:
            if d.share is not None and d.share_span is not None:
                shares.setdefault((d.level, d.muc_do or 1), []).append(d)
        for t in targets:
            lower = LOWER_LEVEL.get(t.level or "")
            if lower is None or t.deadline is None:
                continue
            muc = t.muc_do or 1
            for d in shares.get((lower, muc), ()):
                assert d.share is not None and d.share_span is not None
                if d.deadline is None or d.deadline > t.deadline or d.share >= DEPENDENCY_SHARE:
                    continue
                if id(d) in reported:
                    continue
                reported.add(id(d))
                yield self.finding(
                    ctx, d.share_span, upper=unit(t.level or ""), muc_do=muc, lower_unit=vi.LEVEL_UNITS[lower], share=f"{d.share:g}",
                )
