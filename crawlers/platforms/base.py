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

When a site's selectors find no title, date or body (a redesign, an odd page), the generic
extractor (`crawlers/extract.py`) fills that field, and `extraction` records per field who
found it: "selector", "listing" (a date printed on the listing) or "fallback".

Attached documents (links to PDF, DOC, XLS... in the body or the `attachments` container)
are listed per article. One article reachable under several URLs (a second host name, a
print view) is stored under one: `host_aliases` and `url_rewrites` say how.
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
ATTACHMENT_TYPES = frozenset(
    [
        "pdf",
        "doc",
        "docx",
        "xls",
        "xlsx",
        "ppt",
        "pptx",
        "odt",
        "ods",
        "rtf",
        "zip",
        "rar",
        "7z",
        "txt",
        "csv",
        "xml",
    ]
)


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
    attachments: ClassVar[str | None] = None  # a container of attachment links outside the body

    # -- one article, one URL -----------------------------------------------------------
    # The URL a page says it has (print views and second routes name the article's own);
    # used when it points inside the source's hosts and reads as an article URL.
    canonical_link: ClassVar[str | None] = 'link[rel="canonical"]::attr(href)'
    host_aliases: ClassVar[dict[str, str]] = {}  # another host -> the host to store under
    url_rewrites: ClassVar[list[tuple[str, str]]] = []  # (regex, replacement) on the URL

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Counters that must survive a resumed crawl; with a JOBDIR, Scrapy's SpiderState
        # replaces this dict with the one saved when the crawl was interrupted.
        self.state: dict[str, Any] = {}

    @classmethod
    def hosts(cls) -> set[str]:
        """Every host name this source answers for (start URLs' hosts and aliases)."""
        hosts = {urlsplit(u).netloc.lower() for u in cls.start_urls}
        return hosts | set(cls.host_aliases) | set(cls.host_aliases.values())

    @classmethod
    def canonical(cls, url: str) -> str:
        """The URL an article is stored under (see module docstring)."""
        url = canonical_url(url)
        parts = urlsplit(url)
        host = cls.host_aliases.get(parts.netloc)
        if host:
            url = urlunsplit((parts.scheme, host, parts.path, parts.query, ""))
        for pattern, replacement in cls.url_rewrites:
            url = re.sub(pattern, replacement, url)
        return url

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

    def stated_url(self, response: Response) -> str | None:
        """The page's own statement of its URL (`canonical_link`), as this source stores
        URLs; None when there is none, or it points outside the source's hosts or at a page
        that is no article (some sites name their home page on every page)."""
        stated = select(response, self.canonical_link).get() if self.canonical_link else None
        if not stated or not stated.strip():
            return None
        url = self.canonical(response.urljoin(stated.strip()))
        if urlsplit(url).netloc not in self.hosts():
            return None
        if self.article_url and not re.search(self.article_url, url):
            return None
        if urlsplit(url).path in ("", "/"):
            return None
        return url

    # -- crawling -------------------------------------------------------------------------

    async def start(self) -> Any:
        for url in self.start_urls:
            yield scrapy.Request(url, callback=self.parse, meta={"dost_kind": "listing"})

    def max_pages(self) -> int:
        return self.settings.getint("DOST_MAX_PAGES", 0) if self.settings else 0

    def parse(self, response: Response, **kwargs: Any) -> Iterator[scrapy.Request]:
        self.state["listing_pages"] = self.state.get("listing_pages", 0) + 1
        entries: dict[str, str | None] = {}
        other_links: dict[str, set[str]] = {}  # other URLs the listing links an article by
        for entry in select(response, self.listing_item):
            href = select(entry, self.listing_link).get()
            if not href:
                continue
            linked = response.urljoin(href.strip())
            url = self.canonical(linked)
            if self.article_url and not re.search(self.article_url, url):
                continue
            printed = text_of(select(entry, self.listing_date)) or None
            # A listing may link an article twice; keep the entry that prints a date.
            entries[url] = entries.get(url) or printed
            if linked != url:
                other_links.setdefault(url, set()).add(linked)
        if not entries:
            self.logger.warning("listing without articles: %s", response.url)
        for url, printed in entries.items():
            yield response.follow(
                url,
                callback=self.parse_article,
                meta={
                    "dost_kind": "article",
                    "listing_date": printed,
                    "linked_as": sorted(other_links.get(url, ())),
                },
            )
        limit = self.max_pages()
        if limit and self.state["listing_pages"] >= limit:
            return
        for href in select(response, self.pagination).getall():
            href = href.strip()
            if href and not href.startswith(("#", "javascript:")):
                yield response.follow(href, callback=self.parse, meta={"dost_kind": "listing"})

    def parse_article(self, response: Response) -> Iterator[Article]:
        extraction: dict[str, str] = {}
        title = text_of(select(response, self.title))
        if title:
            extraction["title"] = "selector"
        published = text_of(select(response, self.date)) or None
        published_from = "page" if published else None
        if published:
            extraction["published"] = "selector"
        elif response.meta.get("listing_date"):
            published, published_from = response.meta["listing_date"], "listing"
            extraction["published"] = "listing"
        body_nodes = select(response, self.body)
        body_html = "\n".join(body_nodes.getall())
        if body_html.strip():
            extraction["body"] = "selector"
        if not (title and published and body_html.strip()):
            from crawlers.extract import extract_article

            found = extract_article(response.text, response.url)
            if not title and found.title:
                title, extraction["title"] = found.title, "fallback"
            if not published and found.published_raw:
                published, published_from = found.published_raw, "fallback"
                extraction["published"] = "fallback"
            if not body_html.strip() and found.body_html:
                body_html, extraction["body"] = found.body_html, "fallback"
        url = self.stated_url(response) or self.canonical(response.url)
        others = {*response.meta.get("linked_as", ()), response.url} - {url}
        yield Article(
            url=url,
            other_urls=sorted(others),
            source_id=self.name,
            title_raw=title,
            published_raw=published,
            published_from=published_from,
            byline_raw=text_of_lines(select(response, self.byline)) or None,
            body_html=body_html,
            province_raw=self.province,
            attachments=attachments_of(
                response, [*body_nodes, *select(response, self.attachments)]
            ),
            extraction=extraction,
        )


def attachments_of(response: Response, containers: list[Selector]) -> list[dict[str, str]]:
    """Links to documents (by file extension) inside the containers, once each, in order."""
    from urllib.parse import unquote_plus

    found: dict[str, dict[str, str]] = {}
    for container in containers:
        for link in container.css("a[href]"):
            href = (link.attrib.get("href") or "").strip()
            if not href or href.startswith(("javascript:", "mailto:", "#")):
                continue
            url = response.urljoin(href)
            # The file name is usually the last segment; document libraries (Liferay's
            # /documents/<group>/<folder>/<File.pdf>/<uuid>) put an id after it.
            # Document libraries write a file name's spaces as "+" (Liferay: "The+le.doc").
            segments = [unquote_plus(s) for s in urlsplit(url).path.split("/") if s]
            named = [
                s
                for s in reversed(segments[-3:])
                if "." in s and s.rsplit(".", 1)[-1].lower() in ATTACHMENT_TYPES
            ]
            if not named or url in found:
                continue
            name = named[0]
            kind = name.rsplit(".", 1)[-1].lower()
            text = " ".join(" ".join(link.css("::text").getall()).split())
            found[url] = {"url": url, "file_name": name, "type": kind, "text": text or name}
    return list(found.values())


def text_of_lines(nodes: SelectorList[Selector]) -> str:
    """Text of byline elements keeping their line breaks (`<br>`, block children)."""
    from normalize.text import html_to_text

    return "\n".join(
        line for html in nodes.getall() for line in html_to_text(html).split("\n") if line
    )
