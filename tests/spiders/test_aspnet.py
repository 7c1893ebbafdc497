"""The aspnet family on its saved pages: VNPT portal (Điện Biên, Hưng Yên), ASP.NET MVC
(Bình Dương, Bà Rịa - Vũng Tàu, Bắc Ninh) and the `.html` CMS with print views (Kon Tum).

Expected values come from `data/mirror/_content/<source>.json`, the articles the pages were
rendered from.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from crawlers.mirror.build import load_sites
from crawlers.pipelines.clean import clean_article
from crawlers.pipelines.normalize import normalize_article
from normalize.text import html_to_text
from spiders.ba_ria_vung_tau import BaRiaVungTauSpider
from spiders.bac_ninh import BacNinhSpider
from spiders.binh_duong import BinhDuongSpider
from spiders.dien_bien import DienBienSpider
from spiders.hung_yen import HungYenSpider
from spiders.kon_tum import KonTumSpider
from tests.conftest import content, mirror_file, mirror_response

SITES = load_sites()
SPIDERS = {
    s.name: s
    for s in [
        DienBienSpider,
        HungYenSpider,
        BinhDuongSpider,
        BaRiaVungTauSpider,
        KonTumSpider,
        BacNinhSpider,
    ]
}
CASES = [(name, a["id"]) for name in SPIDERS for a in content(name)]


def spider_of(name: str):
    return get_crawler(SPIDERS[name])._create_spider()


def url_of(name: str, article: dict) -> str:
    return SITES[name].base_url + SITES[name].article_path(article)


def listing(name: str, page: int) -> str:
    return SITES[name].base_url + SITES[name].listing_path(page)


def pages_of(name: str) -> int:
    return -(-len(content(name)) // SITES[name].per_page)


def article(name: str, article_id: int) -> dict:
    return next(a for a in content(name) if a["id"] == article_id)


def parse(name: str, url: str, listing_date: str | None = None):
    spider = spider_of(name)
    meta = {"dost_kind": "article", "listing_date": listing_date}
    response = mirror_response(url, meta=meta)
    response.request = Request(url, meta=meta)
    (item,) = spider.parse_article(response)
    return item


def clean(item):
    return normalize_article(clean_article(item))


def article_requests(name: str) -> list:
    spider = spider_of(name)
    found = []
    for page in range(1, pages_of(name) + 1):
        for request in spider.parse(mirror_response(listing(name, page))):
            if request.callback == spider.parse_article:
                found.append(request)
    return found


# -- every source: what the article page shows ---------------------------------------------


@pytest.mark.parametrize(("name", "article_id"), CASES)
def test_article_fields_match_the_content(name, article_id):
    expected = article(name, article_id)
    printed = expected["published"]
    listing_date = (
        date.fromisoformat(printed[:10]).strftime("%d/%m/%Y")
        if printed and name == "binh_duong"
        else None
    )
    item = clean(parse(name, url_of(name, expected), listing_date))
    assert item["url"] == url_of(name, expected)
    assert item["title"] == expected["title"]
    if printed:
        assert item["published_date"] == printed[:10]
    else:
        assert item["published"] is None
    for block in expected["body"]:
        if isinstance(block, str):
            assert " ".join(block.split()) in item["body_text"]
        elif "img" in block:  # captions stay in the body, as the CMS prints them
            for line in block["caption"].split("\n"):
                assert line in item["body_text"]
    files = [a["file_name"] for a in item["attachments"]]
    assert files == [f["file"] for f in expected["attachments"]]


@pytest.mark.parametrize(("name", "article_id"), CASES)
def test_byline_is_read_and_leaves_the_body(name, article_id):
    expected = article(name, article_id)
    item = clean(parse(name, url_of(name, expected), "01/01/2020"))
    lines = (item["byline_raw"] or "").split("\n")
    if name == "binh_duong":  # the author box: "Tác giả : <name>", or empty
        assert lines == [f"Tác giả : {' – '.join(expected['byline'])}".rstrip()]
    else:
        assert lines == (expected["byline"] or [""])
    body_lines = item["body_text"].split("\n")
    assert not set(expected["byline"]) & set(body_lines[-2:])


@pytest.mark.parametrize("name", SPIDERS)
def test_page_boilerplate_stays_out_of_the_body(name):
    for expected in content(name):
        item = clean(parse(name, url_of(name, expected), "01/01/2020"))
        body = item["body_text"]
        for phrase in ["Đánh giá:", "lượt đánh giá", "Bình luận", "Mã xác thực", "Tin liên quan"]:
            assert phrase not in body
        for phrase in ["Tin khác", "Các tin khác", "Thống kê truy cập", "Tác giả :"]:
            assert phrase not in body
        assert not any(re.fullmatch(r"\d", line) for line in body.split("\n"))
        assert not item["body_text"].startswith(expected["title"].upper())


# -- dates: the article's, not the header's today nor the side lists' -----------------------


@pytest.mark.parametrize(
    "name", ["dien_bien", "hung_yen", "ba_ria_vung_tau", "kon_tum", "bac_ninh"]
)
def test_date_selector_reads_one_date_the_articles(name):
    spider = spider_of(name)
    visit = date.fromisoformat(SITES[name].chrome["visit"]).strftime("%d/%m/%Y")
    for expected in content(name):
        response = mirror_response(url_of(name, expected))
        html = response.text
        assert visit in html  # the header prints the day of the visit
        newest_other = max((a for a in content(name) if a is not expected), key=lambda a: a["id"])
        other_day = date.fromisoformat(newest_other["published"][:10])  # in "Tin khác"
        assert other_day.strftime("%d/%m/%Y") in html or other_day.strftime("%d-%m-%Y") in html
        dates = spider.date and response.css(spider.date.removeprefix("xpath:")).getall()
        assert len(dates) == 1
        assert clean(parse(name, response.url))["published_date"] == expected["published"][:10]


def test_binh_duong_listing_prints_dotnet_empty_date_for_an_undated_entry():
    undated = next(a for a in content("binh_duong") if a["published"] is None)
    requests = {r.url: r for r in article_requests("binh_duong")}
    handed = requests[url_of("binh_duong", undated)].meta["listing_date"]
    assert handed == "01/01/0001"
    item = clean(parse("binh_duong", url_of("binh_duong", undated), handed))
    assert item["published"] is None
    assert item["byline_raw"] == "Tác giả :" and item["authors"] == []


# -- one article, one URL --------------------------------------------------------------------


def test_dien_bien_second_host_is_stored_under_the_first():
    spider = spider_of("dien_bien")
    moved = [a for a in content("dien_bien") if a.get("other_host")]
    assert moved
    page = mirror_file(listing("dien_bien", pages_of("dien_bien"))).read_text(encoding="utf-8")
    for expected in moved:
        alias = "http://skhcn.dienbien.gov.vn" + SITES["dien_bien"].article_path(expected)
        assert f'href="{alias}"' in page
        assert spider.canonical(alias) == url_of("dien_bien", expected)
    urls = [r.url for r in article_requests("dien_bien")]
    assert all(u.startswith("http://skhcndienbien.gov.vn/") for u in urls)
    assert sorted(set(urls)) == sorted(url_of("dien_bien", a) for a in content("dien_bien"))


def test_dien_bien_footer_boilerplate_is_on_the_page_and_the_unit_is_the_author():
    expected = next(a for a in content("dien_bien") if a["id"] == 2690)
    text = html_to_text(mirror_file(url_of("dien_bien", expected)).read_text(encoding="utf-8"))
    lines = text.split("\n")
    for line in ["Đánh giá:", "lượt đánh giá: , trung bình:Tin liên quan", "Bình luận"]:
        assert line in lines
    assert "Mã xác thực không đúng." in text and "Thống kê: 567.529" in lines
    assert "Online: 22" in lines
    item = clean(parse("dien_bien", url_of("dien_bien", expected)))
    assert item["byline_raw"] == "Trung tâm Thông tin và Ứng dụng TBKHCN"
    assert item["authors"] == [] and item["unit_id"]


def test_ba_ria_vung_tau_page_parameter_variants_are_one_article():
    spider = spider_of("ba_ria_vung_tau")
    newest = max(content("ba_ria_vung_tau"), key=lambda a: a["id"])
    canonical = url_of("ba_ria_vung_tau", newest)
    linked = set()
    for page in range(1, pages_of("ba_ria_vung_tau") + 1):
        html = mirror_file(listing("ba_ria_vung_tau", page)).read_text(encoding="utf-8")
        linked |= set(
            re.findall(rf'href="(/ManagementNews/DetailNew/{newest["id"]}\?page=\d+)"', html)
        )
    assert len(linked) >= 3  # the "hot" box links it from every listing page
    for path in linked:
        variant = SITES["ba_ria_vung_tau"].base_url + path
        assert spider.canonical(variant) == canonical
        assert parse("ba_ria_vung_tau", variant)["url"] == canonical
    requests = article_requests("ba_ria_vung_tau")
    assert {r.url for r in requests} == {
        url_of("ba_ria_vung_tau", a) for a in content("ba_ria_vung_tau")
    }
    assert all("?page=" not in r.url for r in requests)


def test_kon_tum_print_view_is_stored_under_the_article_url():
    spider = spider_of("kon_tum")
    for expected in content("kon_tum"):
        printed = f"https://skhcn.kontum.gov.vn/PrintNews.aspx?id={expected['id']}"
        assert not re.search(spider.article_url, printed)
        item = parse("kon_tum", printed)
        assert item["url"] == url_of("kon_tum", expected)
        assert item["title_raw"] == expected["title"]


def test_kon_tum_listing_pages_are_not_articles():
    spider = spider_of("kon_tum")
    assert not re.search(spider.article_url, listing("kon_tum", 2))
    assert re.search(spider.article_url, url_of("kon_tum", content("kon_tum")[0]))
    slugs = [a["slug"] for a in content("kon_tum")]
    assert max(len(s) for s in slugs) == 100  # the CMS cuts slugs mid-word


# -- traps of the page ------------------------------------------------------------------------


def test_hung_yen_counter_prints_one_digit_a_line():
    expected = content("hung_yen")[0]
    text = html_to_text(mirror_file(url_of("hung_yen", expected)).read_text(encoding="utf-8"))
    visitors = SITES["hung_yen"].chrome["visitors"]
    digits = [line for line in text.split("\n") if re.fullmatch(r"\d", line)]
    assert "".join(digits) == visitors


def test_bac_ninh_headline_is_printed_twice_around_the_date():
    expected = content("bac_ninh")[-1]
    item = parse("bac_ninh", url_of("bac_ninh", expected))
    raw_lines = html_to_text(item["body_html"]).split("\n")
    assert raw_lines[0] == expected["title"].upper()
    html = mirror_file(url_of("bac_ninh", expected)).read_text(encoding="utf-8")
    assert (
        html.index(expected["title"])
        < html.index("news-detail-date")
        < html.index(expected["title"].upper())
    )
    assert not clean(item)["body_text"].startswith(expected["title"].upper())


def test_ben_tre_keeps_its_own_selectors():
    from spiders.ben_tre import BenTreSpider

    assert BenTreSpider.body == "div.content-detail"
    assert BenTreSpider.platform == "aspnet"


def test_a_canonical_link_that_is_no_article_url_is_ignored():
    expected = content("kon_tum")[0]
    url = url_of("kon_tum", expected)
    html = mirror_file(url).read_text(encoding="utf-8")
    homepage = html.replace(
        f'rel="canonical" href="{url}"', 'rel="canonical" href="http://skhcn.kontum.gov.vn/"'
    )
    assert homepage != html
    printed = f"http://skhcn.kontum.gov.vn/PrintNews.aspx?id={expected['id']}"
    response = HtmlResponse(printed, body=homepage.encode(), encoding="utf-8")
    response.request = Request(printed, meta={"listing_date": None})
    (item,) = spider_of("kon_tum").parse_article(response)
    assert item["url"] == printed
