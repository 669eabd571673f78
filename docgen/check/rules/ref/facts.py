"""REF rules on facts about the cited document: is it known, its date, issuer, title, status."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from docgen import vi
from docgen.check.find import Citation
from docgen.check.model import Finding, FixSafety, Severity, Span
from docgen.check.patterns import cite as P
from docgen.check.resolve import Resolved
from docgen.check.rules.base import CheckContext, Rule, register
from docgen.check.rules.ref.common import (
    CENTRAL_KINDS, HISTORY_WORDS, VERIFIED, date_like, date_text, flat_title, is_local, known_wrong_issuer,
    official_title, page_chrome_end, repealed_title, resolved, same_issuer, title_key,
)


@register
class UnknownDocument(Rule):
    """Văn bản được dẫn chưa có trong sổ đăng ký, hoặc có nhưng chưa xác minh được.

    Vì sao: docgen chỉ khẳng định ngày, cơ quan ban hành, trích yếu của văn bản có nguồn. Văn bản
    trung ương không có trong sổ (hoặc sổ ghi “không tìm thấy”, độ tin cậy thấp) cần người soạn tự
    đối chiếu với bản gốc; đây là thông tin, không phải lỗi.
    """

    code = "REF001"
    name = "unverified-document"
    severity = Severity.INFO
    message = "{kind} số {symbol} {why}; cần xác minh số, ký hiệu, ngày và trích yếu với bản gốc"

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for r in resolved(ctx):
            cite = r.citation
            if not r.first_any or cite.symbol_span is None:
                continue
            if r.entry is None:
                if cite.kind in CENTRAL_KINDS and not is_local(cite):
                    yield self.finding(ctx, cite.symbol_span, kind=cite.kind, symbol=cite.symbol, why="chưa có trong sổ đăng ký văn bản")
            elif r.entry.confidence not in VERIFIED:
                yield self.finding(
                    ctx, cite.symbol_span, kind=r.entry.kind_name, symbol=r.entry.symbol,
                    why=f"có trong sổ đăng ký nhưng chưa xác minh (độ tin cậy: {r.entry.confidence})",
                )


@register
class WrongIssueDate(Rule):
    """Ngày ban hành khác với sổ đăng ký văn bản.

    Vì sao: sai ngày thì trích dẫn không trỏ tới văn bản nào có thật (ví dụ Thông tư số
    25/2023/TT-BGDĐT ban hành ngày 27/12/2023, không phải 28/12/2023). Khi sổ đăng ký chỉ biết
    ngày với độ tin cậy thấp, docgen chỉ cảnh báo “cần xác minh” và không tự sửa.
    """

    code = "REF002"
    name = "wrong-issue-date"
    severity = Severity.ERROR
    message = "{symbol} ban hành ngày {expected}, không phải {found}"
    fix = FixSafety.SAFE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for r in resolved(ctx):
            cite, entry = r.citation, r.entry
            if entry is None or cite.date is None or cite.date_value_span is None or entry.signed is None:
                continue
            if entry.confidence == "not-found" or entry.date_confidence == "not-found":
                continue
            if cite.date == entry.signed:
                continue
            expected = vi.date_short(entry.signed)
            found = vi.date_short(cite.date)
            if entry.date_confidence in VERIFIED:
                yield self.finding(
                    ctx, cite.date_value_span, replacement=date_text(cite, entry.signed),
                    symbol=entry.symbol, expected=expected, found=found,
                )
            else:
                yield self.finding(
                    ctx, cite.date_value_span, severity=Severity.WARNING,
                    suggestion=f"sổ đăng ký ghi ngày {expected} với độ tin cậy thấp: cần xác minh",
                    symbol=entry.symbol, expected=f"{expected} (chưa xác minh)", found=found,
                )


@register
class WrongIssuer(Rule):
    """Cơ quan ban hành ghi sau “của” khác với sổ đăng ký.

    Vì sao: thẩm quyền ban hành là một phần của trích dẫn (NĐ 30/2020/NĐ-CP, Phụ lục I, II.6.b).
    Ví dụ Kết luận số 49-KL/TW do Ban Bí thư Trung ương Đảng khóa XII ban hành, không phải Bộ
    Chính trị. Chữ viết tắt trong bảng viết tắt của sổ đăng ký được đọc thành tên đầy đủ trước khi
    so sánh (“Bộ GD&ĐT”, “Bộ GD-ĐT”, “Bộ GDĐT” là Bộ Giáo dục và Đào tạo; “UBND” là Ủy ban nhân
    dân). Chỉ báo khi tên ghi không có chung từ đặc trưng nào với cơ quan trong sổ, hoặc là một
    dạng sai đã biết.
    """

    code = "REF003"
    name = "wrong-issuer"
    severity = Severity.ERROR
    message = "{symbol} do {expected} ban hành, không phải {found}"
    fix = FixSafety.UNSAFE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for r in resolved(ctx):
            cite, entry = r.citation, r.entry
            if entry is None or cite.issuer is None or cite.issuer_span is None:
                continue
            registry = ctx.registry
            if not known_wrong_issuer(cite.issuer, entry, registry) and same_issuer(cite.issuer, entry, registry):
                continue
            severity = None if entry.confidence in VERIFIED else Severity.WARNING
            yield self.finding(
                ctx, cite.issuer_span, replacement=entry.signer_title, severity=severity,
                symbol=entry.symbol, expected=entry.signer_title, found=cite.issuer,
            )


@register
class TitleParaphrase(Rule):
    """Trích yếu được diễn đạt lại, khác với trích yếu chính thức.

    Vì sao: trích dẫn lần đầu phải ghi đúng trích yếu (NĐ 30/2020/NĐ-CP, Phụ lục I, II.6.b). Lối
    viết “cấp xã, cấp huyện, cấp tỉnh” thay cho “cấp xã, huyện, tỉnh” không làm sai nghĩa nên chỉ
    là thông tin. Trích yếu nói về đối tượng khác (dẫn Thông tư 24/2023/TT-BGDĐT về “Đơn vị học
    tập” với trích yếu về “Cộng đồng học tập”, hay ngược lại) là dẫn nhầm văn bản: cảnh báo.
    Không coi là khác: kiểu dấu ngoặc kép (“…” hay "…"), khoảng trắng quanh gạch nối và dấu phẩy
    (“2021-2030” và “2021 - 2030”, “–” và “-”), cách bỏ dấu thanh (“hoá” và “hóa”), chữ mở đầu
    “ban hành”, “quy định”, “về”, “về việc”, “phê duyệt”.
    """

    code = "REF004"
    name = "paraphrased-title"
    severity = Severity.INFO
    message = "trích yếu của {symbol} là “{expected}”"
    fix = FixSafety.UNSAFE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for r in resolved(ctx):
            cite, entry = r.citation, r.entry
            if entry is None or cite.title is None or cite.title_span is None or not entry.title:
                continue
            if entry.title_confidence not in VERIFIED:
                continue
            if title_key(cite.title).startswith(title_key(entry.title)):
                continue  # the same title, written with other quotes, dashes, spaces or opening words
            if repealed_title(cite, entry, ctx.registry) is not None:
                continue  # REF014: the title of the document this one repealed
            if other_title(cite, entry, ctx.registry) is not None:
                continue  # REF015: the title of another document of the registry
            mine, theirs = flat_title(cite.title), flat_title(entry.title)
            head = mine[: len(theirs) + 20]
            import difflib  # only when a trích yếu is compared

            ratio = difflib.SequenceMatcher(None, head, theirs).ratio()
            wrong = _other_subject(head, theirs)
            if wrong:
                ratio = difflib.SequenceMatcher(None, P.TITLE_SUBJECT_RE.sub('""', head), P.TITLE_SUBJECT_RE.sub('""', theirs)).ratio()
            if ratio < 0.75:
                continue  # other words after the citation, not a title of this document
            yield self.finding(
                ctx, cite.title_span, replacement=official_title(cite, entry), severity=Severity.WARNING if wrong else None,
                symbol=entry.symbol, expected=entry.title,
            )


def other_title(cite: Citation, entry: Any, registry: Any) -> Any:
    """The registry entry whose official title the citation gives, when it is not its own."""
    if not cite.title:
        return None
    mine = title_key(cite.title)
    for other in registry.entries:
        if other is entry or not other.title or other.title_confidence not in VERIFIED:
            continue
        theirs = title_key(other.title)
        if len(theirs) >= 20 and mine.startswith(theirs) and not mine.startswith(title_key(entry.title or "")):
            return other
    return None


@register
class TitleOfAnotherDocument(Rule):
    """Trích yếu ghi sau một văn bản là trích yếu chính thức của một văn bản khác trong sổ đăng ký.

    Vì sao: hai văn bản cùng năm, cùng cơ quan hay cùng chủ đề dễ bị chép lẫn trích yếu (Quyết định
    số 387/QĐ-TTg về “Đẩy mạnh phong trào học tập suốt đời trong gia đình, dòng họ, cộng đồng, đơn
    vị” và Quyết định số 677/QĐ-TTg về “Xây dựng mô hình Công dân học tập”); khi đó số, ký hiệu và
    trích yếu chỉ vào hai văn bản khác nhau, người đọc không biết văn bản nào được dẫn.
    """

    code = "REF015"
    name = "title-of-another-document"
    severity = Severity.ERROR
    message = "{symbol} được ghi trích yếu của {other}; trích yếu đúng là “{expected}”"
    fix = FixSafety.UNSAFE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for r in resolved(ctx):
            cite, entry = r.citation, r.entry
            if entry is None or cite.title is None or cite.title_span is None or not entry.title:
                continue
            other = other_title(cite, entry, ctx.registry)
            if other is None:
                continue
            yield self.finding(
                ctx, cite.title_span, replacement=official_title(cite, entry),
                symbol=entry.symbol, other=other.short(), expected=entry.title,
            )


def _other_subject(mine: str, theirs: str) -> bool:
    """The title names another subject than the document's own (TT24's “Đơn vị học tập” given as
    TT25's “Cộng đồng học tập”): the citation points at the wrong document, not a paraphrase."""
    own = set(P.TITLE_SUBJECT_RE.findall(theirs))
    given = set(P.TITLE_SUBJECT_RE.findall(mine))
    return bool(own and given and not own & given)


@register
class CitedBeforeIssued(Rule):
    """Văn bản được dẫn ban hành sau ngày của chính dự thảo.

    Vì sao: một văn bản không thể căn cứ vào văn bản chưa ra đời. Ngày của dự thảo lấy từ dòng
    “…, ngày … tháng … năm …”; ngày của văn bản được dẫn lấy từ sổ đăng ký (hoặc từ chính trích
    dẫn khi văn bản không có trong sổ). Ngày có độ tin cậy thấp chỉ cho cảnh báo.
    """

    code = "REF010"
    name = "cited-before-issued"
    severity = Severity.ERROR
    message = "{symbol} ban hành ngày {issued}, sau ngày của văn bản này ({draft_date})"
    fix = FixSafety.NONE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        draft_date = ctx.draft.date
        if draft_date is None:
            return
        for r in resolved(ctx):
            cite, entry = r.citation, r.entry
            if cite.symbol_span is None:
                continue
            issued = None
            severity: Severity | None = None
            if entry is not None and entry.signed is not None and entry.confidence != "not-found":
                issued = entry.signed
                if entry.date_confidence not in VERIFIED:
                    severity = Severity.WARNING
            elif entry is None and cite.date is not None:
                issued = cite.date
            if issued is None or issued <= draft_date:
                continue
            yield self.finding(
                ctx, cite.symbol_span, severity=severity,
                symbol=entry.symbol if entry else cite.symbol,
                issued=vi.date_short(issued), draft_date=vi.date_short(draft_date),
            )


@register
class RepealedDocument(Rule):
    """Văn bản đã hết hiệu lực vào ngày của dự thảo nhưng vẫn được dẫn để áp dụng.

    Vì sao: ví dụ Thông tư số 44/2014/TT-BGDĐT hết hiệu lực từ 12/02/2024, khi Thông tư số
    25/2023/TT-BGDĐT có hiệu lực (khoản 1 Điều 25). Câu nhắc tới việc “thay thế”, “bãi bỏ”, “hết
    hiệu lực” được coi là nói về lịch sử và không bị báo.
    """

    code = "REF011"
    name = "repealed-document-cited"
    severity = Severity.ERROR
    message = "{symbol} đã hết hiệu lực từ ngày {repealed}{successor}"
    fix = FixSafety.NONE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        draft_date = ctx.draft.date
        if draft_date is None:
            return
        text = ctx.draft.text
        for r in resolved(ctx):
            cite, entry = r.citation, r.entry
            if entry is None or entry.repealed_on is None or cite.symbol_span is None:
                continue
            if draft_date < entry.repealed_on:
                continue
            line_start = text.rfind("\n", 0, cite.span.start) + 1
            line_end = text.find("\n", cite.span.end)
            around = text[max(line_start, cite.span.start - 150) : (len(text) if line_end < 0 else min(line_end, cite.span.end + 150))].casefold()
            if any(word in around for word in HISTORY_WORDS):
                continue
            severity = None if entry.confidence in VERIFIED else Severity.WARNING
            replaced = ctx.registry.by_id(entry.replaced_by) if entry.replaced_by else None
            successor = f", được thay thế bởi {replaced.kind_name} số {replaced.symbol}" if replaced else ""
            yield self.finding(
                ctx, cite.symbol_span, severity=severity,
                symbol=entry.symbol, repealed=vi.date_short(entry.repealed_on), successor=successor,
            )


@register
class WrongEffectiveDate(Rule):
    """Ngày có hiệu lực ghi cho văn bản được dẫn khác với sổ đăng ký.

    Vì sao: ngày có hiệu lực quyết định từ khi nào quy định mới được áp dụng; ví dụ Thông tư số
    25/2023/TT-BGDĐT có hiệu lực từ ngày 12/02/2024 (khoản 1 Điều 25), không phải 01/02/2024. Chỉ
    xét cụm “có hiệu lực (thi hành) (kể) từ ngày …” thuộc về trích dẫn: cùng một vế câu và đứng
    sau số, ký hiệu của văn bản, hoặc sau “Thông tư này” khi dự thảo trích nguyên văn văn bản đó.
    Áp dụng cho mọi văn bản có ngày có hiệu lực trong sổ đăng ký; khi độ tin cậy của ngày đó
    không phải mức cao, docgen chỉ cảnh báo “cần xác minh” và không tự sửa.
    """

    code = "REF013"
    name = "wrong-effective-date"
    severity = Severity.ERROR
    message = "{symbol} có hiệu lực từ ngày {expected}, không phải {found}"
    fix = FixSafety.SAFE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        text = ctx.draft.text
        start = page_chrome_end(text)
        by_start = {r.citation.span.start: r for r in resolved(ctx)}
        cites = sorted((c for c in ctx.citations if c.span.start >= start and not c.in_title), key=lambda c: c.span.start)
        starts = [c.span.start for c in cites]
        for m in P.EFFECTIVE_RE.finditer(text, start):
            found = _effective_value(m)
            if found is None:
                continue
            r = _owner(text, cites, starts, by_start, m.start())
            entry = r.entry if r is not None else None
            if entry is None or entry.effective is None or found == entry.effective:
                continue
            if entry.confidence == "not-found" or entry.effective_confidence == "not-found":
                continue
            span = Span(m.start("value"), m.end("value"))
            expected = vi.date_short(entry.effective)
            if entry.effective_confidence == "high":
                yield self.finding(
                    ctx, span, replacement=date_like(entry.effective, in_words=bool(m.group("d2"))),
                    symbol=entry.symbol, expected=expected, found=vi.date_short(found),
                )
            else:
                yield self.finding(
                    ctx, span, severity=Severity.WARNING,
                    suggestion=f"sổ đăng ký ghi ngày có hiệu lực {expected} với độ tin cậy {entry.effective_confidence}: cần xác minh",
                    symbol=entry.symbol, expected=f"{expected} (cần xác minh)", found=vi.date_short(found),
                )


def _effective_value(m: re.Match[str]) -> dt.date | None:
    g = m.groupdict()
    try:
        return dt.date(int(g.get("y1") or g["y2"]), int(g.get("m1") or g["m2"]), int(g.get("d1") or g["d2"]))
    except (TypeError, ValueError):
        return None


def _owner(
    text: str, cites: list[Citation], starts: list[int], by_start: dict[int, Resolved], offset: int
) -> Resolved | None:
    """The citation an effective-date phrase at ``offset`` belongs to: the last one before it in
    its clause, or, for "Thông tư này" inside a quotation, the document quoted. ``cites`` are in
    text order and ``starts`` are their starts: found by bisection, not by a scan of every
    citation for every phrase (quadratic on a long draft, issue 9)."""
    line_start = text.rfind("\n", 0, offset) + 1
    clause_start = line_start
    for end in P.SENTENCE_END_RE.finditer(text, line_start, offset):
        clause_start = end.end()
    first, past = bisect.bisect_left(starts, clause_start), bisect.bisect_left(starts, offset)
    if first >= past:
        return None
    last = cites[past - 1]
    if not last.self_ref:
        return by_start.get(last.span.start)
    if not _quoted(text, line_start, last.span.start):
        return None  # "Quyết định này có hiệu lực …": the draft's own entry into force
    for c in reversed([c for c in cites[: bisect.bisect_left(starts, last.span.start)] if not c.self_ref]):
        if last.span.start - c.span.start > _QUOTE_REACH:
            break
        if c.kind == last.kind:
            return by_start.get(c.span.start)
    return None


# How far back the document quoted by "Thông tư này …" may be named (a heading and a line or two).
_QUOTE_REACH = 600
_OPEN_QUOTES = "“\"«"


def _quoted(text: str, line_start: int, offset: int) -> bool:
    """``offset`` sits in a verbatim quotation: an opening quote before it on its line, or the
    previous non-blank line ends with ":" (“Điều 25 … quy định:”) or opens a quotation."""
    head = text[line_start:offset]
    if any(q in head for q in _OPEN_QUOTES) and "”" not in head:
        return True
    previous = text[: max(0, line_start - 1)].rstrip()
    return previous.endswith((":", "“", '"'))


@register
class TitleOfRepealedDocument(Rule):
    """Văn bản được dẫn mang trích yếu của văn bản mà chính nó đã thay thế.

    Vì sao: Thông tư số 25/2023/TT-BGDĐT quy định về “đánh giá, công nhận” “Cộng đồng học tập”
    cấp xã, huyện, tỉnh; “đánh giá, xếp loại” là trích yếu của Thông tư số 44/2014/TT-BGDĐT, bị
    bãi bỏ từ ngày 12/02/2024 (khoản 1 Điều 25 Thông tư số 25/2023/TT-BGDĐT). Ghi trích yếu cũ là
    trộn hai văn bản, hai chế độ đánh giá. Quan hệ thay thế lấy từ sổ đăng ký (mục “repeals”):
    báo khi trích yếu ghi có đủ các từ chỉ riêng trích yếu cũ mới có. Diễn đạt lại khác vẫn là
    REF004 (thông tin).
    """

    code = "REF014"
    name = "title-of-repealed-document"
    severity = Severity.ERROR
    message = "{symbol} được ghi trích yếu của {old} đã bị bãi bỏ; trích yếu đúng là “{expected}”"
    fix = FixSafety.UNSAFE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for r in resolved(ctx):
            cite, entry = r.citation, r.entry
            if entry is None or cite.title_span is None or entry.title_confidence == "not-found":
                continue
            old = repealed_title(cite, entry, ctx.registry)
            if old is None:
                continue
            severity = None if entry.title_confidence in VERIFIED else Severity.WARNING
            yield self.finding(
                ctx, cite.title_span, replacement=official_title(cite, entry), severity=severity,
                symbol=entry.symbol, old=old.short(), expected=entry.title,
            )
