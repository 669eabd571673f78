"""Checker configuration: which rules run (``select`` / ``ignore``) and what fails (``fail-on``).

Read from the command line and from the first of these found walking up from the working
directory: ``docgen.toml`` (top-level keys) or ``pyproject.toml`` (table ``[tool.docgen]``)::

    [tool.docgen]
    select = ["REF", "FMT"]     # codes or family prefixes; default: every rule
    ignore = ["FMT027"]
    fail-on = "warning"         # error (default) | warning | info

The same file's table ``[mac_dinh]`` holds an office's defaults for specs (issuer, place,
signer, recipients, templates folder): :mod:`docgen.spec.office` reads it; here it is only let
through. ``--config FILE`` names the file instead of the search.

Command-line ``--select`` replaces the file's ``select``; ``--ignore`` adds to its ``ignore``.
As in ruff, the most specific selector wins: ``select = ["FMT"]`` with ``ignore = ["FMT0"]``
drops FMT001–FMT099; ``--select FMT027`` brings one back. On a tie, ignore wins.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docgen.check.model import Finding, Severity
from docgen.check.patterns import codes
from docgen.errors import Location, UsageError
from docgen.spec.office import SECTION as DEFAULTS_SECTION
from docgen.spec.office import find_config_file, settings_table

__all__ = ["CheckConfig", "find_config_file", "load_config", "split_selectors"]

SELECTOR_RE = codes.SELECTOR
FAIL_ON = {"error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO}


@dataclass(frozen=True)
class CheckConfig:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: Severity = Severity.ERROR
    source: str | None = None  # the config file that was read, if any

    def enabled(self, code: str) -> bool:
        best_select = max((len(s) for s in self.select if code.startswith(s)), default=-1)
        best_ignore = max((len(s) for s in self.ignore if code.startswith(s)), default=-1)
        if not self.select:
            best_select = max(best_select, 0)
        return best_select > best_ignore

    def fails(self, findings: Iterable[Finding]) -> bool:
        """True when some finding is at or above ``fail_on``."""
        return any(f.severity.rank >= self.fail_on.rank for f in findings)


def split_selectors(values: Iterable[str]) -> tuple[str, ...]:
    """``("FMT,STR001", "REF")`` → ``("FMT", "STR001", "REF")``."""
    out: list[str] = []
    for value in values:
        out.extend(v.strip().upper() for v in value.split(",") if v.strip())
    return tuple(out)


def _validate(selectors: Sequence[str], where: Location, known: Iterable[str]) -> None:
    codes = list(known)
    for s in selectors:
        if not SELECTOR_RE.match(s) or not any(c.startswith(s) for c in codes):
            raise UsageError(f"không có quy tắc nào mang mã “{s}” (xem: docgen rules)", where)


def _list(table: dict[str, Any], key: str, path: Path) -> tuple[str, ...]:
    value = table.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise UsageError(f"“{key}” phải là danh sách mã quy tắc, ví dụ [\"FMT\", \"REF002\"]",
                         Location(str(path), field=key))
    return split_selectors(value)


def load_config(
    cwd: Path | None = None,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    fail_on: str | None = None,
    known_codes: Iterable[str] | None = None,
    config: Path | None = None,
) -> CheckConfig:
    """Merge the config file (if any) with command-line values; unknown codes are a UsageError."""
    if known_codes is None:
        from docgen.check.rules.base import all_rules

        known_codes = [r.code for r in all_rules()]
    known = list(known_codes)
    file_select: tuple[str, ...] = ()
    file_ignore: tuple[str, ...] = ()
    file_fail: str | None = None
    source: str | None = None
    found: tuple[Path, dict[str, Any]] | None
    if config is not None:
        found = (config, settings_table(config))
    else:
        found = find_config_file((cwd or Path.cwd()).resolve())
    if found:
        path, table = found
        source = str(path)
        unknown = sorted(set(table) - {"select", "ignore", "fail-on", "fail_on", DEFAULTS_SECTION})
        if unknown:
            raise UsageError(f"khóa cấu hình không hợp lệ “{unknown[0]}” (chỉ có select, ignore, fail-on và bảng [{DEFAULTS_SECTION}])",
                             Location(str(path), field=unknown[0]))
        file_select = _list(table, "select", path)
        file_ignore = _list(table, "ignore", path)
        _validate(file_select + file_ignore, Location(str(path)), known)
        raw = table.get("fail-on", table.get("fail_on"))
        if raw is not None:
            if raw not in FAIL_ON:
                raise UsageError(f"“fail-on” phải là error, warning hoặc info, không phải “{raw}”",
                                 Location(str(path), field="fail-on"))
            file_fail = str(raw)
    cli_select = split_selectors(select)
    cli_ignore = split_selectors(ignore)
    _validate(cli_select + cli_ignore, Location("dòng lệnh"), known)
    level = fail_on or file_fail or "error"
    if level not in FAIL_ON:
        raise UsageError(f"--fail-on phải là error, warning hoặc info, không phải “{level}”")
    return CheckConfig(
        select=cli_select or file_select,
        ignore=file_ignore + cli_ignore,
        fail_on=FAIL_ON[level],
        source=source,
    )
