"""Browsing the articles as a journalist does: facets, the list, one article's page."""

from __future__ import annotations

import html
import re
import sqlite3

from tests.web.conftest import fetch, get_json, query, rows

FACETS = [
    "current_province_id",
    "province_id",
    "source_id",
    "published_year",
    "published_month",
    "unit_id",
    "authors",
]


def test_the_articles_table_offers_every_facet(demo_db):
    data = get_json(demo_db, "/dost/articles.json?_size=1")
    assert set(FACETS) <= set(data["facet_results"])
    for name in FACETS:
        assert data["facet_results"][name]["results"], f"facet {name} is empty"


def test_month_facet_counts_local_months(demo_db):
    data = get_json(demo_db, "/dost/articles.json?_size=1&_facet_size=max")
    counted = {r["value"]: r["count"] for r in data["facet_results"]["published_month"]["results"]}
    expected = dict(
        rows(
            demo_db,
            "select substr(published_date, 1, 7), count(*) from articles "
            "where published_date is not null group by 1",
        )
    )
    assert counted == expected
    assert rows(
        demo_db,
        "select count(*) from articles where published_month is not substr(published_date, 1, 7)",
    ) == [(0,)]


def test_province_and_source_facets_show_names_not_ids(demo_db):
    data = get_json(demo_db, "/dost/articles.json?_size=1")
    names = dict(rows(demo_db, "select id, name from provinces"))
    sources = dict(rows(demo_db, "select id, name from sources"))
    for facet, table in (
        ("current_province_id", names),
        ("province_id", names),
        ("source_id", sources),
    ):
        for result in data["facet_results"][facet]["results"]:
            assert result["label"] == table[result["value"]], (facet, result)


def test_a_province_facet_narrows_to_that_province(demo_db):
    data = get_json(demo_db, "/dost/articles.json?_size=1&_search=dang+uy")
    first = data["facet_results"]["current_province_id"]["results"][0]
    narrowed = get_json(
        demo_db,
        f"/dost/articles.json?_shape=array&_size=max&_search=dang+uy"
        f"&current_province_id={first['value']}",
    )
    assert len(narrowed) == first["count"]
    assert {r["current_province_id"] for r in narrowed} == {first["value"]}


def test_the_list_shows_each_article_with_its_link_date_and_place(demo_db):
    page = fetch(demo_db, "/dost/articles?_search=dang+uy")
    assert page.status == 200
    expected = get_json(demo_db, "/dost/articles.json?_shape=array&_search=dang+uy")
    names = dict(rows(demo_db, "select id, name from provinces"))
    items = re.findall(r'<li class="dost-article-item">(.*?)</li>', page.text, re.S)
    assert len(items) == len(expected)
    for item, article in zip(items, expected, strict=True):
        assert f'href="/dost/articles/{article["id"]}"' in item
        assert html.escape(article["title"], quote=False) in item
        assert f'href="{html.escape(article["url"])}"' in item
        assert names[article["current_province_id"]] in item
        if article["published_date"]:
            assert article["published_date"] in item


def test_the_plain_table_is_one_click_away(demo_db):
    page = fetch(demo_db, "/dost/articles?_search=dang+uy&_dost_table=1")
    assert page.status == 200
    assert '<table class="rows-and-columns">' in page.text
    assert 'class="dost-article-item"' not in page.text


def test_an_article_page_reads_as_an_article(demo_db):
    (article_id, title, url, body, current) = rows(
        demo_db,
        "select a.id, a.title, a.url, a.body_text, p.name from articles a "
        "join provinces p on p.id = a.current_province_id "
        "where a.id in (select article_id from attachments) "
        "and a.id in (select article_id from doc_refs) "
        # one citing a law by name (no number) when there is one; by URL, not crawl order
        "order by a.id in (select article_id from doc_refs where number is null) desc, a.url "
        "limit 1",
    )[0]
    page = fetch(demo_db, f"/dost/articles/{article_id}")
    assert page.status == 200
    text = page.text
    assert f"<h1>{html.escape(title, quote=False)}</h1>" in text
    assert f'class="dost-original" href="{html.escape(url)}"' in text
    first_paragraph = body.split("\n\n")[0].split("\n")[0]
    assert f"<p>{html.escape(first_paragraph, quote=False)}" in text
    assert current in text
    for (attachment,) in rows(
        demo_db, "select url from attachments where article_id = ?", (article_id,)
    ):
        assert f'href="{html.escape(attachment)}"' in text
    for number, cited in rows(
        demo_db, "select number, text from doc_refs where article_id = ?", (article_id,)
    ):
        if number:  # a link to the articles citing the same number
            assert f">{html.escape(number, quote=False)}</a>" in text
        else:  # a law cited by name: its words as printed
            assert html.escape(cited, quote=False) in text
    assert ">None<" not in text
    # every stored field stays on the page, for audit
    assert 'data-column="content_hash"' in text


def test_an_article_page_says_when_the_site_edited_or_removed_it(db_copy):
    from crawlers.store import Store

    store = Store(db_copy)
    try:
        (article_id,) = rows(db_copy, "select min(id) from articles")[0]
        store.mark_removed(article_id, "http 404")
        store.db.execute(
            "update articles set changed_at = '2026-05-04T01:02:03+00:00' where id = ?",
            [article_id],
        )
    finally:
        store.close()
    text = fetch(db_copy, f"/dost/articles/{article_id}").text
    assert "Removed from the department's site" in text and "(http 404)" in text
    assert "Edited on the site: 2026-05-04" in text
    assert f"/dost/article_versions?article_id={article_id}" in text
    (other,) = rows(db_copy, "select max(id) from articles")[0]
    text = fetch(db_copy, f"/dost/articles/{other}").text
    assert "Removed from" not in text and "Edited on the site" not in text


SEARCH = "/dost/search?province=&source=&unit=&since=&until=&q="


def test_the_search_page_lists_the_matches_with_every_word_marked(demo_db):
    page = fetch(demo_db, SEARCH + "dang+uy")
    assert page.status == 200 and "message-error" not in page.text
    expected = query(
        demo_db, "search", q="dang uy", province="", source="", unit="", since="", until=""
    )
    names = dict(rows(demo_db, "select id, name from provinces"))
    items = re.findall(r'<li class="dost-article-item">(.*?)</li>', page.text, re.S)
    assert len(items) == len(expected) > 0
    for item, article in zip(items, expected, strict=True):  # in the query's order: best first
        assert f'href="/dost/articles/{article["id"]}"' in item
        assert html.escape(article["title"], quote=False) in item
        assert names[article["current_province_id"]] in item
        snippet = re.search(r'<p class="dost-snippet">(.*?)</p>', item, re.S).group(1)
        assert "«" not in snippet and "<mark>" in snippet
        assert html.unescape(re.sub(r"</?mark>", "", snippet)) == article["snippet"].replace(
            "«", ""
        ).replace("»", "")
    assert "<mark>Đảng ủy</mark>" in page.text  # the words together, marked together
    assert '<pre id="sql-query">' not in page.text  # the SQL waits behind "show"


def test_the_search_page_opens_with_a_hint_not_an_error(demo_db):
    for path in ("/dost/search", SEARCH, SEARCH + "%22", SEARCH + "+++"):
        page = fetch(demo_db, path)
        assert page.status == 200, path
        assert "message-error" not in page.text and 'class="dost-hint"' in page.text, path
    page = fetch(demo_db, SEARCH + "zzqxw")
    assert 'class="zero-results"' in page.text and "message-error" not in page.text


def test_the_search_page_shows_datasettes_table_on_request(demo_db):
    page = fetch(demo_db, SEARCH + "dang+uy&_dost_table=1")
    assert '<table class="rows-and-columns">' in page.text
    assert 'class="dost-article-item"' not in page.text
    assert 'href="/dost/search?' in page.text  # and back to the list


def test_search_snippets_escape_what_the_page_printed(db_copy):
    title, body = "<script>alert(1)</script> Tin", "Họp «Đảng ủy» <b>đậm</b> bàn việc."
    with sqlite3.connect(db_copy) as conn:
        conn.execute("update articles set title = ?, body_text = ? where id = 1", [title, body])
        conn.execute("delete from articles_fts where rowid = 1")
        conn.execute(
            "insert into articles_fts (rowid, title, body_text, folded_title, folded_body) "
            "values (1, ?, ?, '', ?)",
            [title, body, body.replace("Đ", "D").replace("đ", "d")],
        )
    page = fetch(db_copy, SEARCH + "dam+dang", public=True)
    assert page.status == 200
    assert "<script>alert(1)</script>" not in page.text and "<b>đậm</b>" not in page.text
    assert "&lt;b&gt;<mark>đậm</mark>&lt;/b&gt;" in page.text
    assert "<mark>Đảng</mark>" in page.text
