"""The self-assessment spec (tệp tự đánh giá): what a unit found when it assessed itself.

A YAML file with Vietnamese keys without diacritics; every model forbids unknown keys. Errors
carry file, line, column and the field path, in Vietnamese, and every error is reported::

    ho-so/xa-tan-lap.yaml:14:5: chi_tieu.5.a.so_lieu.ty_le: giá trị phải ≤ 100

Chỉ tiêu are keyed by their code ``<tiêu chí>.<chỉ tiêu>`` (``1.a`` … ``5.b``; ``2.đ`` may be
written ``2.dd``), as listed in ``law/data/criteria.yaml``.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from docgen import vi
from docgen.errors import Location
from docgen.law.criteria import catalog
from docgen.spec.models import Signer, SpecDate

LevelName = Literal["xa", "huyen", "tinh"]

# The unit type words a clerk may use; the default follows the level (TT25 Điều 1: "xã" covers
# xã, phường, thị trấn; "huyện" covers huyện, quận, thị xã, thành phố thuộc tỉnh…).
UNIT_TYPES: dict[str, tuple[str, ...]] = {
    "xa": ("xã", "phường", "thị trấn", "đặc khu"),
    "huyen": ("huyện", "quận", "thị xã", "thành phố"),
    "tinh": ("tỉnh", "thành phố"),
}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, str_strip_whitespace=True)


class Unit(_Model):
    """The unit that assessed itself."""

    level: LevelName = Field(alias="cap", description="Cấp: xa, huyen, tinh")
    unit_type: str | None = Field(None, alias="loai", description="xã, phường, thị trấn, huyện, quận, thị xã, thành phố, tỉnh")
    name: str = Field(alias="ten", description="Tên riêng, không kèm chữ xã/huyện/tỉnh, ví dụ Tân Lập")
    hard_area: bool = Field(False, alias="vung_kho_khan", description="Xã thuộc vùng khó khăn (chỉ tiêu điểm b khoản 5 Điều 6, 7)")
    parents: list[str] = Field(default_factory=list, alias="cap_tren", description="Đơn vị hành chính cấp trên, từ gần đến xa, ví dụ [huyện Mường Tè, tỉnh Lai Châu]")
    place: str | None = Field(None, alias="dia_danh", description="Địa danh ghi ở đầu văn bản; mặc định là tên đơn vị")
    abbrev: str = Field("UBND", alias="viet_tat", description="Chữ viết tắt tên cơ quan trong ký hiệu")

    @model_validator(mode="after")
    def _type_fits_level(self) -> Unit:
        if self.unit_type is None:
            self.unit_type = UNIT_TYPES[self.level][0]
        elif self.unit_type not in UNIT_TYPES[self.level]:
            allowed = ", ".join(UNIT_TYPES[self.level])
            raise ValueError(f"loại đơn vị “{self.unit_type}” không thuộc {vi.LEVELS[self.level]} (chọn: {allowed})")
        if self.hard_area and self.level != "xa":
            raise ValueError("chỉ xã mới có thể thuộc vùng khó khăn (điểm b khoản 5 Điều 6, 7)")
        return self

    @property
    def full_name(self) -> str:
        """``xã Tân Lập``."""
        return f"{self.unit_type} {self.name}"

    @property
    def full_address(self) -> str:
        """``xã Tân Lập, huyện Mường Tè, tỉnh Lai Châu``."""
        return ", ".join([self.full_name, *self.parents])

    @property
    def council(self) -> str:
        """``Ủy ban nhân dân xã Tân Lập``."""
        return f"Ủy ban nhân dân {self.full_name}"

    @property
    def place_name(self) -> str:
        return self.place or self.name


class Previous(_Model):
    """The unit's last recognition, if any."""

    muc_do: Literal[1, 2] = Field(alias="muc_do")
    decision_date: SpecDate = Field(alias="ngay_quyet_dinh", description="Ngày quyết định công nhận dd/mm/yyyy")
    decision: str | None = Field(None, alias="so_quyet_dinh", description="Số, ký hiệu quyết định, ví dụ 45/QĐ-PGDĐT")
    year: int | None = Field(None, alias="nam_danh_gia", description="Năm đánh giá của lần công nhận đó")


class Figures(_Model):
    """Số liệu of one chỉ tiêu. Only the keys its thresholds use are read."""

    share: float | None = Field(None, alias="ty_le", ge=0, le=100, description="Tỷ lệ (%)")
    university_share: float | None = Field(None, alias="ty_le_dai_hoc", ge=0, le=100, description="Tỷ lệ có trình độ đại học trở lên (%)")
    count: int | None = Field(None, alias="so_chuong_trinh", ge=0, description="Số chương trình giáo dục trong năm")
    level_reached: int | None = Field(None, alias="muc_do_dat", ge=1, le=3, description="Mức độ đạt chuẩn phổ cập, xóa mù chữ")
    standard_met: bool | None = Field(None, alias="dat_chuan", description="Đạt chuẩn (có/không)")
    previous_year: float | None = Field(None, alias="nam_truoc", description="Giá trị năm trước")
    this_year: float | None = Field(None, alias="nam_danh_gia", description="Giá trị năm đánh giá")
    unit: str | None = Field(None, alias="don_vi_tinh", description="Đơn vị tính của nam_truoc/nam_danh_gia, ví dụ triệu đồng")

    def get(self, key: str) -> float | bool | None:
        """The value of a catalogue ``figure`` key (the YAML alias)."""
        for name, info in type(self).model_fields.items():
            if info.alias == key:
                value = getattr(self, name)
                return value if value is None or isinstance(value, bool) else float(value)
        raise KeyError(key)


class Result(_Model):
    """Kết quả tự đánh giá of one chỉ tiêu."""

    met: bool = Field(alias="dat", description="true: đạt; false: không đạt")
    text: str | None = Field(None, alias="ket_qua", description="Kết quả thực hiện, một hai câu")
    figures: Figures = Field(default_factory=Figures, alias="so_lieu")
    evidence: list[str] = Field(default_factory=list, alias="minh_chung", description="Danh mục minh chứng")


class LowerUnits(_Model):
    """Đơn vị cấp dưới (huyện: số xã; tỉnh: số huyện) and how many are recognised."""

    total: int = Field(alias="tong_so", gt=0)
    level1: int = Field(0, alias="muc_do_1", ge=0, description="Số đơn vị đang được công nhận mức độ 1")
    level2: int = Field(0, alias="muc_do_2", ge=0, description="Số đơn vị đang được công nhận mức độ 2")

    @model_validator(mode="after")
    def _sum(self) -> LowerUnits:
        if self.level1 + self.level2 > self.total:
            raise ValueError(f"muc_do_1 + muc_do_2 = {self.level1 + self.level2} lớn hơn tong_so = {self.total}")
        return self

    def share(self, muc_do: int) -> float:
        """Percentage of units recognised at ``muc_do`` or higher (a mức-2 unit also meets mức 1)."""
        count = self.level2 if muc_do == 2 else self.level1 + self.level2
        return 100.0 * count / self.total


def _normalise_code(code: str) -> str:
    text = str(code).strip().lower().replace("dd", "đ").replace(" ", "")
    if "." not in text and len(text) >= 2:
        text = f"{text[:-1]}.{text[-1]}"
    return text


class SelfAssessment(_Model):
    """A whole self-assessment: the unit, the year, the request, the results, the Tờ trình data."""

    unit: Unit = Field(alias="don_vi")
    year: int = Field(alias="nam_danh_gia", ge=2024, le=2100, description="Năm đánh giá (số liệu 01/01–31/12)")
    requested: Literal[1, 2] = Field(alias="muc_do_de_nghi", description="Mức độ đề nghị công nhận")
    previous: Previous | None = Field(None, alias="cong_nhan_truoc")
    results: dict[str, Result] = Field(alias="chi_tieu", description="Kết quả từng chỉ tiêu, khóa là mã 1.a … 5.b")
    lower_units: LowerUnits | None = Field(None, alias="don_vi_cap_duoi")
    meeting: str | None = Field(None, alias="hop_danh_gia", description="Cuộc họp tự đánh giá: ngày, người chủ trì")
    signer: Signer = Field(alias="nguoi_ky")
    date: SpecDate | None = Field(None, alias="ngay", description="Ngày ký Tờ trình dd/mm/yyyy")
    number: str | None = Field(None, alias="so", description="Số Tờ trình; bỏ trống ở bản dự thảo")
    recipients: list[str] = Field(default_factory=list, alias="kinh_gui", description="Bỏ trống để docgen ghi cơ quan có thẩm quyền theo ngày Tờ trình")
    distribution: list[str] = Field(default_factory=list, alias="noi_nhan")
    archive: str = Field(alias="luu", description="Phần sau “Lưu:”: VT và chữ viết tắt đơn vị soạn thảo, ví dụ VT, VHXH (NĐ30 ô 9b)")

    @field_validator("results", mode="before")
    @classmethod
    def _codes(cls, value: Any) -> Any:
        if isinstance(value, dict):
            return {_normalise_code(k): v for k, v in value.items()}
        return value

    @field_validator("results", mode="after")
    @classmethod
    def _known_codes(cls, value: dict[str, Result], info: ValidationInfo) -> dict[str, Result]:
        unit, requested = info.data.get("unit"), info.data.get("requested")
        if unit is None or requested is None:
            return value
        known = catalog().get(unit.level, requested).codes()
        unknown = [code for code in value if code not in known]
        if unknown:
            hint = difflib.get_close_matches(unknown[0], known, n=1)
            more = f" (có phải “{hint[0]}”?)" if hint else ""
            raise ValueError(f"{vi.LEVELS[unit.level]} không có chỉ tiêu {', '.join(unknown)}{more}; các mã: {', '.join(known)}")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> SelfAssessment:
        if self.unit.level == "xa" and self.lower_units is not None:
            raise ValueError("cấp xã không có đơn vị cấp dưới: bỏ khóa don_vi_cap_duoi")
        if self.unit.level != "xa" and self.lower_units is None:
            lower = "xã" if self.unit.level == "huyen" else "huyện"
            raise ValueError(f"{vi.LEVELS[self.unit.level]} cần khóa don_vi_cap_duoi (số {lower} và số đã được công nhận)")
        if self.previous and self.date and self.previous.decision_date > self.date:
            raise ValueError("ngày quyết định công nhận trước sau ngày Tờ trình")
        return self


# ------------------------------------------------------------------------ loading with positions
#
# A self-assessment is read by the one spec loader (docgen.spec.loader, issue 12): the same limits,
# encodings, Vietnamese messages, positions and key suggestions as a document spec.


def load_self_assessment(path: Path, warnings: list[tuple[Location, str]] | None = None) -> tuple[SelfAssessment, Any]:
    """The validated spec and its raw YAML tree (for positions of later, semantic errors)."""
    from docgen.spec.loader import load_model

    return load_model(path, SelfAssessment, warnings)


def pydantic_message(err: Any) -> str:
    """A pydantic error of a self-assessment (or a batch row building one) in Vietnamese: the
    wording of every spec kind."""
    from docgen.spec.loader import error_message

    return error_message(err, SelfAssessment)


def position(tree: Any, *loc: Any) -> tuple[int, int]:
    """1-based (line, column) of a key path in a loaded tree (1, 1 when not found)."""
    from docgen.spec.loader import position_of

    where = position_of(tree, list(loc), "")
    return (where.line or 1, where.column or 1)
