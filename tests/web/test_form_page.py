"""Soạn văn bản bằng biểu mẫu: fields from the JSON Schema, posted back into the same loader."""

from __future__ import annotations

import io
import re

import docx
import pytest
from ruamel.yaml import YAML
from starlette.datastructures import FormData
from starlette.testclient import TestClient

from docgen.spec.loader import load_spec_text
from docgen.spec.schema import spec_schema
from docgen.spec.starter import starter_spec
from docgen.web import form
from tests.web.conftest import form_fields, text_of


def fields_of(page: str) -> list[tuple[str, str]]:
    return form_fields(page, "bieu-mau")


def post(client: TestClient, fields: list[tuple[str, str]], action: str):  # type: ignore[no-untyped-def]
    data = dict(fields)
    assert len(data) == len(fields)  # every input has a name of its own
    return client.post("/soan/bieu-mau", data={**data, "lam": action})


def changed(fields: list[tuple[str, str]], name: str, value: str) -> list[tuple[str, str]]:
    assert any(n == name for n, _ in fields), name
    return [(n, value if n == name else v) for n, v in fields]


@pytest.mark.parametrize("kind", ["ke-hoach", "cong-van", "to-trinh", "bao-cao", "chuong-trinh-phoi-hop", "quyet-dinh"])
def test_the_starter_round_trips_through_the_form(client: TestClient, kind: str) -> None:
    page = client.get(f"/soan/bieu-mau?loai={kind}")
    assert page.status_code == 200
    reply = post(client, fields_of(page.text), "yaml")
    assert reply.status_code == 200
    yaml = YAML(typ="safe", pure=True)
    starter = {k: v for k, v in yaml.load(starter_spec(kind)).items() if v not in (None, "", [], {}, False)}
    through = yaml.load(reply.text)
    if isinstance(starter.get("nguoi_ky"), dict):  # one signer: the form keeps it as a list of one
        starter["nguoi_ky"] = [starter["nguoi_ky"]]
    assert through == starter
    load_spec_text(reply.text, "bieu-mau.yaml")  # and it is a valid spec


def test_labels_and_help_come_from_the_schema(client: TestClient) -> None:
    page = client.get("/soan/bieu-mau?loai=to-trinh").text
    assert '<label for="f-trich_yeu">Trích yếu; với công văn là phần sau V/v <span class="req" title="bắt buộc">*</span></label>' in page
    assert '<legend>Căn cứ 1</legend>' in page
    assert 'name="can_cu.0.van_ban" value="25/2023/TT-BGDĐT" list="so-dang-ky"' in page
    assert '<option value="25/2023/TT-BGDĐT">Thông tư 25/2023/TT-BGDĐT: Quy định về đánh giá' in page


def test_a_wrong_date_is_shown_under_its_field(client: TestClient) -> None:
    fields = changed(fields_of(client.get("/soan/bieu-mau?loai=to-trinh").text), "ngay", "30/02/2026")
    page = post(client, fields, "kiem-tra")
    assert page.status_code == 422
    block = re.search(r'<div class="field bad" id="o-ngay">(.*?)</div>', page.text, re.S)
    assert block is not None
    assert "ngày 30/02/2026 không tồn tại" in text_of(block.group(1))
    assert 'value="30/02/2026"' in block.group(1)  # what the clerk typed stays


def test_a_missing_required_field_is_shown_under_it(client: TestClient) -> None:
    fields = changed(fields_of(client.get("/soan/bieu-mau?loai=to-trinh").text), "nguoi_ky.0.ho_ten", "")
    page = post(client, fields, "docx")
    assert page.status_code == 422
    block = re.search(r'<div class="field bad" id="o-nguoi_ky.0.ho_ten">(.*?)</div>', page.text, re.S)
    assert block is not None and "thiếu khóa bắt buộc" in text_of(block.group(1))


def test_lists_grow_and_shrink_without_javascript(client: TestClient) -> None:
    fields = fields_of(client.get("/soan/bieu-mau?loai=to-trinh").text)
    grown = post(client, fields, "them:can_cu").text
    assert 'name="can_cu.1.van_ban"' in grown and "<legend>Căn cứ 2</legend>" in grown
    refilled = changed(fields_of(grown), "can_cu.1.van_ban", "24/2023/TT-BGDĐT")
    shrunk = post(client, refilled, "xoa:can_cu.0").text
    assert 'name="can_cu.1.van_ban"' not in shrunk
    assert 'name="can_cu.0.van_ban" value="24/2023/TT-BGDĐT"' in shrunk


def test_download_the_docx_from_the_form(client: TestClient) -> None:
    fields = changed(fields_of(client.get("/soan/bieu-mau?loai=to-trinh").text), "trich_yeu", "Về việc soạn bằng biểu mẫu")
    reply = post(client, fields, "docx")
    assert reply.headers["content-disposition"] == 'attachment; filename="to-trinh.docx"'
    texts = [p.text for p in docx.Document(io.BytesIO(reply.content)).paragraphs]
    assert "Về việc soạn bằng biểu mẫu" in texts


def test_names_the_schema_does_not_have_are_ignored() -> None:
    posted = FormData([("trich_yeu", "Về việc A"), ("__class__", "x"), ("khong_co", "y"), ("co_quan.0.la", "z"),
                       ("../../etc", "w"), ("loai", "to-trinh")])
    assert form.data_from_form(posted, spec_schema()) == {"trich_yeu": "Về việc A", "loai": "to-trinh"}


def test_field_paths_of_the_loader_name_inputs() -> None:
    assert form.field_name("noi_dung[0].muc_tieu[12].han") == "noi_dung.0.muc_tieu.12.han"
    fields = form.build(spec_schema(), {"can_cu": [{"van_ban": "x"}]})
    left = form.attach(fields, [("can_cu[0].van_ban", "sai"), ("can_cu[0].khong_co", "lạ"), ("", "chung")])
    by_name = form.names(fields)
    assert by_name["can_cu.0.van_ban"].errors == ["sai"]
    assert by_name["can_cu.0"].errors == ["lạ"]  # the nearest group holding it
    assert left == ["chung"]


def test_an_index_that_skips_items_is_dropped() -> None:
    posted = FormData([("can_cu.0.van_ban", "25/2023/TT-BGDĐT"), ("can_cu.9999.van_ban", "x"),
                       ("noi_dung.0.muc.5000.tieu_de", "y"), ("noi_dung.0.tieu_de", "MỤC I")])
    assert form.data_from_form(posted, spec_schema()) == {
        "can_cu": [{"van_ban": "25/2023/TT-BGDĐT"}], "noi_dung": [{"tieu_de": "MỤC I"}]}


def test_deeply_nested_sections_keep_all_their_content() -> None:
    from docgen.web.compose import _form_page

    section: dict[str, object] = {"tieu_de": "Tầng 12", "doan": ["Nội dung sâu nhất."]}
    for depth in range(11, 0, -1):
        section = {"tieu_de": f"Tầng {depth}", "muc": [section]}
    page = bytes(_form_page({"loai": "bao-cao", "noi_dung": [section]}).body).decode("utf-8")
    deepest = "noi_dung.0" + ".muc.0" * 11 + ".doan"
    assert f'name="{deepest}" rows="2">Nội dung sâu nhất.</textarea>' in page


@pytest.mark.parametrize("action", ["them:noi_dung.99.muc", "them:can_cu.0", "xoa:noi_dung.7", "xoa:khong_co.0",
                                    "them:trich_yeu.muc", "xoa:can_cu.x", "them:", "xoa:"])
def test_a_list_button_for_a_place_that_is_not_there_changes_nothing(client: TestClient, action: str) -> None:
    fields = fields_of(client.get("/soan/bieu-mau?loai=to-trinh").text)
    page = post(client, fields, action)
    assert page.status_code == 200
    assert fields_of(page.text) == fields


SEGMENTS = ["noi_dung", "muc", "muc_tieu", "phan_cong", "bang_nhiem_vu", "can_cu", "co_quan", "nguoi_ky", "doan", "y",
            "tieu_de", "han", "muc_do", "cap", "nam", "van_ban", "ten", "ho_ten", "chu_thich", "loai", "ngay", "du_thao",
            "0", "1", "2", "x"]


def test_any_posted_names_give_a_page_not_a_bug() -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from docgen.web.app import create_app
    from tests.web.conftest import TOKEN, make_client

    client = make_client(create_app(TOKEN))
    names = st.lists(st.sampled_from(SEGMENTS), min_size=1, max_size=6).map(".".join)
    values = st.sampled_from(["", "1", "abc", "31/02/2026", "2025", "true", "a: b\nc", "25/2023/TT-BGDĐT"])
    actions = st.sampled_from(["kiem-tra", "yaml", "them:noi_dung", "them:noi_dung.0.muc", "xoa:noi_dung.0", "xoa:can_cu.1"])

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.dictionaries(names, values, max_size=12), actions)
    def post_any(fields: dict[str, str], action: str) -> None:
        page = client.post("/soan/bieu-mau", data={**fields, "lam": action})
        assert page.status_code in (200, 422), page.text[-500:]

    post_any()
