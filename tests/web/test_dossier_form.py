"""Hồ sơ công nhận as a form: the same self-assessment, filled in field by field."""

from __future__ import annotations

import io
import re
import zipfile

from ruamel.yaml import YAML
from starlette.testclient import TestClient

from docgen.law.criteria import criteria_set
from docgen.web.dossier import starter
from tests.web.conftest import finish, form_fields, text_of


def fields(client: TestClient) -> list[tuple[str, str]]:
    return form_fields(client.get("/ho-so/bieu-mau").text, "bieu-mau")


def post(client: TestClient, posted: list[tuple[str, str]], action: str):  # type: ignore[no-untyped-def]
    data = dict(posted)
    assert len(data) == len(posted)
    return finish(client, client.post("/ho-so/bieu-mau", data={**data, "lam": action}))  # a PDF, a preview, a dossier: through its job page


def changed(posted: list[tuple[str, str]], name: str, value: str) -> list[tuple[str, str]]:
    assert any(n == name for n, _ in posted), name
    return [(n, value if n == name else v) for n, v in posted]


def test_every_indicator_of_the_level_has_a_row(client: TestClient) -> None:
    page = client.get("/ho-so/bieu-mau").text
    codes = re.findall(r'<div class="indicator" id="ct-([^"]+)">', page)
    assert codes == criteria_set("xa", 1).codes()
    assert "Tuyên truyền về học tập suốt đời, xây dựng xã hội học tập" in text_of(page)


def without_defaults(node: object) -> object:
    """``false`` and empty values are the models' defaults: an unchecked box posts nothing."""
    if isinstance(node, dict):
        return {k: without_defaults(v) for k, v in node.items() if v not in (False, None, "", [], {})}
    if isinstance(node, list):
        return [without_defaults(v) for v in node]
    return node


def test_the_example_round_trips_through_the_form(client: TestClient) -> None:
    reply = post(client, fields(client), "yaml")
    yaml = YAML(typ="safe", pure=True)
    assert yaml.load(reply.text) == without_defaults(yaml.load(starter()))


def test_the_form_decides_as_the_yaml_box(client: TestClient) -> None:
    through_form = text_of(post(client, fields(client), "danh-gia").text)
    through_box = text_of(client.post("/ho-so", data={"tu_danh_gia": starter(), "lam": "danh-gia"}).text)
    part = re.compile(r"Xã Tân Lập · cấp xã .*?Lưu ý")
    found = part.search(through_form)
    assert found is not None
    assert found.group(0) == part.search(through_box).group(0)  # type: ignore[union-attr]
    assert "Đáp ứng mức độ 1; đề nghị công nhận mức độ 1" in through_form


def test_an_indicator_not_met_is_a_refusal_with_its_reason(client: TestClient) -> None:
    page = text_of(post(client, changed(fields(client), "ct:2.a:dat", "false"), "danh-gia").text)
    assert "chưa đáp ứng “Cộng đồng học tập” cấp xã mức độ 1" in page
    assert "chỉ tiêu 2.a" in page


def test_a_figure_out_of_range_is_shown_on_its_indicator(client: TestClient) -> None:
    page = post(client, changed(fields(client), "ct:5.a:so_lieu:ty_le", "150"), "danh-gia")
    assert page.status_code == 422
    row = re.search(r'<div class="indicator bad" id="ct-5.a">(.*?)</fieldset>', page.text, re.S)
    assert row is not None
    assert "không được lớn hơn 100" in text_of(row.group(1)).split("5.b")[0]  # the spec loader's wording (issue 12)
    assert 'value="150"' in row.group(1)


def test_a_decimal_comma_is_a_number(client: TestClient) -> None:
    reply = post(client, changed(fields(client), "ct:5.a:so_lieu:ty_le", "62,5"), "yaml")
    assert YAML(typ="safe", pure=True).load(reply.text)["chi_tieu"]["5.a"]["so_lieu"] == {"ty_le": 62.5}


def test_another_level_lists_its_own_indicators(client: TestClient) -> None:
    page = post(client, changed(fields(client), "don_vi.cap", "huyen"), "cap-nhat").text
    codes = re.findall(r'<div class="indicator" id="ct-([^"]+)">', page)
    assert codes == criteria_set("huyen", 1).codes()
    assert 'name="don_vi_cap_duoi.tong_so"' in page


def test_download_the_dossier_from_the_form(client: TestClient) -> None:
    reply = post(client, fields(client), "tai")
    assert reply.status_code == 200
    with zipfile.ZipFile(io.BytesIO(reply.content)) as archive:
        assert sum(n.endswith(".docx") for n in archive.namelist()) == 3
