"""Downloader middleware that keeps every fetched listing and article page.

Each response to a request whose `meta["dost_kind"]` is set (the platform spiders set
"listing" or "article") goes into the raw archive with its URL, status and headers, whatever
happens to it next: a page the spider cannot parse is still kept for reprocessing. A `304 Not
Modified` brings no page: nothing is kept (the article's `last_seen` moves, see the store).
Enabled in settings.DOWNLOADER_MIDDLEWARES.
"""

from __future__ import annotations

import logging

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.http import Response

from crawlers.store import store_for

log = logging.getLogger(__name__)


class ArchiveMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArchiveMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        kind = request.meta.get("dost_kind")
        if kind and response.status != 304:
            stats = self.crawler.stats
            crawl_id = stats.get_value("dost/crawl_id") if stats else None
            spider = self.crawler.spider
            store_for(self.crawler).archive_page(
                url=response.url,
                body=response.body,
                status=response.status,
                headers={
                    k.decode("latin-1"): b", ".join(v).decode("latin-1")
                    for k, v in response.headers.items()
                },
                source_id=spider.name if spider else None,
                kind=kind,
                crawl_id=crawl_id,
            )
        return response
