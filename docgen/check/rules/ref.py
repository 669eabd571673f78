"""REF: citations of documents: date, issuer, title, symbol, "số", status against the registry.

Facts come from the legal registry (``docgen/law/data/registry.yaml``), each with a source and a
confidence. A fact of low confidence, or an entry not found, only ever gives a warning or an
information "cần xác minh", never a confident error.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import Any

from docgen import vi
from docgen.check.find import Citation
from docgen.check.patterns import cite as P
from docgen.check.model import Finding, FixSafety, Severity, Span
from docgen.check.resolve import Resolved, resolve_citations
from docgen.check.rules.base import CheckContext, Rule, register

VERIFIED = ("high", "medium")

# Kinds of documents that a national registry could hold; local plans, letters and guides
# ("Kế hoạch số 3727/KH-UBND", "Văn bản số 40/TTr-SGDĐT") never are, so they are not reported.
CENTRAL_KINDS = frozenset({"Thông tư", "Thông tư liên tịch", "Nghị định", "Nghị quyết", "Quyết định", "Kết luận", "Chỉ thị", "Luật"})
LOCAL_CODES = ("UBND", "HĐND", "SGDĐT", "SGD&ĐT", "PGDĐT", "TU", "HU", "ĐU", "BCĐ", "VP")

# Words that say a repealed document is mentioned as history, not applied.
HISTORY_WORDS = ("thay thế", "bãi bỏ", "hết hiệu lực", "trước đây", "quy định cũ", "đã được thay")


def _resolved(ctx: CheckContext) -> list[Resolved]:
    cached = ctx.__dict__.get("_ref_resolved")
    if cached is None:
        cached = resolve_citations(ctx.citations, ctx.registry, ctx.draft.text)
        ctx.__dict__["_ref_resolved"] = cached
    return list(cached)


def _is_local(cite: Citation) -> bool:
    symbol = cite.symbol or ""
    tail = symbol.rsplit("/", 1)[-1]
    return any(tail.endswith(code) or tail.startswith(code) for code in LOCAL_CODES)


def _date_text(cite: Citation, value: Any) -> str:
    """The registry date written the way the draft wrote this citation's date."""
    if cite.date_words:
        return f"{value.day:02d} tháng {vi.nd30_month(value.month)} năm {value.year}"
    return vi.date_short(value)


def _words(text: str) -> list[str]:
    text = P.PARENTHESES_RE.sub(" ", text.casefold()).replace("&", "")
    text = text.replace("gdđt", "giáo dục và đào tạo").replace("ubnd", "ủy ban nhân dân")
    text = text.replace("uỷ", "ủy").replace("khoá", "khóa")
    return P.WORD_RE.findall(text)


_GENERIC = frozenset({"bộ", "ban", "trung", "ương", "của", "và", "khóa", "việt", "nam", "đảng", "trưởng", "chủ", "tịch"})


def _same_issuer(written: str, entry: Any) -> bool:
    """True when the issuer written shares the distinctive words of the entry's issuer/signer."""
    mine = set(_words(written)) - _GENERIC
    if not mine:
        return True
    for known in (entry.issuer, entry.signer_title):
        theirs = set(_words(known)) - _GENERIC
        if not theirs or mine & theirs:
            return True
    return False


def _flat_title(text: str) -> str:
    text = text.replace("“", '"').replace("”", '"').replace("‘", "'").replace("’", "'")
    text = P.TITLE_OPENING_RE.sub("", " ".join(text.split()).casefold())
    return text.strip(" .,;")


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
        for r in _resolved(ctx):
            cite = r.citation
            if not r.first_any or cite.symbol_span is None:
                continue
            if r.entry is None:
                if cite.kind in CENTRAL_KINDS and not _is_local(cite):
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
        for r in _resolved(ctx):
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
                    ctx, cite.date_value_span, replacement=_date_text(cite, entry.signed),
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
    Chính trị. Chỉ báo khi tên ghi không có chung từ đặc trưng nào với cơ quan trong sổ.
    """

    code = "REF003"
    name = "wrong-issuer"
    severity = Severity.ERROR
    message = "{symbol} do {expected} ban hành, không phải {found}"
    fix = FixSafety.UNSAFE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for r in _resolved(ctx):
            cite, entry = r.citation, r.entry
            if entry is None or cite.issuer is None or cite.issuer_span is None:
                continue
            known_wrong = any(w.field == "issuer" and _words(w.value) == _words(cite.issuer) for w in entry.wrong_forms)
            if not known_wrong and _same_issuer(cite.issuer, entry):
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
    là thông tin.
    """

    code = "REF004"
    name = "paraphrased-title"
    severity = Severity.INFO
    message = "trích yếu của {symbol} là “{expected}”"
    fix = FixSafety.UNSAFE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for r in _resolved(ctx):
            cite, entry = r.citation, r.entry
            if entry is None or cite.title is None or cite.title_span is None or not entry.title:
                continue
            if entry.title_confidence not in VERIFIED:
                continue
            mine, theirs = _flat_title(cite.title), _flat_title(entry.title)
            if mine == theirs or mine.startswith(theirs):
                continue
            ratio = difflib.SequenceMatcher(None, mine[: len(theirs) + 20], theirs).ratio()
            if ratio < 0.75:
                continue  # other words after the citation, not a title of this document
            yield self.finding(ctx, cite.title_span, replacement=entry.title, symbol=entry.symbol, expected=entry.title)


@register
class MalformedSymbol(Rule):
    """Số, ký hiệu viết sai dạng: có dấu cách, thiếu gạch nối, sai chữ hoa/thường.

    Vì sao: NĐ 30/2020/NĐ-CP (Phụ lục I, II.3) viết ký hiệu liền, nối bằng gạch ngang
    (“25/2023/TT-BGDĐT”); “TT- BGDĐT” hay “TTBGDĐT” khiến việc tra cứu văn bản thất bại. Sửa
    tự động được vì chỉ đổi cách viết, không đổi văn bản được dẫn.
    """

    code = "REF005"
    name = "malformed-symbol"
    severity = Severity.ERROR
    message = "ký hiệu “{found}” viết sai dạng; đúng là “{expected}”"
    fix = FixSafety.SAFE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for r in _resolved(ctx):
            cite = r.citation
            if cite.symbol_text is None or cite.symbol_span is None or cite.symbol is None:
                continue
            if r.how == "wrong-form":
                continue  # REF006
            expected = r.entry.symbol if r.entry is not None else cite.symbol
            written = cite.symbol_text
            if written == expected:
                continue
            if r.entry is None and "".join(written.split()) == expected.replace("Đ", "Đ"):
                expected = "".join(written.split())
                if written == expected:
                    continue
            if r.entry is None and written.casefold() == expected.casefold() and " " not in written:
                continue  # unknown document: case is not ours to judge
            yield self.finding(ctx, cite.symbol_span, replacement=expected, found=" ".join(written.split()), expected=expected)


@register
class KnownWrongSymbol(Rule):
    """Ký hiệu là một dạng sai đã biết của một văn bản trong sổ đăng ký.

    Vì sao: ví dụ Quyết định số 324/QĐ-KHVN của Hội Khuyến học Việt Nam hay bị ghi thành
    “324/QĐ-HKHVN”; văn bản mang ký hiệu đó không tồn tại.
    """

    code = "REF006"
    name = "known-wrong-symbol"
    severity = Severity.ERROR
    message = "không có văn bản “{found}”; ký hiệu đúng là “{expected}”"
    fix = FixSafety.SAFE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for r in _resolved(ctx):
            if r.how != "wrong-form" or r.citation.symbol_span is None:
                continue
            severity = None if r.entry.confidence in VERIFIED else Severity.WARNING
            yield self.finding(
                ctx, r.citation.symbol_span, replacement=r.entry.symbol, severity=severity,
                found=r.citation.symbol_text, expected=r.entry.symbol,
            )


@register
class MissingSo(Rule):
    """Lần dẫn đầu tiên thiếu chữ “số” trước số, ký hiệu.

    Vì sao: NĐ 30/2020/NĐ-CP (Phụ lục I, II.6.b) dẫn văn bản bằng tên loại, “số”, số và ký hiệu
    (“Thông tư số 25/2023/TT-BGDĐT”). Các lần dẫn sau có thể rút gọn, nên chỉ lần đầu bị báo.
    """

    code = "REF007"
    name = "missing-so"
    severity = Severity.WARNING
    message = "lần dẫn đầu tiên của {symbol} thiếu chữ “số”: “{kind} số {symbol}”"
    fix = FixSafety.SAFE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for r in _resolved(ctx):
            cite = r.citation
            if not r.first or cite.has_so or cite.symbol_span is None:
                continue
            if cite.kind_span is None:
                continue
            kind_span = cite.kind_span
            kind_text = ctx.draft.text[kind_span.start : kind_span.end]
            yield self.finding(
                ctx, Span(kind_span.start, kind_span.start + len(kind_text)), replacement=f"{kind_text} {'SỐ' if kind_text.isupper() else 'số'}",
                symbol=r.entry.symbol if r.entry is not None else cite.symbol, kind=cite.kind,
            )


@register
class FirstCitationWithoutDate(Rule):
    """Lần dẫn đầu tiên của một văn bản không ghi ngày ban hành.

    Vì sao: lần dẫn đầu phải đủ tên loại, số, ký hiệu, ngày ban hành, cơ quan ban hành và trích
    yếu (NĐ 30/2020/NĐ-CP, Phụ lục I, II.6.b); thiếu ngày thì người đọc không kiểm được văn bản.
    """

    code = "REF008"
    name = "first-citation-without-date"
    severity = Severity.WARNING
    message = "lần dẫn đầu tiên của {symbol} thiếu ngày ban hành{hint}"
    fix = FixSafety.NONE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for r in _resolved(ctx):
            cite = r.citation
            if not r.first or cite.date is not None or cite.date_text is not None or cite.symbol_span is None:
                continue
            entry = r.entry
            hint = ""
            if entry is not None and entry.signed is not None and entry.date_confidence in VERIFIED:
                hint = f" (ngày {vi.date_short(entry.signed)})"
            yield self.finding(ctx, cite.symbol_span, symbol=entry.symbol if entry else cite.symbol, hint=hint)


@register
class InconsistentDates(Rule):
    """Cùng một văn bản được dẫn với hai ngày ban hành khác nhau trong cùng văn bản.

    Vì sao: một văn bản chỉ có một ngày ban hành; hai ngày khác nhau thì ít nhất một chỗ sai. Với
    văn bản có trong sổ đăng ký, quy tắc REF002 đã chỉ ra chỗ sai; quy tắc này lo các văn bản
    ngoài sổ (ví dụ kế hoạch, hướng dẫn của địa phương).
    """

    code = "REF009"
    name = "inconsistent-dates"
    severity = Severity.WARNING
    message = "{symbol} được dẫn với ngày {found}, nhưng ở dòng {line} là ngày {other}"
    fix = FixSafety.NONE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        first_date: dict[str, tuple[Citation, Any]] = {}
        for r in _resolved(ctx):
            cite = r.citation
            if cite.date is None or cite.date_value_span is None or cite.symbol is None:
                continue
            if r.entry is not None and r.entry.signed is not None and r.entry.date_confidence in VERIFIED:
                continue  # REF002 decides against the registry
            key = r.entry.id if r.entry is not None else cite.symbol
            if key not in first_date:
                first_date[key] = (cite, cite.date)
                continue
            other_cite, other = first_date[key]
            if cite.date != other:
                line, _ = ctx.draft.position(other_cite.span.start)
                yield self.finding(
                    ctx, cite.date_value_span, symbol=cite.symbol,
                    found=vi.date_short(cite.date), other=vi.date_short(other), line=line,
                )


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
        for r in _resolved(ctx):
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
        for r in _resolved(ctx):
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


# Words that name any document ("Văn bản số …", "Công văn số …"); they are never a wrong kind.
GENERIC_KINDS = frozenset({"Văn bản", "Công văn"})


@register
class WrongKind(Rule):
    """Tên loại văn bản khác với sổ đăng ký (ví dụ gọi một Kết luận là Nghị quyết).

    Vì sao: tên loại là phần đầu của trích dẫn (NĐ 30/2020/NĐ-CP, Phụ lục I, II.6.b); ký hiệu
    “49-KL/TW” là của một Kết luận, “1373/QĐ-TTg” của một Quyết định. Sửa tự động được vì văn bản
    được dẫn vẫn là một.
    """

    code = "REF012"
    name = "wrong-document-kind"
    severity = Severity.ERROR
    message = "{symbol} là {expected}, không phải {found}"
    fix = FixSafety.SAFE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for r in _resolved(ctx):
            cite, entry = r.citation, r.entry
            if entry is None or cite.kind in GENERIC_KINDS or cite.symbol_span is None:
                continue
            if cite.kind.casefold() == entry.kind_name.casefold():
                continue
            if cite.kind_span is None:
                continue
            span = cite.kind_span
            raw = ctx.draft.text[span.start : span.end]
            if "\n" in raw:
                continue  # the kind was written across a line break; leave it to a human
            if raw.isupper():
                replacement = entry.kind_name.upper()
            elif raw[:1].isupper():
                replacement = entry.kind_name
            else:
                replacement = entry.kind_name[:1].lower() + entry.kind_name[1:]
            severity = None if entry.confidence in VERIFIED else Severity.WARNING
            yield self.finding(
                ctx, span, replacement=replacement, severity=severity,
                symbol=entry.symbol, expected=entry.kind_name, found=cite.kind,
            )
