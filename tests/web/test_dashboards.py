"""The `dost` dashboard (datasette-dashboards) and the province map (datasette-cluster-map).

Each chart's SQL is run the way the dashboard's JavaScript runs it, and its rows are checked
against the tables they count.
"""

from __future__ import annotations

import html
import re
import urllib.parse
from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import fetch, get_json, metadata, rows

DASHBOARD = metadata()["plugins"]["datasette-dashboards"]["dost"]
CHARTS: dict[str, dict[str, Any]] = DASHBOARD["charts"]


def chart_rows(db: Path, slug: str) -> list[dict[str, Any]]:
    """A chart's rows, fetched as the dashboard's script fetches them."""
    chart = CHARTS[slug]
    sql = urllib.parse.quote(chart["query"])
    return get_json(db, f"/{chart['db']}.json?sql={sql}&_shape=array")


def test_dashboard_page_shows_every_chart(demo_db):
    response = fetch(demo_db, "/-/dashboards/dost")
    assert response.status == 200
    text = html.unescape(response.text)
    assert DASHBOARD["title"] in text
    for slug, chart in CHARTS.items():
        assert chart["title"] in text
        assert fetch(demo_db, f"/-/dashboards/dost/{slug}").status == 200
    assert "/-/dashboards" in fetch(demo_db, "/").text  # the menu links to it


def test_dashboard_scripts_are_served_locally(demo_db):
    page = fetch(demo_db, "/-/dashboards/dost").text
    scripts = re.findall(r'<script src="([^"]+)"', page)
    assert any("vega-lite" in s for s in scripts) and any("leaflet" in s for s in scripts)
    for src in scripts:
        assert src.startswith("/-/static"), f"{src} is not served by Datasette"
        assert fetch(demo_db, src).status == 200, src


@pytest.mark.parametrize("slug", sorted(CHARTS))
def test_every_chart_query_runs_and_has_its_fields(demo_db, slug):
    chart = CHARTS[slug]
    data = chart_rows(demo_db, slug)
    assert data, f"{slug} has no rows"
    display = chart.get("display", {})
    fields = {enc["field"] for enc in display.get("encoding", {}).values() if "field" in enc}
    fields |= {display[k] for k in ("field", "latitude_column", "longitude_column") if k in display}
    assert fields <= set(data[0]), (slug, fields - set(data[0]))


def test_articles_per_month_counts_every_dated_article_of_the_last_24_months(demo_db):
    data = chart_rows(demo_db, "per-month")
    ((since,),) = rows(
        demo_db,
        "select strftime('%Y-%m', max(published_date), 'start of month', '-23 months') "
        "from articles where published_date <= date('now')",
    )
    ((expected,),) = rows(
        demo_db,
        "select count(*) from articles where substr(published_date, 1, 7) >= ?",
        (since,),
    )
    assert expected and sum(r["articles"] for r in data) == expected
    assert len({r["month"] for r in data}) <= 24
    current = {
        name for (name,) in rows(demo_db, "select name from provinces where status = 'current'")
    }
    assert {r["province"] for r in data} <= current  # names, not ids
    # the view behind it counts every dated article
    ((total,),) = rows(demo_db, "select count(*) from articles where published_date is not null")
    all_months = get_json(demo_db, "/dost/articles_per_month.json?_shape=array&_size=max")
    assert sum(r["articles"] for r in all_months) == total


def test_map_places_every_current_province_with_its_count(demo_db):
    data = chart_rows(demo_db, "map")
    counts = dict(
        rows(
            demo_db,
            "select p.name, count(*) from articles a "
            "join provinces p on p.id = a.current_province_id group by p.name",
        )
    )
    by_name = {r["Tỉnh, thành phố / Province"]: r for r in data}
    assert set(counts) <= set(by_name)
    for name, count in counts.items():
        row = by_name[name]
        assert row["Bài viết / Articles"] == count
        assert 8.0 < row["latitude"] < 23.5 and 102.0 < row["longitude"] < 110.0, name


def test_articles_by_province_sums_to_the_articles(demo_db):
    ((total,),) = rows(
        demo_db, "select count(*) from articles where current_province_id is not null"
    )
    assert sum(r["articles"] for r in chart_rows(demo_db, "per-province")) == total


def test_top_units_are_the_departments_own_units_most_named_first(demo_db):
    data = chart_rows(demo_db, "units")
    assert 0 < len(data) <= 15
    kinds = dict(rows(demo_db, "select name, kind from units"))
    assert all(kinds[r["name"]] not in ("department", "external") for r in data)
    counts = [r["articles_naming"] for r in data]
    assert counts == sorted(counts, reverse=True)
    ((top,),) = rows(
        demo_db,
        "select count(distinct m.article_id) as n from unit_mentions m "
        "join units u on u.id = m.unit_id where u.kind not in ('department', 'external') "
        "group by m.unit_id order by n desc limit 1",
    )
    assert counts[0] == top


def test_top_documents_count_the_articles_citing_them(demo_db):
    data = chart_rows(demo_db, "documents")
    assert 0 < len(data) <= 15
    counts = [r["articles"] for r in data]
    assert counts == sorted(counts, reverse=True)
    ((number, top),) = rows(
        demo_db,
        "select number, count(distinct article_id) as n from doc_refs where number is not null "
        "group by number order by n desc limit 1",
    )
    assert {"document": number, "articles": top}.items() <= data[0].items()


def test_a_provincial_document_number_is_one_document_per_province(demo_db):
    # "45/NQ-HĐND" of two provinces' councils are two documents
    shared = rows(
        demo_db,
        "select d.number, count(distinct a.province_id) from doc_refs d "
        "join articles a on a.id = d.article_id where d.issuer in ('UBND', 'HĐND') "
        "group by d.number having count(distinct a.province_id) > 1",
    )
    assert shared, "the mirror has no provincial number cited in two provinces"
    for number, provinces in shared:
        data = get_json(
            demo_db,
            "/dost/document_citations.json?_shape=array&document=" + urllib.parse.quote(number),
        )
        assert len(data) == provinces and all(r["province_id"] for r in data), number


def test_public_profile_hides_the_dashboard_but_answers_its_views_and_map(demo_db):
    # datasette-dashboards runs chart SQL through the arbitrary-SQL endpoint, which the
    # public profile turns off; the views behind the charts are plain tables there.
    views = ("articles_per_month", "province_articles", "unit_articles", "document_citations")
    assert fetch(demo_db, "/-/dashboards", public=True).status == 200  # the menu's link
    for path in ("/-/dashboards/dost", "/-/dashboards/dost/per-month"):
        forbidden = fetch(demo_db, path, public=True)
        assert forbidden.status == 403, path
        # the menu still links the dashboard: the page says why there is none, and where
        # the data behind the charts is
        assert "No charts on the public site" in forbidden.text, path
        for view in views:
            assert f'href="/dost/{view}"' in forbidden.text, (path, view)
    for view in views:
        assert get_json(demo_db, f"/dost/{view}.json?_shape=array", public=True), view
    page = fetch(demo_db, "/dost/province_articles", public=True)
    assert page.status == 200 and "datasette-cluster-map.js" in page.text
