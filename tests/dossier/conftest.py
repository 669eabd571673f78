"""Self-assessment specs for the dossier tests, written as YAML files the way a clerk would."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from docgen.law.criteria import catalog

# A commune that meets mức độ 1 with margin, and mức độ 2 on the figures (TC4, TC5).
FIGURES: dict[str, dict[str, Any]] = {
    "4.a": {"dat_chuan": True},
    "4.b": {"muc_do_dat": 3},
    "4.c": {"muc_do_dat": 3},
    "4.d": {"muc_do_dat": 2},
    "5.a": {"ty_le": 85.0},
    "5.b": {"ty_le": 65.0, "ty_le_dai_hoc": 16.0},
}


def base_xa() -> dict[str, Any]:
    results: dict[str, Any] = {}
    for code in catalog().get("xa", 1).codes():
        item: dict[str, Any] = {"dat": True, "ket_qua": f"Kết quả chỉ tiêu {code}.", "minh_chung": [f"Minh chứng {code}"]}
        if code in FIGURES:
            item["so_lieu"] = dict(FIGURES[code])
        results[code] = item
    return {
        "don_vi": {"cap": "xa", "ten": "Tân Lập", "cap_tren": ["huyện Mường Tè", "tỉnh Lai Châu"]},
        "nam_danh_gia": 2024,
        "muc_do_de_nghi": 1,
        "chi_tieu": results,
        "nguoi_ky": {"tm": "ỦY BAN NHÂN DÂN", "chuc_vu": "CHỦ TỊCH", "ho_ten": "Lò Văn Hùng"},
        "ngay": "20/01/2025",
        "noi_nhan": ["Hội Khuyến học xã"],
        "luu": "VT, VHXH",
    }


def base_huyen() -> dict[str, Any]:
    results: dict[str, Any] = {}
    for code in catalog().get("huyen", 1).codes():
        item: dict[str, Any] = {"dat": True, "minh_chung": [f"Minh chứng {code}"]}
        if code in ("4.b", "4.c"):
            item["so_lieu"] = {"nam_truoc": 40.0, "nam_danh_gia": 42.0}
        results[code] = item
    return {
        "don_vi": {"cap": "huyen", "ten": "Hòa An", "cap_tren": ["tỉnh Cao Bằng"]},
        "nam_danh_gia": 2024,
        "muc_do_de_nghi": 1,
        "don_vi_cap_duoi": {"tong_so": 100, "muc_do_1": 90, "muc_do_2": 0},
        "chi_tieu": results,
        "nguoi_ky": {"tm": "ỦY BAN NHÂN DÂN", "chuc_vu": "CHỦ TỊCH", "ho_ten": "Hoàng Thị Lan"},
        "ngay": "25/03/2025",
        "luu": "VT, GDĐT",
    }


SpecWriter = Callable[..., Path]


@pytest.fixture
def write_spec(tmp_path: Path) -> SpecWriter:
    """write_spec(data, name="spec") → path of the YAML file holding ``data``."""

    def write(data: dict[str, Any], name: str = "spec") -> Path:
        path = tmp_path / f"{name}.yaml"
        yaml = YAML()
        yaml.default_flow_style = False
        with path.open("w", encoding="utf-8") as fh:
            yaml.dump(copy.deepcopy(data), fh)
        return path

    return write


@pytest.fixture
def xa() -> dict[str, Any]:
    """A fresh commune spec (meets mức độ 1, and mức độ 2 on its figures)."""
    return base_xa()


@pytest.fixture
def huyen() -> dict[str, Any]:
    """A fresh district spec (90/100 communes at mức độ 1)."""
    return base_huyen()
