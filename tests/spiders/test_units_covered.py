"""Every provincial unit has its source: one current source for each of the 34 units (on
a host `data/reference/sites.json` lists, when it lists one), and a legacy source for each
former province whose department site is listed there."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest
from scrapy.spiderloader import SpiderLoader
from scrapy.utils.project import get_project_settings

from normalize.provinces import find_province, provinces

ROOT = Path(__file__).resolve().parents[2]
SITES = json.loads((ROOT / "data" / "reference" / "sites.json").read_text(encoding="utf-8"))
LOADER = SpiderLoader.from_settings(get_project_settings())
SPIDERS = [LOADER.load(name) for name in LOADER.list()]
CURRENT = sorted(u.id for u in provinces().values() if u.status == "current")


def hosts_listed(unit_id: str) -> set[str]:
    """The hosts sites.json lists for the sites of a unit's name."""
    return {
        s["domain"]
        for s in SITES
        if s["domain"] and (p := find_province(s["province_old"])) and p.id == unit_id
    }


def current_sources() -> dict[str, list[type]]:
    by_unit: dict[str, list[type]] = defaultdict(list)
    for cls in SPIDERS:
        if not cls.legacy:
            by_unit[cls.province].append(cls)
    return by_unit


@pytest.mark.parametrize("unit", CURRENT)
def test_each_current_unit_has_one_current_source(unit):
    sources = current_sources()[unit]
    assert len(sources) == 1, f"{unit}: {[s.name for s in sources]}"
    cls = sources[0]
    listed = hosts_listed(provinces()[unit].name) | {
        h
        for s in SITES
        if find_province(s["province_old"]) and find_province(s["province_old"]).id == unit
        for h in [s["domain"]]
        if h
    }
    if listed:
        assert cls.hosts() & listed, f"{cls.name}: {cls.hosts()} not among {listed}"
        assert cls.evidence.startswith("seen in public pages")
    else:
        assert cls.evidence.startswith("assumed"), f"{cls.name}: no listed host, not assumed"


FORMER_WITH_SITES = sorted(
    {
        find_province(s["province_old"]).id
        for s in SITES
        if s["domain"]
        and find_province(s["province_old"])
        and find_province(s["province_old"]).status == "former"
    }
)


@pytest.mark.parametrize("former", FORMER_WITH_SITES)
def test_each_former_province_with_a_known_site_has_a_legacy_source(former):
    legacy = [cls for cls in SPIDERS if cls.legacy and cls.province == former]
    assert len(legacy) == 1, f"{former}: {[c.name for c in legacy]}"
    assert legacy[0].name == former.replace("-", "_")
    assert legacy[0].hosts() & hosts_listed(former)
