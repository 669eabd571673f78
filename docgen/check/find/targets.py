"""Find plan targets and dated steps about "Cộng đồng học tập"."""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Final, Literal

from docgen.check.find.citations import text_citations
from docgen.check.find.text import LEVEL_KEYS, OFFICE_LEVEL, UNIT_LEVEL, _blank, _clauses, _date, _excluded, nfc_text, quote_regions, text_clauses
from docgen.check.find.text import SearchText as _Text
from docgen.check.model import Draft, Span
from docgen.check.patterns import target as T
from docgen.lazy_re import lazy

if TYPE_CHECKING:
    from docgen.check.reading import Reading

Precision = Literal["day", "month", "year", "day-month"]
Action = Literal["cong-nhan", "cong-nhan-lai", "ho-so", "xay-dung"]


@dataclass(frozen=True)
class Target:
    """A plan target or deadline about "Cộng đồng học tập"."""

    span: Span
    text: str
    level: str | None  # "xa" | "huyen" | "tinh"
    muc_do: int | None
    action: Action | None
    completes: bool  # "hoàn thành (việc) … công nhận", "thời gian hoàn thành"
    deadline: dt.date | None
    deadline_span: Span | None
    precision: Precision | None
    lead: str  # "đến", "trước", "hết", "từ", "trong", "" …
    recurring: bool = False  # "năm sau liền kề năm đánh giá", "hằng năm"
    share: float | None = None
    share_span: Span | None = None
    unit: str | None = None  # what the share counts ("xa", "huyen")
    addressee: str | None = None  # "phong" | "so" | "bo"
    addressee_text: str | None = None
    addressee_span: Span | None = None
    evaluation_year: int | None = None  # stated outright ("của năm 2025")
    in_quote: bool = False
    day_month: tuple[int, int] | None = None  # yearless (day, month) of a rule statement
    level_source: str = ""  # where the level was learnt when the clause does not say it: "theo tiêu đề mục 1"


def find_targets(draft: Draft, reading: Reading | None = None) -> list[Target]:
    """Plan targets and dated steps about "Cộng đồng học tập": one per date, bound to its event.

    A clause (or a table row, read as one sentence) that names no level or no topic takes them
    from ``reading`` (the heading it sits under, the table's group row, the procedure's name, the
    trích yếu). A clause with several dates is cut so that each date goes with the event that
    governs it ("gửi hồ sơ … trước ngày 10/3 và hoàn thành việc công nhận trước ngày 31/3").
    """
    from docgen.check.reading import read_document

    if reading is None:
        reading = read_document(draft)
    src = nfc_text(draft)
    text = src.text
    regions = quote_regions(text)
    # a citation's own date ("Thông tư … ngày 27 tháng 12 năm 2023") is never a deadline
    citation_dates = [(c.span.start, c.span.end) for c in text_citations(text) if not c.self_ref]
    out: list[Target] = []
    # quotations and the cited documents themselves (their trích yếu "… cấp xã, huyện, tỉnh") are
    # not the plan's words
    hidden = sorted(regions + citation_dates)
    rows = [r for r in reading.rows() if r.kind in ("data", "label")]
    row_starts = [r.start for r in rows]

    def in_row(offset: int) -> bool:
        i = bisect.bisect_right(row_starts, offset) - 1
        return i >= 0 and rows[i].start <= offset <= rows[i].end and len(rows[i].cells) >= 2

    items = task_items(text)

    def in_item(offset: int) -> bool:
        return any(a <= offset < b for a, b in items)

    for a, b in text_clauses(text):
        if in_row(a) or in_item(a):
            continue  # read with its row (or its task item) below
        blanked = _blank(text, hidden, a, b)
        out.extend(_bound_targets(src, blanked, a, b, citation_dates, reading))
    # a table row (a .docx row's cells; a Markdown "| … |" row) is one sentence:
    # "Gửi hồ sơ … cấp xã | Ủy ban nhân dân xã | Trước ngày 31/3/2025"
    for row in rows:
        a, b = row.start, row.end
        if len(row.cells) < 2:
            for ca, cb in _clauses(text[:b], regions):
                if cb > a and ca >= a:
                    out.extend(_bound_targets(src, _blank(text, hidden, ca, cb), ca, cb, citation_dates, reading))
            continue
        if T.OTHER_TITLE_RE.search(text, a, b) and not T.CDHT_RE.search(text, a, b):
            continue
        blanked = _blank(text, hidden, a, b).replace("\n", " ")
        out.extend(_bound_targets(src, blanked, a, b, citation_dates, reading, row=True))
    # a task written as a list ("2. Gửi hồ sơ … / a) Nội dung: … / … / d) Thời gian thực hiện: …")
    # is one sentence too, as the same task in a table row would be
    for a, b in items:
        blanked = _blank(text, hidden, a, b).replace("\n", " ")
        out.extend(_bound_targets(src, blanked, a, b, citation_dates, reading, row=True))
    for a, b in regions:
        inner = text[a:b]
        target = _target(src, inner, a, citation_dates, in_quote=True)
        if target is not None:
            out.append(target)
    out.sort(key=lambda t: t.span.start)
    return out


_ITEM_CONTENT: Final = lazy(r"^[ \t]*(?:[a-zđ]\)|-)[ \t]*Nội dung[ \t]*:", re.MULTILINE)
_ITEM_TIME: Final = lazy(r"^[ \t]*(?:[a-zđ]\)|-)[ \t]*Thời gian(?: thực hiện)?[ \t]*:[^\n]*", re.MULTILINE)
_ITEM_TITLE: Final = lazy(r"^[ \t]*\d{1,3}\.[ \t]+\S[^\n]*\n$")


def task_items(text: str) -> list[tuple[int, int]]:
    """Spans of the tasks written in the list form: from the task's numbered title (or its
    "a) Nội dung:" line) to the end of its "d) Thời gian thực hiện: …" line, with no other
    "Nội dung:" line between them and at most six lines in all."""
    out: list[tuple[int, int]] = []
    for m in _ITEM_CONTENT.finditer(text):
        end = _ITEM_TIME.search(text, m.start())
        if end is None:
            continue
        nxt = _ITEM_CONTENT.search(text, m.end())
        if nxt is not None and nxt.start() < end.start():
            continue
        if text.count("\n", m.start(), end.start()) > 5:
            continue
        start = m.start()
        line_start = text.rfind("\n", 0, max(0, start - 1)) + 1
        if start > 0 and _ITEM_TITLE.match(text[line_start:start]):
            start = line_start
        out.append((start, end.end()))
    return out


def _bound_targets(
    src: _Text, seg: str, a: int, b: int, citation_dates: list[tuple[int, int]], reading: Reading, *, row: bool = False,
) -> list[Target]:
    """Targets of one clause or row: its own words first, then what the reading says of its place."""
    own_cdht = bool(T.CDHT_RE.search(seg))
    if not own_cdht and T.OTHER_TITLE_RE.search(seg):
        return []
    scope = reading.scope_at(src.span(a, a).start)
    if not own_cdht and not scope.about_cdht:
        return []
    level, muc_do = _levels(seg)
    source = ""
    if level is None:
        levels, _ = levels_in(seg)
        if levels:
            return []  # several levels in the clause itself: which one is not for us to guess
        level, source = _addressee_level(seg)
        if level is not None and level == scope.level:
            source = f"theo {scope.level_source}"
        if level is None:
            # the rest of the paragraph ("…cấp huyện; hoàn thành việc đánh giá … trước ngày 31/5")
            # the rest of the sentence only: from the last ". " or line break before to the next after
            text = src.text
            start = max(text.rfind("\n", 0, a), text.rfind(". ", 0, a)) + 1
            ends = [i for i in (text.find("\n", max(a, b - 1)), text.find(". ", max(a, b - 1))) if i >= 0]
            around = text[start : min(ends) if ends else len(text)]
            para, _ = levels_in(around)
            if len(para) > 1:
                return []
            if para:
                level = next(iter(para))
            elif scope.level is not None:
                level, source = scope.level, f"theo {scope.level_source}"
    if level is None:
        return []
    muc_do = muc_do if muc_do is not None else scope.muc_do
    year = _evaluation_year(seg)
    # a yearless "trước ngày 20/3" is compared by day and month: the legal deadlines recur every
    # year, so a date later in the year than the deadline is late whatever the year
    yearless = True
    cuts = _cuts(seg, citation_dates, a)
    out: list[Target] = []
    for k, (p, q) in enumerate(cuts):
        # the piece alone, at its own offset: blanking the rest of the clause with spaces would
        # make the deadline patterns backtrack over long runs of blanks
        target = _target(
            src, seg[p:q], a + p, citation_dates, in_quote=False, about_cdht=True, yearless=yearless, need_level=False,
            bare_ok=row,
        )
        if target is None:
            continue
        if target.level is None or target.muc_do is None or target.evaluation_year is None or source:
            target = replace(
                target,
                level=target.level or level,
                muc_do=target.muc_do if target.muc_do is not None else muc_do,
                evaluation_year=target.evaluation_year if target.evaluation_year is not None else year,
                level_source=source if target.level is None or source else "",
            )
        target = _bind_event(target, seg, a)
        if target.deadline is not None and target.deadline in _regime_starts():
            continue  # "trước ngày 01/7/2025 hồ sơ … được gửi về Phòng …": the regime's switch, not a deadline
        assert target.deadline_span is not None
        role, cell_start = reading.role_at(target.deadline_span.start)
        if role == "completion":
            own = src.text[max(a, cell_start) : target.deadline_span.start]
            if not (T.DOSSIER_RE.search(own) and T.SEND_RE.search(own)):
                # "Thời hạn giải quyết: Trước ngày 31 tháng 3": the authority's time to settle
                # the file, whatever a dossier sentence in the next cell says
                target = replace(target, action="cong-nhan", completes=True)
        out.append(target)
    return out


def _bind_event(target: Target, seg: str, base: int) -> Target:
    """The action of the event that governs the date: the nearest one before it in the clause
    (or the first after it). "Hội đồng thẩm định hồ sơ …, trình Trưởng phòng … quyết định công
    nhận trước ngày 31/3" is a recognition deadline, though "hồ sơ" and "trình" are in the clause.
    """
    if target.deadline_span is None or target.action == "cong-nhan-lai":
        return target
    at = target.deadline_span.start - base
    # "hồ sơ đề nghị đánh giá, công nhận …" names the dossier, not a recognition
    events = [
        m for m in T.EVENT_RE.finditer(seg)
        if not (m.lastgroup == "decide" and T.PROPOSAL_BEFORE_RE.search(seg, max(0, m.start() - 30), m.start()))
    ]
    before = [m for m in events if m.end() <= at]
    after = [m for m in events if m.start() >= at]
    event = before[-1] if before else (after[0] if after else None)
    if event is None or event.lastgroup == "other":
        return target
    if event.lastgroup == "dossier":
        return target if target.action == "ho-so" else replace(target, action="ho-so")
    # "hoàn thành …" and "ban hành quyết định công nhận … trước ngày …" state when the round ends
    completes = target.completes or (event.lastgroup in ("complete", "decision") and target.precision != "year")
    if target.action == "ho-so" or target.action is None:
        return replace(target, action="cong-nhan", completes=completes)
    return target


@functools.cache
def _regime_starts() -> frozenset[dt.date]:
    """The days a regime of the TT25 table begins (law/data/timeline.yaml)."""
    from docgen.law.timeline import regimes

    return frozenset(r.start for r in regimes())


def _addressee_level(seg: str) -> tuple[str | None, str]:
    """The level whose dossier goes where the clause sends it ("gửi Phòng GDĐT": a commune's), or
    whose decider it names ("Trưởng phòng … quyết định công nhận"), with where it was learnt.

    Before the 2025 reform a commune's dossier went to the Phòng, a district's to the Sở, a
    province's to the Bộ (TT25 điểm d khoản 1 Điều 9, 14, 19); after it the Sở also receives the
    communes' dossiers, so "Sở" alone says nothing.
    """
    d = T.DECIDER_RE.search(seg)
    if d is not None:
        # "Trưởng phòng Giáo dục và Đào tạo (ký) quyết định công nhận": only communes' (điểm đ
        # khoản 2 Điều 9); "Bộ trưởng … quyết định công nhận": only provinces' (Điều 19)
        return ("xa" if d.group("who").lower().startswith("trưởng") else "tinh"), "theo người quyết định"
    if not (T.DOSSIER_RE.search(seg) and T.SEND_RE.search(seg)):
        return None, ""
    m = T.ADDRESSEE_RE.search(seg)
    level = {"Phòng": "xa", "Bộ": "tinh"}.get(m.group("office")) if m is not None else None
    return level, "theo nơi nhận hồ sơ" if level else ""


def _cuts(seg: str, citation_dates: list[tuple[int, int]], base: int) -> list[tuple[int, int]]:
    """Pieces of a clause, one per dated event: [(start, end)] in ``seg``; one piece when it has one date."""
    windows = [(w.start(), w.end()) for r in (T.DATA_WINDOW_YEAR_RE, T.DATA_WINDOW_YEARLESS_RE) for w in r.finditer(seg)]
    dates = [
        m for m in T.ANY_DEADLINE_RE.finditer(seg)
        if not _excluded(base + m.end() - 1, citation_dates) and not _excluded(m.end() - 1, windows)
    ]
    if len(dates) < 2:
        return [(0, len(seg))]
    events = [m.start() for m in T.EVENT_RE.finditer(seg)]
    if len(events) < 2:
        return [(0, len(seg))]
    date_first = dates[0].start() < events[0]
    cuts = [0]
    for prev, cur in zip(dates, dates[1:]):
        if date_first:
            cuts.append(cur.start())
            continue
        between = [e for e in events if prev.end() <= e < cur.start()]
        cuts.append(between[0] if between else prev.end())
    cuts.append(len(seg))
    return [(p, q) for p, q in zip(cuts, cuts[1:]) if q > p]


def _levels(segment: str) -> tuple[str | None, int | None]:
    m = T.LEVEL_MUC_DO_RE.search(T.COUNCIL_RE.sub(lambda x: " " * len(x.group(0)), segment))
    if m:
        return LEVEL_KEYS[m.group("level").lower()], int(m.group("muc_do"))
    levels, mucs = levels_in(segment)
    level = levels.pop() if len(levels) == 1 else None
    muc = mucs.pop() if len(mucs) == 1 else None
    return level, muc


def levels_in(segment: str) -> tuple[set[str], set[int]]:
    """Every level ("xa", "huyen", "tinh") and mức độ named in a piece of text, lists included
    ("cấp xã, huyện, tỉnh" names three)."""
    # "Hội đồng đánh giá cấp huyện" assesses communes (điểm b khoản 2 Điều 9): a council's name
    # says nothing of the level the sentence is about
    segment = T.COUNCIL_RE.sub(lambda m: " " * len(m.group(0)), segment)
    levels = {LEVEL_KEYS[x.group("level").lower()] for x in T.LEVEL_RE.finditer(segment)}
    for x in T.LEVEL_LIST_RE.finditer(segment):
        levels |= {LEVEL_KEYS[w.lower()] for w in T.LEVEL_WORD_RE.findall(x.group(0))}
    mucs = {int(x.group("muc_do")) for x in T.MUC_DO_RE.finditer(segment)}
    return levels, mucs


def _evaluation_year(seg: str) -> int | None:
    """The evaluation year a clause states: "của năm 2025", "năm đánh giá 2025", "CĐHT cấp xã
    (mức độ 1) năm 2024", or a data window "từ ngày 01/01/2023 đến ngày 31/12/2023"."""
    for pattern in (T.EVAL_YEAR_RE, T.LEVEL_YEAR_RE, T.DATA_WINDOW_YEAR_RE):
        m = pattern.search(seg)
        if m:
            return int(next(g for g in m.groups() if g))
    return None


def _target(
    src: _Text, seg: str, base: int, citation_dates: list[tuple[int, int]], *, in_quote: bool, about_cdht: bool = False,
    yearless: bool = False, need_level: bool = True, bare_ok: bool = False,
) -> Target | None:
    if not about_cdht and not T.CDHT_RE.search(seg):
        return None  # "Đơn vị học tập" (TT24) and the like have other deadlines
    level, muc_do = _levels(seg)
    if level is None and need_level:
        return None
    deadline: dt.date | None = None
    d_span: tuple[int, int] | None = None
    precision: Precision | None = None
    lead = ""
    day_month: tuple[int, int] | None = None
    # a data window ("số liệu từ ngày 01/01/2024 đến ngày 31/12/2024") is a period, not a deadline
    windows = [(base + w.start(), base + w.end()) for w in T.DATA_WINDOW_YEAR_RE.finditer(seg)]
    windows += [(base + w.start(), base + w.end()) for w in T.DATA_WINDOW_YEARLESS_RE.finditer(seg)]
    for m in T.DEADLINE_DAY_RE.finditer(seg):
        if _excluded(base + m.end() - 1, citation_dates) or _excluded(base + m.end() - 1, windows):
            continue
        before = seg[max(0, m.start() - 20) : m.start()]
        if "hiệu lực" in before:
            continue
        g = m.groupdict()
        deadline = _date(g.get("d1") or g.get("d2"), g.get("m1") or g.get("m2"), g.get("y1") or g.get("y2"))
        if deadline is None:
            continue  # an impossible date is DL's impossible-date rule's business
        d_span, precision, lead = (m.start(), m.end()), "day", (g.get("lead") or "").lower()
        break
    if deadline is None:
        # "trước 15/3/2026", "chậm nhất 28/02/2026" (no "ngày"); in a table row also "15/3/2026" alone
        for m in (T.DEADLINE_BARE_ROW_RE if bare_ok else T.DEADLINE_BARE_RE).finditer(seg):
            if _excluded(base + m.end() - 1, citation_dates) or _excluded(base + m.end() - 1, windows):
                continue
            deadline = _date(m.group("d1"), m.group("m1"), m.group("y1"))
            if deadline is None:
                continue
            d_span, precision, lead = (m.start(), m.end()), "day", (m.group("lead") or "").lower()
            break
    if deadline is None:
        for m in T.DEADLINE_MONTH_RE.finditer(seg):
            month, year = int(m.group("month")), int(m.group("year"))
            if not 1 <= month <= 12 or _excluded(base + m.end() - 1, citation_dates):
                continue
            deadline = dt.date(year, month, calendar.monthrange(year, month)[1])
            lead = " ".join(m.group("lead").split()).lower()
            precision = "month"
            d_span = (m.start() + len(m.group("lead")) - len(m.group("lead").lstrip()), m.end())
            break
    if deadline is None and yearless:
        m2 = next((x for x in T.DEADLINE_DAY_MONTH_RE.finditer(seg) if not _excluded(base + x.end() - 1, windows)), None)
        if m2:
            day, month = int(m2.group("day")), int(m2.group("month"))
            day_month = (day, month)
            d_span, precision, lead = (m2.start(), m2.end()), "day-month", (m2.group("lead") or "").lower()
    if d_span is None:
        for m in T.DEADLINE_YEAR_RE.finditer(seg):
            year = int(m.group("year"))
            lead = (m.group("lead") or "").lower()
            if lead == "của" or _excluded(base + m.end() - 1, citation_dates):
                continue
            deadline = dt.date(year, 12, 31)
            d_span, precision = (m.start(), m.end()), "year"
            break
    if d_span is None:
        m2 = next((x for x in T.DEADLINE_DAY_MONTH_RE.finditer(seg) if not _excluded(base + x.end() - 1, windows)), None)
        if m2 and T.RECURRING_RE.search(seg):
            day, month = int(m2.group("day")), int(m2.group("month"))
            day_month = (day, month)
            d_span, precision, lead = (m2.start(), m2.end()), "day-month", (m2.group("lead") or "").lower()
    if d_span is None:
        return None
    action: Action | None = None
    if T.RECOGNISE_AGAIN_RE.search(seg):
        action = "cong-nhan-lai"
    elif T.DOSSIER_RE.search(seg) and T.SEND_RE.search(seg):
        action = "ho-so"
    elif T.RECOGNISE_RE.search(seg):
        action = "cong-nhan"
    elif T.BUILD_RE.search(seg):
        action = "xay-dung"
    share = share_span = unit = None
    sm = T.SHARE_RE.search(seg)
    if sm:
        share = float(sm.group("value").replace(",", "."))
        share_span = src.span(base + sm.start("value"), base + sm.end())
        um = T.UNIT_AFTER_SHARE_RE.match(seg, sm.end())
        if um:
            unit = UNIT_LEVEL.get(" ".join(um.group("unit").split()))
    addressee = addressee_text = addressee_span = None
    am = T.ADDRESSEE_RE.search(seg)
    if am:
        addressee = OFFICE_LEVEL[am.group("office")]
        addressee_text = " ".join(am.group("addressee").split())
        addressee_span = src.span(base + am.start("addressee"), base + am.end("addressee"))
    evaluation_year = _evaluation_year(seg)
    stripped_start = base + (len(seg) - len(seg.lstrip()))
    stripped_end = base + len(seg.rstrip())
    return Target(
        span=src.span(stripped_start, max(stripped_start, stripped_end)),
        text=src.text[stripped_start:stripped_end],
        level=level,
        muc_do=muc_do,
        action=action,
        completes=bool(T.COMPLETE_RE.search(seg)),
        deadline=deadline,
        deadline_span=src.span(base + d_span[0], base + d_span[1]),
        precision=precision,
        lead=lead,
        recurring=bool(T.RECURRING_RE.search(seg)),
        share=share,
        share_span=share_span,
        unit=unit,
        addressee=addressee,
        addressee_text=addressee_text,
        addressee_span=addressee_span,
        evaluation_year=evaluation_year,
        in_quote=in_quote,
        day_month=day_month,
    )
