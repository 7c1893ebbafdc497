"""WordPress department sites (themes built on the `_s`/Twenty* markup), news as posts.

URL shapes: pretty permalinks `/<slug>/` (or `/<yyyy>/<mm>/<slug>/`), always printed as
absolute URLs; a category at `/category/<cat>/` (child categories `/category/<parent>/
<cat>/`) and its pages at `/category/<cat>/page/<n>/` (n ≥ 2, one-based); `/?p=<id>` is the
shortlink. A source whose site only looks like a blog (`/blogs/news/<slug>`, `?page=N`)
keeps the markup and declares its own URL patterns.

Markup:
- listing: `main article.post` entries, `h2.entry-title a` the permalink, the date (when
  the theme shows it) in `div.entry-meta time.entry-date.published`, a trimmed
  `div.entry-summary` ending "[…]";
- pager: `nav.pagination div.nav-links a.page-numbers` ("Trang sau", "…" gaps), older
  themes `div.nav-previous`/`div.nav-next` ("Bài cũ hơn");
- article: `h1.entry-title`, the date in `header.entry-header time.published` (its
  `time.updated` sibling is the last edit, not the publication), the body in
  `div.entry-content` (classic editor paragraphs and `wp-caption` images, or block-editor
  `wp-block-*` figures), attached files as links in the body after a "Tệp đính kèm" line;
- around it: "Bỏ qua nội dung" skip link, the header's date of the visit, menus, post
  navigation ("Bài trước", "Bài tiếp theo"), related posts with their dates, a comment
  form, sidebar widgets (newest posts with dates, archives by month, a calendar), footer.

Some themes print no date at all (Lai Châu): such a page has no date to find, and the
generic fallback finds none either, since the header, the widgets and the related posts are
chrome it never reads.
"""

from __future__ import annotations

from typing import ClassVar

from crawlers.platforms.base import NewsSpider


class WordPressSpider(NewsSpider):
    platform: ClassVar[str] = "wordpress"
    listing_item: ClassVar[str] = "main article.post"
    listing_link: ClassVar[str] = "h2.entry-title a::attr(href)"
    listing_date: ClassVar[str | None] = "div.entry-meta time.published"
    pagination: ClassVar[str] = (
        "nav.pagination a.page-numbers::attr(href), nav.posts-navigation a::attr(href)"
    )
    title: ClassVar[str] = "h1.entry-title"
    date: ClassVar[str | None] = "header.entry-header time.published"
    body: ClassVar[str] = "div.entry-content"
