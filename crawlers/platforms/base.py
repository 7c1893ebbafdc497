"""The base of every source: walk a news listing with its pagination, read each article.

A source is a data-only subclass (through its platform's base): it declares who it is
(`name`, `department`, `province`, `homepage`, `platform`, `legacy`, `evidence`), where its
news starts (`start_urls`) and the selectors where its markup differs from its platform's.
This class does the walking:

- `parse` reads a listing page: each entry's article link (and the entry's date, when the
  listing prints one), then the pagination links; `DOST_MAX_PAGES` bounds the walk;
- `parse_article` yields one `Article` with the raw strings the page shows. Cleaning and
  normalizing are the pipelines' job.

How far the walk goes and which known articles are asked again is `crawlers/incremental.py`:
a source's first run walks everything; later runs stop at the first listing page that brings
no new article, ask known articles again with their validators (a 304 is counted unchanged,
a 404/410 marks the article removed), and, when the walk is over, ask again the articles no
walked page links any more. `DOST_BACKFILL` walks everything again.

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
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Response

from crawlers.incremental import ARTICLE_STATUSES, LISTING_GONE, Walk, change_stats
from crawlers.items import Article
from crawlers.store import SourceRecord, store_for

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
        # A full walk that knows nothing, until `start` reads what the store knows.
        self.walk = Walk()
        self.walk_over = False

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> NewsSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.listing_walked, signal=signals.spider_idle)
        return spider

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
        # With JOBDIR, `state` persists: a resumed run remembers the pages it walked.
        memo = self.state.setdefault("dost_walk", {}) if hasattr(self, "state") else None
        self.walk = Walk.load(
            store_for(self.crawler),
            self.name,
            backfill=self.settings.getbool("DOST_BACKFILL"),
            memo=memo,
        )
        if self.crawler.stats:
            self.crawler.stats.set_value("dost/mode", self.walk.mode)
        for url in self.start_urls:
            self.walk.ask_listing(url)
            yield self.listing_request(url)

    def listing_request(self, url: str, *, paged: bool = False) -> scrapy.Request:
        """A listing page; `paged`: linked by a pager, which may point past the last page
        (its 404 or 410 then says the walk is over, and is no error)."""
        meta: dict[str, Any] = {"dost_kind": "listing", "dost_listing": url}
        if paged:
            meta["handle_httpstatus_list"] = LISTING_GONE
        return scrapy.Request(url, callback=self.parse, meta=meta)

    def max_pages(self) -> int:
        return self.settings.getint("DOST_MAX_PAGES", 0) if self.settings else 0

    def parse(self, response: Response, **kwargs: Any) -> Iterator[scrapy.Request]:
        listing = response.meta.get("dost_listing") or response.url
        if response.status in LISTING_GONE:
            self.logger.info(
                "listing page gone (%d), the pager led past the end: %s",
                response.status,
                response.url,
            )
            self.walk.listing_gone(listing)
            return
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
        walk = self.walk
        walk.listing_read(listing, len(entries))
        fresh = new = 0
        for url, printed in entries.items():
            if walk.link(url, listing):
                fresh += 1
                new += walk.article(url) is None
            yield self.article_request(response, url, printed, other_links.get(url, set()))
        limit = self.max_pages()
        if limit and self.state["listing_pages"] >= limit:
            walk.truncate()
            return
        links = [
            response.urljoin(href.strip())
            for href in select(response, self.pagination).getall()
            if href.strip() and not href.strip().startswith(("#", "javascript:"))
        ]
        for url in walk.next_pages(links, entries=len(entries), fresh=fresh, new=new):
            walk.ask_listing(url)  # a page asked twice is dropped by Scrapy's dupe filter
            yield self.listing_request(url, paged=True)

    def article_request(
        self, response: Response, url: str, printed: str | None, linked_as: set[str]
    ) -> scrapy.Request:
        """The request for an article a listing links: a known one is asked conditionally."""
        known = self.walk.article(url)
        meta: dict[str, Any] = {
            "dost_kind": "article",
            "listing_date": printed,
            "linked_as": sorted(linked_as),
            "handle_httpstatus_list": ARTICLE_STATUSES,
        }
        if known:
            meta["dost_article_id"] = known["id"]
        return response.follow(
            url, callback=self.parse_article, meta=meta, headers=self.walk.headers(known)
        )

    def listing_walked(self) -> None:
        """When the walk is over (the spider is idle the first time): record which articles
        the listing linked, and ask again those no walked page links any more."""
        if self.walk_over:
            return
        self.walk_over = True
        stats = self.crawler.stats
        assert stats is not None
        stats.set_value("dost/walk_complete", int(self.walk.complete))
        stats.set_value("dost/walked_to_the_end", int(self.walk.walked_to_the_end))
        crawl_id = stats.get_value("dost/crawl_id")
        rechecks = self.walk.rechecks(store_for(self.crawler), self.name, crawl_id, self.logger)
        stats.set_value("dost/rechecks", len(rechecks))
        assert self.crawler.engine is not None
        for recheck in rechecks:
            meta = {
                "dost_kind": "article",
                "dost_article_id": recheck.article_id,
                "dost_unlisted_twice": recheck.unlisted_twice,
                "handle_httpstatus_list": ARTICLE_STATUSES,
            }
            self.crawler.engine.crawl(
                scrapy.Request(
                    recheck.url,
                    callback=self.parse_article,
                    headers=recheck.headers,
                    meta=meta,
                    dont_filter=True,  # asked once, whatever this run asked before
                )
            )
        if rechecks:
            raise DontCloseSpider

    def article_answered(self, response: Response) -> None:
        """A 304, 404 or 410 to an article request: nothing to read, something to record."""
        stats = self.crawler.stats
        assert stats is not None
        article_id = response.meta.get("dost_article_id")
        if article_id is None:  # a new link that leads nowhere
            self.logger.warning("article link answers %d: %s", response.status, response.url)
            return
        if response.status == 304:
            stats.inc_value("dost/not_modified")
            stats.inc_value("dost/items_unchanged")
        store = store_for(self.crawler)
        crawl_id = stats.get_value("dost/crawl_id")
        store.record_check(
            article_id,
            response.status,
            etag=header(response, "ETag"),
            last_modified=header(response, "Last-Modified"),
            crawl_id=crawl_id,
        )
        if response.status == 304:
            self.still_unlisted(response)
        for key, value in change_stats(store, crawl_id).items():
            stats.set_value(key, value)

    def still_unlisted(self, response: Response) -> None:
        """An article no listing linked in this complete walk nor in the one before answers:
        it stays, removed from the site's listing ("unlisted")."""
        if response.meta.get("dost_unlisted_twice") and self.crawler.stats:
            store_for(self.crawler).mark_removed(
                response.meta["dost_article_id"],
                "unlisted",
                self.crawler.stats.get_value("dost/crawl_id"),
            )

    def parse_article(self, response: Response) -> Iterator[Article]:
        if response.status in ARTICLE_STATUSES:
            self.article_answered(response)
            return
        self.still_unlisted(response)
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
            etag=header(response, "ETag"),
            last_modified=header(response, "Last-Modified"),
        )


def header(response: Response, name: str) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


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
