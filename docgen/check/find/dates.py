"""Find every date written in the text, possible or not."""

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
from docgen.check.find.text import _date, _excluded, nfc_text, shared

@dataclass(frozen=True)
class DateMention:
    """A date written anywhere in the text, possibly impossible ("31/6/2026")."""

    span: Span
    text: str
    day: int
    month: int
    year: int | None
    date: dt.date | None  # None when the day does not exist


def find_dates(draft: Draft) -> list[DateMention]:
    """Every full date ("ngày 30/6/2026", "31 tháng 6 năm 2026") and "ngày dd/mm" without a year
    (found once per draft text and shared by the rules that ask)."""
    return list(shared(draft.text, "dates", lambda: _find_dates(draft)))


def _find_dates(draft: Draft) -> list[DateMention]:
    src = nfc_text(draft)
    text = src.text
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for m in P.ANY_DATE_RE.finditer(text):
        g = m.groupdict()
        d, mo, y = (int(g.get("d1") or g["d2"]), int(g.get("m1") or g["m2"]), int(g.get("y1") or g["y2"]))
        out.append(DateMention(src.span(m.start(), m.end()), m.group(0), d, mo, y, _date(str(d), str(mo), str(y))))
        taken.append((m.start(), m.end()))
    for m in T.DEADLINE_DAY_MONTH_RE.finditer(text):
        if _excluded(m.start("day"), taken):
            continue
        d, mo = int(m.group("day")), int(m.group("month"))
        ok = 1 <= mo <= 12 and 1 <= d <= (29 if mo == 2 else calendar.monthrange(2001, mo)[1])
        start = m.start("day") - len("ngày ") if text[max(0, m.start("day") - 5) : m.start("day")].strip() else m.start("day")
        start = max(m.start(), start)
        out.append(DateMention(src.span(start, m.end()), text[start : m.end()], d, mo, None, dt.date(2000, mo, d) if ok else None))
    out.sort(key=lambda x: x.span.start)
    return out
