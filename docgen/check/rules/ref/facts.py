"""REF rules on facts about the cited document: is it known, its date, issuer, title, status."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from docgen import vi
from docgen.check.model import Finding, FixSafety, Severity
from docgen.check.rules.base import CheckContext, Rule, register
from docgen.check.rules.ref.common import (
    CENTRAL_KINDS, HISTORY_WORDS, VERIFIED, date_text, flat_title, is_local, resolved, same_issuer, words,
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
    Chính trị. Chỉ báo khi tên ghi không có chung từ đặc trưng nào với cơ quan trong sổ.
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
            known_wrong = any(w.field == "issuer" and words(w.value) == words(cite.issuer) for w in entry.wrong_forms)
            if not known_wrong and same_issuer(cite.issuer, entry):
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
            mine, theirs = flat_title(cite.title), flat_title(entry.title)
            if mine == theirs or mine.startswith(theirs):
                continue
            head = mine[: len(theirs) + 20]
            ratio = difflib.SequenceMatcher(None, head, theirs).ratio()
            wrong = _other_subject(head, theirs)
            if wrong:
                ratio = difflib.SequenceMatcher(None, _SUBJECT_RE.sub('""', head), _SUBJECT_RE.sub('""', theirs)).ratio()
            if ratio < 0.75:
                continue  # other words after the citation, not a title of this document
            yield self.finding(
                ctx, cite.title_span, replacement=entry.title, severity=Severity.WARNING if wrong else None,
                symbol=entry.symbol, expected=entry.title,
            )


# The quoted name a title is about: "cộng đồng học tập", "đơn vị học tập" (flat_title's quotes).
_SUBJECT_RE = re.compile(r'"([^"]{3,80})"')


def _other_subject(mine: str, theirs: str) -> bool:
    """The title names another subject than the document's own (TT24's “Đơn vị học tập” given as
    TT25's “Cộng đồng học tập”): the citation points at the wrong document, not a paraphrase."""
    own = set(_SUBJECT_RE.findall(theirs))
    given = set(_SUBJECT_RE.findall(mine))
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
