"""REF rules on how a citation is written: symbol, kind, "số", first citation, consistency."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from docgen import vi
from docgen.check.find import Citation
from docgen.check.model import Finding, FixSafety, Severity, Span
from docgen.check.patterns import cite as P
from docgen.check.rules.base import CheckContext, Rule, register
from docgen.check.rules.ref.common import GENERIC_KINDS, VERIFIED, resolved, written_symbol


@register
class MalformedSymbol(Rule):
    """Số, ký hiệu viết sai dạng: có dấu cách, thiếu gạch nối, sai chữ hoa/thường.

    Vì sao: NĐ 30/2020/NĐ-CP (Phụ lục I, II.3) viết ký hiệu liền, nối bằng gạch ngang
    (“25/2023/TT-BGDĐT”); “TT- BGDĐT” hay “TTBGDĐT” khiến việc tra cứu văn bản thất bại. Sửa
    tự động được vì chỉ đổi cách viết, không đổi văn bản được dẫn. Dấu “&” chỉ bị coi là thừa
    trong ký hiệu của văn bản có trong sổ đăng ký (“TT-BGD&ĐT” là “TT-BGDĐT”); ký hiệu của cơ
    quan địa phương như “12/KH-PGD&ĐT”, “45/SGDĐT-GDTX&CN” do cơ quan đó tự đặt nên giữ nguyên.
    """

    code = "REF005"
    name = "malformed-symbol"
    severity = Severity.ERROR
    message = "ký hiệu “{found}” viết sai dạng; đúng là “{expected}”"
    fix = FixSafety.SAFE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for r in resolved(ctx):
            cite = r.citation
            if cite.symbol_text is None or cite.symbol_span is None or cite.symbol is None:
                continue
            if r.how == "wrong-form":
                continue  # REF006
            # an unknown (local) document keeps its "&": "12/KH-PGD&ĐT" is its own symbol
            expected = r.entry.symbol if r.entry is not None else written_symbol(cite)
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
        for r in resolved(ctx):
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
        if ctx.reading.procedure is not None:
            return  # a public-service procedure page is not an NĐ30 document
        for r in resolved(ctx):
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
    Trang thủ tục hành chính của cổng dịch vụ công (có mục “Tên thủ tục”) không phải văn bản theo
    Nghị định 30 nên không bị xét.
    """

    code = "REF008"
    name = "first-citation-without-date"
    severity = Severity.WARNING
    message = "lần dẫn đầu tiên của {symbol} thiếu ngày ban hành{hint}"
    fix = FixSafety.NONE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        if ctx.reading.procedure is not None:
            return  # a public-service procedure page lists its legal bases in short; it is not an NĐ30 document
        for r in resolved(ctx):
            cite = r.citation
            if not r.first or cite.date is not None or cite.date_text is not None or cite.symbol_span is None:
                continue
            if _dated_by_clause(ctx.draft.text, cite):
                continue
            entry = r.entry
            if entry is not None and _month_as_registry_writes(ctx.draft.text, cite, entry):
                continue  # the day is unverified: "tháng 11/2023" is what docgen itself writes (issue 12)
            hint = ""
            severity = None
            if entry is not None and entry.signed is not None and entry.date_confidence in VERIFIED:
                hint = f" (ngày {vi.date_short(entry.signed)})"
            elif entry is not None and (entry.signed is None or entry.date_confidence == "not-found"):
                # docgen itself cannot write the date: a note to verify, not a slip (issue 12)
                hint = "; sổ đăng ký của docgen chưa có ngày ban hành của văn bản này (cần xác minh rồi ghi bổ sung)"
                severity = Severity.INFO
            yield self.finding(ctx, cite.symbol_span, severity=severity, symbol=entry.symbol if entry else cite.symbol, hint=hint)


def _month_as_registry_writes(text: str, cite: Citation, entry: Any) -> bool:
    """"… số 1315/QĐ-TTg tháng 11/2023": the month and year of an entry whose day the registry
    has not verified (``date_confidence`` low), as :meth:`RegistryEntry.date_text` writes it."""
    if entry.signed is None or entry.date_confidence != "low" or cite.symbol_span is None:
        return False
    m = P.CITATION_MONTH_RE.match(text, cite.symbol_span.end)
    return m is not None and (int(m.group("month")), int(m.group("year"))) == (entry.signed.month, entry.signed.year)


def _dated_by_clause(text: str, cite: Citation) -> bool:
    """The clause states the issue date before the citation: "Ngày dd/mm/yyyy, <cơ quan> ban hành <loại> số …"."""
    line_start = text.rfind("\n", 0, cite.span.start) + 1
    head = text[max(line_start, cite.span.start - 240) : cite.span.start]
    return P.CLAUSE_DATE_THEN_ISSUE_RE.search(head) is not None


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
        for r in resolved(ctx):
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
                    ctx, cite.date_value_span, symbol=written_symbol(cite),
                    found=vi.date_short(cite.date), other=vi.date_short(other), line=line,
                )


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
        for r in resolved(ctx):
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
