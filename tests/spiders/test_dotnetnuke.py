"""DotNetNuke (Cần Thơ) on its saved pages: one article under its query, friendly and print
URLs, .NET's vi-VN times with SA/CH, the skin's date of the visit, a counter printed one
digit a line, a notice signed by a test account.

Expected values come from `data/mirror/_content/can_tho.json`.
"""

from __future__ import annotations

import pytest
from scrapy import Request
from scrapy.utils.test import get_crawler

from crawlers.mirror.build import load_sites
from crawlers.pipelines.clean import clean_article
from crawlers.pipelines.normalize import normalize_article
from crawlers.platforms.dotnetnuke import dnn_query_form
from spiders.can_tho import CanThoSpider
from tests.conftest import content, mirror_response

SITE = load_sites()["can_tho"]


def spider() -> CanThoSpider:
    return get_crawler(CanThoSpider)._create_spider()


def url_of(a: dict) -> str:
    return SITE.base_url + SITE.article_path(a)


def article(article_id: int) -> dict:
    return next(a for a in content("can_tho") if a["id"] == article_id)


def parse(url: str):
    meta = {"dost_kind": "article", "listing_date": None}
    response = mirror_response(url, meta=meta)
    response.request = Request(url, meta=meta)
    (item,) = spider().parse_article(response)
    return normalize_article(clean_article(item))


@pytest.mark.parametrize(
    ("url", "query_form"),
    [
        (
            "http://x/tabid/122/ctl/ViewDetail/mid/519/ItemID/1523/Default.aspx",
            "http://x/Default.aspx?tabid=122&ctl=ViewDetail&mid=519&ItemID=1523",
        ),
        ("http://x/tabid/36/Default.aspx", "http://x/Default.aspx?tabid=36"),
        (
            "http://x/portal/tabid/95/CurrentPage/2/Default.aspx?q=1",
            "http://x/portal/Default.aspx?tabid=95&CurrentPage=2&q=1",
        ),
        ("http://x/Default.aspx?tabid=122", "http://x/Default.aspx?tabid=122"),
        ("http://x/tin-tuc/tabid/abc.aspx", "http://x/tin-tuc/tabid/abc.aspx"),
    ],
)
def test_friendly_urls_in_query_form(url, query_form):
    assert dnn_query_form(url) == query_form


@pytest.mark.parametrize("alias", SITE.article_aliases)
def test_friendly_and_print_urls_are_the_article(alias):
    a = article(1688)
    other = SITE.base_url + alias.format(**a)
    assert other != url_of(a)
    assert CanThoSpider.canonical(other) == url_of(a)
    item = parse(other)
    assert item["url"] == url_of(a)
    assert item["title"] == a["title"]


def test_later_listing_pages_link_the_friendly_form():
    sp = spider()
    second = mirror_response(SITE.base_url + SITE.listing_path(2))
    assert second.css("a.tt-title::attr(href)").re(r"^/tabid/\d+/ctl/ViewDetail/")
    requests = [r for r in sp.parse(second) if r.callback == sp.parse_article]
    expected = sorted(content("can_tho"), key=lambda a: a["id"], reverse=True)[3:6]
    assert [r.url for r in requests] == [url_of(a) for a in expected]


@pytest.mark.parametrize("a", content("can_tho"), ids=lambda a: str(a["id"]))
def test_dotnet_times_with_sa_and_ch(a):
    item = parse(url_of(a))
    assert item["published_raw"].startswith("Ngày cập nhật: ")
    assert item["published_raw"].endswith(" SA" if int(a["published"][11:13]) < 12 else " CH")
    assert item["published"][:16] == a["published"]
    assert item["published_precision"] == "second"


def test_the_skins_date_and_the_counter_stay_out():
    a = article(3321)
    response = mirror_response(url_of(a))
    assert response.css("#dnn_dnnCURRENTDATE_lblDate::text").get().endswith("20/11/2026")
    assert len(response.css("div.counter-digits span.digit")) == len(SITE.chrome["visitors"])
    item = parse(url_of(a))
    assert item["published_date"] == a["published"][:10]
    assert not any(line.strip().isdigit() for line in item["body_text"].split("\n"))
    assert "Các tin khác" not in item["body_text"]


def test_notice_posted_by_a_test_account():
    notice = article(1842)
    item = parse(url_of(notice))
    assert item["byline_raw"] == "Người đăng tin: Test Test"
    assert item["authors"] == []
    assert "Test Test" not in item["body_text"]
    assert [f["file_name"] for f in item["attachments"]] == [
        f["file"] for f in notice["attachments"]
    ]
    assert all(f["url"].startswith(f"{SITE.base_url}/Portals/0/") for f in item["attachments"])
