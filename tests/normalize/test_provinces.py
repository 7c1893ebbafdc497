import csv
from datetime import date
from pathlib import Path

import pytest

from normalize.provinces import find_province, provinces, resolve_province
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
        ("Huế", "hue", "hue"),
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
