"""Every regex of the checker lives in this package, compiled once, each with a comment and an
example: ``cite`` and ``target`` (citations, article locators, targets), ``form`` (headings,
footnotes and the NĐ30 thể thức), ``codes`` (rule codes and selectors)."""
