"""FMT rules on the end of the document (NĐ30 ô 6–9): “./.”, Kính gửi, người ký, Nơi nhận and
the Lưu line."""

from __future__ import annotations

from collections.abc import Iterator

from docgen.check.model import Finding, FixSafety, Severity
from docgen.check.patterns import form
from docgen.check.rules.base import CheckContext, Rule, register
from docgen.check.rules.fmt import nd30
from docgen.check.rules.fmt.lookup import (
    SIGNATURE_LINES,
    continued,
    is_signature_line,
    left_column,
    luu_line,
    noi_nhan_items,
)

@register
class KinhGuiMissingColon(Rule):
    """“Kính gửi” thiếu dấu hai chấm.

    Vì sao: NĐ 30/2020/NĐ-CP (Phụ lục I, II.9.b) trình bày “Kính gửi:” rồi tên cơ quan, cá nhân
    nhận: “Kính gửi: Bộ Nội vụ”.
    """

    code = "FMT016"
    name = "kinh-gui-missing-colon"
    severity = Severity.ERROR
    message = "“Kính gửi” thiếu dấu hai chấm"
    fix = FixSafety.SAFE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        limit = ctx.outline.noi_nhan
        for ln in ctx.lines[: limit if limit is not None else None]:
            m = form.KINH_GUI.match(ln.content)
            if m and m.group("colon") is None:
                yield self.finding(ctx, ln.span(0, m.end()), replacement=ln.content[: m.end()] + ":")


@register
class NoiNhanMissingColon(Rule):
    """“Nơi nhận” thiếu dấu hai chấm.

    Vì sao: NĐ 30/2020/NĐ-CP (Phụ lục I, II.9.d): từ “Nơi nhận” trình bày trên một dòng riêng,
    sau có dấu hai chấm: “Nơi nhận:”.
    """

    code = "FMT017"
    name = "noi-nhan-missing-colon"
    severity = Severity.ERROR
    message = "“Nơi nhận” thiếu dấu hai chấm"
    fix = FixSafety.SAFE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        i = ctx.outline.noi_nhan
        if i is None:
            return
        ln = ctx.lines[i]
        m = form.NOI_NHAN.match(ln.content)
        if m and m.group("colon") is None:
            yield self.finding(ctx, ln.span(0, m.end()), replacement=ln.content[: m.end()] + ":")


@register
class LuuMissingColon(Rule):
    """Dòng “Lưu” ở nơi nhận thiếu dấu hai chấm (“- Lưu VT, KGVX.”).

    Vì sao: NĐ 30/2020/NĐ-CP (Phụ lục I, II.9.d): dòng cuối nơi nhận là “- Lưu: VT, <đơn vị
    soạn thảo>.”, có dấu hai chấm sau “Lưu”. Ví dụ đúng trong Nghị định: “- Lưu: VT, TCCB.”.
    """

    code = "FMT018"
    name = "luu-missing-colon"
    severity = Severity.ERROR
    message = "“Lưu” thiếu dấu hai chấm: “{found}”"
    fix = FixSafety.SAFE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        hit = luu_line(ctx)
        if hit and hit[1].group("colon") is None:
            ln, m = hit
            yield self.finding(ctx, ln.span(m.start("luu"), m.end("luu")), replacement="Lưu:", found=ln.content)


@register
class LuuMissingUnit(Rule):
    """Dòng “Lưu” chỉ ghi “VT”, thiếu chữ viết tắt đơn vị soạn thảo.

    Vì sao: NĐ 30/2020/NĐ-CP (Phụ lục I, II.9.d): bản lưu gồm một bản ở văn thư (VT) và một bản
    ở đơn vị soạn thảo: “- Lưu: VT, TCCB.”. Thiếu đơn vị thì không biết hồ sơ gốc ở đâu.
    """

    code = "FMT019"
    name = "luu-missing-unit"
    severity = Severity.WARNING
    message = "dòng “Lưu” thiếu đơn vị soạn thảo sau “VT”"

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        hit = luu_line(ctx)
        if hit and hit[1].group("body") is not None and form.LUU_ONLY_VT.fullmatch(hit[1].group("body")):
            ln, m = hit
            yield self.finding(ctx, ln.span(0, len(ln.content)))


@register
class LuuLineMissing(Rule):
    """Phần nơi nhận không có dòng “- Lưu: VT, …”.

    Vì sao: NĐ 30/2020/NĐ-CP (Phụ lục I, II.9.d): nơi nhận luôn kết thúc bằng dòng lưu văn
    thư và đơn vị soạn thảo; thiếu nó thì văn bản đi không có bản lưu được ghi nhận.
    """

    code = "FMT020"
    name = "luu-line-missing"
    severity = Severity.ERROR
    message = "nơi nhận không có dòng “- Lưu: VT, …”"

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        i = ctx.outline.noi_nhan
        items = noi_nhan_items(ctx)
        if i is None or not items:
            return
        if any(form.LUU_START.match(ln.content) for ln in items):
            return
        ln = ctx.lines[i]
        yield self.finding(ctx, ln.span(0, len(ln.content)))


@register
class NoiNhanSpaceBeforePunctuation(Rule):
    """Dòng nơi nhận có khoảng trắng trước dấu “;” hoặc “.” cuối dòng (“- Lưu: VT, VX HN .”).

    Vì sao: mỗi dòng nơi nhận kết thúc bằng “;”, dòng cuối bằng “.” ngay sau chữ
    (NĐ 30/2020/NĐ-CP, Phụ lục I, II.9.d); dấu đứng riêng dễ bị ngắt xuống dòng khi in.
    """

    code = "FMT021"
    name = "noi-nhan-space-before-punctuation"
    severity = Severity.ERROR
    message = "khoảng trắng trước dấu “{punct}” cuối dòng nơi nhận"
    fix = FixSafety.SAFE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for ln in noi_nhan_items(ctx):
            m = form.SPACE_BEFORE_FINAL_PUNCT.search(left_column(ln.content))
            if m:
                yield self.finding(ctx, ln.span(m.start(1), m.end(1)), replacement="", punct=m.group(2))


@register
class NoiNhanItemEnding(Rule):
    """Dòng nơi nhận không kết thúc bằng “;” (dòng cuối: “.”).

    Vì sao: NĐ 30/2020/NĐ-CP (Phụ lục I, II.9.d): mỗi nơi nhận một dòng, cuối dòng có dấu chấm
    phẩy, dòng cuối cùng (dòng lưu) có dấu chấm. Là cảnh báo vì bản .txt/.pdf chuyển từ bảng
    có thể làm lẫn dòng.
    """

    code = "FMT022"
    name = "noi-nhan-item-ending"
    severity = Severity.WARNING
    message = "dòng nơi nhận kết thúc bằng “{found}”, phải là “{expected}”"

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        items = noi_nhan_items(ctx)
        for k, ln in enumerate(items):
            if continued(ctx, ln):
                continue  # a wrapped item ends on its last line
            last = k == len(items) - 1
            expected = "." if last else ";"
            item = left_column(ln.content).rstrip()
            end = item[-1:]
            if end in (expected, ",") or (not last and end == "."):
                continue  # "," and a "." inside a list are style, not worth a warning
            if last and end == ";":
                continue  # the real last line may be outside what the reader kept
            n = len(item)
            yield self.finding(ctx, ln.span(n - 1, n), found=end, expected=expected)


@register
class NoiNhanMissingNhuTren(Rule):
    """Văn bản có “Kính gửi” nhưng nơi nhận không có dòng “- Như trên;”.

    Vì sao: NĐ 30/2020/NĐ-CP (Phụ lục I, II.9.b): văn bản có phần “Kính gửi” thì nơi nhận ghi
    “- Như trên;” trước các nơi nhận khác, để bản lưu cho thấy văn bản đã gửi những ai.
    """

    code = "FMT031"
    name = "noi-nhan-missing-nhu-tren"
    severity = Severity.ERROR
    message = "văn bản có “Kính gửi” nhưng nơi nhận thiếu “- Như trên;”"

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        i = ctx.outline.noi_nhan
        items = noi_nhan_items(ctx)
        if i is None or not items:
            return
        if not any(form.KINH_GUI.match(ln.content) for ln in ctx.lines[:i]):
            return
        if any(form.NHU_TREN.match(ln.content) for ln in items):
            return
        ln = ctx.lines[i]
        yield self.finding(ctx, ln.span(0, len(ln.content)))


@register
class SignerPrefixForm(Rule):
    """Chữ viết tắt thẩm quyền ký sai dạng (“K/T”, “T/M”, “KT” không có dấu chấm, “Kt.”).

    Vì sao: NĐ 30/2020/NĐ-CP (Điều 13; Phụ lục I, II.7.b) dùng đúng năm dạng in hoa có dấu
    chấm: “TM.”, “KT.”, “TL.”, “TUQ.”, “Q.”. “K/T”, “T/M” là cách viết của văn bản Đảng.
    """

    code = "FMT023"
    name = "signer-prefix-form"
    severity = Severity.ERROR
    message = "thẩm quyền ký viết “{found}”, phải là “{expected}”"
    fix = FixSafety.SAFE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for ln in ctx.lines:
            m = form.SIGNER_PREFIX_BAD.match(ln.content)
            if m:
                found = m.group("prefix")
                expected = nd30.SIGNER_PREFIX_FIXES[found]
                yield self.finding(ctx, ln.span(0, m.end()), replacement=expected, found=found, expected=expected)


@register
class AcademicTitleBeforeName(Rule):
    """Học hàm, học vị đứng trước họ tên người ký (“TS. Phạm Văn B”).

    Vì sao: NĐ 30/2020/NĐ-CP (Phụ lục I, II.7.c): “không ghi học hàm, học vị… trước họ tên
    người ký”, trừ văn bản của lực lượng vũ trang và của đơn vị giáo dục, y tế, khoa học được
    phép ghi. Vì ngoại lệ này, đây là cảnh báo.
    """

    code = "FMT024"
    name = "academic-title-before-name"
    severity = Severity.WARNING
    message = "học hàm, học vị “{found}” đứng trước họ tên người ký"

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        previous = ""
        for ln in ctx.lines:
            if not ln.content or ln.content.startswith("("):
                continue  # blank, "(Đã ký)", "(ký, ghi rõ họ tên)"
            m = form.SIGNER_ACADEMIC_TITLE.match(ln.content)
            if m and previous.isupper():  # right under the signer's title ("PHÓ GIÁM ĐỐC")
                yield self.finding(ctx, ln.span(0, m.end("title")), found=m.group("title"))
            previous = form.COLUMN_GAP.split(ln.content)[-1]  # the signature column, if two


@register
class MissingEndMark(Rule):
    """Phần nội dung không kết thúc bằng dấu “./.”.

    Vì sao: mọi mẫu trong Phụ lục III NĐ 30/2020/NĐ-CP kết thúc nội dung bằng “./.”, để không
    ai viết thêm được vào sau. Nghị định không ghi thành câu quy định (độ tin cậy trung bình)
    nên đây là thông tin.
    """

    code = "FMT025"
    name = "missing-end-mark"
    severity = Severity.INFO
    message = "nội dung không kết thúc bằng “./.”"

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        i = ctx.outline.noi_nhan
        if i is None:
            return
        # The signature block may be read before "Nơi nhận" (a two-column table): look at the
        # last few lines and accept "./." on any of them.
        before = [ln for ln in ctx.lines[:i] if ln.content][-SIGNATURE_LINES:]
        if any(form.END_MARK.search(ln.content) for ln in before):
            return
        for ln in reversed(before):
            if is_signature_line(ln.content):
                continue
            n = len(ln.content)
            yield self.finding(ctx, ln.span(max(0, n - 1), n))
            return
