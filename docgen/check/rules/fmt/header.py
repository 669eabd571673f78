"""FMT rules on the header (NĐ30 ô 1–5): Quốc hiệu, Tiêu ngữ, Số and ký hiệu, địa danh and
ngày, tên loại and trích yếu. They read only the first ``lookup.HEADER_LINES`` non-blank lines."""

from __future__ import annotations

from collections.abc import Iterator

from docgen import vi
from docgen.check.model import Finding, FixSafety, Severity
from docgen.check.patterns import form
from docgen.check.rules.base import CheckContext, Rule, register
from docgen.check.rules.fmt import nd30
from docgen.check.rules.fmt.lookup import (
    header,
    is_cong_van,
    place_date,
    so_line,
    symbol_groups,
    title,
    vv_line,
)

@register
class SoMissingColon(Rule):
    """Chữ “Số” của số, ký hiệu văn bản thiếu dấu hai chấm.

    Vì sao: NĐ 30/2020/NĐ-CP (Phụ lục I, II.3.c) quy định “Số” viết hoa chữ S, sau đó là dấu
    hai chấm: “Số: 1357/UBND-KGVX”. Ví dụ sai: “Số 1357/UBND-KGVX”.
    """

    code = "FMT001"
    name = "so-missing-colon"
    severity = Severity.ERROR
    message = "“Số” thiếu dấu hai chấm: “{found}”"
    fix = FixSafety.SAFE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        hit = so_line(ctx)
        if hit and hit[1].group("colon") is None:
            ln, m = hit
            replacement = "Số:" if m.group("gap") else "Số: "
            yield self.finding(ctx, ln.span(0, 2), replacement=replacement, found=ln.content[: m.end()])


@register
class SoNumberNotPadded(Rule):
    """Số văn bản nhỏ hơn 10 không có số 0 đứng trước.

    Vì sao: NĐ 30/2020/NĐ-CP (Phụ lục I, II.3.c): “số nhỏ hơn 10 phải ghi thêm số 0 phía trước”,
    ví dụ “Số: 05/KH-UBND”, không phải “Số: 5/KH-UBND”.
    """

    code = "FMT002"
    name = "so-number-not-padded"
    severity = Severity.ERROR
    message = "số văn bản “{found}” nhỏ hơn 10 phải viết “0{found}”"
    fix = FixSafety.SAFE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        hit = so_line(ctx)
        if hit and hit[1].group("num") and form.SINGLE_DIGIT.fullmatch(hit[1].group("num")):
            ln, m = hit
            num = m.group("num")
            yield self.finding(ctx, ln.span(m.start("num"), m.end("num")), replacement="0" + num, found=num)


@register
class SoSymbolSpacing(Rule):
    """Số, ký hiệu có khoảng trắng quanh dấu “/” hoặc “-”.

    Vì sao: NĐ 30/2020/NĐ-CP (Phụ lục I, II.3.c): giữa số và ký hiệu là dấu “/”, giữa các nhóm
    chữ viết tắt là dấu “-”, “không cách chữ”. Ví dụ sai: “Số: 12/KH - UBND”. Khoảng trống để
    trống số cho văn thư (“Số:      /KH-UBND”) là đúng.
    """

    code = "FMT003"
    name = "so-symbol-spacing"
    severity = Severity.ERROR
    message = "số, ký hiệu có khoảng trắng thừa quanh “{mark}”"
    fix = FixSafety.SAFE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        hit = so_line(ctx)
        if not hit:
            return
        ln, m = hit
        if m.group("num") and m.group("sp1"):
            yield self.finding(ctx, ln.span(m.start("sp1"), m.end("sp1")), replacement="", mark="/")
        if m.group("sp2"):
            yield self.finding(ctx, ln.span(m.start("sp2"), m.end("sp2")), replacement="", mark="/")
        base = m.start("symbol")
        for sep in form.SYMBOL_SEPARATOR.finditer(m.group("symbol")):
            if sep.group() != "-":
                span = ln.span(base + sep.start(), base + sep.end())
                yield self.finding(ctx, span, replacement="-", mark="-")


@register
class SoTypeMismatch(Rule):
    """Chữ viết tắt tên loại trong ký hiệu không khớp với tên loại văn bản.

    Vì sao: ký hiệu của văn bản có tên loại gồm chữ viết tắt tên loại theo Phụ lục III NĐ
    30/2020/NĐ-CP rồi đến chữ viết tắt cơ quan: KẾ HOẠCH là “Số: …/KH-UBND”, BÁO CÁO là “/BC-”,
    TỜ TRÌNH là “/TTr-”. Sai chữ viết tắt thì văn bản được vào sổ nhầm loại.
    """

    code = "FMT004"
    name = "so-type-mismatch"
    severity = Severity.ERROR
    message = "văn bản là {kind} nhưng ký hiệu ghi “{found}”, không phải “{expected}”"
    fix = FixSafety.UNSAFE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        hit, t = so_line(ctx), title(ctx)
        if not hit or not t:
            return
        ln, m = hit
        group, start, end = symbol_groups(ln, m)[0]
        expected = nd30.DOC_TYPES[t[0]]
        if group == expected or group.upper() == expected.upper():
            return  # a case slip is FMT006
        if nd30.OBSOLETE_ABBREVIATIONS.get(group) == expected:
            return  # FMT006
        if len(symbol_groups(ln, m)) < 2:
            return  # "Số: 12/UBND": no type group at all is not this rule's business
        yield self.finding(
            ctx, ln.span(start, end), replacement=expected,
            kind=t[0].capitalize(), found=group, expected=expected,
        )


@register
class CongVanTypeAbbreviation(Rule):
    """Công văn có chữ viết tắt tên loại (“CV”, “KH”…) trong ký hiệu.

    Vì sao: công văn không có tên loại nên ký hiệu chỉ gồm chữ viết tắt cơ quan ban hành và đơn
    vị soạn thảo: “Số: 1357/UBND-KGVX” (NĐ 30/2020/NĐ-CP, Phụ lục I, II.3.b). “Số: 12/CV-UBND”
    là sai.
    """

    code = "FMT005"
    name = "cong-van-type-abbreviation"
    severity = Severity.ERROR
    message = "công văn không ghi chữ viết tắt tên loại “{found}” trong ký hiệu"

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        hit = so_line(ctx)
        if not hit or not is_cong_van(ctx):
            return
        ln, m = hit
        group, start, end = symbol_groups(ln, m)[0]
        if group.upper() == "CV" or group in nd30.TYPE_ABBREVIATIONS:
            yield self.finding(ctx, ln.span(start, end), found=group)


@register
class ObsoleteTypeAbbreviation(Rule):
    """Chữ viết tắt tên loại theo mẫu cũ (TT 01/2011) hoặc sai chữ hoa, chữ thường.

    Vì sao: Phụ lục III NĐ 30/2020/NĐ-CP đổi GN → BGN, TTh → BTT, UQ → GUQ, NP → GNP và giữ chữ
    thường trong “CTr”, “TTr”, “QyĐ”; “CTR”, “Ttr” không đúng bảng chữ viết tắt.
    """

    code = "FMT006"
    name = "obsolete-type-abbreviation"
    severity = Severity.ERROR
    message = "chữ viết tắt tên loại “{found}” phải là “{expected}”"
    fix = FixSafety.SAFE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        hit = so_line(ctx)
        if not hit or is_cong_van(ctx):
            return
        ln, m = hit
        groups = symbol_groups(ln, m)
        if len(groups) < 2:
            return
        group, start, end = groups[0]
        expected = nd30.OBSOLETE_ABBREVIATIONS.get(group)
        if expected is None and group not in nd30.TYPE_ABBREVIATIONS:
            expected = next((a for a in nd30.TYPE_ABBREVIATIONS if a.upper() == group.upper()), None)
        if expected:
            yield self.finding(ctx, ln.span(start, end), replacement=expected, found=group, expected=expected)


@register
class DateNotPadded(Rule):
    """Ngày dưới 10, tháng 1 và tháng 2 ở dòng địa danh, ngày tháng không có số 0 đứng trước.

    Vì sao: NĐ 30/2020/NĐ-CP (Phụ lục I, II.4.b): “đối với những số thể hiện ngày nhỏ hơn 10 và
    tháng 1, 2 phải ghi thêm số 0 phía trước”, ví dụ “Hà Nội, ngày 05 tháng 01 năm 2020”.
    """

    code = "FMT007"
    name = "date-not-padded"
    severity = Severity.ERROR
    message = "“{found}” phải viết “{expected}”"
    fix = FixSafety.SAFE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        hit = place_date(ctx)
        if not hit:
            return
        ln, m = hit
        d, mo = m.group("d"), m.group("m")
        if len(d) == 1 and d != "0":
            yield self.finding(ctx, ln.span(m.start("d"), m.end("d")), replacement="0" + d,
                               found=f"ngày {d}", expected=f"ngày 0{d}")
        if mo in ("1", "2"):
            yield self.finding(ctx, ln.span(m.start("m"), m.end("m")), replacement="0" + mo,
                               found=f"tháng {mo}", expected=f"tháng 0{mo}")


@register
class MonthOverPadded(Rule):
    """Tháng 3 đến tháng 9 ở dòng địa danh, ngày tháng được thêm số 0 (“tháng 03”).

    Vì sao: NĐ 30/2020/NĐ-CP chỉ thêm số 0 cho tháng 1 và 2; các ví dụ của Nghị định viết “ngày
    05 tháng 3 năm 2020”, “ngày 29 tháng 6 năm 2019”. Độ tin cậy của nguồn là trung bình–cao
    (ví dụ trong Nghị định, không phải câu quy định) nên đây là cảnh báo.
    """

    code = "FMT008"
    name = "month-over-padded"
    severity = Severity.WARNING
    message = "“tháng {found}” viết là “tháng {expected}” (chỉ tháng 01, 02 có số 0)"
    fix = FixSafety.SAFE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        hit = place_date(ctx)
        if hit and form.MONTH_OVERPADDED.fullmatch(hit[1].group("m")):
            ln, m = hit
            mo = m.group("m")
            yield self.finding(ctx, ln.span(m.start("m"), m.end("m")), replacement=mo[1], found=mo, expected=mo[1])


@register
class PlaceAbbreviated(Rule):
    """Địa danh ở dòng ngày tháng bị viết tắt (“TP. Hồ Chí Minh”, “TP HCM”, “Tp.”).

    Vì sao: NĐ 30/2020/NĐ-CP (Phụ lục I, II.4.a) yêu cầu ghi tên gọi chính thức, đầy đủ của
    đơn vị hành chính: “Thành phố Hồ Chí Minh, ngày 29 tháng 6 năm 2019”. Không sửa tự động vì
    “TP.” có thể là thành phố trực thuộc tỉnh hay trực thuộc trung ương.
    """

    code = "FMT009"
    name = "place-abbreviated"
    severity = Severity.ERROR
    message = "địa danh viết tắt “{found}”"

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        hit = place_date(ctx)
        if hit:
            ln, m = hit
            place = m.group("place")
            a = form.PLACE_INITIALS.match(place) or form.PLACE_ABBR.match(place)
            if a:
                yield self.finding(ctx, ln.span(m.start("place") + a.start(), m.start("place") + a.end()),
                                   found=a.group())


@register
class HeaderDateNumeric(Rule):
    """Ngày ban hành ở đầu văn bản viết bằng số và gạch chéo (“Hà Nội, 05/02/2025”).

    Vì sao: NĐ 30/2020/NĐ-CP (Phụ lục I, II.4.b) viết ngày ban hành đầy đủ: “Hà Nội, ngày 05
    tháng 02 năm 2025”. Dạng dd/mm/yyyy chỉ dùng khi viện dẫn văn bản khác.
    """

    code = "FMT010"
    name = "header-date-numeric"
    severity = Severity.ERROR
    message = "ngày ban hành viết “{found}”, phải viết “{expected}”"
    fix = FixSafety.SAFE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for ln in header(ctx):
            m = form.PLACE_DATE_NUMERIC.match(ln.content)
            if not m:
                continue
            raw = m.group("date")
            try:
                value = vi.parse_date(form.DATE_SEPARATOR.sub("/", raw))
            except vi.DateError:
                continue
            start = m.end("place")
            found = ln.content[start : m.end()]
            expected = ", " + vi.date_long(value)
            yield self.finding(ctx, ln.span(start, m.end()), replacement=expected,
                               found=found.strip(", "), expected=expected[2:])
            return


@register
class PlaceDatePunctuation(Rule):
    """Dòng địa danh, ngày tháng thiếu dấu phẩy sau địa danh hoặc viết hoa chữ “Ngày”.

    Vì sao: NĐ 30/2020/NĐ-CP (Phụ lục I, II.4): “sau địa danh có dấu phẩy”, chữ “ngày” viết
    thường: “Cao Bằng, ngày 05 tháng 3 năm 2024”.
    """

    code = "FMT011"
    name = "place-date-punctuation"
    severity = Severity.ERROR
    message = "dòng địa danh, ngày tháng viết “{found}”, phải là “{expected}”"
    fix = FixSafety.SAFE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        hit = place_date(ctx)
        if not hit:
            return
        ln, m = hit
        if m.group("comma") is None or m.group("ngay") == "Ngày":
            start, end = m.end("place"), m.end("ngay")
            found = ln.content[start:end]
            yield self.finding(ctx, ln.span(start, end), replacement=", ngày",
                               found=(m.group("place") + found).strip(), expected=m.group("place") + ", ngày")


@register
class QuocHieuHoaSpelling(Rule):
    """Quốc hiệu viết “CỘNG HOÀ” (dấu đặt kiểu cũ) thay vì “CỘNG HÒA”.

    Vì sao: câu quy định của NĐ 30/2020/NĐ-CP (Phụ lục I, II.1.a) viết “CỘNG HÒA”, nhưng bảng ví
    dụ và Mẫu 1.6 của chính Nghị định lại viết “CỘNG HOÀ”; vì vậy chỉ là thông tin, để thống
    nhất trong cơ quan. Không tự sửa.
    """

    code = "FMT012"
    name = "quoc-hieu-hoa-spelling"
    severity = Severity.INFO
    message = "Quốc hiệu viết “{found}”; câu quy định của NĐ 30 viết “HÒA”"
    fix = FixSafety.UNSAFE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for ln in header(ctx):
            m = form.QUOC_HIEU.match(ln.content)
            if m and m.group("hoa").upper() == "HOÀ":
                found = m.group("hoa")
                yield self.finding(ctx, ln.span(m.start("hoa"), m.end("hoa")), replacement="HÒA", found=found)


@register
class QuocHieuForm(Rule):
    """Quốc hiệu không viết in hoa toàn bộ hoặc thừa khoảng trắng.

    Vì sao: NĐ 30/2020/NĐ-CP (Phụ lục I, II.1.a): Quốc hiệu “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT
    NAM” trình bày bằng chữ in hoa. Ví dụ sai: “Cộng hòa xã hội chủ nghĩa Việt Nam”.
    """

    code = "FMT013"
    name = "quoc-hieu-form"
    severity = Severity.ERROR
    message = "Quốc hiệu viết “{found}”, phải là “{expected}”"
    fix = FixSafety.SAFE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for ln in header(ctx):
            m = form.QUOC_HIEU.match(ln.content)
            if not m:
                continue
            hoa = m.group("hoa").upper()  # the HÒA/HOÀ choice is FMT012's business
            expected = nd30.QUOC_HIEU.replace("HÒA", hoa)
            if m.group("all") != expected:
                yield self.finding(ctx, ln.span(0, m.end()), replacement=expected, found=m.group("all"),
                                   expected=expected)


@register
class TieuNguSeparator(Rule):
    """Tiêu ngữ dùng gạch dài (–, —), thiếu hoặc thừa khoảng trắng quanh gạch nối.

    Vì sao: NĐ 30/2020/NĐ-CP (Phụ lục I, II.1.b): “giữa các cụm từ có gạch nối (-), có cách
    chữ”: “Độc lập - Tự do - Hạnh phúc”. Nhiều trang mạng in “Độc lập – Tự do – Hạnh phúc”
    (gạch dài) là sai.
    """

    code = "FMT014"
    name = "tieu-ngu-separator"
    severity = Severity.ERROR
    message = "Tiêu ngữ phân cách bằng “{found}”, phải là “ - ”"
    fix = FixSafety.SAFE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for ln in header(ctx):
            m = form.TIEU_NGU.match(ln.content)
            if not m:
                continue
            for g in ("s1", "s2"):
                if m.group(g) != nd30.TIEU_NGU_SEPARATOR:
                    yield self.finding(ctx, ln.span(m.start(g), m.end(g)),
                                       replacement=nd30.TIEU_NGU_SEPARATOR, found=m.group(g))


@register
class TieuNguCase(Rule):
    """Tiêu ngữ viết sai chữ hoa (“Độc Lập - Tự Do - Hạnh Phúc”, in hoa toàn bộ).

    Vì sao: NĐ 30/2020/NĐ-CP (Phụ lục I, II.1.b): chữ cái đầu của các cụm từ được viết hoa,
    còn lại viết thường: “Độc lập - Tự do - Hạnh phúc”.
    """

    code = "FMT015"
    name = "tieu-ngu-case"
    severity = Severity.ERROR
    message = "Tiêu ngữ viết “{found}”, phải là “{expected}”"
    fix = FixSafety.SAFE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for ln in header(ctx):
            m = form.TIEU_NGU.match(ln.content)
            if not m:
                continue
            for g, expected in zip(("p1", "p2", "p3"), nd30.TIEU_NGU_PHRASES):
                if m.group(g) != expected:
                    yield self.finding(ctx, ln.span(m.start(g), m.end(g)), replacement=expected,
                                       found=m.group(g), expected=expected)


@register
class VvInTypedDocument(Rule):
    """Văn bản có tên loại (Kế hoạch, Quyết định…) dùng “V/v” làm trích yếu.

    Vì sao: “V/v” chỉ dùng cho trích yếu công văn (NĐ 30/2020/NĐ-CP, Phụ lục I, II.5.b); văn
    bản có tên loại ghi trích yếu ngay dưới tên loại, in đậm, không có “V/v” (Mẫu 1.2–1.4).
    """

    code = "FMT026"
    name = "vv-in-typed-document"
    severity = Severity.ERROR
    message = "{kind} không dùng “V/v” làm trích yếu"

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        t = title(ctx)
        ln = vv_line(ctx)
        if t and ln:
            yield self.finding(ctx, ln.span(0, 3), kind=t[0].capitalize())


@register
class CongVanHasTitle(Rule):
    """Công văn có dòng tên loại “CÔNG VĂN”.

    Vì sao: công văn là văn bản không có tên loại; trích yếu “V/v …” đặt dưới số, ký hiệu
    (NĐ 30/2020/NĐ-CP, Phụ lục I, II.5.b; Mẫu 1.5 không có dòng “CÔNG VĂN”).
    """

    code = "FMT032"
    name = "cong-van-has-title"
    severity = Severity.ERROR
    message = "công văn không có dòng tên loại “{found}”"

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for ln in header(ctx):
            if " ".join(ln.content.split()) == "CÔNG VĂN":
                yield self.finding(ctx, ln.span(0, len(ln.content)), found=ln.content)
                return
