"""The spec loader: every bad input gives its Vietnamese message at the right line and field.

Line and column numbers asserted here are the ones written into tests/fixtures/specs/*.yaml
(1-based, as an editor shows them).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from docgen.errors import DocgenError, Location, SpecError
from docgen.spec.loader import Problem, clean_text, load_spec, load_spec_data, load_spec_text, suggest
from docgen.spec.models import Document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "specs"


def problems_of(name: str) -> list[tuple[int, int, str, str]]:
    """(line, column, field, message) of every problem the loader reports for a fixture."""
    with pytest.raises(SpecError) as info:
        load_spec(FIXTURES / name)
    return [(loc.line, loc.column, loc.field, msg) for loc, msg in info.value.problems]


# ---------------------------------------------------------------- good input


def test_valid_minimal_loads_with_types() -> None:
    doc = load_spec(FIXTURES / "valid_minimal.yaml")
    assert doc.number == "1357"  # YAML read a number; the model keeps text
    assert doc.date is not None and (doc.date.day, doc.date.month, doc.date.year) == (15, 4, 2024)
    assert doc.issuers[0].name == "ỦY BAN NHÂN DÂN\nTỈNH THÁI BÌNH"
    assert [s.lines() for s in doc.signers] == [["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]]
    assert doc.bases[0].symbol == "25/2023/TT-BGDĐT"


def test_text_is_nfc_and_whitespace_collapsed() -> None:
    nfd_place = unicodedata.normalize("NFD", "Thái Bình")
    source = (FIXTURES / "valid_minimal.yaml").read_text(encoding="utf-8")
    source = source.replace("dia_danh: Thái Bình", f"dia_danh: '  {nfd_place}  '")
    source = source.replace("trich_yeu: triển khai", "trich_yeu: \"triển\u00a0  khai\u200b")
    source = source.replace("Thông tư số 25/2023/TT-BGDĐT\n", "Thông tư số   25/2023/TT-BGDĐT \"\n", 1)
    doc = load_spec_text(source, "x.yaml")
    assert doc.place == "Thái Bình"
    assert unicodedata.is_normalized("NFC", doc.place)
    assert doc.subject == "triển khai thực hiện Thông tư số 25/2023/TT-BGDĐT"


def test_clean_text_keeps_line_breaks_and_drops_trailing_ones() -> None:
    assert clean_text("ỦY BAN  NHÂN DÂN \n  TỈNH CAO BẰNG\n") == "ỦY BAN NHÂN DÂN\nTỈNH CAO BẰNG"


def test_unquoted_and_quoted_dates_both_work() -> None:
    source = (FIXTURES / "valid_minimal.yaml").read_text(encoding="utf-8")
    quoted = load_spec_text(source.replace("ngay: 15/04/2024", 'ngay: "15/4/2024"'), "q.yaml")
    unquoted = load_spec_text(source, "u.yaml")
    assert quoted.date == unquoted.date


def test_single_signer_mapping_and_two_signers_list() -> None:
    source = (FIXTURES / "signers.yaml").read_text(encoding="utf-8")
    two_issuers = source.replace(
        "  - ten: SỞ GIÁO DỤC VÀ ĐÀO TẠO\n", "  - ten: SỞ GIÁO DỤC VÀ ĐÀO TẠO\n  - ten: HỘI KHUYẾN HỌC TỈNH\n"
    )
    doc = load_spec_text(two_issuers, "ok.yaml")
    assert [s.name for s in doc.signers] == ["Nguyễn Văn A", "Trần Thị B"]


def test_load_spec_data_takes_a_plain_dict_without_positions() -> None:
    data = {
        "loai": "ke-hoach",
        "co_quan": [{"ten": "ỦY BAN NHÂN DÂN"}],
        "dia_danh": "Cao Bằng",
        "trich_yeu": "Kế hoạch",
        "nguoi_ky": {"ho_ten": "Trịnh Trường Huy"},
    }
    assert isinstance(load_spec_data(data, "mem.yaml"), Document)
    with pytest.raises(SpecError) as info:
        load_spec_data({**data, "ty_le": 3}, "mem.yaml")
    assert [(loc.line, loc.field) for loc, _ in info.value.problems] == [(0, "ty_le")]


# ---------------------------------------------------------------- reading the file


def test_missing_file() -> None:
    with pytest.raises(SpecError) as info:
        load_spec(FIXTURES / "khong-co.yaml")
    assert str(info.value) == f"{FIXTURES / 'khong-co.yaml'}: không tìm thấy tệp đặc tả"
    assert isinstance(info.value, DocgenError)


@pytest.mark.parametrize("name", ["empty.yaml", "comments_only.yaml"])
def test_empty_file(name: str) -> None:
    assert problems_of(name) == [(1, 1, "", "tệp đặc tả trống")]


def test_non_utf8_file() -> None:
    assert problems_of("not_text.yaml") == [(0, 0, "", "tệp không phải văn bản UTF-8 và không nhận ra bảng mã (TCVN3, VNI)")]


def test_tcvn3_file_is_named() -> None:
    [(line, _, _, message)] = problems_of("tcvn3.yaml")
    assert line == 0
    assert message.startswith("tệp mã hóa TCVN3 (ABC")
    assert "Unicode" in message


def test_vni_file_is_named() -> None:
    [(line, _, _, message)] = problems_of("vni.yaml")
    assert line == 0
    assert message.startswith("tệp mã hóa VNI (phông VNI")


def test_tcvn3_text_resaved_as_utf8_is_named(tmp_path: Path) -> None:
    # "Céng ®ång" pasted from an old .doc: valid UTF-8, still TCVN3 letters.
    legacy = (FIXTURES / "tcvn3.yaml").read_bytes().decode("cp1252")
    (tmp_path / "spec.yaml").write_text(legacy, encoding="utf-8")
    with pytest.raises(SpecError) as info:
        load_spec(tmp_path / "spec.yaml")
    assert info.value.problems[0][1].startswith("tệp mã hóa TCVN3")


def test_unicode_spec_with_escapes_and_capitals_is_not_taken_for_legacy() -> None:
    # "\nTỈNH" and "BGDĐT" are not Vietnamese syllables; a short spec is mostly such words.
    doc = load_spec(FIXTURES / "valid_minimal.yaml")
    assert doc.place == "Thái Bình"


def test_top_level_not_a_mapping() -> None:
    assert problems_of("top_level_list.yaml") == [
        (1, 1, "", "tệp đặc tả phải là một bảng khóa (các dòng “khóa: giá trị”), không phải danh sách")
    ]


def test_broken_yaml_points_at_the_open_bracket() -> None:
    assert problems_of("broken_yaml.yaml") == [
        (4, 11, "", "lỗi cú pháp YAML: danh sách trong ngoặc vuông chưa đóng “]” hoặc thiếu dấu phẩy (phát hiện ở dòng 5)")
    ]


def test_duplicate_key() -> None:
    assert problems_of("duplicate_key.yaml") == [
        (4, 1, "", "lỗi cú pháp YAML: khóa “dia_danh” bị lặp lại trong cùng một bảng khóa")
    ]


@pytest.mark.parametrize(
    ("source", "line", "column", "message"),
    [
        ("loai: ke-hoach\nco_quan:\n\t- ten: X\n", 3, 1, "YAML không cho dùng ký tự tab để thụt lề; hãy dùng dấu cách"),
        ("loai: ke-hoach\ntrich_yeu: \"Kế hoạch\ndia_danh: X\n", 2, 12, "tệp kết thúc khi dấu nháy hoặc ngoặc còn chưa đóng (phát hiện ở dòng 4)"),
        ("loai: ke-hoach\nmo_dau: Như sau: a\n", 2, 16, "dấu “:” không hợp lệ ở đây (thiếu dấu nháy quanh giá trị có “:”, hoặc thụt lề sai)"),
        ("co_quan: {ten: X\nloai: y\n", 1, 10, "bảng khóa trong ngoặc nhọn chưa đóng “}” hoặc thiếu dấu phẩy (phát hiện ở dòng 2)"),
        ("loai: @x\n", 1, 7, "ký tự “@” không được đứng đầu một giá trị; hãy đặt giá trị trong dấu nháy"),
    ],
)
def test_yaml_syntax_errors_in_vietnamese(source: str, line: int, column: int, message: str) -> None:
    with pytest.raises(SpecError) as info:
        load_spec_text(source, "s.yaml")
    assert info.value.problems == [(Location("s.yaml", line, column), f"lỗi cú pháp YAML: {message}")]


# ---------------------------------------------------------------- validation, mapped to lines


def test_missing_fields_at_their_parent() -> None:
    assert problems_of("missing_field.yaml") == [
        (1, 1, "trich_yeu", "thiếu khóa bắt buộc"),
        (6, 3, "nguoi_ky.ho_ten", "thiếu khóa bắt buộc"),
    ]


def test_typo_key_with_suggestion() -> None:
    assert problems_of("typo_key.yaml") == [
        (8, 5, "noi_dung[0].muc_tiue", "khóa không hợp lệ `muc_tiue` — có phải ý bạn là `muc_tieu`?")
    ]


def test_key_typed_with_diacritics_is_suggested_without() -> None:
    assert problems_of("diacritic_key.yaml") == [
        (1, 1, "trich_yeu", "thiếu khóa bắt buộc"),
        (5, 1, "trich_yếu", "khóa không hợp lệ `trich_yếu` — có phải ý bạn là `trich_yeu`?"),
    ]


def test_impossible_dates_and_share_over_100_reported_together() -> None:
    assert problems_of("bad_dates.yaml") == [
        (5, 7, "ngay", "ngày 29/02/2025 không tồn tại"),
        (15, 14, "noi_dung[0].muc_tieu[1].han", "ngày 31/02/2025 không tồn tại"),
        (16, 16, "noi_dung[0].muc_tieu[1].ty_le", "giá trị 120 không được lớn hơn 100"),
    ]


def test_error_string_has_file_line_column_field() -> None:
    with pytest.raises(SpecError) as info:
        load_spec(FIXTURES / "bad_dates.yaml")
    lines = str(info.value).splitlines()
    assert lines[1] == f"{FIXTURES / 'bad_dates.yaml'}:15:14: noi_dung[0].muc_tieu[1].han: ngày 31/02/2025 không tồn tại"


def test_wrong_types_enums_and_numbers_never_pass_silently() -> None:
    assert problems_of("wrong_types.yaml") == [
        (1, 7, "loai", "giá trị “ke hoach” không hợp lệ; chọn một trong: ke-hoach, cong-van, to-trinh, bao-cao, "
         "chuong-trinh-phoi-hop, quyet-dinh — có phải ý bạn là `ke-hoach`?"),
        (3, 3, "co_quan", "phải là một danh sách (mỗi phần tử một dòng “- …”), không phải bảng khóa"),
        (5, 7, "ngay", "ngày phải viết dạng dd/mm/yyyy, ví dụ 31/12/2025, không phải 31122025"),
        (11, 17, "noi_dung[0].muc_tieu[0].muc_do", "giá trị “3” không hợp lệ; chọn một trong: 1, 2"),
        (12, 14, "noi_dung[0].muc_tieu[0].nam", "phải là số nguyên, không phải chuỗi chữ “năm sau”"),
        (13, 14, "noi_dung[0].muc_tieu[0].han", "hạn phải viết dd/mm/yyyy, mm/yyyy (hết tháng) hoặc yyyy, không phải số thập phân 3.2026"),
        (14, 10, "du_thao", "phải là true hoặc false, không phải “có lẽ”"),
    ]


def test_iso_and_impossible_iso_dates_are_not_crashes() -> None:
    assert problems_of("iso_date.yaml") == [(5, 7, "ngay", "“2025-02-30” không đúng dạng ngày dd/mm/yyyy")]


def test_yaml_11_sexagesimal_number_is_not_a_date() -> None:
    source = "%YAML 1.1\n---\n" + (FIXTURES / "valid_minimal.yaml").read_text(encoding="utf-8")
    source = source.replace("ngay: 15/04/2024", "ngay: 15:04:20")  # YAML 1.1 reads 54260
    with pytest.raises(SpecError) as info:
        load_spec_text(source, "s.yaml")
    assert info.value.problems == [
        (Location("s.yaml", 11, 7, "ngay"), "ngày phải viết dạng dd/mm/yyyy, ví dụ 31/12/2025, không phải 54260")
    ]


# ---------------------------------------------------------------- registry and footnotes


BY_HAND = (
    "; nếu đúng là một văn bản khác, hãy dẫn bằng khóa `noi_dung` thay cho `van_ban` và viết đủ tên loại, số và "
    "ký hiệu, ngày ban hành, cơ quan ban hành và trích yếu, ví dụ noi_dung: \"Quyết định số 123/QĐ-UBND ngày "
    "15/01/2025 của Ủy ban nhân dân tỉnh … về …\""
)


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("25/2024/TT-BGDĐT", "25/2023/TT-BGDĐT"),  # the year one key off
        ("52/2023/TT-BGDĐT", "25/2023/TT-BGDĐT"),  # two digits swapped
        ("1374/QĐ-TTg", "1373/QĐ-TTg"),
        ("99/2024/TT-BGDĐT", None),  # another document: issue 12 (was "44/2014/TT-BGDĐT")
        ("25/2023/QĐ-UBND", None),  # same number and year, another type and issuer
        ("7/2025/NQ-HĐND", None),
    ],
)
def test_an_unknown_symbol_is_matched_only_to_its_own_slip(written: str, hint: str | None) -> None:
    source = (FIXTURES / "valid_minimal.yaml").read_text(encoding="utf-8")
    source = source.replace("    van_ban: 25/2023/TT-BGDĐT\n", f"    van_ban: 25/2023/TT-BGDĐT\n  - van_ban: {written}\n")
    with pytest.raises(SpecError) as info:
        load_spec_text(source, "s.yaml")
    (message,) = [m for _, m in info.value.problems]
    assert message.startswith(f"văn bản “{written}” không có trong sổ đăng ký văn bản của docgen")
    assert ("có phải ý bạn là" in message) == (hint is not None)
    if hint:
        assert f"`{hint}`" in message
    assert message.endswith(BY_HAND)


def test_registry_symbols_checked_against_the_spec_date() -> None:
    assert problems_of("unknown_symbol.yaml") == [
        (9, 14, "can_cu[1].van_ban", f"văn bản “1374/QĐ-TTg” không có trong sổ đăng ký văn bản của docgen — có phải ý bạn là `1373/QĐ-TTg`?{BY_HAND}"),
        (10, 14, "can_cu[2].van_ban", f"văn bản “324/QĐ-HKHVN” không có trong sổ đăng ký văn bản của docgen — có phải ý bạn là `324/QĐ-KHVN`?{BY_HAND}"),
        (11, 14, "can_cu[3].van_ban", "văn bản “44/2014/TT-BGDĐT” đã hết hiệu lực từ ngày 12/02/2024, không dùng làm căn cứ được"),
        (12, 14, "can_cu[4].van_ban", "văn bản “27/2025/TT-BGDĐT” (ký ngày 31/12/2025) chưa được ban hành vào ngày 22/04/2024 của văn bản này"),
    ]


def test_unverified_registry_entry_gives_a_warning_not_an_error() -> None:
    source = (FIXTURES / "valid_minimal.yaml").read_text(encoding="utf-8")
    source = source.replace("    van_ban: 25/2023/TT-BGDĐT\n", "    van_ban: 25/2023/TT-BGDĐT\n  - van_ban: 2646/QĐ-BGDĐT\n")
    warnings: list[Problem] = []
    load_spec_text(source, "w.yaml", warnings)
    assert [(loc.line, loc.field) for loc, _ in warnings] == [(16, "can_cu[1].van_ban")]
    assert "chưa được xác minh" in warnings[0][1]


def test_footnote_marker_without_entry_is_an_error_unused_entry_a_warning() -> None:
    assert problems_of("footnotes.yaml") == [
        (9, 9, "noi_dung[0].doan[1]", "chú thích [^hd743] chưa có trong chu_thich")
    ]
    source = (FIXTURES / "footnotes.yaml").read_text(encoding="utf-8").replace("[^hd743]", "")
    warnings: list[Problem] = []
    doc = load_spec_text(source, "f.yaml", warnings)
    assert doc.footnotes["tt25"] == "Thông tư số 25/2023/TT-BGDĐT."
    assert warnings == [
        (Location("f.yaml", 12, 3, "chu_thich.thua"), "chú thích “thua” không được dẫn ở đâu (thiếu dấu [^thua])")
    ]


def test_more_signers_than_issuers() -> None:
    assert problems_of("signers.yaml") == [(7, 3, "nguoi_ky", "có 2 người ký nhưng chỉ có 1 cơ quan ban hành")]


# ---------------------------------------------------------------- suggestions


@pytest.mark.parametrize(
    ("word", "expected"),
    [("muc_tiue", "muc_tieu"), ("mục_tiêu", "muc_tieu"), ("nguoi-ky", "nguoi_ky"), ("zzz", None)],
)
def test_suggest(word: str, expected: str | None) -> None:
    assert suggest(word, ["muc_tieu", "nguoi_ky", "noi_nhan"]) == expected


def test_typo_keys_at_top_level_and_in_a_single_signer_mapping() -> None:
    source = (
        "loai: ke-hoach\nco_quan:\n  - ten: X\ndia_danh: X\ntrich_yeu: X\n"
        "noi_dungg: []\nnguoi_ky:\n  ho_ten: X\n  chuc_vuu: Y\n"
    )
    with pytest.raises(SpecError) as info:
        load_spec_text(source, "s.yaml")
    assert info.value.problems == [
        (Location("s.yaml", 6, 1, "noi_dungg"), "khóa không hợp lệ `noi_dungg` — có phải ý bạn là `noi_dung`?"),
        (Location("s.yaml", 9, 3, "nguoi_ky.chuc_vuu"), "khóa không hợp lệ `chuc_vuu` — có phải ý bạn là `chuc_vu`?"),
    ]


def test_unknown_key_without_a_close_match_lists_the_allowed_keys() -> None:
    source = "loai: ke-hoach\nco_quan:\n  - ten: X\n    zzz: 1\ndia_danh: X\ntrich_yeu: X\nnguoi_ky: {ho_ten: X}\n"
    with pytest.raises(SpecError) as info:
        load_spec_text(source, "s.yaml")
    assert info.value.problems == [
        (Location("s.yaml", 4, 5, "co_quan[0].zzz"), "khóa không hợp lệ `zzz`; các khóa được dùng ở đây: chu_quan, ten, viet_tat")
    ]


@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        ("2024: x\n", [(Location("s.yaml", 6, 1), "khóa “2024” không hợp lệ: tên khóa phải là chữ không dấu, ví dụ muc_tieu")]),
        ("kinh_gui:\n", [(Location("s.yaml", 6, 1, "kinh_gui"), "không được để trống (xóa khóa nếu không dùng)")]),
        ("mo_dau: [a, b]\n", [(Location("s.yaml", 6, 9, "mo_dau"), "phải là chuỗi chữ, không phải danh sách")]),
    ],
)
def test_odd_keys_and_empty_values(tail: str, expected: list[Problem]) -> None:
    source = "loai: ke-hoach\nco_quan: [{ten: X}]\ndia_danh: X\ntrich_yeu: X\nnguoi_ky: {ho_ten: X}\n" + tail
    with pytest.raises(SpecError) as info:
        load_spec_text(source, "s.yaml")
    assert info.value.problems == expected


def test_empty_required_value() -> None:
    source = "loai: ke-hoach\nco_quan: [{ten: X}]\ndia_danh:\ntrich_yeu: X\nnguoi_ky: {ho_ten: X}\n"
    with pytest.raises(SpecError) as info:
        load_spec_text(source, "s.yaml")
    assert info.value.problems == [(Location("s.yaml", 3, 1, "dia_danh"), "không được để trống")]


def test_two_yaml_documents_in_one_file() -> None:
    with pytest.raises(SpecError) as info:
        load_spec_text("loai: ke-hoach\n---\nloai: x\n", "s.yaml")
    assert info.value.problems == [
        (Location("s.yaml", 2, 1), "lỗi cú pháp YAML: tệp chỉ được chứa một đặc tả (bỏ dòng “---” thứ hai)")
    ]


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    spec = tmp_path / "notepad.yaml"
    spec.write_bytes((FIXTURES / "valid_minimal.yaml").read_text(encoding="utf-8").encode("utf-16"))
    assert load_spec(spec).place == "Thái Bình"


def test_nul_bytes_are_refused(tmp_path: Path) -> None:
    spec = tmp_path / "binary.yaml"
    spec.write_bytes(b"loai: ke-hoach\x00\x00\n")
    with pytest.raises(SpecError) as info:
        load_spec(spec)
    assert info.value.problems == [(Location(str(spec)), "tệp chứa ký tự nhị phân, không phải văn bản")]


# ---------------------------------------------------------------- YAML traps (issue 12)


def _with_paragraphs(*lines: str) -> str:
    """valid_minimal.yaml with one section whose paragraphs are ``lines``, written as given."""
    source = (FIXTURES / "valid_minimal.yaml").read_text(encoding="utf-8")
    body = "".join(f"      - {line}\n" for line in lines)
    return source + f"noi_dung:\n  - tieu_de: Tổ chức thực hiện\n    doan:\n{body}"


def test_an_unquoted_colon_says_to_quote_the_line() -> None:
    with pytest.raises(SpecError) as info:
        load_spec_text(_with_paragraphs("Đơn vị chủ trì: Phòng Văn hóa - Xã hội"), "s.yaml")
    ((loc, message),) = info.value.problems
    assert loc.field == "noi_dung[0].doan[0]"
    assert "“Đơn vị chủ trì” thành một khóa" in message
    assert '"Đơn vị chủ trì: Phòng Văn hóa - Xã hội"' in message and "`>-`" in message


def test_the_quoted_line_is_accepted() -> None:
    doc = load_spec_text(_with_paragraphs('"Đơn vị chủ trì: Phòng Văn hóa - Xã hội"'), "s.yaml")
    assert doc.sections[0].paragraphs == ["Đơn vị chủ trì: Phòng Văn hóa - Xã hội"]


@pytest.mark.parametrize("written", [r"Hoàn thành trước 31/12/2025.\nBáo cáo kết quả", r"'Một dòng\nhai dòng'"])
def test_a_backslash_n_outside_double_quotes_is_refused(written: str) -> None:
    with pytest.raises(SpecError) as info:
        load_spec_text(_with_paragraphs(written), "s.yaml")
    ((loc, message),) = info.value.problems
    assert loc.field == "noi_dung[0].doan[0]"
    assert "nằm ngoài dấu ngoặc kép" in message and "khối `|`" in message


def test_a_backslash_n_inside_double_quotes_is_a_line_break() -> None:
    doc = load_spec_text(_with_paragraphs(r'"Dòng một\nDòng hai"'), "s.yaml")
    assert doc.sections[0].paragraphs == ["Dòng một\nDòng hai"]
