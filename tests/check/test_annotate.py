"""Issue 14, item 1: ``docgen check --annotate``: findings as Word comments anchored on their
text, SAFE fixes as tracked changes, PDF highlights; read back from the XML, not from docgen."""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
import subprocess
import tempfile
import unicodedata
from pathlib import Path

import docx
import pypdf
import pytest
from click.testing import CliRunner

from docgen.check.annotate import annotate_draft
from docgen.check.fixes import fix_draft
from docgen.check.inputs import read_draft
from docgen.check.inputs.docx import docx_blocks
from docgen.check.model import Finding, Severity, Span
from docgen.check.runner import check_draft
from docgen.cli import cli


def _helpers() -> object:
    """tests/check/annotate_docs.py (the suite imports test files by path: no package)."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("annotate_docs", Path(__file__).with_name("annotate_docs.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["annotate_docs"] = module
    spec.loader.exec_module(module)
    return module


_h = _helpers()
W = _h.W  # type: ignore[attr-defined]
accepted, rejected, body_lines = _h.accepted, _h.rejected, _h.body_lines  # type: ignore[attr-defined]
commented_texts, comments, document_root = _h.commented_texts, _h.comments, _h.document_root  # type: ignore[attr-defined]
hostile_docx, seed_docx = _h.hostile_docx, _h.seed_docx  # type: ignore[attr-defined]
commented_texts_in_notes = _h.commented_texts_in_notes  # type: ignore[attr-defined]

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
REAL = [
    FIXTURES / "drafts" / "ke-hoach.docx",
    FIXTURES / "heldout" / "bad21_kh_huyen_fn.docx",
    FIXTURES / "heldout2" / "bad34_kh_tinh_sonla_bang.docx",
    FIXTURES / "heldout2" / "bad46_kh_phuong_hatu_2026_post.docx",
    FIXTURES / "heldout3" / "bad78_tt_huyen_nghiloc_2025.docx",
    Path(__file__).parent / "annotate" / "thai-binh-lo.docx",
]
NOW = dt.datetime(2026, 1, 5, 8, 30, tzinfo=dt.timezone.utc)


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s).replace("\u00a0", " ")


def _annotated(src: Path, tmp: Path) -> tuple[Path, list[Finding], int, str]:
    """A copy of ``src`` in ``tmp``, annotated; (output, findings, number of body paragraphs,
    the draft's text)."""
    draft_path = tmp / src.name
    shutil.copyfile(src, draft_path)
    draft = read_draft(draft_path)
    findings = check_draft(draft)
    outcome = annotate_draft(draft, findings, now=NOW)
    blocks = len(list(docx_blocks(docx.Document(str(draft_path)))))
    return Path(outcome.output), findings, blocks, draft.text


def _expected(text: str, span: Span) -> str:
    """The text a comment on ``span`` covers: a footnote mark "[n]" is one thing in Word, so
    a span starting or ending inside one takes it whole."""
    import re

    start, end = span.start, span.end
    for m in re.finditer(r"\[\d{1,3}\]", text):
        if m.start() < start < m.end():
            start = m.start()
        if m.start() < end < m.end():
            end = m.end()
    return text[start:end]


def _assert_anchored(out: Path, findings: list[Finding], blocks: int, text: str) -> None:
    """One comment per finding, in order, by docgen; a finding of the body is anchored on its
    own text; one without a place (empty span at the very start) on the first paragraph."""
    notes = comments(out)
    assert len(notes) == len(findings)
    ranges = commented_texts(rejected(document_root(out)))
    in_notes = commented_texts_in_notes(out)
    assert in_notes == {}  # LibreOffice cannot open a comment reference inside a footnote
    first_text = next(t for t in body_lines(rejected(document_root(out))) if t.strip())
    for (cid, author, note), f in zip(notes, findings):
        assert author == "docgen"
        assert note.splitlines()[0].startswith(f"{f.code} (") and f.message in note.splitlines()[0]
        if f.suggestion:
            assert f"Gợi ý: {f.suggestion}" in note
        in_body = f.span.end > f.span.start and f.end_line <= blocks
        if in_body:
            assert _nfc(ranges[cid]) == _expected(text, f.span), (f.code, f.line, f.column)
        elif f.span == Span(0, 0):
            assert _nfc(ranges[cid]) == _nfc(first_text), f.code
            assert "Lỗi chung" in note
        if "Trong chú thích" in note:  # a footnote's finding: on the footnote's mark in the body
            mark = re.match(r"\[\d+\]", text.split("\n")[f.line - 1])
            assert f.line > blocks and mark is not None
            assert ranges[cid] == mark.group() and f"“{f.text}”" in note


# ---------------------------------------------------------------------------- Word-like files


def test_hostile_docx_every_finding_is_a_comment_on_its_text(tmp_path: Path) -> None:
    src = tmp_path / "src" / "du-thao.docx"
    src.parent.mkdir()
    hostile_docx(src)
    before = src.read_bytes()
    out, findings, blocks, text = _annotated(src, tmp_path)
    assert out.name == "du-thao.checked.docx"
    assert (tmp_path / "du-thao.docx").read_bytes() == before  # the draft is never touched
    docx.Document(str(out))  # python-docx opens it
    import zipfile

    with zipfile.ZipFile(out) as package:
        types = package.read("[Content_Types].xml").decode()
        rels = package.read("word/_rels/document.xml.rels").decode()
        assert "word/comments.xml" in package.namelist()
    assert re.search(r'PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments\+xml"', types)
    assert re.search(r'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"', rels)
    codes = {(f.code, f.line) for f in findings}
    # the builder's traps are really found: across a hyperlink (line 1), a complex field (2), a
    # simple field (3), and in the second footnote (7)
    assert {("REF002", 1), ("REF005", 2), ("REF002", 3), ("REF002", 7)} <= codes
    _assert_anchored(out, findings, blocks, text)
    ranges = commented_texts(rejected(document_root(out)))
    noted = [(f.code, f.line, ranges[cid]) for (cid, _, note), f in zip(comments(out), findings) if "Trong chú thích" in note]
    assert noted == [("REF002", 7, "[2]")]


def test_hostile_docx_accepting_every_change_gives_the_fix(tmp_path: Path) -> None:
    src = tmp_path / "du-thao.docx"
    hostile_docx(src)
    draft = read_draft(src)
    findings = check_draft(draft)
    annotate_draft(draft, findings, now=NOW)
    fixed = fix_draft(read_draft(src), check_draft(read_draft(src)))
    assert fixed.output is not None and len(fixed.applied) >= 3
    root = document_root(tmp_path / "du-thao.checked.docx")
    assert body_lines(accepted(root)) == body_lines(document_root(Path(fixed.output)))
    # and rejecting every change gives the draft back
    assert body_lines(rejected(root)) == body_lines(document_root(src))
    dels = list(root.iter(W + "del"))
    inss = list(root.iter(W + "ins"))
    assert dels and inss
    for change in dels + inss:
        assert change.get(W + "author") == "docgen"
        assert change.get(W + "date") == "2026-01-05T08:30:00Z"
    assert not any(list(d.iter(W + "t")) or list(d.iter(W + "instrText")) for d in dels)
    # the fix inside the MERGEFIELD's result deletes the whole field, code included (as Word does)
    assert [t.text for d in dels for t in d.iter(W + "delInstrText")] == [" MERGEFIELD so_hieu "]


def _char_formats(root: object) -> list[tuple[str, str]]:
    """(character, its run's rPr as XML) for every character of the body text."""
    from lxml import etree

    out = []
    for t in root.iter(W + "t"):  # type: ignore[attr-defined]
        run = t.getparent()
        rpr = run.find(W + "rPr")
        key = etree.tostring(rpr).decode() if rpr is not None else ""
        out.extend((ch, key) for ch in t.text or "")
    return out


def test_random_spans_across_runs_links_fields_and_footnote_marks(tmp_path: Path) -> None:
    """Spans cut anywhere (inside words, across the hyperlink, the fields, "[n]" marks and
    paragraph ends) are each anchored on exactly their text, and every split run keeps its
    formatting."""
    src = tmp_path / "du-thao.docx"
    hostile_docx(src)
    draft = read_draft(src)
    lines = draft.text.split("\n")
    body_end = draft.line_starts[2] + len(lines[2])  # the three hostile paragraphs
    rng = random.Random(14)
    spans = [Span(*sorted(rng.sample(range(body_end + 1), 2))) for _ in range(60)]
    # ranges starting or ending inside a footnote mark take the mark whole: keep spans whose
    # ends are not inside "[n]", and add spans across the marks on purpose
    marks = [(draft.text.index("[1]"), 3), (draft.text.index("[2]"), 3)]
    spans = [s for s in spans if not any(m < p < m + n for m, n in marks for p in (s.start, s.end))]
    spans += [Span(m - 5, m + n + 2) for m, n in marks]
    findings = []
    for s in spans:
        line, col = draft.position(s.start)
        end_line, end_col = draft.position(s.end)
        findings.append(Finding(str(src), "REF001", Severity.INFO, "thử", line, col, end_line, end_col,
                                draft.text[s.start:s.end], s))
    annotate_draft(draft, findings, now=NOW)
    out = tmp_path / "du-thao.checked.docx"
    ranges = commented_texts(rejected(document_root(out)))
    notes = comments(out)
    assert len(notes) == len(findings) > 40
    for (cid, _, _), f in zip(notes, findings):
        assert _nfc(ranges[cid]) == f.text, f.span
    assert _char_formats(rejected(document_root(out))) == _char_formats(document_root(src))


@pytest.mark.parametrize("src", REAL, ids=lambda p: p.name)
def test_real_drafts_are_annotated_on_their_text(src: Path, tmp_path: Path) -> None:
    out, findings, blocks, text = _annotated(src, tmp_path)
    assert findings
    _assert_anchored(out, findings, blocks, text)
    fixed = fix_draft(read_draft(tmp_path / src.name), findings)
    root = document_root(out)
    if fixed.output:
        assert body_lines(accepted(root)) == body_lines(document_root(Path(fixed.output)))
    else:
        assert not list(root.iter(W + "ins")) and not list(root.iter(W + "del"))


@pytest.mark.parametrize("seed", sorted((FIXTURES / "drafts" / "seeds").glob("*.txt")), ids=lambda p: p.stem)
def test_seed_texts_written_like_word_are_annotated_on_their_text(seed: Path, tmp_path: Path) -> None:
    src = tmp_path / "src" / f"{seed.stem}.docx"
    src.parent.mkdir()
    seed_docx(src, seed.read_text(encoding="utf-8"), seed=len(seed.name))
    out, findings, blocks, text = _annotated(src, tmp_path)
    assert sum(1 for f in findings if f.fix.value == "safe") >= 3
    _assert_anchored(out, findings, blocks, text)
    fixed = fix_draft(read_draft(tmp_path / src.name), check_draft(read_draft(tmp_path / src.name)))
    assert fixed.output is not None
    root = document_root(out)
    assert body_lines(accepted(root)) == body_lines(document_root(Path(fixed.output)))
    assert body_lines(rejected(root)) == body_lines(document_root(src))


def test_rendered_plans_are_annotated_on_their_text(tmp_path: Path) -> None:
    from docgen.render.api import render_specs

    specs = [ROOT / "plans" / "cao-bang.yaml", ROOT / "plans" / "to-trinh-xa.yaml"]
    list(render_specs(specs, tmp_path / "out", pdf=False))
    for spec in specs:
        rendered = tmp_path / "out" / f"{spec.stem}.docx"
        # a wrong date planted in the rendered text gives the plan a SAFE fix to track
        document = docx.Document(str(rendered))
        for p in document.paragraphs:
            for run in p.runs:
                if "27/12/2023" in run.text:
                    run.text = run.text.replace("27/12/2023", "28/12/2023", 1)
                    break
            else:
                continue
            break
        document.save(str(rendered))
        out, findings, blocks, text = _annotated(rendered, tmp_path)
        assert any(f.code == "REF002" for f in findings), spec.name
        _assert_anchored(out, findings, blocks, text)


# ---------------------------------------------------------------------------- LibreOffice


def _soffice() -> str:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        pytest.fail("LibreOffice (soffice) is needed for this test")
    return exe


@pytest.mark.parametrize("source", ["hostile", "ke-hoach.docx", "000-cao-bang"])
def test_libreoffice_converts_without_repair_and_sees_comments_and_changes(source: str, tmp_path: Path) -> None:
    from docgen.render.pdf import convert

    src = tmp_path / "du-thao.docx"
    if source == "hostile":
        hostile_docx(src)
    elif source.endswith(".docx"):
        shutil.copyfile(FIXTURES / "drafts" / source, src)
    else:
        seed = FIXTURES / "drafts" / "seeds" / f"{source}.txt"
        seed_docx(src, seed.read_text(encoding="utf-8"), seed=3)
    draft = read_draft(src)
    findings = check_draft(draft)
    annotate_draft(draft, findings, now=NOW)
    out = tmp_path / "du-thao.checked.docx"
    pdf = convert([out], tmp_path / "pdf")[0]
    assert len(pypdf.PdfReader(str(pdf)).pages) >= 1
    # LibreOffice's own reading: save it again as .docx and count what it kept
    with tempfile.TemporaryDirectory(prefix="docgen-lo-") as profile:
        subprocess.run(
            [_soffice(), f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
             "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp_path / "lo"), str(out)],
            check=True, capture_output=True, timeout=120, cwd=profile,
        )
    again = tmp_path / "lo" / "du-thao.checked.docx"
    root = document_root(again)
    assert len(comments(again)) == len(findings)
    authors = {el.get(W + "author") for tag in ("ins", "del") for el in root.iter(W + tag)}
    assert authors == ({"docgen"} if any(f.fix.value == "safe" for f in findings) else set())
    assert body_lines(accepted(root)) == body_lines(accepted(document_root(out)))


# ---------------------------------------------------------------------------- command line


def test_cli_annotate_writes_checked_copy_and_never_overwrites(tmp_path: Path) -> None:
    src = tmp_path / "du-thao.docx"
    hostile_docx(src)
    runner = CliRunner()
    first = runner.invoke(cli, ["check", "--annotate", str(src)])
    assert first.exit_code == 1, first.output
    out = tmp_path / "du-thao.checked.docx"
    assert out.is_file()
    assert "nhận xét" in first.stderr and str(out) in first.stderr
    stamp = out.read_bytes()
    again = runner.invoke(cli, ["check", "--annotate", str(src)])
    assert again.exit_code == 2 and "--force" in again.stderr
    assert out.read_bytes() == stamp
    forced = runner.invoke(cli, ["check", "--annotate", "--force", str(src)])
    assert forced.exit_code == 1


def test_cli_annotate_output_name_and_input_protection(tmp_path: Path) -> None:
    src = tmp_path / "du-thao.docx"
    hostile_docx(src)
    before = src.read_bytes()
    runner = CliRunner()
    named = runner.invoke(cli, ["check", "--annotate", "-o", str(tmp_path / "gop-y.docx"), str(src)])
    assert named.exit_code == 1 and (tmp_path / "gop-y.docx").is_file()
    assert named.stdout.startswith(str(src))  # the report still goes to the screen
    over = runner.invoke(cli, ["check", "--annotate", "--force", "-o", str(src), str(src)])
    assert over.exit_code == 2 and "cũng là tệp đầu vào" in over.stderr
    wrong = runner.invoke(cli, ["check", "--annotate", "-o", str(tmp_path / "gop-y.pdf"), str(src)])
    assert wrong.exit_code == 2 and "phải cùng loại với tệp vào (.docx)" in wrong.stderr
    assert not (tmp_path / "gop-y.pdf").exists()
    assert src.read_bytes() == before


@pytest.mark.parametrize("name", ["du-thao.txt", "du-thao.md", "-"])
def test_cli_annotate_refuses_text_inputs(tmp_path: Path, name: str) -> None:
    path = tmp_path / "du-thao.txt"
    path.write_text("Căn cứ Thông tư số 25/2023/TT-BGDĐT ngày 28/12/2023;\n", encoding="utf-8")
    arg = "-" if name == "-" else str(path.with_name(name))
    if name != "-":
        path.rename(arg)
    result = CliRunner().invoke(cli, ["check", "--annotate", arg], input="Căn cứ\n")
    assert result.exit_code != 0
    assert isinstance(result.exception, Exception)
    assert "chỉ ghi nhận xét vào tệp .docx hoặc .pdf" in str(result.exception)
    assert not list(tmp_path.glob("*.checked.*"))


def test_main_exits_2_on_text_input(tmp_path: Path) -> None:
    path = tmp_path / "du-thao.txt"
    path.write_text("Căn cứ Thông tư số 25/2023/TT-BGDĐT ngày 28/12/2023;\n", encoding="utf-8")
    proc = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "python"), "-m", "docgen.cli", "check", "--annotate", str(path)],
        capture_output=True, text=True, cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert proc.returncode == 2
    assert proc.stderr.startswith(f"{path}: --annotate chỉ ghi nhận xét vào tệp .docx hoặc .pdf")
    assert "Traceback" not in proc.stderr


# ---------------------------------------------------------------------------- PDF


def _words_in(pdf: Path, page_no: int, rects: list[list[float]]) -> list[str]:
    """Words that poppler's ``pdftotext -bbox`` places (centre) inside one of ``rects`` (PDF
    points, origin bottom left) on page ``page_no`` (1-based): an independent reading of the
    layout."""
    import html

    exe = shutil.which("pdftotext")
    if exe is None:
        pytest.fail("pdftotext (poppler-utils) is needed for this test")
    xml = subprocess.run([exe, "-bbox", "-f", str(page_no), "-l", str(page_no), str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    height = float(re.search(r'<page width="[\d.]+" height="([\d.]+)"', xml).group(1))  # type: ignore[union-attr]
    words = []
    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', xml):
        x1, y1, x2, y2 = (float(v) for v in m.groups()[:4])
        cx, cy = (x1 + x2) / 2, height - (y1 + y2) / 2
        if any(r[0] <= cx <= r[2] and r[1] <= cy <= r[3] for r in rects):
            words.append(html.unescape(m.group(5)))
    return words


PDFS = [FIXTURES / "drafts" / "ke-hoach.pdf", FIXTURES / "heldout" / "bad07_qd_xa.pdf",
        FIXTURES / "heldout" / "bad19_cv_huyen.pdf", FIXTURES / "heldout2" / "bad49_kh_huyen_phumy_2024.pdf",
        FIXTURES / "heldout2" / "bad50_bc_tinh_kontum_2025.pdf", FIXTURES / "heldout3" / "bad74_bc_tinh_camau_2025.pdf"]


@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: p.name)
def test_pdf_findings_become_highlights_on_their_words(pdf: Path, tmp_path: Path) -> None:
    src = tmp_path / pdf.name
    shutil.copyfile(pdf, src)
    before = src.read_bytes()
    result = CliRunner().invoke(cli, ["check", "--annotate", str(src)])
    assert result.exit_code in (0, 1), result.output
    findings = check_draft(read_draft(src))
    out = tmp_path / f"{pdf.stem}.checked.pdf"
    reader = pypdf.PdfReader(str(out))
    highlights = [(n + 1, a.get_object()) for n, page in enumerate(reader.pages) for a in page.get("/Annots") or []
                  if a.get_object()["/Subtype"] == "/Highlight"]
    assert len(highlights) == len(findings)
    for (page_no, note), f in zip(highlights, findings):
        assert f.message in note["/Contents"] and note["/T"] == "docgen", f.code
    placed = 0
    for (page_no, note), f in zip(highlights, findings):
        if "Vị trí:" in note["/Contents"] or "Lỗi chung" in note["/Contents"]:
            continue
        q = [float(v) for v in note["/QuadPoints"]]
        rects = [[q[k], q[k + 5], q[k + 2], q[k + 1]] for k in range(0, len(q), 8)]  # one per line
        words = _words_in(out, page_no, rects)
        # poppler's words carry their punctuation ("15/3/2025."): compare without it at the ends
        edge = "“”\"'.,;:()"
        assert "".join(words).strip(edge) == "".join(f.text.split()).strip(edge), (f.code, words, f.text)
        placed += 1
    assert placed >= 1 and placed >= len(findings) - 2
    assert src.read_bytes() == before


def test_cli_annotate_a_folder_annotates_its_docx_and_reports_its_text(tmp_path: Path) -> None:
    hostile_docx(tmp_path / "a.docx")
    (tmp_path / "b.txt").write_text("Căn cứ Thông tư số 25/2023/TT-BGDĐT ngày 28/12/2023;\n", encoding="utf-8")
    first = CliRunner().invoke(cli, ["check", "--annotate", str(tmp_path)])
    assert first.exit_code == 1, first.output
    assert f"{tmp_path / 'b.txt'}:1:" in first.stdout  # still checked and reported
    assert sorted(p.name for p in tmp_path.glob("*.checked.*")) == ["a.checked.docx"]
    # a second run does not check (or annotate) docgen's own output
    second = CliRunner().invoke(cli, ["check", "--annotate", "--force", str(tmp_path)])
    assert "a.checked.docx" not in second.stdout
    assert sorted(p.name for p in tmp_path.glob("*.checked*")) == ["a.checked.docx"]
