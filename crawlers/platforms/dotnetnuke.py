"""DotNetNuke (DNN) department sites: ASP.NET WebForms portals built of tabs and modules.

Every page is a tab, `Default.aspx?tabid=<n>`; a module's own views add `ctl=<control>&
mid=<module id>` and their keys: a news module's article is `Default.aspx?tabid=<n>&ctl=
ViewDetail&mid=<m>&ItemID=<id>`, its listing pages `Default.aspx?tabid=<n>&CurrentPage=<p>`.
DNN prints the same URL in its "friendly" form too, `/tabid/<n>/ctl/ViewDetail/mid/<m>/
ItemID/<id>/Default.aspx` (links built by NavigateURL: later listing pages, "Các tin khác"),
and a print view adds `&dnnprintmode=true&SkinSrc=...&ContainerSrc=...`: all three are one
article, stored under the query form (`canonical`).

Markup (DNN's own ids and panes; the news module's classes and date format are assumed:
of the one DNN department site known, sokhcn.cantho.gov.vn, only a history page was seen):
the skin is a form (`__VIEWSTATE`) around panes (`dnn_LeftPane`, `dnn_ContentPane`,
`dnn_RightPane`), each module in `div.DnnModule-<mid>` with ids `dnn_ctr<mid>_...`. The
header prints today's date (`dnn_dnnCURRENTDATE_lblDate`) and "Đăng ký" / "Đăng nhập"; the
right pane "Tin mới" (with dates) and a visitor counter printed one digit a line. The news
module lists `div.tt-item` entries (title link, "(dd/mm/yyyy)"), shows the article in
`div.tt-detail`: `h1.tt-detail-title`, "Ngày cập nhật: 27/06/2019 8:07:41 SA" (.NET's vi-VN
date and 12-hour time with SA/CH), tools, the body `div.tt-detail-content` (byline and
"File đính kèm:" links to `/Portals/0/...` at its end), then "Các tin khác" with dates.
"""

from __future__ import annotations

import re
from typing import ClassVar
from urllib.parse import urlsplit, urlunsplit

from crawlers.platforms.base import NewsSpider

# /tabid/122/ctl/ViewDetail/mid/519/ItemID/1523/Default.aspx: key/value pairs in the path.
_FRIENDLY = re.compile(
    r"^(?P<prefix>.*?)/tabid/(?P<pairs>\d+(?:/[^/]+/[^/]+)*)/Default\.aspx$", re.I
)


def dnn_query_form(url: str) -> str:
    """A DNN friendly URL in its query form (`/Default.aspx?tabid=..&key=value`); other URLs
    unchanged. Keys and values keep their case and order."""
    parts = urlsplit(url)
    match = _FRIENDLY.match(parts.path)
    if not match:
        return url
    words = ["tabid", *match["pairs"].split("/")]
    pairs = [f"{words[i]}={words[i + 1]}" for i in range(0, len(words) - 1, 2)]
    query = "&".join(pairs + ([parts.query] if parts.query else []))
    return urlunsplit((parts.scheme, parts.netloc, f"{match['prefix']}/Default.aspx", query, ""))


class DotNetNukeSpider(NewsSpider):
    platform: ClassVar[str] = "dotnetnuke"
    listing_item: ClassVar[str] = "div.tt-list div.tt-item"
    listing_link: ClassVar[str] = "a.tt-title::attr(href)"
    listing_date: ClassVar[str | None] = "span.tt-date"
    pagination: ClassVar[str] = "div.tt-pager a::attr(href)"
    article_url: ClassVar[str | None] = r"[?&]ctl=ViewDetail&mid=\d+&ItemID=\d+$"
    title: ClassVar[str] = "div.tt-detail h1.tt-detail-title"
    date: ClassVar[str | None] = "div.tt-detail span.tt-detail-date"
    body: ClassVar[str] = "div.tt-detail div.tt-detail-content"
    # The print view: the same module control, rendered without skin and container.
    url_rewrites: ClassVar[list[tuple[str, str]]] = [
        (r"&(?:dnnprintmode|SkinSrc|ContainerSrc)=[^&]*", ""),
    ]

    @classmethod
    def canonical(cls, url: str) -> str:
        return super().canonical(dnn_query_form(url))
