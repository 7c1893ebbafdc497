"""Slug-id portals: provincial department sites whose articles live at `<section>/<slug>-<id>.html`
(or a bare `<section>/<slug>`), built by local vendors on one page pattern.

Seen on sokhcn.tayninh.gov.vn (`/thong-tin-cong-khai/<slug>-<id>.html`); the same shape of
site is assumed for the other sources on this module (see each spider's Evidence). The mirror's
template is `crawlers/mirror/templates/slugid_portal/` ("portal" layout):

- listing: `div.news-list div.news-item`, the headline in `h3.news-item-title`, the date (where
  the site prints one) in `span.news-item-date`, the pager `div.paging` ("Đầu « 1 2 3 » Cuối");
  page N is a query (`?page=N`, `?p=N`) or a path (`/trang-N`) depending on the site;
- article: `div.news-detail` holds `h1.news-title`, `div.news-meta` (date, "Lượt xem: 812",
  "A- A+ In"), an optional bold lead `div.news-sapo`, the body `div.news-content`, an optional
  author field `div.news-author` ("Tác giả: ..."; empty on some pages), attachments in
  `div.news-attach`, then "Tin khác" with other articles' dates;
- the right column repeats dates in the same `span.news-date` markup ("Tin mới nhất", and on
  some sites the "Các tin đã đưa ngày:" archive box), so every selector is scoped to
  `div.news-detail`;
- each article page links a print view, `<article URL>?print=1`: stored under the article URL.

Dates are printed in each site's own style (weekday first, time first, words...); parsing them
is the normalizer's job. This class holds every selector itself, so changes to the defaults of
`SlugIdSpider` (the kien_giang markup) do not reach these sources.
"""

from __future__ import annotations

from typing import ClassVar

from crawlers.platforms.slugid import SlugIdSpider


class SlugIdPortalSpider(SlugIdSpider):
    platform: ClassVar[str] = "slug-id"
    listing_item: ClassVar[str] = "div.news-list div.news-item"
    listing_link: ClassVar[str] = "h3.news-item-title a::attr(href)"
    listing_date: ClassVar[str | None] = "span.news-item-date"
    pagination: ClassVar[str] = "div.paging a::attr(href)"
    article_url: ClassVar[str | None] = r"/[a-z0-9-]+/[a-z0-9-]+-\d+\.html$"
    title: ClassVar[str] = "div.news-detail h1.news-title"
    date: ClassVar[str | None] = "div.news-detail div.news-meta span.news-date"
    body: ClassVar[str] = "div.news-detail div.news-sapo, div.news-detail div.news-content"
    byline: ClassVar[str | None] = "div.news-detail div.news-author"
    attachments: ClassVar[str | None] = "div.news-detail div.news-attach"
    host_aliases: ClassVar[dict[str, str]] = {}
    url_rewrites: ClassVar[list[tuple[str, str]]] = [(r"\?print=1$", "")]
