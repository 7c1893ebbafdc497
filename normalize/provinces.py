"""Provinces: the 63 former and 34 current units, and every way a page names them.

Data: `data/provinces.csv` (one row per name unit; a current unit that kept a former
province's name covers both; `valid_from`/`valid_until` bound a unit in time) and
`data/province_aliases.csv` (spellings that folding alone does not reach: host-name forms,
TP.HCM, Đắc Lắc, BR-VT...). Lookup is by `fold`, after stripping "tỉnh", "thành phố", "TP."
prefixes, so tone placement, case, diacritics and đ/d never matter.

- `find_province(name)`: the unit a whole string names;
- `resolve_province(name, on)`: the unit as it was on a date, and its successor today;
- `find_provinces(text)`: every province named in a text, with spans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from normalize._data import read_data_csv
from normalize.text import fold, fold_chars

_PREFIX = re.compile(r"^(tinh|thanh pho|tp|t p)\s+")
_MAX_NAME = 200


@dataclass(frozen=True)
class Province:
    id: str
    name: str
    kind: str
    region: str
    status: str
    successor_id: str
    valid_from: date | None
    valid_until: date | None
    latitude: float | None
    longitude: float | None

    @property
    def changed_on(self) -> date | None:
        """The day the change that ended this unit took effect (None: it still exists)."""
        return self.valid_until + timedelta(days=1) if self.valid_until else None

    def valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_until is None or day <= self.valid_until
        )


@dataclass(frozen=True)
class ProvinceMatch:
    """A name resolved on a date: the unit as it was then, and its successor today."""

    province: Province
    current: Province


@dataclass(frozen=True)
class ProvinceMention:
    """A province named in a text: `text[start:end]` as printed."""

    province_id: str
    text: str
    start: int
    end: int


def _date(value: str) -> date | None:
    return date.fromisoformat(value) if value else None


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
            valid_from=_date(row.get("valid_from", "")),
            valid_until=_date(row["valid_until"]),
            latitude=float(row["latitude"]) if row["latitude"] else None,
            longitude=float(row["longitude"]) if row["longitude"] else None,
        )
    return out


@cache
def _aliases() -> dict[str, str]:
    """folded alias -> id, for every name, id and alias."""
    index: dict[str, str] = {}
    for unit in provinces().values():
        index[fold(unit.name)] = unit.id
        index[fold(unit.id)] = unit.id
    for row in read_data_csv("province_aliases.csv"):
        index[fold(row["alias"])] = row["province_id"]
    return index


def find_province(name: str) -> Province | None:
    """The unit a whole string refers to, or None.

    Accepts "Bến Tre", "tỉnh Bến Tre", "TỈNH BẾN TRE", "ben-tre", "bentre", "Khánh Hoà",
    "TP.HCM", "Thừa Thiên - Huế", "Đắc Lắc".
    """
    if not name or len(name) > _MAX_NAME:
        return None
    index = _aliases()
    key = fold(name)
    province_id = index.get(key) or index.get(_PREFIX.sub("", key))
    return provinces().get(province_id) if province_id else None


def resolve_province(name: str, on: date | None = None) -> ProvinceMatch | None:
    """The unit `name` meant on `on` (default: today) and its current successor.

    A former unit's name resolves to that unit whatever the date (the text names it):
    "Kiên Giang" → kien-giang, current an-giang. A name whose unit did not exist yet on `on`
    resolves to the unit it replaced: "Huế" on 2018-05-02 → thua-thien-hue, current hue.
    """
    unit = find_province(name)
    if unit is None:
        return None
    units = provinces()
    if on is not None and not unit.valid_on(on):
        earlier = [u for u in units.values() if u.successor_id == unit.id and u.valid_on(on)]
        if earlier:
            unit = earlier[0]
    current = units[unit.successor_id]
    seen = {unit.id}
    # A successor may itself be merged later: follow the chain to a current unit.
    while current.status != "current" and current.id not in seen:
        seen.add(current.id)
        current = units[current.successor_id]
    return ProvinceMatch(province=unit, current=current)


# -- names in running text ---------------------------------------------------------------

# Words before a name that make it a province whatever its case ("tỉnh hòa bình").
_CONTEXT = r"(?:tinh|thanh pho|tp\.?|t\.p\.?)\s+"


@cache
def _text_pattern() -> re.Pattern[str]:
    spellings = {unit.name for unit in provinces().values()}
    for row in read_data_csv("province_aliases.csv"):
        alias = row["alias"]
        # Host-name forms ("bentre") never appear in prose; they would only add noise.
        if not (alias.islower() and alias.isascii() and " " not in alias and "-" not in alias):
            spellings.add(alias)
    # Words joined by any run of separators, as `fold` sees them: "Thừa Thiên - Huế".
    word_runs = {tuple(fold(s).split()) for s in spellings if fold(s)}
    alternatives = "|".join(
        r"[\s.\-]+".join(re.escape(w) for w in words)
        for words in sorted(word_runs, key=lambda ws: len(" ".join(ws)), reverse=True)
    )
    return re.compile(rf"(?<![\w])(?P<ctx>{_CONTEXT})?(?P<name>{alternatives})(?![\w])")


def _capitalized(words: str) -> bool:
    """Every word starts upper case (a name), as opposed to "hòa bình" (peace)."""
    return all(w[:1].isupper() or not w[:1].isalpha() for w in words.split())


def find_provinces(text: str) -> list[ProvinceMention]:
    """Every province named in `text`, in order, with spans of the name as printed.

    A name counts when it is written as a name (each word capitalized: "Hòa Bình", "HÒA
    BÌNH") or follows "tỉnh", "thành phố" or "TP." in any case: so "hòa bình" (peace) or
    "hải dương" (ocean) in prose are not provinces.
    """
    if not text:
        return []
    index = _aliases()
    mentions: list[ProvinceMention] = []
    for m in _text_pattern().finditer(fold_chars(text)):
        start, end = m.span("name")
        printed = text[start:end]
        province_id = index.get(fold(printed))
        if province_id is None or (not m.group("ctx") and not _capitalized(printed)):
            continue
        mentions.append(ProvinceMention(province_id, printed, start, end))
    return mentions


_HOST_NOISE = re.compile(
    r"^(?:www|skhcn|sokhcn|sokhoahoccongnghe|khcn|dost|ttkhcn|thongtinkhcn|"
    r"so|portal|sites?|gov|vn|com|org|net|edu)$"
)


def province_from_host(host: str) -> Province | None:
    """The province a department's host name names: "skhcn.laichau.gov.vn", "dost-bentre.
    gov.vn", "khcncaobang.gov.vn", "sokhcn.baria-vungtau.gov.vn" (None when none does)."""
    if not host or len(host) > _MAX_NAME:
        return None
    labels = [lab for lab in host.lower().split(":")[0].split(".") if not _HOST_NOISE.match(lab)]
    for label in labels:
        for candidate in (label, *label.split("-")):
            found = find_province(candidate)
            if found is None:
                # A province glued to a prefix: "khcncaobang", "dostquangtri", "khcnpy".
                stripped = re.sub(r"^(?:skhcn|sokhcn|khcn|dost|so)", "", candidate)
                found = find_province(stripped) if stripped != candidate else None
            if found is not None:
                return found
    return None
