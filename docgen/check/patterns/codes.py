"""Regexes for rule codes, rule names and ``--select`` selectors (not for draft text)."""

from __future__ import annotations

from typing import Final

from docgen.lazy_re import lazy

# A rule code: family prefix + 3 digits, "REF002", "DL001", "FMT027".
CODE: Final = lazy(r"^(?P<family>[A-Z]{2,4})(?P<number>\d{3})$")
# A rule name: kebab-case ASCII naming the mistake, "wrong-issue-date".
NAME: Final = lazy(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
# A selector in --select / --ignore / config: a family ("FMT"), a code prefix ("FMT0"), a code.
SELECTOR: Final = lazy(r"^[A-Z]{2,4}\d{0,3}$")
# Paragraph break inside a rule docstring (to find its "Vì sao:" paragraph): "…\n\nVì sao: …".
DOC_PARAGRAPH_BREAK: Final = lazy(r"\n\s*\n")
