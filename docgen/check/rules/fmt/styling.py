"""FMT rules that read Word formatting: .docx only (page, fonts, sizes, alignment, page numbers).
The effective values come from :mod:`wordprops`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from docgen.check.model import Finding, Severity, Span
from docgen.check.outline import DocxParagraph
from docgen.check.patterns import form
from docgen.check.rules.base import CheckContext, Rule, register
from docgen.check.rules.fmt import nd30
from docgen.check.rules.fmt.wordprops import (
    body_paragraphs,
    find_paragraph,
    fmt_number,
    is_numbered,
    paragraph_alignment,
    paragraph_first_line_cm,
    paragraph_span,
    qn,
    run_colour,
    run_flag,
    run_font,
    run_size,
    text_runs,
)


DOCX = frozenset({"docx"})
TWIPS_PER_MM = 1440 / 25.4
EMU_PER_MM = 36000
EMU_PER_TWIP = 635


# ---------------------------------------------------------------------------- page


@register
class PageNotA4Portrait(Rule):
    """Trang không phải khổ A4 (210 × 297 mm) hoặc đặt ngang.

    Vì sao: NĐ 30/2020/NĐ-CP (Phụ lục I, I.1–2) dùng khổ A4, đặt dọc; chỉ được đặt ngang khi
    nội dung có bảng, biểu không làm phụ lục riêng (nên khổ ngang là cảnh báo). Mẫu mặc định
    của python-docx và nhiều bản Word là khổ Letter.
    """

    code = "FMT040"
    name = "page-not-a4-portrait"
    severity = Severity.ERROR
    message = "khổ giấy {width} × {height} mm, phải là A4 dọc 210 × 297 mm"
    kinds = DOCX

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for section in ctx.draft.docx.sections:
            w, h = section.page_width, section.page_height
            if w is None or h is None:
                continue
            wt, ht = w / EMU_PER_TWIP, h / EMU_PER_TWIP
            short, long_ = sorted((wt, ht))
            a4 = abs(short - nd30.A4_TWIPS[0]) <= 20 and abs(long_ - nd30.A4_TWIPS[1]) <= 20
            if a4 and wt <= ht:
                continue
            severity = Severity.WARNING if a4 else Severity.ERROR
            yield self.finding(ctx, Span(0, 0), severity=severity,
                               width=round(w / EMU_PER_MM), height=round(h / EMU_PER_MM))
            return


@register
class PageMargins(Rule):
    """Lề trang nằm ngoài khoảng NĐ 30 cho phép.

    Vì sao: NĐ 30/2020/NĐ-CP (Phụ lục I, I.3): lề trên, lề dưới 20–25 mm; lề trái 30–35 mm; lề
    phải 15–20 mm. Lề trái hẹp làm chữ bị mất khi đóng quyển hồ sơ.
    """

    code = "FMT041"
    name = "page-margins"
    severity = Severity.ERROR
    message = "lề {side} {found} mm, phải trong khoảng {low}–{high} mm"
    kinds = DOCX

    SIDES = {"top": "trên", "bottom": "dưới", "left": "trái", "right": "phải"}

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        section = ctx.draft.docx.sections[0]
        for side, (low, high) in nd30.MARGINS_MM.items():
            value = getattr(section, f"{side}_margin")
            if value is None:
                continue
            mm = value / EMU_PER_MM
            if low - 0.1 <= mm <= high + 0.1:  # 0.1 mm: twips rounding
                continue
            yield self.finding(ctx, Span(0, 0), side=self.SIDES[side], found=fmt_number(round(mm, 1)),
                               low=fmt_number(low), high=fmt_number(high))


# ---------------------------------------------------------------------------- runs


@register
class FontNotTimesNewRoman(Rule):
    """Chữ không dùng phông Times New Roman.

    Vì sao: NĐ 30/2020/NĐ-CP (Phụ lục I, I.4): phông chữ tiếng Việt Times New Roman, bộ mã
    Unicode TCVN 6909:2001. Phông được xét là phông hiệu lực (của đoạn, kiểu, mặc định tài liệu
    hay chủ đề), cả cho chữ có dấu (hAnsi); mỗi đoạn báo một lần.
    """

    code = "FMT042"
    name = "font-not-times-new-roman"
    severity = Severity.ERROR
    message = "chữ dùng phông “{found}”, phải là Times New Roman"
    kinds = DOCX

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        doc = ctx.draft.docx
        for p in ctx.docx_paragraphs:
            for run in text_runs(p):
                attrs = ("ascii",) if run.text.isascii() else ("ascii", "hAnsi")
                bad = next((f for a in attrs if (f := run_font(doc, p, run, a)) != nd30.FONT), None)
                if bad is not None:
                    yield self.finding(ctx, paragraph_span(p), found=bad or "mặc định của Word")
                    break


@register
class TextNotBlack(Rule):
    """Chữ không có màu đen.

    Vì sao: NĐ 30/2020/NĐ-CP (Phụ lục I, I.4): chữ màu đen. Màu chữ khác (kể cả màu xanh của
    siêu liên kết) không đúng thể thức khi in và lưu trữ.
    """

    code = "FMT043"
    name = "text-not-black"
    severity = Severity.ERROR
    message = "chữ có màu “{found}”, phải là màu đen"
    kinds = DOCX

    BLACK = {"auto", "000000", "theme:text1", "theme:dark1"}

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        doc = ctx.draft.docx
        for p in ctx.docx_paragraphs:
            for run in text_runs(p):
                colour = run_colour(doc, p, run)
                if colour not in self.BLACK:
                    yield self.finding(ctx, paragraph_span(p), found=colour)
                    break


@register
class BodyFontSize(Rule):
    """Cỡ chữ phần nội dung không nằm trong 13–14 pt.

    Vì sao: NĐ 30/2020/NĐ-CP (Phụ lục I, II.6.e): phần nội dung dùng cỡ chữ từ 13 đến 14. Chỉ
    xét đoạn văn ngoài bảng, đủ dài một câu, không viết in hoa toàn bộ.
    """

    code = "FMT044"
    name = "body-font-size"
    severity = Severity.ERROR
    message = "đoạn văn cỡ chữ {found} pt, phải từ 13 đến 14 pt"
    kinds = DOCX

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        doc = ctx.draft.docx
        low, high = nd30.BODY_SIZE_PT
        for p in body_paragraphs(ctx):
            for run in text_runs(p):
                size = run_size(doc, p, run)
                if not low <= size <= high:
                    yield self.finding(ctx, paragraph_span(p), found=fmt_number(size))
                    break


@register
class BodyNotJustified(Rule):
    """Đoạn văn phần nội dung không căn đều hai lề.

    Vì sao: NĐ 30/2020/NĐ-CP (Phụ lục I, II.6.e): nội dung “được canh đều cả hai lề”.
    """

    code = "FMT045"
    name = "body-not-justified"
    severity = Severity.ERROR
    message = "đoạn văn căn “{found}”, phải căn đều hai lề"
    kinds = DOCX

    WORDS = {"left": "trái", "start": "trái", "right": "phải", "end": "phải", "center": "giữa"}

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        doc = ctx.draft.docx
        for p in body_paragraphs(ctx):
            jc = paragraph_alignment(doc, p)
            if jc not in ("both", "distribute"):
                yield self.finding(ctx, paragraph_span(p), found=self.WORDS.get(jc, jc))


@register
class BodyFirstLineIndent(Rule):
    """Đoạn văn phần nội dung không thụt đầu dòng 1 cm hoặc 1,27 cm.

    Vì sao: NĐ 30/2020/NĐ-CP (Phụ lục I, II.6.e): “khi xuống dòng, chữ đầu dòng phải lùi vào
    từ 1 cm đến 1,27 cm”. Cho phép sai số 0,05 cm.
    """

    code = "FMT046"
    name = "body-first-line-indent"
    severity = Severity.ERROR
    message = "đoạn văn thụt đầu dòng {found} cm, phải từ 1 đến 1,27 cm"
    kinds = DOCX

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        doc = ctx.draft.docx
        low, high = nd30.FIRST_LINE_INDENT_CM
        for p in body_paragraphs(ctx):
            if is_numbered(doc, p):
                continue  # Word numbering sets its own (hanging) indents
            cm = paragraph_first_line_cm(doc, p)
            if not low - 0.05 <= cm <= high + 0.05:
                yield self.finding(ctx, paragraph_span(p), found=fmt_number(round(cm, 2)))


def _element_style(
    rule: Rule, ctx: CheckContext, p: DocxParagraph, sizes: tuple[float, float] | None,
    bold: bool | None, italic: bool | None,
) -> Iterator[Finding]:
    doc = ctx.draft.docx
    problems: list[str] = []
    for run in text_runs(p):
        size = run_size(doc, p, run)
        if sizes and not sizes[0] <= size <= sizes[1] and "cỡ" not in " ".join(problems):
            problems.append(f"cỡ {fmt_number(size)} pt (phải {fmt_number(sizes[0])}–{fmt_number(sizes[1])} pt)")
        if bold is not None and run_flag(doc, p, run, "b") != bold and "đậm" not in " ".join(problems):
            problems.append("không in đậm" if bold else "in đậm")
        if italic is not None and run_flag(doc, p, run, "i") != italic and "nghiêng" not in " ".join(problems):
            problems.append("không in nghiêng" if italic else "in nghiêng")
    if problems:
        yield rule.finding(ctx, paragraph_span(p), problems=", ".join(problems))


@register
class QuocHieuStyle(Rule):
    """Quốc hiệu không in đậm hoặc cỡ chữ ngoài 12–13 pt.

    Vì sao: NĐ 30/2020/NĐ-CP (Phụ lục I, II.1.a): Quốc hiệu chữ in hoa, cỡ 12 đến 13, kiểu chữ
    đứng, đậm. Nhiều trang mạng ghi sai “cỡ 13–14”.
    """

    code = "FMT047"
    name = "quoc-hieu-style"
    severity = Severity.ERROR
    message = "Quốc hiệu {problems}"
    kinds = DOCX

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        p = find_paragraph(ctx, form.QUOC_HIEU)
        if p:
            yield from _element_style(self, ctx, p, nd30.QUOC_HIEU_SIZE_PT, True, False)


@register
class TieuNguStyle(Rule):
    """Tiêu ngữ không in đậm hoặc cỡ chữ ngoài 13–14 pt.

    Vì sao: NĐ 30/2020/NĐ-CP (Phụ lục I, II.1.b): Tiêu ngữ cỡ 13 đến 14, kiểu chữ đứng, đậm.
    """

    code = "FMT048"
    name = "tieu-ngu-style"
    severity = Severity.ERROR
    message = "Tiêu ngữ {problems}"
    kinds = DOCX

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        p = find_paragraph(ctx, form.TIEU_NGU)
        if p:
            yield from _element_style(self, ctx, p, nd30.TIEU_NGU_SIZE_PT, True, False)


@register
class DateNotItalic(Rule):
    """Dòng địa danh, ngày tháng không in nghiêng.

    Vì sao: NĐ 30/2020/NĐ-CP (Phụ lục I, II.4.c): địa danh và thời gian ban hành trình bày bằng
    chữ in thường, cỡ 13 đến 14, kiểu chữ nghiêng.
    """

    code = "FMT049"
    name = "date-not-italic"
    severity = Severity.ERROR
    message = "dòng địa danh, ngày tháng {problems}"
    kinds = DOCX

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        p = find_paragraph(ctx, form.PLACE_DATE)
        if p:
            yield from _element_style(self, ctx, p, None, None, True)


@register
class TenLoaiStyle(Rule):
    """Tên loại văn bản (“KẾ HOẠCH”, “BÁO CÁO”…) không in đậm hoặc cỡ chữ ngoài 13–14 pt.

    Vì sao: NĐ 30/2020/NĐ-CP (Phụ lục I, II.5.b): tên loại văn bản trình bày bằng chữ in hoa, cỡ
    13 đến 14, kiểu chữ đứng, đậm, canh giữa.
    """

    code = "FMT053"
    name = "ten-loai-style"
    severity = Severity.ERROR
    message = "tên loại văn bản {problems}"
    kinds = DOCX

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for p in ctx.docx_paragraphs:
            if " ".join(p.raw_text.split()) in nd30.DOC_TYPES:
                yield from _element_style(self, ctx, p, nd30.BODY_SIZE_PT, True, False)
                return


@register
class NoiNhanLabelStyle(Rule):
    """Chữ “Nơi nhận:” không phải cỡ 12, đậm, nghiêng.

    Vì sao: NĐ 30/2020/NĐ-CP (Phụ lục I, II.9.d): từ “Nơi nhận” in thường, cỡ 12, kiểu chữ
    nghiêng, đậm.
    """

    code = "FMT052"
    name = "noi-nhan-label-style"
    severity = Severity.ERROR
    message = "“Nơi nhận:” {problems}"
    kinds = DOCX

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        p = find_paragraph(ctx, form.NOI_NHAN)
        if p:
            size = (nd30.NOI_NHAN_SIZE_PT, nd30.NOI_NHAN_SIZE_PT)
            yield from _element_style(self, ctx, p, size, True, True)


# ---------------------------------------------------------------------------- page numbers


def _has_page_field(element: Any) -> bool:
    for simple in element.iter(qn("w:fldSimple")):
        if (simple.get(qn("w:instr")) or "").split()[:1] == ["PAGE"]:
            return True
    return any((t.text or "").split()[:1] == ["PAGE"] for t in element.iter(qn("w:instrText")))


def _parts(section: Any, kind: str) -> list[tuple[str, Any]]:
    """(which, element) of the header or footer definitions a section really has."""
    out: list[tuple[str, Any]] = []
    for which in ("", "first_page_", "even_page_"):
        hf = getattr(section, f"{which}{kind}")
        if not hf.is_linked_to_previous:
            out.append((which or "default_", hf._element))
    return out


@register
class PageNumberInFooter(Rule):
    """Số trang đặt ở chân trang thay vì đầu trang.

    Vì sao: NĐ 30/2020/NĐ-CP (Phụ lục I, I.7): số trang được đánh từ 1, bằng chữ số Ả Rập, cỡ
    13 đến 14, đặt canh giữa theo chiều ngang trong phần lề trên của văn bản.
    """

    code = "FMT050"
    name = "page-number-in-footer"
    severity = Severity.ERROR
    message = "số trang nằm ở chân trang, phải ở giữa lề trên"
    kinds = DOCX

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for section in ctx.draft.docx.sections:
            if any(_has_page_field(el) for _, el in _parts(section, "footer")):
                yield self.finding(ctx, Span(0, 0))
                return


@register
class PageNumberOnFirstPage(Rule):
    """Số trang hiện ở trang đầu.

    Vì sao: NĐ 30/2020/NĐ-CP (Phụ lục I, I.7): “không hiển thị số trang thứ nhất”. Trong Word
    cần bật “Different First Page” (titlePg) với đầu trang trang đầu để trống.
    """

    code = "FMT051"
    name = "page-number-on-first-page"
    severity = Severity.ERROR
    message = "số trang hiện ở trang thứ nhất"
    kinds = DOCX

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        section = ctx.draft.docx.sections[0]
        which = "first_page_" if section.different_first_page_header_footer else ""
        for kind in ("header", "footer"):
            hf = getattr(section, f"{which}{kind}")
            if not hf.is_linked_to_previous and _has_page_field(hf._element):
                yield self.finding(ctx, Span(0, 0))
                return
