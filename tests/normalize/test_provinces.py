import csv
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from normalize.provinces import (
    find_province,
    find_provinces,
    province_from_host,
    provinces,
    resolve_province,
)
from normalize.text import fold

DATA = Path(__file__).resolve().parents[2] / "data"


def test_table_has_the_34_current_and_63_former_units():
    units = provinces().values()
    current = {u.id for u in units if u.status == "current"}
    gone = {u.id for u in units if u.status == "former"}
    assert len(current) == 34
    # On 2025-06-30 there were 63 units: the 34 names that live on (Huế among them,
    # a city since 2025-01-01) and the 29 merged away. Thừa Thiên Huế is Huế's older name.
    merged_away = gone - {"thua-thien-hue"}
    assert len(merged_away) == 29
    assert len(current | merged_away) == 63
    assert provinces()["thua-thien-hue"].successor_id == "hue"


def test_every_successor_is_a_current_unit():
    units = provinces()
    for unit in units.values():
        assert units[unit.successor_id].status == "current", unit.id


def test_absorbed_lists_match_successor_links():
    with (DATA / "provinces.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    absorbed = {a: r["id"] for r in rows for a in r["absorbed"].split("|") if a}
    former = {r["id"]: r["successor_id"] for r in rows if r["status"] == "former"}
    former.pop("thua-thien-hue")
    assert absorbed == former


def test_coordinates_are_in_vietnam():
    for unit in provinces().values():
        assert 8.0 < unit.latitude < 23.5 and 102.0 < unit.longitude < 110.0, unit.id


@pytest.mark.parametrize(
    ("name", "province_id", "current_id"),
    [
        ("Kiên Giang", "kien-giang", "an-giang"),
        ("tỉnh Kiên Giang", "kien-giang", "an-giang"),
        ("TỈNH KIÊN GIANG", "kien-giang", "an-giang"),
        ("kiengiang", "kien-giang", "an-giang"),
        ("kien-giang", "kien-giang", "an-giang"),
        ("Bến Tre", "ben-tre", "vinh-long"),
        ("bentre", "ben-tre", "vinh-long"),
        ("Cao Bằng", "cao-bang", "cao-bang"),
        ("TP. Hải Phòng", "hai-phong", "hai-phong"),
        ("Hải Dương", "hai-duong", "hai-phong"),
        ("Khánh Hoà", "khanh-hoa", "khanh-hoa"),
        ("Khánh Hòa", "khanh-hoa", "khanh-hoa"),
        ("Hoà Bình", "hoa-binh", "phu-tho"),
        ("Thanh Hoá", "thanh-hoa", "thanh-hoa"),
        ("TP.HCM", "ho-chi-minh", "ho-chi-minh"),
        ("Thành phố Hồ Chí Minh", "ho-chi-minh", "ho-chi-minh"),
        ("Sài Gòn", "ho-chi-minh", "ho-chi-minh"),
        ("Bình Dương", "binh-duong", "ho-chi-minh"),
        ("Bà Rịa - Vũng Tàu", "ba-ria-vung-tau", "ho-chi-minh"),
        ("BR-VT", "ba-ria-vung-tau", "ho-chi-minh"),
        ("Đắk Lắk", "dak-lak", "dak-lak"),
        ("Đắc Lắc", "dak-lak", "dak-lak"),
        ("Daklak", "dak-lak", "dak-lak"),
        ("Đăk Nông", "dak-nong", "lam-dong"),
        ("Thừa Thiên - Huế", "thua-thien-hue", "hue"),
        ("Thừa Thiên Huế", "thua-thien-hue", "hue"),
        ("Huế", "thua-thien-hue", "hue"),  # in 2018 Huế was a city of Thừa Thiên Huế
    ],
)
def test_resolve_province_variants(name, province_id, current_id):
    match = resolve_province(name, date(2018, 5, 2))
    assert match is not None, name
    assert (match.province.id, match.current.id) == (province_id, current_id)


@pytest.mark.parametrize("name", ["", "Sở Khoa học", "Atlantis", "x" * 1000, "\x00"])
def test_unknown_names_give_none(name):
    assert find_province(name) is None


def test_aliases_point_to_known_units_and_fold_uniquely():
    with (DATA / "province_aliases.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    units = provinces()
    keys = [fold(r["alias"]) for r in rows]
    assert len(keys) == len(set(keys))
    assert all(r["province_id"] in units for r in rows)


@pytest.mark.parametrize(
    ("name", "on", "province_id", "current_id"),
    [
        ("Huế", date(2018, 5, 2), "thua-thien-hue", "hue"),
        ("Huế", date(2025, 3, 1), "hue", "hue"),
        ("Thừa Thiên Huế", date(2026, 1, 1), "thua-thien-hue", "hue"),
        ("Kiên Giang", date(2026, 1, 1), "kien-giang", "an-giang"),
        ("An Giang", date(2018, 1, 1), "an-giang", "an-giang"),
    ],
)
def test_resolve_province_on_a_date(name, on, province_id, current_id):
    match = resolve_province(name, on)
    assert (match.province.id, match.current.id) == (province_id, current_id)


def test_changed_on_is_the_day_after_the_last_day():
    assert provinces()["kien-giang"].changed_on == date(2025, 7, 1)
    assert provinces()["thua-thien-hue"].changed_on == date(2025, 1, 1)
    assert provinces()["an-giang"].changed_on is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sở KH&CN tỉnh Kiên Giang phối hợp với Cà Mau.",
            [("kien-giang", "Kiên Giang"), ("ca-mau", "Cà Mau")],
        ),
        (
            "Hội thảo tại Khánh Hoà và Thanh Hoá",
            [("khanh-hoa", "Khánh Hoà"), ("thanh-hoa", "Thanh Hoá")],
        ),
        ("TỈNH CAO BẰNG", [("cao-bang", "CAO BẰNG")]),
        (
            "các tỉnh Bà Rịa – Vũng Tàu, Đắk Lắk",
            [("ba-ria-vung-tau", "Bà Rịa – Vũng Tàu"), ("dak-lak", "Đắk Lắk")],
        ),
        ("về tỉnh hòa bình", [("hoa-binh", "hòa bình")]),
        (
            "TP.HCM và Thừa Thiên - Huế",
            [("ho-chi-minh", "TP.HCM"), ("thua-thien-hue", "Thừa Thiên - Huế")],
        ),
        ("vì hòa bình và phát triển", []),
        ("đại dương và hải dương học", []),
        ("website dost-bentre.gov.vn", []),
        ("", []),
    ],
)
def test_find_provinces_in_text(text, expected):
    found = find_provinces(text)
    assert [(m.province_id, m.text) for m in found] == expected
    for m in found:
        assert text[m.start : m.end] == m.text


@given(st.text(max_size=300))
def test_province_functions_never_raise(text):
    find_province(text)
    resolve_province(text, date(2020, 1, 1))
    for m in find_provinces(text):
        assert 0 <= m.start < m.end <= len(text)


@pytest.mark.parametrize(
    ("host", "province_id"),
    [
        ("skhcn.laichau.gov.vn", "lai-chau"),
        ("dost-bentre.gov.vn", "ben-tre"),
        ("khcncaobang.gov.vn", "cao-bang"),
        ("sokhcn.baria-vungtau.gov.vn", "ba-ria-vung-tau"),
        ("dostquangtri.gov.vn", "quang-tri"),
        ("www.haiphong.gov.vn", "hai-phong"),
        ("skhcn.kiengiang.gov.vn", "kien-giang"),
        ("example.com", None),
        ("", None),
    ],
)
def test_province_from_host(host, province_id):
    found = province_from_host(host)
    assert (found.id if found else None) == province_id
