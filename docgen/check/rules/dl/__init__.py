"""DL: deadlines and plan targets against the TT25 timeline.

The annual cycle of Thông tư 25/2023/TT-BGDĐT, per evaluation year Y (``docgen.law.timeline``):

* data window 01/01–31/12 of Y (điểm b khoản 1 Điều 9, 14, 19): no recognition for Y can be
  decided before 01/01 of Y+1;
* dossier before 28/02 (xã, to the Phòng GDĐT), 30/4 (huyện, to the Sở), 31/7 (tỉnh, to the
  Bộ) of Y+1 (điểm d khoản 1 Điều 9, 14, 19);
* recognition completed before 31/3 (xã) and 31/5 (huyện) of Y+1 (khoản 3 Điều 9, 14); tỉnh:
  within 20 working days of a complete dossier (điểm e khoản 2 Điều 19);
* a huyện needs ≥ 90 % of its xã, a tỉnh ≥ 90 % of its huyện, recognised at the same mức độ
  (điểm a khoản 4 Điều 11, 12, 16, 17);
* mức độ 2 may be sought 12 months after the mức độ 1 decision (khoản 3 Điều 5, 10, 15; medium);
* the first evaluation year is the year TT25 took effect (2024; khoản 1 Điều 25).

A plan's "Đến hết tháng 3 năm 2026, ít nhất 90% các xã … được công nhận … cấp xã mức độ 1" is
therefore lawful: it is the evaluation year 2025, decided before 31/3/2026. Dates, deadlines and
the regime switch come from the law package, never from this module.
"""

from docgen.check.rules.dl import cycle, facts, plan  # noqa: F401  (registration)
from docgen.check.rules.dl import decision, route, terms, window  # noqa: F401  (registration)

__all__ = ["cycle", "facts", "plan"]
