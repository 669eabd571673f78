"""REF: citations of documents: date, issuer, title, symbol, "số", status against the registry.

Facts come from the legal registry (``docgen/law/data/registry.yaml``), each with a source and a
confidence. A fact of low confidence, or an entry not found, only ever gives a warning or an
information "cần xác minh", never a confident error.
"""

from docgen.check.rules.ref import facts, form  # noqa: F401  (registration)

__all__ = ["facts", "form"]
