"""One test over every source `scrapy list` knows: its data, its mirror, and what a walk of
its mirror yields. Offline: the saved pages are parsed directly (no server, no network);
tests/test_end_to_end.py crawls the same pages over HTTP.

A source's content file (`data/mirror/_content/<source>.json`) says in `site.dates` where
the site prints an article's date: "article", "listing" or "none"; the expected values are
the content's, so every assertion compares what the spider read with what the page shows.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from scrapy.http import Request
from scrapy.spiderloader import SpiderLoader
from scrapy.utils.project import get_project_settings
from scrapy.utils.test import get_crawler

from crawlers.mirror.build import load_content, load_sites, load_spec
from crawlers.pipelines.clean import clean_article
from crawlers.pipelines.normalize import normalize_article
from normalize.provinces import provinces, resolve_province
from normalize.text import squash_spaces
from tests.conftest import CONTENT_DIR, mirror_response

LOADER = SpiderLoader.from_settings(get_project_settings())
SOURCES = sorted(LOADER.list())
SITES = load_sites()
SECTIONS = ["Department:", "Website:", "Platform:", "Evidence:", "Notes:"]


def spider_for(name: str) -> Any:
    return get_crawler(LOADER.load(name))._create_spider()


def walk(name: str) -> tuple[list[Any], dict[str, str]]:
    """Every article item a walk of the source's mirror yields, normalized, and the listing
    date each article URL was handed."""
    spider = spider_for(name)
    queue = list(spider.start_urls)
    seen_listings: set[str] = set()
    article_meta: dict[str, dict[str, Any]] = {}
    while queue:
        url = queue.pop(0)
        if url in seen_listings:
            continue
        seen_listings.add(url)
        for request in spider.parse(mirror_response(url)):
            if request.callback == spider.parse:
                queue.append(request.url)
            else:
                article_meta.setdefault(request.url, dict(request.meta))
    items = []
    for url, meta in article_meta.items():
        response = mirror_response(url, meta=meta)
        response.request = Request(url, meta=meta)
        for item in spider.parse_article(response):
            items.append(normalize_article(clean_article(item)))
    return items, {u: m.get("listing_date") for u, m in article_meta.items()}


def test_every_source_has_a_content_file_and_every_content_file_a_source():
    assert sorted(p.stem for p in CONTENT_DIR.glob("*.json")) == SOURCES


@pytest.mark.parametrize("name", SOURCES)
def test_docstring_has_the_fixed_sections(name):
    doc = LOADER.load(name).__doc__ or ""
    positions = [doc.find(section) for section in SECTIONS]
    assert all(p >= 0 for p in positions), f"{name}: missing {SECTIONS}"
    assert positions == sorted(positions), f"{name}: sections out of order"
    evidence = doc[positions[3] : positions[4]].lower()
    assert "seen in public pages" in evidence or "assumed" in evidence


@pytest.mark.parametrize("name", SOURCES)
def test_source_data_is_valid(name):
    cls = LOADER.load(name)
    units = provinces()
    assert cls.province in units, f"{name}: unknown province {cls.province}"
    status = units[cls.province].status
    assert status == ("former" if cls.legacy else "current"), f"{name}: legacy={cls.legacy}"
    assert re.fullmatch(r"[a-z][a-z0-9_]*", name)
    assert cls.department.startswith("Sở Khoa học và Công nghệ")
    assert cls.platform and cls.homepage.startswith(("http://", "https://"))
    assert cls.evidence.startswith(("seen in public pages", "assumed"))


@pytest.mark.parametrize("name", SOURCES)
def test_start_url_is_the_mirrors_first_listing_page(name):
    site = SITES[name]
    assert LOADER.load(name).start_urls[0] == site.base_url + site.listing_path(1)


@pytest.mark.parametrize("name", SOURCES)
def test_mirror_has_two_listing_pages_and_five_articles(name):
    site = SITES[name]
    articles = load_content(name)
    assert len(articles) >= 5
    assert -(-len(articles) // site.per_page) >= 2
    assert load_spec(name)["site"].get("dates") in ("article", "listing", "none")


@pytest.mark.parametrize("name", SOURCES)
def test_walking_the_mirror_yields_every_article_clean(name):
    site = SITES[name]
    dates_on = load_spec(name)["site"]["dates"]
    items, _ = walk(name)
    by_title = {item["title"]: item for item in items}
    expected = load_content(name)
    assert len(items) == len(expected), f"{name}: {len(items)} items for {len(expected)}"
    cls = LOADER.load(name)
    for article in expected:
        item = by_title.get(article["title"])
        assert item is not None, f"{name}: no item titled {article['title']!r}"
        # The province as it was on the article's date (Huế before 2025: Thừa Thiên Huế).
        on = date.fromisoformat(article["published"][:10]) if article["published"] else None
        match = resolve_province(cls.province, on)
        assert item["province_id"] == match.province.id
        assert item["current_province_id"] == match.current.id
        first = next(b for b in article["body"] if isinstance(b, str))
        assert squash_spaces(first) in item["body_text"], f"{name} {article['id']}: body"
        assert item["url"].startswith(site.base_url)
        if article["published"] and dates_on != "none":
            assert item["published_date"] == article["published"][:10], (
                f"{name} {article['id']}: {item['published_raw']!r}"
            )
        elif not article["published"]:
            assert item["published"] is None, f"{name} {article['id']}: {item['published_raw']}"
