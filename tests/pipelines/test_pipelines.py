import logging

import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from crawlers.items import Article
from crawlers.pipelines.clean import clean_article
from crawlers.pipelines.normalize import normalize_article
from crawlers.pipelines.validate import ValidatePipeline


def raw_item(**overrides):
    item = Article(
        url="http://skhcn.kiengiang.gov.vn/cac-tin-tuc-khac/chitiet/1375/hoi-nghi",
        source_id="kien_giang",
        title_raw="Hội nghị ký kết giao ước thi đua năm 2018 A A",
        published_raw="02/05/2018",
        published_from="page",
        byline_raw=None,
        body_html=(
            "<p>Vào ngày 27/4/2018, Hội nghị Ký kết giao ước thi đua đã diễn ra.</p>"
            "<p>&nbsp;</p><p>Lượt xem: 120</p>"
            "<p style='text-align:right'><b>Cẩm Tú – VP Sở KH&amp;CN</b></p>"
        ),
        province_raw="kien-giang",
    )
    item.update(overrides)
    return item


def test_clean_then_normalize_gives_clean_fields():
    item = normalize_article(clean_article(raw_item()))
    assert item["title"] == "Hội nghị ký kết giao ước thi đua năm 2018"
    assert item["body_text"] == "Vào ngày 27/4/2018, Hội nghị Ký kết giao ước thi đua đã diễn ra."
    assert item["byline_raw"] == "Cẩm Tú – VP Sở KH&CN"
    assert item["authors"] == ["Cẩm Tú"]
    assert item["published"] == "2018-05-02"
    assert item["published_date"] == "2018-05-02"
    assert item["published_year"] == 2018
    assert item["published_month"] == "2018-05"
    assert (item["province_id"], item["current_province_id"]) == ("kien-giang", "an-giang")
    # raw fields stay as the page printed them
    assert item["title_raw"].endswith("A A")
    assert item["published_raw"] == "02/05/2018"


def test_a_time_gives_a_datetime_in_vietnam_time():
    item = normalize_article(clean_article(raw_item(published_raw="08/09/2017 16:20")))
    assert item["published"] == "2017-09-08T16:20:00+07:00"
    assert item["published_precision"] == "minute"


def test_date_facets_use_the_local_calendar_not_utc():
    # 00:30 in Vietnam is still the previous day in UTC (SQLite's date() would say 31 Aug)
    item = normalize_article(clean_article(raw_item(published_raw="01/09/2017 00:30")))
    assert item["published"] == "2017-09-01T00:30:00+07:00"
    assert (item["published_date"], item["published_month"]) == ("2017-09-01", "2017-09")
    assert item["published_year"] == 2017


def test_placeholder_date_gives_no_date_and_keeps_raw(caplog):
    with caplog.at_level(logging.WARNING):
        item = normalize_article(clean_article(raw_item(published_raw="-0001-11-30 07:06:30")))
    assert item["published"] is None and item["published_year"] is None
    assert item["published_month"] is None
    assert item["published_raw"] == "-0001-11-30 07:06:30"
    assert "unparsed date" in caplog.text


def test_byline_element_is_used_when_the_site_has_one():
    item = normalize_article(
        clean_article(raw_item(byline_raw="HN", body_html="<p>Nội dung bài viết về hội nghị.</p>"))
    )
    assert item["authors"] == ["HN"]
    assert item["body_text"] == "Nội dung bài viết về hội nghị."


@pytest.mark.parametrize(
    ("overrides", "missing"),
    [
        ({"title_raw": "  A A "}, "title"),
        ({"body_html": "<p>Lượt xem: 5</p><p>Đăng nhập</p>"}, "body"),
        ({"title_raw": "", "body_html": ""}, "title and no body"),
    ],
)
def test_validate_drops_item_without_title_or_body_and_counts_it(overrides, missing, caplog):
    crawler = get_crawler()
    crawler.stats.open_spider()
    pipeline = ValidatePipeline.from_crawler(crawler)
    item = normalize_article(clean_article(raw_item(**overrides)))
    with caplog.at_level(logging.WARNING), pytest.raises(DropItem):
        pipeline.process_item(item)
    assert crawler.stats.get_value("dost/invalid") == 1
    assert f"no {missing}" in caplog.text
    assert item["url"] in caplog.text


def test_validate_passes_articles():
    crawler = get_crawler()
    crawler.stats.open_spider()
    item = normalize_article(clean_article(raw_item()))
    assert ValidatePipeline.from_crawler(crawler).process_item(item) is item
