"""Article map of Thông tư 25/2023/TT-BGDĐT, loaded from ``law/data/tt25.yaml``.

A :class:`Locator` names a place in the circular ("điểm a khoản 4 Điều 11"). The map knows
which articles exist (all 26), and for most articles which khoản and điểm exist; where it does
not know, :func:`clause_exists` answers ``None`` so that a checker warns instead of erring.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Literal


from docgen import vi
from docgen.law.records import build, cached
from docgen.law.registry import Source, data_bytes, read_data

Level = Literal["xa", "huyen", "tinh"]
MucDo = Literal[1, 2]
Topic = Literal[
    "scope", "terms", "aims", "principles", "authority", "criteria", "conditions", "procedure",
    "responsibility", "effect",
]
LEVELS: tuple[Level, ...] = ("xa", "huyen", "tinh")


@dataclass(frozen=True, kw_only=True)
class Point:
    """An điểm: a lettered item of a khoản (for criteria articles, one chỉ tiêu)."""

    letter: str
    summary: str
    text: str | None = None  # verbatim official text (P1), paragraphs joined by "\n"
    quote: str | None = None  # a verbatim fragment seen in another source
    refers_to: str | None = None
    official_note: str | None = None
    source: Source


@dataclass(frozen=True, kw_only=True)
class Clause:
    """A khoản. ``points_complete`` says the listed điểm are all of them."""

    number: int
    summary: str
    text: str | None = None  # verbatim official text (P1) of the khoản's own lines
    quote: str | None = None
    refers_to: str | None = None
    points_complete: bool = False
    points: tuple[Point, ...] = ()
    source: Source

    def point(self, letter: str) -> Point | None:
        """The điểm with this letter, if the map holds it."""
        return next((p for p in self.points if p.letter == letter), None)


@dataclass(frozen=True, kw_only=True)
class Article:
    """An Điều, with its chapter, P1 title, topic and the khoản the sources show."""

    number: int
    chapter: str
    title: str | None
    topic: Topic
    level: Level | None = None
    muc_do: MucDo | None = None
    summary: str | None = None
    clauses_complete: bool = False
    clauses: tuple[Clause, ...] = ()
    source: Source

    def clause(self, number: int) -> Clause | None:
        """The khoản with this number, if the map holds it."""
        return next((c for c in self.clauses if c.number == number), None)


@dataclass(frozen=True, kw_only=True)
class CriteriaCount:
    """How many tiêu chí and chỉ tiêu one level and mức độ has, and in which article."""

    level: Level
    muc_do: MucDo
    article: int
    tieu_chi: int
    chi_tieu: int
    source: Source


@dataclass(frozen=True, kw_only=True)
class Tt25Map:
    """The whole map: identity, criteria counts and the 26 articles."""

    symbol: str
    registry_id: str
    article_count: int
    chapter_count: int
    source: Source
    criteria: tuple[CriteriaCount, ...]
    articles: tuple[Article, ...]

    def __post_init__(self) -> None:
        numbers = [a.number for a in self.articles]
        if numbers != list(range(1, self.article_count + 1)):
            raise ValueError(f"tt25.yaml: articles must be 1..{self.article_count} in order, got {numbers}")
        for art in self.articles:
            clause_numbers = [c.number for c in art.clauses]
            if clause_numbers != sorted(set(clause_numbers)):
                raise ValueError(f"tt25.yaml: Điều {art.number}: clauses out of order {clause_numbers}")
            for clause in art.clauses:
                for point in clause.points:
                    if point.letter not in vi.POINT_LETTERS:
                        raise ValueError(f"tt25.yaml: Điều {art.number} khoản {clause.number}: bad letter {point.letter!r}")


@cache
def load_tt25() -> Tt25Map:
    """The packaged article map, parsed once."""
    return cached("tt25", (data_bytes("tt25.yaml"),), lambda: build(Tt25Map, read_data("tt25.yaml"), "tt25.yaml"))


def article(n: int) -> Article | None:
    """Điều ``n`` of TT25, or None when the circular has no such article."""
    data = load_tt25()
    if 1 <= n <= len(data.articles):
        return data.articles[n - 1]
    return None


def articles() -> tuple[Article, ...]:
    """All 26 articles in order."""
    return load_tt25().articles


def criteria(level: Level, muc_do: MucDo) -> CriteriaCount:
    """Criteria count for a level and mức độ (xã 5/15, huyện 4/13, tỉnh 4/16)."""
    for item in load_tt25().criteria:
        if item.level == level and item.muc_do == muc_do:
            return item
    raise ValueError(f"không có tiêu chí cho cấp {level!r}, mức độ {muc_do!r}")


def criteria_article(level: Level, muc_do: MucDo) -> int:
    """The article holding the criteria: xã 6/7, huyện 11/12, tỉnh 16/17."""
    return criteria(level, muc_do).article


def _article_of(level: Level, topic: Topic) -> int:
    for art in load_tt25().articles:
        if art.level == level and art.topic == topic:
            return art.number
    raise ValueError(f"không có điều {topic!r} cho cấp {level!r}")


def procedure_article(level: Level) -> int:
    """Quy trình: xã 9, huyện 14, tỉnh 19."""
    return _article_of(level, "procedure")


def authority_article(level: Level) -> int:
    """Thẩm quyền, mức độ, thời hạn: xã 5, huyện 10, tỉnh 15."""
    return _article_of(level, "authority")


def conditions_article(level: Level) -> int:
    """Điều kiện công nhận: xã 8, huyện 13, tỉnh 18."""
    return _article_of(level, "conditions")


_WORDS = {"điểm": "point", "khoản": "clause", "điều": "article"}


@dataclass(frozen=True)
class Locator:
    """A place in TT25: Điều, optionally khoản, optionally điểm (only with a khoản)."""

    article: int
    clause: int | None = None
    point: str | None = None

    def __post_init__(self) -> None:
        if self.article < 1:
            raise ValueError(f"số điều không hợp lệ: {self.article}")
        if self.clause is not None and self.clause < 1:
            raise ValueError(f"số khoản không hợp lệ: {self.clause}")
        if self.point is not None:
            if self.clause is None:
                raise ValueError("điểm phải đi kèm khoản")
            if self.point not in vi.POINT_LETTERS:
                raise ValueError(f"chữ cái điểm không hợp lệ: {self.point!r}")

    def text(self) -> str:
        """"điểm a khoản 4 Điều 11" (NĐ30 Phụ lục II: "Điều" capitalised, khoản and điểm not)."""
        parts: list[str] = []
        if self.point is not None:
            parts.append(f"điểm {self.point}")
        if self.clause is not None:
            parts.append(f"khoản {self.clause}")
        parts.append(f"Điều {self.article}")
        return " ".join(parts)

    def __str__(self) -> str:
        return self.text()

    @classmethod
    def parse(cls, text: str) -> Locator:
        """Read "điểm a khoản 4 Điều 11", "khoản 3 Điều 9" or "Điều 25" (any case, extra spaces).

        Raises ValueError for anything else.
        """
        tokens = unicodedata.normalize("NFC", text).replace(",", " ").split()
        found: dict[str, str] = {}
        if len(tokens) % 2:
            raise ValueError(f"không đọc được vị trí “{text.strip()}”")
        for word, value in zip(tokens[::2], tokens[1::2]):
            key = _WORDS.get(word.casefold())
            if key is None or key in found:
                raise ValueError(f"không đọc được vị trí “{text.strip()}”")
            found[key] = value.rstrip(")").casefold()
        order = [k for k in ("point", "clause", "article") if k in found]
        if "article" not in found or [_WORDS[w.casefold()] for w in tokens[::2]] != order:
            raise ValueError(f"không đọc được vị trí “{text.strip()}”")
        try:
            art = int(found["article"])
            clause = int(found["clause"]) if "clause" in found else None
        except ValueError:
            raise ValueError(f"không đọc được vị trí “{text.strip()}”") from None
        return cls(article=art, clause=clause, point=found.get("point"))


def clause_exists(locator: Locator) -> bool | None:
    """Whether the place exists in TT25: True, False, or None when the map does not know.

    khoản and điểm are numbered without gaps, so a known khoản 4 implies khoản 1–3 exist.
    """
    art = article(locator.article)
    if art is None:
        return False
    if locator.clause is None:
        return True
    clause = art.clause(locator.clause)
    if clause is None:
        known_max = max((c.number for c in art.clauses), default=0)
        if locator.clause <= known_max:
            return True if locator.point is None else None
        return False if art.clauses_complete else None
    if locator.point is None:
        return True
    if clause.point(locator.point) is not None:
        return True
    index = vi.POINT_LETTERS.index(locator.point)
    known = [vi.POINT_LETTERS.index(p.letter) for p in clause.points]
    if known and index <= max(known):
        return True
    return False if clause.points_complete else None


def find(locator: Locator) -> Article | Clause | Point | None:
    """The most precise item the map holds for the locator (None if the exact item is unknown)."""
    art = article(locator.article)
    if art is None:
        return None
    if locator.clause is None:
        return art
    clause = art.clause(locator.clause)
    if clause is None or locator.point is None:
        return clause
    return clause.point(locator.point)


def topic_of(locator: Locator) -> Topic | None:
    """The topic of the article the locator points into, or None for a missing article."""
    art = article(locator.article)
    return art.topic if art else None
