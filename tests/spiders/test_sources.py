"""Every source's spider on its saved pages: listings, pagination and article fields.

The expected values come from `data/mirror/_content/<source>.json`, the articles the saved
pages were rendered from, so each assertion compares what the spider read with what the
page shows.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from scrapy import Request
from scrapy.utils.test import get_crawler

from crawlers.items import Article
from crawlers.mirror.build import load_sites
from crawlers.pipelines.clean import clean_article
from crawlers.pipelines.normalize import normalize_article
from normalize.text import fold, squash_spaces
from spiders.ben_tre import BenTreSpider
from spiders.cao_bang import CaoBangSpider
from spiders.hai_phong import HaiPhongSpider
from spiders.kien_giang import KienGiangSpider
from tests.conftest import content, mirror_response

SITES = load_sites()
SPIDERS = {s.name: s for s in [BenTreSpider, KienGiangSpider, CaoBangSpider, HaiPhongSpider]}
# Where each site prints an article's date: on the article page, or only on the listing.
DATE_ON_PAGE = {"ben_tre": False, "kien_giang": True, "cao_bang": False, "hai_phong": True}


def make_spider(name: str):
    crawler = get_crawler(SPIDERS[name])
    return crawler._create_spider()


def article_url(name: str, article: dict) -> str:
    site = SITES[name]
    return f"{site.scheme}://{site.host}{site.article_path(article)}"


def listing_url(name: str, page: int) -> str:
    site = SITES[name]
    return f"{site.scheme}://{site.host}{site.listing_path(page)}"


def newest_first(name: str) -> list[dict]:
    return sorted(content(name), key=lambda a: a["id"], reverse=True)


CASES = [(name, a["id"]) for name in SPIDERS for a in content(name)]


@pytest.mark.parametrize("name", SPIDERS)
def test_start_url_is_the_first_listing_page(name):
    assert SPIDERS[name].start_urls == [listing_url(name, 1)]


@pytest.mark.parametrize("name", SPIDERS)
def test_listing_yields_its_articles_and_the_other_pages(name):
    spider = make_spider(name)
    per_page = SITES[name].per_page
    requests = list(spider.parse(mirror_response(listing_url(name, 1))))
    articles = [r for r in requests if r.callback == spider.parse_article]
    pages = [r for r in requests if r.callback == spider.parse]
    expected = [article_url(name, a) for a in newest_first(name)[:per_page]]
    assert [r.url for r in articles] == expected
    assert all(r.meta["dost_kind"] == "article" for r in articles)
    total_pages = -(-len(content(name)) // per_page)
    assert total_pages >= 3
    assert {listing_url(name, n) for n in range(2, total_pages + 1)} <= {r.url for r in pages}


@pytest.mark.parametrize("name", SPIDERS)
def test_every_listing_page_leads_to_articles(name):
    spider = make_spider(name)
    per_page = SITES[name].per_page
    seen = []
    total_pages = -(-len(content(name)) // per_page)
    for page in range(1, total_pages + 1):
        requests = spider.parse(mirror_response(listing_url(name, page)))
        seen += [r.url for r in requests if r.callback == spider.parse_article]
    assert sorted(seen) == sorted(article_url(name, a) for a in content(name))


@pytest.mark.parametrize("name", [n for n, on_page in DATE_ON_PAGE.items() if not on_page])
def test_listing_date_is_passed_to_the_article(name):
    spider = make_spider(name)
    requests = list(spider.parse(mirror_response(listing_url(name, 1))))
    first = next(r for r in requests if r.callback == spider.parse_article)
    newest = newest_first(name)[0]
    assert re.search(
        date.fromisoformat(newest["published"][:10]).strftime("%d/%m/%Y"),
        first.meta["listing_date"],
    )


def test_max_pages_stops_the_walk():
    crawler = get_crawler(BenTreSpider, {"DOST_MAX_PAGES": 1})
    spider = crawler._create_spider()
    requests = list(spider.parse(mirror_response(listing_url("ben_tre", 1))))
    assert not [r for r in requests if r.callback == spider.parse]


def parse(name: str, article: dict) -> Article:
    spider = make_spider(name)
    url = article_url(name, article)
    meta = {"dost_kind": "article", "listing_date": None}
    if not DATE_ON_PAGE[name]:
        # As the listing hands it over (tested above).
        listing = list(spider.parse(mirror_response(listing_url(name, 1))))
        meta["listing_date"] = next(
            (r.meta["listing_date"] for r in listing if r.url == url), None
        ) or (
            date.fromisoformat(article["published"][:10]).strftime("%d/%m/%Y")
            if article["published"]
            else None
        )
    response = mirror_response(url, meta=meta)
    response.request = Request(url, meta=meta)
    items = list(spider.parse_article(response))
    assert len(items) == 1
    return items[0]


@pytest.mark.parametrize(("name", "article_id"), CASES)
def test_article_fields(name, article_id):
    article = next(a for a in content(name) if a["id"] == article_id)
    item = parse(name, article)
    assert item["url"] == article_url(name, article)
    assert item["source_id"] == name
    assert item["province_raw"] == SPIDERS[name].province
    assert article["title"] in item["title_raw"]

    item = normalize_article(clean_article(item))
    assert item["title"] == article["title"]
    if article["published"]:
        assert item["published_date"] == article["published"][:10]
        assert item["published_from"] == ("page" if DATE_ON_PAGE[name] else "listing")
    else:
        assert item["published"] is None
    body = item["body_text"]
    for block in article["body"]:
        if isinstance(block, str):
            assert squash_spaces(block) in body
    last_line = body.split("\n")[-1]
    for line in article.get("byline", []):
        assert last_line != line, "byline left in the body"
    assert fold(item["byline_raw"] or "") == fold("\n".join(article.get("byline", [])))


def test_nukeviet_ignores_savefile_links():
    spider = make_spider("cao_bang")
    assert re.search(spider.article_url, "http://x/index.php?language=vi&nv=news&op=Cat/A-1")
    assert not re.search(
        spider.article_url, "http://x/index.php?language=vi&nv=news&op=savefile/Cat/A-1"
    )


def test_kien_giang_headline_carries_font_tools():
    seed = next(a for a in content("kien_giang") if a.get("seed") == "001")
    item = parse("kien_giang", seed)
    assert item["title_raw"].endswith("A A")
    assert item["published_raw"] == "02/05/2018"


def test_hai_phong_date_follows_headline_and_repeat_is_dropped():
    seed = next(a for a in content("hai_phong") if a.get("seed") == "004")
    item = parse("hai_phong", seed)
    assert item["published_raw"] == "(26/12/2017)"
    repeated = next(a for a in content("hai_phong") if a["id"] > 150000)
    item = normalize_article(clean_article(parse("hai_phong", repeated)))
    assert not item["body_text"].startswith(repeated["title"])
