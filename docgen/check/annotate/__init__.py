"""``docgen check --annotate``: the findings written into a copy of the draft (issue 14, item 1).

* .docx → ``name.checked.docx`` (:mod:`.docx`): each finding a Word comment anchored on exactly
  the text it is about, each SAFE fix a tracked change (author "docgen") that Word, LibreOffice
  and WPS show in their review pane and that the user accepts or rejects;
* .pdf → ``name.checked.pdf`` (:mod:`.pdf`): each finding a highlight annotation with the
  message as its contents;
* any other kind: an :class:`~docgen.errors.InputError` saying that annotating needs a .docx or
  a .pdf (exit 2).

The draft itself is never modified: the copy goes through :func:`docgen.output.write_output`
(never over an input, never over an existing file without ``force``, atomic).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from docgen.check.model import Draft, Finding, FixSafety
from docgen.errors import InputError, Location, UsageError
from docgen.output import write_output

ANNOTATABLE_KINDS = ("docx", "pdf")
AUTHOR = "docgen"
INITIALS = "DG"


@dataclass
class AnnotateOutcome:
    path: str
    output: str
    comments: int  # findings written as comments (or PDF annotations)
    changes: int  # SAFE fixes written as tracked changes (.docx only)
    approximate: int  # findings placed on a whole paragraph or page instead of their own text


def output_path(path: str) -> Path:
    p = Path(path)
    return p.with_name(f"{p.stem}.checked{p.suffix}")


def comment_lines(f: Finding, tracked: bool, where: str | None = None) -> list[str]:
    """The paragraphs of the comment (or PDF note) for ``f``: code and message, suggestion, fix,
    the clause behind the rule and, for a finding placed elsewhere, where it really is."""
    from docgen import vi
    from docgen.check.rules.base import all_rules

    lines = [f"{f.code} ({vi.SEVERITY_WORDS[f.severity.value]}): {f.message}"]
    if where:
        lines.append(where)
    if f.suggestion:
        lines.append(f"Gợi ý: {f.suggestion}")
    if f.replacement is not None:
        if tracked:
            lines.append(f"Sửa an toàn (thay đổi được theo dõi): “{f.text}” → “{f.replacement}”")
        elif f.fix is FixSafety.SAFE:
            lines.append(f"Sửa an toàn: “{f.text}” → “{f.replacement}”")
        else:
            lines.append(f"Đề xuất (cần người soạn quyết định): “{f.text}” → “{f.replacement}”")
    rule = next((r for r in all_rules() if r.code == f.code), None)
    if rule is not None and rule.why():
        lines.append(f"Căn cứ: {rule.why()}")
    return lines


def annotate_draft(
    draft: Draft,
    findings: list[Finding],
    *,
    force: bool = False,
    output: Path | None = None,
    now: dt.datetime | None = None,
) -> AnnotateOutcome:
    """Write the annotated copy of ``draft`` (to ``output`` or ``name.checked.ext``)."""
    if draft.kind not in ANNOTATABLE_KINDS:
        raise InputError(
            "--annotate chỉ ghi nhận xét vào tệp .docx hoặc .pdf; với tệp này hãy dùng báo cáo "
            "dạng chữ, --format json hoặc --fix",
            Location(draft.path),
        )
    target = output or output_path(draft.path)
    if target.suffix.lower() != Path(draft.path).suffix.lower():
        raise UsageError(
            f"tệp có nhận xét phải cùng loại với tệp vào ({Path(draft.path).suffix.lower()}), không phải “{target.name}”",
            Location(str(target)),
        )
    mine = [f for f in findings if f.path == draft.path]
    when = (now or dt.datetime.now(dt.timezone.utc)).replace(microsecond=0)
    source = Path(draft.path)
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise InputError(f"không đọc lại được tệp để ghi chú thích ({exc.strerror})", Location(draft.path)) from None
    if draft.kind == "docx":
        from docgen.check.annotate.docx import annotate_docx

        result = annotate_docx(draft, mine, data, when)
    else:
        from docgen.check.annotate.pdf import annotate_pdf

        result = annotate_pdf(draft, mine, data)
    write_output(target, result.data, force=force, inputs=[draft.path])
    return AnnotateOutcome(draft.path, str(target), result.comments, result.changes, result.approximate)


@dataclass
class Annotated:
    """What a format's annotator returns: the new file and what it placed."""

    data: bytes
    comments: int
    changes: int = 0
    approximate: int = 0
