"""SharePoint sources on their saved pages: what the platform's pages do that others do not.

Expected values come from `data/mirror/_content/<source>.json`, the articles the pages were
rendered from. Publishing pages (Hà Nam, Quảng Ngãi, Đồng Nai, Bạc Liêu, Huế, Khánh Hòa)
and list items (Vĩnh Phúc) share one master page: ribbon skip links, a header with the
visit date, counters, "Tin khác" lists with other articles' dates.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Any

import pytest
from scrapy import Request
from scrapy.utils.test import get_crawler

from crawlers.mirror.build import load_sites, load_spec
from crawlers.pipelines.clean import clean_article
from crawlers.pipelines.normalize import normalize_article
from normalize.text import fold, squash_spaces
from spiders.bac_lieu import BacLieuSpider
from spiders.dong_nai import DongNaiSpider
from spiders.ha_nam import HaNamSpider
from spiders.hue import HueSpider
from spiders.khanh_hoa import KhanhHoaSpider
from spiders.quang_ngai import QuangNgaiSpider
from spiders.vinh_phuc import VinhPhucSpider
from tests.conftest import content, mirror_file, mirror_response

SPIDERS = {
    s.name: s
    for s in [
        HaNamSpider,
        QuangNgaiSpider,
        DongNaiSpider,
        VinhPhucSpider,
        BacLieuSpider,
        HueSpider,
        KhanhHoaSpider,
    ]
}
SITES = load_sites()
CASES = [(name, a["id"]) for name in SPIDERS for a in content(name)]


def make_spider(name: str) -> Any:
    return get_crawler(SPIDERS[name])._create_spider()


def article_url(name: str, article: dict) -> str:
    return SITES[name].base_url + SITES[name].article_path(article)


def listing_url(name: str, page: int) -> str:
    return SITES[name].base_url + SITES[name].listing_path(page)


def newest_first(name: str) -> list[dict]:
    return sorted(content(name), key=lambda a: a["id"], reverse=True)


def article(name: str, article_id: int) -> dict:
    return next(a for a in content(name) if a["id"] == article_id)


def listing_meta(name: str) -> dict[str, dict]:
    """What every listing page hands each article request (by URL)."""
    spider = make_spider(name)
    pages = -(-len(content(name)) // SITES[name].per_page)
    meta: dict[str, dict] = {}
    for page in range(1, pages + 1):
        for request in spider.parse(mirror_response(listing_url(name, page))):
            if request.callback == spider.parse_article:
                meta[request.url] = dict(request.meta)
    return meta


def parse(name: str, art: dict, url: str | None = None) -> Any:
    """The raw item the spider reads from an article page, fetched as the listing would."""
    spider = make_spider(name)
    url = url or article_url(name, art)
    meta = listing_meta(name).get(article_url(name, art), {"dost_kind": "article"})
    response = mirror_response(url, meta=meta)
    response.request = Request(url, meta=meta)
    items = list(spider.parse_article(response))
    assert len(items) == 1
    return items[0]


def clean(name: str, art: dict) -> Any:
    return normalize_article(clean_article(parse(name, art)))


def page_html(name: str, art: dict) -> str:
    return mirror_file(article_url(name, art)).read_text(encoding="utf-8")


# -- listings -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", SPIDERS)
def test_first_listing_page_lists_the_newest_articles_under_their_stored_urls(name):
    spider = make_spider(name)
    requests = list(spider.parse(mirror_response(listing_url(name, 1))))
    articles = [r.url for r in requests if r.callback == spider.parse_article]
    per_page = SITES[name].per_page
    assert articles == [article_url(name, a) for a in newest_first(name)[:per_page]]


@pytest.mark.parametrize("name", SPIDERS)
def test_every_article_is_reached_through_the_pager(name):
    spider = make_spider(name)
    queue, seen, found = [listing_url(name, 1)], set(), set()
    while queue:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        for request in spider.parse(mirror_response(url)):
            if request.callback == spider.parse:
                queue.append(request.url)
            else:
                found.add(request.url)
    assert found == {article_url(name, a) for a in content(name)}


def test_list_view_pages_only_by_its_next_link():
    spider = make_spider("vinh_phuc")
    requests = list(spider.parse(mirror_response(listing_url("vinh_phuc", 1))))
    assert [r.url for r in requests if r.callback == spider.parse] == [listing_url("vinh_phuc", 2)]
    html = mirror_file(listing_url("vinh_phuc", 1)).read_text(encoding="utf-8")
    assert 'alt="Tiếp"' in html and "1 - 3" in html


def test_list_view_prints_sharepoint_am_pm_times():
    meta = listing_meta("vinh_phuc")
    newest = newest_first("vinh_phuc")[0]
    assert meta[article_url("vinh_phuc", newest)]["listing_date"] == "27/05/2025 10:10 SA"


# -- one article, one URL -------------------------------------------------------------------


def test_quang_ngai_listing_links_a_category_url_and_stores_the_category_free_one():
    html = mirror_file(listing_url("quang_ngai", 1)).read_text(encoding="utf-8")
    assert "-qnpnc-12-qnpsite-1.html" in html and "-qnpnd-2455-qnpnc-0-" not in html
    report = article("quang_ngai", 1201)
    stored = article_url("quang_ngai", report)
    # The URL sites.json saw on the live site.
    assert stored == (
        "http://www.quangngai.gov.vn/vi/sokhcn/Pages/"
        "qnp-nhungketquanoibatcua-qnpnd-1201-qnpnc-0-qnpsite-1.html"
    )
    alias = stored.replace("-qnpnc-0-", "-qnpnc-12-")
    assert QuangNgaiSpider.canonical(alias) == stored
    assert parse("quang_ngai", report, url=alias)["url"] == stored


def test_dong_nai_www_links_are_stored_under_the_bare_host():
    html = mirror_file(listing_url("dong_nai", 1)).read_text(encoding="utf-8")
    assert 'href="https://www.dost-dongnai.gov.vn/Pages/ChiTietTinTuc.aspx?IDTinTuc=' in html
    first = newest_first("dong_nai")[0]
    www = article_url("dong_nai", first).replace("//dost-dongnai", "//www.dost-dongnai")
    assert DongNaiSpider.canonical(www) == article_url("dong_nai", first)


# -- dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "article_id"), CASES)
def test_date_is_the_articles_not_the_headers_or_a_sidebars(name, article_id):
    art = article(name, article_id)
    item = clean(name, art)
    visit = load_spec(name)["site"]["chrome"]["visit"]
    if art["published"]:
        assert item["published_date"] == art["published"][:10]
        expected_from = "listing" if load_spec(name)["site"]["dates"] == "listing" else "page"
        assert item["published_from"] == expected_from
    else:
        assert item["published"] is None
    assert item["published_date"] != visit


def test_header_prints_the_visit_date_on_every_page():
    for name in SPIDERS:
        art = newest_first(name)[0]
        visit = load_spec(name)["site"]["chrome"]["visit"]
        dd, mm, yyyy = visit[8:10], visit[5:7], visit[:4]
        html = page_html(name, art)
        today = re.search(r'id="lblToday">([^<]*)</span>', html)
        assert today and f"{dd}/{mm}/{yyyy}" in today.group(1)


def test_net_empty_date_is_no_date():
    undated = next(a for a in content("khanh_hoa") if a["published"] is None)
    item = parse("khanh_hoa", undated)
    assert item["published_raw"] == "Ngày xuất bản: 00:00 01/01/0001"
    assert item["extraction"]["published"] == "selector"
    assert normalize_article(clean_article(item))["published"] is None


def test_undated_notice_takes_no_date_from_the_page_around_it():
    undated = next(a for a in content("bac_lieu") if a["published"] is None)
    item = parse("bac_lieu", undated)
    assert item["published_raw"] is None
    assert "published" not in item["extraction"]
    html = page_html("bac_lieu", undated)
    assert re.search(r'class="other-date">\(\d\d/\d\d/\d{4}\)', html)


def test_list_item_date_is_the_ngay_dang_field_not_created_or_modified_info():
    old = article("vinh_phuc", 2987)
    html = page_html("vinh_phuc", old)
    assert "Được sửa đổi lần cuối lúc 18/03/2019" in html
    item = parse("vinh_phuc", old)
    assert item["published_raw"] == "14/06/2016 9:10 SA"
    assert normalize_article(clean_article(item))["published"] == "2016-06-14T09:10:00+07:00"


# -- bodies ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "article_id"), CASES)
def test_body_keeps_every_paragraph_caption_and_run_and_no_chrome(name, article_id):
    art = article(name, article_id)
    item = clean(name, art)
    body = item["body_text"]
    for block in art["body"]:
        if isinstance(block, str):
            assert squash_spaces(block) in body
        elif "caption" in block:
            assert squash_spaces(block["caption"]) in body
        elif "spans" in block:
            assert squash_spaces("".join(block["spans"])) in body
    for chrome in ["Skip Ribbon Commands", "Skip to main content", "Đăng nhập", "Tin khác"]:
        assert chrome not in body
    assert "\u200b" not in body
    assert item["title"] == art["title"]


def test_ribbon_skip_links_open_every_page():
    for name in SPIDERS:
        for art in content(name):
            html = page_html(name, art)
            assert ">Skip Ribbon Commands</a>" in html and ">Skip to main content</a>" in html


def test_words_pasted_from_word_stay_run_together_as_the_page_shows_them():
    art = article("ha_nam", 1124)
    html = page_html("ha_nam", art)
    assert ">Sở</span><span" in html
    body = clean("ha_nam", art)["body_text"]
    assert "SởKhoa học và Công nghệ tỉnh Hà Nam" in body
    assert "Sở Khoa học và Công nghệ tỉnh Hà Nam tổ chức" not in body
    assert "phối hợp vớiPhòng Nông nghiệp" in body
    assert "Hòa Hậu,Nhân Mỹ" in clean("ha_nam", article("ha_nam", 1302))["body_text"]


def test_page_image_caption_is_outside_the_body():
    art = next(a for a in content("hue") if a.get("page_image"))
    assert art["page_image"]["caption"] in page_html("hue", art)
    assert art["page_image"]["caption"] not in clean("hue", art)["body_text"]


def test_rich_text_editor_zero_width_spaces_are_in_the_page_not_the_text():
    art = newest_first("hue")[0]
    assert "&#8203;" in page_html("hue", art)
    assert "\u200b" not in clean("hue", art)["body_text"]


# -- bylines and attachments ------------------------------------------------------------------


@pytest.mark.parametrize(("name", "article_id"), CASES)
def test_byline_is_read_off_the_body_end_or_the_by_line_field(name, article_id):
    art = article(name, article_id)
    item = clean(name, art)
    assert fold(item["byline_raw"] or "") == fold("\n".join(art["byline"]))
    last = item["body_text"].split("\n")[-1]
    assert all(last != line for line in art["byline"]), "byline left in the body"


def test_dong_nai_byline_is_the_by_line_field():
    art = next(a for a in content("dong_nai") if len(a["byline"]) == 2)
    item = parse("dong_nai", art)
    assert item["byline_raw"] == "\n".join(art["byline"])
    assert art["byline"][0] not in item["body_html"]


@pytest.mark.parametrize(
    ("name", "article_id", "authors", "unit"),
    [
        ("ha_nam", 1302, ["Ngọc Ánh"], None),  # NGỌC ÁNH
        ("quang_ngai", 1712, ["Lê Hoàng"], None),  # LÊ HOÀNG
        ("vinh_phuc", 3891, ["Quang Vinh"], None),  # QUANG VINH
        ("khanh_hoa", 2745, ["Thu Thủy"], None),  # THU THỦY
        ("ha_nam", 1187, [], "tdc"),  # a unit as the author
        ("vinh_phuc", 3748, [], "tdc"),  # "Chi cục TĐC"
        ("quang_ngai", 1034, [], "inspectorate"),
        ("khanh_hoa", 2612, [], "science-management"),
    ],
)
def test_capitals_and_units_as_authors(name, article_id, authors, unit):
    item = clean(name, article(name, article_id))
    assert item["authors"] == authors
    assert item["unit_id"] == unit


@pytest.mark.parametrize(
    ("name", "article_id"),
    [(n, a["id"]) for n in SPIDERS for a in content(n) if a["attachments"]],
)
def test_attachments_are_listed_with_their_types(name, article_id):
    art = article(name, article_id)
    item = parse(name, art)
    expected = [PurePosixPath(f["file"]).name for f in art["attachments"]]
    assert [a["file_name"] for a in item["attachments"]] == expected
    assert {a["type"] for a in item["attachments"]} <= {"pdf", "doc", "docx", "xls", "xlsx"}
    for found in item["attachments"]:
        assert found["url"].startswith(SITES[name].base_url + "/")


def test_list_item_attachments_live_under_the_item():
    art = next(a for a in content("vinh_phuc") if a["attachments"])
    item = parse("vinh_phuc", art)
    prefix = f"{SITES['vinh_phuc'].base_url}/noidung/tintuc/Lists/KhoaHocCongNghe/Attachments/"
    assert all(a["url"].startswith(f"{prefix}{art['id']}/") for a in item["attachments"])
    assert [a["text"] for a in item["attachments"]] == [f["file"] for f in art["attachments"]]


def test_several_sources_carry_attachments_of_every_office_kind():
    kinds = {
        PurePosixPath(f["file"]).suffix.lstrip(".")
        for name in SPIDERS
        for a in content(name)
        for f in a["attachments"]
    }
    assert {"pdf", "doc", "docx", "xls", "xlsx"} <= kinds
    assert sum(1 for n in SPIDERS if any(a["attachments"] for a in content(n))) >= 5
