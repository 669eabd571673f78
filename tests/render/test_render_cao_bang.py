"""plans/cao-bang.yaml: every target and each of its 9 assignments, in order, with its footnote.

The plan has 15 target sentences (5 per level); 13 carry a footnote (the seed's [1]–[13]) and
the two "Đến hết tháng 3 …" sentences of cấp xã have none, as in the seed; the tien_do of
mục II adds one footnote per row (its clauses, issue 13); the last footnote is in section III.

Expectations are read from the YAML with a plain safe loader (not docgen's), so the test compares
the rendered .docx against what the author wrote.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from rendertools import NS, Docx, w
from ruamel.yaml import YAML

from docgen.render.docx import render_document
from docgen.spec.loader import load_spec

PLAN = Path(__file__).resolve().parents[2] / "plans" / "cao-bang.yaml"


def norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def walk(sections: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for s in sections:
        out.extend(s.get(key, []))
        out.extend(walk(s.get("muc", []), key))
    return out


@pytest.fixture(scope="module")
def raw() -> dict[str, Any]:
    return YAML(typ="safe", pure=True).load(PLAN.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def rendered() -> Docx:
    return Docx(render_document(load_spec(PLAN)))


def paragraphs_with_notes(docx: Docx) -> tuple[list[str], dict[str, str]]:
    notes = docx.part("word/footnotes.xml")
    by_id = {n.get(w("id")): norm(Docx.text(n)) for n in notes.findall("w:footnote", NS) if not n.get(w("type"))}
    return [norm(Docx.text(p)) for p in docx.paragraphs()], by_id


def test_targets_in_order_thirteen_with_their_footnote(raw: dict[str, Any], rendered: Docx) -> None:
    targets = walk(raw["noi_dung"], "muc_tieu")
    assert len(targets) == 15
    assert len([t for t in targets if "chu_thich" in t]) == 13
    texts, notes = paragraphs_with_notes(rendered)
    position = 0
    for target in targets:
        sentence = norm(target["noi_dung"]).rstrip(".")
        index = next(i for i in range(position, len(texts)) if texts[i].startswith(f"- {sentence}"))
        position = index + 1
        refs = re.findall(r"\[(\d+)\]", texts[index])
        if "chu_thich" in target:
            assert len(refs) == 1, texts[index]
            assert notes[refs[0]] == norm(target["chu_thich"])
        else:
            assert refs == [], texts[index]


def test_nine_assignments_numbered_in_order_with_their_tasks(raw: dict[str, Any], rendered: Docx) -> None:
    assignments = walk(raw["noi_dung"], "phan_cong")
    assert len(assignments) == 9
    texts, _ = paragraphs_with_notes(rendered)
    position = 0
    for number, assignment in enumerate(assignments, 1):
        unit = norm(assignment["don_vi"])
        index = next(i for i in range(position, len(texts)) if texts[i].startswith(f"{number}. {unit}"))
        tasks = [norm(t) for t in assignment["nhiem_vu"]]
        if len(tasks) == 1:
            assert texts[index] == f"{number}. {unit}: {tasks[0]}"
        else:
            assert texts[index] == f"{number}. {unit}"
            assert texts[index + 1 : index + 1 + len(tasks)] == [f"- {t}" for t in tasks]
        position = index + 1


# Issue 13: the tien_do of mục II (dieu_khoan: chu-thich) adds one footnote per row: hồ sơ and
# hoàn thành for cấp xã and cấp huyện, hồ sơ and quyết định for cấp tỉnh (tt25.md §5).
TIEN_DO_NOTES = 6


def test_twenty_real_footnotes_numbered_in_order(rendered: Docx) -> None:
    refs = [r.get(w("id")) for r in rendered.body.iter(w("footnoteReference"))]
    assert refs == [str(i) for i in range(1, 15 + TIEN_DO_NOTES)]
    notes = rendered.part("word/footnotes.xml").findall("w:footnote", NS)
    assert len([n for n in notes if not n.get(w("type"))]) == 14 + TIEN_DO_NOTES


def test_headings_are_roman_numbered_upper_case(rendered: Docx) -> None:
    texts = [Docx.text(p) for p in rendered.paragraphs()]
    headings = [t for t in texts if re.match(r"^[IVX]+\. ", t)]
    assert headings == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. MỤC TIÊU",
        "III. NHIỆM VỤ VÀ GIẢI PHÁP",
        "IV. KINH PHÍ THỰC HIỆN",
        "V. TỔ CHỨC THỰC HIỆN",
        "VI. CHẾ ĐỘ THÔNG TIN, BÁO CÁO",
    ]
