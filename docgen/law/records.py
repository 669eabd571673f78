"""The law data as frozen dataclasses: built from the packaged YAML at run time, validated by
pydantic in the tests.

``docgen check`` reads registry.yaml, tt25.yaml and timeline.yaml at every start. Importing pydantic
and building the schemas of their twenty models took about 0.15 s of a 0.45 s check of a one-line
draft (issue 10), to validate data that only changes with docgen itself. So the records are plain
frozen dataclasses and :func:`build` turns the parsed YAML into them (nested records, tuples,
dicts, optional values) with no coercion; :func:`validate` runs pydantic over the same classes
(types, literals, unknown keys, each class's ``__post_init__`` checks), and tests/law runs it
on every data file and requires the two to agree. A data file edited by hand without running the
tests still fails loudly at run time on an unknown or missing key.

:func:`cached` keeps the built records in the user's cache folder (``$XDG_CACHE_HOME/docgen``,
``~/.cache/docgen`` when unset; ``DOCGEN_CACHE=0`` turns it off), keyed by the exact bytes of the
data files, docgen's version and Python's: parsing the YAML again at every start cost another
0.1 s. A stale, corrupt or unreadable cache entry is never used: the YAML is read instead.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import pickle
import sys
import types
import typing
from pathlib import Path
from collections.abc import Callable
from typing import Any, TypeVar, Union

from docgen.cache import cache_dir, store

T = TypeVar("T")

_Convert = Callable[[Any, str], Any] | None


class DataError(ValueError):
    """A packaged data file does not have the shape of its records (a docgen bug, not the user's)."""


def build(cls: type[T], raw: Any, where: str = "") -> T:
    """``cls`` built from ``raw`` (a mapping of field names), nested records included."""
    if not isinstance(raw, dict):
        raise DataError(f"{where or cls.__name__}: expected a mapping, got {type(raw).__name__}")
    plan, required = _plan(typing.cast(type, cls))
    unknown = raw.keys() - plan.keys()
    if unknown:
        raise DataError(f"{where or cls.__name__}: unknown keys {sorted(unknown)}")
    missing = required - raw.keys()
    if missing:
        raise DataError(f"{where or cls.__name__}: missing keys {sorted(missing)}")
    kwargs = {}
    for name, value in raw.items():
        convert = plan[name]
        kwargs[name] = value if convert is None or value is None else convert(value, f"{where}.{name}" if where else name)
    try:
        return cls(**kwargs)
    except (TypeError, ValueError) as exc:
        raise DataError(f"{where or cls.__name__}: {exc}") from exc


# The modules whose dataclasses are cached (their source is part of the cache key).
_RECORD_MODULES: tuple[str, ...] = ("records.py", "registry.py", "tt25.py", "timeline.py")


def cached(name: str, sources: tuple[bytes, ...], make: Callable[[], T]) -> T:
    """``make()``, or its result from a former run made from exactly these ``sources``."""
    from docgen import __version__

    folder = cache_dir()
    if folder is None:
        return make()
    key = hashlib.sha256(repr((__version__, sys.version_info[:2], name)).encode())
    for source in sources:
        key.update(hashlib.sha256(source).digest())
    try:
        # the classes' code too: a record that gains a field must not be read from an old pickle
        for module in _RECORD_MODULES:
            key.update(hashlib.sha256(Path(__file__).with_name(module).read_bytes()).digest())
    except OSError:
        return make()
    path = folder / f"{name}-{key.hexdigest()[:32]}.pickle"
    try:
        with path.open("rb") as fh:
            found: T = pickle.load(fh)  # noqa: S301 - docgen's own file, in the user's own cache
        return found
    except Exception:  # noqa: BLE001 - missing, stale, corrupt or unreadable: build it again
        pass
    value = make()
    _store(path, value)
    return value


def _store(path: Path, value: Any) -> None:
    """Keep the pickle for the next run; a record that cannot be pickled is simply not kept."""
    try:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except pickle.PicklingError:
        return
    store(path, data)


def validate(cls: type[T], raw: Any) -> T:
    """``cls`` validated by pydantic (for tests and tools: imports pydantic)."""
    return typing.cast(T, _adapter(typing.cast(type, cls)).validate_python(raw))


@functools.cache
def _adapter(cls: type[Any]) -> Any:
    from pydantic import ConfigDict, TypeAdapter

    _forbid_extra(cls, ConfigDict(extra="forbid"), set())
    return TypeAdapter(cls)


def _forbid_extra(cls: type[Any], config: Any, seen: set[type[Any]]) -> None:
    """pydantic reads a stdlib dataclass's config from ``__pydantic_config__``: no unknown keys."""
    if cls in seen:
        return
    seen.add(cls)
    cls.__pydantic_config__ = config
    for hint in typing.get_type_hints(cls).values():
        for inner in _records_in(hint):
            _forbid_extra(inner, config, seen)


def _records_in(hint: Any) -> list[type[Any]]:
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return [hint]
    return [r for arg in typing.get_args(hint) for r in _records_in(arg)]


@functools.cache
def _plan(cls: type[Any]) -> tuple[dict[str, _Convert], frozenset[str]]:
    """For each init field: how to convert its raw value; and the fields without a default."""
    hints = typing.get_type_hints(cls)
    plan: dict[str, _Convert] = {}
    required: set[str] = set()
    for f in dataclasses.fields(cls):
        if not f.init:
            continue
        plan[f.name] = _converter(hints[f.name])
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            required.add(f.name)
    return plan, frozenset(required)


def _converter(hint: Any) -> _Convert:
    """A function turning a raw value (at ``where``) into ``hint``'s type, or None when the value
    is taken as is."""
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        record = hint
        return lambda value, where: build(record, value, where)
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is tuple:
        item = _converter(args[0])
        if item is None:
            return lambda value, where: tuple(value)
        convert_item = item
        return lambda value, where: tuple(convert_item(v, f"{where}[{i}]") for i, v in enumerate(value))
    if origin is dict:
        item = _converter(args[1])
        if item is None:
            return None
        convert_value = item
        return lambda value, where: {k: convert_value(v, f"{where}.{k}") for k, v in value.items()}
    if origin in (Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        return _converter(options[0]) if len(options) == 1 else None
    return None
