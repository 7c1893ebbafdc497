"""Slug-and-id portals: the CMS most provincial departments' newer sites are built on.

One CMS family, many route tables: an article's URL is its title slug, most often followed
by a numeric id, under a category path the site chose; a listing is a category path with
`?page=N` or `/trang-N.html` for its next pages. Seen in public pages:

- `/tin-tuc/<slug>-<6-digit id>` (skhcn.laocai.gov.vn);
- `/tin-tuc-su-kien/<slug>-<id>[/]`, two id ranges, the older with a trailing slash
  (dosttn.gov.vn);
- `/<slug>-n<id>` (sokhoahoccongnghe.phutho.gov.vn);
- `/<slug>` without an id (sokhcn.ninhbinh.gov.vn; skhcn.hatinh.gov.vn's new generation,
  whose old `/khcn/portal/read/<cat>/news/<slug>.html` pages still answer);
- `/tin-tuc/<cat>/<slug>-<id>.html` with `/trang-N.html` listings (other Tuyên Quang
  departments).

The default `article_url` accepts the slug-id shapes; a site whose articles carry no id sets
its own (or None). The markup is the same everywhere:

- header: the visit date ("Thứ Sáu, ngày 20/11/2026", today, not an article's), sometimes a
  weather line ("Lào Cai 28° - 29°") or a "Website đang chạy thử nghiệm" banner;
- listing: `div.list-news div.news-item`, title in `h3.news-title`, date in `span.news-date`
  (on some sites the only date an article gets); page 1 opens with a `div.news-featured`
  box linking the newest article again, without a date; `div.paging` pager;
- article: `div.news-detail` with `h1.news-detail-title`, then a meta line holding the date
  (`span.news-detail-date`, in the site's own format: "Ngày đăng: 04/02/2020 | 20:10",
  "Cập nhật lúc 20:10, Thứ Ba, 04/02/2020 (GMT+7)", "19/6/2021, 9:7 (GMT+7)"...), the view
  count, font tools and share buttons; an optional bold lead (`div.news-detail-sapo`,
  which is the body's first paragraph), the body (`div.news-detail-content`), the byline
  either as the body's last right-aligned paragraphs or in `div.news-detail-author`, and
  attachments in `div.news-detail-attach`;
- around it: "Tin liên quan" and the sidebar's "Tin mới nhất" with OTHER articles' dates,
  a visitor counter, a footer with the department's address.

skhcn.kiengiang.gov.vn (`/<category>/chitiet/<id>/<slug>` on a hospital template) is a
slug-id site with other markup: its spider carries its own selectors.
"""

from __future__ import annotations

from typing import ClassVar

from crawlers.platforms.base import NewsSpider


class SlugIdSpider(NewsSpider):
    platform: ClassVar[str] = "slug-id"
    # The featured box repeats the newest article without a date; the base keeps the
    # entry that prints one.
    listing_item: ClassVar[str] = "div.news-featured, div.list-news div.news-item"
    listing_link: ClassVar[str] = "h3 a::attr(href)"
    listing_date: ClassVar[str | None] = "span.news-date"
    pagination: ClassVar[str] = "div.paging a::attr(href)"
    # <slug>-<id>, <slug>-n<id>, with .html or a trailing slash; never a /trang-N.html page.
    article_url: ClassVar[str | None] = r"/(?!trang-\d+\.html)[^/?#]+-n?\d+(?:\.html?)?/?$"
    title: ClassVar[str] = "div.news-detail h1.news-detail-title"
    date: ClassVar[str | None] = "div.news-detail span.news-detail-date"
    body: ClassVar[str] = (
        "div.news-detail div.news-detail-sapo, div.news-detail div.news-detail-content"
    )
    byline: ClassVar[str | None] = "div.news-detail div.news-detail-author"
    attachments: ClassVar[str | None] = "div.news-detail div.news-detail-attach"
