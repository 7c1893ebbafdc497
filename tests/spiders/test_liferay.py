"""Liferay sites on their saved pages: page titles that are not headlines, a date line that
carries a counter, dates before the headline, side boxes with the same date markup, one
article under several URLs, `_cur=1` pages and document library attachments.

Expected values come from `data/mirror/_content/<source>.json`.
"""

from __future__ import annotations

import re

import pytest
from scrapy import Request
from scrapy.utils.test import get_crawler

from crawlers.mirror.build import load_sites, vn_date
from crawlers.pipelines.clean import clean_article
from crawlers.pipelines.normalize import normalize_article
from crawlers.platforms.liferay import LiferaySpider
from spiders.ha_giang import HaGiangSpider
from spiders.ha_noi import HaNoiSpider
from spiders.hau_giang import HauGiangSpider
from spiders.quang_tri import QuangTriSpider
from tests.conftest import content, mirror_response

SITES = load_sites()
SPIDERS = {s.name: s for s in [QuangTriSpider, HauGiangSpider, HaGiangSpider, HaNoiSpider]}


def spider(name: str) -> LiferaySpider:
    return get_crawler(SPIDERS[name])._create_spider()


def url_of(name: str, article: dict) -> str:
    return SITES[name].base_url + SITES[name].article_path(article)


def listing(name: str, page: int) -> str:
    return SITES[name].base_url + SITES[name].listing_path(page)


def article(name: str, article_id: int) -> dict:
    return next(a for a in content(name) if a["id"] == article_id)


def parse(name: str, url: str, listing_date: str | None = None):
    meta = {"dost_kind": "article", "listing_date": listing_date}
    response = mirror_response(url, meta=meta)
    response.request = Request(url, meta=meta)
    (item,) = spider(name).parse_article(response)
    return item


def test_the_page_title_is_boilerplate_the_headline_is_read():
    covid = article("hau_giang", 17512)
    html = mirror_response(url_of("hau_giang", covid)).text
    assert "<title>Chi tiet tin tức - Sở Khoa học công nghệ</title>" in html
    item = normalize_article(clean_article(parse("hau_giang", url_of("hau_giang", covid))))
    assert item["title"] == covid["title"]


def test_date_and_view_counter_on_one_line():
    covid = article("hau_giang", 17512)
    item = normalize_article(clean_article(parse("hau_giang", url_of("hau_giang", covid))))
    assert item["published_raw"] == "Ngày 10/04/2020 - Lượt xem: 68"
    assert item["published"] == "2020-04-10"
    assert "Lượt xem" not in item["body_text"]


@pytest.mark.parametrize("a", content("quang_tri"), ids=lambda a: str(a["id"]))
def test_date_before_the_headline_with_category_line(a):
    item = normalize_article(clean_article(parse("quang_tri", url_of("quang_tri", a))))
    assert item["published_raw"] == vn_date(a["published"], "Ngày đăng: dd/mm/yyyy HH:MM")
    assert item["published"] == a["published"] + ":00+07:00"
    assert item["title"] == a["title"]
    assert "Tin tức - Sự kiện" not in item["body_text"]


def test_side_boxes_with_the_same_date_markup_are_not_read():
    # "Tin mới nhất" and "Tin liên quan" print `span.metadata-publish-date` too.
    oldest = min(content("ha_noi"), key=lambda a: a["id"])
    response = mirror_response(url_of("ha_noi", oldest))
    assert len(response.css("span.metadata-publish-date")) > 6
    item = parse("ha_noi", url_of("ha_noi", oldest))
    assert item["published_raw"] == vn_date(oldest["published"], "dd/mm/yyyy HH:MM")


def test_web_content_portlets_outside_the_article_stay_out_of_the_body():
    a = article("quang_tri", 1663239190412)
    response = mirror_response(url_of("quang_tri", a))
    assert len(response.css("div.journal-content-article")) == 3  # article, hotline, footer
    item = normalize_article(clean_article(parse("quang_tri", url_of("quang_tri", a))))
    assert "Văn phòng Sở" not in item["body_text"]
    assert "Ghi rõ nguồn" not in item["body_text"]


def test_asset_publisher_links_carry_redirect_and_are_stored_bare():
    sp = spider("ha_noi")
    page = mirror_response(listing("ha_noi", 1))
    hrefs = page.css("div.asset-abstract h3 a::attr(href)").getall()
    assert hrefs and all("?redirect=" in h for h in hrefs)
    requests = [r for r in sp.parse(page) if r.callback == sp.parse_article]
    newest = sorted(content("ha_noi"), key=lambda a: a["id"], reverse=True)[:3]
    assert [r.url for r in requests] == [url_of("ha_noi", a) for a in newest]


def test_asset_publisher_print_view_is_the_same_article():
    a = article("ha_noi", 301445)
    inst = SITES["ha_noi"].chrome["instance"]
    print_url = url_of("ha_noi", a) + f"?p_p_state=pop_up&_101_INSTANCE_{inst}_viewMode=print"
    assert HaNoiSpider.canonical(print_url) == url_of("ha_noi", a)
    item = parse("ha_noi", print_url)
    assert item["url"] == url_of("ha_noi", a)


def test_page_one_also_answers_as_cur_1():
    sp = spider("quang_tri")
    second = [r.url for r in sp.parse(mirror_response(listing("quang_tri", 2)))]
    cur1 = SITES["quang_tri"].listing_aliases[1][0]
    assert SITES["quang_tri"].base_url + cur1 in second
    first = [r.url for r in sp.parse(mirror_response(SITES["quang_tri"].base_url + cur1))]
    assert [u for u in first if "/-/view-article/" in u] == [
        url_of("quang_tri", a)
        for a in sorted(content("quang_tri"), key=lambda a: a["id"], reverse=True)[:3]
    ]


@pytest.mark.parametrize(
    "alias",
    [
        "/index.php?com=tintuc_ct&id_news={id}",
        "/tin-tuc-chi-tiet?p_p_id=NewsDetail_WAR_HNCNewsPortlet&p_p_lifecycle=2"
        "&p_p_state=normal&p_p_mode=view&p_p_cacheability=cacheLevelPage&p_p_col_id=column-2"
        "&p_p_col_count=1&_NewsDetail_WAR_HNCNewsPortlet_restype=export"
        "&_NewsDetail_WAR_HNCNewsPortlet_newsId={id}",
    ],
)
def test_two_generations_of_ha_giang_are_one_article(alias):
    a = article("ha_giang", 1374)
    other = SITES["ha_giang"].base_url + alias.format(id=a["id"])
    assert HaGiangSpider.canonical(other) == url_of("ha_giang", a)
    assert HaGiangSpider.canonical(url_of("ha_giang", a)) == url_of("ha_giang", a)
    item = parse("ha_giang", other)
    assert item["url"] == url_of("ha_giang", a)
    assert item["title_raw"] == a["title"]


def test_ha_giang_listing_links_old_articles_by_their_old_url():
    sp = spider("ha_giang")
    page = mirror_response(listing("ha_giang", 3))
    assert page.css("a[href^='/index.php?com=tintuc_ct&id_news=']")
    requests = [r for r in sp.parse(page) if r.callback == sp.parse_article]
    assert requests and all("_NewsDetail_WAR_HNCNewsPortlet_newsId=" in r.url for r in requests)
    # The old generation's listing answers too, as page 1.
    old = mirror_response(SITES["ha_giang"].base_url + "/index.php?com=danhmuc_tin&id_category=7")
    assert [r.url for r in sp.parse(old)] == [
        r.url for r in sp.parse(mirror_response(listing("ha_giang", 1)))
    ]


@pytest.mark.parametrize(
    ("name", "article_id"),
    [("hau_giang", 77301), ("ha_giang", 1374), ("quang_tri", 1664499600417), ("ha_noi", 276208)],
)
def test_document_library_attachments_are_listed(name, article_id):
    a = article(name, article_id)
    item = parse(name, url_of(name, a))
    assert [f["file_name"] for f in item["attachments"]] == [f["file"] for f in a["attachments"]]
    assert [f["text"] for f in item["attachments"]] == [f["text"] for f in a["attachments"]]
    for f in item["attachments"]:
        assert re.search(r"/documents/\d+/\d+/[^/]+\.\w+/[0-9a-f-]{36}", f["url"])


def test_a_repost_from_the_ministry_names_its_source():
    repost = article("quang_tri", 1663239190739)
    item = normalize_article(clean_article(parse("quang_tri", url_of("quang_tri", repost))))
    assert item["byline_raw"] == "(Theo most.gov.vn)"
    assert item["byline_source"] == "most.gov.vn"
    assert item["authors"] == []


@pytest.mark.parametrize(
    ("name", "article_id", "names_article"),
    [
        ("quang_tri", 1663239190412, True),
        ("ha_noi", 160215, True),
        ("hau_giang", 5117, False),
        ("ha_giang", 1374, False),
    ],
)
def test_canonical_link_is_used_only_when_it_names_the_article(name, article_id, names_article):
    # Liferay 6.2 prints the layout (the page) as canonical for a portlet's article view.
    a = article(name, article_id)
    response = mirror_response(url_of(name, a))
    stated = response.css('link[rel="canonical"]::attr(href)').get()
    assert (stated == url_of(name, a)) is names_article
    assert spider(name).stated_url(response) == (url_of(name, a) if names_article else None)
    assert parse(name, url_of(name, a))["url"] == url_of(name, a)
