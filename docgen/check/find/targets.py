"""Find plan targets and dated steps about "Cộng đồng học tập"."""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from docgen.check.model import Draft, Span
from docgen.check.patterns import cite as P
from docgen.check.patterns import target as T
from docgen.check.find.citations import _citations
from docgen.check.find.text import LEVEL_KEYS, OFFICE_LEVEL, UNIT_LEVEL, _blank, _clauses, _date, _excluded, _quote_regions, nfc_text
from docgen.check.find.text import SearchText as _Text

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


def find_targets(draft: Draft) -> list[Target]:
    """Plan targets and dated steps about "Cộng đồng học tập", one per clause."""
    src = nfc_text(draft)
    text = src.text
    regions = _quote_regions(text)
    # a citation's own date ("Thông tư … ngày 27 tháng 12 năm 2023") is never a deadline
    citation_dates = [(c.span.start, c.span.end) for c in _citations(_Text(text)) if not c.self_ref]
    out: list[Target] = []
    # quotations and the cited documents themselves (their trích yếu "… cấp xã, huyện, tỉnh") are
    # not the plan's words
    hidden = sorted(regions + citation_dates)
    for a, b in _clauses(text, regions):
        blanked = _blank(text, hidden, a, b)
        target = _target(src, blanked, a, citation_dates, in_quote=False)
        if target is not None:
            out.append(target)
    # a table row (a .docx row's cells, one line each; a .txt row's cells split by tabs) is one
    # sentence: "Gửi hồ sơ … cấp xã | Ủy ban nhân dân xã | Trước ngày 31/3/2025"
    about_cdht = bool(T.CDHT_RE.search(text))
    for a, b in _table_rows(draft, text):
        if any(a <= t.span.start < b for t in out) or T.OTHER_TITLE_RE.search(text, a, b):
            continue
        row = _blank(text, hidden, a, b).replace("\n", " ")
        target = _target(src, row, a, citation_dates, in_quote=False, about_cdht=about_cdht)
        if target is not None:
            out.append(target)
    for a, b in regions:
        inner = text[a:b]
        target = _target(src, inner, a, citation_dates, in_quote=True)
        if target is not None:
            out.append(target)
    out.sort(key=lambda t: t.span.start)
    return out


def _levels(segment: str) -> tuple[str | None, int | None]:
    m = T.LEVEL_MUC_DO_RE.search(segment)
    if m:
        return LEVEL_KEYS[m.group("level").lower()], int(m.group("muc_do"))
    levels = {LEVEL_KEYS[x.group("level").lower()] for x in T.LEVEL_RE.finditer(segment)}
    mucs = {int(x.group("muc_do")) for x in T.MUC_DO_RE.finditer(segment)}
    level = levels.pop() if len(levels) == 1 else None
    muc = mucs.pop() if len(mucs) == 1 else None
    return level, muc


def levels_in(segment: str) -> tuple[set[str], set[int]]:
    """Every level ("xa", "huyen", "tinh") and mức độ named in a piece of text."""
    levels = {LEVEL_KEYS[x.group("level").lower()] for x in T.LEVEL_RE.finditer(segment)}
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


def _table_rows(draft: Draft, text: str) -> list[tuple[int, int]]:
    """(start, end) in ``text`` of each table row spread over several lines (.docx) or cut by tabs (.txt)."""
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    rows: list[tuple[int, int]] = []
    for index in draft.meta.get("tab_rows", ()):
        if index < len(lines):
            rows.append((starts[index], starts[index] + len(lines[index])))
    if draft.docx is None:
        return rows
    keys = [_row_key(line) for line in lines]
    j = 0
    for table in draft.docx.tables:
        for row in table.rows:
            cells: list[str] = []
            seen: set[int] = set()
            for cell in row.cells:
                if id(cell._tc) in seen:
                    continue
                seen.add(id(cell._tc))
                cells.extend(k for k in (_row_key(unicodedata.normalize("NFC", p.text)) for p in cell.paragraphs) if k)
            found: list[int] = []
            for key in cells:
                for k in range(j, len(lines)):
                    if keys[k] == key:
                        found.append(k)
                        j = k + 1
                        break
            if len(found) >= 2 and len(found) == len(cells) and found[-1] - found[0] < 2 * len(cells):
                rows.append((starts[found[0]], starts[found[-1]] + len(lines[found[-1]])))
    return sorted(rows)


def _row_key(text: str) -> str:
    return "".join(text.split())


def _target(
    src: _Text, seg: str, base: int, citation_dates: list[tuple[int, int]], *, in_quote: bool, about_cdht: bool = False,
) -> Target | None:
    if not about_cdht and not T.CDHT_RE.search(seg):
        return None  # "Đơn vị học tập" (TT24) and the like have other deadlines
    level, muc_do = _levels(seg)
    if level is None:
        return None
    deadline: dt.date | None = None
    d_span: tuple[int, int] | None = None
    precision: Precision | None = None
    lead = ""
    day_month: tuple[int, int] | None = None
    # a data window ("số liệu từ ngày 01/01/2024 đến ngày 31/12/2024") is a period, not a deadline
    windows = [(base + w.start(), base + w.end()) for w in T.DATA_WINDOW_YEAR_RE.finditer(seg)]
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
        for m in T.DEADLINE_MONTH_RE.finditer(seg):
            month, year = int(m.group("month")), int(m.group("year"))
            if not 1 <= month <= 12 or _excluded(base + m.end() - 1, citation_dates):
                continue
            deadline = dt.date(year, month, calendar.monthrange(year, month)[1])
            lead = " ".join(m.group("lead").split()).lower()
            precision = "month"
            d_span = (m.start() + len(m.group("lead")) - len(m.group("lead").lstrip()), m.end())
            break
    if deadline is None:
        for m in T.DEADLINE_YEAR_RE.finditer(seg):
            year = int(m.group("year"))
            lead = (m.group("lead") or "").lower()
            if lead == "của" or _excluded(base + m.end() - 1, citation_dates):
                continue
            deadline = dt.date(year, 12, 31)
            d_span, precision = (m.start(), m.end()), "year"
            break
    if deadline is None:
        m2 = T.DEADLINE_DAY_MONTH_RE.search(seg)
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
