"""Slug-id portals (`crawlers/platforms/slugid_portal.py`, template `slugid_portal/`): the
edge cases of their saved pages.

Expected values come from `data/mirror/_content/<source>.json`, the articles the pages were
rendered from.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from scrapy import Request
from scrapy.utils.test import get_crawler

from crawlers.items import Article
from crawlers.mirror.build import load_sites
from crawlers.pipelines.clean import clean_article
from crawlers.pipelines.normalize import normalize_article
from crawlers.platforms.slugid import SlugIdSpider
from normalize.provinces import find_provinces
from spiders.bac_giang import BacGiangSpider
from spiders.dak_lak import DakLakSpider
from spiders.dong_thap import DongThapSpider
from spiders.ho_chi_minh import HoChiMinhSpider
from spiders.phu_yen import PhuYenSpider
from spiders.tay_ninh import TayNinhSpider
from spiders.yen_bai import YenBaiSpider
from tests.conftest import content, mirror_response

SITES = load_sites()
SPIDERS = {
    s.name: s
    for s in [
        TayNinhSpider,
        HoChiMinhSpider,
        YenBaiSpider,
        BacGiangSpider,
        PhuYenSpider,
        DakLakSpider,
        DongThapSpider,
    ]
}
SELECTORS = [
    "listing_item",
    "listing_link",
    "listing_date",
    "pagination",
    "article_url",
    "title",
    "date",
    "body",
    "byline",
    "attachments",
]


def make_spider(name: str) -> Any:
    return get_crawler(SPIDERS[name])._create_spider()


def newest_first(name: str) -> list[dict]:
    return sorted(content(name), key=lambda a: a["id"], reverse=True)


def article(name: str, article_id: int) -> dict:
    return next(a for a in content(name) if a["id"] == article_id)


def article_url(name: str, entry: dict) -> str:
    return SITES[name].base_url + SITES[name].article_path(entry)


def listing_url(name: str, page: int) -> str:
    return SITES[name].base_url + SITES[name].listing_path(page)


def parse(name: str, entry: dict, url: str | None = None) -> Article:
    spider = make_spider(name)
    url = url or article_url(name, entry)
    meta = {"dost_kind": "article", "listing_date": None}
    response = mirror_response(url, meta=meta)
    response.request = Request(url, meta=meta)
    items = list(spider.parse_article(response))
    assert len(items) == 1
    return items[0]


def normalized(name: str, article_id: int) -> Article:
    return normalize_article(clean_article(parse(name, article(name, article_id))))


# -- the spiders stand on their own selectors ---------------------------------------------


@pytest.mark.parametrize("name", SPIDERS)
def test_every_selector_is_declared_below_the_slugid_defaults(name):
    mro = SPIDERS[name].__mro__
    own = mro[: mro.index(SlugIdSpider)]
    for attr in [*SELECTORS, "platform", "host_aliases", "url_rewrites"]:
        assert any(attr in vars(cls) for cls in own), f"{name}: {attr} comes from SlugIdSpider"


@pytest.mark.parametrize("name", SPIDERS)
def test_a_change_of_the_slugid_defaults_does_not_reach_these_sources(name, monkeypatch):
    for attr in SELECTORS:
        monkeypatch.setattr(SlugIdSpider, attr, "div.changed-by-someone-else", raising=False)
    spider = make_spider(name)
    requests = list(spider.parse(mirror_response(listing_url(name, 1))))
    urls = [r.url for r in requests if r.callback == spider.parse_article]
    newest = newest_first(name)[0]
    assert urls[0] == article_url(name, newest)
    assert parse(name, newest)["title_raw"] == newest["title"]


# -- listings and pagination --------------------------------------------------------------


@pytest.mark.parametrize("name", SPIDERS)
def test_listing_yields_its_articles_in_order_and_the_other_pages(name):
    spider = make_spider(name)
    per_page = SITES[name].per_page
    requests = list(spider.parse(mirror_response(listing_url(name, 1))))
    articles = [r.url for r in requests if r.callback == spider.parse_article]
    pages = {r.url for r in requests if r.callback == spider.parse}
    assert articles == [article_url(name, a) for a in newest_first(name)[:per_page]]
    total = -(-len(content(name)) // per_page)
    assert {listing_url(name, n) for n in range(2, total + 1)} <= pages


@pytest.mark.parametrize("name", SPIDERS)
def test_every_listing_page_leads_to_its_articles(name):
    spider = make_spider(name)
    per_page = SITES[name].per_page
    chunks = [newest_first(name)[i : i + per_page] for i in range(0, len(content(name)), per_page)]
    for page, chunk in enumerate(chunks, start=1):
        requests = spider.parse(mirror_response(listing_url(name, page)))
        urls = [r.url for r in requests if r.callback == spider.parse_article]
        assert urls == [article_url(name, a) for a in chunk]


def test_path_pagination_is_not_taken_for_an_article():
    spider = make_spider("dong_thap")
    assert not re.search(spider.article_url, "http://skhcn.dongthap.gov.vn/tin-hoat-dong/trang-2")
    assert re.search(spider.article_url, article_url("dong_thap", content("dong_thap")[0]))
    requests = list(spider.parse(mirror_response(listing_url("dong_thap", 2))))
    pages = [r.url for r in requests if r.callback == spider.parse]
    assert "http://skhcn.dongthap.gov.vn/tin-hoat-dong/trang-3" in pages


def test_relative_query_pager_resolves_against_the_listing():
    spider = make_spider("ho_chi_minh")
    requests = list(spider.parse(mirror_response(listing_url("ho_chi_minh", 2))))
    pages = {r.url for r in requests if r.callback == spider.parse}
    base = "https://dost.hochiminhcity.gov.vn/hoat-dong-so-khcn/"
    assert pages == {f"{base}?page={n}" for n in (1, 2, 3)}  # the pager links itself too
    # "?page=1" and the slash-less path are page 1 again: the same entries.
    again = spider.parse(mirror_response(f"{base}?page=1"))
    first = spider.parse(mirror_response("https://dost.hochiminhcity.gov.vn/hoat-dong-so-khcn"))
    assert [r.url for r in again if r.callback == spider.parse_article] == [
        r.url for r in first if r.callback == spider.parse_article
    ]


@pytest.mark.parametrize(
    ("name", "printed"),
    [
        ("dak_lak", r"^\(\d\d/\d\d/\d{4}\)$"),
        ("tay_ninh", r"^\d\d/\d\d/\d{4}$"),
        ("bac_giang", None),
    ],
)
def test_listing_date_is_handed_to_the_article_where_the_listing_prints_one(name, printed):
    spider = make_spider(name)
    requests = list(spider.parse(mirror_response(listing_url(name, 1))))
    dates = [r.meta["listing_date"] for r in requests if r.callback == spider.parse_article]
    if printed is None:
        assert dates == [None] * len(dates)
    else:
        assert all(re.match(printed, d) for d in dates), dates


# -- dates ---------------------------------------------------------------------------------

DATE_SHAPES = {
    "tay_ninh": r"^(Thứ (hai|ba|tư|năm|sáu|bảy)|Chủ nhật), \d\d/\d\d/\d{4} - \d\d:\d\d$",
    "bac_giang": r"^(Thứ [2-7]|Chủ nhật), \d\d/\d\d/\d{4} \| \d\d:\d\d:\d\d$",
    "phu_yen": r"^\d\d:\d\d \d\d/\d\d/\d{4}$",
    "yen_bai": r"^Ngày \d\d tháng \d\d năm \d{4}$",
    "dak_lak": r"^Ngày đăng: \d\d/\d\d/\d{4}$",
    "dong_thap": r"^Cập nhật: \d\d/\d\d/\d{4} \d\d:\d\d$",
    "ho_chi_minh": r"^\d\d/\d\d/\d{4} \d\d:\d\d$",
}


@pytest.mark.parametrize("name", SPIDERS)
def test_each_site_prints_its_own_date_shape_and_it_parses(name):
    for entry in content(name):
        if not entry["published"]:
            continue
        item = normalize_article(clean_article(parse(name, entry)))
        assert re.match(DATE_SHAPES[name], item["published_raw"]), item["published_raw"]
        assert item["published_date"] == entry["published"][:10]
        if item["published_precision"] in ("minute", "second"):
            assert item["published"][:16] == entry["published"]


def test_weekday_first_dates_name_the_right_day():
    item = normalized("tay_ninh", 2104)
    assert item["published_raw"] == "Thứ bảy, 17/09/2022 - 09:41"
    item = normalized("bac_giang", 612)
    assert item["published_raw"].startswith("Thứ 5, 22/05/2014 | 20:15:")


def test_time_first_and_words_dates():
    assert normalized("phu_yen", 301)["published_raw"] == "09:48 05/10/2016"
    item = normalized("yen_bai", 5910)
    assert item["published_raw"] == "Ngày 21 tháng 02 năm 2022"
    assert item["published"] == "2022-02-21"


@pytest.mark.parametrize(("name", "article_id"), [("tay_ninh", 2250), ("dong_thap", 1651)])
def test_the_date_is_the_articles_not_the_sidebars(name, article_id):
    entry = article(name, article_id)
    html = mirror_response(article_url(name, entry)).text
    assert "Các tin đã đưa ngày:" in html
    page_dates = mirror_response(article_url(name, entry)).css("span.news-date::text").getall()
    assert len(page_dates) > 5  # "Tin khác", "Tin mới nhất" and the archive box
    item = normalize_article(clean_article(parse(name, entry)))
    assert item["published"][:16] == entry["published"]
    assert item["extraction"]["published"] == "selector"


def test_a_page_without_a_date_gives_no_date():
    entry = next(a for a in content("dong_thap") if a["published"] is None)
    response = mirror_response(article_url("dong_thap", entry))
    # The page has dates: the header's visit date, the sidebar's, the other articles'.
    assert re.search(r"\d\d/\d\d/\d{4}", response.text)
    assert not response.css("div.news-meta span.news-date")
    assert response.css("div.news-detail div.news-other span.news-date")
    item = normalize_article(clean_article(parse("dong_thap", entry)))
    assert item["published_raw"] is None and item["published"] is None
    assert "published" not in item["extraction"]
    assert [a["file_name"] for a in item["attachments"]] == [
        f["file"] for f in entry["attachments"]
    ]


# -- one article, one URL; attachments ----------------------------------------------------


@pytest.mark.parametrize("name", ["tay_ninh", "dak_lak"])
def test_print_view_is_stored_under_the_article_url(name):
    entry = newest_first(name)[1]
    url = article_url(name, entry)
    assert SPIDERS[name].canonical(url + "?print=1") == url
    assert parse(name, entry, url=url + "?print=1")["url"] == url


@pytest.mark.parametrize(
    ("name", "article_id"),
    [(n, a["id"]) for n in SPIDERS for a in content(n) if a["attachments"]],
)
def test_attachments_are_listed(name, article_id):
    entry = article(name, article_id)
    item = parse(name, entry)
    assert [a["file_name"] for a in item["attachments"]] == [
        f["file"] for f in entry["attachments"]
    ]
    assert [a["text"] for a in item["attachments"]] == [f["text"] for f in entry["attachments"]]
    assert all(a["url"].startswith(SITES[name].base_url + "/") for a in item["attachments"])
    # The attachment box is not read as the body.
    assert "đính kèm" not in normalize_article(clean_article(item))["body_text"].lower()


# -- bylines -------------------------------------------------------------------------------


def test_byline_after_the_end_mark_leaves_the_body():
    item = normalized("tay_ninh", 1652)
    assert item["body_text"].endswith("./.")
    assert item["byline_raw"] == "Thanh tra" and item["unit_id"] == "inspectorate"


def test_author_field_below_the_body_is_the_byline():
    item = normalized("bac_giang", 612)
    assert item["byline_raw"] == "Tác giả: Ngọc Ánh" and item["authors"] == ["Ngọc Ánh"]
    empty = normalized("bac_giang", 1327)
    assert empty["byline_raw"] == "Tác giả:" and empty["authors"] == []


@pytest.mark.parametrize(
    ("name", "article_id", "authors"),
    [
        ("tay_ninh", 2104, ["N.T.H"]),
        ("dak_lak", 3480, ["T.V.D"]),
        ("ho_chi_minh", 1466, ["N.Q"]),
        ("dong_thap", 1843, ["Hoàng Long"]),
        ("yen_bai", 5012, ["Hồng Duyên"]),
    ],
)
def test_initials_capitals_and_name_over_unit(name, article_id, authors):
    assert normalized(name, article_id)["authors"] == authors


@pytest.mark.parametrize(
    ("name", "article_id", "source"),
    [
        ("tay_ninh", 2250, "Báo Tây Ninh"),
        ("dak_lak", 3142, "Báo Đắk Lắk"),
        ("phu_yen", 388, "most.gov.vn"),  # a repost of the ministry's news
    ],
)
def test_credit_instead_of_an_author(name, article_id, source):
    item = normalized(name, article_id)
    assert item["byline_source"] == source and item["authors"] == []


# -- what the pages carry -------------------------------------------------------------------


def test_ho_chi_minh_names_the_units_merged_into_the_city():
    item = normalized("ho_chi_minh", 2548)
    assert item["province_id"] == "ho-chi-minh" and item["current_province_id"] == "ho-chi-minh"
    named = {m.province_id for m in find_provinces(item["body_text"])}
    assert {"ho-chi-minh", "binh-duong", "ba-ria-vung-tau"} <= named
    assert "BR-VT" in item["body_text"]


def test_ho_chi_minh_listing_shows_whole_posts_with_image_titles():
    response = mirror_response(listing_url("ho_chi_minh", 1))
    assert "<p>DDDMSTTDM122025</p>" in response.text
    spider = make_spider("ho_chi_minh")
    item = normalized("ho_chi_minh", 2320)
    assert "03HDKHLVketnoisangtaoAIQ12h2.jpg" in item["body_text"]  # as the site prints it
    assert spider.article_url and re.search(spider.article_url, item["url"])


def test_yen_bai_carries_the_trial_banner_and_font_tools_outside_the_body():
    entry = article("yen_bai", 6123)
    html = mirror_response(article_url("yen_bai", entry)).text
    assert "chạy thử nghiệm" in html and "Xem với cỡ chữ" in html
    item = normalized("yen_bai", 6123)
    assert "Xem với cỡ chữ" not in item["body_text"]
    assert item["url"].endswith("/" + entry["slug"])
    assert item["province_id"] == "yen-bai" and item["current_province_id"] == "lao-cai"
