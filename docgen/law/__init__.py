"""Legal knowledge base: data files with their sources, and the code that reads them.

- ``registry``: the documents CĐHT plans cite (symbol, date, issuer, title, status, citation).
- ``tt25``: the article map of Thông tư 25/2023/TT-BGDĐT and the ``Locator`` type.
- ``timeline``: the deadlines per level and the one regime table (TT25 → two-tier government).

Imports point one way: this package imports nothing from ``render``, ``check`` or ``spec``.
"""
