"""Vietnamese text for ``docgen refs`` and ``docgen timeline`` (the CLI only prints these).

A fact below high confidence is marked "(cần xác minh)".
"""

from __future__ import annotations

import datetime as dt
import json

from docgen import vi
from docgen.errors import UsageError
from docgen.law import timeline as tl
from docgen.law import tt25
from docgen.law.registry import RegistryEntry, Source, load_registry
from docgen.law.tt25 import Level, Locator, MucDo

MARK = f"({tl.VERIFY})"


def _mark(source: Source) -> str:
    return f" {MARK}" if source.confidence != "high" else ""


def parse_day(text: str | None) -> dt.date | None:
    """``dd/mm/yyyy`` from the command line, or None; a bad date is a :class:`UsageError`."""
    if text is None:
        return None
    try:
        return vi.parse_date(text)
    except vi.DateError as exc:
        raise UsageError(f"--ngay: {exc}") from None


def _tt25_ref(locator: Locator) -> str:
    """"điểm d khoản 1 Điều 9 TT 25/2023/TT-BGDĐT"."""
    return f"{locator.text()} TT {tt25.load_tt25().symbol}"


# ---------------------------------------------------------------- refs


def _date_cell(entry: RegistryEntry) -> str:
    if entry.signed is None or entry.date_confidence == "not-found":
        return "—"
    text = vi.date_short(entry.signed)
    return text + "?" if entry.date_confidence == "low" else text


def refs_report(symbol: str | None, ngay: str | None) -> str:
    """``docgen refs [SYMBOL] [--ngay]``: the listing, or one entry; status as of ``ngay`` (default today)."""
    on = parse_day(ngay) or dt.date.today()
    return refs_entry(symbol, on) if symbol else refs_listing(on)


def refs_listing(on: dt.date) -> str:
    """One line per registry entry: symbol, kind, date, confidence, status on ``on``."""
    entries = load_registry().entries
    width = max(len(e.symbol) for e in entries)
    head = f"{'Số, ký hiệu':<{width}}  {'Loại':<11}  {'Ngày ký':<11}  {'Tin cậy':<14}  Hiệu lực ngày {vi.date_short(on)}"
    lines = [head, "-" * len(head)]
    for e in entries:
        conf = tl.CONFIDENCE_LABELS[e.confidence]
        lines.append(f"{e.symbol:<{width}}  {e.kind_name:<11}  {_date_cell(e):<11}  {conf:<14}  {e.status_on(on).label}")
    return "\n".join(lines)


def _ids_to_symbols(ids: tuple[str, ...] | list[str]) -> str:
    registry = load_registry()
    out = []
    for i in ids:
        entry = registry.by_id(i)
        out.append(entry.symbol if entry else i)
    return ", ".join(out)


def refs_entry(symbol: str, on: dt.date) -> str:
    """The full entry for ``symbol`` and its citations; a known wrong form names the right one."""
    registry = load_registry()
    lines: list[str] = []
    entry = registry.get(symbol)
    if entry is None:
        entry = registry.find_alias(symbol)
        if entry is None:
            raise UsageError(f"“{symbol}” không có trong sổ đăng ký văn bản (docgen refs liệt kê các văn bản đã có)")
        lines.append(f"“{symbol}” là cách viết sai đã gặp của {entry.symbol}.")
    conf = tl.CONFIDENCE_LABELS
    lines.append(f"Số, ký hiệu: {entry.symbol}" + (f" (cũng viết: {', '.join(entry.aliases)})" if entry.aliases else ""))
    lines.append(f"Loại: {entry.kind_name}")
    lines.append(f"Cơ quan ban hành: {entry.issuer}")
    lines.append(f"Thẩm quyền ký: {entry.signer_title}" + (f" (người ký: {entry.signer_name})" if entry.signer_name else ""))
    if entry.signed is None:
        hint = f"; nguồn có ghi {vi.date_short(entry.date_hint)} kèm dấu hỏi" if entry.date_hint else ""
        lines.append(f"Ngày ký: không tìm thấy{hint} {MARK}")
    else:
        mark = f" {MARK}" if entry.date_confidence != "high" else ""
        lines.append(f"Ngày ký: {vi.date_short(entry.signed)} (độ tin cậy: {conf[entry.date_confidence]}){mark}")
    if entry.effective:
        lines.append(f"Ngày có hiệu lực: {vi.date_short(entry.effective)}")
    if entry.title:
        mark = f" {MARK}" if entry.title_confidence != "high" else ""
        lines.append(f"Trích yếu: {entry.title}{mark}")
    else:
        lines.append(f"Trích yếu: không tìm thấy {MARK}" + (f"; nội dung: {entry.subject}" if entry.subject else ""))
    lines.append(f"Hiệu lực ngày {vi.date_short(on)}: {entry.status_on(on).label}")
    if entry.repealed_on:
        by = f" bởi {_ids_to_symbols([entry.repealed_by])}" if entry.repealed_by else ""
        lines.append(f"Hết hiệu lực: từ {vi.date_short(entry.repealed_on)}{by}")
    if entry.repeals:
        lines.append(f"Bãi bỏ: {_ids_to_symbols(entry.repeals)}")
    if entry.amended_by:
        lines.append(f"Được sửa đổi bởi: {_ids_to_symbols(entry.amended_by)}")
    if entry.affected_by:
        lines.append(f"Chịu tác động của: {_ids_to_symbols(entry.affected_by)}")
    for wrong in entry.wrong_forms:
        lines.append(f"Cách viết sai đã gặp: “{wrong.value}” — {wrong.note}")
    if entry.note:
        lines.append(f"Ghi chú: {entry.note}")
    lines.append(f"Nguồn: {entry.source.ref} (độ tin cậy: {conf[entry.confidence]}){_mark(entry.source)}")
    lines.append(f"Trích dẫn lần đầu: {entry.citation()}")
    lines.append(f"Trích dẫn lần sau: {entry.short()}")
    return "\n".join(lines)


# ---------------------------------------------------------------- timeline


_LEVELS: dict[str, Level] = {"xa": "xa", "huyen": "huyen", "tinh": "tinh"}
_MUC_DO: dict[str, MucDo] = {"1": 1, "2": 2}


def timeline_report(cap: str, muc_do: str, nam: int, ngay: str | None, fmt: str) -> str:
    """``docgen timeline``: the milestones of one unit and year as Vietnamese text or JSON."""
    level = _LEVELS.get(cap)
    level_muc_do = _MUC_DO.get(muc_do)
    if level is None:
        raise UsageError(f"--cap: “{cap}” không hợp lệ (xa, huyen, tinh)")
    if level_muc_do is None:
        raise UsageError(f"--muc-do: “{muc_do}” không hợp lệ (1 hoặc 2)")
    return format_timeline(tl.milestones(level, level_muc_do, nam, parse_day(ngay)), fmt)


def format_timeline(result: tl.Timeline, fmt: str = "text") -> str:
    """A timeline as Vietnamese text (each fact with its clause) or as JSON."""
    level, muc_do, evaluation_year = result.level, result.muc_do, result.evaluation_year
    if fmt == "json":
        return json.dumps(result.to_dict(), ensure_ascii=False, indent=2)
    regime = result.regime
    lines = [
        f"Cộng đồng học tập {vi.LEVELS[level]}, mức độ {muc_do}, năm đánh giá {evaluation_year}",
        f"Chế độ áp dụng: {regime.name} (từ {vi.date_short(regime.start)}; {regime.id}){_mark(regime.source)}",
        f"Tiêu chí: Điều {result.criteria_article} TT {tt25.load_tt25().symbol}",
    ]
    if result.stale:
        lines.append(f"Cấp này không còn đơn vị áp dụng theo chế độ này {MARK}")
    for m in result.milestones:
        lines.append(f"- {m.label}: {m.text} ({_tt25_ref(m.locator)}){_mark(m.source)}")
    if result.warnings:
        lines.append("Cảnh báo:")
        lines.extend(f"- {w}" for w in result.warnings)
    return "\n".join(lines)
