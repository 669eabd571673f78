"""DL rules on the annual cycle of TT25: earliest recognition, dossier and completion deadlines, first evaluation year."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from docgen import vi
from docgen.check.find import levels_in
from docgen.check.model import Finding, FixSafety, Severity, Span
from docgen.check.patterns import target as T
from docgen.check.patterns.form import PLACE_DATE, PLACE_DATE_NUMERIC
from docgen.check.rules.base import CheckContext, Rule, register
from docgen.check.rules.dl.common import is_deadline, level_label, recognitions, timeline, unit, when
from docgen.lazy_re import lazy


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
    tt25_only = True
    message = "{level} mức độ {muc_do} không thể được công nhận trước ngày {earliest} (năm đánh giá đầu tiên là {first}), mục tiêu ghi {when}"
    fix = FixSafety.NONE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        targets = recognitions(ctx)
        if not targets:
            return  # the timeline is loaded only for a draft that has something to compare
        tl = timeline()
        first = tl.first_evaluation_year()
        for t in targets:
            if t.evaluation_year is not None and t.evaluation_year < first:
                continue  # DL006 names the real problem
            muc = t.muc_do or 1
            earliest = tl.earliest_recognition(t.level, muc, first)
            assert t.deadline is not None and t.deadline_span is not None
            if t.deadline < earliest:
                yield self.finding(
                    ctx, t.deadline_span, level=level_label(t), muc_do=muc,
                    earliest=vi.date_short(earliest), first=first, when=when(t),
                )


@register
class DossierAfterDue(Rule):
    """Hạn gửi hồ sơ đề nghị công nhận muộn hơn hạn của Thông tư 25/2023/TT-BGDĐT.

    Vì sao: hồ sơ phải gửi trước ngày 28/02 (cấp xã, điểm d khoản 1 Điều 9), 30/4 (cấp huyện,
    điểm d khoản 1 Điều 14), 31/7 (cấp tỉnh, điểm d khoản 1 Điều 19) của năm sau liền kề năm đánh
    giá. Khi văn bản không nói năm đánh giá, năm đánh giá là năm trước năm của hạn ghi trong văn
    bản. Câu nêu hạn hằng năm (“trước ngày 31 tháng 3 của năm sau liền kề năm đánh giá”) cũng được
    so với hạn của cấp tương ứng. Một hàng bảng (các ô của hàng trong .docx, các cột cách nhau
    bằng dấu tab trong .txt) được đọc như một câu. Hạn gửi hồ sơ rơi vào chính năm đánh giá, hay
    một kế hoạch, công văn đặt hạn gửi hồ sơ đã qua trước cả ngày của văn bản (sai năm), cũng bị báo.
    """

    code = "DL002"
    name = "dossier-after-due"
    severity = Severity.ERROR
    tt25_only = True
    message = "hồ sơ {level} phải gửi trước ngày {due}, văn bản ghi {when}"
    fix = FixSafety.NONE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        if not ctx.targets:
            return
        tl = timeline()
        first = tl.first_evaluation_year()
        for t in ctx.targets:
            if t.action != "ho-so" or t.level is None or t.deadline_span is None:
                continue
            if t.precision == "day-month" and t.day_month is not None:
                due = tl.dossier_deadline(t.level, first)
                day, month = t.day_month
                if (month, day) > (due.month, due.day):
                    yield self.finding(
                        ctx, t.deadline_span, level=level_label(t), due=f"{due.day:02d}/{due.month:02d} năm sau năm đánh giá",
                        when=f"ngày {day:02d}/{month:02d}",
                    )
                continue
            if t.deadline is None or t.precision not in ("day", "month") or t.lead.startswith("từ"):
                continue
            if t.evaluation_year is None and t.precision == "day":
                passed = list(self._passed(ctx, tl, t))
                if passed:
                    yield from passed
                    continue
            year = t.evaluation_year if t.evaluation_year is not None else t.deadline.year - 1
            if year < first:
                continue
            due = tl.dossier_deadline(t.level, year)
            if t.deadline > due:
                yield self.finding(ctx, t.deadline_span, level=level_label(t), due=vi.date_short(due), when=when(t))
            elif t.evaluation_year is not None and t.deadline.year <= t.evaluation_year:
                # "hồ sơ năm đánh giá 2025 gửi trước ngày 28/02/2025": before the year being assessed has ended
                yield self.finding(ctx, t.deadline_span, level=level_label(t), due=vi.date_short(due), when=when(t))

    def _passed(self, ctx: CheckContext, tl: Any, t: Any) -> Iterator[Finding]:
        """A plan or letter that sets a dossier deadline already past on its own date, in a year when
        no round of TT25 closed: the year is wrong ("Kế hoạch ngày 05/4/2024 … gửi hồ sơ trước ngày
        28/02/2024"). The round it means is the next one to close after the document's date."""
        day = ctx.draft.date
        if day is None or t.deadline is None or t.deadline >= day or ctx.reading.kind not in _FORWARD_KINDS:
            return
        clause = ctx.draft.text[t.span.start : t.span.end]
        if T.PAST_RE.search(clause):
            return  # "đã gửi hồ sơ trước ngày …": a report of what was done
        first = tl.first_evaluation_year()
        if t.deadline.year - 1 >= first:
            return  # a round of TT25 did close then: a plan may recall the round just ended
        if day.year - 1 < first:
            year = day.year  # the first round (evaluation year 2024) closes in 2025
        else:
            year = day.year if day > tl.dossier_deadline(t.level, day.year - 1) else day.year - 1
        if year < first:
            return
        due = tl.dossier_deadline(t.level, year)
        if t.deadline != due:
            yield self.finding(
                ctx, t.deadline_span, level=level_label(t), due=vi.date_short(due),
                when=f"{when(t)}, trước cả ngày của văn bản ({vi.date_short(day)})",
            )


@register
class CompletionAfterDue(Rule):
    """Thời hạn hoàn thành đánh giá, công nhận muộn hơn hạn của Thông tư 25/2023/TT-BGDĐT.

    Vì sao: việc đánh giá, công nhận phải xong trước ngày 31/3 (cấp xã, khoản 3 Điều 9) và 31/5
    (cấp huyện, khoản 3 Điều 14) của năm sau liền kề năm đánh giá; cấp tỉnh không có ngày cố định
    (Bộ trưởng quyết định trong 20 ngày làm việc, điểm e khoản 2 Điều 19). Chỉ xét câu nói rõ năm
    đánh giá (“… mức độ 1 của năm 2025”), câu nêu hạn hằng năm, hoặc câu “hoàn thành việc đánh
    giá, công nhận trước ngày …” hay “được công nhận trước ngày …” với một ngày trong nửa đầu năm
    (năm đánh giá là năm trước đó);
    một mục tiêu “đến hết tháng 5 năm 2026” cho cấp xã không trái luật, vì công nhận trước 31/3
    cũng là trước cuối tháng 5. Ô “Thời hạn giải quyết” của một thủ tục là hạn hoàn thành.
    Một QUYẾT ĐỊNH có trích yếu công nhận “Cộng đồng học tập” của một cấp cũng được xét: ngày ký ở
    dòng địa danh, ngày tháng năm không được muộn hơn hạn của năm đánh giá ghi trong trích yếu.
    """

    code = "DL003"
    name = "completion-after-due"
    severity = Severity.ERROR
    tt25_only = True
    message = "việc công nhận {level} phải hoàn thành trước ngày {due}, văn bản ghi {when}"
    fix = FixSafety.NONE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        if not ctx.targets:
            return
        tl = timeline()
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
                        ctx, t.deadline_span, level=level_label(t), due=f"{due.date.day:02d}/{due.date.month:02d} năm sau năm đánh giá",
                        when=f"ngày {day:02d}/{month:02d}",
                    )
                continue
            if t.deadline is None or not is_deadline(t):
                continue
            year = t.evaluation_year
            dated = t.precision == "day" and t.lead in ("trước", "chậm nhất")
            if year is None and (t.completes or dated) and t.precision in ("day", "month") and t.deadline.month <= 6:
                # "hoàn thành việc đánh giá, công nhận trước ngày 15/4/2026": a round is completed
                # in the first months of the year after its evaluation year (khoản 3 Điều 9, 14)
                year = t.deadline.year - 1
            if year is None or year < first:
                continue
            due = tl.recognition_deadline(t.level, year)
            if due is not None and t.deadline > due.date:
                yield self.finding(ctx, t.deadline_span, level=level_label(t), due=vi.date_short(due.date), when=when(t))
        yield from self._late_decision(ctx, tl, first)

    def _late_decision(self, ctx: CheckContext, tl: Any, first: int) -> Iterator[Finding]:
        """A QUYẾT ĐỊNH công nhận “Cộng đồng học tập” signed after its round's completion deadline."""
        day = ctx.draft.date
        decision = _recognition_decision(ctx.draft.text)
        if day is None or decision is None:
            return
        level, year = decision
        if year is None:
            years = {t.evaluation_year for t in ctx.targets if t.action == "cong-nhan" and t.level == level and t.evaluation_year}
            year = years.pop() if len(years) == 1 else None
        if year is None or year < first:
            return
        due = tl.recognition_deadline(level, year)
        if due is None or not due.is_late(day):
            return  # tỉnh: no fixed day (the Bộ trưởng decides within 20 working days)
        span = _date_line_span(ctx.draft.text)
        if span is None:
            return
        yield self.finding(
            ctx, span, level=unit(level), due=vi.date_short(due.date),
            when=f"quyết định công nhận năm đánh giá {year} ký ngày {vi.date_short(day)}",
        )


_HEADER_LINES = 20
_BASIS_LINE = lazy(r"[ \t]*(?:Căn[ \t]+cứ|Thực[ \t]+hiện)[ \t]")
# Documents that set steps to come (a report or a decision tells what happened).
_FORWARD_KINDS = frozenset({"KẾ HOẠCH", "CÔNG VĂN", "HƯỚNG DẪN", "THÔNG BÁO", "CHƯƠNG TRÌNH", "CHƯƠNG TRÌNH PHỐI HỢP", "CHỈ THỊ"})
_DECISION_KIND_RE = lazy(r"^\s*QUYẾT\s+ĐỊNH\s*$")
_RECOGNITION_RE = lazy(r"công\s+nhận", re.IGNORECASE)
_YEAR_RE = lazy(r"(?<!\d)năm\s+(\d{4})(?!\d)")


def _recognition_decision(text: str) -> tuple[str, int | None] | None:
    """(level, evaluation year) when the draft is a QUYẾT ĐỊNH whose trích yếu recognises one level's CĐHT.

    The trích yếu is read from the lines right under the tên loại, up to a blank line or the
    signer's title in capitals (NĐ 30/2020/NĐ-CP, Phụ lục I: tên loại, then trích yếu).
    """
    lines = text.split("\n")
    for i, line in enumerate(lines[:_HEADER_LINES * 2]):
        if not _DECISION_KIND_RE.match(line):
            continue
        title: list[str] = []
        for nxt in lines[i + 1 : i + 4]:
            if not nxt.strip() or (nxt.isupper() and title):
                break
            title.append(nxt.strip())
        summary = " ".join(title)
        if not (T.CDHT_RE.search(summary) and _RECOGNITION_RE.search(summary)):
            return None
        levels, _ = levels_in(summary)
        if len(levels) != 1:
            return None
        years = {int(y) for y in _YEAR_RE.findall(summary)}
        return next(iter(levels)), (years.pop() if len(years) == 1 else None)
    return None


def _date_line_span(text: str) -> Span | None:
    """The header's place-and-date line (where the signing date is written)."""
    offset = 0
    for line in text.split("\n")[: _HEADER_LINES * 2]:
        stripped = line.strip()
        if PLACE_DATE.match(stripped) or PLACE_DATE_NUMERIC.match(stripped):
            start = offset + (len(line) - len(line.lstrip()))
            return Span(start, start + len(stripped))
        offset += len(line) + 1
    return None


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
    tt25_only = True
    message = "năm đánh giá {year} ở trước năm đánh giá đầu tiên theo Thông tư 25/2023/TT-BGDĐT ({first})"
    fix = FixSafety.NONE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        if not ctx.targets:
            return
        first = timeline().first_evaluation_year()
        text = ctx.draft.text
        for t in ctx.targets:
            if t.in_quote or t.evaluation_year is None or t.evaluation_year >= first:
                continue
            clause = text[t.span.start : t.span.end]
            line_start = text.rfind("\n", 0, t.span.start) + 1
            if T.PAST_RE.search(clause) or _BASIS_LINE.match(text, line_start):
                continue  # "đã được … công nhận … năm 2023", "Căn cứ Quyết định số … công nhận …": history
            if t.muc_do is None and t.action not in ("cong-nhan", "cong-nhan-lai", "ho-so"):
                continue  # a report on 2023 under TT44 ("đánh giá, xếp loại") is history, not TT25
            yield self.finding(ctx, t.deadline_span or t.span, year=t.evaluation_year, first=first)
