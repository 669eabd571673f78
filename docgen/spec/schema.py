"""JSON Schema (draft 2020-12) of a docgen spec, by YAML keys, with Vietnamese descriptions.

Editors that speak YAML Language Server (VS Code + Red Hat YAML) use it to suggest keys and flag
typos while a clerk types: put ``# yaml-language-server: $schema=docgen-spec.schema.json`` on the
first line of a spec, after ``docgen schema > docgen-spec.schema.json``.
"""

from __future__ import annotations

import json
from typing import Any, Final

from docgen import limits
from docgen.spec.models import Document

SCHEMA_ID: Final = "https://docgen.invalid/schema/spec.schema.json"
DRAFT: Final = "https://json-schema.org/draft/2020-12/schema"

# Model docstrings are English (code); the schema speaks to clerks.
_DEF_TEXT: Final[dict[str, tuple[str, str]]] = {
    "Document": ("Đặc tả văn bản", "Một văn bản hành chính (NĐ 30/2020/NĐ-CP) về “Cộng đồng học tập”, viết bằng YAML."),
    "Issuer": ("Cơ quan ban hành", "Cơ quan ban hành (ô 2), kèm cơ quan chủ quản nếu có."),
    "Citation": ("Căn cứ", "Một căn cứ: văn bản có trong sổ đăng ký (van_ban) hoặc trích dẫn viết tay (noi_dung); đúng một trong hai."),
    "Target": ("Mục tiêu", "Mục tiêu xây dựng, công nhận hoặc công nhận lại “Cộng đồng học tập” ở một cấp."),
    "Assignment": ("Phân công", "Một đơn vị và các nhiệm vụ được giao."),
    "Task": ("Dòng bảng nhiệm vụ", "Một dòng của bảng phân công nhiệm vụ."),
    "Section": ("Mục", "Một mục nội dung; lồng nhau cho số thứ tự I. → 1. → a) → -. Văn bản có thể chứa dấu chú thích [^khóa]."),
    "Chunk": ("Khối", "Một khối của khoi, đúng một khóa: doan (đoạn), y (-), y2 (+), ghi_chu (in nghiêng) hoặc bang; chữ **đậm**, *nghiêng*, \\* là dấu sao."),
    "Table": ("Bảng", "Bảng chung: các cột (tiêu đề, độ rộng mm) và các dòng; dòng tiêu đề lặp lại ở mỗi trang, mỗi dòng không bị tách trang."),
    "TableColumn": ("Cột bảng", "Một cột: tiêu đề và độ rộng (mm); cột không ghi độ rộng chia đều phần còn lại của 165 mm."),
    "TienDo": (
        "Tiến độ",
        "Tiến độ theo Thông tư số 25/2023/TT-BGDĐT: ghi cấp, mức độ, năm đánh giá; docgen viết các mốc luật định "
        "(người thực hiện, hạn theo ngày của văn bản trước hoặc sau 01/7/2025, điều khoản) theo thứ tự ngày, "
        "thành bảng hoặc danh sách, kèm các bước riêng của cơ quan.",
    ),
    "Step": (
        "Bước của cơ quan",
        "Một bước riêng của cơ quan trong tiến độ: ngày riêng (han), hoặc tính lùi từ một mốc luật định (truoc "
        "với so_ngay hoặc so_ngay_lam_viec); ngày riêng muộn hơn mốc luật định là lỗi.",
    ),
    "Signer": ("Người ký", "Người ký (ô 7): quyền hạn (TM., KT., TL., TUQ., Q.), chức vụ và họ tên."),
    "Deadline": ("Hạn", "Hạn: dd/mm/yyyy, mm/yyyy (hết tháng) hoặc yyyy (cả năm)."),
    "Kind": ("Loại văn bản", "Loại văn bản docgen dựng được, mỗi loại một mẫu."),
    "Level": ("Cấp", "Cấp của “Cộng đồng học tập”: xa (cấp xã), huyen (cấp huyện), tinh (cấp tỉnh)."),
}


def _strip_titles(node: Any) -> None:
    """Drop pydantic's generated property titles ("Chu Quan"): they are neither key nor Vietnamese."""
    if isinstance(node, dict):
        props = node.get("properties")
        if isinstance(props, dict):
            for prop in props.values():
                if isinstance(prop, dict):
                    prop.pop("title", None)
        for value in node.values():
            _strip_titles(value)
    elif isinstance(node, list):
        for value in node:
            _strip_titles(value)


def _numbers_as_text(node: Any) -> None:
    """Plain text keys also take a number: the model turns ``so: 1357`` into "1357"."""
    if isinstance(node, dict):
        for prop in (node.get("properties") or {}).values():
            if isinstance(prop, dict) and prop.get("type") == "string" and "pattern" not in prop:
                prop["type"] = ["string", "number"]
            options = prop.get("anyOf") if isinstance(prop, dict) else None
            if isinstance(options, list) and {"type": "string"} in options:
                options.insert(options.index({"type": "string"}) + 1, {"type": "number"})
        for value in node.values():
            _numbers_as_text(value)
    elif isinstance(node, list):
        for value in node:
            _numbers_as_text(value)


def spec_schema() -> dict[str, Any]:
    """The schema as a dict (see :func:`spec_json_schema`)."""
    schema = Document.model_json_schema(by_alias=True, mode="validation")
    _strip_titles(schema)
    _numbers_as_text(schema)
    for name, definition in schema.get("$defs", {}).items():
        if name in _DEF_TEXT:
            definition["title"], definition["description"] = _DEF_TEXT[name]
    # nguoi_ky may be one mapping (one signer) as well as a list (Document._single_signer).
    signers = schema["properties"]["nguoi_ky"]
    schema["properties"]["nguoi_ky"] = {
        "description": signers.pop("description", ""),
        "anyOf": [{"$ref": "#/$defs/Signer"}, signers],
    }
    # so: what Document._positive_number accepts, no more (issue 9: the schema allowed any text).
    digits = limits.SPEC_NUMBER_DIGITS
    number = schema["properties"]["so"]
    schema["properties"]["so"] = {
        "description": number.get("description", ""),
        "anyOf": [
            {"type": "integer", "minimum": 1, "maximum": 10**digits - 1},
            {"type": "string", "pattern": "^[0-9]*[1-9][0-9]*$", "maxLength": digits},
            {"type": "null"},
        ],
    }
    title, description = _DEF_TEXT["Document"]
    return {"$schema": DRAFT, "$id": SCHEMA_ID, **schema, "title": title, "description": description}


def spec_json_schema() -> str:
    """JSON Schema (draft 2020-12) of the spec, pretty-printed, non-ASCII kept (NFC)."""
    return json.dumps(spec_schema(), ensure_ascii=False, indent=2)


SELF_ASSESSMENT_ID: Final = "https://docgen.invalid/schema/tu-danh-gia.schema.json"
SCHEMA_KINDS: Final[tuple[str, ...]] = ("van-ban", "tu-danh-gia")


def self_assessment_schema() -> dict[str, Any]:
    """JSON Schema of a self-assessment (``docgen dossier``'s spec), by YAML keys."""
    from docgen.dossier.spec import SelfAssessment

    schema = SelfAssessment.model_json_schema(by_alias=True, mode="validation")
    _strip_titles(schema)
    _numbers_as_text(schema)
    title = "Đặc tả tự đánh giá"
    description = (
        "Kết quả tự đánh giá “Cộng đồng học tập” của một đơn vị (TT 25/2023/TT-BGDĐT), để docgen "
        "lập hồ sơ đề nghị công nhận (docgen dossier)."
    )
    return {"$schema": DRAFT, "$id": SELF_ASSESSMENT_ID, **schema, "title": title, "description": description}


def json_schema_of(kind: str = "van-ban") -> str:
    """The schema of one spec kind ("van-ban": a document; "tu-danh-gia": a self-assessment)."""
    if kind == "tu-danh-gia":
        return json.dumps(self_assessment_schema(), ensure_ascii=False, indent=2)
    return spec_json_schema()
