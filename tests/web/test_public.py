"""The shared deployment's profile (`make serve-public`) and what every page renders."""

from __future__ import annotations

import sqlite3

from tests.web.conftest import fetch, get_json, metadata, rows


def test_every_table_answers_as_html_and_json(demo_db):
    # One crawl of the demo finds no site editing or removing an article: no history yet.
    may_be_empty = {"raw_blobs", "article_versions", "article_events"}
    for table in metadata()["databases"]["dost"]["tables"]:
        data = get_json(demo_db, f"/dost/{table}.json?_size=5")
        assert data["rows"] or table in may_be_empty, f"{table} is empty"
    response = fetch(demo_db, "/dost/articles")
    assert response.status == 200
    assert "Bài viết / Articles" in response.text
    # labels, not ids: the current province facet names the province
    assert "Vĩnh Long" in response.text and "An Giang" in response.text
    response = fetch(demo_db, "/dost/people_mentions?position=Gi%C3%A1m+%C4%91%E1%BB%91c")
    assert response.status == 200 and "Giám đốc" in response.text


def test_public_profile_refuses_arbitrary_sql_but_answers_stored_queries(demo_db):
    assert fetch(demo_db, "/dost.json?sql=select+count(*)+from+articles", public=True).status == 403
    assert get_json(demo_db, "/dost/latest.json?_shape=array&province=cao-bang", public=True)
    assert get_json(demo_db, "/dost/articles.json?_search=dang+uy&_shape=array", public=True)
    assert fetch(demo_db, "/dost.db", public=True).status == 403


def test_public_search_page_computes_the_configured_facets_and_no_suggestions(demo_db):
    # Suggestions cost ~40 queries over the matches per page (bench.search); the useful
    # facets are configured in metadata.json.
    data = get_json(demo_db, "/dost/articles.json?_search=dang+uy", public=True)
    assert data["suggested_facets"] == []
    assert {"source_id", "current_province_id", "published_year"} <= set(data["facet_results"])


def test_robots_txt_is_deliberate(demo_db):
    response = fetch(demo_db, "/robots.txt", public=True)
    assert response.status == 200
    assert "Disallow: /dost/search" in response.text and "Allow: /" in response.text


def test_text_from_pages_is_never_rendered_as_html(db_copy):
    with sqlite3.connect(db_copy) as conn:
        conn.execute(
            "update articles set title = '<script>alert(1)</script> Tin', "
            "body_text = '<b>đậm</b>' where id = 1"
        )
    response = fetch(db_copy, "/dost/articles/1", public=True)
    assert response.status == 200
    assert "<script>alert(1)</script>" not in response.text
    assert "&lt;script&gt;" in response.text
    assert "<b>đậm</b>" not in response.text


def test_an_articles_body_reads_as_escaped_paragraphs(db_copy):
    with sqlite3.connect(db_copy) as conn:
        conn.execute(
            "update articles set body_text = ? where id = 1",
            ["Đoạn một <i>a</i>.\n\nĐoạn hai\ndòng hai."],
        )
    response = fetch(db_copy, "/dost/articles/1", public=True)
    assert response.status == 200
    assert "<p>Đoạn một &lt;i&gt;a&lt;/i&gt;.</p><p>Đoạn hai<br>dòng hai.</p>" in response.text


def test_the_database_stays_readable_while_a_crawl_writes(db_copy):
    from crawlers.store import Store

    writer = Store(db_copy)
    try:
        writer.db.execute("begin immediate")  # a crawl in the middle of a write
        writer.db.execute("update articles set last_seen = '2099-01-01' where id = 1")
        data = get_json(db_copy, "/dost/articles.json?_shape=array&_size=3")
        assert len(data) == 3
        assert rows(db_copy, "pragma journal_mode") == [("wal",)]
    finally:
        writer.db.conn.rollback()
        writer.close()
