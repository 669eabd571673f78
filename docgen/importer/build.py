"""Paragraphs of a draft → the spec's data (Vietnamese keys, in the order of plans/*.yaml).

The aim is the same document, not the original spec: every mapping is chosen so that rendering
the spec gives back the paragraphs' text (render/context.py is the reference for how each part is
written). Where a part cannot be written back that way, its text is kept as a paragraph (``doan``)
in the nearest place and a note in Vietnamese says so (:attr:`Builder.notes`).

Patterns here match whole paragraphs of an imported document; the checker's patterns
(check/patterns) find things inside sentences, and are reused where they fit (tên loại, V/v).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Final

from docgen import vi
from docgen.check.patterns import reading as R
from docgen.importer.read import Para, Source
from docgen.spec.models import KIND_ABBREV, KIND_TITLE, Kind

# "Số: 1357/UBND-KGVX", "Số:      /KH-UBND", "Số 1357/UBND-KGVX" (seed 001 has no colon).
NUMBER_LINE: Final = re.compile(r"^Số\s*:?\s*(?P<so>\d*)\s*/\s*(?P<ky_hieu>\S+)\s*$")
# "Cao Bằng, ngày 22 tháng 4 năm 2024"; a draft leaves blanks: "Cao Bằng, ngày      tháng      năm".
PLACE_DATE: Final = re.compile(r"^(?P<place>[^,]{2,60}),\s*ngày\s*(?P<d>\d*)\s*tháng\s*(?P<m>\d*)\s*năm\s*(?P<y>\d*)\s*$")
# The national heading, "HÒA" or the older "HOÀ" (check/patterns' QUOC_HIEU knows only "HOÀ").
QUOC_HIEU: Final = re.compile(r"CỘNG\s+H(?:OÀ|ÒA|OÁ|ÓA)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM", re.IGNORECASE)
MOTTO: Final = re.compile(r"^Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc", re.IGNORECASE)
KINH_GUI: Final = re.compile(r"^Kính\s+gửi\s*:?\s*(?P<rest>.*)$")
# Numbered parts as docgen writes them (render/context.py label()): "IV. …", "Điều 2. …", "3. …",
# "đ) …", and a bullet "- …".
ROMAN: Final = re.compile(r"^(?P<label>[IVXLCDM]{1,7})\.\s+(?P<rest>\S.*)$")
DIEU: Final = re.compile(r"^Điều\s+(?P<label>\d{1,3})\.\s*(?P<rest>.*)$")
ARABIC: Final = re.compile(r"^(?P<label>\d{1,3})\.\s+(?P<rest>\S.*)$")
LETTER: Final = re.compile(r"^(?P<label>[a-zđ]{1,3})\)\s+(?P<rest>\S.*)$")
BULLET: Final = re.compile(r"^-\s+(?P<rest>\S.*)$")
NOI_NHAN: Final = re.compile(r"^Nơi\s+nhận\s*:?\s*$", re.IGNORECASE)
LUU: Final = re.compile(r"^-?\s*Lưu\s*:?\s*(?P<rest>.*?)\s*\.?\s*$")
# Signer authority lines (NĐ30 Điều 13 khoản 2–4): "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH".
AUTHORITY: Final = re.compile(r"^(?P<prefix>TM|KT|TL|TUQ|Q)\.\s*(?P<rest>.+)$")
DECISION_LINE: Final = re.compile(r"^QUYẾT\s+ĐỊNH\s*:\s*$")
# A căn cứ's lead word(s): "Căn cứ", "Thực hiện", "Theo đề nghị của" …
LEAD: Final = re.compile(r"^(?P<lead>[Cc]ăn cứ|[Tt]hực hiện|[Tt]heo đề nghị của|[Xx]ét đề nghị của|[Tt]heo|[Tt]hi hành)\s+(?P<rest>\S.*)$")
# A body citation with its symbol, to ask the registry: "Thông tư số 25/2023/TT-BGDĐT …".
SYMBOL: Final = re.compile(r"\bsố\s+(?P<symbol>\d{1,5}/(?:\d{4}/)?[A-ZĐa-zđ0-9]+(?:-[A-ZĐa-zđ0-9]+)+)")
SHORT_NOTE: Final = re.compile(r"^(?P<body>.*) \(sau đây viết tắt là (?P<short>[^()]+)\)$")
FOOTNOTE_REF: Final = re.compile(r"\[(\d{1,3})\]")
PLACE_WORD: Final = re.compile(r"^(TỈNH|HUYỆN|XÃ|PHƯỜNG|THỊ TRẤN|THỊ XÃ|THÀNH PHỐ|QUẬN)\b")

# A trích yếu longer than this is the body run into it (and Word's title property holds 255).
_SUBJECT_MAX: Final = 230
_DEPTH_OF = {"roman": 1, "dieu": 1, "arabic": 2, "letter": 3}


@dataclass
class Node:
    """A section being built: its number, title, content in order, and children."""

    depth: int
    rest: str = ""  # the heading's text after its number
    bold: str | None = None
    line: int = 0
    items: list[tuple[str, Any]] = field(default_factory=list)  # ("doan"|"y"|"bang", value)
    children: list[Node] = field(default_factory=list)
    numbered: int = 0  # numbered children so far


class Builder:
    """Builds the spec data of one draft; :attr:`notes` lists what could not be mapped."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.paras = source.paras
        self.notes: list[str] = []
        self.spec: dict[str, Any] = {}
        self.kind = Kind.KE_HOACH
        self.pos = 0
        self.date: dt.date | None = None  # the document's date, for the registry's status on it
        self.leftover: list[str] = []  # lines of the signature part that fit nowhere

    def note(self, what: str, where: str) -> None:
        self.notes.append(f"không nhận ra {what}: giữ làm đoạn văn ở {where}")

    # ------------------------------------------------------------------ all together

    def build(self) -> dict[str, Any]:
        header = self.header()
        body_end, tail = self.split_tail()
        body = self.paras[self.pos : body_end]
        opening, bases, authority = self.opening(body)
        body = body[len(opening) :]
        closing = None
        if body and body[-1].rows is None and _is_closing(body[-1].text) and not _numbered(body[-1].text) and not BULLET.match(body[-1].text):
            closing = body.pop().text
        sections = self.sections(body)
        signers, distribution, archive = self.tail(tail)
        if self.leftover:
            leftover = [self.markers(t) for t in self.leftover]
            if sections and not (self.kind is Kind.QUYET_DINH and "muc" in sections[-1]):
                last = sections[-1]
                while "muc" in last and self.kind is not Kind.QUYET_DINH:
                    last = last["muc"][-1]
                if "y" in last or "bang_nhiem_vu" in last:
                    last.setdefault("doan", [])
                    last["doan"] = [*last["doan"], *(f"- {v}" for v in last.pop("y", []))]
                last["doan"] = [*last.get("doan", []), *leftover]
            else:
                sections.append({"doan": leftover})
        spec = self.spec
        spec["loai"] = self.kind.value
        spec.update(header)
        if bases is not None:
            spec.update(bases)
        if authority:
            spec["tham_quyen"] = authority
        if sections:
            spec["noi_dung"] = sections
        if closing:
            spec["ket_thuc"] = self.markers(closing)
        elif sections:
            _drop_end_mark(sections[-1])
        notes = self.footnotes()
        if notes:
            spec["chu_thich"] = notes
        spec["nguoi_ky"] = signers[0] if len(signers) == 1 else signers
        if len(signers) > len(spec["co_quan"]):
            spec["co_quan"].append({"ten": "…"})
            self.notes.append("có hai người ký nhưng chỉ thấy một cơ quan ban hành: thêm cơ quan “…” ở co_quan, cần điền")
        if distribution and spec.get("kinh_gui") and self.kind is not Kind.QUYET_DINH and distribution[0].lower() == "như trên":
            distribution = distribution[1:]  # docgen writes “Như trên” itself when there is a Kính gửi
        if distribution:
            spec["noi_nhan"] = distribution
        if archive is not None:
            spec["luu"] = archive
        return _ordered(spec)

    # ------------------------------------------------------------------ header

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
                parts = [re.sub(r"^(V/v|V/V|Về việc)\s*", "", text)]
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
            elif not seen_motto and not seen_title and _upper(text):
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
            return [_strip_item(rest)]
        # "- A; - B." on the line itself (a .docx's breaks read as spaces), then "- C;" lines
        items = [_strip_item(x) for x in re.split(r";\s+-\s+", rest)] if rest else []
        if rest and not rest.rstrip().endswith(";"):
            return items
        while self.pos < len(self.paras) and (b := BULLET.match(self.paras[self.pos].text)):
            items.append(_strip_item(b.group("rest")))
            self.pos += 1
        return items

    # ------------------------------------------------------------------ căn cứ and opening

    def opening(self, body: list[Para]) -> tuple[list[Para], dict[str, Any] | None, str | None]:
        """The paragraphs read as căn cứ / opening, and their spec keys."""
        if self.kind is Kind.QUYET_DINH:
            return self.decision_opening(body)
        if not body or _numbered(body[0].text) or body[0].rows is not None:
            return [], None, None
        first = body[0]
        for candidate in (self.structured_opening(first.text, registry=True), self.structured_opening(first.text, registry=False)):
            if candidate is not None and _rendered_opening(self.kind, candidate) == " ".join(first.text.split()):
                return [first], candidate, None
        return [first], {"mo_dau": self.markers(first.text)}, None

    def structured_opening(self, text: str, *, registry: bool) -> dict[str, Any] | None:
        """"Thực hiện A; căn cứ B, <opening>" → can_cu [A, B] and mo_dau, when it parses so."""
        segments = _split_top(text, "; ")
        bases: list[dict[str, Any]] = []
        opening: str | None = None
        for k, segment in enumerate(segments):
            last = k == len(segments) - 1
            if last:
                cut = _opening_cut(segment)
                if cut is not None:
                    segment, opening = segment[:cut], segment[cut + 2 :]
            m = LEAD.match(segment)
            if m is None:
                if not bases:
                    return None
                bases[-1]["noi_dung"] = bases[-1]["noi_dung"] + "; " + segment
                continue
            lead = m.group("lead")
            bases.append({"dan": lead[:1].upper() + lead[1:], "noi_dung": m.group("rest")})
        if not bases:
            return None
        out: dict[str, Any] = {"can_cu": [self.citation(b, registry) for b in bases]}
        if opening:
            out["mo_dau"] = self.markers(opening)
        else:
            last_text = out["can_cu"][-1].get("noi_dung")
            if last_text is not None:
                out["can_cu"][-1]["noi_dung"] = last_text.rstrip(" ;.,")
        return out

    def citation(self, base: dict[str, Any], registry: bool) -> dict[str, Any]:
        """A căn cứ as ``van_ban`` when the registry writes exactly the same citation."""
        text = base["noi_dung"].rstrip(" ;.,")
        if registry:
            from docgen.law.registry import Status, load_registry

            m = SYMBOL.search(text)
            entry = load_registry().get(m.group("symbol")) if m else None
            if entry is not None and self.date is not None and entry.status_on(self.date) in (Status.REPEALED, Status.NOT_YET_ISSUED):
                # the loader refuses such a van_ban on this date: the citation stays as written
                self.notes.append(f"căn cứ “{entry.symbol}” không còn hiệu lực (hoặc chưa ban hành) vào ngày của văn bản: giữ nguyên văn ở can_cu.noi_dung")
                entry = None
            if entry is not None:
                short = SHORT_NOTE.match(text)
                body = short.group("body") if short else text
                if " ".join(body.split()) == " ".join(entry.citation().split()):
                    out: dict[str, Any] = {"dan": base["dan"], "van_ban": entry.symbol}
                    if short:
                        out["viet_tat"] = short.group("short")
                    return out
        return {"dan": base["dan"], "noi_dung": self.markers(base["noi_dung"])}

    def decision_opening(self, body: list[Para]) -> tuple[list[Para], dict[str, Any] | None, str | None]:
        """Quyết định: thẩm quyền (capitals), one căn cứ per line, then "QUYẾT ĐỊNH:"."""
        end = next((k for k, p in enumerate(body[:30]) if DECISION_LINE.match(p.text)), None)
        if end is None:
            return [], None, None
        lines = [p.text for p in body[:end]]
        authority = None
        if lines and _upper(lines[0]):
            authority = lines.pop(0)
        bases: list[dict[str, Any]] = []
        opening = None
        for k, line in enumerate(lines):
            m = LEAD.match(line)
            if k == len(lines) - 1 and (m is None or not m.group("lead").lower().startswith("căn cứ")):
                opening = line
                break
            if m is None:
                lead, rest = (line.split(" ", 1) + [""])[:2]
                bases.append({"dan": lead, "noi_dung": rest})
            else:
                bases.append({"dan": m.group("lead"), "noi_dung": m.group("rest")})
        out: dict[str, Any] = {}
        if bases:
            out["can_cu"] = [self.citation(b, True) for b in bases]
        if opening:
            out["mo_dau"] = self.markers(opening)
        return body[: end + 1], out, authority

    # ------------------------------------------------------------------ body

    def sections(self, body: list[Para]) -> list[dict[str, Any]]:
        decision = self.kind is Kind.QUYET_DINH
        root = Node(0)
        stack = [root]
        for p in body:
            if p.rows is not None:
                self.table(stack[-1], p)
                continue
            level, label, rest = _numbering(p.text, decision)
            if level is not None:
                depth = _DEPTH_OF[level]
                while len(stack) > depth:
                    stack.pop()
                parent = stack[-1]
                if len(stack) == depth and _label_matches(level, label, parent.numbered + 1) and (depth > 1 or not decision or parent is root):
                    node = Node(depth, rest, p.bold, p.line)
                    parent.children.append(node)
                    parent.numbered += 1
                    stack.append(node)
                    continue
                self.note(f"số thứ tự “{p.text[:30]}…” (không đúng thứ tự hoặc thiếu mục cha)", f"dòng {p.line}")
                stack[-1].items.append(("doan", self.markers(p.text)))
                continue
            b = BULLET.match(p.text)
            if b:
                stack[-1].items.append(("y", self.markers(b.group("rest"))))
            else:
                stack[-1].items.append(("doan", self.markers(p.text)))
        out: list[dict[str, Any]] = []
        if root.items:
            if decision:
                self.note("đoạn văn trước Điều 1", "Điều 1")
                if root.children:
                    root.children[0].items[:0] = root.items
                else:
                    out.append(self.finish(Node(1, items=root.items), decision))
            else:
                out.append(self.finish(Node(0, items=root.items), decision))
        out.extend(self.finish(child, decision) for child in root.children)
        return out

    def table(self, node: Node, p: Para) -> None:
        tasks: list[dict[str, Any]] = []
        for row in p.rows or []:
            cells = {role: text for role, text in row if role}
            if not cells.get("content"):
                text = " | ".join(t for _, t in row if t)
                if text:
                    self.note(f"hàng bảng “{text[:40]}”", f"dòng {p.line}")
                    node.items.append(("doan", text))
                continue
            task = {"noi_dung": cells["content"], "chu_tri": cells.get("lead", "")}
            if cells.get("support"):
                task["phoi_hop"] = cells["support"]
            task["thoi_gian"] = cells.get("time", cells.get("completion", ""))
            tasks.append({k: self.markers(v) for k, v in task.items()})
        if tasks:
            node.items.append(("bang", tasks))

    def finish(self, node: Node, decision: bool) -> dict[str, Any]:
        """A node → a ``noi_dung`` entry whose rendering gives the node's paragraphs back."""
        items = list(node.items)
        # render order within a section: doan, y, bang; a bullet before a later paragraph is
        # kept as a paragraph with its dash, so the order stays
        last_doan = max((k for k, (kind, _) in enumerate(items) if kind == "doan"), default=-1)
        items = [("doan", f"- {v}") if kind == "y" and k < last_doan else (kind, v) for k, (kind, v) in enumerate(items)]
        kinds = [kind for kind, _ in items]
        if "bang" in kinds and kinds.index("bang") != len(kinds) - 1:
            self.note("nội dung sau bảng nhiệm vụ", f"dòng {node.line} (thứ tự có thể đổi)")
        out: dict[str, Any] = {}
        paragraphs = [v for kind, v in items if kind == "doan"]
        bullets = [v for kind, v in items if kind == "y"]
        tables = [v for kind, v in items if kind == "bang"]
        rest = self.markers(node.rest)
        only_paragraph_after = not bullets and not tables and not node.children
        if node.depth == 1 and not decision:
            out["tieu_de"] = rest
        elif node.depth >= 1:
            bold = (node.bold or "").strip()
            label_end = node.rest and bold.endswith(":") and len(bold) < 200
            title_part = _title_from_bold(bold, node.rest)
            if title_part and not paragraphs and only_paragraph_after and label_end and node.rest.startswith(title_part + ": "):
                out["tieu_de"] = title_part
                paragraphs = [self.markers(node.rest[len(title_part) + 2 :])]
            elif title_part == node.rest.strip() and not (len(paragraphs) == 1 and only_paragraph_after) and not decision:
                out["tieu_de"] = rest
            elif not bold and _heading_like(node.rest) and not (len(paragraphs) == 1 and only_paragraph_after) and not decision:
                out["tieu_de"] = rest
            elif not bold and not paragraphs and only_paragraph_after and not decision and (cut := _label_cut(node.rest)):
                out["tieu_de"] = node.rest[:cut]
                paragraphs = [self.markers(node.rest[cut + 2 :])]
            else:
                paragraphs.insert(0, rest)
        if paragraphs:
            out["doan"] = paragraphs
        if bullets:
            out["y"] = bullets
        if tables:
            out["bang_nhiem_vu"] = [t for table in tables for t in table]
        if node.children:
            out["muc"] = [self.finish(child, decision) for child in node.children]
        return out

    # ------------------------------------------------------------------ signature, nơi nhận

    def split_tail(self) -> tuple[int, list[Para]]:
        """Where the body ends: after the closing "./." before "Nơi nhận:" or the first signer
        line, or at that line."""
        start = self.pos
        stop = len(self.paras)
        for k in range(start, len(self.paras)):
            text = self.paras[k].text
            if NOI_NHAN.match(text) or (AUTHORITY.match(text) and _upper(text)):
                stop = k
                break
        closing = next((k for k in range(stop - 1, start - 1, -1) if self.paras[k].text.rstrip().endswith("./.")), None)
        if closing is not None and closing + 1 < stop and all(self.paras[k].rows is None for k in range(closing + 1, stop)):
            stop = closing + 1
        elif stop == len(self.paras):
            # a signer without authority line: the last capitals line followed by a name
            for k in range(len(self.paras) - 2, start, -1):
                if _upper(self.paras[k].text) and _name_like(self.paras[k + 1].text):
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
                distribution.append(_strip_item(b.group("rest")))
                continue
            if in_list and distribution and not _upper(text) and not _name_like(text):
                distribution[-1] = _strip_item(f"{distribution[-1]} {text}")  # an item cut over two lines
                continue
            in_list = False
            if (a := AUTHORITY.match(text)) and _upper(text):
                key = a.group("prefix").lower()
                if "chuc_vu" in current or key in current:
                    current["ho_ten"] = current.get("ho_ten", "…")
                    signers.append(current)
                    current = {}
                current[key] = a.group("rest").strip()
                continue
            if _upper(text):
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

    # ------------------------------------------------------------------ footnotes

    def markers(self, text: str) -> str:
        """"[3]" where the draft has footnote 3 → the spec's marker "[^3]"."""
        notes = self.source.footnotes
        if not notes:
            return text
        return FOOTNOTE_REF.sub(lambda m: f"[^{m.group(1)}]" if m.group(1) in notes else m.group(0), text)

    def footnotes(self) -> dict[str, str]:
        return dict(self.source.footnotes)


# ---------------------------------------------------------------------- helpers


def _drop_end_mark(section: dict[str, Any]) -> None:
    """Without a closing sentence docgen ends the last paragraph with "./." itself (render/context.py
    end_mark): the imported text need not carry it."""
    while section.get("muc"):
        section = section["muc"][-1]
    if section.get("bang_nhiem_vu"):
        return
    for key in ("y", "doan"):
        if section.get(key):
            last = section[key][-1]
            if last.endswith("./.") and len(last) > 3:
                section[key][-1] = last[:-3]
            return


def _ordered(spec: dict[str, Any]) -> dict[str, Any]:
    order = ["loai", "du_thao", "co_quan", "so", "ky_hieu", "dia_danh", "ngay", "trich_yeu", "kinh_gui", "can_cu",
             "mo_dau", "tham_quyen", "noi_dung", "ket_thuc", "chu_thich", "nguoi_ky", "noi_nhan", "luu"]
    return {k: spec[k] for k in order if k in spec}


def _signer(raw: dict[str, Any]) -> dict[str, Any]:
    order = ["tm", "kt", "tl", "tuq", "q", "chuc_vu", "ho_ten"]
    return {k: raw[k] for k in order if k in raw}


def _kind_of(title: str) -> Kind:
    flat = " ".join(title.split())
    for kind, name in KIND_TITLE.items():
        if name and flat.startswith(name):
            return kind
    return Kind.KE_HOACH


def _name_like(text: str) -> bool:
    """A signer's name: a few capitalised words, "Nguyễn Quang Hưng"."""
    words = text.split()
    return 2 <= len(words) <= 6 and all(w[:1].isupper() and not (len(w) > 1 and w.isupper()) for w in words if w[:1].isalpha()) and not any(c.isdigit() for c in text)


def _upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _subject_line(text: str) -> bool:
    return bool(text) and not R.TITLE_STOP.match(text) and not KINH_GUI.match(text) and not _upper(text)


def _strip_item(text: str) -> str:
    item = text.strip()
    if item.startswith("-"):
        item = item[1:].strip()
    return item.rstrip(" ;.").strip()


def _numbered(text: str) -> bool:
    return bool(ROMAN.match(text) or ARABIC.match(text) or LETTER.match(text) or DIEU.match(text))


def _numbering(text: str, decision: bool) -> tuple[str | None, str, str]:
    if decision and (m := DIEU.match(text)):
        return "dieu", m.group("label"), m.group("rest")
    if not decision and (m := ROMAN.match(text)):
        return "roman", m.group("label"), m.group("rest")
    if m := ARABIC.match(text):
        return "arabic", m.group("label"), m.group("rest")
    if m := LETTER.match(text):
        return "letter", m.group("label"), m.group("rest")
    return None, "", text


def _label_matches(level: str, label: str, n: int) -> bool:
    if level == "roman":
        return label == vi.roman(n)
    if level in ("arabic", "dieu"):
        return label == str(n)
    return label == vi.point_letter(n)


def _is_closing(text: str) -> bool:
    return text.rstrip().endswith("./.") or text.startswith("Trên đây")


def _title_from_bold(bold: str, rest: str) -> str:
    """The title part of a bold head "1. Sở Tài chính:" → "Sở Tài chính"."""
    m = re.match(r"^(?:[IVXLCDM]+\.|\d+\.|[a-zđ]+\)|Điều \d+\.)\s*(.*)$", bold)
    head = (m.group(1) if m else bold).strip()
    return head[:-1].strip() if head.endswith(":") else head


def _heading_like(text: str) -> bool:
    stripped = text.strip()
    return 0 < len(stripped) <= 120 and not stripped.endswith((".", ";", ":", ",")) and ": " not in stripped


def _label_cut(text: str) -> int | None:
    """"Yêu cầu: Việc tổ chức …" → the index of ": " after a short label."""
    k = text.find(": ")
    return k if 0 < k <= 80 and not text[:k].endswith(" ") else None


def _split_top(text: str, sep: str) -> list[str]:
    """``text`` split at ``sep`` outside quotes and parentheses."""
    parts: list[str] = []
    depth = 0
    quote = False
    start = 0
    k = 0
    while k < len(text):
        ch = text[k]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch in "“”\"":
            quote = not quote if ch == '"' else ch == "“"
        elif depth == 0 and not quote and text.startswith(sep, k):
            parts.append(text[start:k])
            start = k + len(sep)
            k += len(sep)
            continue
        k += 1
    parts.append(text[start:])
    return parts


def _opening_cut(segment: str) -> int | None:
    """Where the opening starts in the last căn cứ: ", <Capital>…" outside quotes/parentheses."""
    depth = 0
    quote = False
    for k, ch in enumerate(segment):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch in "“”":
            quote = ch == "“"
        elif ch == "," and depth == 0 and not quote and segment[k + 1 : k + 2] == " " and segment[k + 2 : k + 3].isupper():
            return k
    return None


def _rendered_opening(kind: Kind, keys: dict[str, Any]) -> str:
    """What docgen writes for these căn cứ and opening (render/context.py), to check a parse."""
    from docgen.errors import DocgenError
    from docgen.render.context import build_context
    from docgen.spec.models import Document

    data = {"loai": kind.value, "co_quan": [{"ten": "X"}], "dia_danh": "X", "trich_yeu": "X", "nguoi_ky": {"ho_ten": "X"}, **_unmarked(keys)}
    try:
        values = build_context(Document.model_validate(data)).values
    except (DocgenError, ValueError):
        return ""
    return " ".join(str(values["mo_dau"]).split())


def _unmarked(value: Any) -> Any:
    """Spec data with its footnote markers "[^3]" written back as the draft shows them, "[3]"."""
    if isinstance(value, str):
        return re.sub(r"\[\^(\d+)\]", r"[\1]", value)
    if isinstance(value, list):
        return [_unmarked(v) for v in value]
    if isinstance(value, dict):
        return {k: _unmarked(v) for k, v in value.items()}
    return value
