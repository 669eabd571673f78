"""Spec .yaml: every string of the spec is one line of the text, positioned at the line and
column of that string in the YAML file. The spec is validated first (a spec with errors raises
its :class:`SpecError`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from docgen import text as vtext
from docgen.check.model import Draft
from docgen.errors import InputError, Location


def spec_draft(path: Path, office_config: Path | None = None) -> Draft:
    """The strings of a spec, each placed at its YAML position; the spec is validated first."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    where = str(path)
    try:
        from docgen.spec.loader import load_spec
    except ImportError:  # the loader is optional for reading
        load_spec = None  # type: ignore[assignment]
    document = load_spec(path, config=office_config) if load_spec is not None else None  # raises SpecError
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"không đọc được tệp ({exc.strerror})", Location(where)) from None
    # Word's line and page breaks (U+000B, U+000C) become spaces, as the loader reads them
    source = vtext.decode_bytes(raw, where).replace("\x0b", " ").replace("\x0c", " ")
    try:
        tree = YAML(typ="rt").load(source)
    except YAMLError:
        raise InputError("lỗi cú pháp YAML", Location(where)) from None
    source_lines = source.split("\n")
    pieces: list[str] = []
    starts: list[int] = []
    numbers: list[int] = []
    columns: list[int] = []
    offset = 0
    for line, column, scalar in _yaml_strings(tree):
        value = vtext.normalize_keep_offsets(scalar)
        for k, piece in enumerate(value.split("\n")):
            # each source line of a (folded, literal or multi-line) scalar keeps its own position
            for at, seg_line, seg_col in _segments(piece, source_lines, line, column if k == 0 else 1):
                starts.append(offset + at)
                numbers.append(seg_line)
                columns.append(seg_col)
            pieces.append(piece)
            offset += len(piece) + 1
    text = "\n".join(pieces)
    draft = Draft(
        path=where,
        kind="yaml",
        text=text,
        line_starts=starts or [0],
        line_numbers=numbers or [1],
        column_bases=columns or [1],
    )
    if document is not None:
        date = getattr(document, "date", None)
        if isinstance(date, dt.date):
            draft.date = date
        draft.meta["spec"] = document
    return draft


def _segments(piece: str, source_lines: list[str], line: int, column: int) -> list[tuple[int, int, int]]:
    """(offset in ``piece``, 1-based line, column) where each source line's text starts.

    ``line``/``column`` is where ruamel puts the value (for a ``>-`` block, the indicator). The
    source lines from there on are matched, in order, against the value's text; the first
    segment is always at offset 0.
    """
    out = [(0, line, column)]
    cursor = 0
    for index in range(line - 1, min(len(source_lines), line + 200)):
        src = source_lines[index]
        content = src.strip().strip("\"'")
        if index == line - 1:
            content = src[column - 1 :].strip().strip("\"'") if column - 1 < len(src) else ""
            if content in (">", ">-", "|", "|-", ">+", "|+", ""):
                continue
        if not content:
            continue
        found = piece.find(content[: min(len(content), 40)], cursor)
        if found < 0:
            if cursor > 0:
                break
            continue
        col = src.find(content[: min(len(content), 40)]) + 1
        if found == 0:
            out[0] = (0, index + 1, col)
        else:
            out.append((found, index + 1, col))
        cursor = found + len(content)
        if cursor >= len(piece):
            break
    return out


def _yaml_strings(node: Any) -> Iterator[tuple[int, int, str]]:
    """(1-based line, 1-based column, value) of every string in a ruamel round-trip tree."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(node, CommentedMap):
        for key, value in node.items():
            if key == "van_ban" and isinstance(value, str):
                # a căn cứ named by its symbol is rendered as the registry's full first citation
                value = _citation_text(value)
            if isinstance(value, str):
                try:
                    line, col = node.lc.value(key)
                except (KeyError, TypeError, AttributeError):
                    line, col = node.lc.line, node.lc.col
                quoted = getattr(value, "style", None) in ("'", '"')
                yield line + 1, col + 1 + (1 if quoted else 0), str(value)
            else:
                yield from _yaml_strings(value)
    elif isinstance(node, CommentedSeq):
        for index, value in enumerate(node):
            if isinstance(value, str):
                try:
                    line, col = node.lc.item(index)
                except (KeyError, TypeError, AttributeError, IndexError):
                    line, col = node.lc.line, node.lc.col
                quoted = getattr(value, "style", None) in ("'", '"')
                yield line + 1, col + 1 + (1 if quoted else 0), str(value)
            else:
                yield from _yaml_strings(value)


def _citation_text(symbol: str) -> str:
    from docgen.law.registry import load_registry

    entry = load_registry().get(symbol)
    return entry.citation() if entry is not None else symbol
