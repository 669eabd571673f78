"""Accuracy of ``docgen check`` on the held-out corpus (tests/fixtures/heldout).

    .venv/bin/python bench/accuracy.py [--corpus DIR] [--json OUT] [--source WORKTREE]

Runs ``docgen check --format json --fail-on info FILE`` on every draft that has a
``<name>.expected.yaml`` and matches the findings to the annotated (planted) mistakes:

* a finding matches an annotation when its code family (the letters of the code: REF, ART, DL,
  STR, FMT) is the annotation's ``code_family`` and its line is the annotated line or one of its
  ``also_lines`` (±1 line for .pdf, exact otherwise);
* an annotation is *found* when a matching finding has at least its ``severity_min``; a matching
  finding below that severity makes it an *under-graded* miss;
* a finding that matches no annotation is a false positive when it is a warning or an error;
  unmatched info findings are listed apart and not counted.

Precision = matched findings / (matched findings + false positives); recall = found
annotations / annotations; both overall and per family. A stricter precision also counts as false
positives the warnings and errors that sit on an annotated line but carry none of the rule codes
the annotation names (for example a REF008 on the line of a planted REF003). See docs/heldout.md.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "heldout"
DOCGEN = ROOT / ".venv" / "bin" / "docgen"
FAMILIES = ("REF", "ART", "DL", "STR", "FMT")
RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass
class Annotation:
    file: str
    line: int
    code_family: str
    what: str
    severity_min: str
    rule: str = ""
    anchor: str = ""
    also_lines: list[int] = field(default_factory=list)


@dataclass
class Outcome:
    """One annotation with what the checker said about it."""

    annotation: Annotation
    status: str  # "found", "under-graded", "missed"
    findings: list[dict[str, Any]]


@dataclass
class FileResult:
    file: str
    correct: bool
    findings: list[dict[str, Any]]
    outcomes: list[Outcome]
    false_positives: list[dict[str, Any]]
    infos: list[dict[str, Any]]  # unmatched info findings (not counted)
    other_rule: list[dict[str, Any]] = field(default_factory=list)  # matched by place, not by rule
    error: str | None = None  # stderr when the file could not be checked
    dated_lines: int = 0  # unannotated lines that carry a date or a citation (where false alarms can arise)


# A line "carries a date or a citation": "27/12/2023", "ngày 31 tháng 3", "tháng 5/2026",
# "25/2023/TT-BGDĐT", "49-KL/TW". The aim counts false alarms per 50 such correct lines.
DATED = re.compile(r"\d{1,2}/\d{1,2}(?:/\d{4})?|ngày\s+\d{1,2}\s+tháng|tháng\s+\d{1,2}\s*(?:/|năm)\s*\d{4}|\d+/\d{4}/[A-ZĐ]|\d+-[A-Z]+/[A-Z]")


def dated_lines(draft: Path, annotated: set[int]) -> int:
    """Lines of the draft (as docgen's reader numbers them) with a date or citation, not annotated."""
    sys.path.insert(0, str(ROOT))
    from docgen.check.inputs import read_draft

    d = read_draft(draft)
    count = 0
    for i, start in enumerate(d.line_starts):
        end = d.line_starts[i + 1] if i + 1 < len(d.line_starts) else len(d.text)
        number = d.line_numbers[i]
        if number not in annotated and DATED.search(d.text[start:end]):
            count += 1
    return count


def family(code: str) -> str:
    return code.rstrip("0123456789")


def expected_path(draft: Path) -> Path:
    return draft.with_name(draft.name.rsplit(".", 1)[0] + ".expected.yaml")


def drafts(corpus: Path) -> list[Path]:
    """Every draft in the corpus that has an annotation file, sorted by name."""
    out = []
    for p in sorted(corpus.iterdir()):
        if p.suffix in (".txt", ".docx", ".pdf", ".md") and expected_path(p).exists():
            out.append(p)
    return out


def load_annotations(draft: Path) -> list[Annotation]:
    data = YAML(typ="safe").load(expected_path(draft).read_text(encoding="utf-8")) or []
    return [Annotation(file=draft.name, **item) for item in data]


def run_checker(draft: Path, docgen: Path = DOCGEN, source: Path | None = None) -> tuple[list[dict[str, Any]], str | None]:
    """Findings of ``docgen check`` for one file, or the error text when it could not run.

    ``source`` runs the docgen package found in that directory instead (e.g. a ``git worktree``
    of an earlier commit), with this venv's libraries; ``-P`` keeps the working directory off
    ``sys.path`` so that the package here cannot shadow it.
    """
    cmd = [str(docgen), "check"]
    env = None
    if source is not None:
        import os

        cmd = [sys.executable, "-P", "-c", "import sys; from docgen.cli import main; sys.argv[0] = 'docgen'; main()", "check"]
        env = {**os.environ, "PYTHONPATH": str(source)}
    proc = subprocess.run(
        [*cmd, "--format", "json", "--fail-on", "info", str(draft)],
        capture_output=True, text=True, cwd=ROOT, timeout=300, env=env,
    )
    if proc.returncode not in (0, 1):
        return [], (proc.stderr.strip().splitlines() or [f"mã thoát {proc.returncode}"])[-1]
    try:
        report = json.loads(proc.stdout)
    except json.JSONDecodeError:
        return [], (proc.stderr.strip().splitlines() or ["kết quả không phải JSON"])[-1]
    return list(report["findings"]), None


def matches(finding: dict[str, Any], ann: Annotation, tolerance: int) -> bool:
    if family(str(finding["code"])) != ann.code_family:
        return False
    return any(abs(int(finding["line"]) - line) <= tolerance for line in [ann.line, *ann.also_lines])


def evaluate(draft: Path, findings: list[dict[str, Any]], annotations: list[Annotation]) -> FileResult:
    tolerance = 1 if draft.suffix == ".pdf" else 0
    outcomes = []
    for ann in annotations:
        hits = [f for f in findings if matches(f, ann, tolerance)]
        if any(RANK[f["severity"]] >= RANK[ann.severity_min] for f in hits):
            status = "found"
        elif hits:
            status = "under-graded"
        else:
            status = "missed"
        outcomes.append(Outcome(ann, status, hits))
    fps, infos, other_rule = [], [], []
    for f in findings:
        anns = [ann for ann in annotations if matches(f, ann, tolerance)]
        if anns:
            if f["severity"] != "info" and not any(f["code"] in expected_rules(a) for a in anns):
                other_rule.append(f)
            continue
        (infos if f["severity"] == "info" else fps).append(f)
    return FileResult(draft.name, not annotations, findings, outcomes, fps, infos, other_rule)


def expected_rules(ann: Annotation) -> set[str]:
    """The rule codes the annotation names ("FMT014/FMT015"); empty when it names none."""
    return {c.strip() for c in ann.rule.split("/") if c.strip()}


def _ratio(num: int, den: int) -> str:
    return f"{num / den:6.1%}" if den else "     –"


def summarise(results: list[FileResult]) -> dict[str, Any]:
    tp_find: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for r in results:
        for o in r.outcomes:
            fam = o.annotation.code_family
            total[fam] += 1
            found[fam] += o.status == "found"
        tol = 1 if r.file.endswith(".pdf") else 0
        for f in r.findings:
            if any(matches(f, o.annotation, tol) for o in r.outcomes):
                tp_find[family(f["code"])] += 1
        for f in r.false_positives:
            fp[family(f["code"])] += 1
    fams = {}
    for fam in FAMILIES:
        fams[fam] = {
            "matched_findings": tp_find[fam], "false_positives": fp[fam],
            "precision": tp_find[fam] / (tp_find[fam] + fp[fam]) if tp_find[fam] + fp[fam] else None,
            "annotations": total[fam], "found": found[fam],
            "recall": found[fam] / total[fam] if total[fam] else None,
        }
    other = Counter(family(f["code"]) for r in results for f in r.other_rule)
    for fam in FAMILIES:
        strict_tp = tp_find[fam] - other[fam]
        strict_fp = fp[fam] + other[fam]
        fams[fam]["strict_precision"] = strict_tp / (strict_tp + strict_fp) if strict_tp + strict_fp else None
    tp_all, fp_all = sum(tp_find.values()), sum(fp.values())
    other_all = sum(other.values())
    ann_all, found_all = sum(total.values()), sum(found.values())
    correct = [r for r in results if r.correct and not r.error]
    return {
        "families": fams,
        "overall": {
            "matched_findings": tp_all, "false_positives": fp_all,
            "precision": tp_all / (tp_all + fp_all) if tp_all + fp_all else None,
            "annotations": ann_all, "found": found_all,
            "recall": found_all / ann_all if ann_all else None,
            "strict_precision": (tp_all - other_all) / (tp_all + fp_all) if tp_all + fp_all else None,
        },
        "correct_drafts": len(correct),
        "correct_drafts_unchecked": sum(1 for r in results if r.correct and r.error),
        "correct_drafts_fp_warning_or_above": sum(len(r.false_positives) for r in correct),
        "correct_drafts_fp_errors": sum(
            1 for r in correct for f in r.false_positives if f["severity"] == "error"),
        "unreadable": [r.file for r in results if r.error],
        "dated_lines": sum(r.dated_lines for r in results),
        "false_alarms_per_50_dated_lines": (
            50 * sum(len(r.false_positives) for r in results) / sum(r.dated_lines for r in results)
            if sum(r.dated_lines for r in results) else None),
    }


def _finding_line(file: str, f: dict[str, Any]) -> str:
    return f"  {file}:{f['line']}:{f['column']}: {f['code']} {f['severity']}: {f['message']}"


def render(results: list[FileResult], summary: dict[str, Any]) -> str:
    out = ["docgen check: độ chính xác trên bộ dự thảo giữ riêng", ""]
    out.append(f"{'họ':<8}{'khớp':>6}{'FP':>6}{'precision':>11}{'(chặt)':>9}{'lỗi cài':>9}{'tìm thấy':>10}{'recall':>9}")
    for fam, s in [*summary["families"].items(), ("TỔNG", summary["overall"])]:
        strict = s["strict_precision"]
        out.append(
            f"{fam:<8}{s['matched_findings']:>6}{s['false_positives']:>6}"
            f"{_ratio(s['matched_findings'], s['matched_findings'] + s['false_positives']):>11}"
            f"{(f'{strict:6.1%}' if strict is not None else '     –'):>9}"
            f"{s['annotations']:>9}{s['found']:>10}{_ratio(s['found'], s['annotations']):>9}"
        )
    out.append("(chặt): precision khi phát hiện trùng chỗ nhưng khác mã quy tắc dự kiến cũng tính là FP")
    out.append("")
    out.append(
        f"Dự thảo đúng đã kiểm tra: {summary['correct_drafts']} (không kiểm tra được: "
        f"{summary['correct_drafts_unchecked']}); FP mức cảnh báo trở lên trên các dự thảo đúng: "
        f"{summary['correct_drafts_fp_warning_or_above']} (trong đó lỗi: {summary['correct_drafts_fp_errors']})"
    )
    rate = summary["false_alarms_per_50_dated_lines"]
    out.append(
        f"Dòng đúng có ngày hoặc trích dẫn: {summary['dated_lines']}; cảnh báo/lỗi sai trên 50 dòng như vậy: "
        + (f"{rate:.2f}" if rate is not None else "–")
    )
    if summary["unreadable"]:
        out.append("Không kiểm tra được: " + ", ".join(summary["unreadable"]))
    for r in results:
        if r.error:
            out.append(f"  {r.file}: {r.error}")
    out += ["", "FALSE POSITIVES (cảnh báo/lỗi không khớp lỗi cài nào):"]
    out += [_finding_line(r.file, f) for r in results for f in r.false_positives] or ["  (không có)"]
    out += ["", "FALSE NEGATIVES (lỗi cài không được báo đủ mức):"]
    fns = [(r, o) for r in results for o in r.outcomes if o.status != "found"]
    for r, o in fns:
        a = o.annotation
        got = "; ".join(f"{f['code']} {f['severity']}" for f in o.findings)
        extra = f" [báo thấp hơn mức: {got}]" if o.status == "under-graded" else ""
        out.append(f"  {r.file}:{a.line}: {a.code_family} ({a.rule}, ≥{a.severity_min}) {a.what}{extra}")
    if not fns:
        out.append("  (không có)")
    out += ["", "KHỚP THEO CHỖ NHƯNG KHÁC MÃ DỰ KIẾN (chỉ tính là FP ở cột “chặt”):"]
    out += [_finding_line(r.file, f) for r in results for f in r.other_rule] or ["  (không có)"]
    out += ["", "THÔNG TIN không khớp lỗi cài (không tính là FP):"]
    out += [_finding_line(r.file, f) for r in results for f in r.infos] or ["  (không có)"]
    return "\n".join(out)


def render_shapes(results: list[FileResult], shapes: dict[str, list[str]]) -> str:
    """Recall and false alarms of the drafts of each context shape (a draft may have several)."""
    out = ["THEO DẠNG NGỮ CẢNH (một dự thảo có thể thuộc nhiều dạng):", f"{'dạng':<6}{'dự thảo':>9}{'lỗi cài':>9}{'tìm thấy':>10}{'recall':>9}{'FP':>5}"]
    for shape in sorted({s for v in shapes.values() for s in v}):
        rs = [r for r in results if shape in shapes.get(r.file, [])]
        total = sum(len(r.outcomes) for r in rs)
        found = sum(o.status == "found" for r in rs for o in r.outcomes)
        fps = sum(len(r.false_positives) for r in rs)
        out.append(f"{shape:<6}{len(rs):>9}{total:>9}{found:>10}{_ratio(found, total):>9}{fps:>5}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--docgen", type=Path, default=DOCGEN)
    parser.add_argument("--source", type=Path, help="measure the docgen package in this directory (a worktree of another commit)")
    parser.add_argument("--json", type=Path, help="also write the detailed results as JSON")
    parser.add_argument("--shapes", type=Path, help="YAML: draft name → context shapes; prints recall and false alarms per shape")
    args = parser.parse_args(argv)
    results = []
    for draft in drafts(args.corpus):
        findings, error = run_checker(draft, args.docgen, args.source)
        annotations = load_annotations(draft)
        result = evaluate(draft, findings, annotations)
        result.error = error
        result.dated_lines = dated_lines(draft, {line for a in annotations for line in [a.line, *a.also_lines]})
        results.append(result)
    summary = summarise(results)
    print(render(results, summary))
    if args.shapes:
        print()
        print(render_shapes(results, YAML(typ="safe").load(args.shapes.read_text(encoding="utf-8")) or {}))
    if args.json:
        args.json.write_text(
            json.dumps({"summary": summary, "files": [asdict(r) for r in results]}, ensure_ascii=False, indent=2),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
