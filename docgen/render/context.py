"""Document → template context: header lines, numbering, flattened body blocks, footnotes.

The recursive sections become a flat list of typed :class:`Block` objects, numbered as NĐ30
Phụ lục I II.6.đ numbers a report-style text: mục ``I.`` (UPPER, bold) → khoản ``1.`` (bold)
→ điểm ``a)`` (Vietnamese letter order, :func:`docgen.vi.point_letter`) → ``-``. A Quyết định
numbers its top level ``Điều 1.``. Within a section the order is: paragraphs, bullets, targets,
task matrix, tiến độ (:mod:`docgen.render.tien_do`: a table through the task matrix, or dated
``-`` items), then the numbered sub-sections followed by the assignments (numbered on).

Footnotes (``[^key]`` markers, a target's ``chu_thich``, and, for a target sentence docgen writes
itself, the automatic footnote citing the TT25 criteria article) are collected in order of
appearance and replaced by private markers that :mod:`docgen.render.footnotes` turns into real
Word footnotes.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field, replace
from typing import Any, Final, Literal

from docgen import vi
from docgen.errors import RenderError
from docgen.law import registry as law_registry
from docgen.law import tt25
from docgen.render import layout
from docgen.render import tien_do
from docgen.render.footnotes import marker
from docgen.render.tables import GeneralTable, table_marker
from docgen.spec import markup
from docgen.spec.models import (
    FOOTNOTE_MARKER,
    KIND_ABBREV,
    KIND_TITLE,
    Assignment,
    Chunk,
    Citation,
    Document,
    Kind,
    Section,
    Target,
    Task,
    TienDo,
)

BlockKind = Literal["muc", "dieu", "khoan", "diem", "y", "y2", "ghi_chu", "doan", "bang", "khung"]

CDHT: Final = "“Cộng đồng học tập”"
# Who is counted by a target, per level: with a share ("90% các xã, phường, thị trấn"), with a
# count ("12 xã, phường, thị trấn"), or alone (the plan's own unit).
_UNITS_SHARE: Final = {"xa": "các xã, phường, thị trấn", "huyen": "các huyện, thị xã, thành phố", "tinh": "các tỉnh"}
_UNITS_COUNT: Final = {"xa": "xã, phường, thị trấn", "huyen": "huyện, thị xã, thành phố", "tinh": "tỉnh"}
_END_PUNCT: Final = ".;:!?"
DRAFT_NUMBER: Final = "     "  # "Số:      /KH-UBND": left blank for the Văn thư (nd30.md §2.2 ô 3)


@dataclass(frozen=True)
class TaskRow:
    """One row of the task matrix."""

    stt: str
    content: str
    lead: str
    partners: str
    timing: str


@dataclass(frozen=True)
class Block:
    """One body paragraph (or the task matrix): ``head`` is the bold/number part, ``text`` the rest."""

    kind: BlockKind
    head: str = ""
    text: str = ""
    rows: tuple[TaskRow, ...] = ()


@dataclass(frozen=True)
class Annex:
    """A phụ lục: its label line, title, "(Kèm theo …)" line and its own blocks."""

    head: str
    title: str
    note: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class IssuerLines:
    chu_quan: str
    name: str


@dataclass(frozen=True)
class SignerBlock:
    lines: tuple[str, ...]
    name: str


@dataclass
class RenderContext:
    """What a template gets (``values``) and the footnote texts its markers point to."""

    values: dict[str, Any]
    footnotes: list[str] = field(default_factory=list)
    tables: list[GeneralTable] = field(default_factory=list)


def build_context(doc: Document) -> RenderContext:
    """The template context for ``doc``; raises RenderError for an unknown footnote or citation."""
    return _Builder(doc).build()


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _strip_item(text: str) -> str:
    """A list item without its leading "- " and final ";" or "." (they are added back uniformly)."""
    item = text.strip()
    if item.startswith("-"):
        item = item[1:].strip()
    return item.rstrip(" ;.").strip()


def _unbullet(text: str) -> str:
    """A bullet's text without a leading "-" the author may have typed."""
    stripped = text.strip()
    return stripped[1:].strip() if stripped.startswith("-") else stripped


def _sentence(text: str) -> str:
    """``text`` ending with punctuation (a period is added when it has none)."""
    stripped = text.rstrip()
    return stripped if stripped.endswith(tuple(_END_PUNCT)) else stripped + "."


def _attach(text: str, note: str) -> str:
    """Put a footnote marker before the final punctuation mark (``… mức độ 1¹.``)."""
    stripped = text.rstrip()
    if stripped.endswith(tuple(_END_PUNCT)):
        return stripped[:-1] + note + stripped[-1]
    return stripped + note + "."


def _unsentence(text: str) -> str:
    """A title without its final period (the heading adds none)."""
    return text.rstrip().rstrip(".").rstrip()


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def _number(value: str | None) -> str:
    """Số văn bản: 01–09 zero-padded (nd30.md §2.2 ô 3); blank when not yet numbered."""
    if not value:
        return DRAFT_NUMBER
    value = value.strip()
    return f"{int(value):02d}" if value.isdigit() and int(value) < 10 else value


def _percent(share: float) -> str:
    text = f"{share:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") + "%"


class _Builder:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.notes: list[str] = []
        self.cited: dict[str, str] = {}
        self.blocks: list[Block] = []
        self.tables: list[GeneralTable] = []
        self.decision = doc.kind is Kind.QUYET_DINH

    # ------------------------------------------------------------ text and footnotes

    def note(self, text: str) -> str:
        self.notes.append(nfc(text).strip())
        return marker(len(self.notes) - 1)

    def text(self, value: str) -> str:
        """Spec text with its ``[^key]`` markers replaced by footnote markers."""

        def replace(m: Any) -> str:
            key = m.group(1)
            if key not in self.doc.footnotes:
                raise RenderError(f"chú thích [^{key}] được dùng trong văn bản nhưng không có trong chu_thich")
            return self.note(self.doc.footnotes[key])

        return FOOTNOTE_MARKER.sub(replace, nfc(value))

    # ------------------------------------------------------------ header

    def symbol(self) -> str:
        if self.doc.symbol:
            return self.doc.symbol
        codes = [iss.abbrev for iss in self.doc.issuers if iss.abbrev] or ["…"]
        abbrev = KIND_ABBREV[self.doc.kind]
        return "-".join([abbrev, *codes] if abbrev else codes)

    def number_line(self) -> str:
        number = DRAFT_NUMBER if self.doc.draft else _number(self.doc.number)
        return f"Số: {number}/{self.symbol()}"

    def recipients(self) -> str:
        items = [_strip_item(nfc(r)) for r in self.doc.recipients if _strip_item(r)]
        if len(items) == 1:
            return items[0]
        return "\n".join(f"- {item}{'.' if i == len(items) - 1 else ';'}" for i, item in enumerate(items))

    # ------------------------------------------------------------ căn cứ and opening

    def citation(self, cite: Citation) -> str:
        lead = _capitalize(nfc(cite.lead or ("Căn cứ" if self.decision else "Thực hiện")))
        if cite.symbol is None:
            return f"{lead} {self.text(cite.text or '').rstrip(' ;.,')}"
        entry = law_registry.load_registry().get(cite.symbol)
        if entry is None:
            raise RenderError(
                f"căn cứ: văn bản {cite.symbol} không có trong sổ đăng ký; "
                "ghi trích dẫn đầy đủ bằng khóa noi_dung thay cho van_ban"
            )
        if entry.id in self.cited:
            body = self.cited[entry.id]
        else:
            body = entry.citation()
            if cite.short:
                body += f" (sau đây viết tắt là {nfc(cite.short)})"
            self.cited[entry.id] = nfc(cite.short) if cite.short else entry.short()
        return f"{lead} {body}"

    def bases_lines(self) -> list[str]:
        """Quyết định: one italic line per căn cứ, ";" after each, "." after the last (ô 6)."""
        lines = [self.citation(c) for c in self.doc.bases]
        if self.doc.opening:
            lines.append(self.text(self.doc.opening).rstrip(" ;.,"))
        return [line + ("." if i == len(lines) - 1 else ";") for i, line in enumerate(lines)]

    def bases_paragraphs(self) -> tuple[list[str], str]:
        """Other kinds: one paragraph per căn cứ, each ending with ";", then the opening sentence
        in its own paragraph; without an opening the last căn cứ ends with "." (nd30.md §4)."""
        lines = [self.citation(c).rstrip(" ;.,") for c in self.doc.bases]
        opening = _capitalize(self.text(self.doc.opening).strip()) if self.doc.opening else ""
        ends = [";"] * len(lines)
        if lines and not opening:
            ends[-1] = "."
        return [line + end for line, end in zip(lines, ends)], opening

    # ------------------------------------------------------------ targets

    def target_sentence(self, t: Target) -> str:
        level = t.level.value
        what = f"{CDHT} {vi.LEVELS[level]}" + (f" mức độ {t.muc_do}" if t.muc_do else "")
        if t.action == "xay-dung":
            when = f"Năm {t.year}" if t.year else (f"Đến {t.deadline.phrase()}," if t.deadline else "")
            sentence = f"{when} triển khai xây dựng {what}".strip()
            if t.muc_do:
                count = tt25.criteria(t.level.value, t.muc_do)
                sentence += f", phấn đấu đạt {count.tieu_chi} tiêu chí với {count.chi_tieu} chỉ tiêu theo quy định"
            return _capitalize(sentence) + "."
        if t.share is not None:
            who = f"{'' if t.share >= 100 else 'ít nhất '}{_percent(t.share)} {_UNITS_SHARE[level]}"
        elif t.count is not None:
            who = f"ít nhất {t.count} {_UNITS_COUNT[level]}"
        else:
            who = vi.LEVEL_UNITS[level]
        verb = "được công nhận lại" if t.action == "cong-nhan-lai" else "được công nhận"
        when = f"Đến {t.deadline.phrase()}, " if t.deadline else (f"Năm {t.year}, " if t.year else "")
        return _capitalize(f"{when}{who} {verb} {what}.")

    def criteria_note(self, t: Target) -> str | None:
        """"Điều 6 Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023 của Bộ trưởng Bộ …." or None."""
        if t.muc_do is None:
            return None
        article = tt25.criteria_article(t.level.value, t.muc_do)
        entry = law_registry.load_registry().get(tt25.load_tt25().symbol)
        if entry is None:
            return None
        parts = [f"Điều {article}", entry.short()]
        date_text = entry.date_text()
        if date_text:
            parts.append(date_text)
        parts.append(f"của {entry.signer_title}")
        return " ".join(parts) + "."

    def target(self, t: Target) -> str:
        sentence = self.text(t.text) if t.text else self.target_sentence(t)
        if t.note:
            note = self.text(t.note).strip()
            body = sentence.rstrip().rstrip(".")
            sentence = f"{body}, {note}" if note[:1].islower() else f"{body}. {note}"
            sentence = _sentence(sentence)
        if t.footnote:
            m = FOOTNOTE_MARKER.fullmatch(t.footnote.strip())
            sentence = _attach(sentence, self.text(t.footnote) if m else self.note(t.footnote))
        elif not t.text and not FOOTNOTE_MARKER.search(t.note or ""):
            # Only a sentence docgen wrote gets the automatic footnote: an author who writes the
            # sentence (noi_dung) decides its footnote (the Cao Bằng plan has none on two targets).
            auto = self.criteria_note(t)
            if auto:
                sentence = _attach(sentence, self.note(auto))
        return f"- {sentence}"

    # ------------------------------------------------------------ sections

    def label(self, depth: int, n: int) -> tuple[BlockKind, str]:
        if depth == 1:
            return ("dieu", f"Điều {n}.") if self.decision else ("muc", f"{vi.roman(n)}.")
        if depth == 2:
            return "khoan", f"{n}."
        if depth == 3:
            return "diem", f"{vi.point_letter(n)})"
        return "y", "-"

    def heading(self, depth: int, n: int, title: str, inline: str = "") -> None:
        kind, label = self.label(depth, n)
        if kind == "muc":
            self.blocks.append(Block("muc", head=f"{label} {title.upper()}"))
            if inline:
                self.blocks.append(Block("doan", text=inline))
            return
        if kind == "y":
            self.blocks.append(Block("y", text=f"- {title}{inline}".rstrip()))
            return
        head = f"{label} {title}".rstrip()
        self.blocks.append(Block(kind, head=head, text=inline))

    def section(self, s: Section, depth: int, n: int | None) -> None:
        paragraphs = [self.text(p) for p in s.paragraphs]
        chunks = list(s.chunks)
        title = self.text(s.title) if s.title else ""
        only_paragraph = len(paragraphs) == 1 and not (s.bullets or s.chunks or s.targets or s.tasks or s.children or s.assignments)
        if n is not None:
            # "2. Yêu cầu: <the one paragraph>", "Điều 2. <paragraph>", "1. <paragraph>" run on;
            # a titled mục (I.) or Điều keeps its paragraphs below the title. An untitled section
            # whose blocks start with a paragraph runs that paragraph on too.
            inline = ""
            runs_on = not title or (only_paragraph and depth > 1)
            if not paragraphs and not title and chunks and chunks[0].paragraph is not None:
                paragraphs = [self.marked(chunks.pop(0).paragraph or "")]
            if paragraphs and runs_on and (depth > 1 or self.decision):
                inline = " " + paragraphs.pop(0)
                title = f"{title}:" if title else ""
            self.heading(depth, n, title, inline)
        for p in paragraphs:
            self.blocks.append(Block("doan", text=p))
        for b in s.bullets:
            self.blocks.append(Block("y", text=f"- {_unbullet(self.text(b))}"))
        for c in chunks:
            self.chunk(c)
        for t in s.targets:
            self.blocks.append(Block("y", text=self.target(t)))
        child_depth = depth + 1 if n is not None else depth
        number = 0
        if s.tasks and s.task_presentation == "danh-sach":
            for task in s.tasks:
                number += 1
                self.task_item(task, max(child_depth, 2), number)
        elif s.tasks:
            self.blocks.append(Block("bang", rows=tuple(self.task_row(i, t) for i, t in enumerate(s.tasks, 1))))
        if s.schedule is not None:
            self.schedule(s.schedule)
        if max(child_depth, 2) != child_depth:
            number = 0  # tasks under an untitled top-level section are numbered apart from it
        for child in s.children:
            if child.title or child_depth > 1 or self.decision:
                number += 1
                self.section(child, child_depth, number)
            else:
                self.section(child, child_depth, None)
        # Assignments directly under an untitled top-level section are numbered 1., 2., …
        assign_depth = max(child_depth, 2)
        if assign_depth != child_depth:
            number = 0
        for a in s.assignments:
            number += 1
            self.assignment(a, assign_depth, number)

    def marked(self, value: str) -> str:
        """Spec text with ``**bold**`` / ``*italic*`` markup and footnote markers made private markers."""
        return self.text(markup.parse(nfc(value)))

    def chunk(self, c: Chunk) -> None:
        """One block of ``khoi``, in the order written."""
        if c.paragraph is not None:
            self.blocks.append(Block("doan", text=self.marked(c.paragraph)))
        elif c.bullet is not None:
            self.blocks.append(Block("y", text=f"- {_unbullet(self.marked(c.bullet))}"))
        elif c.sub_bullet is not None:
            item = self.marked(c.sub_bullet).strip()
            item = item[1:].strip() if item.startswith("+") else item
            self.blocks.append(Block("y2", text=f"+ {item}"))
        elif c.note is not None:
            self.blocks.append(Block("ghi_chu", text=self.marked(c.note)))
        elif c.table is not None:
            table = GeneralTable(
                headings=tuple(self.marked(col.title) for col in c.table.columns),
                widths=tuple(col.width for col in c.table.columns),
                rows=tuple(tuple(self.marked(cell) for cell in row) for row in c.table.rows),
            )
            self.tables.append(table)
            self.blocks.append(Block("khung", text=table_marker(len(self.tables) - 1)))

    def assignment(self, a: Assignment, depth: int, n: int) -> None:
        unit = nfc(a.unit).strip().rstrip(":")
        tasks = [_sentence(self.text(t)) for t in a.tasks]
        deadline = f"Thời hạn hoàn thành: {a.deadline.phrase()}." if a.deadline else ""
        if len(tasks) == 1:
            inline = " " + tasks[0] + (f" {deadline}" if deadline else "")
            self.heading(depth, n, f"{unit}:", inline)
            return
        self.heading(depth, n, unit)
        for task in tasks:
            self.blocks.append(Block("y", text=f"- {task}"))
        if deadline:
            self.blocks.append(Block("y", text=f"- {deadline}"))

    def task_item(self, t: Task, depth: int, n: int) -> None:
        """A task in the written list form: "1. <tên>" then a) Nội dung, b) Đơn vị chủ trì thực
        hiện, c) Đơn vị phối hợp, d) Thời gian thực hiện (the letters run on without phối hợp)."""
        self.heading(depth, n, _unsentence(self.text(t.name)) if t.name else "")
        parts = [("Nội dung", t.content), ("Đơn vị chủ trì thực hiện", t.lead_unit), ("Đơn vị phối hợp", t.partners), ("Thời gian thực hiện", t.timing)]
        lines = [(label, self.text(value).strip()) for label, value in parts if value and value.strip()]
        kind, _ = self.label(depth + 1, 1)
        for i, (label, value) in enumerate(lines, 1):
            _, head = self.label(depth + 1, i)
            text = f"{label}: {value}"
            if kind == "y":
                self.blocks.append(Block("y", text=f"- {_sentence(text)}"))
            else:
                self.blocks.append(Block(kind, head=head, text=" " + _sentence(text)))

    def task_row(self, i: int, t: Task) -> TaskRow:
        return TaskRow(
            stt=str(i),
            content=self.text(t.content),
            lead=self.text(t.lead_unit),
            partners=self.text(t.partners or ""),
            timing=self.text(t.timing),
        )

    def tt25_name(self) -> str:
        """How this document names TT25 in a clause: its own short form if a căn cứ gave one."""
        entry = law_registry.load_registry().get(tt25.load_tt25().symbol)
        if entry is None:
            return f"Thông tư số {tt25.load_tt25().symbol}"
        return self.cited.get(entry.id) or entry.short()

    def schedule(self, block: TienDo) -> None:
        """A tien_do block: legal milestones from the timeline and office steps, in date order,
        as the task matrix (STT, nội dung, chủ trì, phối hợp, thời gian) or as a dated list."""
        rows = tien_do.build_rows(block, self.doc.date, self.tt25_name())
        as_note = block.clause == "chu-thich"
        items: list[TaskRow] = []
        for i, row in enumerate(rows, 1):
            content = nfc(row.content)
            texts = list(row.notes)
            if row.clause and as_note:
                texts.insert(0, _capitalize(row.clause) + ".")  # one footnote per row: clause, then notes
            elif row.clause:
                content += f" ({row.clause})"
            notes = self.note(nfc(" ".join(texts))) if texts else ""
            if as_note and row.clause:
                content, notes = content + notes, ""
            if block.presentation == "bang":
                items.append(TaskRow(stt=str(i), content=content, lead=nfc(row.actor), partners=nfc(row.partners), timing=nfc(row.when) + notes))
                continue
            # In a list the notes follow the content: a marker just before ":" reads as a
            # Markdown note definition ("[^1]:") to the checker.
            when, content = nfc(row.when), content + notes
            who = "; ".join(filter(None, (f"thực hiện: {row.actor}" if row.actor else "", f"phối hợp: {row.partners}" if row.partners else "")))
            end = "." if i == len(rows) else ";"
            self.blocks.append(Block("y", text=f"- {when}: {content}" + (f"; {nfc(who)}" if who else "") + end))
        if items:
            self.blocks.append(Block("bang", rows=tuple(items)))

    def body(self) -> list[Block]:
        number = 0
        for s in self.doc.sections:
            if s.annex:
                continue  # after the signature (:meth:`annexes`)
            if s.title or self.decision:
                number += 1
                self.section(s, 1, number)
            else:
                self.section(s, 1, None)
        return self.blocks

    def annexes(self) -> list[Annex]:
        """Phụ lục sections: "Phụ lục" (or "Phụ lục I", "Phụ lục II" … when there are two or more,
        nd30.md §2.3), the title in capitals, the "(Kèm theo …)" line, and their own numbering."""
        sections = [s for s in self.doc.sections if s.annex]
        out: list[Annex] = []
        main, self.blocks = self.blocks, []
        for i, s in enumerate(sections, 1):
            self.blocks = []
            self.section(s.model_copy(update={"title": None}), 1, None)
            head = f"Phụ lục {vi.roman(i)}" if len(sections) > 1 else "Phụ lục"
            note = self.text(s.attached_to).strip() if s.attached_to else self.attached_line()
            if note and not note.startswith("("):
                note = f"({note})"
            out.append(Annex(head=head, title=self.text(s.title or "").upper(), note=note, blocks=tuple(self.blocks)))
        self.blocks = main
        return out

    def attached_line(self) -> str:
        """"(Kèm theo Kế hoạch số 12/KH-SGDĐT ngày 15 tháng 3 năm 2025)"; blanks in a draft."""
        kind = (KIND_TITLE[self.doc.kind] or "VĂN BẢN").capitalize()
        number = DRAFT_NUMBER if self.doc.draft else _number(self.doc.number)
        date = vi.date_long(self.doc.date) if self.doc.date and not self.doc.draft else "ngày      tháng      năm"
        return f"(Kèm theo {kind} số {number.strip() or DRAFT_NUMBER}/{self.symbol()} {date})"

    def end_mark(self, closing: str) -> str:
        """The content ends with "./." (every mẫu of Phụ lục III): the closing sentence carries it
        as written; without one, it is put on the last paragraph (not after a table)."""
        if closing or not self.blocks or self.blocks[-1].kind in ("bang", "khung"):
            return closing
        last = self.blocks[-1]
        field_name = "text" if last.text else "head"
        value = getattr(last, field_name).rstrip()
        if not value.endswith("./."):
            value = value[:-1] if value.endswith((".", ";")) else value
            self.blocks[-1] = replace(last, **{field_name: value + "./."})
        return closing

    # ------------------------------------------------------------ signature and nơi nhận

    def distribution(self) -> list[str]:
        items = [_strip_item(nfc(d)) for d in self.doc.distribution if _strip_item(d)]
        if self.doc.recipients and not self.decision and not any(i.lower() == "như trên" for i in items):
            items.insert(0, "Như trên")
        archive = nfc(self.doc.archive).strip().rstrip(" .;")
        if not archive.upper().startswith("VT"):
            archive = f"VT, {archive}" if archive else "VT"
        return [f"- {item};" for item in items] + [f"- Lưu: {archive}."]

    # ------------------------------------------------------------ all together

    def build(self) -> RenderContext:
        doc = self.doc
        issuers = [
            IssuerLines(
                chu_quan=layout.balance_lines(nfc(i.chu_quan or "").upper(), layout.SIZES.chu_quan, bold=False),
                name=layout.balance_lines(nfc(i.name).upper(), layout.SIZES.co_quan, bold=True),
            )
            for i in doc.issuers
        ]
        subject = self.text(doc.subject)
        values: dict[str, Any] = {
            "issuers": issuers,
            "so": self.number_line(),
            "vv": f"V/v {subject}",
            "dia_danh_ngay": vi.place_date(nfc(doc.place), doc.date),
            "ten_loai": " ".join(nfc(doc.title).split()).upper() if doc.title else KIND_TITLE[doc.kind] or "",
            "trich_yeu": subject,
            "tham_quyen": nfc(doc.authority or "").upper(),
            "kinh_gui": "" if self.decision else self.recipients(),
        }
        if self.decision:
            values["can_cu"] = self.bases_lines()
            values["mo_dau"] = ""
        else:
            values["can_cu"], values["mo_dau"] = self.bases_paragraphs()
        values["blocks"] = self.body()
        values["ket_thuc"] = self.end_mark(self.text(doc.closing) if doc.closing else "")
        values["phu_luc"] = self.annexes()
        values["noi_nhan"] = self.distribution()
        lines = [tuple(nfc(x) for x in s.lines()) for s in doc.signers]
        # Two signers side by side: the shorter block is padded so that both names sit on one line.
        height = max(len(x) for x in lines)
        values["signers"] = [SignerBlock(lines=x + ("",) * (height - len(x)), name=nfc(s.name)) for x, s in zip(lines, doc.signers)]
        values["joint"] = len(doc.signers) > 1
        return RenderContext(values=values, footnotes=self.notes, tables=self.tables)
