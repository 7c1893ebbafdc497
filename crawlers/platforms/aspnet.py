"""ASP.NET WebForms/MVC department sites with routed URLs.

Seen on dost-bentre.gov.vn: articles at `/tin-tuc/<id>/<slug>` (older `TinTuc/NoiDung.aspx?
tintuc=<id>`), listings at `/chuyen-muc/<catid>/<slug>[/<page>]` with a numbered pager and a
"Trang sau" link; the body is the `divContent` panel; images sit in tables with their
captions; the byline is a right-aligned paragraph at the end of the body; dates, when shown,
are on the listing only.
"""

from __future__ import annotations

from typing import ClassVar

from crawlers.platforms.base import NewsSpider


class AspNetSpider(NewsSpider):
    platform: ClassVar[str] = "aspnet"
    listing_item: ClassVar[str] = "div.list-news div.item-news"
    listing_link: ClassVar[str] = "h3 a::attr(href)"
    listing_date: ClassVar[str | None] = "span.date"
    pagination: ClassVar[str] = "div.pager a::attr(href)"
    article_url: ClassVar[str | None] = r"/tin-tuc/\d+/|NoiDung\.aspx\?tintuc=\d+"
    title: ClassVar[str] = "h1.title-detail"
    date: ClassVar[str | None] = "div.news-detail span.date"
    body: ClassVar[str] = "div.content-detail"
