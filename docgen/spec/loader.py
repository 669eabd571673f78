"""Read a YAML spec into a :class:`~docgen.spec.models.Document`, or explain every problem.

The file is read as bytes and decoded as UTF-8; bytes that are not, and text in the legacy
TCVN3/VNI encodings, are refused with the message of :mod:`docgen.text`, which names the
encoding. The text is parsed with ruamel.yaml's round-trip loader
(which remembers where every key and item sits), cleaned (NFC, stray whitespace), validated by
pydantic, and checked against the legal registry and the footnote markers.

Every problem found is reported at once, in one :class:`~docgen.errors.SpecError`, as
``plans/x.yaml:12:7: noi_dung[1].muc_tieu[3].han: ngày 31/02/2025 không tồn tại``: the pydantic
``loc`` is walked through the YAML tree to get the line and column (ruamel's ``lc`` positions
are 0-based; messages are 1-based) and the field path is spelt with the YAML keys. List indexes
in paths are 0-based, like pydantic's and JSON Schema's.

Dates: YAML's own timestamps are switched off, so ``ngay: 2025-12-31`` stays text and gets the
same "dd/mm/yyyy" message as any malformed date; ``31/12/2025`` is text in YAML 1.2 whether
quoted or not; a number (``31122025``, or a YAML 1.1 sexagesimal ``15:04:20``) is refused.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from enum import Enum
from pathlib import Path
from typing import Any, Final, Literal, TypeVar, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent, Event, ScalarEvent, SequenceStartEvent
from ruamel.yaml.scalarint import BinaryInt, HexCapsInt, HexInt, OctalInt

from docgen import limits
from docgen import text as vtext
from docgen import vi
from docgen.errors import InputError, Location, SpecError
from docgen.law.registry import Status, load_registry
from docgen.spec.models import FOOTNOTE_MARKER, Deadline, Document
from docgen.spec.office import OfficeDefaults, load_office_defaults

Problem = tuple[Location, str]
LocPart = str | int
M = TypeVar("M", bound=BaseModel)

__all__ = ["load_spec", "load_spec_data", "load_spec_text", "Problem"]


# ---------------------------------------------------------------- YAML reading


class _SpecConstructor(RoundTripConstructor):
    """Round-trip constructor that keeps ``2025-12-31`` as text (docgen parses dates itself)."""

    def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
        return self.construct_scalar(node)


_SpecConstructor.add_constructor("tag:yaml.org,2002:timestamp", _SpecConstructor.construct_yaml_timestamp)


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Constructor = _SpecConstructor
    yaml.allow_duplicate_keys = False
    return yaml


# ruamel's English problem texts → Vietnamese. Checked in order; the first match wins.
_YAML_PROBLEMS: Final[tuple[tuple[re.Pattern[str], str], ...]] = (
    (re.compile(r"found duplicate key \"(?P<key>[^\"]*)\""), "khóa “{key}” bị lặp lại trong cùng một bảng khóa"),
    (re.compile(r"mapping values are not allowed here"), "dấu “:” không hợp lệ ở đây (thiếu dấu nháy quanh giá trị có “:”, hoặc thụt lề sai)"),
    (re.compile(r"found character '\\t'|found a tab"), "YAML không cho dùng ký tự tab để thụt lề; hãy dùng dấu cách"),
    (re.compile(r"could not find expected ':'"), "thiếu dấu “:” sau khóa"),
    (re.compile(r"expected ',' or '\]'"), "danh sách trong ngoặc vuông chưa đóng “]” hoặc thiếu dấu phẩy"),
    (re.compile(r"expected ',' or '\}'"), "bảng khóa trong ngoặc nhọn chưa đóng “}}” hoặc thiếu dấu phẩy"),
    (re.compile(r"found unexpected end of stream"), "tệp kết thúc khi dấu nháy hoặc ngoặc còn chưa đóng"),
    (re.compile(r"found unexpected ':'"), "dấu “:” không đúng chỗ"),
    (re.compile(r"expected <block end>, but found '<block sequence start>'"), "dòng “- …” thụt lề không khớp với các dòng trước"),
    (re.compile(r"expected <block end>, but found"), "thụt lề không khớp với các dòng trước"),
    (re.compile(r"expected a comment or a line break"), "có ký tự thừa sau giá trị (thiếu dấu nháy?)"),
    (re.compile(r"found undefined alias"), "dùng bí danh (*…) chưa được định nghĩa"),
    (re.compile(r"expected a single document"), "tệp chỉ được chứa một đặc tả (bỏ dòng “---” thứ hai)"),
    (re.compile(r"found character '(?P<ch>.)' that cannot start any token"), "ký tự “{ch}” không được đứng đầu một giá trị; hãy đặt giá trị trong dấu nháy"),
)


def _yaml_problem(path: str, exc: YAMLError) -> Problem:
    """Turn a ruamel error into one Vietnamese problem at its line and column."""
    line = column = 0
    english = str(exc)
    found_at = ""
    if isinstance(exc, MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        # An unclosed [, { or quote is noticed lines later: point at where it opened.
        opened = any(w in (exc.context or "") for w in ("flow", "quoted scalar"))
        if exc.context_mark is not None and opened and exc.problem_mark is not None:
            found_at = f" (phát hiện ở dòng {exc.problem_mark.line + 1})"
            mark = exc.context_mark
        if mark is not None:
            line, column = mark.line + 1, mark.column + 1
        english = " ".join(filter(None, [exc.context, exc.problem]))
    detail = next((t.format(**m.groupdict()) for p, t in _YAML_PROBLEMS if (m := p.search(english))), None)
    message = f"lỗi cú pháp YAML: {detail}{found_at}" if detail else f"lỗi cú pháp YAML{found_at}"
    return Location(path, line, column), message


# ---------------------------------------------------------------- limits, before anything is built

# A plain scalar that YAML would read as a number ("12", "-5", "0x1F", "1e99999"): one of
# thousands of digits would make Python's int() fail, so its length is checked first.
_NUMERIC: Final = re.compile(r"[-+]?\.?[0-9][0-9a-fA-FxXoObB_.:eE+-]*")


def _mark(event: Event, where: str) -> Location:
    mark = event.start_mark
    return Location(where, mark.line + 1, mark.column + 1) if mark is not None else Location(where)


def _event_problems(source: str, where: str) -> list[Problem]:
    """Sizes checked on ruamel's event stream, before any node is built (issue 9).

    An alias is one event however large the node it names, so the size of the tree the aliases
    would expand to is counted here (``YAML_NODES``) along with the aliases themselves, the
    nesting depth, the length of each text and the items of each list or mapping: a "billion
    laughs" file is refused after reading its few kilobytes once.
    """
    sizes: dict[str, int] = {}  # anchor → expanded node count
    open_nodes: list[tuple[CollectionStartEvent, int, int]] = []  # (start event, expanded nodes, direct children)
    aliases = total = 0

    def add(count: int) -> None:
        nonlocal total
        total += count
        if open_nodes:
            start, nodes, children = open_nodes[-1]
            open_nodes[-1] = (start, nodes + count, children + 1)

    for event in _yaml().parse(source):
        if isinstance(event, AliasEvent):
            aliases += 1
            if aliases > limits.YAML_ALIASES:
                return [(_mark(event, where), f"tệp dùng hơn {limits.YAML_ALIASES} bí danh (*…), vượt giới hạn")]
            add(sizes.get(str(event.anchor), 1))
        elif isinstance(event, ScalarEvent):
            value = event.value or ""
            if len(value) > limits.SPEC_STRING_CHARS:
                return [(_mark(event, where), f"chuỗi dài {len(value)} ký tự, vượt giới hạn {limits.SPEC_STRING_CHARS} ký tự")]
            if event.style is None and len(value) > limits.YAML_NUMBER_CHARS and _NUMERIC.fullmatch(value):
                return [(_mark(event, where), f"số có {len(value)} chữ số, vượt giới hạn {limits.YAML_NUMBER_CHARS} chữ số")]
            if event.anchor:
                sizes[str(event.anchor)] = 1
            add(1)
        elif isinstance(event, CollectionStartEvent):
            if len(open_nodes) >= limits.YAML_DEPTH:
                return [(_mark(event, where), f"các khóa, danh sách lồng nhau quá {limits.YAML_DEPTH} tầng, vượt giới hạn")]
            open_nodes.append((event, 1, 0))
        elif isinstance(event, CollectionEndEvent) and open_nodes:
            start, nodes, children = open_nodes.pop()
            items = children if isinstance(start, SequenceStartEvent) else children // 2
            if items > limits.SPEC_LIST_ITEMS:
                return [(_mark(start, where), f"danh sách có {items} phần tử, vượt giới hạn {limits.SPEC_LIST_ITEMS} phần tử")]
            if start.anchor:
                sizes[str(start.anchor)] = nodes
            total -= nodes - 1  # the children were counted as they came; count the node once
            add(nodes)
        if total > limits.YAML_NODES:
            return [(_mark(event, where), f"tệp mở rộng ra hơn {limits.YAML_NODES} giá trị (qua các bí danh *…), vượt giới hạn")]
    return []


# Text Word cannot hold (issue 9). XML 1.0 forbids C0 controls other than tab and line breaks,
# U+FFFE, U+FFFF and lone surrogates: lxml refuses them. Bidi overrides and isolates reverse
# what a reader sees ("Trojan source") and have no place in an official document. U+E000 and
# U+E001 are docgen's own footnote markers (docgen/render/footnotes.py), U+E002–U+E005 its bold
# and italic markers (docgen/spec/markup.py), U+E006/U+E007 its table markers (render/tables.py).
_ILLEGAL: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff\u202a-\u202e\u2066-\u2069\ue000-\ue007]")
# Word writes a manual line break (Shift+Enter) as U+000B and a page break as U+000C when text is
# pasted as plain text: they become a space, with a warning.
_WORD_BREAKS: Final = "\x0b\x0c"


def character_name(ch: str) -> str:
    """How a refused character is named in a message: "U+202E (ký tự đảo chiều chữ)"."""
    code = f"U+{ord(ch):04X}"
    if ch == "\x0b":
        return f"{code} (ngắt dòng của Word)"
    if ch == "\x0c":
        return f"{code} (ngắt trang của Word)"
    if "\u202a" <= ch <= "\u202e" or "\u2066" <= ch <= "\u2069":
        return f"{code} (ký tự điều khiển chiều viết)"
    if ch in "\ue000\ue001":
        return f"{code} (ký tự dùng riêng, docgen dành cho chú thích)"
    if "\ue002" <= ch <= "\ue007":
        return f"{code} (ký tự dùng riêng, docgen dành cho chữ đậm, nghiêng và bảng)"
    if "\ud800" <= ch <= "\udfff":
        return f"{code} (nửa cặp UTF-16 đứng lẻ)"
    if ch in "\ufffe\uffff":
        return f"{code} (mã không phải ký tự)"
    return f"{code} (ký tự điều khiển)"


def _character_message(ch: str) -> str:
    return f"ký tự {character_name(ch)} không được phép trong văn bản (Word không chứa được, hoặc làm đảo chữ); hãy xóa ký tự này"


def _source_characters(source: str, where: str, warnings: list[Problem]) -> tuple[str, list[Problem]]:
    """Refused characters typed into the file itself, at their exact line and column; Word's
    line and page breaks become spaces (columns kept) with a warning."""
    if not _ILLEGAL.search(source):
        return source, []
    problems: list[Problem] = []
    for number, line in enumerate(source.split("\n"), 1):
        for m in _ILLEGAL.finditer(line):
            ch = m.group()
            at = Location(where, number, m.start() + 1)
            if ch in _WORD_BREAKS:
                warnings.append((at, f"ký tự {character_name(ch)} được thay bằng dấu cách"))
            else:
                problems.append((at, _character_message(ch)))
    return source.replace("\x0b", " ").replace("\x0c", " "), problems


def _value_characters(tree: Any, where: str, warnings: list[Problem]) -> list[Problem]:
    """Refused characters written as escapes (``"\\u202e"``) or given in data: at the value."""
    problems: list[Problem] = []
    for loc, value in _texts(tree, []):
        if len(value) > limits.SPEC_STRING_CHARS:  # data given as a dict (a batch row) has no event scan
            at, field_path = _position(tree, loc, where)
            problems.append((Location(at.path, at.line, at.column, field_path), f"chuỗi dài {len(value)} ký tự, vượt giới hạn {limits.SPEC_STRING_CHARS} ký tự"))
            continue
        for m in _ILLEGAL.finditer(value):
            at, field_path = _position(tree, loc, where)
            place = Location(at.path, at.line, at.column, field_path)
            if m.group() in _WORD_BREAKS:
                warnings.append((place, f"ký tự {character_name(m.group())} được thay bằng dấu cách"))
            else:
                problems.append((place, _character_message(m.group()) + f" (ký tự thứ {m.start() + 1} của giá trị)"))
                break
    return problems


def _escape_problems(tree: Any, where: str) -> list[Problem]:
    """A "\\n" typed in a value that is not in double quotes: YAML keeps the backslash and the
    "n" as they are, and the document would print them (issue 12). Refused with the two ways to
    write a line break."""
    problems: list[Problem] = []
    for loc, value in _texts(tree, []):
        if "\\n" not in value:
            continue
        at, field_path = _position(tree, loc, where)
        problems.append((
            Location(at.path, at.line, at.column, field_path),
            "chuỗi có “\\n” nằm ngoài dấu ngoặc kép nên YAML giữ nguyên hai ký tự “\\” và “n” (văn bản sẽ in ra đúng "
            "như vậy); muốn xuống dòng, hãy đặt cả chuỗi trong dấu ngoặc kép (\"dòng một\\ndòng hai\") hoặc viết "
            "khối `|` rồi mỗi dòng một dòng",
        ))
    return problems


# ---------------------------------------------------------------- cleaning

_SPACES: Final = re.compile(r"[ \t]+")


def clean_text(value: str) -> str:
    """NFC, invisible characters gone, runs of spaces collapsed, each line stripped.

    Line breaks stay (an agency name is split with ``\\n``; a ``|`` block keeps its lines), but
    a block's final line break and blank lines at either end go.
    """
    value = vtext.normalize(value.replace("\x0b", " ").replace("\x0c", " "))
    lines = [_SPACES.sub(" ", line).strip() for line in value.split("\n")]
    return "\n".join(lines).strip("\n")


def _plain(node: Any) -> Any:
    """The ruamel tree as plain Python (dict, list, str, int, float, bool, None), text cleaned."""
    if isinstance(node, Mapping):
        return {(clean_text(k) if isinstance(k, str) else str(k)): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    if isinstance(node, bool):
        return bool(node)
    if isinstance(node, (HexInt, HexCapsInt, OctalInt, BinaryInt)):
        # 0x1F, 0o17, 0b101: a number written for a machine; kept as text so that a field
        # wanting a decimal number (so, nam) refuses it instead of reading 31
        return f"{node:#x}" if isinstance(node, (HexInt, HexCapsInt)) else f"{node:#o}" if isinstance(node, OctalInt) else f"{node:#b}"
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    if isinstance(node, str):
        return clean_text(str(node))
    return node


# ---------------------------------------------------------------- positions


def _position(node: Any, loc: Sequence[LocPart], path: str) -> tuple[Location, str]:
    """Walk ``loc`` through the YAML tree: the deepest line/column reached and the YAML path.

    Index steps into a mapping are skipped (``nguoi_ky`` may be one mapping that the model
    wraps in a list). Steps that do not exist in the file (a missing key) stop the walk at the
    parent, whose position is reported.
    """
    line = col = 0
    known = isinstance(node, (CommentedMap, CommentedSeq))
    if known:
        line, col = node.lc.line, node.lc.col
    parts: list[str] = []
    for step in loc:
        if isinstance(step, int) and isinstance(node, list):
            parts.append(f"[{step}]")
            if 0 <= step < len(node):
                if isinstance(node, CommentedSeq):
                    line, col = node.lc.item(step)
                node = node[step]
                continue
            break
        if isinstance(step, int) and isinstance(node, Mapping):
            continue
        if isinstance(step, str) and isinstance(node, Mapping):
            parts.append(f".{step}" if parts else step)
            step = _find_key(node, step)
            if step in node:
                if isinstance(node, CommentedMap):
                    # An empty value has no position of its own (ruamel gives the next token's).
                    has_value = node[step] is not None and _has_value_pos(node, step)
                    line, col = node.lc.value(step) if has_value else node.lc.key(step)
                node = node[step]
                continue
            break
        break
    if not known:
        return Location(path), "".join(parts)
    return Location(path, line + 1, col + 1), "".join(parts)


def _find_key(node: Mapping[Any, Any], step: str) -> Any:
    """``step`` as written in the file: the key itself, or the one a model normalised into it
    (a self-assessment's chỉ tiêu "5b" or "5 .B" is validated as "5.b")."""
    if step in node:
        return step
    loose = _loose_key(step)
    return next((k for k in node if isinstance(k, str) and _loose_key(k) == loose), step)


def _loose_key(key: str) -> str:
    return "".join(key.split()).replace(".", "").lower().replace("dd", "đ")


def _has_value_pos(node: CommentedMap, key: Any) -> bool:
    try:
        node.lc.value(key)
    except (KeyError, TypeError, IndexError):
        return False
    return True


def _key_position(node: Any, loc: Sequence[LocPart], path: str) -> Location:
    """Position of the last key of ``loc`` itself (for an unknown key: point at the key)."""
    parent_loc, key = loc[:-1], loc[-1]
    parent = _walk(node, parent_loc)
    if isinstance(parent, CommentedMap) and isinstance(key, str):
        key = _find_key(parent, key)
    if isinstance(parent, CommentedMap) and key in parent:
        line, col = parent.lc.key(key)
        return Location(path, line + 1, col + 1)
    return _position(node, loc, path)[0]


def _walk(node: Any, loc: Sequence[LocPart]) -> Any:
    for step in loc:
        if isinstance(step, int) and isinstance(node, list) and 0 <= step < len(node):
            node = node[step]
        elif isinstance(step, int) and isinstance(node, Mapping):
            continue
        elif isinstance(step, str) and isinstance(node, Mapping) and _find_key(node, step) in node:
            node = node[_find_key(node, step)]
        else:
            return None
    return node


# ---------------------------------------------------------------- the model behind a loc


def _annotation_at(loc: Sequence[LocPart], root: type[BaseModel] = Document) -> Any:
    """The type annotation behind ``loc`` (``root`` for the root), or None if unknown."""
    annotation: Any = root
    for step in loc:
        if isinstance(step, int):
            annotation = _item_type(annotation)
            continue
        model = _as_model(annotation)
        field = next((f for name, f in model.model_fields.items() if (f.alias or name) == step), None) if model else None
        if field is None:
            return None
        annotation = field.annotation
    return annotation


def _required(loc: Sequence[LocPart], root: type[BaseModel] = Document) -> bool:
    """Whether the key at the end of ``loc`` is required by its model."""
    model = _model_at(loc[:-1], root) if loc and isinstance(loc[-1], str) else None
    field = next((f for name, f in model.model_fields.items() if (f.alias or name) == loc[-1]), None) if model else None
    return field is not None and field.is_required()


def _model_at(loc: Sequence[LocPart], root: type[BaseModel] = Document) -> type[BaseModel] | None:
    """The pydantic model at ``loc`` (its allowed keys are the suggestions for a typo)."""
    return _as_model(_annotation_at(loc, root))


def _unwrap_optional(annotation: Any) -> list[Any]:
    args = get_args(annotation)
    if args and type(None) in args:
        return [a for a in args if a is not type(None)]
    return [annotation]


def _item_type(annotation: Any) -> Any:
    for option in _unwrap_optional(annotation):
        if get_origin(option) is list:
            return get_args(option)[0]
    return None


def _as_model(annotation: Any) -> type[BaseModel] | None:
    for option in _unwrap_optional(annotation):
        if isinstance(option, type) and issubclass(option, BaseModel):
            return option
    return None


def _allowed_keys(model: type[BaseModel]) -> list[str]:
    return [f.alias or name for name, f in model.model_fields.items()]


# ---------------------------------------------------------------- messages


_TYPE_WORDS: Final[dict[type, str]] = {
    bool: "giá trị đúng/sai",
    int: "số nguyên",
    float: "số thập phân",
    str: "chuỗi chữ",
    list: "danh sách",
    dict: "bảng khóa",
    type(None): "giá trị trống",
}


def _type_word(value: Any) -> str:
    for kind, word in _TYPE_WORDS.items():
        if type(value) is kind:
            return word
    return type(value).__name__


def _ascii_fold(s: str) -> str:
    s = s.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c)).lower()


def suggest(word: str, choices: Sequence[str]) -> str | None:
    """The closest choice to ``word``: same letters without diacritics first, then difflib."""
    folded = {_ascii_fold(c).replace("-", "_"): c for c in choices}
    key = _ascii_fold(word).replace(" ", "_").replace("-", "_")
    if key in folded:
        return folded[key]
    close = difflib.get_close_matches(key, list(folded), n=1, cutoff=0.6)
    return folded[close[0]] if close else None


def _choices(error: ErrorDetails, root: type[BaseModel] = Document) -> list[str]:
    """Allowed values of an enum or Literal field, as the user writes them."""
    annotation = _annotation_at([p for p in error["loc"] if isinstance(p, (str, int))], root)
    values: list[str] = []
    for option in _unwrap_optional(annotation):
        if isinstance(option, type) and issubclass(option, Enum):
            values += [str(m.value) for m in option]
        elif get_origin(option) is Literal:
            values += [str(v) for v in get_args(option)]
    return values


def error_message(error: ErrorDetails, root: type[BaseModel] = Document) -> str:
    """Vietnamese text of one pydantic error of a ``root`` model (the field path is added by the
    Location): the one wording of every spec kind (plans, self-assessments, batch rows)."""
    kind = error["type"]
    value = error.get("input")
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    loc = [p for p in error["loc"] if isinstance(p, (str, int))]
    if kind == "missing":
        return "thiếu khóa bắt buộc"
    if kind in ("string_type", "list_type", "dict_type", "model_type", "model_attributes_type") and value is None:
        return "không được để trống" if _required(loc, root) else "không được để trống (xóa khóa nếu không dùng)"
    if kind in ("value_error", "assertion_error"):
        text = str(ctx.get("error", error["msg"]))
        return re.sub(r"^(Value error|Assertion failed), ", "", text)
    if kind in ("enum", "literal_error"):
        choices = _choices(error, root)
        shown = f"“{value}”" if not isinstance(value, (dict, list)) else _type_word(value)
        hint = suggest(str(value), choices) if isinstance(value, (str, int)) else None
        message = f"giá trị {shown} không hợp lệ; chọn một trong: {', '.join(choices)}"
        return f"{message} — có phải ý bạn là `{hint}`?" if hint and hint != str(value) else message
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        bound = ctx.get("ge", ctx.get("gt", ctx.get("le", ctx.get("lt"))))
        words = {
            "greater_than_equal": "không được nhỏ hơn",
            "greater_than": "phải lớn hơn",
            "less_than_equal": "không được lớn hơn",
            "less_than": "phải nhỏ hơn",
        }[kind]
        return f"giá trị {value} {words} {_number(bound)}"
    if kind == "too_short":
        return f"cần ít nhất {ctx.get('min_length')} phần tử"
    if kind == "too_long":
        return f"nhiều nhất {ctx.get('max_length')} phần tử (đang có {ctx.get('actual_length')})"
    if kind in ("model_type", "model_attributes_type", "dict_type") and _as_model(_annotation_at(loc, root)) is Deadline:
        return f"hạn phải viết dd/mm/yyyy, mm/yyyy (hết tháng) hoặc yyyy, không phải {_type_word(value)} {value!r}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"phải là một bảng khóa (các dòng “khóa: giá trị”), không phải {_type_word(value)}"
    if kind == "list_type":
        return f"phải là một danh sách (mỗi phần tử một dòng “- …”), không phải {_type_word(value)}"
    if kind == "string_type" and isinstance(value, dict) and value:
        key, rest = next(iter(value.items()))
        written = f"{key}: {rest}" if isinstance(rest, (str, int, float)) else f"{key}: …"
        return (
            f"phải là chuỗi chữ, không phải bảng khóa: dòng có dấu hai chấm và dấu cách (“{key}: …”) nên YAML đọc "
            f"“{key}” thành một khóa; hãy đặt cả dòng trong dấu ngoặc kép (\"{written}\") hoặc viết nó trong khối `>-` "
            "(xem docs/spec.md, “Những lỗi YAML thường gặp”)"
        )
    if kind == "string_type":
        return f"phải là chuỗi chữ, không phải {_type_word(value)}"
    if kind in ("int_type", "int_parsing"):
        return f"phải là số nguyên, không phải {_type_word(value)} “{value}”"
    if kind == "int_from_float":
        return f"phải là số nguyên (không có phần thập phân), không phải {value}"
    if kind in ("float_type", "float_parsing"):
        return f"phải là một số, không phải {_type_word(value)} “{value}”"
    if kind in ("bool_type", "bool_parsing"):
        return f"phải là true hoặc false, không phải “{value}”"
    if kind == "string_too_long":
        return f"chuỗi dài hơn giới hạn {ctx.get('max_length')} ký tự"
    if kind in ("string_too_short",):
        return "không được để trống"
    return f"giá trị không hợp lệ (mã lỗi {kind})"


def _number(value: Any) -> str:
    """100.0 → "100"; 12.5 → "12,5" (Vietnamese decimal comma)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).replace(".", ",")


def _problems_from_validation(exc: ValidationError, tree: Any, path: str, root: type[BaseModel] = Document) -> list[Problem]:
    problems: list[Problem] = []
    for error in exc.errors(include_url=False):
        loc = [p for p in error["loc"] if isinstance(p, (str, int))]
        if error["type"] == "extra_forbidden":
            parent = _walk(tree, loc[:-1])
            if isinstance(parent, CommentedMap) and loc[-1] not in parent:
                continue  # a key that is not a word (2024, ~): _key_problems reports it at the key
            where = _key_position(tree, loc, path)
            _, field_path = _position(tree, loc, path)
            model = _model_at(loc[:-1], root)
            key = str(loc[-1])
            allowed = _allowed_keys(model) if model else []
            hint = suggest(key, allowed)
            message = f"khóa không hợp lệ `{key}`"
            if hint:
                message += f" — có phải ý bạn là `{hint}`?"
            elif allowed:
                message += f"; các khóa được dùng ở đây: {', '.join(allowed)}"
            problems.append((Location(where.path, where.line, where.column, field_path), message))
            continue
        where, field_path = _position(tree, loc, path)
        if error["type"] == "missing" and loc:
            field_path = _join_path(_position(tree, loc[:-1], path)[1], str(loc[-1]))
        problems.append((Location(where.path, where.line, where.column, field_path), error_message(error, root)))
    return problems


def _join_path(parent: str, key: str) -> str:
    return f"{parent}.{key}" if parent else key


# ---------------------------------------------------------------- checks beyond the model


def _registry_problems(tree: Any, path: str, warnings: list[Problem]) -> list[Problem]:
    """Each ``can_cu[i].van_ban`` must be in the legal registry and citable on the spec's date.

    Unknown symbol → error with the closest known symbol (or the document a known wrong form
    stands for: "324/QĐ-HKHVN" → 324/QĐ-KHVN). Signed after the spec's ``ngay``, or repealed by
    then → error. An entry whose identity is not verified (low, not-found) → warning to verify.
    """
    bases = tree.get("can_cu") if isinstance(tree, Mapping) else None
    if not isinstance(bases, list):
        return []
    registry = load_registry()
    known = [e.symbol for e in registry.entries]
    on = _spec_date(tree)
    problems: list[Problem] = []
    for i, item in enumerate(bases):
        if not isinstance(item, Mapping) or not isinstance(item.get("van_ban"), str):
            continue
        symbol = clean_text(item["van_ban"])
        where, field_path = _position(tree, ["can_cu", i, "van_ban"], path)
        loc = Location(where.path, where.line, where.column, field_path)
        entry = registry.get(symbol)
        if entry is None:
            alias = registry.find_alias(symbol)
            hint = alias.symbol if alias else symbol_hint(symbol, known)
            message = f"văn bản “{symbol}” không có trong sổ đăng ký văn bản của docgen"
            if hint:
                message += f" — có phải ý bạn là `{hint}`?"
            message += (
                "; nếu đúng là một văn bản khác, hãy dẫn bằng khóa `noi_dung` thay cho `van_ban` và viết đủ "
                "tên loại, số và ký hiệu, ngày ban hành, cơ quan ban hành và trích yếu, ví dụ "
                "noi_dung: \"Quyết định số 123/QĐ-UBND ngày 15/01/2025 của Ủy ban nhân dân tỉnh … về …\""
            )
            problems.append((loc, message))
            continue
        if entry.confidence in ("low", "not-found"):
            warnings.append((loc, f"thông tin về văn bản “{entry.symbol}” trong sổ đăng ký chưa được xác minh (độ tin cậy: {entry.confidence}); hãy kiểm tra lại trước khi dẫn"))
        if on is None:
            if entry.status == "repealed":
                when = f" từ ngày {vi.date_short(entry.repealed_on)}" if entry.repealed_on else ""
                warnings.append((loc, f"văn bản “{entry.symbol}” đã hết hiệu lực{when}"))
            continue
        status = entry.status_on(on)
        if status is Status.NOT_YET_ISSUED:
            signed = f" (ký ngày {vi.date_short(entry.signed)})" if entry.signed else ""
            problems.append((loc, f"văn bản “{entry.symbol}”{signed} chưa được ban hành vào ngày {vi.date_short(on)} của văn bản này"))
        elif status is Status.REPEALED:
            when = f" từ ngày {vi.date_short(entry.repealed_on)}" if entry.repealed_on else ""
            problems.append((loc, f"văn bản “{entry.symbol}” đã hết hiệu lực{when}, không dùng làm căn cứ được"))
        elif status is Status.NOT_YET_EFFECTIVE and entry.effective:
            warnings.append((loc, f"văn bản “{entry.symbol}” đến ngày {vi.date_short(entry.effective)} mới có hiệu lực"))
    return problems


def symbol_hint(symbol: str, known: Sequence[str]) -> str | None:
    """A registry symbol that ``symbol`` is a slip of, or None: same type and issuer
    ("TT-BGDĐT"), and the same number with the year one keystroke off, or the same year with the
    number one keystroke off ("52/2023" for "25/2023"). Any other near-looking symbol is another
    document: suggesting "44/2014/TT-BGDĐT" for "99/2024/TT-BGDĐT" would mislead (issue 12)."""
    mine = _symbol_parts(symbol)
    if mine is None:
        return None
    found = []
    for candidate in known:
        theirs = _symbol_parts(candidate)
        if theirs is None or theirs[2] != mine[2] or theirs == mine:
            continue
        if (theirs[0] == mine[0] and _one_slip(theirs[1], mine[1])) or (theirs[1] == mine[1] and _one_slip(theirs[0], mine[0])):
            found.append(candidate)
    return found[0] if len(found) == 1 else None


def _symbol_parts(symbol: str) -> tuple[str, str, str] | None:
    """(number, year, type and issuer) of a symbol: ("25", "2023", "TTBGDDT") of
    "25/2023/TT-BGDĐT", ("1373", "", "QDTTG") of "1373/QĐ-TTg", ("49", "", "KLTW") of "49-KL/TW";
    None for other shapes."""
    parts = "".join(symbol.split()).split("/")
    head = parts[0]
    digits = len(head) - len(head.lstrip("0123456789"))
    if len(parts) < 2 or digits == 0:
        return None
    year = parts[1] if len(parts) == 3 and parts[1].isdigit() else ""
    rest = head[digits:] + "/" + "/".join(parts[2:] if year else parts[1:])
    return head[:digits], year, _ascii_fold(rest).replace("-", "").upper()


def _one_slip(a: str, b: str) -> bool:
    """True when ``b`` is ``a`` with one character changed, added, dropped, or two swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def _spec_date(tree: Mapping[str, Any]) -> dt.date | None:
    """The spec's ``ngay`` if it is a valid date (its own errors are reported by the model)."""
    value = tree.get("ngay")
    if not isinstance(value, str):
        return None
    try:
        return vi.parse_date(value)
    except vi.DateError:
        return None


def _texts(node: Any, loc: list[LocPart]) -> Iterator[tuple[list[LocPart], str]]:
    if isinstance(node, Mapping):
        for k, v in node.items():
            yield from _texts(v, [*loc, str(k)])
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _texts(v, [*loc, i])
    elif isinstance(node, str):
        yield loc, node


def _footnote_problems(tree: Any, path: str, warnings: list[Problem]) -> list[Problem]:
    """Every ``[^key]`` marker needs a ``chu_thich`` entry; an unused entry is a warning."""
    if not isinstance(tree, Mapping):
        return []
    notes = tree.get("chu_thich")
    defined = set(notes) if isinstance(notes, Mapping) else set()
    used: set[str] = set()
    problems: list[Problem] = []
    for loc, value in _texts(tree, []):
        if loc[:1] == ["chu_thich"]:
            continue
        for m in FOOTNOTE_MARKER.finditer(value):
            key = m.group(1)
            used.add(key)
            if key not in defined:
                where, field_path = _position(tree, loc, path)
                hint = suggest(key, sorted(str(d) for d in defined))
                message = f"chú thích [^{key}] chưa có trong chu_thich"
                if hint:
                    message += f" — có phải ý bạn là `[^{hint}]`?"
                problems.append((Location(where.path, where.line, where.column, field_path), message))
    for key in sorted(str(d) for d in defined - used):
        where = _key_position(tree, ["chu_thich", key], path)
        warnings.append((Location(where.path, where.line, where.column, f"chu_thich.{key}"), f"chú thích “{key}” không được dẫn ở đâu (thiếu dấu [^{key}])"))
    return problems


def _key_problems(node: Any, path: str) -> list[Problem]:
    """Keys must be words: ``2024: …`` or ``~: …`` is a mistake, reported at the key."""
    problems: list[Problem] = []
    if isinstance(node, CommentedMap):
        for key, value in node.items():
            if not isinstance(key, str):
                line, col = node.lc.key(key)
                shown = "trống" if key is None else f"“{key}”"
                problems.append((Location(path, line + 1, col + 1), f"khóa {shown} không hợp lệ: tên khóa phải là chữ không dấu, ví dụ muc_tieu"))
            problems += _key_problems(value, path)
    elif isinstance(node, CommentedSeq):
        for value in node:
            problems += _key_problems(value, path)
    return problems


def _structure_problems(tree: Any, path: str, warnings: list[Problem]) -> list[Problem]:
    """Signers against issuers (NĐ30 ô 7: each issuing body signs a joint document)."""
    if not isinstance(tree, Mapping):
        return []
    issuers, signers = tree.get("co_quan"), tree.get("nguoi_ky")
    n_issuers = len(issuers) if isinstance(issuers, list) else 1
    n_signers = len(signers) if isinstance(signers, list) else 1
    problems: list[Problem] = []
    if isinstance(signers, (list, Mapping)) and n_signers > n_issuers:
        where, field_path = _position(tree, ["nguoi_ky"], path)
        problems.append((Location(where.path, where.line, where.column, field_path), f"có {n_signers} người ký nhưng chỉ có {n_issuers} cơ quan ban hành"))
    elif isinstance(issuers, list) and n_signers < n_issuers:
        where, field_path = _position(tree, ["nguoi_ky"], path)
        warnings.append((Location(where.path, where.line, where.column, field_path), f"văn bản của {n_issuers} cơ quan thường có {n_issuers} người ký, mỗi cơ quan một người"))
    # An issued document names its signer (NĐ30 ô 7c); a draft may leave the name for later.
    if tree.get("du_thao") is not True:
        for i, signer in enumerate(signers if isinstance(signers, list) else [signers]):
            if isinstance(signer, Mapping) and "ho_ten" in signer and not str(signer.get("ho_ten") or "").strip():
                loc: list[LocPart] = ["nguoi_ky", i, "ho_ten"] if isinstance(signers, list) else ["nguoi_ky", "ho_ten"]
                where, field_path = _position(tree, loc, path)
                problems.append((Location(where.path, where.line, where.column, field_path),
                                 "văn bản ban hành phải ghi họ tên người ký; bản dự thảo thì ghi du_thao: true"))
    return problems


# ---------------------------------------------------------------- public API


def _sorted(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p[0].line, p[0].column))


def load_spec_data(data: Any, path: str | Path, warnings: list[Problem] | None = None) -> Document:
    """Validate already-parsed spec data (a ruamel tree keeps its positions; a dict has none).

    Raises :class:`SpecError` with every problem; appends things to verify to ``warnings``.
    """
    return validate_tree(data, str(path), Document, warnings, _DOCUMENT_CHECKS)


# The checks beyond the model that only a document spec has (a self-assessment has no căn cứ).
_DOCUMENT_CHECKS: Final = (_registry_problems, _footnote_problems, _structure_problems)


def validate_tree(
    data: Any, where: str, model: type[M], warnings: list[Problem] | None = None,
    checks: Sequence[Callable[[Any, str, list[Problem]], list[Problem]]] = (),
) -> M:
    """Validate a parsed spec tree into ``model``: every problem of the model and of ``checks``,
    each with file, line, column and field, in one :class:`SpecError`; things to verify are
    appended to ``warnings``. The one validation of every spec kind (issue 12)."""
    if data is None:
        raise SpecError([(Location(where, 1, 1), "tệp đặc tả trống")])
    if not isinstance(data, Mapping):
        line = data.lc.line + 1 if isinstance(data, CommentedSeq) else 1
        raise SpecError([(Location(where, line, 1), f"tệp đặc tả phải là một bảng khóa (các dòng “khóa: giá trị”), không phải {_type_word(_plain(data))}")])
    found: list[Problem] = []
    problems: list[Problem] = []
    for check in checks:
        problems += check(data, where, found)
    problems += _key_problems(data, where)
    problems += _value_characters(data, where, found)
    problems += _escape_problems(data, where)
    value: M | None = None
    try:
        value = model.model_validate(_plain(data))
    except ValidationError as exc:
        problems += _problems_from_validation(exc, data, where, model)
    if problems or value is None:
        raise SpecError(_sorted(problems))
    if warnings is not None:
        warnings.extend(_sorted(found))
    return value


def parse_spec_text(source: str, where: str, warnings: list[Problem]) -> Any:
    """The YAML tree of a spec's text (positions kept), refused before expansion when it breaks a
    limit or holds characters Word cannot (warnings for the characters replaced)."""
    if not source.strip() or all(not line.strip() or line.lstrip().startswith("#") for line in source.splitlines()):
        raise SpecError([(Location(where, 1, 1), "tệp đặc tả trống")])
    if len(source) > limits.SPEC_BYTES:
        raise SpecError([(Location(where, 1, 1), f"tệp đặc tả vượt giới hạn {limits.mib(limits.SPEC_BYTES)}")])
    source, problems = _source_characters(source, where, warnings)
    if problems:
        raise SpecError(problems)
    try:
        problems = _event_problems(source, where)
        if problems:
            raise SpecError(problems)
        return _yaml().load(source)
    except YAMLError as exc:
        raise SpecError([_yaml_problem(where, exc)]) from None


def load_spec_text(
    source: str, path: str | Path, warnings: list[Problem] | None = None, defaults: OfficeDefaults | None = None
) -> Document:
    """Parse YAML text and validate it (see :func:`load_spec_data`); ``defaults`` (an office's
    ``[mac_dinh]``) fill the top-level keys the spec leaves out or blank."""
    where = str(path)
    found: list[Problem] = []
    data = parse_spec_text(source, where, found)
    if defaults is not None:
        defaults.fill(data)  # the spec's own values win (issue 14, item 5)
    document = load_spec_data(data, where, warnings)
    if warnings is not None:
        warnings[:0] = found
    return document


def read_spec_file(path: Path) -> str:
    """The text of a spec file: only a regular file within the size limit, UTF-8 (or UTF-16 with
    a BOM); a legacy TCVN3/VNI text or other bytes are a SpecError naming the encoding."""
    where = str(path)
    try:
        # only regular files: a FIFO blocks and /dev/zero never ends (issue 9)
        refused = limits.regular_file_problem(path) or limits.too_big_problem(path, limits.SPEC_BYTES)
        if refused is not None:
            raise SpecError([(Location(where), refused)])
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise SpecError([(Location(where), "không tìm thấy tệp đặc tả")]) from None
    except IsADirectoryError:
        raise SpecError([(Location(where), "đây là thư mục, không phải tệp đặc tả")]) from None
    except OSError as exc:
        raise SpecError([(Location(where), f"không đọc được tệp đặc tả ({exc.strerror})")]) from None
    return _decode(raw, where)


def load_spec(path: Path, warnings: list[Problem] | None = None, config: Path | None = None) -> Document:
    """Read, parse and validate a YAML spec file, with the office defaults of ``config`` or of
    the docgen.toml found walking up from the spec's folder (:mod:`docgen.spec.office`).

    Raises :class:`SpecError` (every problem, each with file, line, column and field) for a
    missing, unreadable, legacy-encoded, empty, malformed or invalid spec. Things that are
    valid but should be verified (a registry entry of low confidence, an unused footnote) are
    appended to ``warnings`` when a list is given.
    """
    source = read_spec_file(path)
    defaults = load_office_defaults(Path(path).parent, config)
    return load_spec_text(source, str(path), warnings, defaults)


def load_model(path: Path, model: type[M], warnings: list[Problem] | None = None) -> tuple[M, Any]:
    """Read, parse and validate a spec file of another kind (a self-assessment: ``model`` is
    :class:`docgen.dossier.spec.SelfAssessment`) exactly as :func:`load_spec` does a document:
    the same limits, encodings, messages, positions and key suggestions. Returns the value and
    its YAML tree (for the positions of later, semantic problems: :func:`position_of`)."""
    where = str(path)
    found: list[Problem] = []
    tree = parse_spec_text(read_spec_file(path), where, found)
    value = validate_tree(tree, where, model, warnings)
    if warnings is not None:
        warnings[:0] = found
    return value, tree


def position_of(tree: Any, loc: Sequence[LocPart], path: str) -> Location:
    """File, line, column and field path of ``loc`` in a parsed spec tree."""
    where, field_path = _position(tree, loc, path)
    return Location(where.path, where.line, where.column, field_path)


# YAML escapes ("\\n" in "ỦY BAN NHÂN DÂN\\nTỈNH …") and capitals (UBND, BGDĐT) are not prose;
# left in, they make valid Unicode Vietnamese look like a legacy encoding to the detector.
_NOT_PROSE: Final = re.compile(r"\\[nrt\"\\]|\b[^\W\d_a-zà-ỹđ]{2,}\b")


def _decode(raw: bytes, where: str) -> str:
    """UTF-8 text of a spec; legacy TCVN3/VNI or other bytes become a SpecError."""
    try:
        text: str | None = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = None
    if text is None or "\x00" in text:
        # UTF-16 with a BOM (Windows Notepad "Unicode") is decoded; anything else raises an
        # InputError that names the encoding (TCVN3, VNI) when it recognises it.
        try:
            text = vtext.decode_bytes(raw, where)
        except InputError as exc:
            raise SpecError([(exc.location or Location(where), exc.message)]) from None
    legacy = vtext.detect_legacy(_NOT_PROSE.sub(" ", text))
    if legacy is not None:
        raise SpecError([(Location(where), vtext.legacy_message(legacy))])
    return text
