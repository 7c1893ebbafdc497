"""Validate pipeline: an item without a title or a body is not an article.

It is dropped (so not stored as an article), counted in the stats as `dost/invalid` and
logged with its URL. Its raw page is already in the archive (crawlers.middlewares), so
nothing is lost: `scrapy reprocess` can retry it once the spider is fixed.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

log = logging.getLogger(__name__)


def problems(item: Any) -> list[str]:
    """What keeps an item from being an article (empty list: nothing)."""
    missing = []
    if not (item.get("title") or "").strip():
        missing.append("title")
    if not (item.get("body_text") or "").strip():
        missing.append("body")
    return missing


class ValidatePipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ValidatePipeline:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        missing = problems(item)
        if missing:
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value("dost/invalid")
            log.warning("not an article (no %s): %s", " and no ".join(missing), item.get("url"))
            raise DropItem(f"no {' and no '.join(missing)}: {item.get('url')}")
        return item
