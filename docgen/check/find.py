"""Find the parts of a draft that rules reason about: citations, article locators, targets.

Three verbs, one per kind of part (eyecite's ``get_citations`` style):

* :func:`find_citations`: "Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023 của … Quy định về …";
* :func:`find_locators`: "điểm a khoản 4 Điều 17 của Thông tư này", with the document each
  belongs to, the clause around it and whether it sits inside a verbatim quotation;
* :func:`find_targets`: plan targets and deadlines ("Đến hết tháng 3 năm 2026, ít nhất 90% các
  xã … được công nhận … cấp xã mức độ 1"; "… gửi hồ sơ đến Bộ … trước ngày 31 tháng 7 năm 2026").

All spans are offsets into ``draft.text``. The text is NFC already when it comes from
:func:`docgen.check.inputs.read_draft`; NFD text given directly is normalised here with an
offset map, so the spans still point into the text as given.
"""

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

Precision = Literal["day", "month", "year", "day-month"]
Action = Literal["cong-nhan", "cong-nhan-lai", "ho-so", "xay-dung"]

LEVEL_KEYS: dict[str, str] = {"xã": "xa", "huyện": "huyen", "tỉnh": "tinh"}
UNIT_LEVEL: dict[str, str] = {
    "xã": "xa", "phường": "xa", "thị trấn": "xa",
    "huyện": "huyen", "quận": "huyen", "thị xã": "huyen", "thành phố": "huyen",
    "tỉnh": "tinh",
}
OFFICE_LEVEL: dict[str, str] = {"Phòng": "phong", "Sở": "so", "Bộ": "bo"}


# ---------------------------------------------------------------- data


@dataclass(frozen=True)
class Citation:
    """One citation of a document as written in the draft."""

    span: Span
    text: str
    kind: str  # "Thông tư", "Quyết định", … (capitalised as in the kind table)
    has_so: bool  # the word "số" is there
    self_ref: bool = False  # "Thông tư này"
    kind_span: Span | None = None  # the kind as written ("thông tư", "Thông tư")
    in_title: bool = False  # named inside another citation's trích yếu ("… về tiếp tục thực hiện Chỉ thị số 11-CT/TW")
    number: str | None = None
    symbol_text: str | None = None  # as written: "25/2023/TT- BGDĐT"
    symbol: str | None = None  # normalised: "25/2023/TT-BGDĐT"
    symbol_span: Span | None = None
    date: dt.date | None = None  # None when absent or impossible
    date_text: str | None = None  # "ngày 27/12/2023", "n gày 27/12/2023"
    date_span: Span | None = None
    date_value_span: Span | None = None  # the date without "ngày": "27/12/2023"
    date_words: bool = False  # "ngày 30 tháng 7 năm 2021" rather than "ngày 30/7/2021"
    issuer: str | None = None
    issuer_span: Span | None = None
    title: str | None = None
    title_span: Span | None = None


@dataclass(frozen=True)
class ArticleRef:
    """An article locator ("điểm a khoản 4 Điều 17") and what it belongs to."""

    span: Span
    text: str
    article: int | None  # None for "Điều này"
    clause: int | None
    point: str | None
    doc: str | None  # normalised symbol, "self" ("Thông tư này", "Điều này"), or None (unknown)
    doc_explicit: bool  # the document is named right after the locator
    in_quote: bool  # inside a verbatim quotation
    clause_span: Span  # the sentence or clause around it
    context: str  # that clause with quotations blanked out
    quote: Span | None = None  # the quotation that the locator introduces ("… quy định: “…”")
    footnote: str | None = None  # footnote number when the locator is in a footnote
    anchor_context: str | None = None  # the body clause that carries that footnote's marker


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


@dataclass
class _Text:
    """The NFC text searched and a map from its offsets back to the draft's."""

    text: str
    back: list[int] = field(default_factory=list)

    def span(self, start: int, end: int) -> Span:
        if not self.back:
            return Span(start, end)
        return Span(self.back[start], self.back[end])


def _nfc_text(draft: Draft) -> _Text:
    text = draft.text
    if unicodedata.is_normalized("NFC", text):
        return _Text(text)
    out: list[str] = []
    back: list[int] = []
    i = 0
    while i < len(text):
        j = i + 1
        while j < len(text) and unicodedata.combining(text[j]):
            j += 1
        piece = unicodedata.normalize("NFC", text[i:j])
        out.append(piece)
        back.extend([i] * len(piece))
        i = j
    back.append(len(text))
    return _Text("".join(out), back)


# ---------------------------------------------------------------- helpers


def _date(d: str | None, m: str | None, y: str | None) -> dt.date | None:
    try:
        return dt.date(int(y or ""), int(m or ""), int(d or ""))
    except ValueError:
        return None


def _kind_name(raw: str) -> str:
    flat = " ".join(raw.split())
    for name in P.KIND_NAMES:
        if name.lower() == flat.lower():
            return name
    return flat


def normalize_symbol(raw: str) -> str:
    """The registry's normal form of a symbol ("25/2023/TT- BGDĐT" → "25/2023/TT-BGDĐT")."""
    from docgen.law.registry import normalize_symbol as law_normalize

    # "BGD&ĐT" is a common spelling of "BGDĐT"; the registry knows only the official one
    return law_normalize(raw.replace("&", ""))


def _quote_regions(text: str) -> list[tuple[int, int]]:
    """Verbatim quotations: from a quote mark after ":" to the quote that closes the passage."""
    regions: list[tuple[int, int]] = []
    pos = 0
    while True:
        m = P.QUOTE_OPEN_RE.search(text, pos)
        if not m:
            break
        start = m.end() - 1
        line_end = text.find("\n", start)
        line_end = len(text) if line_end < 0 else line_end
        close = P.QUOTE_CLOSE_RE.search(text, m.end(), line_end)
        end = close.start() + 1 if close else line_end
        regions.append((start, end))
        pos = end
    return regions


def _inside(regions: list[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    starts = [r[0] for r in regions]
    i = bisect.bisect_right(starts, offset) - 1
    if i >= 0 and regions[i][0] <= offset < regions[i][1]:
        return regions[i]
    return None


def _blank(text: str, regions: list[tuple[int, int]], start: int, end: int) -> str:
    """``text[start:end]`` with quotations replaced by spaces (lengths kept)."""
    chars = list(text[start:end])
    for a, b in regions:
        for k in range(max(a, start), min(b, end)):
            chars[k - start] = " "
    return "".join(chars)


def _clauses(text: str, regions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Split into clauses at ";", sentence ends and line breaks, never inside a quotation."""
    cuts = [0]
    for m in P.SENTENCE_END_RE.finditer(text):
        if _inside(regions, m.start()) is None:
            cuts.append(m.end())
    cuts.append(len(text))
    out = []
    for a, b in zip(cuts, cuts[1:]):
        if text[a:b].strip():
            out.append((a, b))
    return out


_FOOTNOTE_LINE = P.FOOTNOTE_LINE_RE
_FOOTNOTE_MARK = P.FOOTNOTE_MARK_RE


# ---------------------------------------------------------------- citations


def find_citations(draft: Draft) -> list[Citation]:
    """Every citation of a document ("Thông tư số …", "Kết luận số 49-KL/TW", "Thông tư này")."""
    src = _nfc_text(draft)
    return list(_citations(src))


def _citations(src: _Text) -> Iterator[Citation]:
    text = src.text
    pos = 0
    nested_at = -1  # where a citation found inside the previous trích yếu starts
    while True:
        m = P.CITATION_RE.search(text, pos)
        if m is None:
            return
        pos = m.end()
        in_title = m.start() == nested_at
        g = m.groupdict()
        symbol_text = g.get("symbol")
        kind_span = src.span(m.start("kind"), m.end("kind"))
        if symbol_text is None:
            yield Citation(span=src.span(m.start(), m.end()), text=m.group(0), kind=_kind_name(g["kind"]), has_so=False, self_ref=True, kind_span=kind_span)
            continue
        title = g.get("title")
        title_start, title_end = (m.start("title"), m.end("title")) if title else (0, 0)
        if title:
            # a trích yếu never holds another citation: "Công văn số … về việc triển khai Thông tư số …"
            nested = P.CITATION_RE.search(text, title_start + 1, title_end)
            if nested is not None:
                title_end = title_start + len(text[title_start : nested.start()].rstrip(" ,"))
                title = text[title_start:title_end] if title_end > title_start else None
                pos = nested_at = nested.start()
        if title:
            end = title_end
        elif g.get("title"):  # the whole "title" was another citation
            end = max(m.end(part) for part in ("symbol", "date", "issuer") if g.get(part))
        else:
            end = m.end()
        date_text = g.get("date")
        date: dt.date | None = None
        if date_text is not None:
            date = _date(g.get("d1") or g.get("d2"), g.get("m1") or g.get("m2"), g.get("y1") or g.get("y2"))
        yield Citation(
            span=src.span(m.start(), end),
            text=text[m.start() : end],
            kind=_kind_name(g["kind"]),
            has_so=bool(g.get("so") or g.get("so_colon")),
            kind_span=kind_span,
            in_title=in_title,
            number=g.get("number") or g.get("pnumber"),
            symbol_text=symbol_text,
            symbol=normalize_symbol(symbol_text),
            symbol_span=src.span(m.start("symbol"), m.end("symbol")),
            date=date,
            date_text=date_text,
            date_span=src.span(m.start("date"), m.end("date")) if date_text else None,
            date_value_span=_value_span(src, m) if date_text else None,
            date_words=bool(g.get("d2")),
            issuer=" ".join(g["issuer"].split()).rstrip(",") if g.get("issuer") else None,
            issuer_span=src.span(m.start("issuer"), m.end("issuer")) if g.get("issuer") else None,
            title=" ".join(title.split()) if title else None,
            title_span=src.span(title_start, title_end) if title else None,
        )


def _value_span(src: _Text, m: re.Match[str]) -> Span:
    first = "d1" if m.group("d1") else "d2"
    last = "y1" if m.group("y1") else "y2"
    return src.span(m.start(first), m.end(last))


# ---------------------------------------------------------------- locators


def find_locators(draft: Draft) -> list[ArticleRef]:
    """Every "điểm … khoản … Điều …" with its document, clause, quotation status, footnote."""
    src = _nfc_text(draft)
    text = src.text
    regions = _quote_regions(text)
    clauses = _clauses(text, regions)
    clause_starts = [c[0] for c in clauses]
    citations = list(_citations(_Text(text)))
    anchors = _footnote_anchors(text, regions, clauses)
    out: list[ArticleRef] = []
    for m in P.LOCATOR_RE.finditer(text):
        art = m.group("article")
        article = None if art == "này" else int(art)
        clause = int(m.group("clause")) if m.group("clause") else None
        point = m.group("point")
        doc: str | None = None
        explicit = False
        after = P.LOCATOR_DOC_RE.match(text, m.end())
        if art == "này":
            doc = "self"
        elif after:
            explicit = True
            doc = "self" if after.group("self") else normalize_symbol(after.group("symbol"))
        ci = max(0, bisect.bisect_right(clause_starts, m.start()) - 1)
        c_start, c_end = clauses[ci] if clauses else (0, len(text))
        region = _inside(regions, m.start())
        if doc is None:
            doc = _nearest_document(text, citations, m.start())
        elif doc == "self" and region is not None:
            # "Điều 8 của Thông tư này" inside a quotation of TT25 means TT25, not the draft.
            doc = _nearest_document(text, [c for c in citations if not c.self_ref], region[0]) or "self"
        quote = None
        tail = text[m.end() : m.end() + 120]
        if after:
            tail = text[after.end() : after.end() + 120]
        intro = P.SAYS_INTRO_RE.match(tail)
        if intro and region is None:
            for a, b in regions:
                if a >= m.end() and a - m.end() < 200:
                    quote = src.span(a, b)
                    break
        line_start = text.rfind("\n", 0, m.start()) + 1
        fn = _FOOTNOTE_LINE.match(text, line_start)
        footnote = fn.group(1) if fn else None
        out.append(
            ArticleRef(
                span=src.span(m.start(), m.end()),
                text=m.group(0),
                article=article,
                clause=clause,
                point=point,
                doc=doc,
                doc_explicit=explicit,
                in_quote=region is not None,
                clause_span=src.span(c_start, c_end),
                context=_blank(text, regions, c_start, c_end),
                quote=quote,
                footnote=footnote,
                anchor_context=anchors.get(footnote) if footnote else None,
            )
        )
    return out


def _nearest_document(text: str, citations: list[Citation], offset: int) -> str | None:
    """The document a bare "Điều 11" belongs to: the last citation before it on the same line."""
    line_start = text.rfind("\n", 0, offset) + 1
    best: str | None = None
    for c in citations:
        if c.span.start >= offset:
            break
        if c.span.start >= line_start:
            best = "self" if c.self_ref else c.symbol
    return best


def _footnote_anchors(text: str, regions: list[tuple[int, int]], clauses: list[tuple[int, int]]) -> dict[str, str]:
    """Footnote number → the body clause (quotations blanked) that carries its marker."""
    anchors: dict[str, str] = {}
    starts = [c[0] for c in clauses]
    for m in _FOOTNOTE_MARK.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if _FOOTNOTE_LINE.match(text, line_start) and m.start() - line_start < 6:
            continue
        ci = max(0, bisect.bisect_right(starts, m.start()) - 1)
        if not clauses:
            continue
        a, b = clauses[ci]
        if a == m.start() and ci > 0:
            a, b = clauses[ci - 1]
        anchors.setdefault(m.group(1), _blank(text, regions, a, b))
    return anchors


# ---------------------------------------------------------------- targets


def find_targets(draft: Draft) -> list[Target]:
    """Plan targets and dated steps about "Cộng đồng học tập", one per clause."""
    src = _nfc_text(draft)
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


def _excluded(offset: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= offset < b for a, b in ranges)


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


# ---------------------------------------------------------------- any date


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
    """Every full date ("ngày 30/6/2026", "31 tháng 6 năm 2026") and "ngày dd/mm" without a year."""
    src = _nfc_text(draft)
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
