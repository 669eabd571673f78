"""The document spec: a typed model of an administrative document.

Spec keys are what a Vietnamese clerk writes (Vietnamese without diacritics: ``muc_tieu``,
``phan_cong``, ``nguoi_ky``); fields are English and mapped by aliases. Every model forbids
unknown keys so that a typo is reported (with a suggestion) instead of silently ignored.

Dates are written ``dd/mm/yyyy`` and parsed by docgen itself (``vi.parse_date``); a deadline may
also be a month (``03/2026`` = "hết tháng 3 năm 2026") or a year (``2027``).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from enum import Enum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, GetJsonSchemaHandler, WithJsonSchema, field_validator, model_validator
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from docgen import limits, vi


class Kind(str, Enum):
    """Tên loại văn bản that docgen renders (one template each)."""

    KE_HOACH = "ke-hoach"
    CONG_VAN = "cong-van"
    TO_TRINH = "to-trinh"
    BAO_CAO = "bao-cao"
    CHUONG_TRINH = "chuong-trinh-phoi-hop"
    QUYET_DINH = "quyet-dinh"


# NĐ30 Phụ lục III abbreviation and the UPPER tên loại; công văn has neither.
KIND_ABBREV: dict[Kind, str | None] = {
    Kind.KE_HOACH: "KH",
    Kind.CONG_VAN: None,
    Kind.TO_TRINH: "TTr",
    Kind.BAO_CAO: "BC",
    Kind.CHUONG_TRINH: "CTr",
    Kind.QUYET_DINH: "QĐ",
}
KIND_TITLE: dict[Kind, str | None] = {
    Kind.KE_HOACH: "KẾ HOẠCH",
    Kind.CONG_VAN: None,
    Kind.TO_TRINH: "TỜ TRÌNH",
    Kind.BAO_CAO: "BÁO CÁO",
    Kind.CHUONG_TRINH: "CHƯƠNG TRÌNH",
    Kind.QUYET_DINH: "QUYẾT ĐỊNH",
}


class Level(str, Enum):
    XA = "xa"
    HUYEN = "huyen"
    TINH = "tinh"


def _parse_spec_date(value: Any) -> dt.date:
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"ngày phải viết dạng dd/mm/yyyy, ví dụ 31/12/2025, không phải {value!r}")
    return vi.parse_date(value)


# The JSON Schema shows what a clerk writes (dd/mm/yyyy), not the parsed date.
DATE_PATTERN = r"^\s*\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}\s*$"
SpecDate = Annotated[
    dt.date,
    BeforeValidator(_parse_spec_date),
    WithJsonSchema({"type": "string", "pattern": DATE_PATTERN, "examples": ["27/12/2023"]}),
]

# A footnote marker in any text: ``[^key]`` refers to ``chu_thich: {key: …}``.
FOOTNOTE_MARKER = re.compile(r"\[\^([^\]\s]+)\]")

_MONTH = re.compile(r"^\s*(\d{1,2})\s*/\s*(\d{4})\s*$")
_YEAR = re.compile(r"^\s*(\d{4})\s*$")


class Deadline(BaseModel):
    """A deadline with its precision: a day, "hết tháng M năm Y", or a year.

    ``date`` is the last day the deadline allows (end of month, 31/12 for a year).
    """

    model_config = ConfigDict(frozen=True)

    date: dt.date
    precision: Literal["day", "month", "year"]

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        if isinstance(value, int) and 1900 < value < 2200:
            value = str(value)
        if isinstance(value, dt.date):
            return {"date": value, "precision": "day"}
        if not isinstance(value, str):
            return value
        if m := _MONTH.match(value):
            month, year = int(m.group(1)), int(m.group(2))
            if not 1 <= month <= 12:
                raise ValueError(f"tháng {month} không tồn tại")
            last = calendar.monthrange(year, month)[1]
            return {"date": dt.date(year, month, last), "precision": "month"}
        if m := _YEAR.match(value):
            return {"date": dt.date(int(m.group(1)), 12, 31), "precision": "year"}
        return {"date": vi.parse_date(value), "precision": "day"}

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        # What a clerk writes, not the parsed model: "31/12/2025", "03/2026" or 2027.
        return {
            "anyOf": [
                {"type": "string", "pattern": r"^\s*(\d{1,2}\s*/\s*)?(\d{1,2}\s*/\s*)?\d{4}\s*$"},
                {"type": "integer", "minimum": 1901, "maximum": 2199},
            ],
            "examples": ["31/12/2025", "03/2026", 2027],
        }

    def phrase(self) -> str:
        """How a plan writes it: "hết tháng 3 năm 2026", "năm 2027", "ngày 28/02/2026"."""
        if self.precision == "year":
            return f"năm {self.date.year}"
        if self.precision == "month":
            return f"hết tháng {self.date.month} năm {self.date.year}"
        return f"ngày {vi.date_short(self.date)}"


class _Model(BaseModel):
    # coerce_numbers_to_str: YAML reads ``so: 1357`` or ``thoi_gian: 2025`` as a number.
    # Lengths of strings and lists (docgen/limits.py) are checked by the loader, before the model.
    model_config = ConfigDict(extra="forbid", populate_by_name=True, str_strip_whitespace=True, coerce_numbers_to_str=True)


class Issuer(_Model):
    """Cơ quan ban hành (ô 2), with its chủ quản when it has one."""

    chu_quan: str | None = Field(None, alias="chu_quan", description="Tên cơ quan chủ quản (chữ in hoa, không đậm); bỏ trống nếu không có")
    name: str = Field(alias="ten", description="Tên cơ quan ban hành, chữ in hoa; xuống dòng bằng \\n")
    abbrev: str | None = Field(None, alias="viet_tat", description="Chữ viết tắt tên cơ quan dùng trong ký hiệu, ví dụ UBND, SGDĐT")


class Citation(_Model):
    """A legal basis (căn cứ): a registry document by symbol, or free text."""

    symbol: str | None = Field(None, alias="van_ban", description="Số, ký hiệu văn bản có trong sổ đăng ký, ví dụ 25/2023/TT-BGDĐT")
    text: str | None = Field(None, alias="noi_dung", description="Trích dẫn viết tay khi văn bản không có trong sổ đăng ký")
    lead: str | None = Field(None, alias="dan", description="Từ dẫn: Căn cứ, Thực hiện, Theo đề nghị của …")
    short: str | None = Field(None, alias="viet_tat", description="Tên viết tắt sau lần dẫn đầu, ví dụ Thông tư số 25/2023/TT-BGDĐT")

    @model_validator(mode="after")
    def _one_source(self) -> Citation:
        if (self.symbol is None) == (self.text is None):
            raise ValueError("mỗi căn cứ cần đúng một trong hai khóa: van_ban hoặc noi_dung")
        return self


class Target(_Model):
    """Mục tiêu: build, recognise or re-recognise "Cộng đồng học tập" at a level."""

    level: Level = Field(alias="cap", description="Cấp: xa, huyen, tinh")
    muc_do: Literal[1, 2] | None = Field(None, alias="muc_do", description="Mức độ 1 hoặc 2")
    action: Literal["xay-dung", "cong-nhan", "cong-nhan-lai"] = Field(
        "cong-nhan", alias="loai", description="xay-dung (triển khai xây dựng), cong-nhan, cong-nhan-lai"
    )
    year: int | None = Field(None, alias="nam", ge=1945, le=2100, description="Năm bắt đầu / năm đánh giá")
    deadline: Deadline | None = Field(None, alias="han", description="Hạn: dd/mm/yyyy, mm/yyyy (hết tháng) hoặc yyyy")
    share: float | None = Field(None, alias="ty_le", ge=0, le=100, description="Tỷ lệ đơn vị đạt (%)")
    count: int | None = Field(None, alias="so_luong", ge=0, description="Số đơn vị đạt")
    text: str | None = Field(None, alias="noi_dung", description="Câu mục tiêu như sẽ in; bỏ trống để docgen tự viết")
    note: str | None = Field(None, alias="ghi_chu", description="Ghi chú thêm sau câu mục tiêu")
    footnote: str | None = Field(None, alias="chu_thich", description="Chú thích cuối trang; bỏ trống để docgen dẫn điều khoản TT25")


class Assignment(_Model):
    """Phân công: one unit and its tasks."""

    unit: str = Field(alias="don_vi", description="Đơn vị được giao")
    role: Literal["chu-tri", "phoi-hop"] | None = Field(None, alias="vai_tro", description="Vai trò: chu-tri (chủ trì) hoặc phoi-hop (phối hợp)")
    tasks: list[str] = Field(alias="nhiem_vu", min_length=1, description="Các nhiệm vụ, mỗi dòng một nhiệm vụ")
    deadline: Deadline | None = Field(None, alias="han", description="Hạn hoàn thành: dd/mm/yyyy, mm/yyyy (hết tháng) hoặc yyyy")


class Task(_Model):
    """One row of a task matrix (bảng phân công nhiệm vụ)."""

    content: str = Field(alias="noi_dung", description="Nội dung nhiệm vụ")
    lead_unit: str = Field(alias="chu_tri", description="Đơn vị chủ trì")
    partners: str | None = Field(None, alias="phoi_hop", description="Đơn vị phối hợp")
    timing: str = Field(alias="thoi_gian", description="Thời gian thực hiện")


class Section(_Model):
    """A body section. Nesting gives the numbering: I. → 1. → a) → -.

    Text may hold footnote markers ``[^key]`` resolved from the spec's ``chu_thich``.
    """

    title: str | None = Field(None, alias="tieu_de", description="Tiêu đề của mục; số thứ tự (I., 1., a)) do docgen tự đánh")
    paragraphs: list[str] = Field(default_factory=list, alias="doan", description="Đoạn văn thường")
    bullets: list[str] = Field(default_factory=list, alias="y", description="Các ý gạch đầu dòng (-)")
    targets: list[Target] = Field(default_factory=list, alias="muc_tieu", description="Các mục tiêu (mỗi mục tiêu một ý gạch đầu dòng)")
    assignments: list[Assignment] = Field(default_factory=list, alias="phan_cong", description="Phân công nhiệm vụ cho từng đơn vị")
    tasks: list[Task] = Field(default_factory=list, alias="bang_nhiem_vu", description="Bảng phân công nhiệm vụ: nội dung, chủ trì, phối hợp, thời gian")
    children: list[Section] = Field(default_factory=list, alias="muc", description="Các mục con")
    role: Literal["kinh-phi", "bao-cao", "to-chuc-thuc-hien", "muc-tieu"] | None = Field(
        None, alias="vai_tro", description="Vai trò của mục (để kiểm tra và lập hồ sơ)"
    )


class Signer(_Model):
    """Người ký (ô 7): authority prefix lines, position and name."""

    tm: str | None = Field(None, description="TM. <tập thể>, ví dụ ỦY BAN NHÂN DÂN")
    kt: str | None = Field(None, description="KT. <chức vụ người đứng đầu>, ví dụ CHỦ TỊCH")
    tl: str | None = Field(None, description="TL. <chức vụ người đứng đầu>: ký thừa lệnh")
    tuq: str | None = Field(None, description="TUQ. <chức vụ người đứng đầu>: ký thừa ủy quyền")
    q: str | None = Field(None, description="Q. <chức vụ>: quyền người đứng đầu")
    position: str | None = Field(None, alias="chuc_vu", description="Chức vụ người ký, ví dụ PHÓ CHỦ TỊCH")
    name: str = Field(alias="ho_ten", description="Họ và tên người ký (chữ thường, viết hoa chữ đầu)")

    def lines(self) -> list[str]:
        """Authority lines in order, e.g. ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]."""
        out: list[str] = []
        for prefix, value in (("TM.", self.tm), ("KT.", self.kt), ("TL.", self.tl), ("TUQ.", self.tuq), ("Q.", self.q)):
            if value:
                out.append(f"{prefix} {value.upper()}")
        if self.position:
            out.append(self.position.upper())
        return out


class Document(_Model):
    """A whole administrative document."""

    kind: Kind = Field(alias="loai", description="Loại văn bản")
    issuers: list[Issuer] = Field(alias="co_quan", min_length=1, max_length=2, description="Một cơ quan, hoặc hai với văn bản liên tịch")
    number: str | None = Field(None, alias="so", description="Số văn bản; bỏ trống ở bản dự thảo")
    symbol: str | None = Field(None, alias="ky_hieu", description="Ký hiệu sau dấu /, ví dụ KH-UBND hoặc UBND-KGVX")
    place: str = Field(alias="dia_danh", description="Địa danh ghi trước ngày tháng, ví dụ Cao Bằng")
    date: SpecDate | None = Field(None, alias="ngay", description="Ngày ban hành dd/mm/yyyy; bỏ trống ở bản dự thảo")
    subject: str = Field(alias="trich_yeu", description="Trích yếu; với công văn là phần sau V/v")
    recipients: list[str] = Field(default_factory=list, alias="kinh_gui", description="Kính gửi: các nơi nhận chính (công văn, tờ trình, báo cáo lên cấp trên)")
    bases: list[Citation] = Field(default_factory=list, alias="can_cu", description="Căn cứ, văn bản thực hiện")
    opening: str | None = Field(None, alias="mo_dau", description="Câu mở đầu sau phần căn cứ")
    authority: str | None = Field(None, alias="tham_quyen", description="Thẩm quyền ban hành (Quyết định)")
    sections: list[Section] = Field(default_factory=list, alias="noi_dung", description="Các mục nội dung (I., II., …)")
    closing: str | None = Field(None, alias="ket_thuc", description="Câu kết, kết thúc bằng ./.")
    footnotes: dict[str, str] = Field(default_factory=dict, alias="chu_thich", description="Chú thích cuối trang, dẫn bằng dấu [^khóa] trong văn bản")
    signers: list[Signer] = Field(alias="nguoi_ky", min_length=1, max_length=2, description="Người ký; hai người khi hai cơ quan cùng ban hành")
    distribution: list[str] = Field(default_factory=list, alias="noi_nhan", description="Nơi nhận, mỗi dòng một nơi (không ghi dòng Lưu)")
    archive: str = Field("VT", alias="luu", description="Phần sau “Lưu:”, ví dụ VT, VX")
    draft: bool = Field(False, alias="du_thao", description="true nếu là bản dự thảo")

    @field_validator("number", mode="before")
    @classmethod
    def _positive_number(cls, value: Any) -> Any:
        """Số văn bản is a positive whole number of at most 9 digits (issue 9: ``1e99999``,
        ``.nan``, ``-5``, ``0x1F``, ``5.0`` were printed as "Số: inf", "nan", "-5", "31")."""
        if value is None:
            return None
        text = str(value).strip() if isinstance(value, (str, int)) and not isinstance(value, bool) else None
        if text is None or not text.isascii() or not text.isdigit() or len(text) > limits.SPEC_NUMBER_DIGITS or int(text) == 0:
            shown = str(value).strip() if isinstance(value, (str, int, float)) else type(value).__name__
            raise ValueError(f"số văn bản phải là số nguyên dương, tối đa {limits.SPEC_NUMBER_DIGITS} chữ số (ví dụ 5 hoặc 1357), không phải “{shown}”")
        return text

    @model_validator(mode="before")
    @classmethod
    def _single_signer(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("nguoi_ky"), dict):
            data = {**data, "nguoi_ky": [data["nguoi_ky"]]}
        return data
