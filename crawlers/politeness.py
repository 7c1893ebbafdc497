"""What every crawl promises a department's site, whatever command starts it.

The fixed part is in settings.py: robots.txt obeyed, AutoThrottle, at most
`CONCURRENT_REQUESTS_PER_DOMAIN` = 2 requests at once per host, `DOWNLOAD_TIMEOUT`, retries.
Two pieces need code, both enabled in settings.py:

- `Politeness` (an add-on, `ADDONS`) derives the settings that depend on others, so that
  `-s NAME=value` works as well as the environment: the user agent names the project and
  `DOST_CONTACT_URL`; with `DOST_MIRROR` set (loopback, no site behind it) the delays are
  dropped: AutoThrottle, `DOWNLOAD_DELAY`, the retry back-off. Nothing else changes.
- `RetryBackoffMiddleware` (a downloader middleware): Scrapy's RetryMiddleware sends a retry
  back to the queue at once; this one holds the n-th retry of a request for
  `DOST_RETRY_BACKOFF` × 2^(n-1) seconds (default 2 s, 4 s, ...), at most
  `DOST_RETRY_BACKOFF_MAX` (default 30 s), so a site that answers 503 gets room to recover.
  `DOST_RETRY_BACKOFF` = 0 turns it off.
"""

from __future__ import annotations

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.settings import BaseSettings
from scrapy.utils.asyncio import sleep

USER_AGENT = "dost-news/0.1 (+{contact})"

# What `DOST_MIRROR` relaxes: politeness toward a site that is not there.
MIRROR_RELAXED = {"AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_DELAY": 0, "DOST_RETRY_BACKOFF": 0}


class Politeness:
    """Add-on: the user agent from `DOST_CONTACT_URL`; no delays when `DOST_MIRROR` is set.

    Values given on the command line (`-s`) win over what it derives."""

    def update_settings(self, settings: BaseSettings) -> None:
        contact = settings.get("DOST_CONTACT_URL")
        settings.set("USER_AGENT", USER_AGENT.format(contact=contact), priority="project")
        if settings.get("DOST_MIRROR"):
            for name, value in MIRROR_RELAXED.items():
                settings.set(name, value, priority="spider")


def backoff_delay(retry_times: int, base: float, cap: float) -> float:
    """Seconds to hold the `retry_times`-th retry of a request (0 for a first attempt)."""
    if retry_times <= 0 or base <= 0:
        return 0.0
    return min(base * 2 ** (retry_times - 1), cap)


class RetryBackoffMiddleware:
    def __init__(self, base: float, cap: float) -> None:
        self.base = base
        self.cap = cap

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RetryBackoffMiddleware:
        settings = crawler.settings
        base = settings.getfloat("DOST_RETRY_BACKOFF")
        if base <= 0 or not settings.getbool("RETRY_ENABLED"):
            raise NotConfigured
        return cls(base, settings.getfloat("DOST_RETRY_BACKOFF_MAX"))

    async def process_request(self, request: Request) -> None:
        delay = backoff_delay(request.meta.get("retry_times", 0), self.base, self.cap)
        if delay:
            await sleep(delay)
