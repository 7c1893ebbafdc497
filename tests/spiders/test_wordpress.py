"""The WordPress family on its saved pages: publication vs. last-edit times, a site that
prints no date, a blog whose dates are on the listing only, files and sharing buttons in the
content, and the two pagination styles.

Expected values come from `data/mirror/_content/<source>.json`, the articles the pages were
rendered from.
"""

from __future__ import annotations

from datetime import date

import pytest
from scrapy import Request
from scrapy.utils.test import get_crawler

from crawlers.mirror.build import load_sites, load_spec
from crawlers.pipelines.clean import clean_article
from crawlers.pipelines.normalize import normalize_article
from normalize.dates import parse_date
from normalize.text import fold
from spiders.ca_mau import CaMauSpider
from spiders.lai_chau import LaiChauSpider
from spiders.quang_ninh import QuangNinhSpider
from tests.conftest import content, mirror_file, mirror_response

SITES = load_sites()
SPIDERS = {s.name: s for s in [LaiChauSpider, CaMauSpider, QuangNinhSpider]}
CASES = [(n, a["id"]) for n in sorted(SPIDERS) for a in content(n)]


def spider_for(name: str):
    return get_crawler(SPIDERS[name])._create_spider()


def url_of(name: str, path: str) -> str:
    return SITES[name].base_url + path


def article_url(name: str, a: dict) -> str:
    return url_of(name, SITES[name].article_path(a))


def newest_first(name: str) -> list[dict]:
    return sorted(content(name), key=lambda a: a["id"], reverse=True)


def listing(name: str, page: int) -> list[Request]:
    url = url_of(name, SITES[name].listing_path(page))
    return list(spider_for(name).parse(mirror_response(url)))


def listing_meta(name: str, a: dict) -> dict:
    """The meta the listing hands to an article's request."""
    pages = -(-len(content(name)) // SITES[name].per_page)
    for page in range(1, pages + 1):
        for request in listing(name, page):
            if request.url == article_url(name, a):
                return dict(request.meta)
    raise AssertionError(f"{name}: {a['id']} on no listing page")


def parse(name: str, a: dict):
    meta = listing_meta(name, a)
    url = article_url(name, a)
    response = mirror_response(url, meta=meta)
    response.request = Request(url, meta=meta)
    (item,) = spider_for(name).parse_article(response)
    return normalize_article(clean_article(item))


@pytest.mark.parametrize(("name", "article_id"), CASES)
def test_article_fields(name, article_id):
    a = next(x for x in content(name) if x["id"] == article_id)
    item = parse(name, a)
    assert item["url"] == article_url(name, a)
    assert item["title"] == a["title"]
    assert fold(item["byline_raw"] or "") == fold("\n".join(a["byline"]))
    assert [f["file_name"] for f in item["attachments"]] == [f["file"] for f in a["attachments"]]
    body = item["body_text"]
    for block in a["body"]:
        if isinstance(block, str):
            assert block in body
    for trap in ("Chia sẻ", "Facebook", "Zalo", "Tải xuống", "Tệp đính kèm", "Bài trước"):
        assert trap not in body
    dates = load_spec(name)["site"]["dates"]
    if dates == "none":
        assert item["published"] is None and "published" not in item["extraction"]
    else:
        assert item["published_date"] == a["published"][:10]
        assert item["published_from"] == ("page" if dates == "article" else "listing")


def test_publication_time_not_the_last_edit():
    edited = [a for a in content("quang_ninh") if "updated" in a]
    assert edited
    for a in edited:
        item = parse("quang_ninh", a)
        assert item["published_date"] == a["published"][:10] != a["updated"][:10]
        page = mirror_file(article_url("quang_ninh", a)).read_text(encoding="utf-8")
        assert '<time class="updated"' in page


def test_a_site_without_dates_gives_none_despite_the_visit_date_and_calendar():
    a = newest_first("lai_chau")[0]
    page = mirror_file(article_url("lai_chau", a)).read_text(encoding="utf-8")
    visit = SITES["lai_chau"].chrome["visit"]
    assert date.fromisoformat(visit).strftime("%d/%m/%Y") in page
    assert 'id="wp-calendar"' in page and "article:published_time" not in page
    item = parse("lai_chau", a)
    assert item["published_raw"] is None and item["published"] is None


def test_listing_date_is_handed_to_the_article():
    newest = newest_first("ca_mau")[0]
    meta = listing_meta("ca_mau", newest)
    assert meta["listing_date"] == date.fromisoformat(newest["published"][:10]).strftime("%d/%m/%Y")


def test_numbered_pager_links_every_page():
    site = SITES["quang_ninh"]
    urls = {r.url for r in listing("quang_ninh", 1) if r.meta["dost_kind"] == "listing"}
    assert urls == {url_of("quang_ninh", site.listing_path(n)) for n in (2, 3)}
    assert site.listing_path(2).endswith("/page/2/")
    blog = {r.url for r in listing("ca_mau", 1) if r.meta["dost_kind"] == "listing"}
    assert url_of("ca_mau", "/blogs/news?page=3") in blog


def test_older_posts_pager_links_one_page_each_way():
    site = SITES["lai_chau"]
    first = [r.url for r in listing("lai_chau", 1) if r.meta["dost_kind"] == "listing"]
    assert first == [url_of("lai_chau", site.listing_path(2))]
    second = {r.url for r in listing("lai_chau", 2) if r.meta["dost_kind"] == "listing"}
    assert second == {url_of("lai_chau", site.listing_path(n)) for n in (1, 3)}


@pytest.mark.parametrize("name", sorted(SPIDERS))
def test_listing_takes_posts_not_the_recent_posts_widget(name):
    articles = [r.url for r in listing(name, 1) if r.meta["dost_kind"] == "article"]
    per_page = SITES[name].per_page
    assert articles == [article_url(name, a) for a in newest_first(name)[:per_page]]


@pytest.mark.parametrize(
    "month",
    [
        "Một",
        "Hai",
        "Ba",
        "Tư",
        "Năm",
        "Sáu",
        "Bảy",
        "Tám",
        "Chín",
        "Mười",
        "Mười Một",
        "Mười Hai",
    ],
)
def test_wordpress_vietnamese_dates_parse(month):
    """WordPress's vi_VN default date format "j F, Y": "1 Tháng Ba, 2023"."""
    number = [
        "Một",
        "Hai",
        "Ba",
        "Tư",
        "Năm",
        "Sáu",
        "Bảy",
        "Tám",
        "Chín",
        "Mười",
        "Mười Một",
        "Mười Hai",
    ].index(month) + 1
    assert parse_date(f"25 Tháng {month}, 2020").iso == f"2020-{number:02d}-25"
