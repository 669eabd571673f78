"""docgen.check.find: citations, article locators and targets, on real sentences."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from docgen.check.find import find_citations, find_dates, find_locators, find_targets
from docgen.check.model import Draft


def _draft(text: str) -> Draft:
    return Draft(path="t.txt", kind="txt", text=text)


def _one(text: str):  # type: ignore[no-untyped-def]
    cites = [c for c in find_citations(_draft(text)) if not c.self_ref]
    assert len(cites) == 1, cites
    return cites[0]


def test_full_first_citation() -> None:
    text = ("Thực hiện Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023 của Bộ Giáo dục và Đào tạo Quy định về "
            "đánh giá, công nhận “Cộng đồng học tập” cấp xã, huyện, tỉnh (Thông tư số 25/2023/TT-BGDĐT);")
    cite = find_citations(_draft(text))[0]
    assert (cite.kind, cite.has_so, cite.number, cite.symbol) == ("Thông tư", True, "25", "25/2023/TT-BGDĐT")
    assert cite.date == dt.date(2023, 12, 27) and cite.date_text == "ngày 27/12/2023"
    assert cite.issuer == "Bộ Giáo dục và Đào tạo"
    assert cite.title == "Quy định về đánh giá, công nhận “Cộng đồng học tập” cấp xã, huyện, tỉnh"
    assert cite.date_span is not None and text[cite.date_span.start : cite.date_span.end] == "ngày 27/12/2023"
    assert cite.issuer_span is not None and text[cite.issuer_span.start : cite.issuer_span.end] == "Bộ Giáo dục và Đào tạo"


@pytest.mark.parametrize(
    ("text", "symbol_text", "symbol"),
    [
        ("quy định tại Thông tư số 25/2023/TT- BGDĐT, làm cơ sở", "25/2023/TT- BGDĐT", "25/2023/TT-BGDĐT"),
        ("vì điểm b khoản 1 Điều 19 của Thông tư 25/2023/TTBGDĐT quy định", "25/2023/TTBGDĐT", "25/2023/TT-BGDĐT"),
        ("Kết luận số 49-KL/TW ngày 10/5/2019 của Bộ Chính trị", "49-KL/TW", "49-KL/TW"),
        ("căn cứ Kế hoạch số 3727/KH-UBND ngày 31/12/2021 của Ủy ban nhân dân (UBND) tỉnh thực hiện", "3727/KH-UBND", "3727/KH-UBND"),
    ],
)
def test_symbol_forms(text: str, symbol_text: str, symbol: str) -> None:
    cite = _one(text)
    assert (cite.symbol_text, cite.symbol) == (symbol_text, symbol)


def test_date_in_words_without_so() -> None:
    cite = _one("Quyết định 1373/QĐ-TTg ngày 30 tháng 7 năm 2021 của Thủ tướng Chính phủ phê duyệt Đề án")
    assert not cite.has_so
    assert cite.date == dt.date(2021, 7, 30) and cite.date_words
    assert cite.issuer == "Thủ tướng Chính phủ" and cite.title == "phê duyệt Đề án"


def test_split_word_n_gay() -> None:  # seed 000 footnote [14]
    cite = _one("Thông tư số  25/2023/TT-BGDĐT n gày 27/12/2023 của Bộ trưởng Bộ Giáo dục và Đào tạo Quy định về đánh giá")
    assert cite.date == dt.date(2023, 12, 27) and cite.date_text == "n gày 27/12/2023"
    assert cite.issuer == "Bộ trưởng Bộ Giáo dục và Đào tạo"


def test_citation_broken_over_lines() -> None:  # seed 001 V/v line
    cite = _one("V/v triển khai thực hiện Thông tư số\n25/2023/TT-BGDĐT ngày 28/12/2023\ncủa Bộ Giáo dục và Đào tạo")
    assert cite.date == dt.date(2023, 12, 28) and cite.issuer == "Bộ Giáo dục và Đào tạo"


def test_nfd_text_spans_point_into_the_text_as_given() -> None:
    text = unicodedata.normalize("NFD", "Căn cứ Thông tư số 25/2023/TT-BGDĐT ngày 28/12/2023 của Bộ Giáo dục và Đào tạo")
    cite = find_citations(_draft(text))[0]
    assert cite.symbol == "25/2023/TT-BGDĐT"
    assert cite.date_value_span is not None
    assert text[cite.date_value_span.start : cite.date_value_span.end] == "28/12/2023"


def test_impossible_date_in_citation_is_kept_as_text() -> None:
    cite = _one("Thông tư số 25/2023/TT-BGDĐT ngày 31/6/2023")
    assert cite.date is None and cite.date_text == "ngày 31/6/2023"


def test_thong_tu_nay() -> None:
    cites = find_citations(_draft("theo quy định tại điểm a khoản 1 Điều 8 của Thông tư này"))
    assert len(cites) == 1 and cites[0].self_ref and cites[0].symbol is None


def test_locators_with_documents_and_quotes() -> None:
    text = ("để được công nhận \"Cộng đồng học tập\" cấp huyện theo Thông tư 25/2023/TT-BGDĐT, trong đó tại điểm a "
            "khoản 4 Điều 11 quy định:    \"Có ít nhất 90% số xã được công nhận đạt \"Cộng đồng học tập\" cấp xã mức độ 1 "
            "theo quy định tại điểm a khoản 1 Điều 8 của Thông tư này\";")
    refs = find_locators(_draft(text))
    assert [(r.article, r.clause, r.point, r.in_quote) for r in refs] == [(11, 4, "a", False), (8, 1, "a", True)]
    # the bare "Điều 11" belongs to the TT25 cited before it; "Thông tư này" in a TT25 quote is TT25
    assert [r.doc for r in refs] == ["25/2023/TT-BGDĐT", "25/2023/TT-BGDĐT"]
    assert refs[0].quote is not None and text[refs[0].quote.start] == "\""
    assert "cấp xã" not in refs[0].context  # the quotation is blanked out of the context


def test_footnote_locator_gets_the_body_sentence_of_its_marker() -> None:
    text = ("- Năm 2025 triển khai xây dựng \"Cộng đồng học tập\" cấp huyện mức độ 1, phấn đấu đạt 4 tiêu chí theo quy định  [4].\n"
            "[4] Tại Điều 12 của Thông tư 25/2023/TT-BGDĐT ngày 27/12/2023 của Bộ Giáo dục và Đào tạo.")
    (ref,) = find_locators(_draft(text))
    assert ref.footnote == "4" and ref.doc == "25/2023/TT-BGDĐT" and ref.doc_explicit
    assert ref.anchor_context is not None and "cấp huyện mức độ 1" in ref.anchor_context


def test_dieu_nay_is_the_document_itself() -> None:
    (ref,) = find_locators(_draft("Quy trình đánh giá, công nhận lại được thực hiện theo quy định tại khoản 1, khoản 2 Điều này."))
    assert (ref.article, ref.clause, ref.doc) == (None, 1, "self")


@pytest.mark.parametrize(
    ("text", "level", "muc_do", "action", "deadline", "precision", "share"),
    [
        ("- Đến hết tháng 3 năm 2026, ít nhất 90% các xã, phường, thị trấn được công nhận “Cộng đồng học tập” cấp xã mức độ 1.",
         "xa", 1, "cong-nhan", dt.date(2026, 3, 31), "month", 90.0),
        ("- Hết tháng 5 năm 2025, 100% huyện, thành phố được công nhận “Cộng đồng học tập” cấp huyện mức độ 1.",
         "huyen", 1, "cong-nhan", dt.date(2025, 5, 31), "month", 100.0),
        ("- Đến tháng 12 năm 2026, tỉnh được công nhận “Cộng đồng học tập” cấp tỉnh mức độ 1",
         "tinh", 1, "cong-nhan", dt.date(2026, 12, 31), "month", None),
        ("- Năm 2025 triển khai xây dựng \"Cộng đồng học tập\" cấp xã mức độ 1, phấn đấu thực hiện đạt 5 tiêu chí với 15 chỉ tiêu theo quy định  [1].",
         "xa", 1, "xay-dung", dt.date(2025, 12, 31), "year", None),
    ],
)
def test_targets(text: str, level: str, muc_do: int, action: str, deadline: dt.date, precision: str, share: float | None) -> None:
    (t,) = find_targets(_draft(text))
    assert (t.level, t.muc_do, t.action, t.deadline, t.precision, t.share) == (level, muc_do, action, deadline, precision, share)


def test_dossier_target_with_addressee() -> None:
    text = ("trên cơ sở kết quả tự đánh giá \"Cộng đồng học tập\" cấp tỉnh mức độ 1 đáp ứng đủ điều kiện thì UBND tỉnh gửi "
            "Hồ sơ đề nghị công nhận đến Bộ Giáo dục và Đào tạo trước ngày 31 tháng 7 năm 2026.")
    (t,) = find_targets(_draft(text))
    assert (t.level, t.action, t.addressee, t.addressee_text) == ("tinh", "ho-so", "bo", "Bộ Giáo dục và Đào tạo")
    assert (t.deadline, t.precision, t.lead) == (dt.date(2026, 7, 31), "day", "trước")
    assert t.deadline_span is not None and text[t.deadline_span.start : t.deadline_span.end] == "trước ngày 31 tháng 7 năm 2026"


def test_target_with_stated_evaluation_year_and_rule_statement_in_quote() -> None:
    text = ("đến hết tháng 5 năm 2026 hoàn thành việc đánh giá, công nhận \"Cộng đồng học tập\" cấp huyện mức độ 1 của năm 2025 "
            "(vì tại khoản 3 điều 14 của Thông tư 25/2023/TT-BGDĐT quy định: \"thời gian hoàn thành việc đánh giá, công nhận "
            "\"Cộng đồng học tập cấp huyện: trước ngày 31 tháng 5 của năm sau liền kề năm đánh giá\");")
    outside, inside = find_targets(_draft(text))
    assert (outside.evaluation_year, outside.completes, outside.in_quote) == (2025, True, False)
    assert (inside.in_quote, inside.recurring, inside.day_month, inside.level) == (True, True, (31, 5), "huyen")


def test_citation_dates_are_not_deadlines() -> None:
    text = "Thực hiện Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023 về “Cộng đồng học tập” cấp xã mức độ 1."
    assert find_targets(_draft(text)) == []


def test_other_learning_titles_are_not_targets() -> None:  # TT24 "Đơn vị học tập" has other deadlines
    assert find_targets(_draft("- Hết tháng 2 năm 2025, 100% đơn vị học tập cấp huyện đạt mức độ 1.")) == []


def test_find_dates_flags_impossible_days() -> None:
    mentions = find_dates(_draft("trước ngày 31/6/2026, ngày 29 tháng 02 năm 2025, ngày 29/02/2024, trước ngày 31/4 hằng năm"))
    assert [(m.day, m.month, m.year, m.date is None) for m in mentions] == [
        (31, 6, 2026, True), (29, 2, 2025, True), (29, 2, 2024, False), (31, 4, None, True),
    ]


def test_a_title_stops_at_the_next_citation() -> None:
    text = ("Thực hiện Công văn số 1357/UBND-KGVX ngày 15/4/2024 của Ủy ban nhân dân tỉnh về việc triển khai thực hiện "
            "Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023 của Bộ Giáo dục và Đào tạo, Ủy ban nhân dân huyện ban hành")
    letter, circular = find_citations(_draft(text))
    assert (letter.symbol, letter.title) == ("1357/UBND-KGVX", "về việc triển khai thực hiện")
    assert (circular.symbol, circular.date, circular.issuer) == ("25/2023/TT-BGDĐT", dt.date(2023, 12, 27), "Bộ Giáo dục và Đào tạo")


def test_locator_document_named_in_short() -> None:
    # "của Thông tư" and "Thông tư số 25" name the one Thông tư (numbered 25) the draft cites in full
    text = (
        "Căn cứ Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023 của Bộ trưởng Bộ Giáo dục và Đào tạo;\n"
        "- tại Điều 12 của Thông tư (mức độ 1); hồ sơ theo khoản 3 Điều 9 Thông tư số 25."
    )
    refs = find_locators(Draft(path="x.txt", kind="txt", text=text))
    assert [(r.text, r.doc) for r in refs] == [("Điều 12", "25/2023/TT-BGDĐT"), ("khoản 3 Điều 9", "25/2023/TT-BGDĐT")]
    two = text + "\nCăn cứ Thông tư số 11/2025/TT-BGDĐT ngày 12/6/2025 của Bộ trưởng Bộ Giáo dục và Đào tạo;\n- Điều 5 của Thông tư."
    last = find_locators(Draft(path="x.txt", kind="txt", text=two))[-1]
    assert (last.text, last.doc) == ("Điều 5", None)  # two Thông tư cited: which one is not guessed


def test_bare_locators_in_a_cdht_text_mean_tt25_and_lists_share_their_document() -> None:
    text = (
        "Căn cứ Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023 của Bộ trưởng Bộ Giáo dục và Đào tạo;\n"
        "- Xã đạt 05 tiêu chí, 15 chỉ tiêu theo Điều 7 (mức độ 1) về “Cộng đồng học tập”.\n"
        "- Bảo lưu 36 tháng (khoản 4 Điều 5 và khoản 4 Điều 10 Nghị định số 30/2020/NĐ-CP)."
    )
    refs = find_locators(Draft(path="x.txt", kind="txt", text=text))
    got = [(r.text, r.doc, r.doc_default) for r in refs]
    assert got == [
        ("Điều 7", "25/2023/TT-BGDĐT", True),
        ("khoản 4 Điều 5", "30/2020/NĐ-CP", False),  # the list's document, not TT25 by default
        ("khoản 4 Điều 10", "30/2020/NĐ-CP", False),
    ]
    decision = "QUYẾT ĐỊNH\nĐiều 1. Công nhận xã đạt “Cộng đồng học tập”.\n" + text
    assert find_locators(Draft(path="x.txt", kind="txt", text=decision))[1].doc is None  # a text of its own articles
