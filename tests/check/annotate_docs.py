"""Builders and XML readers shared by the annotate tests (no tests here).

``hostile_docx`` writes a .docx as Word, LibreOffice and WPS do: runs cut mid-word with their
own formatting, a citation running into a hyperlink, a complex field and a simple field whose
results hold part of a citation, and footnote references. The readers give the document's text
as it was (every tracked change rejected) or as it becomes (every change accepted), and the text
under each comment, written here from the OOXML rules, not from docgen's code.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from docgen.render import footnotes

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _run(parent: Any, text: str, *, bold: bool = False, italic: bool = False, font: str | None = None) -> Any:
    r = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    if font:
        fonts = OxmlElement("w:rFonts")
        fonts.set(qn("w:ascii"), font)
        fonts.set(qn("w:hAnsi"), font)
        rpr.append(fonts)
    if bold:
        rpr.append(OxmlElement("w:b"))
    if italic:
        rpr.append(OxmlElement("w:i"))
    r.append(rpr)
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    r.append(t)
    parent.append(r)
    return r


def _complex_field(p: Any, instr: str, result: list[str]) -> None:
    def fld(kind: str) -> None:
        r = OxmlElement("w:r")
        c = OxmlElement("w:fldChar")
        c.set(qn("w:fldCharType"), kind)
        r.append(c)
        p.append(r)

    fld("begin")
    r = OxmlElement("w:r")
    i = OxmlElement("w:instrText")
    i.set(qn("xml:space"), "preserve")
    i.text = instr
    r.append(i)
    p.append(r)
    fld("separate")
    for k, piece in enumerate(result):
        _run(p, piece, italic=k % 2 == 1)
    fld("end")


def hostile_docx(path: Path) -> None:
    document = docx.Document()
    body = document.add_paragraph()
    p = body._p
    # a wrong issue date (REF002, a SAFE fix) cut mid-word, across a hyperlink
    _run(p, "Căn cứ Thông t")
    _run(p, "ư số 25/2023/TT-B", bold=True)
    rid = document.part.relate_to("https://vanban.chinhphu.vn/", RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rid)
    p.append(link)
    _run(link, "GDĐT ngày 2", italic=True)
    _run(link, "8/12/20")
    _run(p, "23 của Bộ trưởng Bộ Giáo dục và Đào tạo ban hành Quy định về đánh giá, công nhận “Cộng đồng học tập” cấp xã, huyện, tỉnh;")
    Paragraph(p, body._parent).add_run(footnotes.marker(0))
    # a malformed symbol (REF005) whose middle is a complex field's result
    p2 = document.add_paragraph()._p
    _run(p2, "Thực hiện Thông tư số 25/20")
    _complex_field(p2, ' MERGEFIELD so_hieu ', ["23/TT", "- BGD"])
    _run(p2, "ĐT ngày 27/12/2023 của Bộ Giáo dục và Đào tạo;")
    # a simple field holding part of a wrong date, then a footnote reference inside the sentence
    p3 = document.add_paragraph()._p
    _run(p3, "Căn cứ Quyết định số 387/QĐ-TTg ngày 25/3/2022 của Thủ tướng Chính phủ; Thông tư số 25/2023/TT-BGDĐT ngày ")
    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), " DOCPROPERTY ngay ")
    p3.append(simple)
    _run(simple, "28/12", bold=True)
    _run(p3, "/2023 của Bộ Giáo dục và Đào tạo;")
    para3 = Paragraph(p3, body._parent)
    para3.add_run(footnotes.marker(1))
    _run(p3, " Ủy ban nhân dân xã gửi hồ sơ đề nghị công nhận mức độ 1 trước ngày 28/02/2025.")
    p4 = document.add_paragraph("Nơi nhận")
    _ = p4
    document.add_paragraph("- Lưu VT, VP.")
    footnotes.apply(document, [
        "Tại Điều 6 Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023.",
        "Thông tư số 25/2023/TT-BGDĐT ngày 28/12/2023 của Bộ Giáo dục và Đào tạo.",
    ])
    document.save(str(path))


# ---------------------------------------------------------------------------- reading the result


def document_root(path: Path) -> Any:
    return docx.Document(str(path)).element


def rejected(root: Any) -> Any:
    """The body as it was: insertions dropped, deletions kept as text."""
    out = copy.deepcopy(root)
    for ins in list(out.iter(W + "ins")):
        ins.getparent().remove(ins)
    for d in list(out.iter(W + "del")):
        _unwrap(d)
    for t in out.iter(W + "delText"):
        t.tag = W + "t"
    return out


def accepted(root: Any) -> Any:
    """The body with every tracked change accepted: deletions dropped, insertions kept."""
    out = copy.deepcopy(root)
    for d in list(out.iter(W + "del")):
        d.getparent().remove(d)
    for ins in list(out.iter(W + "ins")):
        _unwrap(ins)
    return out


def _unwrap(el: Any) -> None:
    parent = el.getparent()
    at = parent.index(el)
    for k, child in enumerate(list(el)):
        parent.insert(at + k, child)
    parent.remove(el)


def body_lines(root: Any) -> list[str]:
    """One string per body paragraph (tables included), footnote references as "[n]"."""
    numbers: dict[str, int] = {}
    return [_text(p, numbers) for p in root.iter(W + "p")]


def _text(p: Any, numbers: dict[str, int]) -> str:
    out = []
    for el in p.iter():
        if el.tag == W + "t":
            out.append(el.text or "")
        elif el.tag in (W + "tab", W + "br", W + "cr"):
            out.append(" ")
        elif el.tag == W + "footnoteReference":
            out.append(f"[{numbers.setdefault(el.get(W + 'id'), len(numbers) + 1)}]")
    return "".join(out)


def commented_texts(root: Any) -> dict[str, str]:
    """Comment id → the text between its commentRangeStart and commentRangeEnd (paragraphs
    joined with a line break), read in document order."""
    numbers: dict[str, int] = {}
    open_: dict[str, list[str]] = {}
    done: dict[str, str] = {}
    body = root.find(W + "body")

    def walk(el: Any) -> None:
        for child in el:
            tag = child.tag
            if tag == W + "commentRangeStart":
                open_[child.get(W + "id")] = []
            elif tag == W + "commentRangeEnd":
                cid = child.get(W + "id")
                done[cid] = "".join(open_.pop(cid))
            elif tag == W + "t":
                for parts in open_.values():
                    parts.append(child.text or "")
            elif tag in (W + "tab", W + "br", W + "cr"):
                for parts in open_.values():
                    parts.append(" ")
            elif tag == W + "footnoteReference":
                mark = f"[{numbers.setdefault(child.get(W + 'id'), len(numbers) + 1)}]"
                for parts in open_.values():
                    parts.append(mark)
            else:
                walk(child)
                if tag == W + "p":
                    for parts in open_.values():
                        parts.append("\n")

    walk(body)
    return done


def comments(path: Path) -> list[tuple[str, str, str]]:
    """(id, author, text) of each comment, in the order of comments.xml."""
    document = docx.Document(str(path))
    part = document.part.part_related_by(RT.COMMENTS)
    root = part.element
    out = []
    for c in root.iter(W + "comment"):
        text = "\n".join("".join(t.text or "" for t in p.iter(W + "t")) for p in c.iter(W + "p"))
        out.append((c.get(W + "id"), c.get(W + "author"), text))
    return out


def seed_docx(path: Path, text: str, seed: int) -> None:
    """``text`` written as Word-like tools write it: each line a paragraph whose runs are cut at
    random places (mid-word too) with random bold/italic; every 5th paragraph has a run inside a
    hyperlink, every 7th a piece inside a complex field's result, every 9th a piece inside a
    simple field, every 6th ends with a footnote reference."""
    import random

    rng = random.Random(seed)
    document = docx.Document()
    rid = document.part.relate_to("https://example.gov.vn/", RT.HYPERLINK, is_external=True)
    notes: list[str] = []
    for n, line in enumerate(text.splitlines()):
        para = document.add_paragraph()
        p = para._p
        cuts = sorted({rng.randrange(1, len(line)) for _ in range(rng.randrange(0, 6))}) if len(line) > 2 else []
        bounds = [0, *cuts, len(line)]
        pieces = [line[a:b] for a, b in zip(bounds, bounds[1:]) if b > a]
        for k, piece in enumerate(pieces):
            middle = k == len(pieces) // 2 and len(pieces) > 2
            if middle and n % 5 == 0:
                link = OxmlElement("w:hyperlink")
                link.set(qn("r:id"), rid)
                p.append(link)
                _run(link, piece, italic=True)
            elif middle and n % 7 == 0:
                _complex_field(p, " MERGEFIELD truong ", [piece])
            elif middle and n % 9 == 0:
                simple = OxmlElement("w:fldSimple")
                simple.set(qn("w:instr"), " DOCPROPERTY x ")
                p.append(simple)
                _run(simple, piece, bold=True)
            else:
                _run(p, piece, bold=rng.random() < 0.3, italic=rng.random() < 0.2)
        if n % 6 == 5 and line.strip():
            para.add_run(footnotes.marker(len(notes)))
            notes.append(f"Ghi chú số {len(notes) + 1} của dòng {n + 1}.")
    if notes:
        footnotes.apply(document, notes)
    document.save(str(path))


def footnotes_root(path: Path) -> Any:
    """The ``w:footnotes`` element of the .docx at ``path`` (None without footnotes)."""
    import zipfile

    from lxml import etree

    with zipfile.ZipFile(path) as package:
        if "word/footnotes.xml" not in package.namelist():
            return None
        return etree.fromstring(package.read("word/footnotes.xml"))


def commented_texts_in_notes(path: Path) -> dict[str, str]:
    """Comment id → the text under it inside footnotes (changes rejected)."""
    root = footnotes_root(path)
    if root is None:
        return {}
    holder = copy.deepcopy(root)
    body = holder.makeelement(W + "body", {})
    for fn in list(holder):
        body.append(fn)
    wrapper = holder.makeelement(W + "document", {})
    wrapper.append(body)
    return commented_texts(rejected(wrapper))
