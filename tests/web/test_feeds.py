"""Atom feeds (datasette-atom on the `feed` stored query): what a journalist's feed reader gets."""

from __future__ import annotations

import html
import re
import sqlite3
import urllib.parse
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path

import feedparser
import pytest

from tests.web.conftest import edit_and_remove, fetch, get_json, metadata, rows

CAP = 50
ATOM = "{http://www.w3.org/2005/Atom}"
QUERIES = metadata()["databases"]["dost"]["queries"]


def feed(db: Path, *, public: bool = False, **params: str) -> feedparser.FeedParserDict:
    path = "/dost/feed.atom" + ("?" + urllib.parse.urlencode(params) if params else "")
    response = fetch(db, path, public=public)
    assert response.status == 200, (path, response.text[:500])
    assert response.headers["content-type"].startswith("application/xml")
    parsed = feedparser.parse(response.text)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def urls(parsed: feedparser.FeedParserDict) -> list[str]:
    return [entry.id for entry in parsed.entries]


def newest(db: Path, where: str = "1", params: tuple = ()) -> list[str]:
    """Article URLs, newest first, as the feed orders them."""
    sql = f"select url from articles where {where} order by published desc, id desc limit {CAP}"
    return [url for (url,) in rows(db, sql, params)]


def search_box(db: Path, q: str) -> list[str]:
    """What the articles table's search box finds, newest first (the table's sort)."""
    path = "/dost/articles.json?_shape=array&_col=url&_size=max&_search=" + urllib.parse.quote(q)
    return [row["url"] for row in get_json(db, path)]


def test_latest_feed_is_the_newest_articles_newest_first(demo_db):
    parsed = feed(demo_db)
    assert parsed.feed.title == QUERIES["feed"]["title"]
    assert urls(parsed) == newest(demo_db)
    times = [datetime.fromisoformat(entry.updated) for entry in parsed.entries]
    assert all(t.utcoffset() is not None for t in times)
    assert times == sorted(times, reverse=True)


def test_feed_entries_link_to_the_department_sites(demo_db):
    homepages = dict(
        rows(
            demo_db, "select a.url, s.homepage from articles a join sources s on s.id = a.source_id"
        )
    )
    titles = dict(rows(demo_db, "select url, title from articles"))
    for entry in feed(demo_db).entries:
        assert entry.link == entry.id
        host = urllib.parse.urlsplit(entry.link).hostname
        assert host == urllib.parse.urlsplit(homepages[entry.link]).hostname
        assert host not in ("127.0.0.1", "localhost")
        assert entry.title == titles[entry.link]
        assert entry.author.startswith("Sở ")


def test_feed_updated_is_the_publication_time_in_vietnam(demo_db):
    published = dict(rows(demo_db, "select url, published from articles"))
    for entry in feed(demo_db).entries:
        value = published[entry.id]
        expected = value + "T00:00:00+07:00" if len(value) == 10 else value
        assert datetime.fromisoformat(entry.updated) == datetime.fromisoformat(expected)


@pytest.mark.parametrize("province", ["an-giang", "kien-giang", "cao-bang"])
def test_province_feed_has_only_that_provinces_articles(demo_db, province):
    where = "province_id = ? or current_province_id = ?"
    got = urls(feed(demo_db, province=province))
    assert got and got == newest(demo_db, where, (province, province))


def test_feed_of_a_current_province_includes_its_former_ones(demo_db):
    got = set(urls(feed(demo_db, province="an-giang")))
    sources = {
        s
        for (s,) in rows(
            demo_db,
            f"select distinct source_id from articles where url in ({','.join('?' * len(got))})",
            tuple(got),
        )
    }
    assert sources == {"an_giang", "kien_giang"}


@pytest.mark.parametrize("q", ["dang uy", "Đảng ủy", "ĐẢNG ỦY", "hoi nghi", '"khoa hoc cong nghe"'])
def test_search_feed_has_what_the_search_box_finds(demo_db, q):
    found = search_box(demo_db, q)
    assert found, f"{q!r} finds nothing on the mirror"
    got = urls(feed(demo_db, q=q, province=""))
    assert len(got) == min(len(found), CAP) and set(got) <= set(found)
    # the newest matches (both sort by publication; ties may come in another order)
    published = dict(rows(demo_db, "select url, published from articles"))
    left_out = [published[url] or "" for url in set(found) - set(got)]
    assert all(date <= min(published[url] or "" for url in got) for date in left_out)


def test_search_feed_folds_diacritics_and_d_like_the_search_box(demo_db):
    assert urls(feed(demo_db, q="dang uy")) == urls(feed(demo_db, q="Đảng ủy"))


def test_search_and_province_together(demo_db):
    both = set(urls(feed(demo_db, q="dang uy", province="an-giang")))
    assert both
    assert both <= set(search_box(demo_db, "dang uy"))
    assert both <= set(
        newest(demo_db, "province_id = ? or current_province_id = ?", ("an-giang",) * 2)
    )


def test_feed_has_at_most_the_cap(demo_db):
    (total,) = rows(demo_db, "select count(*) from articles")[0]
    assert total > CAP
    assert len(feed(demo_db).entries) == CAP


def test_feed_without_a_match_is_a_valid_feed_saying_so(demo_db):
    # datasette-atom fails on a query without rows; the stored query answers one entry instead
    parsed = feed(demo_db, q="xyzzy khong co")
    assert len(parsed.entries) == 1
    assert "No matching article yet" in parsed.entries[0].title


@pytest.mark.parametrize(
    "params", [{}, {"province": "an-giang"}, {"q": "dang uy"}, {"q": "Đảng ủy", "province": ""}]
)
def test_feeds_answer_under_the_public_profile(demo_db, params):
    assert urls(feed(demo_db, public=True, **params)) == urls(feed(demo_db, **params))


def test_feed_content_is_the_body_as_escaped_paragraphs(db_copy):
    with sqlite3.connect(db_copy) as conn:
        conn.execute(
            "update articles set body_text = ?, published = '2099-01-01' where id = 1",
            ["Đoạn một <script>alert(1)</script>.\n\nĐoạn hai\ndòng hai."],
        )
    response = fetch(db_copy, "/dost/feed.atom", public=True)
    entry = ET.fromstring(response.text).find(f"{ATOM}entry")
    content = entry.find(f"{ATOM}content")
    assert content.get("type") == "html"
    assert content.text == (
        "<p>Đoạn một &lt;script&gt;alert(1)&lt;/script&gt;.</p><p>Đoạn hai<br>dòng hai.</p>"
    )


def test_the_feed_urls_the_descriptions_give_answer(demo_db):
    tables = metadata()["databases"]["dost"]["tables"]
    texts = [
        QUERIES["feed"]["description"],
        QUERIES["search"]["description"],
        QUERIES["latest"]["description"],
        tables["articles"]["description"],
    ]
    for text in texts:
        assert "/dost/feed.atom" in text
    paths = {
        m.rstrip(".,;")
        for text in texts
        for m in re.findall(r"/dost/feed\.atom(?:\?[^\s)]*)?", text)
    }
    assert len(paths) >= 4
    for path in sorted(paths):
        response = fetch(demo_db, path, public=True)
        assert response.status == 200, path
        assert feedparser.parse(response.text).entries, path


# -- edits and removals: /dost/changes_feed.atom -------------------------------------------


def changes_feed(db: Path, **params: str) -> feedparser.FeedParserDict:
    path = "/dost/changes_feed.atom" + ("?" + urllib.parse.urlencode(params) if params else "")
    response = fetch(db, path, public=True)
    assert response.status == 200, (path, response.text[:500])
    parsed = feedparser.parse(response.text)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def test_changes_feed_without_changes_is_a_valid_feed_saying_so(demo_db):
    (entry,) = changes_feed(demo_db).entries
    assert "No edit or removal yet" in entry.title


def test_changes_feed_has_an_entry_per_edit_and_removal_newest_first(db_copy):
    edited, removed = edit_and_remove(db_copy, "Tiêu đề <b>đã sửa</b>")
    parsed = changes_feed(db_copy)
    removal, edit = parsed.entries
    assert removal.title == "Đã gỡ / Removed: " + removed["title"]
    assert removal.link == removed["url"] and removal.id.startswith(removed["url"] + "#")
    assert "http 404" in removal.summary
    assert edit.title == "Đã sửa / Edited: Tiêu đề <b>đã sửa</b>"
    assert edit.link == edited["url"]
    content = edit.content[0].value
    assert "Title before: " + html.escape(edited["title"], quote=False) in content
    assert "<b>" not in content
    assert edit.updated_parsed <= removal.updated_parsed
    assert len(changes_feed(db_copy, source="cao_bang").entries) == 2
    assert len(changes_feed(db_copy, province="cao-bang").entries) == 2
    (nothing,) = changes_feed(db_copy, source="ben_tre").entries
    assert "No edit or removal yet" in nothing.title
