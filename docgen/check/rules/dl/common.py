"""Shared by the DL rules: the law's timeline, which targets are deadlines, how to print them."""

from __future__ import annotations

from typing import Any

from docgen import vi
from docgen.check.find import Target
from docgen.check.rules.base import CheckContext

LOWER_LEVEL = {"huyen": "xa", "tinh": "huyen"}
# TT25 điểm a khoản 4 Điều 11, 12 (≥ 90 % số xã) and Điều 16, 17 (≥ 90 % số huyện).
DEPENDENCY_SHARE = 90.0


def timeline() -> Any:
    """The law package's timeline module (imported late: law data loads on first use)."""
    from docgen.law import timeline

    return timeline


def is_deadline(t: Target) -> bool:
    """A "by" deadline ("Đến hết tháng 3 năm 2026", "trước ngày …"), not a start ("Từ năm 2027")."""
    if t.deadline is None or t.precision == "day-month":
        return False
    if t.lead.startswith("từ"):
        return False
    if t.precision == "year" and not t.completes and t.lead not in ("đến", "hết", "trước", "cuối", "đến hết", "đến cuối"):
        return False
    return True


def recognitions(ctx: CheckContext) -> list[Target]:
    """Targets that promise a first recognition (or upgrade) by a date, outside quotations."""
    return [
        t for t in ctx.targets
        if not t.in_quote and t.action == "cong-nhan" and t.level is not None and is_deadline(t)
    ]


def when(t: Target) -> str:
    """A target's deadline as the draft gave it: "tháng 3/2026", "năm 2025", "31/03/2026"."""
    assert t.deadline is not None
    if t.precision == "month":
        return f"tháng {t.deadline.month}/{t.deadline.year}"
    if t.precision == "year":
        return f"năm {t.deadline.year}"
    return vi.date_short(t.deadline)


def unit(level: str) -> str:
    """"cấp xã" for "xa"."""
    return vi.LEVELS[level]


def level_label(t: Target) -> str:
    """"cấp xã", or "cấp xã (theo tiêu đề mục 1)" when the level was learnt outside the sentence."""
    assert t.level is not None
    return f"{unit(t.level)} ({t.level_source})" if t.level_source else unit(t.level)
