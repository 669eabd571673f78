"""Build the two dossier templates (docxtpl, NĐ 30/2020 layout) into ``docgen/templates/``.

    .venv/bin/python tools/build_dossier_templates.py [--out templates]

- ``bao-cao-tu-danh-gia.docx``: Báo cáo tự đánh giá “Cộng đồng học tập”, with the criteria table
  (tiêu chí, chỉ tiêu, kết quả, minh chứng, đạt / không đạt) between the body blocks;
- ``ban-tong-hop.docx``: Bản tổng hợp kết quả đánh giá các tiêu chí, chỉ tiêu (điểm d khoản 1
  Điều 9, 14, 19 TT25).

Header, title, body blocks, signature, page number and every paragraph style come from
``tools/build_templates.py`` (imported, read only), so both templates take the same context keys
as the other kinds (``issuers``, ``so``, ``dia_danh_ngay``, ``ten_loai``, ``trich_yeu``,
``kinh_gui``, ``blocks``, ``signers``, ``noi_nhan``…: ``docgen.render.context``) plus ``bang``
(table rows), ``blocks_sau`` and ``ket_thuc_sau`` (the body after the table). Output is byte-for-byte reproducible.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from docx.document import Document

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import build_templates as bt  # noqa: E402  (tools/build_templates.py: layout helpers, read only)

from docgen.render import layout as L  # noqa: E402
from docgen.spec.models import Kind  # noqa: E402

# Criteria table: STT | Tiêu chí, chỉ tiêu | Kết quả | Minh chứng | Tự đánh giá (sum = TEXT_WIDTH).
REPORT_COLUMNS = (L.mm(13), L.mm(50), L.mm(46), L.mm(36), L.TEXT_WIDTH - L.mm(13 + 50 + 46 + 36))
REPORT_HEADINGS = ("STT", "Tiêu chí, chỉ tiêu", "Kết quả thực hiện", "Minh chứng", "Tự đánh giá")
REPORT_FIELDS = ("stt", "ten", "ket_qua", "minh_chung", "danh_gia")
# Summary table: STT | Tiêu chí | Số chỉ tiêu | Số chỉ tiêu đạt | Kết quả.
SUMMARY_COLUMNS = (L.mm(13), L.mm(78), L.mm(22), L.mm(22), L.TEXT_WIDTH - L.mm(13 + 78 + 22 + 22))
SUMMARY_HEADINGS = ("STT", "Tiêu chí", "Số chỉ tiêu", "Số chỉ tiêu đạt", "Kết quả")
SUMMARY_FIELDS = ("stt", "ten", "so_chi_tieu", "so_dat", "ket_qua")


def _table(doc: Document, headings: tuple[str, ...], widths: tuple[int, ...], fields: tuple[str, ...],
           centred: tuple[int, ...]) -> None:
    """A bordered table whose rows come from ``bang``; a row with ``nhom`` is a bold group row."""
    table = doc.add_table(rows=4, cols=len(headings))
    bt.borderless(table, widths, borders="single", margins=L.mm(1.5))
    bt.row_flags(table, 0, header=True, cant_split=True)
    bt.row_flags(table, 2, cant_split=True)
    for cell, heading in zip(table.rows[0].cells, headings):
        bt.para(cell, "ND30BangTieuDe", heading)
    bt.para(table.rows[1].cells[0], "ND30Bang", "{%tr for row in bang %}")
    for cell in table.rows[1].cells[1:]:
        bt.para(cell, "ND30Bang")
    for i, (cell, name) in enumerate(zip(table.rows[2].cells, fields)):
        style = "ND30BangTieuDe" if i in centred else "ND30Bang"
        if i == 1:
            bt.tag(cell, "{%p if row.nhom %}", "ND30Bang")
            bt.para(cell, "ND30Bang", ("{{ row.%s }}" % name, {"bold": True}))
            bt.tag(cell, "{%p else %}", "ND30Bang")
            bt.para(cell, "ND30Bang", "{{ row.%s }}" % name)
            bt.tag(cell, "{%p endif %}", "ND30Bang")
        else:
            paragraph = bt.para(cell, style, "{{ row.%s }}" % name)
            if style == "ND30BangTieuDe":
                paragraph.runs[0].bold = False
    bt.para(table.rows[3].cells[0], "ND30Bang", "{%tr endfor %}")
    for cell in table.rows[3].cells[1:]:
        bt.para(cell, "ND30Bang")


def _tail_blocks(doc: Document) -> None:
    """Body blocks after the table (the block kinds of ``build_blocks``), key ``blocks_sau``."""
    bt.tag(doc, "{%p for b in blocks_sau %}")
    bt.tag(doc, '{%p if b.kind == "muc" %}', "ND30Muc")
    bt.para(doc, "ND30Muc", "{{ b.head }}")
    bt.tag(doc, '{%p elif b.kind == "khoan" %}', "ND30Khoan")
    bt.para(doc, "ND30Khoan", ("{{ b.head }}", {"bold": True}), "{{ b.text }}")
    bt.tag(doc, '{%p elif b.kind == "diem" %}', "ND30Diem")
    bt.para(doc, "ND30Diem", "{{ b.head }}", "{{ b.text }}")
    bt.tag(doc, '{%p elif b.kind == "y" %}', "ND30Y")
    bt.para(doc, "ND30Y", "{{ b.text }}")
    bt.tag(doc, "{%p else %}")
    bt.para(doc, "ND30NoiDung", "{{ b.text }}")
    bt.tag(doc, "{%p endif %}")
    bt.tag(doc, "{%p endfor %}")
    bt.tag(doc, "{%p if ket_thuc_sau %}")
    bt.para(doc, "ND30NoiDung", "{{ ket_thuc_sau }}")
    bt.tag(doc, "{%p endif %}")


def _new() -> Document:
    doc = bt.new_document()
    body = doc.element.body
    for p in list(body.findall(bt.qn("w:p"))):
        body.remove(p)
    bt.clean_styles(doc)
    for spec in bt.PARAGRAPH_STYLES:
        bt.add_paragraph_style(doc, spec)
    for rule in (L.STYLE_AGENCY_RULE, L.STYLE_MOTTO_RULE, L.STYLE_TITLE_RULE):
        bt.add_rule_border(doc, rule)
    bt.add_footnote_reference_style(doc)
    bt.page_setup(doc)
    return doc


def _finish(doc: Document, title: str) -> bytes:
    bt.para(doc, "ND30Cach")
    bt.build_page_number(doc)
    props = doc.core_properties
    props.title = title
    props.author = "docgen"
    props.last_modified_by = "docgen"
    props.comments = "Sinh bởi tools/build_dossier_templates.py; sửa định dạng bằng các kiểu đoạn NĐ30."
    props.created = bt.FIXED_TIME
    props.modified = bt.FIXED_TIME
    props.revision = 1
    bt.lean(doc)
    buffer = io.BytesIO()
    doc.save(buffer)
    return bt._fixed_zip(buffer.getvalue())


def build_report() -> bytes:
    """Báo cáo tự đánh giá: header, BÁO CÁO + trích yếu, Kính gửi, blocks, table, blocks, signature."""
    doc = _new()
    bt.build_header(doc, Kind.BAO_CAO)
    bt.build_title(doc, Kind.BAO_CAO)
    bt.build_opening(doc, Kind.BAO_CAO)
    bt.build_blocks(doc)
    _table(doc, REPORT_HEADINGS, REPORT_COLUMNS, REPORT_FIELDS, centred=(0, 4))
    _tail_blocks(doc)
    bt.build_signature(doc)
    return _finish(doc, "Mẫu báo cáo tự đánh giá “Cộng đồng học tập” (NĐ 30/2020/NĐ-CP)")


def build_summary() -> bytes:
    """Bản tổng hợp: header, BẢN TỔNG HỢP + trích yếu, “kèm theo” line, table, conclusion, signature."""
    doc = _new()
    bt.build_header(doc, Kind.BAO_CAO)
    bt.build_title(doc, Kind.BAO_CAO)
    bt.build_opening(doc, Kind.BAO_CAO)
    bt.build_blocks(doc)
    _table(doc, SUMMARY_HEADINGS, SUMMARY_COLUMNS, SUMMARY_FIELDS, centred=(0, 2, 3, 4))
    _tail_blocks(doc)
    bt.build_signature(doc)
    return _finish(doc, "Mẫu bản tổng hợp kết quả đánh giá tiêu chí, chỉ tiêu (NĐ 30/2020/NĐ-CP)")


TEMPLATES = {"bao-cao-tu-danh-gia.docx": build_report, "ban-tong-hop.docx": build_summary}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--out", type=Path, default=bt.ROOT / "docgen" / "templates")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, build in TEMPLATES.items():
        path = args.out / name
        path.write_bytes(build())
        print(f"đã ghi {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
