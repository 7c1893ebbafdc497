"""Provincial city portals that host each department as a sub-site, by query string.

Seen on www.haiphong.gov.vn: `Portal/Default.aspx?Organization=<DEPT>&MenuID=<m>` lists a
menu's news (`&CurrentPage=N` for the next pages), `Portal/Detail.aspx?Organization=<DEPT>&
MenuID=<m>&ContentID=<id>` shows one article. An ASP.NET WebForms table layout: the headline
and the date in parentheses share one line, newer articles repeat the headline in bold at
the top of the body, and counters sit in both side columns.
"""

from __future__ import annotations

from typing import ClassVar

from crawlers.platforms.base import NewsSpider


class CityPortalSpider(NewsSpider):
    platform: ClassVar[str] = "city-portal"
    listing_item: ClassVar[str] = "table.ListNews td.NewsItem"
    listing_link: ClassVar[str] = "a.NewsTitle::attr(href)"
    listing_date: ClassVar[str | None] = "span.NewsDate"
    pagination: ClassVar[str] = "div.Paging a::attr(href)"
    article_url: ClassVar[str | None] = r"Detail\.aspx\?.*ContentID=\d+"
    title: ClassVar[str] = "div.DetailTitle span.Title"
    date: ClassVar[str | None] = "div.DetailTitle span.Date"
    body: ClassVar[str] = "div.DetailContent"
