"""One finding per slip, not per paragraph (issue 14, item 4).

A Word formatting rule (FMT042–FMT046) judges every paragraph on its own, so a letter pasted
into Word in Arial, left-aligned and without first-line indents gets one finding per paragraph
for each rule: about 250 findings for a 120-line letter, which bury the few that matter. This
post-pass over a draft's findings folds the findings of one such rule into one
:class:`AggregatedFinding` placed on the first occurrence, whose message gives the count and the
first place ("Times New Roman: 96 đoạn dùng phông khác, đầu tiên ở dòng 3") and which keeps
every place, so ``--format json`` loses nothing.

The rules themselves are untouched: this runs after them (and after suppression comments), in
:func:`docgen.check.runner.check_draft`. A rule that fires on one paragraph only keeps its own
finding and message.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from docgen.check.model import Finding

# code → summary message; {count} paragraphs, {line} the first one. Only rules that judge each
# paragraph's formatting on its own and never carry a fix: folding them loses no edit.
SUMMARIES: dict[str, str] = {
    "FMT042": "Times New Roman: {count} đoạn dùng phông khác, đầu tiên ở dòng {line}",
    "FMT043": "màu chữ: {count} đoạn có chữ không màu đen, đầu tiên ở dòng {line}",
    "FMT044": "cỡ chữ 13–14 pt: {count} đoạn văn dùng cỡ chữ khác, đầu tiên ở dòng {line}",
    "FMT045": "căn đều hai lề: {count} đoạn văn căn lề khác, đầu tiên ở dòng {line}",
    "FMT046": "thụt đầu dòng 1–1,27 cm: {count} đoạn văn thụt khác, đầu tiên ở dòng {line}",
}

MIN_COUNT = 2  # from two paragraphs on, the slip is the document's, not a paragraph's


@dataclass
class AggregatedFinding(Finding):
    """A finding standing for the same rule's findings on several paragraphs: placed on the
    first, with every place (its own message included) in ``places``."""

    places: list[Finding] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data = super().to_dict()
        data["count"] = len(self.places)
        data["places"] = [
            {
                "line": p.line,
                "column": p.column,
                "end_line": p.end_line,
                "end_column": p.end_column,
                "text": p.text,
                "message": p.message,
            }
            for p in self.places
        ]
        return data


def aggregate(findings: list[Finding]) -> list[Finding]:
    """``findings`` of one draft with each rule of :data:`SUMMARIES` that fired on at least
    :data:`MIN_COUNT` places folded into one finding at its first place; order kept."""
    groups: dict[tuple[str, str], list[Finding]] = {}
    for f in findings:
        if f.code in SUMMARIES and f.replacement is None:
            groups.setdefault((f.path, f.code), []).append(f)
    folded: dict[int, Finding] = {}  # id of the finding a group stands on → the aggregated one
    dropped: set[int] = set()
    for (_, code), group in groups.items():
        if len(group) < MIN_COUNT:
            continue
        group = sorted(group, key=lambda f: (f.span.start, f.span.end))
        # a paragraph the rule could not place comes as an empty span at the start of the text:
        # the finding stands on the first paragraph that has a place
        first = next((f for f in group if f.span.end > f.span.start), group[0])
        worst = max(group, key=lambda f: f.severity.rank).severity
        folded[id(first)] = AggregatedFinding(
            path=first.path,
            code=code,
            severity=worst,
            message=SUMMARIES[code].format(count=len(group), line=first.line),
            line=first.line,
            column=first.column,
            end_line=first.end_line,
            end_column=first.end_column,
            text=first.text,
            span=first.span,
            name=first.name,
            suggestion=first.suggestion,
            places=group,
        )
        dropped.update(id(f) for f in group if f is not first)
    if not folded:
        return findings
    return [folded.get(id(f), f) for f in findings if id(f) not in dropped]
