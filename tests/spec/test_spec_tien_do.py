"""tien_do in specs (issue 13): refusals with file, line and field; the starter; no legal date typed
by hand in the bundled plans where a tien_do could give it.

Legal dates are listed here from /work/shared/reference/tt25.md §5 (not from docgen's timeline):
the data window 01/01–31/12 of Y, the dossier deadlines 28/02, 30/04, 31/07 of Y+1 and the
completion deadlines 31/03, 31/05 of Y+1.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
from ruamel.yaml import YAML

from docgen.errors import SpecError
from docgen.render.docx import render_document
from docgen.spec.loader import load_spec_text
from docgen.spec.starter import starter_spec

ROOT = Path(__file__).resolve().parents[2]
PLANS = sorted((ROOT / "plans").glob("*.yaml"))

HEAD = """\
loai: ke-hoach
du_thao: true
co_quan:
  - ten: SỞ GIÁO DỤC VÀ ĐÀO TẠO
    viet_tat: SGDĐT
dia_danh: Cao Bằng
ngay: 15/09/2025
trich_yeu: Tổ chức đánh giá, công nhận “Cộng đồng học tập” cấp xã năm 2025
nguoi_ky:
  chuc_vu: GIÁM ĐỐC
  ho_ten: Hoàng Văn C
ket_thuc: Trên đây là Kế hoạch của Sở Giáo dục và Đào tạo./.
noi_dung:
  - tieu_de: TIẾN ĐỘ
    tien_do:
"""


def tien_do_spec(body: str) -> str:
    return HEAD + "".join(f"      {line}\n" for line in body.strip("\n").split("\n"))


def refusal(text: str) -> SpecError:
    with pytest.raises(SpecError) as err:
        load_spec_text(text, "plans/x.yaml")
    return err.value


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.split("\n"), 1) if needle in line)


def test_an_own_date_after_the_legal_deadline_is_refused_with_the_clause() -> None:
    text = tien_do_spec("""
cap: xa
nam: 2025
buoc:
  - noi_dung: Họp thống nhất kết quả
    truoc: ho-so
    han: 05/03/2026
""")
    err = refusal(text)
    [(where, message)] = err.problems
    assert (where.path, where.line, where.field) == ("plans/x.yaml", line_of(text, "han: 05/03/2026"), "noi_dung[0].tien_do.buoc[0].han")
    assert "05/03/2026" in message and "trước ngày 28/02/2026" in message
    assert "điểm d khoản 1 Điều 9 Thông tư số 25/2023/TT-BGDĐT" in message


def test_the_deadline_day_itself_is_late_the_day_before_is_not() -> None:
    # TT25 điểm d khoản 1 Điều 9: "trước ngày 28 tháng 02": 28/02 is late, 27/02 is on time.
    late = tien_do_spec("cap: xa\nnam: 2025\nbuoc:\n  - noi_dung: Nộp\n    truoc: ho-so\n    han: 28/02/2026")
    assert "điểm d khoản 1 Điều 9" in refusal(late).problems[0][1]
    on_time = late.replace("28/02/2026", "27/02/2026")
    assert load_spec_text(on_time, "x.yaml").sections[0].schedule is not None


def test_a_month_that_ends_after_the_deadline_is_refused() -> None:
    # "hết tháng 3/2026" is later than the completion deadline (khoản 3 Điều 9: trước ngày 31/03).
    text = tien_do_spec("cap: xa\nnam: 2025\nbuoc:\n  - noi_dung: Thẩm định\n    truoc: hoan-thanh\n    han: 03/2026")
    message = refusal(text).problems[0][1]
    assert "khoản 3 Điều 9" in message and "trước ngày 31/03/2026" in message


def test_cli_refuses_with_exit_2_and_no_traceback(tmp_path: Path) -> None:
    spec = tmp_path / "x.yaml"
    spec.write_text(tien_do_spec("cap: tinh\nnam: 2025\nbuoc:\n  - noi_dung: Gửi hồ sơ\n    truoc: ho-so\n    han: 01/08/2026"), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "docgen.cli", "render", str(spec), "-o", str(tmp_path / "out"), "--no-pdf"],
                          capture_output=True, text=True, cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 2
    assert "Traceback" not in done.stderr + done.stdout
    assert "x.yaml:" in done.stderr and "buoc[0].han" in done.stderr and "điểm d khoản 1 Điều 19" in done.stderr


@pytest.mark.parametrize(
    ("body", "field", "words"),
    [
        ("cap: xa\nnam: 2023", "noi_dung[0].tien_do.nam", "2023"),
        ("cap: xa\nnam: 2025\nmoc: [quyet-dinh]", "noi_dung[0].tien_do", "quyet-dinh"),
        ("cap: tinh\nnam: 2025\nbuoc:\n  - noi_dung: A\n    truoc: hoan-thanh", "noi_dung[0].tien_do.buoc[0].truoc", "cấp tỉnh"),
        ("cap: [xa, tinh]\nnam: 2025\nbuoc:\n  - noi_dung: A\n    truoc: ho-so\n    so_ngay: 5", "noi_dung[0].tien_do", "ghi cap"),
        ("cap: xa\nnam: 2025\nbuoc:\n  - noi_dung: A\n    so_ngay: 5", "noi_dung[0].tien_do.buoc[0]", "truoc"),
        ("cap: xa\nnam: 2025\nbuoc:\n  - noi_dung: A", "noi_dung[0].tien_do.buoc[0]", "han"),
        ("cap: xa\nnam: 2025\ntrinh_bay: bang-bieu", "noi_dung[0].tien_do.trinh_bay", "danh-sach"),
        ("cap: xa\nnam: 2025\nbuoc:\n  - noi_dung: A\n    truoc: bao-luu", "noi_dung[0].tien_do.buoc[0].truoc", "không có hạn"),
    ],
)
def test_bad_tien_do_is_a_spec_error_naming_the_field(body: str, field: str, words: str) -> None:
    problems = refusal(tien_do_spec(body)).problems
    assert any(where.field == field and where.line > 0 and words in message for where, message in problems), problems


# ---------------------------------------------------------------- starter


def test_starter_ke_hoach_has_a_commented_tien_do_that_renders_when_uncommented() -> None:
    text = starter_spec("ke-hoach")
    assert "    # tien_do:" in text
    assert load_spec_text(text, "k.yaml").sections[2].schedule is None  # commented out as given
    lines = text.split("\n")
    start = lines.index("    # tien_do:")
    opened = list(lines)
    for i in range(start, len(lines)):
        if not lines[i].startswith("    # "):
            break
        opened[i] = "    " + lines[i][len("    # "):]
    document = load_spec_text("\n".join(opened), "k.yaml")
    schedule = document.sections[2].schedule
    assert schedule is not None and [s.content for s in schedule.steps][:1] == ["Tập huấn công chức cấp xã về hồ sơ đề nghị công nhận"]
    rendered = docx.Document(io.BytesIO(render_document(document)))
    cells = {c.text.strip() for table in rendered.tables for row in table.rows for c in row.cells}
    assert "Trước ngày 28/02/2026" in cells  # tt25.md §5: xã dossier before 28/02 of Y+1


# ---------------------------------------------------------------- no legal date typed by hand


# Full dates in a plan's text: "28/02/2026", "28-02-2026", "ngày 28 tháng 02 năm 2026", "28 tháng 2 năm 2026".
DATE = re.compile(r"(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)|(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")


def legal_dates(first: int = 2024, last: int = 2035) -> set[dt.date]:
    """Every calendar date TT25 sets (tt25.md §5), for evaluation years first..last."""
    out: set[dt.date] = set()
    for y in range(first, last + 1):
        out |= {dt.date(y, 1, 1), dt.date(y, 12, 31)}  # data window (điểm b khoản 1 Điều 9/14/19)
        out |= {dt.date(y + 1, 2, 28), dt.date(y + 1, 4, 30), dt.date(y + 1, 7, 31)}  # dossiers (điểm d khoản 1)
        out |= {dt.date(y + 1, 3, 31), dt.date(y + 1, 5, 31)}  # completion (khoản 3 Điều 9, 14)
    return out


def strings(node: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """Every text value of a spec with its YAML path, tien_do blocks left out (docgen writes those)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key != "tien_do":
                yield from strings(value, f"{path}.{key}" if path else str(key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from strings(value, f"{path}[{i}]")
    elif isinstance(node, str):
        yield path, node


def hand_typed_legal_dates(data: Any) -> list[tuple[str, str]]:
    legal = legal_dates()
    found = []
    for path, text in strings(data):
        for m in DATE.finditer(text):
            d, mo, y = (int(g) for g in (m.groups()[:3] if m.group(1) else m.groups()[3:]))
            try:
                day = dt.date(y, mo, d)
            except ValueError:
                continue
            if day in legal:
                found.append((path, m.group(0)))
    return found


def test_the_finder_finds_a_legal_date_typed_by_hand() -> None:
    # The Sở plan before issue 13 typed its dossier deadline and data window in its task table.
    before = {"noi_dung": [{"bang_nhiem_vu": [
        {"noi_dung": "Thu thập số liệu từ ngày 01/01/2025 đến ngày 31/12/2025", "thoi_gian": "Tháng 12/2025"},
        {"noi_dung": "Gửi hồ sơ", "thoi_gian": "Trước ngày 28/02/2026"},
        {"noi_dung": "Gửi hồ sơ đến Bộ", "thoi_gian": "trước ngày 31 tháng 7 năm 2026"},
        {"noi_dung": "Báo cáo", "thoi_gian": "trước ngày 15/12/2025"},
    ]}]}
    assert [m for _, m in hand_typed_legal_dates(before)] == ["01/01/2025", "31/12/2025", "28/02/2026", "31 tháng 7 năm 2026"]


# Legal dates inside running sentences of documents that are not plans: a báo cáo telling what
# was done before 28/02 and 31/03, a Quyết định's article, a tờ trình quoting the data window.
# A tien_do (a table or a dated list in its own section) cannot give a date in the middle of a
# sentence; they stay listed here, so a new one fails this test as well as a removed one.
IN_SENTENCES: dict[str, list[str]] = {
    "bao-cao.yaml": ["28/02/2025", "31/3/2025", "30/4/2025"],
    "quyet-dinh.yaml": ["31/3/2025"],
    "to-trinh-xa.yaml": ["31 tháng 12 năm 2024"],
}


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.name)
def test_no_legal_date_typed_by_hand_in_the_plans(path: Path) -> None:
    data = YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
    found = [" ".join(m.split()) for _, m in hand_typed_legal_dates(data)]
    assert found == IN_SENTENCES.get(path.name, [])
    if data["loai"] in ("ke-hoach", "cong-van", "chuong-trinh-phoi-hop"):
        assert found == []


@pytest.mark.parametrize("name", ["cao-bang.yaml", "so-ke-hoach.yaml"])
def test_the_plans_that_list_legal_dates_use_tien_do(name: str) -> None:
    data = YAML(typ="safe", pure=True).load((ROOT / "plans" / name).read_text(encoding="utf-8"))

    def blocks(node: Any) -> Iterator[Any]:
        if isinstance(node, dict):
            if "tien_do" in node:
                yield node["tien_do"]
            for value in node.values():
                yield from blocks(value)
        elif isinstance(node, list):
            for value in node:
                yield from blocks(value)

    assert list(blocks(data))


# ---------------------------------------------------------------- docs/spec.md


def test_the_examples_in_docs_spec_load_and_render() -> None:
    text = (ROOT / "docs" / "spec.md").read_text(encoding="utf-8")
    part = text[text.index("## Tiến độ theo Thông tư"):text.index("## Khi tệp có lỗi")]
    examples = [block.split("```", 1)[0] for block in part.split("```yaml\n")[1:]]
    assert len(examples) == 3  # a commune, a Sở, a province
    for example in examples:
        assert example.startswith("tien_do:\n")
        body = "\n".join(line[2:] for line in example.split("\n")[1:])
        document = load_spec_text(tien_do_spec(body), "docs.yaml")
        assert document.sections[0].schedule is not None
        render_document(document)


def test_the_commune_output_shown_in_docs_spec_is_what_docgen_writes() -> None:
    text = (ROOT / "docs" / "spec.md").read_text(encoding="utf-8")
    part = text[text.index("**Cấp xã**"):text.index("**Sở Giáo dục và Đào tạo**")]
    example, shown = part.split("```yaml\n")[1].split("```", 1)
    shown_lines = shown.split("```\n")[1].split("```")[0].strip().split("\n")
    body = "\n".join(line[2:] for line in example.split("\n")[1:])
    rendered = docx.Document(io.BytesIO(render_document(load_spec_text(tien_do_spec(body), "docs.yaml"))))
    assert [p.text for p in rendered.paragraphs if p.text.startswith("- ")] == shown_lines
