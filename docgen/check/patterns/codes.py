"""Regexes for rule codes, rule names and ``--select`` selectors (not for draft text)."""

from __future__ import annotations

import re
from typing import Final

# A rule code: family prefix + 3 digits, "REF002", "DL001", "FMT027".
CODE: Final = re.compile(r"^(?P<family>[A-Z]{2,4})(?P<number>\d{3})$")
# A rule name: kebab-case ASCII naming the mistake, "wrong-issue-date".
NAME: Final = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
# A selector in --select / --ignore / config: a family ("FMT"), a code prefix ("FMT0"), a code.
SELECTOR: Final = re.compile(r"^[A-Z]{2,4}\d{0,3}$")
# Paragraph break inside a rule docstring (to find its "Vì sao:" paragraph): "…\n\nVì sao: …".
DOC_PARAGRAPH_BREAK: Final = re.compile(r"\n\s*\n")
