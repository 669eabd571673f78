"""What a rule is, how rules are registered, and what a rule sees (:class:`CheckContext`).

A rule is one class: code, name, severity, message, fix safety and its Vietnamese docstring
(the user documentation that ``docgen rules CODE`` prints). Registration is explicit, with
:func:`register`, and rejects a duplicate code, like sqlfluff's ``RuleSet.register``.

Family modules (``ref``, ``art``, ``dl``, ``structure``, ``fmt``) define rules; importing
``docgen.check.rules`` imports them all, so :data:`RULES` is complete after that import.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar, Final, TypeVar

from docgen.check.model import Draft, Finding, FixSafety, Severity, Span
from docgen.check.patterns import codes

if TYPE_CHECKING:
    from docgen.check.config import CheckConfig
    from docgen.check.outline import DocxParagraph, Line, Outline
    from docgen.check.reading import Reading

CODE_RE: Final = codes.CODE
NAME_RE: Final = codes.NAME

FAMILIES: Final[dict[str, str]] = {
    "REF": "trích dẫn văn bản",
    "ART": "điều, khoản, điểm được viện dẫn",
    "DL": "thời hạn",
    "STR": "cấu trúc văn bản",
    "FMT": "thể thức theo Nghị định 30/2020/NĐ-CP",
}

RULES: dict[str, type[Rule]] = {}

R = TypeVar("R", bound="type[Rule]")


class Rule:
    """Base class: one subclass per rule. Subclasses set the class attributes and ``check``."""

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    message: ClassVar[str]
    fix: ClassVar[FixSafety] = FixSafety.NONE
    kinds: ClassVar[frozenset[str] | None] = None  # draft kinds it applies to; None = all
    # judged by TT25: silent on a draft dated before TT25 took effect (a 2019 notice under TT44
    # is right for its time; the regime table in law/data/timeline.yaml says when TT25 began)
    tt25_only: ClassVar[bool] = False

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        """Yield every finding of this rule in ``ctx.draft``."""
        raise NotImplementedError

    def applies_to(self, draft: Draft) -> bool:
        if self.kinds is not None and draft.kind not in self.kinds:
            return False
        if self.tt25_only and draft.date is not None:
            from docgen.law.timeline import regimes

            return draft.date >= regimes()[0].start
        return True

    def finding(
        self,
        ctx: CheckContext,
        span: Span,
        *,
        replacement: str | None = None,
        suggestion: str | None = None,
        severity: Severity | None = None,
        **values: object,
    ) -> Finding:
        """Build a :class:`Finding` at ``span``; ``values`` fill the message placeholders.

        A replacement is only marked fixable with this rule's ``fix`` safety; a rule whose
        ``fix`` is NONE may still pass a replacement, which is then shown but never applied.
        """
        draft = ctx.draft
        line, column = draft.position(span.start)
        end_line, end_column = draft.position(span.end)
        return Finding(
            path=draft.path,
            code=self.code,
            severity=severity or self.severity,
            message=self.message.format_map(values),
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            text=draft.text[span.start : span.end],
            span=span,
            name=self.name,
            suggestion=suggestion,
            replacement=replacement,
            fix=self.fix if replacement is not None else FixSafety.NONE,
        )

    # ------------------------------------------------------------------ documentation

    @classmethod
    def doc(cls) -> str:
        """The cleaned Vietnamese docstring (user documentation)."""
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def summary(cls) -> str:
        """First line of the docstring."""
        doc = cls.doc()
        return doc.splitlines()[0] if doc else ""

    @classmethod
    def why(cls) -> str:
        """The "Vì sao:" paragraph of the docstring, without its label ("" when missing)."""
        for para in codes.DOC_PARAGRAPH_BREAK.split(cls.doc()):
            if para.startswith("Vì sao:"):
                return " ".join(para[len("Vì sao:") :].split())
        return ""

    @classmethod
    def family(cls) -> str:
        m = CODE_RE.match(cls.code)
        return m.group("family") if m else ""


def register(cls: R) -> R:
    """Class decorator: add a rule to :data:`RULES`; a bad or duplicate code is a bug."""
    code = getattr(cls, "code", "")
    if not CODE_RE.match(code):
        raise ValueError(f"rule {cls.__name__}: code {code!r} is not PREFIX + 3 digits")
    if not NAME_RE.match(getattr(cls, "name", "")):
        raise ValueError(f"rule {code}: name {getattr(cls, 'name', '')!r} is not kebab-case")
    if code in RULES and RULES[code] is not cls:
        raise ValueError(f"rule code {code} registered twice ({RULES[code].__name__}, {cls.__name__})")
    for attr in ("severity", "message"):
        if not hasattr(cls, attr):
            raise ValueError(f"rule {code}: missing {attr}")
    RULES[code] = cls
    return cls


def all_rules() -> list[type[Rule]]:
    """Every registered rule, by code (imports the family modules first)."""
    import docgen.check.rules  # noqa: F401  (registration side effect)

    return [RULES[c] for c in sorted(RULES)]


class CheckContext:
    """What a rule sees: the draft, the legal registry, the config, and lazily found parts.

    ``citations``, ``locators`` and ``targets`` come from ``docgen.check.find``; ``outline``
    (headings, footnote markers and notes) from ``docgen.check.outline``. Each is computed once,
    on first use, and shared by every rule.
    """

    def __init__(self, draft: Draft, registry: Any = None, config: CheckConfig | None = None) -> None:
        self.draft = draft
        self.config = config
        self.memo: dict[str, Any] = {}  # per-draft values shared by the rules of one family
        if registry is not None:
            self.__dict__["registry"] = registry

    @functools.cached_property
    def registry(self) -> Any:
        from docgen.law.registry import load_registry

        return load_registry()

    @functools.cached_property
    def citations(self) -> list[Any]:
        from docgen.check import find

        return list(find.find_citations(self.draft))

    @functools.cached_property
    def locators(self) -> list[Any]:
        from docgen.check import find

        return list(find.find_locators(self.draft))

    @functools.cached_property
    def targets(self) -> list[Any]:
        from docgen.check import find

        return list(find.find_targets(self.draft, self.reading))

    @functools.cached_property
    def outline(self) -> Outline:
        from docgen.check.outline import extract_outline

        table_lines = frozenset(p.line.index for p in self.docx_paragraphs if p.in_table and p.line)
        return extract_outline(self.draft, table_lines)

    @functools.cached_property
    def reading(self) -> Reading:
        """The document's reading: header, topic, outline, tables and the scope of every place."""
        from docgen.check.reading import read_document

        return read_document(self.draft)

    @functools.cached_property
    def docx_paragraphs(self) -> list[DocxParagraph]:
        """.docx only: body and table paragraphs in reading order, each with its draft line."""
        from docgen.check.outline import docx_paragraphs

        return docx_paragraphs(self.draft)

    @property
    def lines(self) -> list[Line]:
        """Every line of ``draft.text`` with its content without Markdown decoration."""
        return self.outline.lines
