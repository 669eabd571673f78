"""FMT rules on the running text: spacing slips, split words, over-capitalised organisation
names and mixed tone placement. They apply to every line of every input."""

from __future__ import annotations

import re
from collections.abc import Iterator

from docgen.check.model import Finding, FixSafety, Severity, Span
from docgen.check.patterns import form
from docgen.check.rules.base import CheckContext, Rule, register
from docgen.check.rules.fmt import nd30
from docgen.check.rules.fmt.lookup import luu_line, noi_nhan_items
from docgen.lazy_re import lazy

def _luu_space_span(ctx: CheckContext) -> Span | None:
    hit = luu_line(ctx)
    if hit and hit[1].group("space") and hit[1].group("end"):
        ln, m = hit
        return ln.span(m.start("space"), m.end("space"))
    return None


def _is_blank_placeholder(content: str, start: int, end: int) -> bool:
    """Spaces that leave a blank to fill in: "Số:      /KH-UBND", "ngày      tháng      năm"."""
    before, after = content[:start].rstrip(), content[end:]
    if after.startswith("/") or before.endswith(("Số:", "Số")):
        return True
    return before.endswith(("ngày", "tháng")) and after.startswith(("tháng", "năm"))


@register
class DoubleSpace(Rule):
    """Hai khoảng trắng liền nhau giữa hai chữ (“số  25”).

    Vì sao: khoảng trắng thừa là dấu vết của sửa chữa vội, làm lệch dòng khi căn đều hai lề.
    Không xét khoảng trống chừa để điền số, ngày (“Số:      /KH-UBND”), thụt đầu dòng, khoảng
    trắng cuối dòng, dãy từ năm khoảng trắng trở lên (dàn cột trong bản .txt); không xét .pdf
    (khoảng trắng trong .pdf do phần mềm trích xuất).
    """

    code = "FMT027"
    name = "double-space"
    severity = Severity.INFO
    message = "{count} khoảng trắng liền nhau"
    fix = FixSafety.SAFE
    kinds = frozenset({"txt", "md", "docx", "stdin", "yaml"})

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for ln in ctx.lines:
            for m in form.DOUBLE_SPACE.finditer(ln.content):
                if _is_blank_placeholder(ln.content, m.start(), m.end()):
                    continue
                if form.SPACE_BEFORE_PUNCT.match(ln.content, m.start()):
                    continue  # "tỉnh  :" is FMT028's, which removes every space
                yield self.finding(ctx, ln.span(m.start(), m.end()), replacement=" ", count=len(m.group()))


@register
class SpaceBeforePunctuation(Rule):
    """Khoảng trắng trước dấu câu “,” “.” “:” “;” (“tỉnh :”).

    Vì sao: theo chính tả tiếng Việt, dấu câu đứng sát chữ trước nó; khoảng trắng thừa làm dấu
    câu có thể bị đẩy xuống đầu dòng sau. Không xét dấu ba chấm, “./.”, và chỗ để trống điền sau.
    """

    code = "FMT028"
    name = "space-before-punctuation"
    severity = Severity.INFO
    message = "khoảng trắng trước dấu “{punct}”"
    fix = FixSafety.SAFE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        skip = _luu_space_span(ctx)
        for ln in ctx.lines:
            for m in form.SPACE_BEFORE_PUNCT.finditer(ln.content):
                span = ln.span(m.start("spaces"), m.end("spaces"))
                if skip and span.start < skip.end and skip.start < span.end:
                    continue  # FMT021 reports the Lưu line
                if ctx.outline.noi_nhan is not None and any(
                    span.start >= it.start and span.end <= it.end for it in noi_nhan_items(ctx)
                ) and ln.content[m.end() :].strip() == "":
                    continue  # FMT021 reports the end of Nơi nhận items
                yield self.finding(ctx, span, replacement="", punct=m.group("punct"))


@register
class SplitWord(Rule):
    """Một chữ bị tách đôi sau chữ cái đầu (“n gày”, “t hực hiện”).

    Vì sao: lỗi gõ này làm sai chính tả và làm hỏng việc tìm kiếm văn bản. Chỉ bắt chữ cái đầu
    tách khỏi phần còn lại của các phụ âm ghép (ng, nh, th, ch, kh, ph, tr, gi, qu); không sửa
    tự động vì có thể là hai từ thật.
    """

    code = "FMT029"
    name = "split-word"
    severity = Severity.INFO
    message = "chữ bị tách: “{found}”"
    fix = FixSafety.UNSAFE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for ln in ctx.lines:
            for m in form.SPLIT_WORD.finditer(ln.content):
                found = m.group("word")
                yield self.finding(ctx, ln.span(m.start("word"), m.end("word")),
                                   replacement=found.replace(" ", "", 1), found=found)


_ORG_PATTERNS = [(p, form.org_name(p)) for p in nd30.ORG_PHRASES]
# The phrases' first words (one group each, "w3"), whole words in any case: a line where this finds
# nothing holds none of the phrases (most lines), and on the others only the phrases that start
# with a word found there are searched. Two different words cannot both match at one place, and a
# phrase's match starts with its first word, so no phrase that matches is skipped (on a draft
# citing the Bộ GDĐT in every paragraph, searching every phrase on every such line took 0.4 s per
# 10,000 paragraphs).
_FIRST_WORD = {p: form.WORD.findall(p)[0].lower() for p in nd30.ORG_PHRASES}
_FIRST_WORDS = sorted(set(_FIRST_WORD.values()))
_ANY_FIRST_WORD = lazy(
    r"\b(?:" + "|".join(f"(?P<w{i}>{re.escape(w)})" for i, w in enumerate(_FIRST_WORDS)) + r")\b", re.IGNORECASE,
    first=f"[{''.join(sorted({w[0] for w in _FIRST_WORDS}))}]",  # their initials, any case (IGNORECASE)
)
_FIRST_GROUP = {p: f"w{_FIRST_WORDS.index(w)}" for p, w in _FIRST_WORD.items()}


@register
class OrgNameOverCapitalised(Rule):
    """Tên cơ quan, tổ chức viết hoa thừa (“Ủy Ban Nhân Dân”, “Sở Giáo Dục Và Đào Tạo”).

    Vì sao: Phụ lục II NĐ 30/2020/NĐ-CP (IV.1) chỉ viết hoa chữ cái đầu của từ chỉ loại hình cơ
    quan và của từng lĩnh vực: “Ủy ban nhân dân”, “Sở Giáo dục và Đào tạo”. Tên in hoa toàn bộ
    ở phần đầu văn bản (“ỦY BAN NHÂN DÂN”) là đúng và không bị xét.
    """

    code = "FMT030"
    name = "org-name-over-capitalised"
    severity = Severity.WARNING
    message = "tên cơ quan viết “{found}”, phải là “{expected}”"
    fix = FixSafety.SAFE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        seen: set[int] = set()
        for ln in ctx.lines:
            present = {m.lastgroup for m in _ANY_FIRST_WORD.finditer(ln.content)}
            if not present:
                continue
            for phrase, pattern in _ORG_PATTERNS:
                if _FIRST_GROUP[phrase] not in present:
                    continue
                for m in pattern.finditer(ln.content):
                    found = m.group()
                    if found.isupper() or m.start() + ln.content_start in seen:
                        continue
                    fixed = _recase(found, phrase)
                    if fixed == found or not _more_capitals(found, fixed):
                        continue
                    seen.add(m.start() + ln.content_start)
                    yield self.finding(ctx, ln.span(m.start(), m.end()), replacement=fixed,
                                       found=found, expected=fixed)


@register
class MixedTonePlacement(Rule):
    """Cùng một chữ được bỏ dấu theo hai kiểu trong một văn bản (“Ủy” và “Uỷ”, “hòa” và “hoà”).

    Vì sao: cả hai kiểu bỏ dấu đều gặp (chính NĐ 30/2020/NĐ-CP cũng dùng lẫn), nhưng trong một
    văn bản nên thống nhất một kiểu; lẫn hai kiểu còn làm việc tìm kiếm bỏ sót. Báo những chỗ
    dùng kiểu ít hơn; không tự sửa vì chọn kiểu nào là việc của cơ quan.
    """

    code = "FMT033"
    name = "mixed-tone-placement"
    severity = Severity.INFO
    message = "“{found}” viết khác các chỗ khác trong văn bản (“{majority}”)"
    fix = FixSafety.UNSAFE

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        text = ctx.draft.text
        forms: list[tuple[list[re.Match[str]], list[re.Match[str]]]] = [([], []) for _ in form.TONE_PAIRS]
        for m in form.TONE_WORDS.finditer(text):
            group = m.lastgroup or ""
            forms[int(group[1:])][group[0] == "o"].append(m)  # "n2": pair 2's new form, "o2" its old
        for new, old in forms:
            if not new or not old:
                continue
            minority, majority = (old, new) if len(old) <= len(new) else (new, old)
            model = majority[0].group()
            for m in minority:
                replacement = _recase(model, m.group())  # the majority's letters, this one's case
                yield self.finding(ctx, Span(m.start(), m.end()), replacement=replacement,
                                   found=m.group(), majority=model)


def _recase(found: str, phrase: str) -> str:
    """``found`` with the case of ``phrase`` word by word, keeping its own letters (Uỷ/Ủy)."""
    out = list(found)
    found_words = list(form.WORD.finditer(found))
    for fw, pw in zip(found_words, form.WORD.findall(phrase)):
        for k, ch in enumerate(pw):
            i = fw.start() + k
            out[i] = out[i].upper() if ch.isupper() else out[i].lower()
    return "".join(out)


def _more_capitals(found: str, fixed: str) -> bool:
    return sum(c.isupper() for c in found) > sum(c.isupper() for c in fixed)
