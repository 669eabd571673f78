"""The criteria catalogue of TT25: tiêu chí and chỉ tiêu per cấp and mức độ, with thresholds.

Loaded once from ``law/data/criteria.yaml`` (through ``registry.read_data``, the one reader) (see its header for the layout). A tiêu chí is
khoản ``clause`` of its article and a chỉ tiêu is điểm ``point`` of that khoản; mức độ 2 reuses
khoản 1–3 of the mức-độ-1 article (``same_as``), and those chỉ tiêu keep their own locator.

    >>> catalog().get("xa", 1).indicator("5.b").cite()
    'điểm b khoản 5 Điều 6'
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from docgen.law.registry import read_data
from docgen.law.tt25 import Locator

LevelName = Literal["xa", "huyen", "tinh"]
Confidence = Literal["high", "medium", "low", "not-found"]
ThresholdKind = Literal["percent", "count", "increase", "decrease", "boolean"]


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Data):
    ref: str
    confidence: Confidence


class Threshold(_Data):
    """What a figure must reach for the chỉ tiêu to be đạt."""

    kind: ThresholdKind
    figure: str | None = None  # key under so_lieu; increase/decrease read nam_truoc, nam_danh_gia
    value: float | None = None
    vung_kho_khan: float | None = None  # the lower value for a xã thuộc vùng khó khăn
    lower_units: bool = False  # the figure is the share of lower units, computed from the spec

    @model_validator(mode="after")
    def _shape(self) -> Threshold:
        if self.kind in ("percent", "count") and (self.figure is None or self.value is None):
            raise ValueError(f"threshold {self.kind} needs figure and value")
        if self.kind == "boolean" and self.figure is None:
            raise ValueError("threshold boolean needs figure")
        return self

    def required(self, vung_kho_khan: bool) -> float | None:
        """The value that applies to this unit."""
        if vung_kho_khan and self.vung_kho_khan is not None:
            return self.vung_kho_khan
        return self.value


class Indicator(_Data):
    """A chỉ tiêu: điểm ``point`` of khoản ``clause`` of Điều ``article``."""

    point: str
    title: str
    thresholds: tuple[Threshold, ...] = ()
    vung_kho_khan_source: Source | None = None
    article: int = 0  # filled in by the loader
    clause: int = 0
    criterion: int = 0  # tiêu chí number in the set that lists it (a same_as copy keeps its clause)

    @property
    def code(self) -> str:
        """``5.b``: tiêu chí number and chỉ tiêu letter, the key used in self-assessment specs."""
        return f"{self.criterion}.{self.point}"

    def locator(self) -> Locator:
        return Locator(self.article, self.clause, self.point)

    def cite(self) -> str:
        return self.locator().text()


class SameAs(_Data):
    article: int
    clause: int


class Criterion(_Data):
    """A tiêu chí: khoản ``clause`` of its article."""

    clause: int
    title: str = ""
    same_as: SameAs | None = None
    indicators: tuple[Indicator, ...] = Field(default=(), alias="chi_tieu")
    article: int = 0

    def cite(self) -> str:
        return Locator(self.article, self.clause).text()


class CriteriaSet(_Data):
    """Every tiêu chí and chỉ tiêu one unit must meet for one mức độ (Điều 6, 7, 11, 12, 16, 17)."""

    level: LevelName
    muc_do: Literal[1, 2]
    article: int
    source: Source
    criteria: tuple[Criterion, ...] = Field(alias="tieu_chi")

    def indicators(self) -> list[Indicator]:
        return [ind for crit in self.criteria for ind in crit.indicators]

    def indicator(self, code: str) -> Indicator:
        for ind in self.indicators():
            if ind.code == code:
                return ind
        raise KeyError(code)

    def codes(self) -> list[str]:
        return [ind.code for ind in self.indicators()]


class Catalog(_Data):
    entries: tuple[CriteriaSet, ...]

    def get(self, level: str, muc_do: int) -> CriteriaSet:
        for entry in self.entries:
            if entry.level == level and entry.muc_do == muc_do:
                return entry
        raise KeyError((level, muc_do))


def _expand(raw: dict[str, Any]) -> dict[str, Any]:
    """Fill article/clause into every chỉ tiêu and copy the chỉ tiêu of ``same_as`` tiêu chí."""
    by_locator: dict[tuple[int, int], dict[str, Any]] = {}
    for entry in raw["entries"]:
        for crit in entry["tieu_chi"]:
            crit["article"] = entry["article"]
            for ind in crit.get("chi_tieu", []):
                ind.update(article=entry["article"], clause=crit["clause"], criterion=crit["clause"])
            by_locator[(entry["article"], crit["clause"])] = crit
    for entry in raw["entries"]:
        for crit in entry["tieu_chi"]:
            if "same_as" in crit:
                ref = by_locator[(crit["same_as"]["article"], crit["same_as"]["clause"])]
                crit["title"] = ref["title"]
                crit["chi_tieu"] = [{**ind, "criterion": crit["clause"]} for ind in ref["chi_tieu"]]
    return raw


@lru_cache(maxsize=1)
def catalog() -> Catalog:
    """The catalogue, parsed and validated once."""
    return Catalog.model_validate(_expand(read_data("criteria.yaml")))


def criteria_set(level: str, muc_do: int) -> CriteriaSet:
    return catalog().get(level, muc_do)
