"""Legal registry: the documents that CĐHT plans cite, loaded from ``law/data/registry.yaml``.

Every entry carries its ``source`` and ``confidence`` (tt25.md §0 labels). Only this module
opens the packaged data files; :func:`read_data` is shared with ``tt25.py`` and ``timeline.py``.

Symbols are looked up tolerantly (:func:`normalize_symbol`): drafts write "25/2023/TT- BGDĐT",
"25/2023/TTBGDĐT" (seed 000) or "BGDDT"; all of them find the same entry. Known *wrong* forms
that name another document ("324/QĐ-HKHVN" for "324/QĐ-KHVN") are found by
:meth:`Registry.find_alias` only, so a checker can tell a typo from a spelling variant.

The file also holds one table shared by every entry, ``issuer_abbreviations``: how drafts shorten
an organisation's name after "của" ("Bộ GD&ĐT", "UBND tỉnh"). :meth:`Registry.expand_abbreviation`
looks one up, tolerant of "&", "-", spaces and case (:func:`abbreviation_key`).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any, Literal

from docgen import vi
from docgen.law.records import build, cached

Confidence = Literal["high", "medium", "low", "not-found"]
VERIFIED: frozenset[str] = frozenset({"high", "medium"})


# The packaged data files, beside this module (an installed wheel unpacks them there too; the
# files are read at every check start, and importlib.resources cost 10 ms of it to import).
DATA_DIR = Path(__file__).with_name("data")


def data_bytes(name: str) -> bytes:
    """The raw bytes of one packaged data file (the key of its cached records)."""
    return (DATA_DIR / name).read_bytes()


def read_data(name: str) -> Any:
    """Parse one packaged YAML file of ``docgen/law/data`` (safe loader: dates become ``date``).

    PyYAML's C loader, not ruamel.yaml: these files carry no user positions, and the pure-Python
    parser took ~1.5 s of every ``docgen check`` start (bench/check.py). The data is written so
    that YAML 1.1 and 1.2 read it the same (tests/law compare both).
    """
    import yaml  # only when the cached records cannot be used (docgen.law.records.cached)

    text = (DATA_DIR / name).read_text(encoding="utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader


@dataclass(frozen=True, kw_only=True)
class Source:
    """Where a fact comes from and how sure we are (tt25.md §0)."""

    ref: str
    confidence: Confidence

    @property
    def verified(self) -> bool:
        """True for high or medium: a fact the checker may assert; otherwise it warns to verify."""
        return self.confidence in VERIFIED


@dataclass(frozen=True, kw_only=True)
class WrongForm:
    """A known mistake in citing this document (a wrong symbol, issuer, date or title)."""

    field: Literal["symbol", "issuer", "date", "title"]
    value: str
    note: str


@dataclass(frozen=True, kw_only=True)
class IssuerAbbreviation:
    """A short form of words in an organisation's name: "GDĐT" for "Giáo dục và Đào tạo"."""

    short: str
    long: str
    source: Source


class Status(str, Enum):
    """Legal status of a document on a given day."""

    IN_FORCE = "in-force"
    NOT_YET_ISSUED = "not-yet-issued"
    NOT_YET_EFFECTIVE = "not-yet-effective"
    REPEALED = "repealed"
    UNKNOWN = "unknown"

    @property
    def label(self) -> str:
        """Vietnamese wording for reports and the CLI."""
        return _STATUS_LABELS[self]


_STATUS_LABELS: dict[Status, str] = {
    Status.IN_FORCE: "còn hiệu lực",
    Status.NOT_YET_ISSUED: "chưa ban hành",
    Status.NOT_YET_EFFECTIVE: "chưa có hiệu lực",
    Status.REPEALED: "hết hiệu lực",
    Status.UNKNOWN: "chưa xác minh",
}

CurrentStatus = Literal["in-force", "repealed", "historic", "unknown"]
Kind = Literal["thong-tu", "nghi-dinh", "quyet-dinh", "ket-luan", "chi-thi", "ke-hoach", "nghi-quyet", "cong-van"]


@dataclass(frozen=True, kw_only=True)
class RegistryEntry:
    """One document of the registry. Dates are ``None`` where the sources do not give them.

    ``date_confidence``, ``effective_confidence`` and ``title_confidence`` default to the entry's
    own confidence (:func:`prepare_entry` fills them in before the record is built)."""

    id: str
    symbol: str
    aliases: tuple[str, ...] = ()
    wrong_forms: tuple[WrongForm, ...] = ()
    kind: Kind
    kind_name: str
    issuer: str
    signer_title: str
    signer_name: str | None = None
    signed: dt.date | None
    effective: dt.date | None = None
    date_hint: dt.date | None = None
    date_confidence: Confidence
    effective_confidence: Confidence
    title: str | None
    title_confidence: Confidence
    subject: str | None = None
    cite_as: str | None = None
    status: CurrentStatus
    repealed_on: dt.date | None = None
    repealed_by: str | None = None
    replaced_by: str | None = None
    amended_by: tuple[str, ...] = ()
    affected_by: tuple[str, ...] = ()
    repeals: tuple[str, ...] = ()
    examples: tuple[str, ...]
    note: str | None = None
    source: Source

    def __post_init__(self) -> None:
        if self.signed and self.effective and self.effective < self.signed:
            raise ValueError(f"{self.id}: effective {self.effective} before signed {self.signed}")
        if self.signed and self.repealed_on and self.repealed_on < self.signed:
            raise ValueError(f"{self.id}: repealed {self.repealed_on} before signed {self.signed}")
        if self.symbol != normalize_symbol(self.symbol):
            raise ValueError(f"{self.id}: symbol {self.symbol!r} is not in normal form")

    @property
    def confidence(self) -> Confidence:
        """Confidence of the entry as a whole (its identity: number, issuer, title)."""
        return self.source.confidence

    @property
    def in_force_from(self) -> dt.date | None:
        """The effective date, or the signing date when no effective date is known (inferred)."""
        return self.effective or self.signed

    @property
    def year(self) -> int | None:
        """The year written in the symbol ("25/2023/TT-BGDĐT" → 2023), or None ("1373/QĐ-TTg")."""
        parts = self.symbol.split("/")
        if len(parts) >= 3 and len(parts[1]) == 4 and parts[1].isdigit():
            return int(parts[1])
        return None

    def short(self) -> str:
        """Later citations (NĐ30): type and number only, e.g. "Thông tư số 25/2023/TT-BGDĐT"."""
        return f"{self.kind_name} số {self.symbol}"

    def date_text(self) -> str | None:
        """"ngày 27/12/2023"; "tháng 11/2023" when the day is unverified; None when not found."""
        if self.signed is None or self.date_confidence == "not-found":
            return None
        if self.date_confidence == "low":
            return f"tháng {self.signed.month:02d}/{self.signed.year}"
        return f"ngày {vi.date_short(self.signed)}"

    def citation(self) -> str:
        """Full first citation (NĐ30 Phụ lục I II.6.b): type, số, symbol, date, issuer, trích yếu.

        An unverified day is left out rather than invented; an unknown trích yếu is left out.
        """
        parts = [self.short()]
        date_text = self.date_text()
        if date_text:
            parts.append(date_text)
        parts.append(f"của {self.signer_title}")
        tail = self.cite_as or self.title
        if tail:
            parts.append(tail)
        return " ".join(parts)

    def status_on(self, day: dt.date) -> Status:
        """Status on ``day``: not yet issued, not yet effective, in force, repealed, or unknown.

        Without a signing date the year in the symbol decides, when there is one; an entry
        whose existence is not verified ("not-found") is always UNKNOWN.
        """
        if self.confidence == "not-found":
            return Status.UNKNOWN
        if self.repealed_on and day >= self.repealed_on:
            return Status.REPEALED
        if self.signed is None:
            year = self.year
            if year is None or day.year == year:
                return Status.UNKNOWN
            return Status.NOT_YET_ISSUED if day.year < year else Status.IN_FORCE
        if day < self.signed:
            return Status.NOT_YET_ISSUED
        if self.effective and day < self.effective:
            return Status.NOT_YET_EFFECTIVE
        return Status.IN_FORCE


# Type abbreviations that may be glued to the issuer code ("TTBGDĐT" → "TT-BGDĐT"); longest first.
_TYPE_ABBREVIATIONS: tuple[str, ...] = (
    "TTLT", "TTr", "CTr", "QyĐ", "NĐ", "QĐ", "TT", "CT", "KL", "NQ", "KH", "TB", "HD", "BC", "CV",
)
_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
                         "\u2212": "-", "\u00d0": "Đ", "\u00f0": "đ", "\u0189": "Đ"})


def normalize_symbol(text: str) -> str:
    """Canonical số, ký hiệu: NFC, no spaces, ASCII hyphen, "đ" → "Đ", missing hyphen restored.

    >>> normalize_symbol("25/2023/TT- BGDĐT")
    '25/2023/TT-BGDĐT'
    >>> normalize_symbol("25 / 2023 / TTBGDđT")
    '25/2023/TT-BGDĐT'
    >>> normalize_symbol("49KL/TW")
    '49-KL/TW'
    """
    s = unicodedata.normalize("NFC", text).translate(_DASHES)
    s = "".join(s.split()).replace("đ", "Đ")
    parts = s.split("/")
    # Party style "49-KL/TW": number and type joined by a hyphen in the first part.
    first = parts[0]
    digits = len(first) - len(first.lstrip("0123456789"))
    if len(parts) == 2 and 0 < digits < len(first) and "-" not in first:
        parts[0] = f"{first[:digits]}-{first[digits:]}"
    last = parts[-1]
    if len(parts) >= 2 and "-" not in last:
        for abbr in _TYPE_ABBREVIATIONS:
            rest = last[len(abbr):]
            if last.startswith(abbr) and len(rest) >= 2 and rest[0].isupper():
                parts[-1] = f"{abbr}-{rest}"
                break
    return "/".join(parts)


def symbol_key(text: str) -> str:
    """Loose lookup key: the normal form without hyphens, "Đ" folded to "D", upper case."""
    return normalize_symbol(text).replace("-", "").replace("Đ", "D").upper()


# Characters that join the parts of an abbreviation and carry no meaning: "GD&ĐT", "GD-ĐT", "KH.CN"
# (dashes are made ASCII by _DASHES first).
_ABBREVIATION_JOINERS = str.maketrans("", "", "&-.")


def abbreviation_key(text: str) -> str:
    """Lookup key of an abbreviation: NFC, no blanks, no "&", "-", "–", ".", case-folded.

    >>> abbreviation_key("GD & ĐT") == abbreviation_key("gd-đt") == abbreviation_key("GDĐT")
    True
    """
    s = unicodedata.normalize("NFC", text).translate(_DASHES).translate(_ABBREVIATION_JOINERS)
    return "".join(s.split()).casefold()


@dataclass(frozen=True)
class Registry:
    """All registry entries, indexed by id, by symbol (tolerant) and by known wrong symbol."""

    entries: tuple[RegistryEntry, ...]
    abbreviations: tuple[IssuerAbbreviation, ...] = ()
    _by_id: dict[str, RegistryEntry] = field(default_factory=dict, repr=False)
    _by_key: dict[str, RegistryEntry] = field(default_factory=dict, repr=False)
    _by_wrong: dict[str, RegistryEntry] = field(default_factory=dict, repr=False)
    _by_abbreviation: dict[str, IssuerAbbreviation] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for abbreviation in self.abbreviations:
            key = abbreviation_key(abbreviation.short)
            if key in self._by_abbreviation:
                raise ValueError(f"registry: abbreviation {abbreviation.short} listed twice")
            self._by_abbreviation[key] = abbreviation
        for entry in self.entries:
            if entry.id in self._by_id:
                raise ValueError(f"registry: duplicate id {entry.id}")
            self._by_id[entry.id] = entry
            for form in (entry.symbol, *entry.aliases):
                key = symbol_key(form)
                if key in self._by_key:
                    raise ValueError(f"registry: symbol {form} of {entry.id} collides with {self._by_key[key].id}")
                self._by_key[key] = entry
        for entry in self.entries:
            for wrong in entry.wrong_forms:
                if wrong.field == "symbol":
                    self._by_wrong[symbol_key(wrong.value)] = entry
            for ref in (entry.repealed_by, entry.replaced_by, *entry.amended_by, *entry.affected_by, *entry.repeals):
                if ref is not None and ref not in self._by_id:
                    raise ValueError(f"registry: {entry.id} refers to unknown id {ref}")

    def get(self, symbol: str) -> RegistryEntry | None:
        """The entry for ``symbol`` (tolerant of spacing, hyphens, Đ/đ/D), or None."""
        return self._by_key.get(symbol_key(symbol))

    def by_id(self, entry_id: str) -> RegistryEntry | None:
        """The entry with this ``id`` ("tt25-2023"), or None."""
        return self._by_id.get(entry_id)

    def find_alias(self, symbol: str) -> RegistryEntry | None:
        """The entry of which ``symbol`` is a known wrong form ("324/QĐ-HKHVN" → 324/QĐ-KHVN)."""
        return self._by_wrong.get(symbol_key(symbol))

    def expand_abbreviation(self, word: str) -> str | None:
        """The words an abbreviation stands for ("GD&ĐT" → "Giáo dục và Đào tạo"), or None."""
        found = self._by_abbreviation.get(abbreviation_key(word))
        return found.long if found is not None else None


@dataclass(frozen=True, kw_only=True)
class RegistryFile:
    """The layout of ``registry.yaml``: the shared abbreviation table, then the documents."""

    issuer_abbreviations: tuple[IssuerAbbreviation, ...] = ()
    documents: tuple[RegistryEntry, ...]


def prepare_entry(data: Any) -> Any:
    """A document of registry.yaml with its date/effective/title confidences defaulted: to
    "not-found" when the value is missing, else to the entry's own confidence."""
    if isinstance(data, dict) and isinstance(data.get("source"), dict):
        conf = data["source"].get("confidence")
        data = dict(data)
        data.setdefault("date_confidence", "not-found" if data.get("signed") is None else conf)
        data.setdefault("effective_confidence", "not-found" if data.get("effective") is None else conf)
        data.setdefault("title_confidence", "not-found" if data.get("title") is None else conf)
    return data


def registry_data() -> Any:
    """registry.yaml parsed, each document prepared (:func:`prepare_entry`): what is built."""
    raw = read_data("registry.yaml")
    if isinstance(raw, dict) and isinstance(raw.get("documents"), list):
        raw = {**raw, "documents": [prepare_entry(d) for d in raw["documents"]]}
    return raw


@cache
def load_registry() -> Registry:
    """The packaged registry, parsed once."""
    data = cached("registry", (data_bytes("registry.yaml"),), lambda: build(RegistryFile, registry_data(), "registry.yaml"))
    return Registry(entries=data.documents, abbreviations=data.issuer_abbreviations)
