"""The example specs in plans/: they load cleanly, fit the schema, and keep the facts right.

Facts are checked against /work/shared/reference (tt25.md §2.1, §5, §6, §7, §9): the Cao Bằng and
Thái Bình plans reproduce real drafts without their known mistakes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest
from ruamel.yaml import YAML

from docgen.render.context import build_context
from docgen.spec.loader import Problem, load_spec
from docgen.spec.models import Document, Level, Section, Target
from docgen.spec.schema import spec_schema

PLANS = Path(__file__).resolve().parents[2] / "plans"
PLAN_FILES = sorted(PLANS.glob("*.yaml"))
REQUIRED = {
    "cao-bang.yaml", "thai-binh.yaml", "to-trinh-xa.yaml", "bao-cao.yaml", "so-ke-hoach.yaml", "chuong-trinh-phoi-hop.yaml",
}


def load(name: str) -> Document:
    return load_spec(PLANS / name)


def sections(secs: list[Section]) -> Iterator[Section]:
    for s in secs:
        yield s
        yield from sections(s.children)


def targets(doc: Document) -> list[Target]:
    return [t for s in sections(doc.sections) for t in s.targets]


def texts(doc: Document) -> list[str]:
    """Every printed text of a document, in order."""
    out = [doc.subject, doc.opening or "", doc.closing or "", *doc.recipients, *doc.distribution, *doc.footnotes.values()]
    out += [b.text or "" for b in doc.bases]
    for s in sections(doc.sections):
        out += [s.title or "", *s.paragraphs, *s.bullets]
        out += [t.text or "" for t in s.targets] + [t.footnote or "" for t in s.targets]
        for a in s.assignments:
            out += [a.unit, *a.tasks]
        for task in s.tasks:
            out += [task.content, task.lead_unit, task.partners or "", task.timing]
    return out


def test_the_required_plans_exist() -> None:
    assert REQUIRED <= {p.name for p in PLAN_FILES}


@pytest.mark.parametrize("path", PLAN_FILES, ids=lambda p: p.name)
def test_plan_loads_without_warnings(path: Path) -> None:
    warnings: list[Problem] = []
    load_spec(path, warnings)
    assert warnings == []


@pytest.mark.parametrize("path", PLAN_FILES, ids=lambda p: p.name)
def test_plan_validates_against_the_json_schema(path: Path) -> None:
    data = YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
    errors = list(jsonschema.Draft202012Validator(spec_schema()).iter_errors(data))
    assert [e.message for e in errors] == []


@pytest.mark.parametrize("path", PLAN_FILES, ids=lambda p: p.name)
def test_plan_has_none_of_the_seed_typos(path: Path) -> None:
    joined = "\n".join(texts(load_spec(path)))
    for wrong in ("n gày", "Đào tao", "Cộng động", "triển khai khai", "hiện hành bản quy định", "TT- BGDĐT",
                  "TTBGDĐT", "Thông tư 25/2023", "số  25", " :", "PHÂN ĐẦU", "tuor", "cấp xã, cấp huyện, cấp tỉnh”"):
        assert wrong not in joined, wrong


# ---------------------------------------------------------------- Cao Bằng (seed 000)


def test_cao_bang_header_and_signer() -> None:
    doc = load("cao-bang.yaml")
    assert doc.issuers[0].name == "ỦY BAN NHÂN DÂN\nTỈNH CAO BẰNG"
    assert doc.number is None and doc.draft
    assert doc.date is not None and doc.date > dt.date(2024, 3, 29)  # after Hướng dẫn 743/HD-UBND
    assert doc.date.year == 2024
    assert doc.signers[0].lines() == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert doc.signers[0].name == "Trịnh Trường Huy"
    assert doc.archive == "VT, VX"
    assert doc.bases[0].symbol == "25/2023/TT-BGDĐT"
    assert doc.bases[1].text is not None and doc.bases[1].text.startswith("Kế hoạch số 3727/KH-UBND ngày 31/12/2021")


def test_cao_bang_targets_in_seed_order_with_14_footnotes() -> None:
    doc = load("cao-bang.yaml")
    found = [(t.level, t.muc_do, t.action) for t in targets(doc)]
    per_level = [(1, "xay-dung"), (1, "cong-nhan"), (2, "xay-dung"), (2, "cong-nhan"), (None, "cong-nhan-lai")]
    assert found == [(lv, m, a) for lv in (Level.XA, Level.HUYEN, Level.TINH) for m, a in per_level]
    footnoted = [t for t in targets(doc) if t.footnote]
    assert len(footnoted) == 13  # seed [1]–[13]
    assert len(footnoted) + len(doc.footnotes) == 14  # [14] is the marker in III.3
    marker_text = [b for s in sections(doc.sections) for b in s.bullets if "[^quy-dinh]" in b]
    assert len(marker_text) == 1 and "theo quy định hiện hành[^quy-dinh];" in marker_text[0]
    assert "743/HD-UBND ngày 29/3/2024" in doc.footnotes["quy-dinh"]


def test_cao_bang_footnotes_cite_the_right_articles() -> None:
    doc = load("cao-bang.yaml")
    notes = [t.footnote or "" for t in targets(doc) if t.footnote]
    assert notes[0].startswith("Tại Điều 6 ")
    assert notes[1].startswith("Tại Điều 7 ")
    assert notes[2].startswith("Tại khoản 4 Điều 9 ")
    assert notes[3].startswith("Tại Điều 11 ")  # seed said Điều 12 (tt25.md §2.1)
    assert notes[5].startswith("Tại Điều 12 ")
    # seed [7]: điểm a khoản 4 Điều 12 quoted verbatim, "điểm b khoản 2 Điều 8" kept (note A)
    assert "số xã được công nhận đạt “Cộng đồng học tập” cấp xã mức độ 2 theo quy định tại điểm b khoản 2 Điều 8" in notes[6]
    # seed [12]: điểm a khoản 4 Điều 17 is about districts and Điều 13, in the tỉnh context
    twelve = notes[11]
    assert "điểm a khoản 4 Điều 17" in twelve
    assert "90% số huyện được công nhận đạt “Cộng đồng học tập” cấp huyện mức độ 2" in twelve
    assert "điểm b khoản 2 Điều 13" in twelve
    assert "số xã" not in twelve and "Điều 8" not in twelve
    assert "phấn đấu được công nhận “Cộng đồng học tập” cấp tỉnh đạt mức độ 2" in twelve
    assert doc.footnotes["quy-dinh"].startswith("Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023")


# ---------------------------------------------------------------- Thái Bình (seed 001)


def test_thai_binh_cong_van() -> None:
    doc = load("thai-binh.yaml")
    assert (doc.number, doc.symbol, doc.date) == ("1357", "UBND-KGVX", dt.date(2024, 4, 15))
    assert "25/2023/TT-BGDĐT ngày 27/12/2023" in doc.subject  # the seed's V/v said 28/12/2023
    assert len(doc.recipients) == 5
    assert [s.title for s in doc.sections] == ["MỤC TIÊU PHẤN ĐẤU", "NHIỆM VỤ CỤ THỂ CỦA CÁC ĐƠN VỊ"]
    assert len(doc.sections[1].assignments) == 9
    assert doc.signers[0].lines() == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert doc.signers[0].name == "Nguyễn Quang Hưng"
    assert doc.distribution[0] == "Như trên"
    assert doc.archive == "VT, KGVX"
    assert doc.closing == "Nhận Công văn này, yêu cầu các đơn vị triển khai thực hiện./."
    assert "“Cộng đồng học tập” cấp huyện." in doc.sections[1].assignments[1].tasks[1]


# ---------------------------------------------------------------- other examples


def test_to_trinh_xa_before_the_reform() -> None:
    doc = load("to-trinh-xa.yaml")
    assert doc.date is not None and dt.date(2025, 1, 1) <= doc.date < dt.date(2025, 2, 28)  # TT25 điểm d khoản 1 Điều 9
    assert doc.recipients[0].startswith("Phòng Giáo dục và Đào tạo huyện")
    [target] = targets(doc)
    assert (target.level, target.muc_do, target.year) == (Level.XA, 1, 2024)
    joined = "\n".join(texts(doc))
    assert "điểm d khoản 1 Điều 9" in joined
    dossier = [b for s in sections(doc.sections) for b in s.bullets]
    assert [d.split(" ", 1)[0] for d in dossier] == ["Tờ", "Báo", "Bản"]  # tt25.md §6: the three items


def test_bao_cao_goes_to_the_so() -> None:
    doc = load("bao-cao.yaml")
    assert doc.recipients == ["Sở Giáo dục và Đào tạo tỉnh Cao Bằng"]
    assert doc.distribution[0] == "Như trên"


def test_so_ke_hoach_after_the_reform_is_commune_level_only() -> None:
    doc = load("so-ke-hoach.yaml")
    assert doc.date is not None and doc.date >= dt.date(2025, 7, 1)
    assert doc.issuers[0].chu_quan == "UBND TỈNH CAO BẰNG"
    assert doc.issuers[0].name == "SỞ GIÁO DỤC VÀ ĐÀO TẠO"
    assert {t.level for t in targets(doc)} == {Level.XA}
    # The task table is a tien_do block (issue 13): its rows are read from the rendered context.
    ctx = build_context(doc)
    rows = [row for b in ctx.values["blocks"] if b.kind == "bang" for row in b.rows]
    assert len(rows) >= 6
    joined = "\n".join([*texts(doc), *ctx.footnotes, *(f"{r.content} {r.lead} {r.partners} {r.timing}" for r in rows)])
    for stale in ("Phòng Giáo dục và Đào tạo", "cấp huyện", "thị trấn"):
        assert stale not in joined, stale
    dossier_rows = [r for r in rows if "hồ sơ đề nghị" in r.content]
    assert [re.sub("\ue000[0-9]+\ue001", "", r.timing) for r in dossier_rows] == ["Trước ngày 28/02/2026"]
    assert "đến Sở Giáo dục và Đào tạo" in dossier_rows[0].content


def test_chuong_trinh_phoi_hop_has_two_issuers_and_two_signers() -> None:
    doc = load("chuong-trinh-phoi-hop.yaml")
    assert [i.abbrev for i in doc.issuers] == ["SGDĐT", "HKH"]
    assert len(doc.signers) == 2
    assert doc.symbol == "CTr-SGDĐT-HKH"


def test_quyet_dinh_council_is_set_up_between_dossier_and_completion_deadlines() -> None:
    doc = load("quyet-dinh.yaml")
    assert doc.authority == "TRƯỞNG PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN HÒA AN"  # TT25 điểm b khoản 2 Điều 9
    assert doc.date is not None and dt.date(2025, 2, 28) <= doc.date < dt.date(2025, 3, 31)
    members = doc.sections[0].bullets
    assert len(members) >= 5 and len(members) % 2 == 1  # odd, at least 05
    assert doc.distribution[0] == "Như Điều 3" and len(doc.sections) == 3
