"""The base of every source: walk a news listing with its pagination, read each article.

A source is a data-only subclass (through its platform's base): it declares who it is
(`name`, `department`, `province`, `homepage`, `platform`, `legacy`, `evidence`), where its
news starts (`start_urls`) and the selectors where its markup differs from its platform's.
This class does the walking:

- `parse` reads a listing page: each entry's article link (and the entry's date, when the
  listing prints one), then the pagination links; `DOST_MAX_PAGES` bounds the walk;
- `parse_article` yields one `Article` with the raw strings the page shows. Cleaning and
  normalizing are the pipelines' job.

A selector is CSS, or XPath when it starts with `xpath:`. A `title`/`date`/`byline` selector
selects elements (their text is joined); `body` selects the body container (its HTML is kept).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, ClassVar
from urllib.parse import urlsplit, urlunsplit

import scrapy
from parsel import Selector, SelectorList
from scrapy.http import Response

from crawlers.items import Article
from crawlers.store import SourceRecord

_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|zarsrc|_ga)$", re.IGNORECASE)


def select(node: Selector | Response, query: str | None) -> SelectorList[Selector]:
    """Elements matched by a CSS selector, or by XPath when it starts with `xpath:`."""
    if not query:
        return SelectorList([])
    if query.startswith("xpath:"):
        return node.xpath(query[len("xpath:") :])
    return node.css(query)


def text_of(nodes: SelectorList[Selector]) -> str:
    """The visible text of the selected elements, text nodes joined by single spaces."""
    pieces = nodes.xpath(
        ".//text()[not(ancestor::script) and not(ancestor::style)] | self::text()"
    ).getall()
    return " ".join(" ".join(pieces).split())


def canonical_url(url: str) -> str:
    """The URL an article is stored under: no fragment, no tracking parameters, the
    scheme and host in lower case; path and query otherwise exactly as the site prints them."""
    parts = urlsplit(url)
    query = parts.query
    if query:
        pairs = query.split("&")
        kept = [p for p in pairs if not _TRACKING.match(p.split("=", 1)[0])]
        query = "&".join(kept) if len(kept) != len(pairs) else query
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", query, ""))


class NewsSpider(scrapy.Spider):
    # -- who the source is (every source sets these) ------------------------------------
    department: ClassVar[str] = ""
    province: ClassVar[str] = ""  # province id as the site published (the former unit)
    homepage: ClassVar[str] = ""
    platform: ClassVar[str] = ""
    legacy: ClassVar[bool] = False
    evidence: ClassVar[str] = "assumed"

    # -- listing pages ------------------------------------------------------------------
    listing_item: ClassVar[str] = ""  # one entry of the listing
    listing_link: ClassVar[str] = "a::attr(href)"  # inside an entry: the article's URL
    listing_date: ClassVar[str | None] = None  # inside an entry: its printed date
    pagination: ClassVar[str] = ""  # hrefs of the listing's other pages
    article_url: ClassVar[str | None] = None  # regex an article URL must match

    # -- article pages ------------------------------------------------------------------
    title: ClassVar[str] = "h1"
    date: ClassVar[str | None] = None
    body: ClassVar[str] = "article"
    byline: ClassVar[str | None] = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.listing_pages = 0

    @classmethod
    def source_record(cls) -> SourceRecord:
        return SourceRecord(
            id=cls.name,
            name=cls.department,
            province_id=cls.province,
            homepage=cls.homepage,
            platform=cls.platform,
            legacy=cls.legacy,
            evidence=cls.evidence,
        )

    # -- crawling -------------------------------------------------------------------------

    async def start(self) -> Any:
        for url in self.start_urls:
            yield scrapy.Request(url, callback=self.parse, meta={"dost_kind": "listing"})

    def max_pages(self) -> int:
        return self.settings.getint("DOST_MAX_PAGES", 0) if self.settings else 0

    def parse(self, response: Response, **kwargs: Any) -> Iterator[scrapy.Request]:
        self.listing_pages += 1
        entries: dict[str, str | None] = {}
        for entry in select(response, self.listing_item):
            href = select(entry, self.listing_link).get()
            if not href:
                continue
            url = canonical_url(response.urljoin(href.strip()))
            if self.article_url and not re.search(self.article_url, url):
                continue
            printed = text_of(select(entry, self.listing_date)) or None
            # A listing may link an article twice; keep the entry that prints a date.
            entries[url] = entries.get(url) or printed
        if not entries:
            self.logger.warning("listing without articles: %s", response.url)
        for url, printed in entries.items():
            yield response.follow(
                url,
                callback=self.parse_article,
                meta={"dost_kind": "article", "listing_date": printed},
            )
        limit = self.max_pages()
        if limit and self.listing_pages >= limit:
            return
        for href in select(response, self.pagination).getall():
            href = href.strip()
            if href and not href.startswith(("#", "javascript:")):
                yield response.follow(href, callback=self.parse, meta={"dost_kind": "listing"})

    def parse_article(self, response: Response) -> Iterator[Article]:
        published = text_of(select(response, self.date)) or None
        published_from = "page" if published else None
        if not published and response.meta.get("listing_date"):
            published, published_from = response.meta["listing_date"], "listing"
        body = select(response, self.body)
        yield Article(
            url=canonical_url(response.url),
            source_id=self.name,
            title_raw=text_of(select(response, self.title)),
            published_raw=published,
            published_from=published_from,
            byline_raw=text_of_lines(select(response, self.byline)) or None,
            body_html="\n".join(body.getall()),
            province_raw=self.province,
        )


def text_of_lines(nodes: SelectorList[Selector]) -> str:
    """Text of byline elements keeping their line breaks (`<br>`, block children)."""
    from normalize.text import html_to_text

    return "\n".join(
        line for html in nodes.getall() for line in html_to_text(html).split("\n") if line
    )
