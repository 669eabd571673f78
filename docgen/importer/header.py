"""The header of an imported document: issuer and chủ quản, số and ký hiệu, place and date, tên
loại and trích yếu (or a Công văn's "V/v …"), "Kính gửi"."""

from __future__ import annotations

import datetime as dt
from typing import Any, Final

from docgen.check.patterns import reading as R
from docgen.importer.patterns import (
    BULLET,
    FOOTNOTE_REF,
    ITEM_SEPARATOR,
    KINH_GUI,
    MOTTO,
    NUMBER_LINE,
    PLACE_DATE,
    PLACE_WORD,
    QUOC_HIEU,
    VV_PREFIX,
)
from docgen.importer.state import State, is_upper, strip_item
from docgen.spec.models import KIND_ABBREV, KIND_TITLE, Kind

# A trích yếu longer than this is the body run into it (and Word's title property holds 255).
_SUBJECT_MAX: Final = 230


class HeaderReader(State):
    """Reads the header paragraphs (``self.pos`` moves past them)."""

    def header(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        reading = self.source.reading
        issuers: list[tuple[str, bool]] = []  # (text with breaks, bold)
        seen_motto = False
        seen_title = False
        i = 0
        limit = min(len(self.paras), 40)
        while i < limit:
            p = self.paras[i]
            text = p.text
            if QUOC_HIEU.search(text) or MOTTO.match(text):
                seen_motto = True
            elif m := NUMBER_LINE.match(text):
                if m.group("so"):
                    out["so"] = int(m.group("so")) if not m.group("so").startswith("0") else m.group("so")
                else:
                    out["du_thao"] = True
                out["ky_hieu"] = m.group("ky_hieu")
            elif m := PLACE_DATE.match(text):
                out["dia_danh"] = m.group("place").strip()
                if m.group("d") and m.group("m") and m.group("y"):
                    try:
                        day = dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
                        out["ngay"] = day.strftime("%d/%m/%Y")
                        self.date = day
                    except ValueError:
                        self.note(f"ngày “{text}”", "phần đầu (ngày bỏ trống)")
                if seen_title:
                    i += 1
                    break
            elif R.VV_LINE.match(text) and not seen_title:
                self.kind = Kind.CONG_VAN
                parts = [VV_PREFIX.sub("", text)]
                while i + 1 < limit and self.paras[i + 1].text and not PLACE_DATE.match(self.paras[i + 1].text) \
                        and not KINH_GUI.match(self.paras[i + 1].text) and not R.TITLE_STOP.match(self.paras[i + 1].text):
                    i += 1
                    parts.append(self.paras[i].text)
                out["trich_yeu"] = self.markers(" ".join(parts))
                seen_title = True
                if "dia_danh" in out:
                    i += 1
                    break
            elif (m := R.KIND_LINE.match(text)) and not seen_title:
                self.kind = _kind_of(m.group("kind"))
                written = _full_title(text, self.kind)
                if written:
                    out["ten_loai"] = written
                parts = []
                while i + 1 < len(self.paras) and not self.paras[i + 1].in_table and _subject_line(self.paras[i + 1].text):
                    if parts and (self.paras[i + 1].text.rstrip().endswith(".") or FOOTNOTE_REF.search(self.paras[i + 1].text)):
                        break  # a sentence under the trích yếu is the body's first line
                    if len(" ".join([*parts, self.paras[i + 1].text])) > _SUBJECT_MAX:
                        break
                    i += 1
                    parts.append(self.paras[i].text)
                    if len(parts) == 4:
                        break
                out["trich_yeu"] = self.markers(" ".join(parts))
                seen_title = True
                i += 1
                break
            elif not seen_motto and not seen_title and is_upper(text):
                issuers.append((p.broken or text, (p.bold or "").strip() == text.strip()))
            elif text.upper() == "DỰ THẢO":
                out["du_thao"] = True
            else:
                break
            i += 1
        self.pos = i
        if reading is not None and not seen_title and reading.topic:
            self.note("tên loại và trích yếu", "phần đầu")
        out["co_quan"] = self.issuers(issuers, out.get("ky_hieu"))
        if "dia_danh" not in out:
            out["dia_danh"] = "…"
            self.notes.append("không thấy địa danh và ngày ban hành: ghi “…” ở dia_danh, cần điền")
        if "trich_yeu" not in out:
            out["trich_yeu"] = "…"
            self.notes.append("không thấy trích yếu: ghi “…” ở trich_yeu, cần điền")
        recipients = self.recipients()
        if recipients:
            out["kinh_gui"] = recipients
        return out

    def issuers(self, found: list[tuple[str, bool]], symbol: str | None) -> list[dict[str, Any]]:
        """chu_quan + tên cơ quan: a .docx says which line is bold (the issuer); a text joins
        "ỦY BAN NHÂN DÂN" / "TỈNH THÁI BÌNH" and takes a first line before another body as chủ quản."""
        entries: list[tuple[str, bool]] = []
        for text, bold in found:
            if self.source.kind == "docx":  # one paragraph is one name, its breaks kept
                entries.append((text.strip(), bold))
                continue
            for piece in text.split("\n"):
                piece = piece.strip()
                if not piece:
                    continue
                if entries and PLACE_WORD.match(piece) and entries[-1][1] == bold:
                    entries[-1] = (entries[-1][0] + "\n" + piece, bold)
                else:
                    entries.append((piece, bold))
        issuers: list[dict[str, Any]] = []
        any_bold = any(b for _, b in entries)
        pending: str | None = None
        for i, (text, bold) in enumerate(entries):
            if any_bold:
                if not bold:
                    pending = text if pending is None else f"{pending} {text}"
                    continue
            elif i == 0 and len(entries) >= 2:
                pending = text
                continue
            issuer: dict[str, Any] = {}
            if pending:
                issuer["chu_quan"] = pending
                pending = None
            issuer["ten"] = text
            issuers.append(issuer)
        if not issuers:
            self.notes.append("không thấy tên cơ quan ban hành: ghi “…” ở co_quan, cần điền")
            issuers = [{"ten": "…"}]
        if len(issuers) > 2:
            self.note("tên cơ quan thứ ba trở đi", "co_quan (gộp vào cơ quan thứ hai)")
            issuers = [issuers[0], {"ten": "\n".join(x["ten"] for x in issuers[1:])}]
        if symbol:
            codes = symbol.split("-")
            if KIND_ABBREV[self.kind] and codes[0] == KIND_ABBREV[self.kind]:
                codes = codes[1:]
            if self.kind is Kind.CONG_VAN:
                codes = codes[:1]
            if len(codes) == len(issuers):
                for issuer, code in zip(issuers, codes):
                    issuer["viet_tat"] = code
        return issuers

    def recipients(self) -> list[str]:
        if self.pos >= len(self.paras):
            return []
        m = KINH_GUI.match(self.paras[self.pos].text)
        if not m:
            return []
        self.pos += 1
        rest = m.group("rest").strip()
        if rest and not rest.startswith("-"):
            return [strip_item(rest)]
        # "- A; - B." on the line itself (a .docx's breaks read as spaces), then "- C;" lines
        items = [strip_item(x) for x in ITEM_SEPARATOR.split(rest)] if rest else []
        if rest and not rest.rstrip().endswith(";"):
            return items
        while self.pos < len(self.paras) and (b := BULLET.match(self.paras[self.pos].text)):
            items.append(strip_item(b.group("rest")))
            self.pos += 1
        return items


def _kind_of(title: str) -> Kind:
    flat = " ".join(title.split())
    for kind, name in KIND_TITLE.items():
        if name and flat.startswith(name):
            return kind
    return Kind.KE_HOACH


def _full_title(line: str, kind: Kind) -> str | None:
    """The tên loại as the spec's ``ten_loai`` when the line says more than the kind's own title
    ("CHƯƠNG TRÌNH PHỐI HỢP" for a Chương trình → "Chương trình phối hợp"); None when it is the
    kind's title, or a title the kind's cannot begin (docgen writes the kind's own then)."""
    written = " ".join(line.split()).upper()
    base = KIND_TITLE[kind]
    if not base or not written.startswith(base + " "):
        return None
    return written.capitalize()


def _subject_line(text: str) -> bool:
    return bool(text) and not R.TITLE_STOP.match(text) and not KINH_GUI.match(text) and not is_upper(text)
