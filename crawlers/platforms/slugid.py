"""Slug-and-id portals: `/<category>/chitiet/<id>/<slug>` articles, `?page=N` listings.

Seen on skhcn.kiengiang.gov.vn, built on a template made for hospitals (its menus read
"Dành cho bệnh nhân"). The headline carries the font-size tools ("A A") inside it; the date
is a bare `dd/mm/yyyy` line under the headline; the byline closes the body.
"""

from __future__ import annotations

from typing import ClassVar

from crawlers.platforms.base import NewsSpider


class SlugIdSpider(NewsSpider):
    platform: ClassVar[str] = "slug-id"
    listing_item: ClassVar[str] = "div.list-tin div.media"
    listing_link: ClassVar[str] = "h4 a::attr(href)"
    pagination: ClassVar[str] = "ul.pagination a::attr(href)"
    article_url: ClassVar[str | None] = r"/chitiet/\d+/"
    title: ClassVar[str] = "div.chitiet-tin h3.tieude"
    date: ClassVar[str | None] = "div.chitiet-tin div.ngaydang"
    body: ClassVar[str] = "div.chitiet-tin div.noidung"
