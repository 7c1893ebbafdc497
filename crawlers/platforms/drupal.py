"""Drupal department sites (Drupal 7 and Drupal 8/9/10 themes), news as `article` nodes.

URL shapes: an article is node `/node/<nid>`, published under its pathauto alias (`/<slug>`,
`/content/<slug>`, `/<section>/<category>/<slug>`); print modules add another route for the
same node (`/print/<nid>`, `/bm/print/<nid>`), and a multilingual site answers the same
pages under a language prefix (`/en/...`, often unaliased: `/en/taxonomy/term/<tid>`). A
listing is a view page or a taxonomy term page (`/taxonomy/term/<tid>` or its alias) with a
zero-based pager: `?page=1` is the SECOND page; Drupal 8+ pagers link query-only hrefs
(`?page=0` for the first page, one more URL for page 1), Drupal 7 pagers full paths.

Markup (both generations, class names as core and the Bootstrap themes print them):
- listing: `div.view-content div.views-row` in the content region (side blocks are views
  with the same rows), each with `views-field-title` (the link), `views-field-created`
  (the date, when shown) and a trimmed `views-field-body`;
- pager: Drupal 7 `ul.pager` (`« đầu ‹ trước 1 2 3 sau › cuối »`), Drupal 8+
  `nav.pager ul.pager__items`;
- article: the headline in `h1.page-header` (outside the node), the date in the node's meta
  (`.node__meta .field--name-created`, Drupal 7 `div.submitted`: "Gửi bởi admin vào ...";
  some themes print it above the headline), the body in `field--name-body` (Drupal 7
  `field-name-body`), attached files in a `field--type-file` field after it;
- around it: "Skip to main content", the header's date of the visit, breadcrumbs, menus,
  a "Tin khác" view with other nodes' dates (Drupal 7 `span.date-display-single`), side
  blocks (newest articles with dates, links, visitor counters), a long footer.

Every route of a node prints `<link rel="canonical">` to its alias, so the base spider
(`canonical_link`) stores the article under that URL whichever route reached it (a print
link on a listing, `/node/<nid>`, a second host name). `url_rewrites` still map print
routes to `/node/<nid>` before the request (robots.txt may forbid the print route).
"""

from __future__ import annotations

from typing import ClassVar

from crawlers.platforms.base import NewsSpider


class DrupalSpider(NewsSpider):
    platform: ClassVar[str] = "drupal"
    listing_item: ClassVar[str] = "div.region-content div.view-content div.views-row"
    listing_link: ClassVar[str] = "div.views-field-title a::attr(href)"
    listing_date: ClassVar[str | None] = "div.views-field-created"
    pagination: ClassVar[str] = "ul.pager a::attr(href), ul.pager__items a::attr(href)"
    title: ClassVar[str] = "h1.page-header"
    date: ClassVar[str | None] = "div.node__meta .field--name-created, div.submitted"
    body: ClassVar[str] = "div.field--name-body, div.field-name-body"
    attachments: ClassVar[str | None] = "div.field--type-file, div.field-type-file"
