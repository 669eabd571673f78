"""Office defaults (issue 14, item 5): what an office writes the same in every spec.

``docgen.toml`` is docgen's one settings file. Its top-level keys (``select``, ``ignore``,
``fail-on``) are the checker's (:mod:`docgen.check.config`); its table ``[mac_dinh]`` holds the
office's defaults, under the spec's own keys::

    [mac_dinh]
    dia_danh = "Yên Phong"
    noi_nhan = ["UBND huyện Yên Mô (b/c)", "Đảng ủy, HĐND xã"]
    luu = "VT, VHXH"
    thu_muc_mau = "mau"            # templates folder, relative to docgen.toml

    [[mac_dinh.co_quan]]
    ten = "ỦY BAN NHÂN DÂN\\nXÃ YÊN PHONG"
    viet_tat = "UBND"

    [mac_dinh.nguoi_ky]
    tm = "ỦY BAN NHÂN DÂN"
    chuc_vu = "CHỦ TỊCH"
    ho_ten = "Nguyễn Văn An"

A spec's own value wins: a default fills a top-level key only when the spec leaves it out (or
blank). The file is the first ``docgen.toml`` (or ``pyproject.toml`` with ``[tool.docgen]``)
found walking up from the spec's folder, or the one named by ``--config``. The defaults are
checked when the file is read, against the spec's own models, and a mistake names the file and
the key (a :class:`~docgen.errors.UsageError`, exit 2).

This module sits in ``spec/`` because the loader needs it and ``spec/`` imports nothing from
``check/``; the checker reads the same file through :func:`find_config_file`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from docgen.errors import Location, UsageError

SECTION: Final = "mac_dinh"
TEMPLATES_KEY: Final = "thu_muc_mau"
# spec keys an office may set once for all its documents
SPEC_KEYS: Final = ("co_quan", "dia_danh", "nguoi_ky", "kinh_gui", "noi_nhan", "luu")
# kinds addressed to someone ("Kính gửi"): a plan or a decision has no addressee line
ADDRESSED_KINDS: Final = ("cong-van", "to-trinh", "bao-cao")


@dataclass(frozen=True)
class OfficeDefaults:
    """The ``[mac_dinh]`` table of a settings file: spec values and the templates folder."""

    values: Mapping[str, Any] = field(default_factory=dict)  # spec key → plain value
    templates: Path | None = None
    source: str | None = None  # the file they were read from

    def fill(self, spec: Any) -> list[str]:
        """Put each default into ``spec`` (a mapping, ruamel's or a dict) where the spec has no
        value of its own (``kinh_gui`` only for a công văn, tờ trình or báo cáo); the keys
        filled, in order."""
        filled: list[str] = []
        if not isinstance(spec, dict):
            return filled
        for key, value in self.values.items():
            if key == "kinh_gui" and spec.get("loai") not in ADDRESSED_KINDS:
                continue
            if spec.get(key) is None:
                spec[key] = _copy(value)
                filled.append(key)
        return filled


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


def find_config_file(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest docgen.toml, or pyproject.toml with [tool.docgen], at or above ``start``,
    with its docgen table."""
    for folder in (start, *start.parents):
        own = folder / "docgen.toml"
        if own.is_file():
            data = read_toml(own)
            return own, dict(data.get("docgen", data))
        project = folder / "pyproject.toml"
        if project.is_file():
            table = read_toml(project).get("tool", {}).get("docgen")
            if isinstance(table, dict):
                return project, table
    return None


def settings_table(path: Path) -> dict[str, Any]:
    """docgen's table of a settings file named on the command line: ``[tool.docgen]`` of a
    pyproject.toml, else the file's ``[docgen]`` table or the whole file."""
    data = read_toml(path)
    table = data.get("tool", {}).get("docgen", {}) if path.name == "pyproject.toml" else data.get("docgen", data)
    return dict(table) if isinstance(table, dict) else {}


def read_toml(path: Path) -> dict[str, Any]:
    import tomllib  # only when there is a file to read: most checks have none (issue 10)

    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"tệp cấu hình không đúng cú pháp TOML ({exc})", Location(str(path))) from None
    except UnicodeDecodeError as exc:
        raise UsageError(
            f"tệp cấu hình không phải UTF-8 (byte lạ ở vị trí {exc.start}); hãy lưu lại dưới dạng Unicode (UTF-8)", Location(str(path))
        ) from None
    except IsADirectoryError:
        raise UsageError("đây là thư mục, không phải tệp cấu hình", Location(str(path))) from None
    except FileNotFoundError:
        raise UsageError("không tìm thấy tệp cấu hình", Location(str(path))) from None
    except OSError as exc:
        raise UsageError(f"không đọc được tệp cấu hình ({exc.strerror})", Location(str(path))) from None


def office_defaults(table: Mapping[str, Any], path: Path) -> OfficeDefaults:
    """The ``[mac_dinh]`` table of ``table`` (read from ``path``), checked key by key."""
    raw = table.get(SECTION)
    if raw is None:
        return OfficeDefaults(source=str(path))
    where = str(path)
    if not isinstance(raw, dict):
        raise UsageError(f"“{SECTION}” phải là một bảng [{SECTION}]", Location(where, field=SECTION))
    allowed = (*SPEC_KEYS, TEMPLATES_KEY)
    for key in raw:
        if key not in allowed:
            from docgen.spec.loader import suggest

            hint = suggest(key, allowed)
            extra = f" — có phải ý bạn là “{hint}”?" if hint else f" (chỉ có {', '.join(allowed)})"
            raise UsageError(f"khóa không hợp lệ “{key}” trong [{SECTION}]{extra}", Location(where, field=f"{SECTION}.{key}"))
    values = {k: raw[k] for k in SPEC_KEYS if k in raw}
    _validate(values, where)
    templates = raw.get(TEMPLATES_KEY)
    folder: Path | None = None
    if templates is not None:
        if not isinstance(templates, str) or not templates.strip():
            raise UsageError(f"“{TEMPLATES_KEY}” phải là đường dẫn thư mục mẫu", Location(where, field=f"{SECTION}.{TEMPLATES_KEY}"))
        folder = (path.parent / templates).resolve()
        if not folder.is_dir():
            raise UsageError(f"không có thư mục mẫu {folder}", Location(where, field=f"{SECTION}.{TEMPLATES_KEY}"))
    return OfficeDefaults(values, folder, where)


def _validate(values: Mapping[str, Any], where: str) -> None:
    """Each default checked against the spec model's own field (pydantic), as the spec would be."""
    from pydantic import TypeAdapter, ValidationError

    from docgen.spec.models import Issuer, Signer

    types: dict[str, Any] = {
        "co_quan": list[Issuer],
        "dia_danh": str,
        "nguoi_ky": Signer | list[Signer],
        "kinh_gui": list[str],
        "noi_nhan": list[str],
        "luu": str,
    }
    for key, value in values.items():
        try:
            TypeAdapter(types[key]).validate_python(value)
        except ValidationError as exc:
            first = exc.errors()[0]
            loc = ".".join(str(p) for p in first["loc"] if not str(p).startswith(("Signer", "list[")))
            detail = _error_word(first)
            at = f"{SECTION}.{key}" + (f".{loc}" if loc else "")
            raise UsageError(f"giá trị mặc định “{at}” không hợp lệ: {detail}", Location(where, field=at)) from None


def _error_word(error: Any) -> str:
    kind = error.get("type", "")
    if kind == "missing":
        return "thiếu khóa bắt buộc"
    if kind == "extra_forbidden":
        return "khóa không hợp lệ"
    if kind in ("string_type", "list_type", "model_type", "dict_type"):
        return "sai kiểu giá trị"
    return str(error.get("msg", "không hợp lệ"))


def load_office_defaults(start: Path | None = None, config: Path | None = None) -> OfficeDefaults:
    """The defaults of ``config`` (a file named by --config) or of the settings file found
    walking up from ``start``; empty when there is none."""
    if config is not None:
        return office_defaults(settings_table(config), config)
    if start is None:
        return OfficeDefaults()
    found = find_config_file(start.resolve())
    if found is None:
        return OfficeDefaults()
    path, table = found
    return office_defaults(table, path)


def office_templates(specs: Sequence[Path], config: Path | None = None) -> Path | None:
    """The templates folder (``thu_muc_mau``) of ``config``, or of the settings file above the
    first of ``specs`` that has one: ``docgen render`` uses it when ``--templates`` is not given."""
    for spec in specs:
        folder = load_office_defaults(Path(spec).parent, config).templates
        if folder is not None:
            return folder
    return None
