"""``docgen import``: last year's .docx (.pdf, .txt, .md) → a spec that renders the same document.

Pipeline: :func:`~docgen.importer.read.read_source` (the checker's reader, plus bold heads, line
breaks, task tables and footnotes) → :class:`~docgen.importer.build.Builder` (header, căn cứ,
numbered sections, signature, nơi nhận) → :func:`spec_yaml` (ruamel.yaml, the key order and
style of plans/*.yaml, a comment saying where the spec came from).

What cannot be mapped is kept as text in the nearest place and listed in ``ImportResult.notes``
(Vietnamese); the command prints them on stderr.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["ImportResult", "import_draft", "spec_yaml"]

_WIDTH = 90  # a long text is written as a ">-" block of lines this long, as in plans/*.yaml


@dataclass(frozen=True)
class ImportResult:
    yaml: str  # the spec, ready to write
    data: dict[str, Any]  # the same spec as plain data
    notes: list[str]  # what could not be mapped, in Vietnamese


def import_draft(path: Path | str, stdin: bytes | None = None) -> ImportResult:
    """Read ``path`` ("-" reads ``stdin``) and build its spec. Raises InputError (Vietnamese) for
    an unreadable file."""
    from docgen.importer.build import Builder
    from docgen.importer.read import read_source

    source = read_source(path, stdin)
    builder = Builder(source)
    data = builder.build()
    return ImportResult(spec_yaml(data, "stdin" if str(path) == "-" else Path(str(path)).name, builder.notes), data, builder.notes)


def spec_yaml(data: dict[str, Any], origin: str, notes: list[str]) -> str:
    """The spec as YAML text with a header comment naming ``origin`` and the unmapped parts."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, FoldedScalarString

    def convert(value: Any) -> Any:
        if isinstance(value, dict):
            out = CommentedMap()
            for k, v in value.items():
                out[k] = convert(v)
            return out
        if isinstance(value, list):
            return CommentedSeq([convert(v) for v in value])
        if isinstance(value, str) and "\n" in value:
            return DoubleQuotedScalarString(value)
        if isinstance(value, str) and len(value) > _WIDTH and _foldable(value):
            folded = FoldedScalarString(value)
            folded.fold_pos = _fold_positions(value)
            return folded
        return value

    yaml = YAML()
    yaml.width = 100
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    root = convert(data)
    header = [f"Nhập từ {origin} bằng “docgen import”: kiểm tra lại trước khi dùng."]
    header.append("Các câu mục tiêu được giữ nguyên văn (ý gạch đầu dòng), không dựng lại muc_tieu.")
    if notes:
        header.append("Cần xem lại (phần không nhận ra được giữ nguyên văn làm đoạn văn):")
        header.extend(f"  - {n}" for n in notes)
    root.yaml_set_start_comment("\n".join(header))
    # a blank line before the big parts and between the mục of noi_dung, as in plans/*.yaml
    for key in ("can_cu", "noi_dung", "ket_thuc", "chu_thich", "nguoi_ky", "noi_nhan"):
        if key in root and key != next(iter(root)):
            root.yaml_set_comment_before_after_key(key, before="\n")
    sections = root.get("noi_dung")
    if isinstance(sections, CommentedSeq):
        for k in range(1, len(sections)):
            sections.yaml_set_comment_before_after_key(k, before="\n", indent=2)
    stream = io.StringIO()
    yaml.dump(root, stream)
    return stream.getvalue()


def _foldable(text: str) -> bool:
    """Whether a ">-" block gives ``text`` back: single spaces only, no edge blanks, no tabs."""
    return text == text.strip() and "  " not in text and "\t" not in text and "\u00a0" not in text and not text.startswith(("#", "-", "[", "{", "'", '"'))


def _fold_positions(text: str) -> list[int]:
    """Spaces where a ">-" block breaks its lines, each line at most :data:`_WIDTH` long."""
    out: list[int] = []
    start = 0
    while len(text) - start > _WIDTH:
        cut = text.rfind(" ", start, start + _WIDTH)
        if cut <= start:
            cut = text.find(" ", start + _WIDTH)
            if cut < 0:
                break
        out.append(cut)
        start = cut + 1
    return out
