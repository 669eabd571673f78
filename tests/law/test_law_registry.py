"""Legal registry: data integrity and the facts of the reference files (numbers typed here)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from importlib import resources

import pytest
from ruamel.yaml import YAML

from docgen.law.registry import Registry, RegistryEntry, Status, load_registry, normalize_symbol

CONFIDENCES = {"high", "medium", "low", "not-found"}
KIND_NAMES = {
    "thong-tu": "Thông tư",
    "nghi-dinh": "Nghị định",
    "quyet-dinh": "Quyết định",
    "ket-luan": "Kết luận",
    "chi-thi": "Chỉ thị",
    "ke-hoach": "Kế hoạch",
}
# Test-only extraction of a symbol from a citation string (library regexes live in check/patterns).
SYMBOL_IN_TEXT = re.compile(r"\d+\s*[/-]\s*[\wĐđ]+(?:\s*[/-]\s*[\wĐđ]+)*")


def raw_data() -> dict[str, list[dict[str, object]]]:
    text = resources.files("docgen.law").joinpath("data", "registry.yaml").read_text(encoding="utf-8")
    data = YAML(typ="safe", pure=True).load(text)
    assert isinstance(data, dict) and set(data) == {"issuer_abbreviations", "documents"}
    return data


def raw_entries() -> list[dict[str, object]]:
    entries = raw_data()["documents"]
    assert isinstance(entries, list)
    return entries


@pytest.fixture(scope="module")
def entries() -> tuple[RegistryEntry, ...]:
    return load_registry().entries


def test_every_raw_entry_has_source_with_ref_and_confidence() -> None:
    for item in [*raw_entries(), *raw_data()["issuer_abbreviations"]]:
        source = item.get("source")
        assert isinstance(source, dict), item.get("id")
        assert isinstance(source.get("ref"), str) and source["ref"].strip(), item.get("id")
        assert source.get("confidence") in CONFIDENCES, item.get("id") or item.get("short")


def test_data_file_is_nfc() -> None:
    text = resources.files("docgen.law").joinpath("data", "registry.yaml").read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", text) == text


def test_signed_not_after_effective_or_repeal(entries: tuple[RegistryEntry, ...]) -> None:
    for e in entries:
        if e.signed and e.effective:
            assert e.signed <= e.effective, e.id
        if e.signed and e.repealed_on:
            assert e.signed <= e.repealed_on, e.id


def test_examples_normalise_to_their_symbol(entries: tuple[RegistryEntry, ...]) -> None:
    registry = load_registry()
    for e in entries:
        assert e.examples, e.id
        for example in e.examples:
            found = SYMBOL_IN_TEXT.search(example)
            assert found, (e.id, example)
            assert normalize_symbol(found.group(0)) in {e.symbol, *e.aliases}, (e.id, example)
            assert registry.get(found.group(0)) is e, (e.id, example)


def test_kind_name_matches_kind(entries: tuple[RegistryEntry, ...]) -> None:
    for e in entries:
        assert KIND_NAMES[e.kind] == e.kind_name, e.id


def test_references_between_entries_resolve(entries: tuple[RegistryEntry, ...]) -> None:
    registry = load_registry()
    for e in entries:
        for ref in (e.repealed_by, e.replaced_by, *e.amended_by, *e.affected_by, *e.repeals):
            if ref is not None:
                assert registry.by_id(ref) is not None, (e.id, ref)


def test_registry_rejects_colliding_symbols() -> None:
    tt25 = load_registry().get("25/2023/TT-BGDĐT")
    assert tt25 is not None
    twin = dataclasses.replace(tt25, id="twin", symbol="25/2023/TT-BGDĐT")
    with pytest.raises(ValueError):
        Registry(entries=(tt25, twin))


def test_brief_documents_are_present() -> None:
    registry = load_registry()
    for symbol in [
        "25/2023/TT-BGDĐT", "44/2014/TT-BGDĐT", "24/2023/TT-BGDĐT", "22/2020/TT-BGDĐT", "1373/QĐ-TTg",
        "387/QĐ-TTg", "677/QĐ-TTg", "1315/QĐ-TTg", "2646/QĐ-BGDĐT", "324/QĐ-KHVN", "448/QĐ-KHVN",
        "09/2008/QĐ-BGDĐT", "40/2010/TT-BGDĐT", "49-KL/TW", "11-CT/TW", "489/QĐ-TTg", "14/CT-TTg",
        "89/QĐ-TTg", "281/QĐ-TTg", "1520/QĐ-TTg", "20/2014/NĐ-CP", "757/QĐ-BKHCN", "30/2020/NĐ-CP",
        "142/2025/NĐ-CP", "143/2025/NĐ-CP", "11/2025/TT-BGDĐT", "26/2025/TT-BGDĐT", "27/2025/TT-BGDĐT",
        "292/QĐ-BGDĐT", "1766/QĐ-BGDĐT",
    ]:
        entry = registry.get(symbol)
        assert entry is not None, symbol
        assert entry.symbol == symbol


# ---------------------------------------------------------------- facts (reference numbers)


def test_tt25_identity() -> None:
    e = load_registry().get("25/2023/TT-BGDĐT")
    assert e is not None
    assert e.signed == dt.date(2023, 12, 27)
    assert e.effective == dt.date(2024, 2, 12)
    assert e.confidence == "high"
    assert e.title == "Quy định về đánh giá, công nhận “Cộng đồng học tập” cấp xã, huyện, tỉnh"


def test_tt25_citations() -> None:
    e = load_registry().get("25/2023/TT-BGDĐT")
    assert e is not None
    assert e.citation() == (
        "Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023 của Bộ trưởng Bộ Giáo dục và Đào tạo "
        "ban hành Quy định về đánh giá, công nhận “Cộng đồng học tập” cấp xã, huyện, tỉnh"
    )
    assert e.short() == "Thông tư số 25/2023/TT-BGDĐT"


def test_tt44_repealed_by_tt25_on_its_effective_day() -> None:
    registry = load_registry()
    tt44 = registry.get("44/2014/TT-BGDĐT")
    assert tt44 is not None and tt44.repealed_by is not None
    assert tt44.signed == dt.date(2014, 12, 12)
    assert tt44.repealed_on == dt.date(2024, 2, 12)
    assert registry.by_id(tt44.repealed_by) is registry.get("25/2023/TT-BGDĐT")
    assert tt44.status_on(dt.date(2024, 2, 11)) is Status.IN_FORCE
    assert tt44.status_on(dt.date(2024, 2, 12)) is Status.REPEALED


def test_tt25_status_over_time() -> None:
    e = load_registry().get("25/2023/TT-BGDĐT")
    assert e is not None
    assert e.status_on(dt.date(2023, 12, 26)) is Status.NOT_YET_ISSUED
    assert e.status_on(dt.date(2024, 1, 15)) is Status.NOT_YET_EFFECTIVE
    assert e.status_on(dt.date(2024, 2, 12)) is Status.IN_FORCE


def test_tt24_dates() -> None:
    e = load_registry().get("24/2023/TT-BGDĐT")
    assert e is not None
    assert (e.signed, e.effective) == (dt.date(2023, 12, 11), dt.date(2024, 1, 26))


def test_unverified_day_is_left_out_of_the_citation() -> None:
    e = load_registry().get("1315/QĐ-TTg")
    assert e is not None
    assert e.date_confidence == "low"
    assert e.confidence == "high"
    assert "09/11" not in e.citation()
    assert e.citation().startswith("Quyết định số 1315/QĐ-TTg tháng 11/2023 của Thủ tướng Chính phủ ")


def test_date_not_found_gives_no_date() -> None:
    e = load_registry().get("40/2010/TT-BGDĐT")
    assert e is not None
    assert e.signed is None
    assert "ngày" not in e.citation()
    assert e.citation() == "Thông tư số 40/2010/TT-BGDĐT của Bộ trưởng Bộ Giáo dục và Đào tạo"
    assert e.status_on(dt.date(2009, 6, 1)) is Status.NOT_YET_ISSUED
    assert e.status_on(dt.date(2010, 6, 1)) is Status.UNKNOWN
    assert e.status_on(dt.date(2011, 6, 1)) is Status.IN_FORCE


@pytest.mark.parametrize("symbol", ["2646/QĐ-BGDĐT", "757/QĐ-BKHCN"])
def test_not_found_entries_stay_unverified(symbol: str) -> None:
    e = load_registry().get(symbol)
    assert e is not None
    assert e.confidence == "not-found"
    assert e.signed is None
    assert e.status_on(dt.date(2026, 1, 1)) is Status.UNKNOWN
    assert e.status_on(dt.date(2026, 1, 1)).label == "chưa xác minh"


def test_kl49_issued_by_ban_bi_thu_not_bo_chinh_tri() -> None:
    e = load_registry().get("49-KL/TW")
    assert e is not None
    assert e.signed == dt.date(2019, 5, 10)
    assert e.signer_title == "Ban Bí thư Trung ương Đảng khóa XII"
    assert "Bộ Chính trị" in [w.value for w in e.wrong_forms if w.field == "issuer"]
    assert e.citation().startswith("Kết luận số 49-KL/TW ngày 10/05/2019 của Ban Bí thư Trung ương Đảng khóa XII về ")


def test_other_known_dates() -> None:
    registry = load_registry()
    expected = {
        "1373/QĐ-TTg": dt.date(2021, 7, 30),
        "387/QĐ-TTg": dt.date(2022, 3, 25),
        "677/QĐ-TTg": dt.date(2022, 6, 3),
        "324/QĐ-KHVN": dt.date(2023, 10, 25),
        "09/2008/QĐ-BGDĐT": dt.date(2008, 3, 24),
        "11-CT/TW": dt.date(2007, 4, 13),
        "489/QĐ-TTg": dt.date(2020, 4, 8),
        "14/CT-TTg": dt.date(2021, 5, 25),
        "20/2014/NĐ-CP": dt.date(2014, 3, 24),
        "30/2020/NĐ-CP": dt.date(2020, 3, 5),
        "142/2025/NĐ-CP": dt.date(2025, 6, 12),
        "11/2025/TT-BGDĐT": dt.date(2025, 6, 12),
        "27/2025/TT-BGDĐT": dt.date(2025, 12, 31),
        "292/QĐ-BGDĐT": dt.date(2024, 1, 16),
        "1766/QĐ-BGDĐT": dt.date(2024, 7, 1),
    }
    for symbol, signed in expected.items():
        entry = registry.get(symbol)
        assert entry is not None and entry.signed == signed, symbol
    for symbol in ["143/2025/NĐ-CP", "26/2025/TT-BGDĐT"]:
        entry = registry.get(symbol)
        assert entry is not None and entry.signed is None, symbol


# ---------------------------------------------------------------- lookup


@pytest.mark.parametrize(
    "written",
    [
        "25/2023/TT-BGDĐT",
        "25/2023/TT- BGDĐT",  # seed 000
        "25/2023/TTBGDĐT",  # seed 000
        "25 / 2023 / TT - BGDĐT",
        "25/2023/TT-BGDđT",
        "25/2023/TT-BGDDT",
        "25/2023/TT\u2013BGDĐT",  # en dash
        "25/2023/TT-BGD\u00d0T",  # Icelandic eth instead of Đ
        unicodedata.normalize("NFD", "25/2023/TT-BGDĐT"),
    ],
)
def test_get_is_tolerant(written: str) -> None:
    entry = load_registry().get(written)
    assert entry is not None
    assert entry.symbol == "25/2023/TT-BGDĐT"


def test_normalize_symbol_forms() -> None:
    assert normalize_symbol("25/2023/TT- BGDĐT") == "25/2023/TT-BGDĐT"
    assert normalize_symbol("25/2023/TTBGDĐT") == "25/2023/TT-BGDĐT"
    assert normalize_symbol("1373/QĐTTg") == "1373/QĐ-TTg"
    assert normalize_symbol("49KL/TW") == "49-KL/TW"
    assert normalize_symbol("20/2014/NĐ - CP") == "20/2014/NĐ-CP"


def test_party_symbol_without_hyphen_is_found() -> None:
    entry = load_registry().get("49KL/TW")
    assert entry is not None and entry.symbol == "49-KL/TW"


def test_wrong_form_found_only_as_alias() -> None:
    registry = load_registry()
    assert registry.get("324/QĐ-HKHVN") is None
    alias = registry.find_alias("324/QĐ-HKHVN")
    assert alias is not None and alias.symbol == "324/QĐ-KHVN"
    assert registry.find_alias("324/QĐ-KHVN") is None


def test_accepted_variant_symbol() -> None:
    entry = load_registry().get("448/QĐ-HKH")
    assert entry is not None and entry.symbol == "448/QĐ-KHVN"
    assert entry.confidence == "low"


def test_unknown_symbol() -> None:
    assert load_registry().get("1/QĐ-XYZ") is None
    assert load_registry().find_alias("1/QĐ-XYZ") is None


# ---------------------------------------------------------------- issuer abbreviations and effective dates


@pytest.mark.parametrize("written", ["GDĐT", "GD&ĐT", "GD-ĐT", "GD - ĐT", "GD \u2013 ĐT", "gd&đt", "GD.ĐT"])
def test_abbreviation_is_found_whatever_joins_its_parts(written: str) -> None:
    assert load_registry().expand_abbreviation(written) == "Giáo dục và Đào tạo"


def test_abbreviations_of_issuers_in_the_registry() -> None:
    registry = load_registry()
    assert registry.expand_abbreviation("UBND") == "Ủy ban nhân dân"
    assert registry.expand_abbreviation("TW") == "Trung ương"
    assert registry.expand_abbreviation("KH&CN") == "Khoa học và Công nghệ"
    assert registry.expand_abbreviation("Bộ") is None
    assert registry.expand_abbreviation("GD") is None


def test_registry_rejects_an_abbreviation_listed_twice() -> None:
    registry = load_registry()
    gddt = registry.abbreviations[0]
    with pytest.raises(ValueError):
        Registry(entries=registry.entries, abbreviations=(gddt, dataclasses.replace(gddt, short="GD&ĐT")))


def test_effective_confidence_defaults_to_the_entry_confidence() -> None:
    registry = load_registry()
    tt25, tt11, tt40 = (registry.get(s) for s in ("25/2023/TT-BGDĐT", "11/2025/TT-BGDĐT", "40/2010/TT-BGDĐT"))
    assert tt25 is not None and tt25.effective_confidence == "high"
    assert tt11 is not None and tt11.effective_confidence == "medium"
    assert tt40 is not None and tt40.effective is None and tt40.effective_confidence == "not-found"


def test_tt25_repealed_tt44_whose_title_said_xep_loai() -> None:
    registry = load_registry()
    tt25 = registry.get("25/2023/TT-BGDĐT")
    assert tt25 is not None and tt25.repeals == ("tt44-2014",)
    tt44 = registry.by_id("tt44-2014")
    assert tt44 is not None and tt44.title is not None and "xếp loại" in tt44.title
    assert tt25.title is not None and "công nhận" in tt25.title and "xếp loại" not in tt25.title


def test_law_data_reads_the_same_under_yaml_1_1_and_1_2() -> None:
    """read_data uses PyYAML (YAML 1.1) for speed; ruamel.yaml (YAML 1.2) must agree on every file."""
    from importlib import resources

    from ruamel.yaml import YAML

    from docgen.law.registry import read_data

    names = [p.name for p in resources.files("docgen.law").joinpath("data").iterdir() if p.name.endswith(".yaml")]
    assert len(names) >= 4
    for name in names:
        text = resources.files("docgen.law").joinpath("data", name).read_text(encoding="utf-8")
        assert read_data(name) == YAML(typ="safe", pure=True).load(text), name
