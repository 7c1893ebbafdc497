"""The slug-id platform on its saved pages: its edge cases, per site of the family.

Expected values come from `data/mirror/_content/<source>.json`, the articles the pages were
rendered from.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from scrapy import Request
from scrapy.spiderloader import SpiderLoader
from scrapy.utils.project import get_project_settings
from scrapy.utils.test import get_crawler

from crawlers.mirror.build import load_sites
from crawlers.pipelines.clean import clean_article
from crawlers.pipelines.normalize import normalize_article
from normalize.text import fold
from tests.conftest import content, mirror_response

LOADER = SpiderLoader.from_settings(get_project_settings())
SITES = load_sites()
FAMILY = ["ha_tinh", "lao_cai", "thai_nguyen", "phu_tho", "ninh_binh", "tuyen_quang", "gia_lai"]


def spider_for(name: str) -> Any:
    return get_crawler(LOADER.load(name))._create_spider()


def newest_first(name: str) -> list[dict[str, Any]]:
    return sorted(content(name), key=lambda a: a["id"], reverse=True)


def url_of(name: str, article: dict[str, Any]) -> str:
    return SITES[name].base_url + SITES[name].article_path(article)


def listing(name: str, page: int = 1) -> list[Request]:
    site = SITES[name]
    return list(spider_for(name).parse(mirror_response(site.base_url + site.listing_path(page))))


def parse(name: str, url: str, listing_date: str | None = None) -> Any:
    meta = {"dost_kind": "article", "listing_date": listing_date}
    response = mirror_response(url, meta=meta)
    response.request = Request(url, meta=meta)
    (item,) = spider_for(name).parse_article(response)
    return item


def normalized(name: str, article: dict[str, Any]) -> Any:
    """The article as the pipeline stores it, handed the date its listing entry printed."""
    url = url_of(name, article)
    page = 1 + newest_first(name).index(article) // SITES[name].per_page
    request = next(r for r in listing(name, page) if r.url == url)
    return normalize_article(clean_article(parse(name, url, request.meta["listing_date"])))


def by_id(name: str, article_id: int) -> dict[str, Any]:
    return next(a for a in content(name) if a["id"] == article_id)


@pytest.mark.parametrize("name", FAMILY)
def test_featured_box_links_the_newest_article_again_but_it_is_requested_once(name):
    newest = url_of(name, newest_first(name)[0])
    page = mirror_response(SITES[name].base_url + SITES[name].listing_path(1))
    assert len(page.css(f'h3 a[href="{SITES[name].article_path(newest_first(name)[0])}"]')) == 2
    articles = [r for r in listing(name) if r.meta["dost_kind"] == "article"]
    assert [r.url for r in articles].count(newest) == 1
    # The featured box prints no date; the list entry's date is the one handed over.
    first = next(r for r in articles if r.url == newest)
    assert first.meta["listing_date"]


@pytest.mark.parametrize("name", FAMILY)
def test_every_article_keeps_its_byline_and_loses_it_from_the_body(name):
    for article in content(name):
        item = normalized(name, article)
        assert fold(item["byline_raw"] or "") == fold("\n".join(article["byline"]))
        for line in article["byline"]:
            assert not item["body_text"].endswith(line), f"{name} {article['id']}"


@pytest.mark.parametrize("name", FAMILY)
def test_header_and_sidebar_chrome_stay_out_of_the_article(name):
    chrome = SITES[name].chrome
    for article in content(name):
        item = normalized(name, article)
        assert item["title"] == article["title"]
        text = item["body_text"]
        for noise in ["Tin liên quan", "Tin mới nhất", "Lượt xem", "Thống kê truy cập"]:
            assert noise not in text
        for key in ("weather", "banner"):
            if chrome.get(key):
                assert chrome[key] not in text and chrome[key] not in item["title"]
        assert chrome["address"] not in text


def test_old_generation_url_is_stored_under_the_new_one():
    article = next(a for a in content("ha_tinh") if a["cat"] == "hoat-dong-do-luong")
    new = url_of("ha_tinh", article)
    old = (
        f"http://skhcn.hatinh.gov.vn/khcn/portal/read/{article['cat']}/news/{article['slug']}.html"
    )
    spider = spider_for("ha_tinh")
    assert spider.canonical(old) == new
    item = parse("ha_tinh", old.replace("http://", "https://"))
    assert item["url"] == new
    assert article["title"] in item["title_raw"]


def test_trial_banner_and_visit_date_are_on_the_page_but_not_the_date():
    article = newest_first("ha_tinh")[0]
    page = mirror_response(url_of("ha_tinh", article)).text
    assert "Website đang chạy thử nghiệm" in page
    assert "ngày 21/11/2026" in page  # the header's today
    item = normalized("ha_tinh", article)
    assert item["published_raw"] == "Ngày đăng: 10/02/2026 | 08:50"
    assert item["published"] == article["published"] + ":00+07:00"


def test_weather_line_precedes_the_headline_and_is_not_read():
    article = newest_first("lao_cai")[0]
    page = mirror_response(url_of("lao_cai", article)).text
    assert page.index("Lào Cai 28° - 29°") < page.index('class="news-detail-title"')
    item = normalized("lao_cai", article)
    assert item["title"] == article["title"]
    assert item["published_date"] == article["published"][:10]


@pytest.mark.parametrize(
    ("name", "article_id", "printed"),
    [
        ("phu_tho", 2391, "Cập nhật lúc 20:10, Thứ Ba, 04/02/2020 (GMT+7)"),
        ("gia_lai", 4390, "19/6/2021, 9:7 (GMT+7)"),
        ("gia_lai", 4015, "2/8/2019, 8:5 (GMT+7)"),
        ("tuyen_quang", 12107, "Thứ Tư, 08/08/2018 - 09:55"),
        ("ninh_binh", 1254, "Ngày đăng : 12/10/2017"),
    ],
)
def test_newspaper_and_portal_date_shapes(name, article_id, printed):
    article = by_id(name, article_id)
    item = normalized(name, article)
    assert item["published_raw"] == printed
    assert item["published_from"] == "page"
    assert item["published_date"] == article["published"][:10]
    if re.search(r"\d:\d", printed):  # a time is printed
        assert item["published"] == article["published"] + ":00+07:00"


def test_date_only_on_the_listing_never_from_related_news():
    for article in content("thai_nguyen"):
        page = mirror_response(url_of("thai_nguyen", article))
        assert not page.css("span.news-detail-date")
        assert page.css("div.news-related span.related-date")  # other articles' dates
        item = normalized("thai_nguyen", article)
        assert item["published_from"] == "listing"
        assert item["published_date"] == article["published"][:10]


def test_both_id_ranges_are_article_urls():
    spider = spider_for("thai_nguyen")
    paths = [SITES["thai_nguyen"].article_path(a) for a in content("thai_nguyen")]
    assert any(p.endswith("/") for p in paths) and any(not p.endswith("/") for p in paths)
    assert all(re.search(spider.article_url, "https://dosttn.gov.vn" + p) for p in paths)


def test_an_undated_page_gives_no_date_despite_dates_around_it():
    article = next(a for a in content("ninh_binh") if a["published"] is None)
    page = mirror_response(url_of("ninh_binh", article))
    assert page.css("div.news-related span.related-date")
    assert page.css("div.col-right span.latest-date")
    item = normalized("ninh_binh", article)
    assert item["published"] is None
    assert item["extraction"].get("published") is None


def test_trang_n_pages_are_followed_and_never_taken_for_articles():
    spider = spider_for("tuyen_quang")
    requests = listing("tuyen_quang")
    pages = {r.url for r in requests if r.meta["dost_kind"] == "listing"}
    assert "https://skhcn.tuyenquang.gov.vn/tin-tuc/tin-hoat-dong/trang-3.html" in pages
    assert not re.search(spider.article_url, "https://x/tin-tuc/tin-hoat-dong/trang-2.html")
    assert mirror_response("https://skhcn.tuyenquang.gov.vn/tin-tuc/tin-hoat-dong/trang-1.html")


def test_counter_printed_one_digit_a_line():
    page = mirror_response(SITES["tuyen_quang"].base_url + SITES["tuyen_quang"].listing_first)
    digits = page.css("div.counter-digits div.digit::text").getall()
    assert "".join(digits) == SITES["tuyen_quang"].chrome["visitors"]


@pytest.mark.parametrize(("name", "tag"), [("phu_tho", "PTO-"), ("gia_lai", "(GLO)-")])
def test_newspaper_tag_opening_a_repost_is_dropped(name, tag):
    for article in [a for a in content(name) if a.get("tag") == tag]:
        assert tag in mirror_response(url_of(name, article)).text
        item = normalized(name, article)
        assert item["body_text"].startswith(article["body"][0][:40])


def test_lead_paragraph_outside_the_body_is_part_of_the_body():
    article = next(a for a in content("lao_cai") if a.get("sapo"))
    item = normalized("lao_cai", article)
    assert item["body_text"].startswith(article["body"][0])


def test_repost_from_another_province_keeps_the_site_province_and_credits_the_portal():
    article = by_id("lao_cai", 812377)
    item = normalized("lao_cai", article)
    assert item["province_id"] == "lao-cai"
    assert item["byline_source"] == "Cổng TTĐT tỉnh Yên Bái"
    assert "Yên Bái" in item["title"]


@pytest.mark.parametrize("name", FAMILY)
def test_attachments_are_listed_with_their_files(name):
    for article in [a for a in content(name) if a["attachments"]]:
        item = parse(name, url_of(name, article))
        assert [f["file_name"] for f in item["attachments"]] == [
            f["file"].rsplit("/", 1)[-1] for f in article["attachments"]
        ]
        assert [f["text"] for f in item["attachments"]] == [
            f["text"] for f in article["attachments"]
        ]
