"""The body: numbered sections (I. → 1. → a) → -, or Điều 1.), paragraphs, bullets and task tables
→ nested ``noi_dung`` entries.

docgen numbers sections itself, so a heading becomes a section only when its number is the one
docgen would write there; otherwise its line is kept as a paragraph, number included, and noted.
Within a section docgen writes paragraphs, then bullets, then the table, then sub-sections:
:meth:`BodyReader.finish` keeps the original order inside that rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from docgen import vi
from docgen.importer.patterns import ARABIC, BULLET, DIEU, HEAD_NUMBER, LETTER, ROMAN
from docgen.importer.read import Para
from docgen.importer.state import State
from docgen.spec.models import Kind

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


class BodyReader(State):
    """Reads the body into nested sections."""

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
            if rest != rest.upper():
                self.notes.append(f"tiêu đề mục “{node.rest[:40]}” sẽ được in hoa (NĐ30), khác bản gốc")
        elif node.depth >= 1:
            bold = (node.bold or "").strip()
            label_end = node.rest and bold.endswith(":") and len(bold) < 200
            title_part = _title_from_bold(bold, node.rest)
            if title_part and not paragraphs and only_paragraph_after and label_end and node.rest.startswith(title_part + ": "):
                out["tieu_de"] = self.markers(title_part)
                paragraphs = [self.markers(node.rest[len(title_part) + 2 :])]
            elif title_part == node.rest.strip() and not (len(paragraphs) == 1 and only_paragraph_after) and not decision:
                out["tieu_de"] = rest
            elif not bold and _heading_like(node.rest) and not (len(paragraphs) == 1 and only_paragraph_after) and not decision:
                out["tieu_de"] = rest
            elif not bold and not paragraphs and only_paragraph_after and not decision and (cut := _label_cut(node.rest)):
                out["tieu_de"] = self.markers(node.rest[:cut])
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


def drop_end_mark(section: dict[str, Any]) -> None:
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


def _title_from_bold(bold: str, rest: str) -> str:
    """The title part of a bold head "1. Sở Tài chính:" → "Sở Tài chính"."""
    m = HEAD_NUMBER.match(bold)
    head = (m.group("title") if m else bold).strip()
    return head[:-1].strip() if head.endswith(":") else head


def _heading_like(text: str) -> bool:
    stripped = text.strip()
    return 0 < len(stripped) <= 120 and not stripped.endswith((".", ";", ":", ",")) and ": " not in stripped


def _label_cut(text: str) -> int | None:
    """"Yêu cầu: Việc tổ chức …" → the index of ": " after a short label."""
    k = text.find(": ")
    return k if 0 < k <= 80 and not text[:k].endswith(" ") else None
