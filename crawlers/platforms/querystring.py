"""Custom query-string portals: one script, the page and the item chosen by parameters.

Seen in public pages (sites.json): skhcn.thanhhoa.gov.vn (`/?portalid=admin&selectpageid=
page.chitiet&n_g_manager=<id>`, an ASP.NET print view `/portal/pages/print.aspx?p=<id>`, the
date in parentheses right after the headline), dost.danang.gov.vn (`/chi-tiet-tin-tuc?
dinhdanh=<id>&cat=<id>`, a line "Người đăng tin: <account> Ngày đăng tin: dd/mm/yyyy Lượt
xem: N" whose poster may be a placeholder such as "Test Test") and sokhcn.soctrang.gov.vn
(the province's multi-site ASP.NET platform: `Default.aspx?sname=&sid=&pageid=&catid=&
catname=`, articles with `&newsid=`). Listing and pager parameters, where not seen, are
assumed per source.

The pages are old table layouts (left menu, content, right column with counters, a digit
per line on some), rendered here in one markup:

- listing: `div.list-news`, each entry a `div.news-item` with its headline link
  `a.news-link` and, where the site prints one, `span.news-date`; a "Tin nổi bật" box before
  the list repeats an entry in the same markup without a date (the base keeps the dated
  entry); the pager `div.paging` mixes real links with ASP.NET `javascript:__doPostBack`
  ones (skipped by the base);
- article: `div.news-detail`: headline `.news-title`; the date in `span.news-date`
  ("(dd/mm/yyyy)" after the headline, "Tin đăng ngày: ..."), or inside a poster line
  `div.news-info` (a source then selects that line); the body `div.news-content` ends with
  the byline and the attached files ("File đính kèm:"); "Các tin khác" with their dates
  follows.
"""

from __future__ import annotations

from typing import ClassVar

from crawlers.platforms.base import NewsSpider


class QueryStringSpider(NewsSpider):
    platform: ClassVar[str] = "querystring"
    listing_item: ClassVar[str] = "div.news-item"
    listing_link: ClassVar[str] = "a.news-link::attr(href)"
    listing_date: ClassVar[str | None] = "span.news-date"
    pagination: ClassVar[str] = "div.paging a::attr(href)"
    # An article is named by a numeric id parameter; each source says which one.
    article_url: ClassVar[str | None] = r"[?&](?:newsid|news_id|id|ID)=\d+"
    title: ClassVar[str] = "div.news-detail .news-title"
    date: ClassVar[str | None] = "div.news-detail span.news-date"
    body: ClassVar[str] = "div.news-detail div.news-content"
