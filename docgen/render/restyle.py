"""Templates out for restyling in Word, and back in: ``docgen templates export|check``.

An office restyles docgen's templates in Word (fonts of its own letterhead, spacing) and renders
with ``--templates DIR`` (or ``thu_muc_mau`` in docgen.toml). Word splits text into runs anywhere,
and an edit may delete a placeholder without anyone seeing it: ``check`` compares the Jinja tags of
each restyled template with docgen's own (after docxtpl's own cleaning, the text docxtpl renders)
and says which were lost or added.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from docgen.errors import InputError, Location
from docgen.output import write_output

# "{{ b.text }}", "{%p for b in blocks %}", "{%tr endfor %}": one tag, spaces normalised.
_TAG: Final = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)


def default_dir() -> Path:
    from docgen.render.docx import DEFAULT_TEMPLATES

    return DEFAULT_TEMPLATES


def template_names() -> list[str]:
    """The file names of docgen's templates ("ke-hoach.docx", …)."""
    return sorted(p.name for p in default_dir().glob("*.docx"))


def export(target: Path, *, force: bool = False) -> Iterator[Path]:
    """Copy every template into ``target`` (never over an existing file without ``force``)."""
    for name in template_names():
        path = target / name
        write_output(path, (default_dir() / name).read_bytes(), force=force)
        yield path


def tags(path: Path) -> Counter[str]:
    """The Jinja tags of a template's body, headers, footers and footnotes, as docxtpl sees them."""
    from docxtpl import DocxTemplate

    try:
        template = DocxTemplate(str(path))
        template.init_docx()
        parts = [template.get_xml()]
        parts += [template.get_part_xml(part) for _, part in template.get_headers_footers(template.HEADER_URI)]
        parts += [template.get_part_xml(part) for _, part in template.get_headers_footers(template.FOOTER_URI)]
    except Exception as exc:  # noqa: BLE001 - a damaged or non-Word file is the user's, not a bug
        raise InputError(f"không đọc được mẫu .docx ({type(exc).__name__})", Location(str(path))) from None
    text = "".join(re.sub(r"<[^>]+>", "", template.patch_xml(xml)) for xml in parts)
    return Counter(" ".join(tag.split()) for tag in _TAG.findall(text))


@dataclass
class TemplateReport:
    """What one restyled template lost or gained against docgen's own."""

    name: str
    lost: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    unknown: bool = False  # not the name of one of docgen's templates

    @property
    def ok(self) -> bool:
        return not self.lost and not self.added and not self.unknown


def check(folder: Path) -> list[TemplateReport]:
    """A report for every .docx of ``folder`` (InputError when there is none)."""
    found = sorted(folder.glob("*.docx")) if folder.is_dir() else []
    if not found:
        raise InputError("không có mẫu .docx nào trong thư mục", Location(str(folder)))
    known = set(template_names())
    reports: list[TemplateReport] = []
    for path in found:
        if path.name not in known:
            reports.append(TemplateReport(path.name, unknown=True))
            continue
        ours, theirs = tags(default_dir() / path.name), tags(path)
        reports.append(TemplateReport(
            path.name,
            lost=sorted((ours - theirs).elements()),
            added=sorted((theirs - ours).elements()),
        ))
    return reports


def report_lines(reports: list[TemplateReport]) -> list[str]:
    """Vietnamese lines for the command line."""
    out: list[str] = []
    for r in reports:
        if r.unknown:
            out.append(f"{r.name}: không phải tên một mẫu của docgen ({', '.join(template_names())}); docgen sẽ không dùng tệp này")
        elif r.ok:
            out.append(f"{r.name}: đủ các chỗ điền của mẫu gốc")
        else:
            if r.lost:
                out.append(f"{r.name}: mất {len(r.lost)} chỗ điền: " + "; ".join(r.lost))
            if r.added:
                out.append(f"{r.name}: thêm {len(r.added)} chỗ điền không có trong mẫu gốc: " + "; ".join(r.added))
    return out
