"""Specs built from the JSON Schema that ``docgen schema`` prints (issue 9, item 7).

The strategy walks :func:`docgen.spec.schema.spec_schema` (``$ref``, ``anyOf``, ``enum``, object
properties and ``required``, arrays with ``minItems``/``maxItems``, string ``pattern``, integer
bounds), so a new field in the model is fuzzed without editing this file. Each example is dumped
as YAML text, loaded with the project's loader and, when it loads, rendered to .docx bytes in
memory (no PDF). The only allowed failure is a :class:`docgen.errors.DocgenError`.
"""

from __future__ import annotations

import unicodedata
from typing import Any

import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from docgen import limits
from docgen.errors import DocgenError
from docgen.render.docx import render_document
from docgen.spec.loader import load_spec_text
from docgen.spec.schema import spec_schema

# Examples per run, for each test of this module (the fuzzing budget of issue 9).
MAX_EXAMPLES = 40
# Nesting of recursive definitions (Section.muc) before optional parts are left out.
MAX_DEPTH = 3

SCHEMA = spec_schema()
DEFS: dict[str, Any] = SCHEMA.get("$defs", {})

WORDS = [
    "Ủy ban nhân dân", "xã", "Cộng đồng học tập", "Thông tư số 25/2023/TT-BGDĐT", "ngày 27/12/2023", "mức độ 1",
    "hoàn thành", "trước ngày 31/3/2026", "Điều 6", "khoản 4", "điểm a", "Phòng Giáo dục và Đào tạo", "kế hoạch",
    "triển khai", "năm 2026", "đánh giá,", "công nhận", "[^a]", "–", "“", "”", "(", ")", ";", ".",
]
plain_text = st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(" ".join)

# Hostile strings for the mutated specs.
odd_text = st.one_of(
    plain_text.map(lambda s: unicodedata.normalize("NFD", s)),
    st.tuples(plain_text, st.sampled_from(["\x00", "\x01", "\x0b", "\x1f", "\ufffe", "\uffff", "\x7f", "\r", "\t"])).map("".join),
    st.tuples(st.sampled_from(["\u202e", "\u2066", "\u200f", "\u202a", "\u2069"]), plain_text).map("".join),
    st.sampled_from(["{{ 7*7 }}", "{% for x in y %}{% endfor %}", "{{ ''.__class__.__mro__ }}", "{# c #}", "{%raw%}"]),
    st.sampled_from(["<w:p>", "&amp;", "a & b < c > d", "]]>", "<?xml?>", "&#0;", '"\'']),
    st.sampled_from(["\ue000", "\ue0003\ue001", "\uf0b7", "[^]", "[^khong-co]", "\U0001f600", "\u0301"]),
    st.integers(min_value=1, max_value=limits.SPEC_STRING_CHARS).map(lambda n: ("chữ " * (n // 4 + 1))[:n]),
    st.text(max_size=40),
)


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[1]
        extra = {k: v for k, v in node.items() if k != "$ref"}
        node = {**DEFS[name], **extra}
    return node


def _string(node: dict[str, Any]) -> st.SearchStrategy[Any]:
    if "pattern" in node:
        return st.from_regex(node["pattern"], fullmatch=True).filter(lambda s: len(s) < 40)
    return plain_text


def from_schema(node: dict[str, Any], depth: int = 0) -> st.SearchStrategy[Any]:
    """A strategy of values valid for the JSON Schema ``node`` (as far as the schema says)."""
    node = _resolve(node)
    if "const" in node:
        return st.just(node["const"])
    if "enum" in node:
        return st.sampled_from(node["enum"])
    if "anyOf" in node or "oneOf" in node:
        options = node.get("anyOf") or node["oneOf"]
        if depth >= MAX_DEPTH and any(o.get("type") == "null" for o in options):
            return st.none()
        return st.one_of([from_schema(o, depth) for o in options])
    kind = node.get("type")
    if isinstance(kind, list):
        return st.one_of([from_schema({**node, "type": k}, depth) for k in kind])
    if kind == "object":
        props: dict[str, Any] = node.get("properties", {})
        required = set(node.get("required", []))
        if not props:
            extra = node.get("additionalProperties")
            values = from_schema(extra, depth + 1) if isinstance(extra, dict) else plain_text
            return st.dictionaries(st.sampled_from(["a", "b", "c", "1"]), values, max_size=2)
        optional = {} if depth >= MAX_DEPTH else {k: from_schema(v, depth + 1) for k, v in props.items() if k not in required}
        return st.fixed_dictionaries({k: from_schema(v, depth + 1) for k, v in props.items() if k in required}, optional=optional)
    if kind == "array":
        low = node.get("minItems", 0)
        high = min(node.get("maxItems", low + 2), low + 2)
        if depth >= MAX_DEPTH:
            high = low
        return st.lists(from_schema(node.get("items", {}), depth + 1), min_size=low, max_size=high)
    if kind == "string":
        return _string(node)
    if kind == "integer":
        return st.integers(min_value=node.get("minimum", 0), max_value=node.get("maximum", 10_000))
    if kind == "number":
        return st.integers(min_value=1, max_value=10_000)
    if kind == "boolean":
        return st.booleans()
    if kind == "null":
        return st.none()
    return plain_text  # an unconstrained schema


valid_specs = from_schema(SCHEMA)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside the tree (the root excluded)."""
    found: list[tuple[Any, ...]] = []
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else []
    for key, child in items:
        found.append((*prefix, key))
        found.extend(_paths(child, (*prefix, key)))
    return found


def _set(tree: Any, path: tuple[Any, ...], new: Any) -> None:
    for key in path[:-1]:
        tree = tree[key]
    tree[path[-1]] = new


def _delete(tree: Any, path: tuple[Any, ...]) -> None:
    for key in path[:-1]:
        tree = tree[key]
    del tree[path[-1]]


wrong_values = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30), st.floats(allow_nan=True), st.booleans(), st.none(),
    st.lists(plain_text, max_size=2), st.dictionaries(plain_text, plain_text, max_size=2), odd_text,
)


@st.composite
def mutated_specs(draw: st.DrawFn) -> Any:
    tree = draw(valid_specs)
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        paths = _paths(tree)
        how = draw(st.sampled_from(["type", "missing", "extra", "odd"]))
        if how == "missing":
            key = draw(st.sampled_from(SCHEMA["required"]))
            tree.pop(key, None)
        elif how == "extra":
            where = draw(st.sampled_from([()] + [p for p in paths if isinstance(_get(tree, p), dict)]))
            key = draw(st.one_of(st.sampled_from([k + "x" for k in SCHEMA["properties"]]), plain_text, st.integers()))
            _get(tree, where)[key] = draw(wrong_values)
        elif paths:
            path = draw(st.sampled_from(paths))
            _set(tree, path, draw(wrong_values if how == "type" else odd_text))
    return tree


def _get(tree: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        tree = tree[key]
    return tree


def as_yaml(tree: Any) -> str:
    return yaml.safe_dump(tree, allow_unicode=True, sort_keys=False)


def load_and_render(text: str) -> None:
    """Success or a DocgenError; anything else propagates and fails the test."""
    try:
        document = load_spec_text(text, "fuzz.yaml", [])
        render_document(document)
    except DocgenError as err:
        assert str(err).strip(), "a DocgenError must carry a message"
        event(f"refused: {type(err).__name__}")
    else:
        event("rendered")


FUZZ = settings(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large])


@FUZZ
@given(valid_specs)
def test_valid_specs_load_and_render_or_refuse(tree: Any) -> None:
    load_and_render(as_yaml(tree))


@FUZZ
@given(mutated_specs())
def test_mutated_specs_only_raise_docgen_errors(tree: Any) -> None:
    load_and_render(as_yaml(tree))


@FUZZ
@given(valid_specs, st.data())
def test_broken_yaml_text_only_raises_docgen_errors(tree: Any, data: st.DataObject) -> None:
    text = as_yaml(tree)
    cut = data.draw(st.integers(min_value=0, max_value=len(text)))
    junk = data.draw(st.sampled_from(["", ":", "- ", "\t", "&a ", "*a", "!!python/object:os.system ", "{", "[", '"', "\n  x: y\n", "\x00"]))
    load_and_render(text[:cut] + junk + text[cut:])
