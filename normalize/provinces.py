"""Provinces: the 63 former and 34 current units, and every way a page names them.

Data: `data/provinces.csv` (one row per name unit; a current unit that kept a former
province's name covers both) and `data/province_aliases.csv` (spellings that folding alone
does not reach: host-name forms, TP.HCM, Đắc Lắc, BR-VT...). Lookup is by `fold`, after
stripping "tỉnh", "thành phố", "TP." prefixes, so tone placement, case, diacritics and đ/d
never matter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from normalize._data import read_data_csv
from normalize.text import fold

_PREFIX = re.compile(r"^(tinh|thanh pho|tp|t p)\s+")


@dataclass(frozen=True)
class Province:
    id: str
    name: str
    kind: str
    region: str
    status: str
    successor_id: str
    valid_until: date | None
    latitude: float | None
    longitude: float | None


@dataclass(frozen=True)
class ProvinceMatch:
    """A name resolved on a date: the unit as it was then, and its successor today."""

    province: Province
    current: Province


@cache
def provinces() -> dict[str, Province]:
    """Every unit by id."""
    out: dict[str, Province] = {}
    for row in read_data_csv("provinces.csv"):
        out[row["id"]] = Province(
            id=row["id"],
            name=row["name"],
            kind=row["kind"],
            region=row["region"],
            status=row["status"],
            successor_id=row["successor_id"] or row["id"],
            valid_until=date.fromisoformat(row["valid_until"]) if row["valid_until"] else None,
            latitude=float(row["latitude"]) if row["latitude"] else None,
            longitude=float(row["longitude"]) if row["longitude"] else None,
        )
    return out


@cache
def _index() -> dict[str, str]:
    index: dict[str, str] = {}
    for unit in provinces().values():
        index[fold(unit.name)] = unit.id
        index[fold(unit.id)] = unit.id
    for row in read_data_csv("province_aliases.csv"):
        index[fold(row["alias"])] = row["province_id"]
    return index


def _key(name: str) -> str:
    key = fold(name)
    stripped = _PREFIX.sub("", key)
    return stripped


def find_province(name: str) -> Province | None:
    """The unit a name (or id, or host-name form) refers to, or None.

    Accepts "Bến Tre", "tỉnh Bến Tre", "TỈNH BẾN TRE", "ben-tre", "bentre", "Khánh Hoà",
    "TP.HCM", "Thừa Thiên - Huế", "Đắc Lắc".
    """
    if not name or len(name) > 200:
        return None
    index = _index()
    key = fold(name)
    province_id = index.get(key) or index.get(_PREFIX.sub("", key))
    return provinces().get(province_id) if province_id else None


def resolve_province(name: str, on: date | None = None) -> ProvinceMatch | None:
    """The unit `name` meant on `on` (default: today) and its current successor.

    A name of a former unit resolves to that unit whatever the date (the text says so), and
    its successor is today's unit: "Kiên Giang" → kien-giang, current an-giang.
    """
    unit = find_province(name)
    if unit is None:
        return None
    units = provinces()
    current = units[unit.successor_id]
    # A successor may itself have been merged later: follow the chain to a current unit.
    seen = {unit.id}
    while current.status != "current" and current.id not in seen:
        seen.add(current.id)
        current = units[current.successor_id]
    return ProvinceMatch(province=unit, current=current)
