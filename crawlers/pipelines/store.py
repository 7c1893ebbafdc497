"""Store pipeline: writes sources, articles and the crawl's own row into SQLite.

On open: the spider's `sources` row is upserted and a `crawls` row started. Each article is
upserted by URL (new / updated / unchanged, counted in the stats; an edit the site made keeps
the previous version: `dost/changed`). When the spider closes, its `crawls` row gets the
finish reason, the walk's mode and completeness, and the counts. The database is `DOST_DB`.
"""

from __future__ import annotations

from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler

from crawlers.incremental import change_stats
from crawlers.store import Store, store_for


class StorePipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.store: Store | None = None
        self.crawl_id: int | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        pipeline = cls(crawler)
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    def open_spider(self) -> None:
        spider = self.crawler.spider
        assert spider is not None and self.crawler.stats is not None
        self.store = store_for(self.crawler)
        self.store.upsert_source(spider.source_record())
        self.crawl_id = self.store.start_crawl(
            spider.name, mirror=bool(self.crawler.settings.get("DOST_MIRROR"))
        )
        self.crawler.stats.set_value("dost/crawl_id", self.crawl_id)

    def process_item(self, item: Any) -> Any:
        assert self.store is not None and self.crawler.stats is not None
        stats = self.crawler.stats
        outcome = self.store.upsert_article(dict(item), crawl_id=self.crawl_id)
        stats.inc_value(f"dost/items_{outcome}")
        stats.inc_value("dost/items_read")
        if outcome != "new":
            for key, value in change_stats(self.store, self.crawl_id).items():
                stats.set_value(key, value)
        for field in ("title", "published", "body_text", "authors"):
            if item.get(field):
                stats.inc_value(f"dost/has_{field}")
        if "fallback" in (item.get("extraction") or {}).values():
            stats.inc_value("dost/fallback_items")
        return item

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if self.store is None or self.crawl_id is None:
            return
        stats = self.crawler.stats
        assert stats is not None
        # Articles read from a page this run (a 304 brings none to read).
        items = stats.get_value("dost/items_read", 0)

        def share(field: str) -> float | None:
            return round(stats.get_value(f"dost/has_{field}", 0) / items, 4) if items else None

        changes = self.store.crawl_changes(self.crawl_id)

        self.store.finish_crawl(
            self.crawl_id,
            finish_reason=reason,
            pages=stats.get_value("response_received_count", 0),
            items_new=stats.get_value("dost/items_new", 0),
            items_updated=stats.get_value("dost/items_updated", 0),
            items_unchanged=stats.get_value("dost/items_unchanged", 0),
            items_invalid=stats.get_value("dost/invalid", 0),
            errors=stats.get_value("log_count/ERROR", 0),
            coverage_title=share("title"),
            coverage_published=share("published"),
            coverage_body=share("body_text"),
            coverage_authors=share("authors"),
            fallback_items=stats.get_value("dost/fallback_items", 0),
            mode=stats.get_value("dost/mode"),
            complete=int(reason == "finished" and bool(stats.get_value("dost/walk_complete"))),
            walked=int(reason == "finished" and bool(stats.get_value("dost/walked_to_the_end"))),
            requests=stats.get_value("downloader/request_count", 0),
            not_modified=stats.get_value("dost/not_modified", 0),
            changed=changes["changed"],
            removed=changes["removed"],
        )
