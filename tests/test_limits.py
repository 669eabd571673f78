"""Limits and hostile inputs of issue 9 (docgen/limits.py): each is refused with a Vietnamese
message and exit 2 (or has the documented behaviour), without a traceback, within a subprocess
timeout. No timing is asserted beyond the timeout."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from docgen import limits, vi

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 60

BASE = """\
loai: cong-van
co_quan:
  - ten: ỦY BAN NHÂN DÂN XÃ A
dia_danh: Cao Bằng
trich_yeu: {subject}
nguoi_ky:
  ho_ten: Nguyễn Văn A
"""


def docgen(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "docgen.cli", *args],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        cwd=cwd or ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def refused(result: subprocess.CompletedProcess[str], *words: str) -> str:
    out = result.stdout + result.stderr
    assert result.returncode == 2, out
    assert "Traceback" not in out and "lỗi nội bộ" not in out, out
    for word in words:
        assert word in out, out
    return out


def spec(tmp_path: Path, text: str, name: str = "x.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------- YAML before expansion


def billion_laughs() -> str:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    return "\n".join(lines) + "\n"


def doubling() -> str:
    """Few aliases (2 per level) but 2**40 nodes once expanded."""
    lines = ['b0: &b0 ["x","x"]'] + [f"b{i}: &b{i} [*b{i - 1}, *b{i - 1}]" for i in range(1, 40)]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("command", ["render", "check"])
def test_billion_laughs_refused_before_expansion(tmp_path: Path, command: str) -> None:
    path = spec(tmp_path, billion_laughs())
    assert path.stat().st_size < 4096
    out = refused(docgen(command, str(path), *(["-o", str(tmp_path / "out"), "--no-pdf"] if command == "render" else [])), "vượt giới hạn")
    assert "x.yaml:" in out
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_expansion_with_few_aliases_refused(tmp_path: Path) -> None:
    refused(docgen("check", str(spec(tmp_path, doubling()))), "bí danh", "vượt giới hạn")


def test_too_many_aliases_refused(tmp_path: Path) -> None:
    text = "a: &a x\nb: [" + ", ".join(["*a"] * (limits.YAML_ALIASES + 1)) + "]\n"
    refused(docgen("check", str(spec(tmp_path, text))), f"hơn {limits.YAML_ALIASES} bí danh")


def test_deep_nesting_refused(tmp_path: Path) -> None:
    text = "a: " + "[" * 3000 + "]" * 3000 + "\n"
    refused(docgen("check", str(spec(tmp_path, text))), f"quá {limits.YAML_DEPTH} tầng")


def test_number_of_5000_digits_refused(tmp_path: Path) -> None:
    out = refused(docgen("check", str(spec(tmp_path, BASE.format(subject="Thử") + "so: " + "1" * 5000 + "\n"))), "5000 chữ số")
    assert "x.yaml:8:5" in out


def test_long_string_refused(tmp_path: Path) -> None:
    long = "chữ " * (limits.SPEC_STRING_CHARS // 4 + 10)
    refused(docgen("check", str(spec(tmp_path, BASE.format(subject=long)))), "vượt giới hạn", "ký tự")


def test_long_list_refused(tmp_path: Path) -> None:
    items = "\n".join(f"  - Nơi {i};" for i in range(limits.SPEC_LIST_ITEMS + 1))
    refused(docgen("check", str(spec(tmp_path, BASE.format(subject="Thử") + "noi_nhan:\n" + items + "\n"))), "phần tử", "vượt giới hạn")


def test_spec_file_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    with path.open("wb") as fh:
        fh.truncate(limits.SPEC_BYTES + 1)  # sparse: no disk used
    refused(docgen("check", str(path)), "vượt giới hạn")


# ---------------------------------------------------------------- số văn bản


@pytest.mark.parametrize("value", ["1e99999", ".nan", "-5", "0x1F", "5.0", "0", "abc"])
def test_so_must_be_a_positive_integer(tmp_path: Path, value: str) -> None:
    path = spec(tmp_path, BASE.format(subject="Thử") + f"so: {value}\n")
    refused(docgen("check", str(path)), "x.yaml:8:5", "số văn bản phải là số nguyên dương")


@pytest.mark.parametrize("value", ["12", "1357", '"05"'])
def test_so_positive_integer_accepted(tmp_path: Path, value: str) -> None:
    result = docgen("check", str(spec(tmp_path, BASE.format(subject="Thử") + f"so: {value}\n")))
    assert result.returncode in (0, 1), result.stdout + result.stderr


# ---------------------------------------------------------------- characters Word cannot hold


@pytest.mark.parametrize(
    ("char", "code"),
    # a raw U+0000 makes the file binary (docgen.text): refused as such, before YAML
    [("\x00", "nhị phân"), ("\x01", "U+0001"), ("\x1f", "U+001F"), ("\ufffe", "U+FFFE"), ("\u202e", "U+202E"), ("\u2066", "U+2066")],
)
def test_refused_character_typed_in_file(tmp_path: Path, char: str, code: str) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(BASE.format(subject=f"Thử{char} nghiệm").encode("utf-8"))
    out = refused(docgen("check", str(path)), code)
    assert "x.yaml:5:15" in out or char == "\x00", out


@pytest.mark.parametrize(("escape", "code"), [("\\x01", "U+0001"), ("\\u202E", "U+202E"), ("\\uFFFF", "U+FFFF"), ("\\uD800", "U+D800")])
def test_refused_character_written_as_escape(tmp_path: Path, escape: str, code: str) -> None:
    path = spec(tmp_path, BASE.format(subject=f'"Thử {escape} nghiệm"'))
    refused(docgen("render", str(path), "-o", str(tmp_path / "out"), "--no-pdf"), "x.yaml:5:12", "trich_yeu", code)


def test_word_line_break_becomes_a_space_with_a_warning(tmp_path: Path) -> None:
    path = spec(tmp_path, BASE.format(subject="Thử\x0bnghiệm"))
    result = docgen("render", str(path), "-o", str(tmp_path / "out"), "--no-pdf")
    out = result.stdout + result.stderr
    assert "Traceback" not in out
    assert "U+000B" in out and "dấu cách" in out, out
    assert (tmp_path / "out" / "x.docx").exists(), out


def test_private_use_markers_refused(tmp_path: Path) -> None:
    path = spec(tmp_path, BASE.format(subject="Thử\ue0003\ue001 nghiệm"))
    refused(docgen("render", str(path), "-o", str(tmp_path / "out"), "--no-pdf"), "U+E000")


def test_other_private_use_characters_render(tmp_path: Path) -> None:
    # Word's Symbol-font bullet (U+F0B7) is private use and harmless
    path = spec(tmp_path, BASE.format(subject="Thử \uf0b7 nghiệm [^a]") + "chu_thich:\n  a: Ghi chú \uf0b7.\n")
    result = docgen("render", str(path), "-o", str(tmp_path / "out"), "--no-pdf")
    out = result.stdout + result.stderr
    assert "Traceback" not in out and "lỗi nội bộ" not in out, out
    assert (tmp_path / "out" / "x.docx").exists(), out


def test_footnote_marker_out_of_range_kept_as_text() -> None:
    import docx

    from docgen.render import footnotes

    document = docx.Document()
    document.add_paragraph(f"a {footnotes.OPEN}7{footnotes.CLOSE} b {footnotes.marker(0)} c")
    assert footnotes.apply(document, ["Ghi chú."]) == 1
    assert f"{footnotes.OPEN}7{footnotes.CLOSE}" in document.paragraphs[0].text


# ---------------------------------------------------------------- lettered points


def test_point_letters_continue_after_y() -> None:
    letters = [vi.point_letter(n) for n in range(1, 101)]
    assert letters[:6] == ["a", "b", "c", "d", "đ", "e"]
    assert letters[22] == "y" and letters[23] == "aa" and letters[24] == "bb" and letters[45] == "yy" and letters[46] == "aaa"
    assert len(set(letters)) == 100
    with pytest.raises(ValueError):
        vi.point_letter(0)


def test_spec_with_100_points_renders(tmp_path: Path) -> None:
    points = "\n".join(f"          - tieu_de: Điểm số {i}" for i in range(100))
    text = BASE.format(subject="Thử") + "noi_dung:\n  - tieu_de: Mục\n    muc:\n      - tieu_de: Khoản\n        muc:\n" + points + "\n"
    result = docgen("render", str(spec(tmp_path, text)), "-o", str(tmp_path / "out"), "--no-pdf")
    out = result.stdout + result.stderr
    assert "Traceback" not in out and "lỗi nội bộ" not in out, out
    assert (tmp_path / "out" / "x.docx").exists(), out


# ---------------------------------------------------------------- files that are not files


def test_fifo_refused_without_reading(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    refused(docgen("check", str(fifo)), "không phải tệp thường")
    refused(docgen("render", str(fifo), "-o", str(tmp_path / "out"), "--no-pdf"), "không phải tệp thường")
    txt = tmp_path / "pipe.txt"
    os.mkfifo(txt)
    refused(docgen("check", str(txt)), "không phải tệp thường")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
@pytest.mark.parametrize("name", ["zero.yaml", "zero.txt", "zero.docx"])
def test_dev_zero_refused(tmp_path: Path, name: str) -> None:
    link = tmp_path / name
    link.symlink_to("/dev/zero")
    refused(docgen("check", str(link)), "không phải tệp thường")


def test_zip_bomb_refused_from_directory(tmp_path: Path) -> None:
    bomb = tmp_path / "bom.docx"
    chunk = b"\0" * (1024 * 1024)
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            for _ in range(limits.DOCX_UNCOMPRESSED_BYTES // len(chunk) + 1):
                fh.write(chunk)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    refused(docgen("check", str(bomb)), "bom nén", "vượt giới hạn")


def test_zip_entry_count_refused(tmp_path: Path) -> None:
    many = tmp_path / "nhieu.docx"
    with zipfile.ZipFile(many, "w") as zf:
        for i in range(limits.DOCX_ENTRIES + 1):
            zf.writestr(f"x/{i}", b"")
    refused(docgen("check", str(many)), "phần nén", "vượt giới hạn")


def _docx_with_paragraphs(path: Path, texts: list[str], in_table: int = 0) -> Path:
    """A real Word file whose body holds ``texts`` as paragraphs (the last ``in_table`` of them in
    the cells of a one-column table), spliced into python-docx's own document: building 50,000
    paragraphs with ``add_paragraph`` would take longer than the check."""
    import docx
    from xml.sax.saxutils import escape

    base = path.with_suffix(".base.docx")
    docx.Document().save(str(base))
    para = "<w:p><w:r><w:t>{}</w:t></w:r></w:p>"
    plain = texts[: len(texts) - in_table]
    cells = texts[len(texts) - in_table :]
    body = "".join(para.format(escape(t)) for t in plain)
    if cells:
        body += "<w:tbl>" + "".join(f"<w:tr><w:tc>{para.format(escape(t))}</w:tc></w:tr>" for t in cells) + "</w:tbl>"
    with zipfile.ZipFile(base) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                start = text.index("<w:body>") + len("<w:body>")
                data = (text[:start] + body + text[start:]).encode("utf-8")
            zout.writestr(item, data)
    base.unlink()
    return path


def test_docx_over_the_paragraph_limit_refused(tmp_path: Path) -> None:
    big = _docx_with_paragraphs(tmp_path / "dai.docx", ["Kế hoạch số 5/KH-UBND."] * (limits.DOCX_PARAGRAPHS + 1))
    refused(docgen("check", str(big)), "dai.docx", f"vượt giới hạn {limits.count(limits.DOCX_PARAGRAPHS)} đoạn văn")


@pytest.mark.parametrize("in_table", [0, 3])
def test_paragraph_limit_is_exact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, in_table: int) -> None:
    """The limit counts every paragraph read, table cells included: the limit itself is read, one
    more is refused."""
    from docgen.check.inputs import read_draft
    from docgen.errors import InputError

    monkeypatch.setattr(limits, "DOCX_PARAGRAPHS", 12)
    # python-docx's empty document ends its body with a section's properties, no paragraph
    at = _docx_with_paragraphs(tmp_path / "du.docx", [f"Đoạn {i}." for i in range(12)], in_table)
    assert read_draft(at).text.count("Đoạn") == 12
    over = _docx_with_paragraphs(tmp_path / "thua.docx", [f"Đoạn {i}." for i in range(13)], in_table)
    with pytest.raises(InputError, match="vượt giới hạn 12 đoạn văn"):
        read_draft(over)


def test_counts_are_written_the_vietnamese_way() -> None:
    assert (limits.count(50_000), limits.count(2_000), limits.count(999), limits.count(1_234_567)) == ("50.000", "2.000", "999", "1.234.567")


# ---------------------------------------------------------------- other commands


def test_timeline_year_out_of_range() -> None:
    refused(docgen("timeline", "--cap", "xa", "--muc-do", "1", "--nam", "99999"), "99999", str(limits.YEAR_MAX))


def test_non_utf8_config(tmp_path: Path) -> None:
    (tmp_path / "docgen.toml").write_bytes(b'select = ["FMT\xff"]\n')
    draft = tmp_path / "a.txt"
    draft.write_text("Thực hiện Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023.\n", encoding="utf-8")
    refused(docgen("check", str(draft), cwd=tmp_path), "docgen.toml", "UTF-8")


# ---------------------------------------------------------------- long inputs in bounded time


def test_long_run_of_spaces_checks(tmp_path: Path) -> None:
    draft = tmp_path / "spaces.txt"
    draft.write_text("Thực hiện" + " " * 5000 + "Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023.\n" + ("a" + " " * 5000) * 3 + "\n", encoding="utf-8")
    result = docgen("check", str(draft))
    assert result.returncode in (0, 1), result.stdout + result.stderr
