"""The Joomla family on its saved pages: Hải Dương, Nam Định, Lâm Đồng.

Expected values come from `data/mirror/_content/<source>.json`, the articles the saved pages
were rendered from.
"""

from __future__ import annotations

import re

import pytest

from crawlers.mirror.build import load_sites
from normalize.text import squash_spaces
from spiders.hai_duong import HaiDuongSpider
from spiders.lam_dong import LamDongSpider
from spiders.nam_dinh import NamDinhSpider
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
SPIDERS = {s.name: s for s in [HaiDuongSpider, NamDinhSpider, LamDongSpider]}


# -- listings -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", SPIDERS)
def test_walking_every_listing_page_reaches_every_article_once(name):
    site = SITES[name]
    pages = -(-len(content(name)) // site.per_page)
    seen: list[str] = []
    for page in range(1, pages + 1):
        articles, others = listing(name, page)
        seen += [r.url for r in articles]
        assert {url_of(name, site.listing_path(n)) for n in range(1, pages + 1)} - {
            url_of(name, site.listing_path(page))
        } <= {r.url for r in others}
    expected = sorted(url_of(name, site.article_path(a)) for a in content(name))
    assert sorted(set(seen)) == expected
    assert len(seen) == len(set(seen))


def test_hai_duong_menu_route_is_stored_under_the_short_article_route():
    old = article("hai_duong", 11035)
    page = mirror_response(url_of("hai_duong", SITES["hai_duong"].listing_path(3))).text
    assert f'href="{old["listing_path"]}"' in page  # the listing prints the long route
    articles, _ = listing("hai_duong", 3)
    assert article_url("hai_duong", 11035) in [r.url for r in articles]
    assert article_url("hai_duong", 11035).endswith("/article/" + old["slug"] + "/11035")


def test_hai_duong_tracking_parameters_are_dropped_from_a_shared_link():
    shared = next(a for a in content("hai_duong") if a.get("share"))
    page = mirror_response(url_of("hai_duong", SITES["hai_duong"].listing_path(1))).text
    assert "utm_source=zalo&amp;utm_medium=share" in page
    articles, _ = listing("hai_duong", 1)
    urls = [r.url for r in articles]
    assert article_url("hai_duong", shared["id"]) in urls
    assert not any("utm_" in u for u in urls)
    item = parse("hai_duong", urls[urls.index(article_url("hai_duong", shared["id"]))])
    assert item["url"] == url_of("hai_duong", shared["path"])


def test_nam_dinh_featured_box_and_list_link_one_article_once_with_the_listing_date():
    featured = next(a for a in content("nam_dinh") if a.get("featured_path"))
    page = mirror_response(url_of("nam_dinh", SITES["nam_dinh"].listing_path(1))).text
    assert page.count(featured["featured_path"]) >= 1  # the "Tin nổi bật" box, menu fx=1
    articles, _ = listing("nam_dinh", 1)
    matching = [r for r in articles if r.url == article_url("nam_dinh", featured["id"])]
    assert len(matching) == 1
    assert matching[0].meta["listing_date"] == "Ngày đăng: 18/04/2025"
    assert len(articles) == SITES["nam_dinh"].per_page


# -- dates ----------------------------------------------------------------------------------


def test_hai_duong_reads_the_category_and_datetime_line():
    item = normalized(parse("hai_duong", article_url("hai_duong", 10874)))
    assert item["published_raw"].startswith("Bản tin KH&CN 2016-10-07 03:14:")
    assert item["published_date"] == "2016-10-07"
    assert item["published_precision"] == "second"


def test_hai_duong_placeholder_date_is_no_date_but_kept_raw():
    undated = next(a for a in content("hai_duong") if a["published"] is None)
    item = normalized(parse("hai_duong", article_url("hai_duong", undated["id"])))
    assert undated["published_raw"] in item["published_raw"]
    assert item["published"] is None and item["published_date"] is None
    # No fallback may fill it from the "Tin khác" list or the header's visit date.
    assert item["extraction"]["published"] == "selector"


def test_nam_dinh_article_prints_no_date_and_takes_the_listings():
    url = article_url("nam_dinh", 1215)
    page = mirror_response(url).text
    assert "(28/12/2022)" not in page  # its own date is on the listing only...
    assert re.search(r"\(\d\d/\d\d/\d{4}\)", page)  # ...other articles' are in "Tin khác"
    alone = parse("nam_dinh", url)  # neither the selectors nor the fallback take those
    assert alone["published_raw"] is None and "published" not in alone["extraction"]
    item = normalized(parse("nam_dinh", url, listing_date="Ngày đăng: 28/12/2022"))
    assert item["published_from"] == "listing"
    assert item["published_date"] == "2022-12-28"


def test_lam_dong_date_under_the_headline_not_the_visit_date():
    item = normalized(parse("lam_dong", article_url("lam_dong", 2515)))
    assert item["published_raw"] == "Cập nhật: Thứ Tư, 27/03/2019 - 09:41"
    assert item["published"] == "2019-03-27T09:41:00+07:00"


# -- one article, one URL -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "article_id", "alias"),
    [
        ("hai_duong", 13282, "{path}?tmpl=component&print=1"),
        ("hai_duong", 12655, "/2016-04-15-01-16-33/{issue}/article/{slug}/{id}"),
        ("nam_dinh", 968, "/index.php/news/{id}?fx=1"),
        ("nam_dinh", 968, "/index.php/news/{id}?fx=4&tmpl=component&print=1"),
        ("lam_dong", 3874, "/home/tin-tuc-su-kien/tin-hoat-dong/type/print/id/{id}"),
    ],
)
def test_other_routes_to_an_article_are_stored_under_its_url(name, article_id, alias):
    entry = {**article(name, article_id)}
    entry["path"] = SITES[name].article_path(entry)
    other = url_of(name, alias.format(**entry))
    assert SPIDERS[name].canonical(other) == article_url(name, article_id)
    item = parse(name, other, listing_date="01/01/2020")
    assert item["url"] == article_url(name, article_id)
    assert item["title_raw"] == entry["title"]


# -- bodies ---------------------------------------------------------------------------------


def test_hai_duong_words_run_together_as_the_page_prints_them():
    entry = article("hai_duong", 11587)
    item = normalized(parse("hai_duong", article_url("hai_duong", 11587)))
    for block in entry["body"]:
        if isinstance(block, dict) and "spans" in block:
            assert "".join(block["spans"]) in item["body_text"]
    assert "Sở KH&CNtỉnh Hải Dương" in item["body_text"]
    assert "với12 cuộckiểm tra" in item["body_text"]


def test_nam_dinh_newspaper_tag_is_dropped_from_the_reposted_body():
    entry = article("nam_dinh", 596)
    item = parse("nam_dinh", article_url("nam_dinh", 596), listing_date="09/08/2017")
    assert f"<strong>{entry['tag']}</strong> {entry['body'][0]}" in item["body_html"]
    item = normalized(item)
    assert item["body_text"].startswith(squash_spaces(entry["body"][0]))
    assert item["byline_source"] == "Báo Phú Thọ"


@pytest.mark.parametrize(
    ("name", "article_id"),
    [(n, a["id"]) for n in SPIDERS for a in content(n) if a["attachments"]],
)
def test_attachments_are_listed_from_the_attachments_container(name, article_id):
    entry = article(name, article_id)
    item = parse(name, article_url(name, article_id), listing_date="01/01/2020")
    assert [(f["file_name"], f["text"]) for f in item["attachments"]] == [
        (f["file"], f["text"]) for f in entry["attachments"]
    ]
    assert all(
        f["url"] == url_of(name, f"/attachments/article/{article_id}/{f['file_name']}")
        for f in item["attachments"]
    )


def test_byline_lines_leave_the_body():
    item = normalized(parse("lam_dong", article_url("lam_dong", 1862)))
    assert item["authors"] == ["Ngọc Lan"]
    assert item["body_text"].split("\n")[-1] != "Trung tâm Ứng dụng tiến bộ KH&CN"
    assert "Tin khác" not in item["body_text"] and "Lượt xem" not in item["body_text"]
