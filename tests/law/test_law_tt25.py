"""TT25 article map: structure, locators, and the facts of tt25.md (numbers typed here)."""

from __future__ import annotations

import unicodedata

import pytest

from docgen import vi
from docgen.law import tt25
from docgen.law.tt25 import Clause, Locator, Point, clause_exists, topic_of

CHAPTERS = {"I": range(1, 5), "II": range(5, 10), "III": range(10, 15), "IV": range(15, 20), "V": range(20, 25), "VI": range(25, 27)}


def test_26_articles_in_6_chapters() -> None:
    assert len(tt25.articles()) == 26
    assert tt25.article(0) is None
    assert tt25.article(27) is None
    for chapter, numbers in CHAPTERS.items():
        for n in numbers:
            art = tt25.article(n)
            assert art is not None and art.number == n and art.chapter == chapter


def test_every_article_clause_and_point_has_a_source() -> None:
    for art in tt25.articles():
        assert art.source.ref and art.source.confidence
        for clause in art.clauses:
            assert clause.source.ref, (art.number, clause.number)
            for point in clause.points:
                assert point.source.ref, (art.number, clause.number, point.letter)


@pytest.mark.parametrize(
    ("level", "muc_do", "article", "tieu_chi", "chi_tieu"),
    [("xa", 1, 6, 5, 15), ("xa", 2, 7, 5, 15), ("huyen", 1, 11, 4, 13), ("huyen", 2, 12, 4, 13), ("tinh", 1, 16, 4, 16), ("tinh", 2, 17, 4, 16)],
)
def test_criteria_articles_and_counts(level: tt25.Level, muc_do: tt25.MucDo, article: int, tieu_chi: int, chi_tieu: int) -> None:
    assert tt25.criteria_article(level, muc_do) == article
    count = tt25.criteria(level, muc_do)
    assert (count.tieu_chi, count.chi_tieu) == (tieu_chi, chi_tieu)
    art = tt25.article(article)
    assert art is not None
    assert (art.level, art.muc_do, art.topic) == (level, muc_do, "criteria")
    assert len(art.clauses) == tieu_chi


@pytest.mark.parametrize(("article", "chi_tieu"), [(6, 15), (11, 13), (16, 16)])
def test_muc_do_1_points_add_up_to_chi_tieu(article: int, chi_tieu: int) -> None:
    art = tt25.article(article)
    assert art is not None
    assert sum(len(c.points) for c in art.clauses) == chi_tieu


def test_dieu_11_is_huyen_muc_do_1_and_dieu_12_is_muc_do_2() -> None:
    # Seed 000 footnote [4] cites Điều 12 for huyện mức độ 1: wrong, it is Điều 11.
    art11, art12 = tt25.article(11), tt25.article(12)
    assert art11 is not None and art12 is not None
    assert (art11.level, art11.muc_do) == ("huyen", 1)
    assert (art12.level, art12.muc_do) == ("huyen", 2)


def test_other_article_numbers() -> None:
    assert [tt25.authority_article(lv) for lv in tt25.LEVELS] == [5, 10, 15]
    assert [tt25.conditions_article(lv) for lv in tt25.LEVELS] == [8, 13, 18]
    assert [tt25.procedure_article(lv) for lv in tt25.LEVELS] == [9, 14, 19]


def point(article: int, clause: int, letter: str) -> Point:
    found = tt25.find(Locator(article, clause, letter))
    assert isinstance(found, Point)
    return found


def test_note_a_official_cross_references() -> None:
    assert point(11, 4, "a").refers_to == "điểm a khoản 1 Điều 8"
    assert point(12, 4, "a").refers_to == "điểm b khoản 2 Điều 8"
    assert point(16, 4, "a").refers_to == "điểm a khoản 1 Điều 13"
    assert point(17, 4, "a").refers_to == "điểm b khoản 2 Điều 13"
    # 90 % of districts at district mức độ 2, not of communes (seed 000 footnote [12]).
    assert "90% số huyện" in point(17, 4, "a").summary
    assert "mức độ 2" in point(17, 4, "a").summary
    assert "90% số xã" in point(12, 4, "a").summary


def test_every_refers_to_points_at_an_existing_place() -> None:
    for art in tt25.articles():
        for clause in art.clauses:
            refs = [clause.refers_to, *(p.refers_to for p in clause.points)]
            for ref in refs:
                if ref is not None:
                    assert clause_exists(Locator.parse(ref)) is True, (art.number, ref)


def test_procedure_and_effect_facts() -> None:
    d = tt25.find(Locator(9, 1, "d"))
    assert isinstance(d, Point) and "28 tháng 02" in d.summary and "Phòng Giáo dục và Đào tạo" in d.summary
    k3 = tt25.find(Locator(9, 3))
    assert isinstance(k3, Clause) and "31 tháng 3" in k3.summary
    assert isinstance(tt25.find(Locator(9, 4)), Clause)
    e = tt25.find(Locator(19, 2, "e"))
    assert isinstance(e, Point) and "20 ngày làm việc" in e.summary
    eff = tt25.find(Locator(25, 1))
    assert isinstance(eff, Clause) and "12/02/2024" in eff.summary and "44/2014/TT-BGDĐT" in eff.summary
    for art in (5, 10, 15):
        k4 = tt25.find(Locator(art, 4))
        assert isinstance(k4, Clause) and "36 tháng" in k4.summary and k4.source.confidence == "high"
        k3 = tt25.find(Locator(art, 3))
        assert isinstance(k3, Clause) and "12 tháng" in k3.summary and k3.source.confidence == "medium"


# ---------------------------------------------------------------- Locator


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("điểm a khoản 4 Điều 11", Locator(11, 4, "a")),
        ("khoản 3 Điều 9", Locator(9, 3)),
        ("Điều 25", Locator(25)),
        ("Điểm đ Khoản 2 Điều 19", Locator(19, 2, "đ")),
        ("điểm  d)  khoản 1  điều 9", Locator(9, 1, "d")),
    ],
)
def test_locator_parse(text: str, expected: Locator) -> None:
    assert Locator.parse(text) == expected


@pytest.mark.parametrize("text", ["điểm a khoản 4 Điều 11", "khoản 3 Điều 9", "Điều 25", "điểm đ khoản 2 Điều 19"])
def test_locator_text_round_trip(text: str) -> None:
    assert Locator.parse(text).text() == text


def test_locator_text_form() -> None:
    assert Locator(11, 4, "a").text() == "điểm a khoản 4 Điều 11"


@pytest.mark.parametrize("text", ["khoản 4", "Điều x", "Điều 11 khoản 4", "điểm a Điều 3", "điểm f khoản 1 Điều 6", "Điều 0", ""])
def test_locator_parse_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        Locator.parse(text)


@pytest.mark.parametrize(
    ("locator", "expected"),
    [
        (Locator(9, 1, "d"), True),
        (Locator(9, 3), True),
        (Locator(19, 2, "e"), True),
        (Locator(19, 2, "c"), True),  # điểm e exists, so a–đ exist
        (Locator(26), True),
        (Locator(27), False),
        (Locator(9, 5), False),
        (Locator(19, 4), False),  # tỉnh has no khoản 4 in Điều 19
        (Locator(11, 4, "d"), False),
        (Locator(8, 1, "c"), False),
        (Locator(5, 5), None),
        (Locator(9, 1, "e"), False),  # P1 holds the whole of Điều 9: khoản 1 ends at điểm d
        (Locator(7, 1, "a"), False),  # khoản 1 Điều 7 only refers to khoản 1 Điều 6
        (Locator(22, 3), False),
        (Locator(2, 1), None),
    ],
)
def test_clause_exists(locator: Locator, expected: bool | None) -> None:
    assert clause_exists(locator) is expected


def test_topic_of() -> None:
    assert topic_of(Locator(9, 1, "d")) == "procedure"
    assert topic_of(Locator(5, 4)) == "authority"
    assert topic_of(Locator(6)) == "criteria"
    assert topic_of(Locator(8, 2, "b")) == "conditions"
    assert topic_of(Locator(25)) == "effect"
    assert topic_of(Locator(21, 3)) == "responsibility"
    assert topic_of(Locator(30)) is None


def test_verbatim_texts_of_the_90_percent_condition() -> None:
    assert point(12, 4, "a").text == (
        "Chỉ tiêu 1: Có ít nhất 90% số xã được công nhận đạt “Cộng đồng học tập” cấp xã mức độ 2 "
        "theo quy định tại điểm b khoản 2 Điều 8 Thông tư này;"
    )
    assert point(17, 4, "a").text == (
        "Chỉ tiêu 1: Có ít nhất 90% số huyện được công nhận đạt “Cộng đồng học tập” cấp huyện mức độ 2 "
        "theo quy định tại điểm b khoản 2 Điều 13 Thông tư này;"
    )


def test_chi_tieu_numbers_follow_point_letters() -> None:
    # Transcription check: in a criteria article, điểm n of a khoản is "Chỉ tiêu n".
    for n in (6, 7, 11, 12, 16, 17):
        art = tt25.article(n)
        assert art is not None
        for clause in art.clauses:
            for i, p in enumerate(clause.points, 1):
                assert p.letter == vi.point_letter(i), (n, clause.number, p.letter)
                assert p.text is not None and p.text.startswith(f"Chỉ tiêu {i}: "), (n, clause.number, p.letter)


def test_texts_are_nfc_and_mention_their_own_deadlines() -> None:
    for art in tt25.articles():
        for clause in art.clauses:
            for text in [clause.text, *(p.text for p in clause.points)]:
                if text is not None:
                    assert unicodedata.normalize("NFC", text) == text
    deadlines = {(9, 1, "d"): "trước ngày 28 tháng 02", (14, 1, "d"): "trước ngày 30 tháng 4", (19, 1, "d"): "trước ngày 31 tháng 7"}
    for (a, c, letter), words in deadlines.items():
        text = point(a, c, letter).text
        assert text is not None and words in text
