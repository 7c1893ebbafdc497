from typing import ClassVar

import pytest
from scrapy.http import HtmlResponse, Request

from crawlers.platforms.base import NewsSpider, attachments_of, canonical_url


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        (
            "http://DOST-BenTre.gov.vn/tin-tuc/2649/slug#top",
            "http://dost-bentre.gov.vn/tin-tuc/2649/slug",
        ),
        (
            "http://www.haiphong.gov.vn/Portal/Detail.aspx?Organization=SKHCN&MenuID=19125&ContentID=146657",
            "http://www.haiphong.gov.vn/Portal/Detail.aspx?Organization=SKHCN&MenuID=19125&ContentID=146657",
        ),
        ("http://a.gov.vn/x?id=5&utm_source=fb&fbclid=abc", "http://a.gov.vn/x?id=5"),
        (
            "http://a.gov.vn/Chi%20ti%E1%BA%BFt/!ut/p/z0/a?x=%20y",
            "http://a.gov.vn/Chi%20ti%E1%BA%BFt/!ut/p/z0/a?x=%20y",
        ),
        ("http://a.gov.vn", "http://a.gov.vn/"),
    ],
)
def test_canonical_url_drops_only_fragment_and_tracking(url, canonical):
    assert canonical_url(url) == canonical


class ExampleSpider(NewsSpider):
    name = "example"
    province = "lai-chau"
    start_urls: ClassVar[list[str]] = ["https://skhcn.example.gov.vn/tin-tuc/"]
    title = "h1.title"
    date = "span.date"
    body = "div.content"
    attachments = "div.files"
    host_aliases: ClassVar[dict[str, str]] = {"www.example-dost.gov.vn": "skhcn.example.gov.vn"}
    url_rewrites: ClassVar[list[tuple[str, str]]] = [(r"/print/(\d+)$", r"/node/\1")]


PAGE = """<html><head><title>Tiêu đề bài viết mẫu - Sở KH&CN</title></head><body>
<div class="top">Thứ Hai, 23/11/2026</div>
<h1 class="title">Tiêu đề bài viết mẫu</h1><span class="date">12/03/2024</span>
<div class="content"><p>Nội dung bài viết mẫu về hội nghị khoa học.</p>
<p><a href="/upload/Ke%20hoach%202024.pdf">Kế hoạch năm 2024</a>
<a href="/upload/bieu-mau.DOCX">Biểu mẫu</a> <a href="/tin-khac">Tin khác</a></p></div>
<div class="files"><a href="https://cdn.example.gov.vn/f/du-toan.xlsx">Dự toán</a>
<a href="/upload/Ke%20hoach%202024.pdf">Kế hoạch (bản khác)</a></div>
</body></html>"""


def response(html: str = PAGE, url: str = "https://skhcn.example.gov.vn/tin/1") -> HtmlResponse:
    return HtmlResponse(
        url=url,
        body=html.encode(),
        encoding="utf-8",
        request=Request(url, meta={"listing_date": None}),
    )


def test_attachments_are_documents_linked_once_each():
    page = response()
    found = attachments_of(page, [*page.css("div.content"), *page.css("div.files")])
    assert [(a["file_name"], a["type"], a["text"]) for a in found] == [
        ("Ke hoach 2024.pdf", "pdf", "Kế hoạch năm 2024"),
        ("bieu-mau.DOCX", "docx", "Biểu mẫu"),
        ("du-toan.xlsx", "xlsx", "Dự toán"),
    ]
    assert found[0]["url"] == "https://skhcn.example.gov.vn/upload/Ke%20hoach%202024.pdf"


def test_second_host_and_print_view_are_stored_under_one_url():
    assert ExampleSpider.canonical("https://www.example-dost.gov.vn/print/12?utm_source=zalo") == (
        "https://skhcn.example.gov.vn/node/12"
    )
    assert ExampleSpider.hosts() == {"skhcn.example.gov.vn", "www.example-dost.gov.vn"}


def test_selectors_are_recorded_as_the_source_of_each_field():
    item = next(iter(ExampleSpider().parse_article(response())))
    assert item["title_raw"] == "Tiêu đề bài viết mẫu"
    assert item["published_raw"] == "12/03/2024"
    assert item["extraction"] == {"title": "selector", "published": "selector", "body": "selector"}
    assert len(item["attachments"]) == 3


def test_the_fallback_fills_what_the_selectors_miss_and_says_so():
    redesigned = PAGE.replace('class="title"', 'class="headline"').replace(
        'class="content"', 'class="article-text"'
    )
    item = next(iter(ExampleSpider().parse_article(response(redesigned))))
    assert item["title_raw"] == "Tiêu đề bài viết mẫu"
    assert "Nội dung bài viết mẫu" in item["body_html"]
    assert item["extraction"] == {"title": "fallback", "published": "selector", "body": "fallback"}


def test_the_fallback_never_takes_the_headers_visit_date():
    undated = PAGE.replace('<span class="date">12/03/2024</span>', "")
    item = next(iter(ExampleSpider().parse_article(response(undated))))
    assert item["published_raw"] is None
    assert "published" not in item["extraction"]


def test_a_date_in_the_headlines_words_is_neither_its_date_nor_cut_from_it():
    from crawlers.extract import extract_article

    page = PAGE.replace("Tiêu đề bài viết mẫu", "Hưởng ứng Ngày KH&CN Việt Nam 18/5/2024").replace(
        '<span class="date">12/03/2024</span>', ""
    )
    found = extract_article(page.replace('class="top"', 'class="ngay-hien-tai"'))
    assert found.title == "Hưởng ứng Ngày KH&CN Việt Nam 18/5/2024"
    assert found.published_raw is None


def test_the_extractor_reads_the_same_page_twice_alike():
    from crawlers.extract import extract_article

    first, second = extract_article(PAGE), extract_article(PAGE)
    assert first == second and "Nội dung bài viết mẫu" in second.body_html
