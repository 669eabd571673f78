"""Căn cứ and the opening sentence: one căn cứ per paragraph ("Thực hiện A;", "Căn cứ B;") then
the opening sentence, as docgen writes them; the older one-paragraph form "Thực hiện A; căn cứ B,
<opening>"; or, in a Quyết định, one căn cứ per line between the thẩm quyền and "QUYẾT ĐỊNH:".

A parse is kept only when docgen writes the same words back from it (:func:`_rendered_opening`
asks render/context.py); otherwise the citations are kept as written (``noi_dung``), and at last
the whole paragraph as ``mo_dau``.
"""

from __future__ import annotations

import re
from typing import Any

from docgen.importer.patterns import BULLET, DECISION_LINE, LEAD, SHORT_NOTE, SYMBOL
from docgen.importer.read import Para
from docgen.importer.state import State, is_numbered, is_upper
from docgen.spec.models import FOOTNOTE_MARKER, Kind


class BasesReader(State):
    """Reads the căn cứ and the opening sentence."""

    def opening(self, body: list[Para]) -> tuple[list[Para], dict[str, Any] | None, str | None]:
        """The paragraphs read as căn cứ / opening, and their spec keys."""
        if self.kind is Kind.QUYET_DINH:
            return self.decision_opening(body)
        if not body or is_numbered(body[0].text) or body[0].rows is not None:
            return [], None, None
        paragraphs = self.opening_paragraphs(body)
        if paragraphs:
            written = [" ".join(p.text.split()) for p in paragraphs]
            for candidate in (self.paragraph_opening(paragraphs, registry=True), self.paragraph_opening(paragraphs, registry=False)):
                if _rendered_opening(self.kind, candidate) == written:
                    return paragraphs, candidate, None
            for candidate in (self.paragraph_opening(paragraphs, registry=True), self.paragraph_opening(paragraphs, registry=False)):
                if _words(" ".join(_rendered_opening(self.kind, candidate))) == _words(" ".join(written)):
                    return paragraphs, candidate, None
        first = body[0]
        for maybe in (self.structured_opening(first.text, registry=True), self.structured_opening(first.text, registry=False)):
            # the older one-paragraph form: docgen writes it back one căn cứ per paragraph
            if maybe is not None and _words(" ".join(_rendered_opening(self.kind, maybe))) == _words(first.text):
                return [first], maybe, None
        return [first], {"mo_dau": self.markers(first.text)}, None

    def opening_paragraphs(self, body: list[Para]) -> list[Para]:
        """The căn cứ paragraphs at the top of the body (each "Căn cứ …;", some drafts end one or
        the last with "."), and the opening sentence's paragraph after them when there is one."""
        n = 0
        while n < len(body) and body[n].rows is None and LEAD.match(body[n].text) and body[n].text.rstrip().endswith((";", ".")):
            n += 1
        if n == 0:
            return []
        if n < len(body):
            nxt = body[n]
            if nxt.rows is None and not is_numbered(nxt.text) and not BULLET.match(nxt.text) and not LEAD.match(nxt.text):
                n += 1
        return body[:n]

    def paragraph_opening(self, paragraphs: list[Para], *, registry: bool) -> dict[str, Any]:
        """Căn cứ paragraphs → can_cu; a last paragraph without a lead → mo_dau."""
        bases: list[dict[str, Any]] = []
        opening: str | None = None
        for p in paragraphs:
            m = LEAD.match(p.text)
            if m is None:
                opening = p.text
                continue
            lead = m.group("lead")
            bases.append({"dan": lead[:1].upper() + lead[1:], "noi_dung": m.group("rest").rstrip(" ;.,")})
        out: dict[str, Any] = {"can_cu": [self.citation(b, registry) for b in bases]}
        if opening:
            out["mo_dau"] = self.markers(opening)
        return out

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
        if lines and is_upper(lines[0]):
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


def _words(text: str) -> str:
    """The words of ``text`` in lower case, without the punctuation that joins căn cứ."""
    return " ".join(re.sub(r"[;,.:]", " ", text.lower()).split())


def _rendered_opening(kind: Kind, keys: dict[str, Any]) -> list[str]:
    """The paragraphs docgen writes for these căn cứ and opening (render/context.py), to check a parse."""
    from docgen.errors import DocgenError
    from docgen.render.context import build_context
    from docgen.spec.models import Document

    data = {"loai": kind.value, "co_quan": [{"ten": "X"}], "dia_danh": "X", "trich_yeu": "X", "nguoi_ky": {"ho_ten": "X"}, **_unmarked(keys)}
    try:
        values = build_context(Document.model_validate(data)).values
    except (DocgenError, ValueError):
        return []
    lines = [*values["can_cu"], *([values["mo_dau"]] if values["mo_dau"] else [])]
    return [" ".join(str(line).split()) for line in lines]


def _unmarked(value: Any) -> Any:
    """Spec data with its footnote markers "[^3]" written back as the draft shows them, "[3]"."""
    if isinstance(value, str):
        return FOOTNOTE_MARKER.sub(r"[\1]", value)
    if isinstance(value, list):
        return [_unmarked(v) for v in value]
    if isinstance(value, dict):
        return {k: _unmarked(v) for k, v in value.items()}
    return value
