"""Look-ups shared by the FMT text rules: the header lines, the tên loại, the Số line, the
place-date line, the Nơi nhận items. Each is computed once per draft (``CheckContext.memo``)."""

from __future__ import annotations

import re

from docgen.check.outline import Line
from docgen.check.patterns import form
from docgen.check.rules.base import CheckContext
from docgen.check.rules.fmt import nd30

HEADER_LINES = 30  # header elements (Số, ngày, Quốc hiệu, tên loại) live in the first lines


def header(ctx: CheckContext) -> list[Line]:
    """The first non-blank lines, where the header elements live."""
    if "fmt.header" not in ctx.memo:
        ctx.memo["fmt.header"] = [ln for ln in ctx.lines if ln.content][:HEADER_LINES]
    lines: list[Line] = ctx.memo["fmt.header"]
    return lines


def title(ctx: CheckContext) -> tuple[str, Line] | None:
    """The tên loại line ("KẾ HOẠCH") and its key in :data:`nd30.DOC_TYPES`, if any."""
    if "fmt.title" not in ctx.memo:
        found: tuple[str, Line] | None = None
        for ln in header(ctx):
            key = " ".join(ln.content.split())
            if key in nd30.DOC_TYPES:
                found = (key, ln)
                break
        ctx.memo["fmt.title"] = found
    result: tuple[str, Line] | None = ctx.memo["fmt.title"]
    return result


def vv_line(ctx: CheckContext) -> Line | None:
    for ln in header(ctx):
        if form.VV_LINE.match(ln.content):
            return ln
    return None


def is_cong_van(ctx: CheckContext) -> bool:
    """A công văn: a "V/v" trích yếu and no tên loại (NĐ30 Mẫu 1.5)."""
    return title(ctx) is None and vv_line(ctx) is not None


def so_line(ctx: CheckContext) -> tuple[Line, re.Match[str]] | None:
    for ln in header(ctx):
        m = form.SO_LINE.match(ln.content)
        if m:
            return ln, m
    return None


def symbol_groups(ln: Line, m: re.Match[str]) -> list[tuple[str, int, int]]:
    """(group, start, end) of each group of the ký hiệu, offsets in ``ln.content``."""
    out: list[tuple[str, int, int]] = []
    base = m.start("symbol")
    pos = 0
    symbol = m.group("symbol")
    for sep in form.SYMBOL_SEPARATOR.finditer(symbol):
        out.append((symbol[pos : sep.start()], base + pos, base + sep.start()))
        pos = sep.end()
    out.append((symbol[pos:], base + pos, base + len(symbol)))
    return out


def place_date(ctx: CheckContext) -> tuple[Line, re.Match[str]] | None:
    for ln in header(ctx):
        m = form.PLACE_DATE.search(ln.content)
        if m and (m.start() == 0 or ln.content[: m.start()].endswith(("  ", "\t"))):
            return ln, m
    return None


def noi_nhan_items(ctx: CheckContext) -> list[Line]:
    """The item lines after "Nơi nhận" ("- …") with their wrapped continuation lines, up to the
    first line that is neither an item, a continuation, nor part of the signature block (which a
    two-column table may put before, between or after the items).

    A line continues the item above it when that item has not ended (its Nơi nhận column does
    not end with ";" or "."): a long item wraps inside its table cell ("- Công an tỉnh, BCHQS
    tỉnh," / "BCHBĐBP tỉnh;"), and a PDF or a text copy gives the wrapped part its own line,
    sometimes after signer lines of the other column. :func:`continued` says which item lines
    go on in the next item line.
    """
    if "fmt.items" in ctx.memo:
        cached: list[Line] = ctx.memo["fmt.items"]
        return cached
    start = ctx.outline.noi_nhan
    items: list[Line] = []
    continued_ids: set[int] = set()
    open_item: Line | None = None  # the last item line, while its item has not ended
    for ln in ctx.lines[start + 1 :] if start is not None else []:
        if not ln.content:
            continue
        if form.NOI_NHAN_ITEM.match(ln.content) or form.LUU_START.match(ln.content):
            items.append(ln)
            open_item = ln
        elif open_item is not None and _continues_item(ln.content):
            continued_ids.add(id(open_item))
            items.append(ln)
            open_item = ln
        elif not is_signature_line(ln.content):
            break
        if open_item is not None and left_column(open_item.content).rstrip().endswith((";", ".")):
            open_item = None
    ctx.memo["fmt.items"] = items
    ctx.memo["fmt.continued"] = continued_ids
    return items


def continued(ctx: CheckContext, ln: Line) -> bool:
    """Whether the item line ``ln`` (from :func:`noi_nhan_items`) wraps onto the next item line."""
    noi_nhan_items(ctx)
    ids: set[int] = ctx.memo["fmt.continued"]
    return id(ln) in ids


def _continues_item(content: str) -> bool:
    """Whether a line after an unfinished item is its wrapped rest, not a signer line.

    A signer line has the signer prefix ("KT. CHỦ TỊCH"), is all capitals, a "(Đã ký)", or a
    bare name without punctuation ("Trịnh Trường Huy"); the wrapped rest of an item is none of
    these, or ends like an item (";", ".", ",").
    """
    if form.SIGNER_PREFIX_BAD.match(content) or content.split(" ")[0] in nd30.SIGNER_PREFIXES:
        return False
    if content.startswith("("):
        return False
    if content.rstrip().endswith((";", ".", ",")):
        return True
    return not is_signature_line(content)


def left_column(content: str) -> str:
    """The Nơi nhận column of a line that also holds the signature column: "- Như trên;      KT.
    CHỦ TỊCH" and "- Như trên; KT. CHỦ TỊCH" (a tab read as one blank) → "- Như trên;"."""
    m = form.COLUMN_GAP.search(content)
    if m:
        return content[: m.start()]
    for sep in form.ITEM_END.finditer(content):
        rest = content[sep.end() :]
        if rest and is_signature_line(rest):
            return content[: sep.start() + 1]
    return content


SIGNATURE_LINES = 8


def is_signature_line(content: str) -> bool:
    """"KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "(Đã ký)", "Trịnh Trường Huy", "Nguyễn Văn A"."""
    return bool(
        form.SIGNER_PREFIX_BAD.match(content)
        or content.split(" ")[0] in nd30.SIGNER_PREFIXES
        or content.isupper()
        or content.startswith("(")
        or form.PERSON_NAME.match(content)
    )


def luu_line(ctx: CheckContext) -> tuple[Line, re.Match[str]] | None:
    for ln in noi_nhan_items(ctx):
        m = form.LUU_LINE.match(left_column(ln.content))
        if m:
            return ln, m
    return None
