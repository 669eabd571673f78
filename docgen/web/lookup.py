"""Tra cứu: the pages of ``docgen timeline``, ``docgen refs`` and ``docgen rules``.

Each page calls the function its command prints (:mod:`docgen.law.show`,
:mod:`docgen.check.report.text`) and only lays the lines out; the registry table reads the same
entry fields as ``refs_listing``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from docgen import vi
from docgen.errors import DocgenError, UsageError
from docgen.web import core


@dataclass(frozen=True)
class Line:
    """A line of a report: a fact "label: value", or an item ("- …") of a list."""

    label: str
    value: str
    item: bool
    section: str = ""  # the plain line ending with ":" that the item is listed under ("Cảnh báo:")


def split_lines(report: str) -> list[Line]:
    """The lines of a CLI report: "- label: value" items, "label: value" facts, plain lines;
    items after a line such as "Cảnh báo:" belong to that section and are kept whole."""
    out: list[Line] = []
    section = ""
    for raw in report.strip("\n").split("\n"):
        item = raw.startswith("- ")
        text = raw[2:] if item else raw
        if not item and text.endswith(":"):
            section = text[:-1]
            continue
        if item and section:
            out.append(Line("", text, True, section))
            continue
        label, sep, value = text.partition(": ")
        out.append(Line(label, value, item) if sep else Line("", text, item))
    return out


def timeline_lines(cap: str, muc_do: str, nam: str, ngay: str | None) -> list[Line]:
    from docgen.law import show

    try:
        year = int(nam)
    except ValueError:
        raise UsageError(f"năm đánh giá “{nam}” phải là một số, ví dụ 2025") from None
    return split_lines(show.timeline_report(cap, muc_do, year, ngay, "text"))


async def index(request: Request) -> Response:
    return core.html("lookup.html", tab="/tra-cuu")


async def timeline(request: Request) -> Response:
    q = request.query_params
    cap, muc_do, nam, ngay = q.get("cap", "xa"), q.get("muc_do", "1"), q.get("nam", ""), q.get("ngay", "").strip()
    lines: list[Line] = []
    error = None
    if nam:
        try:
            lines = await core.off_loop(timeline_lines, cap, muc_do, nam, ngay or None)
        except DocgenError as exc:
            error = str(exc)
    return core.html("timeline.html", tab="/tra-cuu", status=400 if error else 200, cap=cap, muc_do=muc_do,
                     nam=nam or str(dt.date.today().year), ngay=ngay, lines=lines, error=error, levels=vi.LEVELS)


@dataclass(frozen=True)
class RegistryRow:
    symbol: str
    kind: str
    signed: str
    confidence: str
    status: str
    title: str


def registry_rows(ngay: str | None) -> tuple[str, list[RegistryRow]]:
    """The rows of ``docgen refs`` (the same fields as :func:`docgen.law.show.refs_listing`)."""
    from docgen.law import show
    from docgen.law import timeline as tl
    from docgen.law.registry import load_registry

    on = show.parse_day(ngay) or dt.date.today()
    rows = [RegistryRow(e.symbol, e.kind_name, show._date_cell(e), tl.CONFIDENCE_LABELS[e.confidence],
                        e.status_on(on).label, e.title or "") for e in load_registry().entries]
    return vi.date_short(on), rows


def registry_entry(symbol: str, ngay: str | None) -> list[Line]:
    from docgen.law import show

    return split_lines(show.refs_report(symbol, ngay))


async def registry(request: Request) -> Response:
    symbol = request.query_params.get("so", "").strip()
    ngay = request.query_params.get("ngay", "").strip()
    error = None
    entry: list[Line] = []
    on, rows = "", list[RegistryRow]()
    try:
        if symbol:
            entry = await core.off_loop(registry_entry, symbol, ngay or None)
        else:
            on, rows = await core.off_loop(registry_rows, ngay or None)
    except DocgenError as exc:
        error = str(exc)
    return core.html("registry.html", tab="/tra-cuu", status=400 if error else 200, symbol=symbol, ngay=ngay,
                     on=on, rows=rows, entry=entry, error=error)


@dataclass(frozen=True)
class RuleRow:
    code: str
    severity: str
    severity_word: str
    name: str
    summary: str
    family: str
    fixable: bool


def rule_rows() -> list[tuple[str, list[RuleRow]]]:
    """The rules of ``docgen rules``, by family, in the CLI's order."""
    from docgen.check.rules.base import FAMILIES, all_rules

    out: list[tuple[str, list[RuleRow]]] = []
    for r in all_rules():
        title = f"{r.family()}: {FAMILIES.get(r.family(), '')}"
        if not out or out[-1][0] != title:
            out.append((title, []))
        out[-1][1].append(RuleRow(r.code, r.severity.value, vi.SEVERITY_WORDS[r.severity.value], r.name, r.summary(),
                                  r.family(), r.fix.value == "safe"))
    return out


async def rules(request: Request) -> Response:
    from docgen.check.report.text import render_rule_doc

    code = request.query_params.get("ma", "").strip()
    error = None
    doc = ""
    families: list[tuple[str, list[RuleRow]]] = []
    try:
        if code:
            doc = await core.off_loop(render_rule_doc, code)
        else:
            families = await core.off_loop(rule_rows)
    except DocgenError as exc:
        error = str(exc)
    return core.html("rules.html", tab="/tra-cuu", status=400 if error else 200, code=code, doc=doc,
                     families=families, error=error)


routes = [
    Route("/tra-cuu", index, methods=["GET"]),
    Route("/tra-cuu/moc-thoi-gian", timeline, methods=["GET"]),
    Route("/tra-cuu/van-ban", registry, methods=["GET"]),
    Route("/tra-cuu/quy-tac", rules, methods=["GET"]),
]
