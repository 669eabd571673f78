"""Run the rules over drafts: paths → drafts → findings (suppressions applied, sorted).

One unreadable file does not stop the run: its :class:`DocgenError` is kept in
:attr:`CheckResult.errors` and the other files are still checked.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from docgen.check.aggregate import aggregate
from docgen.check.config import CheckConfig
from docgen.check.model import Draft, Finding
from docgen.check.patterns import form
from docgen.check.rules.base import CheckContext, all_rules
from docgen.errors import DocgenError, InputError, Location, UsageError

if TYPE_CHECKING:  # imported when --fix or --annotate asks for them: a plain check does without
    from docgen.check.annotate import AnnotateOutcome
    from docgen.check.fixes import FixOutcome

SUFFIXES = (".docx", ".pdf", ".txt", ".md", ".yaml", ".yml")


class CheckResult(list[Finding]):
    """The findings of a run (a list), plus the files that could not be read."""

    def __init__(self, findings: Iterable[Finding] = ()) -> None:
        super().__init__(findings)
        self.errors: list[DocgenError] = []
        self.files: int = 0  # drafts that were read and checked
        self.fixes: list[FixOutcome] = []
        self.annotated: list[AnnotateOutcome] = []


@dataclass(frozen=True)
class Suppression:
    codes: tuple[str, ...]
    lines: frozenset[int] | None  # 0-based text line indexes; None = the whole file

    def covers(self, code: str, line: int) -> bool:
        return any(code.startswith(c) for c in self.codes) and (self.lines is None or line in self.lines)


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Files to check: a directory gives its drafts (recursively, sorted); "-" is stdin.

    Hidden folders, Word lock files ("~$…") and docgen's own "*.fixed.*" and "*.checked.*"
    outputs are skipped.
    """
    for raw in paths:
        p = Path(raw)
        if raw != "-" and p.is_dir():
            found = sorted(
                f for f in p.rglob("*")
                if f.is_file() and f.suffix.lower() in SUFFIXES
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
                and not f.name.startswith("~$") and not f.stem.endswith((".fixed", ".checked"))
            )
            if not found:
                raise InputError("thư mục không có tệp .docx, .pdf, .txt, .md hay .yaml nào", Location(raw))
            yield from (str(f) for f in found)
        else:
            yield raw


def _line_index(starts: list[int], offset: int) -> int:
    return max(0, bisect.bisect_right(starts, offset) - 1)


def suppressions(ctx: CheckContext) -> list[Suppression]:
    """Suppression comments in the text and, for .docx, in Word comments."""
    lines = ctx.lines
    nonblank = [ln.index for ln in lines if ln.content]
    out: list[Suppression] = []

    def scope(index: int) -> frozenset[int]:
        k = bisect.bisect_right(nonblank, index)
        nxt = nonblank[k] if k < len(nonblank) else index
        return frozenset({index, nxt})

    def parse(text: str, index: int) -> None:
        for m in form.SUPPRESSION.finditer(unicodedata.normalize("NFC", text)):
            codes = tuple(form.SUPPRESSION_CODE.findall(m.group("codes")))
            out.append(Suppression(codes, None if m.group("file") else scope(index)))

    for ln in lines:
        if "docgen" in ln.text:
            parse(ln.text, ln.index)
    if ctx.draft.docx is not None:
        for text, line in _docx_comments(ctx):
            parse(text, line)
    return out


def _docx_comments(ctx: CheckContext) -> list[tuple[str, int]]:
    """(comment text, line index of the paragraph it is anchored to) for Word comments."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    texts: dict[str, str] = {}
    for rel in ctx.draft.docx.part.rels.values():
        if rel.reltype.endswith("/comments") and not rel.is_external:
            root = parse_xml(rel.target_part.blob)
            for c in root.iter(qn("w:comment")):
                texts[c.get(qn("w:id")) or ""] = "".join(t.text or "" for t in c.iter(qn("w:t")))
    if not texts:
        return []
    out: list[tuple[str, int]] = []
    for p in ctx.docx_paragraphs:
        if p.line is None:
            continue
        ids = {el.get(qn("w:id")) for tag in ("w:commentRangeStart", "w:commentReference")
               for el in p.paragraph._p.iter(qn(tag))}
        out.extend((texts[i], p.line.index) for i in ids if i in texts)
    return out


_REPORTS: dict[str, str] = {"text": "docgen.check.report.text", "json": "docgen.check.report.json", "sarif": "docgen.check.report.sarif"}


def check_draft(draft: Draft, config: CheckConfig | None = None, registry: object = None) -> list[Finding]:
    """Every enabled rule over one draft; suppressed findings removed; sorted by position."""
    from docgen.check.find.text import release

    config = config or CheckConfig()
    try:
        return _check_draft(draft, config, registry)
    finally:
        release(draft.text)  # the finders' shared work on this text is not kept after its check


def _check_draft(draft: Draft, config: CheckConfig, registry: object) -> list[Finding]:
    ctx = CheckContext(draft, registry=registry, config=config)
    findings: list[Finding] = []
    seen: set[tuple[str, int, int, str]] = set()
    for cls in all_rules():
        if not config.enabled(cls.code):
            continue
        rule = cls()
        if not rule.applies_to(draft):
            continue
        for f in rule.check(ctx):
            key = (f.code, f.span.start, f.span.end, f.message)
            if key not in seen:
                seen.add(key)
                findings.append(f)
    marks = suppressions(ctx)
    if marks:
        # each finding is asked only of the whole-file marks and those of its own line, not of
        # every mark in the draft (issue 9: linear time)
        whole = [s for s in marks if s.lines is None]
        by_line: dict[int, list[Suppression]] = {}
        for s in marks:
            for line in s.lines or ():
                by_line.setdefault(line, []).append(s)
        starts = [ln.start for ln in ctx.lines]

        def suppressed(f: Finding) -> bool:
            line = _line_index(starts, f.span.start)
            return any(s.covers(f.code, line) for s in (*whole, *by_line.get(line, ())))

        findings = [f for f in findings if not suppressed(f)]
    findings.sort(key=lambda f: (f.line, f.column, f.code))
    return aggregate(findings)  # one finding per formatting slip, not per paragraph (issue 14)


def check_paths(
    paths: Iterable[str],
    config: CheckConfig | None = None,
    stdin: bytes | None = None,
    *,
    fix: bool = False,
    force: bool = False,
    annotate: bool = False,
    annotate_output: Path | None = None,
    office_config: Path | None = None,
) -> CheckResult:
    """Check every file under ``paths`` ("-" reads ``stdin``); unreadable files go to ``errors``.

    With ``fix``, SAFE replacements are written to "name.fixed.ext" (see :mod:`fixes`) and the
    outcomes are kept in ``result.fixes``. With ``annotate``, the findings are written into
    "name.checked.docx" / "name.checked.pdf" (or ``annotate_output``) as comments and tracked
    changes (see :mod:`docgen.check.annotate`), the outcomes kept in ``result.annotated``.
    """
    from docgen.check.inputs import read_draft

    if fix:  # imported only when asked for: a plain check does without them
        from docgen.check.fixes import fix_draft
    if annotate:
        from docgen.check.annotate import ANNOTATABLE_KINDS, annotate_draft

    result = CheckResult()
    files: list[str] = []
    for raw in paths:
        try:
            files.extend(expand_paths([raw]))
        except DocgenError as exc:
            result.errors.append(exc)
    for path in files:
        try:
            draft = read_draft(path, stdin=stdin) if path == "-" else read_draft(path, office_config=office_config)
            found = check_draft(draft, config)
        except DocgenError as exc:
            result.errors.append(exc)
            continue
        result.files += 1
        result.extend(found)
        if fix:
            try:
                result.fixes.append(fix_draft(draft, found, force=force))
            except DocgenError as exc:
                result.errors.append(exc)
        if annotate and draft.kind in ANNOTATABLE_KINDS:  # a .txt found in a folder is only reported
            try:
                result.annotated.append(annotate_draft(draft, found, force=force, output=annotate_output))
            except DocgenError as exc:
                result.errors.append(exc)
    return result


def refuse_unannotatable(paths: Iterable[str]) -> None:
    """A UsageError naming the first file given by name that ``--annotate`` cannot write
    comments into (only .docx and .pdf can hold them); folders are taken as they are."""
    for raw in paths:
        if raw == "-" or (not Path(raw).is_dir() and Path(raw).suffix.lower() not in (".docx", ".pdf")):
            raise UsageError(
                "--annotate chỉ ghi nhận xét vào tệp .docx hoặc .pdf; với tệp này hãy dùng báo cáo "
                "dạng chữ, --format json hoặc --fix",
                Location("<stdin>" if raw == "-" else raw),
            )


@dataclass
class CheckRun:
    """What ``docgen check`` prints and returns."""

    report: str  # the report in the chosen format
    messages: list[str]  # lines for stderr: unreadable files, fixes written
    exit_code: int


def run_check(
    paths: Iterable[str],
    *,
    fmt: str = "text",
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    fail_on: str | None = None,
    fix: bool = False,
    force: bool = False,
    stdin: bytes | None = None,
    cwd: Path | None = None,
    annotate: bool = False,
    annotate_output: Path | None = None,
    config: Path | None = None,
) -> CheckRun:
    """The whole ``docgen check`` command: config, checks, fixes, report, exit code.

    Exit code: 2 when a file could not be read (the others are still reported), else 1 when a
    remaining finding is at or above ``fail-on``, else 0. Findings fixed by ``--fix`` do not count.
    """
    from docgen.check.config import load_config
    import importlib

    settings = load_config(cwd, select=select, ignore=ignore, fail_on=fail_on, config=config)
    paths = list(paths)
    if annotate:
        refuse_unannotatable(paths)
    result = check_paths(paths, settings, stdin, fix=fix, force=force, annotate=annotate, annotate_output=annotate_output,
                         office_config=config)
    fixed = {id(f) for o in result.fixes for f in o.applied}
    remaining = [f for f in result if id(f) not in fixed]
    # only the format asked for is imported (SARIF's reads docgen's version from package metadata: 20 ms)
    renderer = importlib.import_module(_REPORTS[fmt]).render
    report = renderer(list(result), result.files, len(result.errors))
    messages = [str(e) for e in result.errors]
    for o in result.fixes:
        if o.output:
            messages.append(f"{o.path}: đã sửa {len(o.applied)} chỗ, ghi vào {o.output}")
        elif o.note:
            messages.append(f"{o.path}: không sửa: {o.note}")
    for a in result.annotated:
        line = f"{a.path}: đã ghi {a.comments} nhận xét"
        if a.changes:
            line += f", {a.changes} thay đổi được theo dõi"
        if a.approximate:
            line += f" ({a.approximate} nhận xét đặt ở đoạn đầu văn bản vì không gắn với đoạn chữ nào)"
        messages.append(f"{line} vào {a.output}")
    if result.errors:
        code = 2
    elif settings.fails(remaining):
        code = 1
    else:
        code = 0
    return CheckRun(report, messages, code)
