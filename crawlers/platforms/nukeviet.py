"""NukeViet 4 (the Vietnamese open-source CMS), module `news`.

URLs are query strings: `index.php?language=vi&nv=news&op=<Category>` for a category,
`.../page-N` for its pages, `op=<Category>/<Title-Slug>-<id>` for an article and
`op=savefile/...` for its download view. The default theme prints the article in
`div.news_column`, the body in `#news-bodyhtml`, the author field below it; the listing
prints each entry's time and view count.
"""

from __future__ import annotations

from typing import ClassVar

from crawlers.platforms.base import NewsSpider


class NukeVietSpider(NewsSpider):
    platform: ClassVar[str] = "nukeviet"
    listing_item: ClassVar[str] = "div.news_column div.panel-body"
    listing_link: ClassVar[str] = "h3 a::attr(href)"
    listing_date: ClassVar[str | None] = "div.text-muted li:first-child"
    pagination: ClassVar[str] = "ul.pagination a::attr(href)"
    article_url: ClassVar[str | None] = r"nv=news&op=(?!savefile/)[^&]+/[^/&]+-\d+$"
    title: ClassVar[str] = "div.news_column h1.title"
    date: ClassVar[str | None] = "div.news_column span.h-date"
    body: ClassVar[str] = "#news-bodyhtml"
    byline: ClassVar[str | None] = "div.news_column p.author"
