"""Download handler that answers from the mirror when `DOST_MIRROR` is set.

Installed for `http` and `https` in settings. Without `DOST_MIRROR` it is Scrapy's own
HTTP/1.1 handler. With it, a request for `https://host/path?q` is sent to
`<DOST_MIRROR>/path?q` with `Host: host`, and the response comes back under the real URL:
spiders, middlewares, the dupe filter and the store never see the mirror's address. Every
host is mapped, so a crawl with the mirror on can never reach the network.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from scrapy import Request
from scrapy.core.downloader.handlers.base import BaseDownloadHandler
from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.crawler import Crawler
from scrapy.http import Response


class MirrorAwareDownloadHandler(BaseDownloadHandler):
    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.mirror = (crawler.settings.get("DOST_MIRROR") or "").rstrip("/")
        self.inner = HTTP11DownloadHandler(crawler)

    async def download_request(self, request: Request) -> Response:
        if not self.mirror:
            return await self.inner.download_request(request)
        parts = urlsplit(request.url)
        target = parts.path or "/"
        if parts.query:
            target += f"?{parts.query}"
        mirrored = request.replace(url=self.mirror + target)
        mirrored.headers["Host"] = parts.netloc
        response = await self.inner.download_request(mirrored)
        return response.replace(url=request.url, request=request)

    async def close(self) -> None:
        await self.inner.close()
