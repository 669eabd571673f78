"""The end of an imported document: signers (TM., KT., TL., TUQ., Q., chức vụ, họ tên), "Nơi nhận:"
and "- Lưu: …"."""

from __future__ import annotations

from typing import Any

from docgen.importer.patterns import AUTHORITY, BULLET, LUU, NOI_NHAN, POSITION
from docgen.importer.read import Para
from docgen.importer.state import State, is_upper, strip_item


class SignatureReader(State):
    """Reads signers, nơi nhận and lưu."""

    def split_tail(self) -> tuple[int, list[Para]]:
        """Where the body ends: after the closing "./." before "Nơi nhận:" or the first signer
        line, or at that line."""
        start = self.pos
        stop = len(self.paras)
        for k in range(start, len(self.paras)):
            text = self.paras[k].text
            if NOI_NHAN.match(text) or (AUTHORITY.match(text) and is_upper(text)):
                stop = k
                break
        closing = next((k for k in range(stop - 1, start - 1, -1) if self.paras[k].text.rstrip().endswith("./.")), None)
        if closing is not None and closing + 1 < stop and all(self.paras[k].rows is None for k in range(closing + 1, stop)):
            stop = closing + 1
        elif stop == len(self.paras):
            # a signer without authority line: the last capitals line followed by a name
            for k in range(len(self.paras) - 2, start, -1):
                if is_upper(self.paras[k].text) and _name_like(self.paras[k + 1].text):
                    stop = k
                    break
        return stop, self.paras[stop:]

    def tail(self, paras: list[Para]) -> tuple[list[dict[str, Any]], list[str], str | None]:
        signers: list[dict[str, Any]] = []
        current: dict[str, Any] = {}
        distribution: list[str] = []
        archive: str | None = None
        in_list = False
        for p in paras:
            text = p.text
            if NOI_NHAN.match(text):
                in_list = True
                continue
            if in_list and text.lstrip("- ").startswith("Lưu") and (m := LUU.match(text)):
                archive = m.group("rest").strip().rstrip(".").strip() or "VT"
                in_list = False
                continue
            if in_list and (b := BULLET.match(text)):
                distribution.append(strip_item(b.group("rest")))
                continue
            if in_list and distribution and not is_upper(text) and not _name_like(text):
                distribution[-1] = strip_item(f"{distribution[-1]} {text}")  # an item cut over two lines
                continue
            in_list = False
            if (a := AUTHORITY.match(text)) and is_upper(text):
                key = a.group("prefix").lower()
                if _agency_only(current):
                    current = {"co_quan": current["chuc_vu"]}  # "SỞ GIÁO DỤC VÀ ĐÀO TẠO" above "KT. GIÁM ĐỐC"
                if "chuc_vu" in current or key in current:
                    current["ho_ten"] = current.get("ho_ten", "…")
                    signers.append(current)
                    current = {}
                current[key] = a.group("rest").strip()
                continue
            if is_upper(text):
                current["chuc_vu"] = f"{current['chuc_vu']}\n{text}" if "chuc_vu" in current else text
                continue
            if _name_like(text):
                current["ho_ten"] = text
                signers.append(current)
                current = {}
                continue
            self.leftover.append(text)
            self.notes.append(f"không nhận ra “{text[:50]}” ở phần ký và nơi nhận: giữ làm đoạn văn ở cuối nội dung")
        if current:
            if "ho_ten" not in current:
                current["ho_ten"] = "…"
                self.notes.append("không thấy họ tên người ký: ghi “…” ở nguoi_ky.ho_ten, cần điền")
            signers.append(current)
        if not signers:
            self.notes.append("không thấy người ký: ghi “…” ở nguoi_ky, cần điền")
            signers = [{"ho_ten": "…"}]
        if len(signers) == 2:
            signers.reverse()  # docgen writes the second issuer's signer first (left column)
        elif len(signers) > 2:
            self.notes.append("hơn hai người ký: giữ hai người ký đầu ở nguoi_ky, các người sau ở cuối nội dung")
            for extra in signers[2:]:
                self.leftover.extend(str(v) for v in extra.values())
            signers = signers[:2]
        return [_signer(s) for s in signers], distribution, archive


def _signer(raw: dict[str, Any]) -> dict[str, Any]:
    lines = str(raw.get("chuc_vu", "")).split("\n")
    if "co_quan" not in raw and not any(k in raw for k in ("tm", "kt", "tl", "tuq", "q")) and len(lines) > 1 \
            and not POSITION.match(lines[0]):
        # "HỘI KHUYẾN HỌC TỈNH" / "PHÓ CHỦ TỊCH THƯỜNG TRỰC": the agency, then the position
        raw = {**raw, "co_quan": lines[0], "chuc_vu": "\n".join(lines[1:])}
    order = ["co_quan", "tm", "kt", "tl", "tuq", "q", "chuc_vu", "ho_ten"]
    return {k: raw[k] for k in order if k in raw}


def _agency_only(current: dict[str, Any]) -> bool:
    """Capitals read so far that name an agency, not a position: a joint document's signer
    starts with the agency's name ("SỞ GIÁO DỤC VÀ ĐÀO TẠO"), then "KT. GIÁM ĐỐC". A position
    ("GIÁM ĐỐC") there is the last line of a signer whose name was left blank."""
    return set(current) == {"chuc_vu"} and not POSITION.match(current["chuc_vu"])


def _name_like(text: str) -> bool:
    """A signer's name: a few capitalised words, "Nguyễn Quang Hưng"."""
    words = text.split()
    return 2 <= len(words) <= 6 and all(w[:1].isupper() and not (len(w) > 1 and w.isupper()) for w in words if w[:1].isalpha()) and not any(c.isdigit() for c in text)
