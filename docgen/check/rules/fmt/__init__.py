"""FMT: thể thức under NĐ 30/2020/NĐ-CP. A package because the family is large: ``header``
(ô 1–5), ``closing`` (ô 6–9) and ``spacing`` hold the rules any input can show, ``styling`` the
.docx-only ones (page, fonts, paragraphs), reading effective Word values through ``wordprops``;
``lookup`` finds the header and Nơi nhận once per draft; ``nd30`` holds the facts the rules
compare against, with their sources."""

from docgen.check.rules.fmt import closing, header, spacing, styling  # noqa: F401  (registration)
