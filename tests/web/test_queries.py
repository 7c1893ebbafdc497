"""The stored queries of metadata.json, answering on the demo data."""

from __future__ import annotations

from tests.conftest import seed
from tests.test_end_to_end import SOURCES
from tests.web.conftest import query


def test_stored_search_ranks_snippets_and_filters(demo_db):
    empty = dict(province="", source="", unit="", since="", until="")
    rows_all = query(demo_db, "search", q="dang uy", **empty)
    assert rows_all and all("«" in r["snippet"] for r in rows_all)
    in_an_giang = query(demo_db, "search", q="dang uy", **{**empty, "province": "an-giang"})
    assert in_an_giang and len(in_an_giang) < len(rows_all)
    assert all("an-giang" in (r["province_id"], r["current_province_id"]) for r in in_an_giang)
    since = query(demo_db, "search", q="dang uy", **{**empty, "since": "2025-01-01"})
    assert since and all(r["published_date"] >= "2025-01-01" for r in since)


def test_stored_latest_for_a_current_province_includes_its_former_ones(demo_db):
    rows_ = query(demo_db, "latest", province="an-giang")
    assert {r["source_id"] for r in rows_} == {"an_giang", "kien_giang"}
    dates = [r["published"] for r in rows_ if r["published"]]
    assert dates == sorted(dates, reverse=True)


def test_stored_people_finds_a_director_typed_without_diacritics(demo_db):
    rows_ = query(
        demo_db,
        "people",
        name="le van khe",
        position="giam doc",
        unit="department",
        province="ben-tre",
        year="",
    )
    assert {(r["name"], r["year"]) for r in rows_} == {("Lê Văn Khê", 2017)}


def test_stored_documents_finds_the_articles_citing_a_number(demo_db):
    title, _ = seed("002")
    rows_ = query(demo_db, "documents", number="3617/kh-ubnd")
    assert title in {r["title"] for r in rows_}


def test_stored_sources_health_lists_every_source_with_its_last_crawl(demo_db):
    rows_ = query(demo_db, "sources_health")
    assert len(rows_) == len(SOURCES)
    assert all(
        r["articles"] > 0 and r["last_crawl"] and r["finish_reason"] == "finished" for r in rows_
    )
