"""Find the parts of a draft that rules reason about: citations, article locators, targets.

Three verbs, one per kind of part (eyecite's ``get_citations`` style):

* :func:`find_citations`: "Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023 của … Quy định về …";
* :func:`find_locators`: "điểm a khoản 4 Điều 17 của Thông tư này", with the document each
  belongs to, the clause around it and whether it sits inside a verbatim quotation;
* :func:`find_targets`: plan targets and deadlines ("Đến hết tháng 3 năm 2026, ít nhất 90% các
  xã … được công nhận … cấp xã mức độ 1"; "… gửi hồ sơ đến Bộ … trước ngày 31 tháng 7 năm 2026").

All spans are offsets into ``draft.text``. The text is NFC already when it comes from
:func:`docgen.check.inputs.read_draft`; NFD text given directly is normalised here with an
offset map, so the spans still point into the text as given.
"""

from __future__ import annotations
from docgen.check.find.citations import Citation, find_citations
from docgen.check.find.dates import DateMention, find_dates
from docgen.check.find.locators import ArticleRef, find_locators
from docgen.check.find.targets import Action, Precision, Target, find_targets, levels_in
from docgen.check.find.text import LEVEL_KEYS, OFFICE_LEVEL, UNIT_LEVEL, normalize_symbol

__all__ = [
    "LEVEL_KEYS", "OFFICE_LEVEL", "UNIT_LEVEL", "Action", "ArticleRef", "Citation", "DateMention", "Precision",
    "Target", "find_citations", "find_dates", "find_locators", "find_targets", "levels_in", "normalize_symbol",
]
