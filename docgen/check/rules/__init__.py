"""Rule families. Importing this package imports every family module, so that each rule's
``@register`` has run and :data:`docgen.check.rules.base.RULES` is complete."""

from __future__ import annotations

from docgen.check.rules import art, dl, fmt, ref, structure  # noqa: F401  (registration)
from docgen.check.rules.base import RULES, CheckContext, Rule, all_rules, register

FAMILY_MODULES = ("ref", "art", "dl", "structure", "fmt")

__all__ = ["FAMILY_MODULES", "RULES", "CheckContext", "Rule", "all_rules", "register"]
