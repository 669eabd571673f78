"""Every regex of the checker lives in this package, compiled once on its first use
(:func:`docgen.lazy_re.lazy`), each with a comment and an example: ``cite`` and ``target``
(citations, article locators, targets), ``form`` (headings, footnotes and the NĐ30 thể thức),
``codes`` (rule codes and selectors)."""
