"""Starter specs: a commented YAML file per document kind, printed by ``docgen new KIND``.

Each starter is valid as it stands (tests load every one), so a clerk can render it at once and
then replace the example text. Comments are Vietnamese: they are read by clerks.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from docgen.errors import UsageError
from docgen.spec.models import KIND_ABBREV, Kind
from docgen.spec.office import OfficeDefaults

_HEADER: Final = """\
# Đặc tả văn bản cho docgen ({title}).
# Dựng văn bản:  docgen render {file}
# Khóa viết tiếng Việt không dấu; giá trị viết tiếng Việt có dấu (Unicode).
# Dòng bắt đầu bằng # là chú giải, docgen bỏ qua. Xem mọi khóa: docgen schema
loai: {kind}   # loại văn bản: {kinds}
du_thao: true                # bản dự thảo: để trống số và ngày cho Văn thư điền

# Cơ quan ban hành (ô 2). chu_quan: cơ quan chủ quản (bỏ dòng này nếu không có, ví dụ UBND).
# ten: tên cơ quan, chữ in hoa; xuống dòng bằng \\n. viet_tat: dùng trong ký hiệu.
{issuers}
so:                          # số văn bản: bỏ trống ở bản dự thảo
ky_hieu: {symbol}   # ký hiệu sau dấu /
{place}
ngay:                        # ngày ban hành dd/mm/yyyy, ví dụ 15/04/2024; bỏ trống ở bản dự thảo
"""

_ISSUERS: Final = """\
co_quan:
  - chu_quan: UBND TỈNH CAO BẰNG
    ten: SỞ GIÁO DỤC VÀ ĐÀO TẠO
    viet_tat: SGDĐT
{extra_issuer}"""

_PLACE: Final = "dia_danh: Cao Bằng           # địa danh trước ngày tháng"

_SECOND_ISSUER: Final = """\
  - ten: "HỘI KHUYẾN HỌC\\nTỈNH CAO BẰNG"   # cơ quan thứ hai cùng ban hành
    viet_tat: HKH
"""

_SUBJECT: Final[dict[Kind, str]] = {
    Kind.KE_HOACH: "Triển khai xây dựng “Cộng đồng học tập” cấp xã năm 2025",
    Kind.CONG_VAN: "triển khai thực hiện Thông tư số 25/2023/TT-BGDĐT",
    Kind.TO_TRINH: "Về việc đề nghị phê duyệt Kế hoạch xây dựng “Cộng đồng học tập” cấp tỉnh năm 2025",
    Kind.BAO_CAO: "Kết quả xây dựng “Cộng đồng học tập” năm 2024",
    Kind.CHUONG_TRINH: "Phối hợp xây dựng “Cộng đồng học tập” giai đoạn 2025 - 2030",
    Kind.QUYET_DINH: "Về việc thành lập Hội đồng đánh giá “Cộng đồng học tập” cấp xã năm 2025",
}

_SUBJECT_HINT: Final[dict[Kind, str]] = {
    Kind.CONG_VAN: "# Trích yếu: phần sau “V/v”, viết thường.",
    Kind.TO_TRINH: "# Trích yếu của tờ trình: “Về việc …”.",
    Kind.QUYET_DINH: "# Trích yếu của quyết định: “Về việc …” hoặc “Ban hành …”; không dùng “V/v”.",
}

_RECIPIENTS: Final = """
# Kính gửi (ô 9a): mỗi nơi một dòng; docgen thêm “- ”, dấu “;” và dấu “.” cuối.
kinh_gui:
  - {recipient}
"""

_RECIPIENT: Final[dict[Kind, str]] = {
    Kind.CONG_VAN: "Ủy ban nhân dân các xã, phường",
    Kind.TO_TRINH: "Ủy ban nhân dân tỉnh",
    Kind.BAO_CAO: "Ủy ban nhân dân tỉnh",
}

_BASES: Final = """
# Căn cứ. van_ban: số, ký hiệu có trong sổ đăng ký văn bản của docgen (docgen tự viết đủ tên, ngày,
# cơ quan ban hành và trích yếu); noi_dung: trích dẫn tự viết cho văn bản không có trong sổ.
# dan: từ dẫn (Căn cứ, Thực hiện, Theo đề nghị của …). viet_tat: tên gọi tắt ở các lần dẫn sau.
can_cu:
  - dan: Căn cứ
    van_ban: 25/2023/TT-BGDĐT
    viet_tat: Thông tư số 25/2023/TT-BGDĐT
mo_dau: "{opening}"   # câu mở đầu sau căn cứ
"""

_OPENING: Final[dict[Kind, str]] = {
    Kind.KE_HOACH: "Sở Giáo dục và Đào tạo xây dựng Kế hoạch như sau:",
    Kind.CONG_VAN: "Sở Giáo dục và Đào tạo đề nghị các đơn vị thực hiện như sau:",
    Kind.TO_TRINH: "Sở Giáo dục và Đào tạo kính trình Ủy ban nhân dân tỉnh như sau:",
    Kind.BAO_CAO: "Sở Giáo dục và Đào tạo báo cáo kết quả năm 2024 như sau:",
    Kind.CHUONG_TRINH: "Hai bên thống nhất Chương trình phối hợp như sau:",
    Kind.QUYET_DINH: "Theo đề nghị của Trưởng phòng Giáo dục thường xuyên.",
}

_TARGETS: Final = """\
    # Mục tiêu. cap: xa, huyen, tinh. muc_do: 1 hoặc 2. loai: xay-dung, cong-nhan, cong-nhan-lai.
    # nam: năm đánh giá. han: dd/mm/yyyy, mm/yyyy (hết tháng) hoặc yyyy. ty_le: % đơn vị đạt (0–100).
    # noi_dung: câu in ra (bỏ trống để docgen tự viết). chu_thich: chú thích cuối trang.
    muc_tieu:
      - cap: xa
        muc_do: 1
        loai: cong-nhan
        nam: 2025
        han: 03/2026
        ty_le: 90
        noi_dung: >-
          Đến hết tháng 3 năm 2026, ít nhất 90% số xã, phường được công nhận “Cộng đồng học tập”
          cấp xã mức độ 1.
        chu_thich: Điều 6 Thông tư số 25/2023/TT-BGDĐT.
"""

_SECTIONS_NOTE: Final = """
# Nội dung: các mục I., II., … (docgen tự đánh số). Mỗi mục có thể có:
#   tieu_de (tiêu đề), doan (các đoạn văn), y (các ý gạch đầu dòng), muc (mục con 1., 2., …),
#   muc_tieu, phan_cong (đơn vị và nhiệm vụ), bang_nhiem_vu (bảng: noi_dung, chu_tri, phoi_hop, thoi_gian),
#   tien_do (tiến độ theo Thông tư số 25/2023/TT-BGDĐT: docgen viết các hạn luật định),
#   vai_tro (muc-tieu, kinh-phi, to-chuc-thuc-hien, bao-cao).
# Chú thích cuối trang: viết [^khoa] trong văn bản và khai báo khoa trong chu_thich.
noi_dung:
"""

_BODY: Final[dict[Kind, str]] = {
    Kind.KE_HOACH: """\
  - tieu_de: MỤC ĐÍCH, YÊU CẦU
    y:
      - Triển khai hiệu quả Thông tư số 25/2023/TT-BGDĐT trên địa bàn tỉnh[^tt25].
  - tieu_de: MỤC TIÊU
    vai_tro: muc-tieu
{targets}\
  - tieu_de: NHIỆM VỤ VÀ THỜI GIAN THỰC HIỆN
    bang_nhiem_vu:
      - noi_dung: Hướng dẫn Ủy ban nhân dân cấp xã tự đánh giá
        chu_tri: Sở Giáo dục và Đào tạo
        phoi_hop: Hội Khuyến học tỉnh
        thoi_gian: Tháng 10/2025
    # Tiến độ theo Thông tư số 25/2023/TT-BGDĐT: bỏ dấu “# ” ở đầu các dòng dưới để docgen tự viết
    # các mốc luật định (việc, đơn vị thực hiện, hạn, điều khoản), theo ngày ban hành của kế hoạch
    # (trước hoặc sau 01/7/2025). Không gõ tay các hạn này. Xem: docgen timeline --cap xa --muc-do 1 --nam 2025
    # tien_do:
    #   cap: xa                 # xa, huyen, tinh, hoặc nhiều cấp: [xa, huyen, tinh]
    #   muc_do: 1               # 1, 2, hoặc [1, 2]
    #   nam: 2025               # năm đánh giá (hoặc [2025, 2026])
    #   moc: [so-lieu, ho-so, hoan-thanh]   # bỏ khóa này: so-lieu, ho-so, hoan-thanh, quyet-dinh
    #   trinh_bay: bang         # bang (bảng) hoặc danh-sach (danh sách theo ngày)
    #   dieu_khoan: van-ban     # van-ban (ghi trong dòng) hoặc chu-thich (chú thích cuối trang)
    #   buoc:                   # các bước riêng của cơ quan, xếp cùng các mốc theo ngày
    #     - noi_dung: Tập huấn công chức cấp xã về hồ sơ đề nghị công nhận
    #       chu_tri: Sở Giáo dục và Đào tạo
    #       han: 10/2025        # ngày riêng: dd/mm/yyyy, mm/yyyy hoặc yyyy
    #     - noi_dung: Họp thống nhất kết quả tự đánh giá
    #       chu_tri: Ủy ban nhân dân cấp xã
    #       truoc: ho-so        # trước mốc luật định: so-lieu, ho-so, hoan-thanh, quyet-dinh
    #       so_ngay: 15         # 15 ngày trước hạn gửi hồ sơ (hoặc so_ngay_lam_viec: 10)
  - tieu_de: KINH PHÍ THỰC HIỆN
    vai_tro: kinh-phi
    doan:
      - Kinh phí thực hiện được bố trí trong dự toán ngân sách hằng năm theo phân cấp.
  - tieu_de: TỔ CHỨC THỰC HIỆN
    vai_tro: to-chuc-thuc-hien
    phan_cong:
      - don_vi: Phòng Giáo dục thường xuyên
        vai_tro: chu-tri       # chu-tri hoặc phoi-hop
        nhiem_vu:
          - Tham mưu triển khai Kế hoạch; tổng hợp, báo cáo kết quả.
""",
    Kind.CONG_VAN: """\
  - tieu_de: MỤC TIÊU
    vai_tro: muc-tieu
{targets}\
  - tieu_de: NHIỆM VỤ CỤ THỂ CỦA CÁC ĐƠN VỊ
    vai_tro: to-chuc-thuc-hien
    phan_cong:
      - don_vi: Ủy ban nhân dân các xã, phường
        nhiem_vu:
          - Xây dựng kế hoạch và tổ chức tự đánh giá “Cộng đồng học tập” cấp xã[^tt25].
""",
    Kind.TO_TRINH: """\
  - tieu_de: SỰ CẦN THIẾT, CĂN CỨ ĐỀ NGHỊ
    doan:
      - Nêu lý do và căn cứ đề nghị[^tt25].
  - tieu_de: NỘI DUNG ĐỀ NGHỊ
    doan:
      - "Hồ sơ gửi kèm theo gồm:"
    y:
      - Dự thảo Kế hoạch;
      - Báo cáo tổng hợp ý kiến góp ý.
""",
    Kind.BAO_CAO: """\
  - tieu_de: KẾT QUẢ ĐẠT ĐƯỢC
    doan:
      - Nêu kết quả, kèm số liệu[^tt25].
  - tieu_de: TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN
    y:
      - Nêu từng tồn tại và nguyên nhân.
  - tieu_de: PHƯƠNG HƯỚNG, NHIỆM VỤ
    y:
      - Nêu nhiệm vụ thời gian tới.
  - tieu_de: KIẾN NGHỊ, ĐỀ XUẤT
    doan:
      - Nêu kiến nghị với cấp trên.
""",
    Kind.CHUONG_TRINH: """\
  - tieu_de: MỤC ĐÍCH, YÊU CẦU
    y:
      - Phát huy vai trò của mỗi bên trong xây dựng “Cộng đồng học tập”[^tt25].
  - tieu_de: NỘI DUNG PHỐI HỢP
    y:
      - Phối hợp tuyên truyền, đánh giá, công nhận “Cộng đồng học tập”.
  - tieu_de: TỔ CHỨC THỰC HIỆN
    vai_tro: to-chuc-thuc-hien
    phan_cong:
      - don_vi: Sở Giáo dục và Đào tạo
        nhiem_vu:
          - Làm đầu mối, sơ kết hằng năm.
      - don_vi: Hội Khuyến học tỉnh
        nhiem_vu:
          - Chỉ đạo Hội Khuyến học cấp xã phối hợp thực hiện.
""",
    Kind.QUYET_DINH: """\
  # Mỗi mục cấp cao nhất là một Điều (Điều 1., Điều 2., …).
  - doan:
      - Thành lập Hội đồng đánh giá “Cộng đồng học tập” cấp xã năm 2025[^tt25].
  - doan:
      - Quyết định này có hiệu lực kể từ ngày ký.
""",
}

_SIGNERS: Final[dict[Kind, str]] = {
    Kind.CHUONG_TRINH: """
# Hai cơ quan ban hành: hai người ký, theo thứ tự của co_quan.
nguoi_ky:
  - chuc_vu: GIÁM ĐỐC
    ho_ten: Nguyễn Văn A
  - tm: BAN THƯỜNG VỤ
    chuc_vu: CHỦ TỊCH
    ho_ten: Trần Thị B
""",
}

_SIGNER: Final = """
# Người ký (ô 7). tm: TM. <tập thể>; kt: KT. <người đứng đầu>; tl, tuq, q: TL., TUQ., Q.
# chuc_vu: chức vụ người ký; ho_ten: họ tên (chữ thường, viết hoa chữ đầu).
nguoi_ky:
  kt: GIÁM ĐỐC
  chuc_vu: PHÓ GIÁM ĐỐC
  ho_ten: Nguyễn Văn A
"""

_TAIL: Final = """
# Chú thích cuối trang: khóa → nội dung; dẫn bằng [^khóa] trong văn bản.
chu_thich:
  tt25: Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023 của Bộ trưởng Bộ Giáo dục và Đào tạo.

ket_thuc: {closing}   # câu kết, kết thúc bằng ./.

# Nơi nhận (ô 9b): mỗi nơi một dòng; dòng “Lưu” ghi riêng ở khóa luu.
noi_nhan:
{distribution}\
luu: VT, GDTX                # phần sau “Lưu:”: VT, đơn vị soạn thảo
"""

_CLOSING: Final[dict[Kind, str]] = {
    Kind.KE_HOACH: "Trên đây là Kế hoạch của Sở Giáo dục và Đào tạo./.",
    Kind.CONG_VAN: "Đề nghị các đơn vị triển khai thực hiện./.",
    Kind.TO_TRINH: "Sở Giáo dục và Đào tạo kính trình Ủy ban nhân dân tỉnh xem xét, phê duyệt./.",
    Kind.BAO_CAO: "Trên đây là báo cáo kết quả năm 2024./.",
    Kind.CHUONG_TRINH: "Chương trình phối hợp có hiệu lực kể từ ngày ký./.",
    Kind.QUYET_DINH: "",
}

_QD_AUTHORITY: Final = """
# Thẩm quyền ban hành (in hoa, giữa trang), ví dụ GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO.
tham_quyen: GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO
"""


def _yaml_value(key: str, value: object) -> str:
    """``key: value`` as block YAML (one office default, from docgen.toml)."""
    import io

    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    out = io.StringIO()
    yaml.dump({key: value}, out)
    return out.getvalue()


def _fitting(value: object, count: int) -> list[object] | None:
    """An office value (one item or a list) as a list of exactly ``count`` items, else None."""
    items = value if isinstance(value, list) else [value] if value else []
    return list(items) if len(items) == count else None


def _office_symbol(k: Kind, office: Mapping[str, Any]) -> str | None:
    """The ký hiệu from the office's own abbreviation (KH-UBND; a công văn: UBND-<unit>, the
    unit read from the "Lưu" line "VT, VHXH"), or None without one."""
    issuers = office.get("co_quan")
    if not isinstance(issuers, list) or not issuers or not isinstance(issuers[0], dict):
        return None
    own = [str(i.get("viet_tat")) for i in issuers if isinstance(i, dict) and i.get("viet_tat")]
    if len(own) != len(issuers):
        return None
    abbrev = KIND_ABBREV[k]
    if abbrev:
        return f"{abbrev}-{'-'.join(own)}"
    units = [u.strip() for u in str(office.get("luu") or "").split(",") if u.strip() and u.strip() != "VT"]
    return f"{own[0]}-{units[-1]}" if units else own[0]


_FROM_OFFICE: Final = "# (lấy từ {source}; sửa ở đây thì chỉ văn bản này đổi)"


def starter_spec(kind: str | Kind, defaults: OfficeDefaults | None = None) -> str:
    """A commented, valid YAML spec to start a document of ``kind`` ("ke-hoach", …); an
    office's ``defaults`` (docgen.toml, [mac_dinh]) replace the example issuer, place, signer,
    recipients and "Lưu" line."""
    try:
        k = Kind(kind)
    except ValueError:
        choices = ", ".join(x.value for x in Kind)
        raise UsageError(f"không có loại văn bản “{kind}”; chọn một trong: {choices}") from None
    abbrev = KIND_ABBREV[k]
    symbol = f"{abbrev}-SGDĐT" if abbrev else "SGDĐT-GDTX"
    if k is Kind.CHUONG_TRINH:
        symbol = f"{abbrev}-SGDĐT-HKH"
    office = dict(defaults.values) if defaults is not None else {}
    symbol = _office_symbol(k, office) or symbol
    note = _FROM_OFFICE.format(source=defaults.source if defaults is not None else "") + "\n"
    pairs = k is Kind.CHUONG_TRINH  # two issuers and two signers: office values that fit only
    issuers = _fitting(office.get("co_quan"), 2 if pairs else 1)
    signer_list = _fitting(office.get("nguoi_ky"), 2 if pairs else 1)
    signers: object = signer_list if pairs or not signer_list else signer_list[0]
    parts = [
        _HEADER.format(
            title=k.value,
            file=f"{k.value}.yaml",
            kind=k.value,
            kinds=", ".join(x.value for x in Kind),
            symbol=symbol,
            issuers=(note + _yaml_value("co_quan", issuers)) if issuers else _ISSUERS.format(
                extra_issuer=_SECOND_ISSUER if pairs else ""),
            place=_yaml_value("dia_danh", office["dia_danh"]).rstrip("\n") if "dia_danh" in office else _PLACE,
        )
    ]
    hint = _SUBJECT_HINT.get(k)
    parts.append(("\n" + hint if hint else "\n# Trích yếu: nội dung chính của văn bản, viết thường.") + f"\ntrich_yeu: {_SUBJECT[k]}\n")
    if k in _RECIPIENT:
        if office.get("kinh_gui"):
            parts.append("\n# Kính gửi (ô 9a): mỗi nơi một dòng.\n" + note + _yaml_value("kinh_gui", office["kinh_gui"]))
        else:
            parts.append(_RECIPIENTS.format(recipient=_RECIPIENT[k]))
    if k is Kind.QUYET_DINH:
        parts.append(_QD_AUTHORITY)
    parts.append(_BASES.format(opening=_OPENING[k]))
    parts.append(_SECTIONS_NOTE)
    parts.append(_BODY[k].format(targets=_TARGETS))
    if signers:
        parts.append("\n# Người ký (ô 7).\n" + note + _yaml_value("nguoi_ky", signers))
    else:
        parts.append(_SIGNERS.get(k, _SIGNER))
    distribution = "  - Như trên\n" if k in _RECIPIENT else ""
    distribution += "  - Ủy ban nhân dân tỉnh (b/c)\n" if k is not Kind.BAO_CAO else "  - Giám đốc Sở\n"
    if k is Kind.QUYET_DINH:
        distribution = "  - Như Điều 3\n  - Giám đốc Sở (b/c)\n"
    if office.get("noi_nhan"):
        # "Như trên" stays first where there is a Kính gửi (FMT031): the office lists the others
        own = [str(x) for x in office["noi_nhan"]]
        lead = ["Như trên"] if k in _RECIPIENT and "Như trên" not in own else []
        distribution = "".join(_yaml_value("x", [*lead, *own]).splitlines(keepends=True)[1:])
    tail = _TAIL.format(closing=_CLOSING[k] or "null", distribution=distribution)
    if office.get("luu"):
        tail = tail.replace("luu: VT, GDTX                # phần sau “Lưu:”: VT, đơn vị soạn thảo\n",
                            _yaml_value("luu", office["luu"]))
    parts.append(tail)
    return "".join(parts)
