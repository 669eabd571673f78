"""Kiểm tra dự thảo: an uploaded draft through the checker of ``docgen check``.

The draft is read by :func:`docgen.check.inputs.read_draft` and checked by
:func:`docgen.check.runner.check_draft` (every rule, the same suppressions); the JSON and SARIF
downloads are the CLI's own reports (:mod:`docgen.check.report`). The upload is written to a
private folder under a name docgen chooses and removed when the page is made.
"""

from __future__ import annotations

import base64
import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from docgen import vi
from docgen.check.model import Finding
from docgen.errors import DocgenError, InputError
from docgen.web import core
from docgen.web.guard import TooLarge

#: What the page accepts (the CLI also reads .yaml specs: the Soạn văn bản tab checks those).
SUFFIXES: Final = (".docx", ".pdf", ".txt", ".md")
#: Characters shown either side of a finding's text.
AROUND: Final = 160
SEVERITY_ORDER: Final = ("error", "warning", "info")


@dataclass(frozen=True)
class Shown:
    """One finding as the page shows it: the finding and the text around it."""

    finding: Finding
    before: str
    hit: str
    after: str
    why: str  # the rule's "Vì sao" (the clause it rests on), as ``docgen rules CODE`` prints it


@dataclass(frozen=True)
class CheckView:
    name: str
    groups: list[tuple[str, str, list[Shown]]]  # (severity, Vietnamese word, findings)
    count: int
    json: str
    sarif: str


def _why(code: str) -> str:
    from docgen.check.rules.base import RULES

    rule = RULES.get(code)
    return rule.why() if rule is not None else ""


def _around(text: str, finding: Finding) -> Shown:
    start, end = finding.span.start, finding.span.end
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    left = max(line_start, start - AROUND)
    right = min(line_end, end + AROUND)
    before = ("…" if left > line_start else "") + text[left:start]
    after = text[end:right] + ("…" if right < line_end else "")
    return Shown(finding, before, text[start:end], after, _why(finding.code))


def check_file(path: Path, name: str) -> CheckView:
    """Check the draft at ``path``; ``name`` (the user's file name) replaces ``path`` in the
    findings, the reports and any error message."""
    from docgen.check.inputs import read_draft
    from docgen.check.report import json as json_report
    from docgen.check.report import sarif
    from docgen.check.runner import check_draft

    try:
        draft = read_draft(path)
        found = check_draft(draft)
    except DocgenError as exc:
        raise InputError(str(exc).replace(str(path), name)) from None
    findings = [dataclasses.replace(f, path=name) for f in found]
    groups = []
    for severity in SEVERITY_ORDER:
        members = [_around(draft.text, f) for f in findings if f.severity.value == severity]
        if members:
            groups.append((severity, vi.SEVERITY_WORDS[severity], members))
    return CheckView(name, groups, len(findings), json_report.render(findings, 1), sarif.render(findings, 1))


def data_uri(text: str, media_type: str) -> str:
    """A download link that needs no second request (and keeps nothing on the server)."""
    return f"data:{media_type};charset=utf-8;base64," + base64.b64encode(text.encode("utf-8")).decode("ascii")


async def page(request: Request) -> Response:
    return core.html("check.html", tab="/kiem-tra", view=None, error=None, accept=",".join(SUFFIXES))


async def submit(request: Request) -> Response:
    limit: int = request.app.state.upload_bytes
    try:
        view = await _check_upload(request, limit)
    except DocgenError as exc:  # the CLI's message for a corrupt, encrypted or unknown file
        status = 413 if isinstance(exc, TooLarge) else 400
        return core.html("check.html", tab="/kiem-tra", status=status, view=None, error=str(exc), accept=",".join(SUFFIXES))
    return core.html(
        "check.html", tab="/kiem-tra", view=view, error=None, accept=",".join(SUFFIXES),
        json_href=data_uri(view.json, "application/json"), sarif_href=data_uri(view.sarif, "application/sarif+json"),
    )


async def _check_upload(request: Request, limit: int) -> CheckView:
    form = await core.read_form(request, limit)
    try:
        upload = form.get("du_thao")
        if not isinstance(upload, UploadFile) or not upload.filename:
            raise InputError("chưa chọn tệp dự thảo (.docx, .pdf, .txt hoặc .md)")
        name = core.shown_name(upload.filename, "dự thảo")
        suffix = Path(name).suffix.lower()
        if suffix not in SUFFIXES:
            raise InputError(f"{name}: trang này đọc tệp .docx, .pdf, .txt hoặc .md, không đọc tệp “{suffix or 'không có đuôi'}”")
        with core.private_dir() as folder:
            path = folder / f"du-thao{suffix}"  # docgen's own name: the user's never reaches the disk
            path.write_bytes(await upload.read())
            view = await core.off_loop(check_file, path, name)
    finally:
        await form.close()
    return view


routes = [
    Route("/kiem-tra", page, methods=["GET"]),
    Route("/kiem-tra", submit, methods=["POST"]),
]
