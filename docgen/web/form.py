"""Soạn văn bản as a form: fields built from the spec's JSON Schema (``docgen schema``).

The schema gives each field its kind (text, choice, yes/no, list of lines, list of groups, notes),
its Vietnamese label (``title``/``description``) and whether it is required. The posted fields are
turned back into the spec's data, written as YAML, and checked by the same loader as the YAML box
(:func:`docgen.web.compose.validate`); each problem's field path (``can_cu[1].van_ban``) names the
input it is shown under. Lists grow and shrink by a button that posts the form (no JavaScript);
a citation's ``van_ban`` offers the registry's symbols (an HTML ``datalist``, searchable as typed).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from starlette.datastructures import FormData, UploadFile

_INDEX: Final = re.compile(r"\[(\d+)\]")


@dataclass
class Field:
    """One input, or a group of inputs (an object, or a list of objects)."""

    kind: str  # text | choice | flag | lines | notes | group | list
    name: str  # "co_quan.0.ten": the posted name and the spec path
    label: str
    help: str = ""
    value: str = ""
    required: bool = False
    options: list[tuple[str, str]] = field(default_factory=list)  # choice: (value, label)
    children: list[Field] = field(default_factory=list)  # group: its fields; list: its items
    item_label: str = ""  # list: what one item is called ("Căn cứ")
    limit: int | None = None  # list: at most this many items
    errors: list[str] = field(default_factory=list)
    datalist: str = ""  # text: id of the suggestions it offers


def _resolve(schema: Mapping[str, Any], node: Mapping[str, Any]) -> Mapping[str, Any]:
    while "$ref" in node:
        ref = node["$ref"].rsplit("/", 1)[-1]
        extra = {k: v for k, v in node.items() if k != "$ref"}
        node = {**schema["$defs"][ref], **extra}
    return node


def _branches(schema: Mapping[str, Any], node: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The non-null alternatives of ``anyOf`` (or the node itself), resolved."""
    node = _resolve(schema, node)
    options = node.get("anyOf")
    if options is None:
        return [node]
    out = [_resolve(schema, o) for o in options if o.get("type") != "null"]
    return out or [node]


def _label(key: str, node: Mapping[str, Any]) -> tuple[str, str]:
    """(label, help): the first clause of the description is the label."""
    text = str(node.get("description") or node.get("title") or key)
    head, sep, rest = text.partition(": ")
    if sep and len(head) <= 40:
        return head, rest
    head, sep, rest = text.partition(", ví dụ")
    return (head, "ví dụ" + rest) if sep else (text, "")


def _scalar(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def build(schema: Mapping[str, Any], data: Mapping[str, Any], labels: Mapping[str, str] | None = None) -> list[Field]:
    """The fields of a spec with ``data`` as their values. ``labels`` names fields whose schema
    has no Vietnamese description, by their path without indexes ("don_vi_cap_duoi.tong_so")."""
    required = set(schema.get("required", []))
    fields = [_field(schema, key, node, data.get(key), key, key in required, 0)
              for key, node in schema["properties"].items()]
    if labels:
        for f in names(fields).values():
            f.label = labels.get(_generic(f.name), f.label)
    return fields


def _generic(name: str) -> str:
    return ".".join(part for part in name.split(".") if not part.isdigit())


def _field(schema: Mapping[str, Any], key: str, node: Mapping[str, Any], value: Any, name: str, required: bool,
           depth: int) -> Field:
    label, help_text = _label(key, _resolve(schema, node))
    branches = _branches(schema, node)
    arrays = [b for b in branches if b.get("type") == "array"]
    objects = [b for b in branches if b.get("type") == "object" and "properties" in b]
    if arrays:
        items = _resolve(schema, arrays[0]["items"])
        if items.get("type") == "object" and "properties" in items:
            values = value if isinstance(value, list) else ([value] if isinstance(value, Mapping) else [])
            # only the items there are: the form is as deep as the spec, never deeper
            children = [_group(schema, items, v if isinstance(v, Mapping) else {}, f"{name}.{i}", depth + 1)
                        for i, v in enumerate(values)]
            item_label = str(items.get("title") or label)
            return Field("list", name, label, help_text, required=required, children=children, item_label=item_label,
                         limit=arrays[0].get("maxItems"))
        lines = "\n".join(_scalar(v) for v in value) if isinstance(value, list) else _scalar(value)
        return Field("lines", name, label, help_text or "mỗi dòng một mục", lines, required)
    if objects:
        return _group(schema, objects[0], value if isinstance(value, Mapping) else {}, name, depth + 1)
    resolved = branches[0]
    if resolved.get("type") == "object":  # a free mapping: footnotes "khóa: nội dung"
        text = "\n".join(f"{k}: {_scalar(v)}" for k, v in value.items()) if isinstance(value, Mapping) else ""
        return Field("notes", name, label, help_text or "mỗi dòng “khóa: nội dung”", text, required)
    if resolved.get("type") == "boolean":
        return Field("flag", name, label, help_text, "true" if value is True else "", required)
    enum = next((b["enum"] for b in branches if "enum" in b), None)
    if enum is not None:
        # a blank first choice even when required: a browser posts the first option of a select
        # left alone, and an optional group (cong_nhan_truoc) must post nothing when left alone
        return Field("choice", name, label, help_text, _scalar(value), required,
                     options=[("", "(không chọn)")] + [(str(v), str(v)) for v in enum])
    datalist = "so-dang-ky" if key == "van_ban" else ""
    return Field("text", name, label, help_text, _scalar(value), required, datalist=datalist)


def _group(schema: Mapping[str, Any], node: Mapping[str, Any], value: Mapping[str, Any], name: str, depth: int) -> Field:
    required = set(node.get("required", []))
    label, help_text = _label(name, node)
    children = [_field(schema, key, sub, value.get(key), f"{name}.{key}", key in required, depth)
                for key, sub in node["properties"].items()]
    return Field("group", name, str(node.get("title") or label), help_text, children=children)


# ---------------------------------------------------------------- posted form → spec data


def _set(root: dict[str, Any], parts: list[str], value: Any) -> None:
    """Put ``value`` at ``parts`` ("noi_dung", "0", "doan"). A browser posts the fields in the
    page's order, so an item's index is at most one past the last: a field that would skip items
    is dropped (a handful of posted names cannot build millions of empty items)."""
    node: Any = root
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        nxt_is_index = not last and parts[i + 1].isdigit()
        if isinstance(node, list):
            index = int(part)
            if index > len(node):
                return
            if index == len(node):
                node.append({})
            if last:
                node[index] = value
            else:
                if not isinstance(node[index], (dict, list)) or (nxt_is_index and not isinstance(node[index], list)):
                    node[index] = [] if nxt_is_index else {}
                node = node[index]
        else:
            if last:
                node[part] = value
            else:
                if part not in node:
                    node[part] = [] if nxt_is_index else {}
                node = node[part]


def _typed(text: str, kind: str) -> Any:
    if kind == "lines":
        return [line.strip() for line in text.split("\n") if line.strip()]
    if kind == "notes":
        notes: dict[str, str] = {}
        for line in text.split("\n"):
            key, sep, rest = line.partition(":")
            if line.strip():
                notes[key.strip()] = rest.strip() if sep else ""
        return notes
    if kind == "flag":
        return True
    if re.fullmatch(r"-?\d{1,6}", text.strip()):  # mức độ, năm, số lượng are whole numbers in YAML
        return int(text.strip())
    return text.strip()


def _prune(node: Any) -> Any:
    """Drop empty values, keep list items (so that indexes match the form)."""
    if isinstance(node, dict):
        out = {k: _prune(v) for k, v in node.items()}
        return {k: v for k, v in out.items() if v not in ("", None, [], {})}
    if isinstance(node, list):
        return [_prune(v) for v in node]
    return node


def kind_at(schema: Mapping[str, Any], name: str) -> str | None:
    """The kind of the field named ``name`` (list indexes skipped), or None when the schema has
    no such field: a posted name is only used when the spec has that field."""
    node: Mapping[str, Any] = {"type": "object", "properties": schema["properties"]}
    parts = name.split(".")
    for i, part in enumerate(parts):
        if part.isdigit():
            continue
        objects = [b for b in _branches(schema, node) if b.get("type") == "object" and "properties" in b]
        arrays = [b for b in _branches(schema, node) if b.get("type") == "array"]
        if arrays and not objects:
            objects = [b for b in [_resolve(schema, arrays[0]["items"])] if b.get("type") == "object" and "properties" in b]
        if not objects or part not in objects[0]["properties"]:
            return None
        node = objects[0]["properties"][part]
    return _field(schema, parts[-1], node, None, name, False, 0).kind


def data_from_form(form: FormData, schema: Mapping[str, Any]) -> dict[str, Any]:
    """The spec's data from the posted fields (names the schema does not have are ignored)."""
    root: dict[str, Any] = {}
    for name, raw in form.multi_items():
        if isinstance(raw, UploadFile) or not _valid_name(name):
            continue
        kind = kind_at(schema, name)
        if kind is None or kind in ("group", "list"):
            continue
        text = raw.replace("\r\n", "\n")
        if kind != "flag" and not text.strip():
            _set(root, name.split("."), "")
            continue
        _set(root, name.split("."), _typed(text, kind))
    return dict(_prune(root))


def _valid_name(name: str) -> bool:
    return bool(re.fullmatch(r"[a-z_]+(\.(\d{1,4}|[a-z_]+))*", name))


def _container(data: dict[str, Any], parts: list[str], create: bool) -> Any:
    """The dict or list at ``parts`` (None when it is not there; with ``create``, a missing key
    of a dict becomes an empty dict)."""
    node: Any = data
    for part in parts:
        if isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        elif isinstance(node, dict) and not part.isdigit():
            if part not in node and create:
                node[part] = {}
            node = node.get(part)
        else:
            return None
    return node


def add_item(data: dict[str, Any], path: str) -> None:
    """Append an empty item to the list at ``path`` ("can_cu", "noi_dung.0.muc"); a path that is
    not there changes nothing."""
    if not _valid_name(path):
        return
    parts = path.split(".")
    node = _container(data, parts[:-1], create=True)
    last = parts[-1]
    if not isinstance(node, dict) or last.isdigit():
        return
    current = node.get(last)
    if isinstance(current, dict):  # nguoi_ky written as one mapping
        current = [current]
    items = current if isinstance(current, list) else []
    items.append({})
    node[last] = items


def remove_item(data: dict[str, Any], path: str) -> None:
    """Remove the item at ``path`` ("can_cu.1"); a path that is not there changes nothing."""
    if not _valid_name(path) or not path.rsplit(".", 1)[-1].isdigit():
        return
    parts = path.split(".")
    node = _container(data, parts[:-1], create=False)
    index = int(parts[-1])
    if isinstance(node, list) and index < len(node):
        del node[index]
    elif isinstance(node, dict) and index == 0:  # a single mapping
        node.clear()


def to_yaml(data: Mapping[str, Any]) -> str:
    """The spec as YAML, keys in the schema's order, Vietnamese kept as is."""
    from ruamel.yaml import YAML

    yaml = YAML()  # round trip: keys stay in the order the form gives them
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    yaml.width = 4096
    out = io.StringIO()
    yaml.dump(dict(data), out)
    return out.getvalue()


# ---------------------------------------------------------------- problems → fields


def field_name(path: str) -> str:
    """A loader field path ("noi_dung[0].muc_tieu[1].han") as an input name ("noi_dung.0.muc_tieu.1.han")."""
    return _INDEX.sub(r".\1", path).lstrip(".")


def names(fields: Iterable[Field]) -> dict[str, Field]:
    out: dict[str, Field] = {}
    for f in fields:
        out[f.name] = f
        out.update(names(f.children))
    return out


def attach(fields: list[Field], problems: Iterable[tuple[str, str]]) -> list[str]:
    """Put each (field path, message) under its input, or the nearest group holding it; the
    problems no field holds are returned."""
    index = names(fields)
    left: list[str] = []
    for path, message in problems:
        name = field_name(path)
        while name and name not in index:
            name = name.rpartition(".")[0]
        if name:
            index[name].errors.append(message)
        else:
            left.append(f"{path}: {message}" if path else message)
    return left
