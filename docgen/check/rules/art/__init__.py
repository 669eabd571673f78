"""ART: điều, khoản, điểm of Thông tư 25/2023/TT-BGDĐT cited for what they do not say, and the
article facts a sentence can misstate.

A package because the family grew: ``locators`` holds the rules on cited locators (ART001–ART004:
missing article, wrong topic, misquoted clause, deadline in the wrong clause); ``counts`` the rule on
how many tiêu chí and chỉ tiêu a level has (ART005), read from the criteria catalogue.
"""

from docgen.check.rules.art import counts, locators  # noqa: F401  (registration)
from docgen.check.rules.art.counts import CriteriaCountWrong
from docgen.check.rules.art.locators import ArticleWrongTopic, DeadlineWrongClause, MisquotedClause, MissingArticle

__all__ = [
    "ArticleWrongTopic", "CriteriaCountWrong", "DeadlineWrongClause", "MisquotedClause", "MissingArticle", "counts",
    "locators",
]
