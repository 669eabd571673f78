"""Paragraphs of a draft → the spec's data (Vietnamese keys, in the order of plans/*.yaml).

The aim is the same document, not the original spec: every mapping is chosen so that rendering
the spec gives back the paragraphs' text (render/context.py is the reference for how each part is
written). Where a part cannot be written back that way, its text is kept as a paragraph (``doan``)
in the nearest place and a note in Vietnamese says so (``Builder.notes``). One reader per part:
:mod:`.header`, :mod:`.bases`, :mod:`.body`, :mod:`.signature`.
"""

from __future__ import annotations

from typing import Any

from docgen.importer.bases import BasesReader
from docgen.importer.body import BodyReader, drop_end_mark
from docgen.importer.header import HeaderReader
from docgen.importer.patterns import BULLET
from docgen.importer.signature import SignatureReader
from docgen.importer.state import is_numbered
from docgen.spec.models import Kind


class Builder(HeaderReader, BasesReader, BodyReader, SignatureReader):
    """Builds the spec data of one draft; :attr:`notes` lists what could not be mapped."""

    # ------------------------------------------------------------------ all together

    def build(self) -> dict[str, Any]:
        header = self.header()
        body_end, tail = self.split_tail()
        body = self.paras[self.pos : body_end]
        opening, bases, authority = self.opening(body)
        body = body[len(opening) :]
        closing = None
        if body and body[-1].rows is None and _is_closing(body[-1].text) and not is_numbered(body[-1].text) and not BULLET.match(body[-1].text):
            closing = body.pop().text
        sections = self.sections(body)
        signers, distribution, archive = self.tail(tail)
        if header.get("du_thao"):
            # a draft may leave the signer's name to be written in (docgen renders it blank)
            for signer in signers:
                if signer.get("ho_ten") == "…":
                    signer["ho_ten"] = ""
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
            drop_end_mark(sections[-1])
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


def _ordered(spec: dict[str, Any]) -> dict[str, Any]:
    order = ["loai", "du_thao", "co_quan", "so", "ky_hieu", "dia_danh", "ngay", "ten_loai", "trich_yeu", "kinh_gui", "can_cu",
             "mo_dau", "tham_quyen", "noi_dung", "ket_thuc", "chu_thich", "nguoi_ky", "noi_nhan", "luu"]
    return {k: spec[k] for k in order if k in spec}


def _is_closing(text: str) -> bool:
    return text.rstrip().endswith("./.") or text.startswith("Trên đây")
