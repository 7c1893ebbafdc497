"""The query-string family on its saved pages: Thanh Hóa, Đà Nẵng, Sóc Trăng, Nghệ An.

Expected values come from `data/mirror/_content/<source>.json`, the articles the saved pages
were rendered from.
"""

from __future__ import annotations

import pytest

from crawlers.mirror.build import load_sites, load_spec, vn_date
from normalize.text import squash_spaces
from spiders.da_nang import DaNangSpider
from spiders.nghe_an import NgheAnSpider
from spiders.soc_trang import SocTrangSpider
from spiders.thanh_hoa import ThanhHoaSpider
from tests.conftest import (
    article,
    article_url,
    content,
    listing,
    mirror_response,
    normalized,
    parse,
    url_of,
)

SITES = load_sites()
SPIDERS = {s.name: s for s in [ThanhHoaSpider, DaNangSpider, SocTrangSpider, NgheAnSpider]}


# -- listings -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", SPIDERS)
def test_walking_every_listing_page_reaches_every_article_once(name):
    site = SITES[name]
    pages = -(-len(content(name)) // site.per_page)
    seen: list[str] = []
    for page in range(1, pages + 1):
        articles, others = listing(name, page)
        seen += [r.url for r in articles]
        assert all(r.url.startswith(site.base_url + "/") for r in others)
        assert {url_of(name, site.listing_path(n)) for n in range(1, pages + 1)} - {
            url_of(name, site.listing_path(page))
        } <= {r.url for r in others}
    assert sorted(set(seen)) == sorted(url_of(name, site.article_path(a)) for a in content(name))
    assert len(seen) == len(set(seen))


def test_thanh_hoa_relative_query_links_resolve_against_the_script():
    page = mirror_response(url_of("thanh_hoa", SITES["thanh_hoa"].listing_path(1))).text
    assert 'href="?portalid=admin&amp;selectpageid=page.chitiet&amp;n_g_manager=5874"' in page
    articles, _ = listing("thanh_hoa", 1)
    assert articles[0].url == article_url("thanh_hoa", 5874)


def test_soc_trang_featured_box_repeats_an_article_the_dated_entry_wins():
    articles, pages = listing("soc_trang", 1)
    newest = max(content("soc_trang"), key=lambda a: a["id"])
    response = mirror_response(url_of("soc_trang", SITES["soc_trang"].listing_path(1)))
    links = response.css("div.news-item a.news-link::attr(href)").getall()
    assert sum(f"newsid={newest['id']}&" in href for href in links) == 2  # box + list
    page = response.text
    assert [r.url for r in articles].count(article_url("soc_trang", newest["id"])) == 1
    first = next(r for r in articles if r.url == article_url("soc_trang", newest["id"]))
    assert first.meta["listing_date"] == "14/5/2025 2:05:36 CH"
    # The ASP.NET "Trang sau" postback link is not a page to fetch.
    assert "__doPostBack" in page
    assert not any("javascript" in r.url for r in pages)


def test_da_nang_tracking_parameters_are_dropped_from_shared_links():
    response = mirror_response(url_of("da_nang", SITES["da_nang"].listing_path(1)))
    links = response.css("a.news-link::attr(href)").getall()
    assert sum(href.endswith("&utm_source=zalo&utm_medium=share") for href in links) == 2
    articles, _ = listing("da_nang", 1)
    shared = [a for a in content("da_nang") if a.get("share")]
    urls = [r.url for r in articles]
    assert all(article_url("da_nang", a["id"]) in urls for a in shared)
    assert not any("utm_" in u for u in urls)
    item = parse("da_nang", article_url("da_nang", shared[0]["id"]))
    assert item["url"] == "https://dost.danang.gov.vn/chi-tiet-tin-tuc?dinhdanh=9485&cat=3"


# -- dates ----------------------------------------------------------------------------------


def test_thanh_hoa_date_in_parentheses_after_the_headline():
    url = article_url("thanh_hoa", 3012)
    page = mirror_response(url).text
    visit = vn_date(load_spec("thanh_hoa")["site"]["chrome"]["visit"], "wd, ngày dd/mm/yyyy")
    assert visit in page and "18/5/2026" in page  # the header's visit date, the ticker's
    item = normalized(parse("thanh_hoa", url))
    assert item["published_raw"] == "(14/08/2020)"
    assert item["published_date"] == "2020-08-14"


def test_da_nang_date_from_the_poster_line_poster_is_not_an_author():
    notice = article("da_nang", 4105)
    assert notice["poster"] == "Test Test"
    item = normalized(parse("da_nang", article_url("da_nang", 4105)))
    assert item["published_raw"].startswith("Người đăng tin: Test Test Ngày đăng tin: 14/11/2017")
    assert item["published_date"] == "2017-11-14"
    assert item["authors"] == [] and "Test" not in (item["byline_raw"] or "")


def test_soc_trang_aspnet_timestamp_from_the_listing():
    articles, _ = listing("soc_trang", 2)
    request = next(r for r in articles if r.url == article_url("soc_trang", 33012))
    assert request.meta["listing_date"] == "16/12/2021 10:20:24 SA"
    item = normalized(parse("soc_trang", request.url, request.meta["listing_date"]))
    assert item["published_from"] == "listing"
    assert item["published"] == "2021-12-16T10:20:24+07:00"


def test_soc_trang_article_page_alone_gives_no_date_from_its_sidebars():
    # The page prints other articles' dates ("Các tin khác") and the visit date only.
    item = parse("soc_trang", article_url("soc_trang", 23156))
    assert item["published_raw"] is None and item["published_from"] is None
    assert "published" not in item["extraction"]


def test_nghe_an_date_label_and_view_count():
    item = normalized(parse("nghe_an", article_url("nghe_an", 4418)))
    assert item["published_raw"] == "Tin đăng ngày: 15/03/2023"
    assert item["published_date"] == "2023-03-15"


# -- one article, one URL -------------------------------------------------------------------


def test_thanh_hoa_print_view_is_stored_under_the_article_url():
    printed = url_of("thanh_hoa", "/portal/pages/print.aspx?p=5874")
    assert ThanhHoaSpider.canonical(printed) == article_url("thanh_hoa", 5874)
    item = parse("thanh_hoa", printed)
    assert item["url"] == article_url("thanh_hoa", 5874)


# -- bodies ---------------------------------------------------------------------------------


def test_thanh_hoa_newspaper_tag_is_dropped_from_the_reposted_body():
    entry = article("thanh_hoa", 1795)
    item = parse("thanh_hoa", article_url("thanh_hoa", 1795))
    assert "<strong>(BĐ) -</strong> " + entry["body"][0] in item["body_html"]
    item = normalized(item)
    assert item["body_text"].startswith(squash_spaces(entry["body"][0]))
    assert item["byline_source"] == "Báo Bình Định"


@pytest.mark.parametrize(
    ("name", "article_id"),
    [(n, a["id"]) for n in SPIDERS for a in content(n) if a["attachments"]],
)
def test_attachments_in_the_body_are_listed_and_cut_from_the_text(name, article_id):
    entry = article(name, article_id)
    item = parse(name, article_url(name, article_id), listing_date="01/01/2020")
    assert [(f["file_name"], f["text"]) for f in item["attachments"]] == [
        (f["file"], f["text"]) for f in entry["attachments"]
    ]
    text = normalized(item)["body_text"]
    assert "File đính kèm" not in text
    assert not any(f["text"] in text.split("\n") for f in entry["attachments"])


@pytest.mark.parametrize("name", SPIDERS)
def test_boilerplate_stays_out_of_every_body(name):
    for entry in content(name):
        item = normalized(parse(name, article_url(name, entry["id"]), "01/01/2020"))
        for phrase in ("Các tin khác", "Chia sẻ", "In bài viết", "Thống kê truy cập", "Xem:"):
            assert phrase not in item["body_text"], (name, entry["id"], phrase)
        assert (
            squash_spaces(entry["body"][-1] if isinstance(entry["body"][-1], str) else "")
            in (item["body_text"])
        )
