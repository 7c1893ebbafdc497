"""Liferay Portal (6.2 / 7) department sites: portlets on friendly-URL pages.

Every Liferay page is a theme (`#banner`, `#navigation`, `.breadcrumb`, `#column-1`,
`#column-2`, `#footer`) around portlets, each in a `div.portlet-boundary` whose id is
`p_p_id_<portletId>_`; a portlet's own URLs are either friendly routes after `/-/`
(`/-/asset_publisher/<instance>/content/<url-title>`, a vendor's `/-/view-article/...`) or
query strings naming it (`?p_p_id=<portletId>&p_p_lifecycle=0&..._<portletId>_cur=2`).

Department sites show articles with one of two kinds of portlet, and the defaults read
both (the URL shapes are seen on sokhcn.quangtri.gov.vn and skhcn.haugiang.gov.vn, the class
names are Liferay's own for the first kind and assumed for the second):

- Liferay's own Asset Publisher (`101_INSTANCE_<id>`): the listing is `div.asset-abstract`
  entries with `span.metadata-publish-date`, paged by the search container's page iterator
  (`_cur=N`, page 1 also as `_cur=1`); the full view prints `h1.header-title` in
  `div.taglib-header`, then `div.asset-full-content` with the metadata line and the web
  content in `div.journal-content-article`; its links carry `?redirect=<listing>` and its
  print view is `?p_p_state=pop_up&..._viewMode=print` (both stored as the bare URL);
- a Vietnamese vendor's news portlets (`<name>_WAR_<vendor>portlet`): a `div.list-news` of
  `div.news-item` entries and a `div.news-detail` whose date line (`div.news-date`) sits
  before or after the `h1.title`, then the same `div.journal-content-article`.

Seen where: the page `<title>` is the page's name ("Chi tiết tin - Sở ...", "Chi tiet tin
tức - Sở Khoa học công nghệ"), never the headline; `<link rel="canonical">` names the
article (Liferay 7) or only the page (6.2: "/chi-tiet" for every article, which the base
ignores because it is no article URL); the banner prints today's date; the right column
holds "Tin mới nhất" (with dates, in the same `metadata-publish-date` spans), web content
portlets (hotline, footer: more `journal-content-article` divs, hence the scoped body
selector) and the counters. Attachments are document library links,
`/documents/<group>/<folder>/<File.pdf>/<uuid>`: the file name is the second-to-last
segment, so `parse_article` adds them here (the base only recognizes a name in the last
segment).
"""

from __future__ import annotations

from typing import ClassVar

from crawlers.platforms.base import NewsSpider


class LiferaySpider(NewsSpider):
    platform: ClassVar[str] = "liferay"
    listing_item: ClassVar[str] = "div.asset-abstract, div.list-news div.news-item"
    listing_link: ClassVar[str] = "h3 a::attr(href)"
    listing_date: ClassVar[str | None] = "span.metadata-publish-date, div.news-date"
    pagination: ClassVar[str] = (
        "div.taglib-page-iterator a::attr(href), div.pagination a::attr(href)"
    )
    article_url: ClassVar[str | None] = r"/-/[\w-]+/"
    title: ClassVar[str] = "div.taglib-header h1.header-title, div.news-detail h1.title"
    date: ClassVar[str | None] = (
        "div.asset-full-content > div.asset-metadata span.metadata-publish-date, "
        "div.news-detail > div.news-date"
    )
    body: ClassVar[str] = (
        "div.asset-full-content div.asset-content > div.journal-content-article, "
        "div.news-detail > div.journal-content-article"
    )
    # The Asset Publisher's links carry ?redirect=..., its print view ?p_p_state=pop_up&...
    url_rewrites: ClassVar[list[tuple[str, str]]] = [
        (r"^([^?#]*/-/asset_publisher/\w+/content/[^?#]+)\?.*$", r"\1"),
    ]
