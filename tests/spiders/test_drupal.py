"""The Drupal family on its saved pages: one article under many routes, two host names,
Drupal 7 and Drupal 8+ pagers, placeholder dates, file fields and side blocks.

Expected values come from `data/mirror/_content/<source>.json`, the articles the pages were
rendered from.
"""

from __future__ import annotations

import re

import pytest
from scrapy import Request
from scrapy.utils.test import get_crawler

from crawlers.mirror.build import load_sites, load_spec
from crawlers.pipelines.clean import clean_article
from crawlers.pipelines.normalize import normalize_article
from normalize.text import fold
from spiders.bac_kan import BacKanSpider
from spiders.lang_son import LangSonSpider
from spiders.son_la import SonLaSpider
from spiders.vinh_long import VinhLongSpider
from tests.conftest import content, file_response, mirror_file, mirror_response

SITES = load_sites()
SPIDERS = {s.name: s for s in [LangSonSpider, BacKanSpider, VinhLongSpider, SonLaSpider]}


def spider_for(name: str):
    return get_crawler(SPIDERS[name])._create_spider()


def url_of(name: str, path: str) -> str:
    return SITES[name].base_url + path


def article(name: str, article_id: int) -> dict:
    return next(a for a in content(name) if a["id"] == article_id)


def newest_first(name: str) -> list[dict]:
    return sorted(content(name), key=lambda a: a["id"], reverse=True)


def listing(name: str, path: str) -> list[Request]:
    return list(spider_for(name).parse(mirror_response(url_of(name, path))))


def parse(name: str, url: str, meta: dict | None = None):
    meta = {"dost_kind": "article", "listing_date": None, **(meta or {})}
    response = mirror_response(url, meta=meta)
    response.request = Request(url, meta=meta)
    (item,) = spider_for(name).parse_article(response)
    return item


def normalized(item):
    return normalize_article(clean_article(item))


# -- one article, one URL ----------------------------------------------------------------


def test_print_link_on_the_listing_is_fetched_as_the_node():
    printed = next(a for a in content("lang_son") if "listing_href" in a)
    page = next(n for n in (1, 2, 3) if printed in chunk("lang_son", n))
    requests = listing("lang_son", SITES["lang_son"].listing_path(page))
    urls = [r.url for r in requests if r.callback.__name__ == "parse_article"]
    node = url_of("lang_son", f"/node/{printed['id']}")
    assert node in urls
    assert url_of("lang_son", printed["listing_href"]) not in urls
    # robots.txt forbids the print route, so it must never be requested.
    robots = (mirror_file(url_of("lang_son", "/robots.txt"))).read_text(encoding="utf-8")
    assert "Disallow: /bm/print/" in robots


def chunk(name: str, page: int) -> list[dict]:
    per_page = SITES[name].per_page
    return newest_first(name)[(page - 1) * per_page : page * per_page]


@pytest.mark.parametrize("route", ["/node/{id}", "/bm/print/{id}", "/en/node/{id}", "/{slug}"])
def test_every_route_of_a_node_is_stored_under_its_alias(route):
    a = article("lang_son", 13820)
    item = parse("lang_son", url_of("lang_son", route.format(**a)))
    assert item["url"] == url_of("lang_son", SITES["lang_son"].article_path(a))
    assert item["title_raw"] == a["title"]


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        (
            "https://sokhcn.langson.gov.vn/bm/print/13820",
            "https://sokhcn.langson.gov.vn/node/13820",
        ),
        ("https://sokhcn.langson.gov.vn/en/node/9342", "https://sokhcn.langson.gov.vn/node/9342"),
        (
            "https://SOKHCN.langson.gov.vn/some-alias#top",
            "https://sokhcn.langson.gov.vn/some-alias",
        ),
    ],
)
def test_lang_son_rewrites_print_and_english_routes(url, canonical):
    assert LangSonSpider.canonical(url) == canonical


def test_english_listing_links_the_same_articles_once():
    english = [
        r.url
        for r in listing("lang_son", "/en/taxonomy/term/105")
        if r.meta["dost_kind"] == "article"
    ]
    first = [
        r.url
        for r in listing("lang_son", SITES["lang_son"].listing_path(1))
        if r.meta["dost_kind"] == "article"
    ]
    assert english == first
    # The pager of later pages sends the walk to the English path: it must be a listing.
    later = listing("lang_son", SITES["lang_son"].listing_path(2))
    assert url_of("lang_son", "/en/taxonomy/term/105") in {
        r.url for r in later if r.meta["dost_kind"] == "listing"
    }


def test_second_host_name_is_stored_under_the_first():
    other = next(a for a in content("bac_kan") if "listing_href" in a)
    assert other["listing_href"].startswith("https://www.khcnbackan.gov.vn/")
    page = next(n for n in (1, 2, 3) if other in chunk("bac_kan", n))
    urls = [
        r.url
        for r in listing("bac_kan", SITES["bac_kan"].listing_path(page))
        if r.meta["dost_kind"] == "article"
    ]
    main = url_of("bac_kan", SITES["bac_kan"].article_path(other))
    assert main in urls and other["listing_href"] not in urls
    # The page itself, fetched under the second name, is stored under the first.
    response = file_response(mirror_file(main), other["listing_href"], {"listing_date": None})
    (item,) = spider_for("bac_kan").parse_article(response)
    assert item["url"] == main
    assert "www.khcnbackan.gov.vn" in BacKanSpider.hosts()


# -- listings and pagers --------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(SPIDERS))
def test_listing_takes_the_view_not_the_side_blocks(name):
    """The sidebar's "Tin mới" is a view with the same `views-row` markup."""
    requests = listing(name, SITES[name].listing_path(1))
    articles = [r for r in requests if r.meta["dost_kind"] == "article"]
    expected = [
        SPIDERS[name].canonical(url_of(name, a.get("listing_href") or SITES[name].article_path(a)))
        for a in chunk(name, 1)
    ]
    assert [r.url for r in articles] == expected


@pytest.mark.parametrize("name", sorted(SPIDERS))
def test_pager_reaches_every_page_zero_based(name):
    site = SITES[name]
    pages = -(-len(content(name)) // site.per_page)
    seen = set()
    for n in range(1, pages + 1):
        seen |= {
            r.url for r in listing(name, site.listing_path(n)) if r.meta["dost_kind"] == "listing"
        }
    assert {url_of(name, site.listing_path(n)) for n in range(2, pages + 1)} <= seen
    assert url_of(name, site.listing_path(2)).endswith("?page=1")


def test_drupal8_pager_links_page_one_as_page_zero():
    """A query-only pager links the first page as `?page=0`: one more URL for page 1."""
    for name in ("lang_son", "son_la"):
        later = listing(name, SITES[name].listing_path(3))
        urls = {r.url for r in later if r.meta["dost_kind"] == "listing"}
        assert url_of(name, SITES[name].listing_path(1) + "?page=0") in urls
    drupal7 = listing("bac_kan", SITES["bac_kan"].listing_path(3))
    assert url_of("bac_kan", SITES["bac_kan"].listing_path(1)) in {r.url for r in drupal7}


# -- article fields --------------------------------------------------------------------------


def test_epoch_placeholder_date_is_no_date():
    old = next(a for a in content("bac_kan") if a["published"] is None)
    item = parse("bac_kan", url_of("bac_kan", SITES["bac_kan"].article_path(old)))
    assert item["published_raw"] == old["printed_date"] == "Thứ năm, 01/01/1970 - 07:00"
    assert normalized(item)["published"] is None


def test_date_above_the_headline_and_not_the_other_news():
    a = article("bac_kan", 4785)
    item = parse("bac_kan", url_of("bac_kan", SITES["bac_kan"].article_path(a)))
    assert item["published_raw"] == "Thứ năm, 20/08/2020 - 10:30"
    a = article("vinh_long", 3304)
    item = normalized(parse("vinh_long", url_of("vinh_long", SITES["vinh_long"].article_path(a))))
    assert item["published_raw"] == "Gửi bởi admin vào 14/09/2022 - 14:00"
    assert item["published"] == "2022-09-14T14:00:00+07:00"


@pytest.mark.parametrize("name", sorted(SPIDERS))
def test_file_field_attachments_are_listed(name):
    for a in content(name):
        item = parse(name, url_of(name, SITES[name].article_path(a)))
        assert [f["file_name"] for f in item["attachments"]] == [
            f["file"] for f in a["attachments"]
        ]
        assert [f["text"] for f in item["attachments"]] == [f["text"] for f in a["attachments"]]


@pytest.mark.parametrize(
    ("name", "article_id"), [(n, a["id"]) for n in sorted(SPIDERS) for a in content(n)]
)
def test_body_and_byline_come_out_clean(name, article_id):
    a = article(name, article_id)
    item = normalized(parse(name, url_of(name, SITES[name].article_path(a))))
    body = item["body_text"]
    for trap in (
        "Description:",
        "Chế độ ban đêm",
        "-A A +A",
        "Tin khác",
        "Facebook",
        "Tệp đính kèm",
    ):
        assert trap not in body
    assert not re.search(r"\d{2}/\d{2}/\d{4}\)", body), "another article's date in the body"
    assert fold(item["byline_raw"] or "") == fold("\n".join(a["byline"]))


def test_byline_field_with_a_placeholder_names_nobody():
    a = article("bac_kan", 3920)
    item = normalized(parse("bac_kan", url_of("bac_kan", SITES["bac_kan"].article_path(a))))
    assert item["byline_raw"] == "Test Test" and item["authors"] == []


def test_author_after_the_end_mark_and_source_line():
    ls = {a["id"]: a for a in content("lang_son")}
    first = normalized(
        parse("lang_son", url_of("lang_son", SITES["lang_son"].article_path(ls[9342])))
    )
    assert first["body_text"].endswith("./.") and first["authors"] == ["Hoàng Lan"]
    sourced = normalized(
        parse("lang_son", url_of("lang_son", SITES["lang_son"].article_path(ls[12890])))
    )
    assert sourced["byline_source"] == "Cổng TTĐT tỉnh Lạng Sơn" and sourced["authors"] == []


def test_content_files_declare_article_dates():
    for name in SPIDERS:
        assert load_spec(name)["site"]["dates"] == "article"
