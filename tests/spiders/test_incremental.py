"""Incremental crawling on saved pages: what a run asks for, given what the store knows.

A source's spider is built as a crawl builds it, on a temporary database; listing and article
pages come from the mirror (`tests/conftest.py`), answers without a page (304, 404, 410) are
made here.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from scrapy import Request, signals
from scrapy.http import HtmlResponse
from scrapy.spiderloader import SpiderLoader
from scrapy.utils.project import get_project_settings
from scrapy.utils.test import get_crawler

from crawlers.incremental import Walk
from crawlers.mirror.build import load_sites
from crawlers.store import store_for
from tests.conftest import article_url, content, mirror_response, url_of

SITES = load_sites()


class Run:
    """One run of a source on a temporary database: its spider, crawler and store."""

    def __init__(self, name: str, db: Any, **settings: Any) -> None:
        cls = SpiderLoader.from_settings(get_project_settings()).load(name)
        self.name = name
        settings = {"DOST_DB": str(db), "MEMUSAGE_ENABLED": False, **settings}
        self.crawler = get_crawler(cls, settings)
        self.spider = self.crawler._create_spider()
        self.store = store_for(self.crawler)
        self.store.upsert_source(cls.source_record())
        self.crawl_id = self.store.start_crawl(name, mirror=True)
        self.crawler.stats.set_value("dost/crawl_id", self.crawl_id)

    def start(self) -> list[Request]:
        async def collect() -> list[Request]:
            return [request async for request in self.spider.start()]

        return asyncio.run(collect())

    def listing(self, page: int = 1, url: str | None = None) -> tuple[list, list]:
        """The article requests and the listing requests a listing page yields."""
        url = url or url_of(self.name, SITES[self.name].listing_path(page))
        response = mirror_response(url, meta={"dost_listing": url})
        requests = list(self.spider.parse(response))
        articles = [r for r in requests if r.callback == self.spider.parse_article]
        pages = [r for r in requests if r.callback == self.spider.parse]
        return articles, pages

    def finish(self, *, complete: bool) -> None:
        self.store.finish_crawl(self.crawl_id, finish_reason="finished", complete=int(complete))

    def close(self) -> None:
        self.crawler.signals.send_catch_log(signals.engine_stopped)


@pytest.fixture
def runs(tmp_path):
    opened: list[Run] = []

    def run(name: str, **settings: Any) -> Run:
        opened.append(Run(name, tmp_path / "dost.db", **settings))
        return opened[-1]

    yield run
    for r in opened:
        r.close()


def newest(name: str) -> list[dict]:
    return sorted(content(name), key=lambda a: a["id"], reverse=True)


def store_articles(run: Run, articles: list[dict], *, complete: bool = True) -> None:
    """As if an earlier run had stored these articles (with validators), each linked from
    its listing page, and walked the site."""
    site = SITES[run.name]
    listed = {}
    for n, a in enumerate(articles):
        listed[article_url(run.name, a["id"])] = url_of(
            run.name, site.listing_path(n // site.per_page + 1)
        )
        run.store.upsert_article(
            {
                "url": article_url(run.name, a["id"]),
                "source_id": run.name,
                "title": a["title"],
                "body_text": "Nội dung.",
                "etag": f'"{a["id"]}"',
                "last_modified": "Mon, 01 Jan 2024 00:00:00 GMT",
            }
        )
    run.store.mark_listed(run.name, listed, run.crawl_id)
    run.finish(complete=complete)


def test_a_first_run_walks_every_listing_page(runs):
    run = runs("cao_bang")
    assert [r.url for r in run.start()] == run.spider.start_urls
    assert run.spider.walk.mode == "full"
    articles, pages = run.listing(1)
    assert len(articles) == SITES["cao_bang"].per_page
    assert not any("If-None-Match" in r.headers for r in articles)
    assert {r.url for r in pages} >= {
        url_of("cao_bang", SITES["cao_bang"].listing_path(n)) for n in (2, 3)
    }


def test_a_later_run_asks_known_articles_conditionally_and_stops_at_the_first_page(runs):
    first = runs("cao_bang")
    store_articles(first, newest("cao_bang"))
    run = runs("cao_bang")
    run.start()
    assert run.spider.walk.mode == "incremental"
    articles, pages = run.listing(1)
    assert pages == []  # nothing new on page 1: the walk ends there
    assert len(articles) == SITES["cao_bang"].per_page
    for request in articles:
        known = request.meta["dost_article_id"]
        assert request.headers["If-Modified-Since"] == b"Mon, 01 Jan 2024 00:00:00 GMT"
        assert request.headers["If-None-Match"].decode().strip('"').isdigit()
        assert known
        assert request.meta["handle_httpstatus_list"] == [304, 404, 410]


def test_a_page_with_a_new_article_leads_to_the_next_page_only(runs):
    first = runs("cao_bang")
    store_articles(first, newest("cao_bang")[1:])
    run = runs("cao_bang")
    run.start()
    articles, pages = run.listing(1)
    new = [r for r in articles if "dost_article_id" not in r.meta]
    assert [r.url for r in new] == [article_url("cao_bang", newest("cao_bang")[0]["id"])]
    assert [r.url for r in pages] == [url_of("cao_bang", SITES["cao_bang"].listing_path(2))]
    _, after = run.listing(2)
    assert after == []  # page 2 brings nothing new


def test_page_one_under_a_second_url_is_passed_through(runs):
    # Liferay's pager links page 1 again as `_cur=1` before page 2.
    first = runs("ha_noi")
    store_articles(first, newest("ha_noi")[1:])
    run = runs("ha_noi")
    run.start()
    _, pages = run.listing(1)
    (alias,) = pages
    assert alias.url.endswith("_cur=1")
    _, pages = run.listing(url=alias.url)
    assert [r.url for r in pages] == [alias.url.replace("_cur=1", "_cur=2")]


def test_a_backfill_walks_every_page_and_asks_every_article_again(runs):
    first = runs("cao_bang")
    store_articles(first, newest("cao_bang"))
    run = runs("cao_bang", DOST_BACKFILL=True)
    run.start()
    assert run.spider.walk.mode == "backfill"
    articles, pages = run.listing(1)
    assert all("If-None-Match" in r.headers for r in articles)
    assert len({r.url for r in pages}) >= 2


def test_an_unfinished_first_walk_is_walked_in_full_again(runs):
    first = runs("cao_bang", DOST_MAX_PAGES=1)
    store_articles(first, newest("cao_bang")[:4], complete=False)
    run = runs("cao_bang")
    run.start()
    assert run.spider.walk.mode == "full"


def test_a_walk_whose_pager_leads_to_an_empty_or_gone_page_walked_to_the_end(runs):
    site = SITES["cao_bang"]
    pages = -(-len(content("cao_bang")) // site.per_page)
    run = runs("cao_bang")
    run.start()
    for page in range(1, pages + 1):
        run.listing(page)
    walk = run.spider.walk
    assert walk.complete and walk.walked_to_the_end
    past = url_of("cao_bang", site.listing_path(pages + 1))
    walk.ask_listing(past)
    request = Request(past, meta={"dost_listing": past})
    assert list(run.spider.parse(HtmlResponse(past, status=404, body=b"", request=request))) == []
    assert walk.walked_to_the_end and not walk.complete  # nothing "unlisted" on its word
    failed = url_of("cao_bang", site.listing_path(pages + 2))
    walk.ask_listing(failed)  # asked, never answered (a 5xx, a timeout): pages may hide behind
    assert not walk.walked_to_the_end


def test_after_a_walk_to_the_end_the_next_run_is_incremental(runs):
    first = runs("cao_bang")
    store_articles(first, newest("cao_bang"), complete=False)
    first.store.finish_crawl(first.crawl_id, walked=1)
    run = runs("cao_bang")
    run.start()
    assert run.spider.walk.mode == "incremental"


def test_an_article_no_walked_page_links_any_more_is_asked_again(runs):
    first = runs("cao_bang")
    store_articles(first, newest("cao_bang"))
    gone = newest("cao_bang")[0]  # the last run saw it on page 1
    run = runs("cao_bang")
    run.start()
    run.listing(1)
    run.spider.walk.linked.pop(article_url("cao_bang", gone["id"]))  # page 1 no longer links it
    (recheck,) = run.spider.walk.rechecks(run.store, "cao_bang", run.crawl_id)
    assert recheck.url == article_url("cao_bang", gone["id"])
    assert recheck.headers["If-None-Match"] == f'"{gone["id"]}"'
    assert not recheck.unlisted_twice  # an incremental run never removes as unlisted
    # where it went is unknown: the next run does not ask again
    assert run.spider.walk.rechecks(run.store, "cao_bang", run.crawl_id) == []


def walk_site(run: Run, linked: list[dict]) -> Walk:
    """A complete walk of the listing that linked these articles."""
    walk = Walk("backfill")
    page = url_of(run.name, SITES[run.name].listing_path(1))
    walk.ask_listing(page)
    walk.listing_read(page, entries=len(linked))
    for a in linked:
        walk.link(article_url(run.name, a["id"]), page)
    return walk


def test_an_article_unlisted_in_two_complete_walks_is_removed(runs):
    articles = newest("cao_bang")
    first = runs("cao_bang")
    store_articles(first, articles)
    second = runs("cao_bang", DOST_BACKFILL=True)
    rechecks = walk_site(second, articles[1:]).rechecks(second.store, "cao_bang", second.crawl_id)
    assert [(r.url, r.unlisted_twice) for r in rechecks] == [
        (article_url("cao_bang", articles[0]["id"]), False)
    ]
    second.finish(complete=True)
    third = runs("cao_bang", DOST_BACKFILL=True)
    (recheck,) = walk_site(third, articles[1:]).rechecks(third.store, "cao_bang", third.crawl_id)
    assert recheck.unlisted_twice


def test_a_walk_that_misses_most_articles_removes_none_as_unlisted(runs, caplog):
    articles = newest("cao_bang")
    first = runs("cao_bang")
    store_articles(first, articles)
    run = runs("cao_bang", DOST_BACKFILL=True)
    walk = walk_site(run, articles[:2])  # a redesign: the listing shows two links
    assert walk.complete
    import logging

    rechecks = walk.rechecks(run.store, "cao_bang", run.crawl_id, logging.getLogger("t"))
    assert not any(r.unlisted_twice for r in rechecks)
    assert "broken listing" in caplog.text


def answer(run: Run, url: str, status: int, **meta: Any) -> list:
    request = Request(url, meta={"dost_kind": "article", **meta})
    response = HtmlResponse(url=url, status=status, body=b"", request=request)
    return list(run.spider.parse_article(response))


def test_a_304_is_counted_unchanged_and_reads_nothing(runs):
    first = runs("cao_bang")
    store_articles(first, newest("cao_bang"))
    run = runs("cao_bang")
    url = article_url("cao_bang", newest("cao_bang")[0]["id"])
    article_id = run.store.known_articles("cao_bang")[url]["id"]
    assert answer(run, url, 304, dost_article_id=article_id) == []
    stats = run.crawler.stats.get_stats()
    assert (stats["dost/not_modified"], stats["dost/items_unchanged"]) == (1, 1)
    assert run.store.db["article_state"].get(article_id)["status"] == 304


@pytest.mark.parametrize("status", [404, 410])
def test_a_known_article_answering_404_or_410_is_marked_removed(runs, status):
    first = runs("cao_bang")
    store_articles(first, newest("cao_bang"))
    run = runs("cao_bang")
    url = article_url("cao_bang", newest("cao_bang")[0]["id"])
    article_id = run.store.known_articles("cao_bang")[url]["id"]
    assert answer(run, url, status, dost_article_id=article_id) == []
    row = run.store.db["articles"].get(article_id)
    assert row["removed_reason"] == f"http {status}"
    assert run.crawler.stats.get_value("dost/removed") == 1
    assert run.store.article_count("cao_bang") == len(content("cao_bang"))


def test_a_new_link_answering_404_is_only_logged(runs, caplog):
    run = runs("cao_bang")
    assert answer(run, "http://khcncaobang.gov.vn/khong-co", 404) == []
    assert "article link answers 404" in caplog.text
    assert run.store.article_count() == 0


def test_an_article_page_keeps_its_validators_on_the_item(runs):
    run = runs("cao_bang")
    url = article_url("cao_bang", newest("cao_bang")[0]["id"])
    page = mirror_response(url, meta={"dost_kind": "article", "listing_date": "18/08/2016"})
    page = page.replace(headers={"ETag": '"abc"', "Last-Modified": "Mon, 01 Jan 2024 00:00:00 GMT"})
    (item,) = run.spider.parse_article(page)
    assert (item["etag"], item["last_modified"]) == ('"abc"', "Mon, 01 Jan 2024 00:00:00 GMT")


def test_a_source_judged_unhealthy_is_asked_in_full(runs):
    # Its pages may have changed without their dates moving (a redesign): read them again.
    first = runs("cao_bang")
    store_articles(first, newest("cao_bang"))
    first.store.set_source_health("cao_bang", "failing", "fallback", "2026-01-01T00:00:00+00:00")
    run = runs("cao_bang")
    run.start()
    articles, _ = run.listing(1)
    assert all(r.meta["dost_article_id"] for r in articles)
    assert not any("If-Modified-Since" in r.headers for r in articles)
