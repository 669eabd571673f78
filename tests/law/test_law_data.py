"""The law data files are validated by pydantic here, once, instead of at every `docgen check`
start (issue 10): the records docgen builds at run time must be exactly the validated ones, and
the validation must refuse what a careless edit of a data file would bring in."""

from __future__ import annotations

import copy
import subprocess
import sys
from pathlib import Path
from typing import Any

import pydantic
import pytest

from docgen.law import records
from docgen.law.registry import RegistryFile, load_registry, read_data, registry_data
from docgen.law.timeline import TimelineData, load_timeline
from docgen.law.tt25 import Tt25Map, load_tt25

ROOT = Path(__file__).resolve().parents[2]

FILES: list[tuple[str, type[Any], Any]] = [
    ("registry.yaml", RegistryFile, registry_data),
    ("tt25.yaml", Tt25Map, lambda: read_data("tt25.yaml")),
    ("timeline.yaml", TimelineData, lambda: read_data("timeline.yaml")),
]


@pytest.mark.parametrize(("name", "cls", "raw"), FILES, ids=[f[0] for f in FILES])
def test_runtime_records_equal_the_validated_ones(name: str, cls: type[Any], raw: Any) -> None:
    validated = records.validate(cls, raw())
    built = records.build(cls, raw(), name)
    assert built == validated


def test_loaders_give_the_validated_data() -> None:
    registry = records.validate(RegistryFile, registry_data())
    assert load_registry().entries == registry.documents
    assert load_tt25() == records.validate(Tt25Map, read_data("tt25.yaml"))
    timeline = records.validate(TimelineData, read_data("timeline.yaml"))
    assert sorted(load_timeline().regimes, key=lambda r: r.id) == sorted(timeline.regimes, key=lambda r: r.id)
    assert load_timeline().milestones == timeline.milestones


def _registry_with(change: Any) -> Any:
    raw = copy.deepcopy(registry_data())
    change(raw["documents"][0])
    return raw


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update(unknown_key="x"),  # a typo in a key
        lambda d: d.update(status="valid"),  # not a status
        lambda d: d["source"].update(confidence="sure"),  # not a confidence label
        lambda d: d.update(signed="27/12/2023"),  # a date written as text
        lambda d: d.pop("symbol"),  # a required field missing
        lambda d: d.update(effective=d["signed"].replace(year=d["signed"].year - 1)),  # effective before signed
        lambda d: d.update(symbol="25/2023/TT- BGDĐT"),  # symbol not in normal form
    ],
    ids=["unknown-key", "status", "confidence", "date-as-text", "missing-symbol", "effective-before-signed", "symbol-form"],
)
def test_validation_refuses_a_broken_registry_entry(change: Any) -> None:
    with pytest.raises((pydantic.ValidationError, ValueError)):
        records.validate(RegistryFile, _registry_with(change))


@pytest.mark.parametrize(
    "change", [lambda d: d.update(unknown_key="x"), lambda d: d.pop("symbol")], ids=["unknown-key", "missing-key"]
)
def test_runtime_build_refuses_unknown_and_missing_keys(change: Any) -> None:
    with pytest.raises(records.DataError, match=r"registry.yaml.documents\[0\]: (unknown|missing) keys"):
        records.build(RegistryFile, _registry_with(change), "registry.yaml")


def test_tt25_articles_out_of_order_are_refused() -> None:
    raw = copy.deepcopy(read_data("tt25.yaml"))
    raw["articles"][0], raw["articles"][1] = raw["articles"][1], raw["articles"][0]
    with pytest.raises((pydantic.ValidationError, ValueError), match="articles must be"):
        records.validate(Tt25Map, raw)


def test_check_of_a_text_draft_does_not_import_pydantic(tmp_path: Path) -> None:
    """What the records are for: a check starts without pydantic's import and schema building."""
    draft = tmp_path / "a.txt"
    draft.write_text("Căn cứ Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023 của Bộ trưởng Bộ Giáo dục và Đào tạo.\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from docgen.check.config import CheckConfig\n"
        "from docgen.check.runner import check_paths\n"
        f"findings = check_paths([{str(draft)!r}], CheckConfig())\n"
        "print(len(findings), 'pydantic' in sys.modules)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True,
                         env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert run.stdout.split()[-1] == "False", run.stdout + run.stderr


# ------------------------------------------------------------------------------ the record cache


def _counting(value: Any) -> tuple[list[int], Any]:
    calls: list[int] = []

    def make() -> Any:
        calls.append(1)
        return value

    return calls, make


def test_cached_records_are_built_once_then_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    calls, make = _counting({"a": (1, 2)})
    assert records.cached("t", (b"data",), make) == {"a": (1, 2)}
    assert records.cached("t", (b"data",), make) == {"a": (1, 2)}
    assert len(calls) == 1
    assert len(list((tmp_path / "docgen").glob("t-*.pickle"))) == 1
    # other source bytes: another entry, built again
    assert records.cached("t", (b"changed",), make) == {"a": (1, 2)}
    assert len(calls) == 2


def test_a_corrupt_cache_entry_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    calls, make = _counting([1])
    records.cached("t", (b"x",), make)
    (entry,) = (tmp_path / "docgen").glob("t-*.pickle")
    entry.write_bytes(b"\x80\x05garbage")
    assert records.cached("t", (b"x",), make) == [1]
    assert len(calls) == 2
    assert records.cached("t", (b"x",), make) == [1] and len(calls) == 2  # repaired


def test_cache_off_or_unwritable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("DOCGEN_CACHE", "0")
    calls, make = _counting("v")
    assert records.cached("t", (b"x",), make) == "v" and records.cached("t", (b"x",), make) == "v"
    assert len(calls) == 2 and not (tmp_path / "docgen").exists()
    monkeypatch.delenv("DOCGEN_CACHE")
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert records.cached("t", (b"x",), make) == "v"


def test_law_loaders_read_the_same_records_from_the_cache(tmp_path: Path) -> None:
    """Two fresh processes: the first builds and stores the records, the second reads them."""
    code = (
        "from docgen.law.registry import load_registry\n"
        "from docgen.law.tt25 import load_tt25\n"
        "from docgen.law.timeline import load_timeline\n"
        "import pickle, sys\n"
        "sys.stdout.buffer.write(pickle.dumps((load_registry().entries, load_tt25(), load_timeline())))\n"
    )
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "XDG_CACHE_HOME": str(tmp_path)}
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=ROOT, check=True, env=env).stdout
    assert len(list((tmp_path / "docgen").glob("*.pickle"))) == 3
    second = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=ROOT, check=True, env=env).stdout
    import pickle

    assert pickle.loads(second) == pickle.loads(first) == (load_registry().entries, load_tt25(), load_timeline())
