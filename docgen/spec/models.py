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
from typing import Annotated, Any, Final, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, GetJsonSchemaHandler, ValidationInfo, WithJsonSchema, field_validator, model_validator
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from docgen import limits, vi
from docgen.law import timeline, tt25
from docgen.law.registry import load_registry
from docgen.spec import markup


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

    name: str | None = Field(None, alias="ten", description="Tên nhiệm vụ: dòng “1. …” khi trình bày dạng danh sách a) – d)")
    content: str = Field(alias="noi_dung", description="Nội dung nhiệm vụ")
    lead_unit: str = Field(alias="chu_tri", description="Đơn vị chủ trì")
    partners: str | None = Field(None, alias="phoi_hop", description="Đơn vị phối hợp")
    timing: str = Field(alias="thoi_gian", description="Thời gian thực hiện")


# ---------------------------------------------------------------- ordered blocks (issue 12)

TEXT_WIDTH_MM: Final = 165  # A4 less the 30 + 15 mm side margins (docgen/render/layout.py)


def _markup(value: str) -> str:
    """A text with balanced ``**`` / ``*`` markup (docgen/spec/markup.py)."""
    try:
        markup.parse(value)
    except markup.MarkupError as exc:
        raise ValueError(str(exc)) from None
    return value


Marked = Annotated[str, AfterValidator(_markup)]


class TableColumn(_Model):
    """A column of a general table: its heading and, optionally, its width in millimetres."""

    title: Marked = Field(alias="tieu_de", description="Tiêu đề cột (lặp lại ở đầu mỗi trang)")
    width: float | None = Field(None, alias="rong", gt=0, le=TEXT_WIDTH_MM, description="Độ rộng cột (mm); bỏ trống để chia đều phần còn lại của 165 mm")


class Table(_Model):
    """A general table: headed columns and rows of text (``**đậm**``, ``*nghiêng*`` allowed)."""

    columns: list[TableColumn] = Field(alias="cot", min_length=1, max_length=12, description="Các cột: tieu_de, rong (mm)")
    rows: list[list[Marked]] = Field(alias="dong", min_length=1, description="Các dòng, mỗi dòng một danh sách ô theo thứ tự cột")

    @model_validator(mode="after")
    def _fits(self) -> Table:
        for i, row in enumerate(self.rows):
            if len(row) != len(self.columns):
                raise ValueError(f"dong[{i}] có {len(row)} ô, bảng có {len(self.columns)} cột")
        fixed = [c.width for c in self.columns if c.width is not None]
        free = len(self.columns) - len(fixed)
        total = sum(fixed)
        if total > TEXT_WIDTH_MM + 0.01 or (free and total > TEXT_WIDTH_MM - 8 * free):
            raise ValueError(f"tổng độ rộng các cột ({total:g} mm) vượt bề rộng vùng chữ {TEXT_WIDTH_MM} mm")
        return self


class Chunk(_Model):
    """One block of a section's ``khoi``: exactly one of paragraph, bullet, "+" bullet, note, table."""

    paragraph: Marked | None = Field(None, alias="doan", description="Đoạn văn thường")
    bullet: Marked | None = Field(None, alias="y", description="Ý gạch đầu dòng (-)")
    sub_bullet: Marked | None = Field(None, alias="y2", description="Ý cấp hai, dấu cộng (+)")
    note: Marked | None = Field(None, alias="ghi_chu", description="Ghi chú, in nghiêng")
    table: Table | None = Field(None, alias="bang", description="Bảng: cot (tieu_de, rong) và dong")

    @model_validator(mode="after")
    def _exactly_one(self) -> Chunk:
        given = [v for v in (self.paragraph, self.bullet, self.sub_bullet, self.note, self.table) if v is not None]
        if len(given) != 1:
            raise ValueError("mỗi khối cần đúng một khóa: doan, y, y2, ghi_chu hoặc bang")
        return self


# ---------------------------------------------------------------- tiến độ (issue 13)

# A milestone of TT25 as a clerk names it in ``tien_do.moc`` and ``buoc[].truoc``, and the kind
# of milestone in docgen/law/data/timeline.yaml that gives its date and clause.
MocKey = Literal["so-lieu", "ho-so", "hoan-thanh", "quyet-dinh", "bao-luu", "nang-muc-do", "cong-nhan-lai"]
MOC_KINDS: dict[MocKey, timeline.MilestoneKind] = {
    "so-lieu": "data-window",
    "ho-so": "dossier-due",
    "hoan-thanh": "completion-due",
    "quyet-dinh": "decision-within",
    "bao-luu": "retention",
    "nang-muc-do": "upgrade",
    "cong-nhan-lai": "re-recognition",
}
# The milestones a tien_do shows when ``moc`` is not given: the dated steps of the procedure.
DEFAULT_MOC: tuple[MocKey, ...] = ("so-lieu", "ho-so", "hoan-thanh", "quyet-dinh")
EVALUATION_YEAR_MIN = 2024  # TT25 in force from 12/02/2024 (Điều 25 khoản 1); checked against the registry too

Presentation = Literal["bang", "danh-sach"]
ClauseStyle = Literal["van-ban", "chu-thich"]


def _one_or_list(item: dict[str, Any], most: int) -> dict[str, Any]:
    """JSON Schema of a key written as one value or as a list of them (``cap: xa``, ``cap: [xa, tinh]``)."""
    return {"anyOf": [item, {"type": "array", "items": item, "minItems": 1, "maxItems": most}]}


def _first_muc_do() -> list[Literal[1, 2]]:
    return [1]


def _as_list(value: Any) -> Any:
    """``cap: xa`` and ``cap: [xa, huyen]`` both mean a list."""
    return [value] if value is not None and not isinstance(value, list) else value


def _check_year(year: int) -> int:
    try:
        timeline.check_evaluation_year(year)
    except timeline.TimelineError as exc:
        raise ValueError(exc.message) from None
    return year


def legal_text(due: timeline.Due) -> str:
    """"hạn gửi hồ sơ đề nghị công nhận (trước ngày 28/02/2026, điểm d khoản 1 Điều 9 Thông tư số 25/2023/TT-BGDĐT)"."""
    when = f"trước ngày {vi.date_short(due.date)}" if due.before else f"chậm nhất ngày {vi.date_short(due.date)}"
    return f"hạn “{due.label[:1].lower() + due.label[1:]}” ({when}, {due.locator.text()} {tt25_short()})"


def tt25_short() -> str:
    """"Thông tư số 25/2023/TT-BGDĐT" from the registry."""
    entry = load_registry().get(tt25.load_tt25().symbol)
    return entry.short() if entry else f"Thông tư số {tt25.load_tt25().symbol}"


class Step(_Model):
    """An office's own step in a tiến độ (a training, an internal deadline), beside the legal ones.

    Its date is its own (``han``), or an offset before a legal milestone (``truoc`` with
    ``so_ngay`` or ``so_ngay_lam_viec``); ``thoi_gian`` is free text for a step with no date.
    """

    content: str = Field(alias="noi_dung", description="Nội dung công việc của cơ quan")
    lead_unit: str | None = Field(None, alias="chu_tri", description="Đơn vị chủ trì")
    partners: str | None = Field(None, alias="phoi_hop", description="Đơn vị phối hợp")
    level: Level | None = Field(None, alias="cap", description="Cấp của mốc trong “truoc” (bắt buộc khi tien_do có nhiều cấp)")
    year: int | None = Field(None, alias="nam", ge=EVALUATION_YEAR_MIN, le=limits.YEAR_MAX, description="Năm đánh giá của mốc trong “truoc” (bắt buộc khi tien_do có nhiều năm)")
    before: MocKey | None = Field(None, alias="truoc", description="Mốc luật định mà bước này phải làm trước: so-lieu, ho-so, hoan-thanh, quyet-dinh")
    days: int | None = Field(None, alias="so_ngay", ge=0, le=366, description="Số ngày (lịch) trước mốc trong “truoc”, ví dụ 15 ngày trước hạn gửi hồ sơ")
    working_days: int | None = Field(None, alias="so_ngay_lam_viec", ge=0, le=250, description="Số ngày làm việc trước mốc trong “truoc” (trừ thứ Bảy, Chủ nhật, ngày lễ, Tết)")
    deadline: Deadline | None = Field(None, alias="han", description="Ngày riêng của bước: dd/mm/yyyy, mm/yyyy (trong tháng) hoặc yyyy; phải trước mốc trong “truoc”")
    timing: str | None = Field(None, alias="thoi_gian", description="Thời gian ghi bằng lời cho bước không có ngày, ví dụ Cuối năm học 2025-2026")

    @field_validator("year")
    @classmethod
    def _year_in_tt25(cls, value: int | None) -> int | None:
        return None if value is None else _check_year(value)

    @field_validator("before")
    @classmethod
    def _milestone_has_deadline(cls, value: MocKey | None, info: ValidationInfo) -> MocKey | None:
        level = info.data.get("level")
        if value is None or level is None:
            return value
        kind = MOC_KINDS[value]
        if timeline.rule(level.value, kind) is None:
            raise ValueError(f"{vi.LEVELS[level.value]} không có mốc “{value}” theo Thông tư số 25/2023/TT-BGDĐT")
        if kind not in ("data-window", "dossier-due", "completion-due", "decision-within"):
            raise ValueError(f"mốc “{value}” không có hạn cố định để một bước đứng trước; chọn so-lieu, ho-so, hoan-thanh hoặc quyet-dinh")
        return value

    @field_validator("deadline")
    @classmethod
    def _not_after_the_law(cls, value: Deadline | None, info: ValidationInfo) -> Deadline | None:
        """An own date must come before the legal deadline it precedes (the law wins)."""
        level, year, before = info.data.get("level"), info.data.get("year"), info.data.get("before")
        if value is None or level is None or year is None or before is None:
            return value
        due = timeline.deadline_of(level.value, MOC_KINDS[before], year)
        if due is None:
            return value
        late = value.date >= due.date if due.before else value.date > due.date
        if late:
            raise ValueError(f"{value.phrase()} muộn hơn {legal_text(due)}")
        return value

    @model_validator(mode="after")
    def _one_way_to_date(self) -> Step:
        offset = self.days is not None or self.working_days is not None
        if self.days is not None and self.working_days is not None:
            raise ValueError("chỉ dùng một trong hai khóa so_ngay hoặc so_ngay_lam_viec")
        if offset and self.before is None:
            raise ValueError("so_ngay, so_ngay_lam_viec cần khóa truoc (mốc luật định tính lùi từ đó)")
        if offset and self.deadline is not None:
            raise ValueError("bước có ngày riêng (han) thì không tính lùi (so_ngay, so_ngay_lam_viec); bỏ một trong hai")
        if offset and self.timing is not None:
            raise ValueError("ngày của bước tính lùi từ mốc luật định; bỏ thoi_gian")
        if self.deadline is None and self.before is None and self.timing is None:
            raise ValueError("bước cần ngày riêng (han), mốc luật định (truoc) hoặc thời gian ghi bằng lời (thoi_gian)")
        return self


class TienDo(_Model):
    """Tiến độ: the TT25 calendar of the levels, mức độ and years a plan covers, with its own steps.

    The legal rows come from :func:`docgen.law.timeline.milestones`; docgen writes their dates.
    """

    levels: Annotated[list[Level], WithJsonSchema(_one_or_list({"type": "string", "enum": [lv.value for lv in Level]}, 3))] = Field(
        alias="cap", min_length=1, max_length=3, description="Cấp: xa, huyen, tinh, hoặc danh sách nhiều cấp")
    muc_do: Annotated[list[Literal[1, 2]], WithJsonSchema(_one_or_list({"type": "integer", "enum": [1, 2]}, 2))] = Field(
        default_factory=_first_muc_do, alias="muc_do", min_length=1, max_length=2, description="Mức độ 1 hoặc 2, hoặc danh sách [1, 2]")
    years: Annotated[list[int], WithJsonSchema(_one_or_list({"type": "integer", "minimum": EVALUATION_YEAR_MIN, "maximum": limits.YEAR_MAX}, 10))] = Field(
        alias="nam", min_length=1, max_length=10, description="Năm đánh giá, hoặc danh sách nhiều năm")
    milestones: Annotated[list[MocKey] | None, WithJsonSchema(_one_or_list({"type": "string", "enum": list(MOC_KINDS)}, len(MOC_KINDS)))] = Field(
        None, alias="moc", min_length=1,
        description="Các mốc luật định cần đưa vào (mặc định: so-lieu, ho-so, hoan-thanh, quyet-dinh); thêm bao-luu, nang-muc-do, cong-nhan-lai nếu cần",
    )
    presentation: Presentation = Field("bang", alias="trinh_bay", description="Cách trình bày: bang (bảng) hoặc danh-sach (danh sách theo ngày)")
    clause: ClauseStyle = Field("van-ban", alias="dieu_khoan", description="Điều khoản ghi trong dòng (van-ban) hay thành chú thích cuối trang (chu-thich)")
    partners: dict[MocKey, str] = Field(default_factory=dict, alias="phoi_hop", description="Đơn vị phối hợp của từng mốc luật định, ví dụ so-lieu: Hội Khuyến học xã")
    steps: list[Step] = Field(default_factory=list, alias="buoc", description="Các bước riêng của cơ quan (tập huấn, hạn nội bộ), đặt cạnh các mốc luật định")

    @model_validator(mode="before")
    @classmethod
    def _lists_and_step_defaults(cls, data: Any) -> Any:
        """One level or year may be written without a list; a step inherits the only one."""
        if not isinstance(data, dict):
            return data
        data = {**data}
        for key in ("cap", "muc_do", "nam", "moc"):
            if key in data:
                data[key] = _as_list(data[key])
        steps = data.get("buoc")
        if isinstance(steps, list):
            inherited = {k: data[k][0] for k in ("cap", "nam") if isinstance(data.get(k), list) and len(data[k]) == 1}
            data["buoc"] = [{**inherited, **s} if isinstance(s, dict) else s for s in steps]
        return data

    @field_validator("years")
    @classmethod
    def _years_in_tt25(cls, value: list[int]) -> list[int]:
        return [_check_year(y) for y in value]

    @model_validator(mode="after")
    def _steps_fit_the_block(self) -> TienDo:
        for key in self.milestones or []:  # the default list is filtered per level
            if not any(timeline.rule(level.value, MOC_KINDS[key]) for level in self.levels):
                covered = ", ".join(vi.LEVELS[lv.value] for lv in self.levels)
                raise ValueError(f"mốc “{key}” không có ở {covered} theo Thông tư số 25/2023/TT-BGDĐT")
        for i, step in enumerate(self.steps):
            if step.before is None:
                continue
            if step.level is None or step.level not in self.levels:
                raise ValueError(f"buoc[{i}]: ghi cap (một trong: {', '.join(lv.value for lv in self.levels)}) để biết mốc “{step.before}” của cấp nào")
            if step.year is None or step.year not in self.years:
                raise ValueError(f"buoc[{i}]: ghi nam (một trong: {', '.join(str(y) for y in self.years)}) để biết mốc “{step.before}” của năm đánh giá nào")
        return self


class Section(_Model):
    """A body section. Nesting gives the numbering: I. → 1. → a) → -.

    Text may hold footnote markers ``[^key]`` resolved from the spec's ``chu_thich``.
    """

    title: str | None = Field(None, alias="tieu_de", description="Tiêu đề của mục; số thứ tự (I., 1., a)) do docgen tự đánh")
    paragraphs: list[str] = Field(default_factory=list, alias="doan", description="Đoạn văn thường")
    bullets: list[str] = Field(default_factory=list, alias="y", description="Các ý gạch đầu dòng (-)")
    chunks: list[Chunk] = Field(
        default_factory=list, alias="khoi",
        description="Các khối theo đúng thứ tự viết: doan, y (-), y2 (+), ghi_chu, bang; chữ **đậm**, *nghiêng*",
    )
    targets: list[Target] = Field(default_factory=list, alias="muc_tieu", description="Các mục tiêu (mỗi mục tiêu một ý gạch đầu dòng)")
    assignments: list[Assignment] = Field(default_factory=list, alias="phan_cong", description="Phân công nhiệm vụ cho từng đơn vị")
    tasks: list[Task] = Field(default_factory=list, alias="bang_nhiem_vu", description="Bảng phân công nhiệm vụ: nội dung, chủ trì, phối hợp, thời gian")
    task_presentation: Presentation = Field(
        "bang", alias="trinh_bay",
        description="Cách trình bày bang_nhiem_vu: bang (bảng) hoặc danh-sach (mỗi nhiệm vụ một khoản: a) Nội dung, b) Đơn vị chủ trì thực hiện, c) Đơn vị phối hợp, d) Thời gian thực hiện)",
    )
    schedule: TienDo | None = Field(None, alias="tien_do", description="Tiến độ theo Thông tư số 25/2023/TT-BGDĐT: docgen viết các mốc, hạn, điều khoản; có thể thêm bước riêng của cơ quan")
    children: list[Section] = Field(default_factory=list, alias="muc", description="Các mục con")
    role: Literal["kinh-phi", "bao-cao", "to-chuc-thuc-hien", "muc-tieu"] | None = Field(
        None, alias="vai_tro", description="Vai trò của mục (để kiểm tra và lập hồ sơ)"
    )
    annex: bool = Field(False, alias="phu_luc", description="true: mục này là một phụ lục, in sau chữ ký, sang trang mới, có dòng “Phụ lục I” và đánh số riêng")
    attached_to: str | None = Field(None, alias="kem_theo", description="Dòng “(Kèm theo …)” của phụ lục; bỏ trống để docgen viết theo số, ký hiệu, ngày của văn bản")


class Signer(_Model):
    """Người ký (ô 7): authority prefix lines, position and name."""

    agency: str | None = Field(None, alias="co_quan", description="Tên cơ quan in trên quyền hạn, chức vụ (văn bản liên tịch), ví dụ SỞ GIÁO DỤC VÀ ĐÀO TẠO; nhiều dòng thì viết nhiều dòng")
    tm: str | None = Field(None, description="TM. <tập thể>, ví dụ ỦY BAN NHÂN DÂN")
    kt: str | None = Field(None, description="KT. <chức vụ người đứng đầu>, ví dụ CHỦ TỊCH")
    tl: str | None = Field(None, description="TL. <chức vụ người đứng đầu>: ký thừa lệnh")
    tuq: str | None = Field(None, description="TUQ. <chức vụ người đứng đầu>: ký thừa ủy quyền")
    q: str | None = Field(None, description="Q. <chức vụ>: quyền người đứng đầu")
    position: str | None = Field(None, alias="chuc_vu", description="Chức vụ người ký, ví dụ PHÓ CHỦ TỊCH")
    name: str = Field(alias="ho_ten", description="Họ và tên người ký (chữ thường, viết hoa chữ đầu)")

    def lines(self) -> list[str]:
        """Authority lines in order, e.g. ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]."""
        out: list[str] = [line.strip().upper() for line in (self.agency or "").splitlines() if line.strip()]
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
    title: str | None = Field(
        None, alias="ten_loai",
        description="Tên loại viết đầy đủ khi NĐ30 cho phép thêm chữ sau tên loại, ví dụ CHƯƠNG TRÌNH PHỐI HỢP; bỏ trống để docgen viết theo loai",
    )
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

    @model_validator(mode="after")
    def _title_of_the_kind(self) -> Document:
        """A tên loại written in full starts with the kind's own (NĐ30 Phụ lục III): "CHƯƠNG TRÌNH PHỐI HỢP"
        for a chương trình, never "KẾ HOẠCH" for a báo cáo; a công văn has none."""
        if self.title is None:
            return self
        base = KIND_TITLE[self.kind]
        if base is None:
            raise ValueError("công văn không có tên loại (NĐ30 Mẫu 1.5); bỏ khóa ten_loai")
        written = " ".join(self.title.split()).upper()
        if written != base and not written.startswith(base + " "):
            raise ValueError(f"tên loại của loai {self.kind.value} phải bắt đầu bằng “{base}”, không phải “{written}”")
        return self

    @model_validator(mode="after")
    def _annexes_at_top_level(self) -> Document:
        def nested(sections: list[Section]) -> bool:
            return any(c.annex or nested(c.children) for s in sections for c in s.children)

        if nested(self.sections):
            raise ValueError("phu_luc chỉ dùng cho mục cấp cao nhất của noi_dung (một phụ lục không nằm trong mục khác)")
        for i, s in enumerate(self.sections):
            if s.annex and not s.title:
                raise ValueError(f"noi_dung[{i}]: phụ lục cần tieu_de (tên phụ lục, in hoa)")
            if s.attached_to is not None and not s.annex:
                raise ValueError(f"noi_dung[{i}]: kem_theo chỉ dùng cho phụ lục (phu_luc: true)")
        return self

    @model_validator(mode="before")
    @classmethod
    def _single_signer(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("nguoi_ky"), dict):
            data = {**data, "nguoi_ky": [data["nguoi_ky"]]}
        return data
