"""Joomla-style PHP CMSs: a category blog listing, one `item-page` per article.

Seen on haiduongdost.gov.vn (sites.json): Joomla-like routes with a timestamp category alias,
`/2016-04-15-01-16-33/<issue>/article/<slug>/<id>` and the short `/article/<slug>/<id>`,
later `/<category>/<issue>/<slug>-<id>.html`; slugs lose their Vietnamese vowels ("khoa-hac",
"cang-ngha"); the category name and a MySQL datetime share one line. The other sources of
this family have their own routes (`/index.php/news/<id>?fx=<n>`, Zend-style
`/home/<section>/type/detail/id/<id>`) and are rendered in the same Joomla 3 markup; their
page structure is assumed (see each spider).

What is where:

- listing: the category blog `div.blog`; each entry is an `itemprop="blogPost"` block with
  its headline link (`itemprop="url"`), an intro, and on some sites the date
  (`dd.published`); a "Tin nổi bật" newsflash module at the top of the first page repeats
  one of the list's articles in the same markup, without a date (the base keeps the dated
  entry); share links may carry `utm_*` parameters; the pager is `div.pagination`
  (`/page-N`, `?start=N`, `/page/N`, `&page=N`);
- article: `div.item-page`: headline `h2[itemprop=headline]`, `dl.article-info` with
  `dd.category-name`, `dd.published` (label + date, as the site's date format prints it) and
  `dd.hits`; the body `div[itemprop=articleBody]`; the Attachments extension's
  `div.attachmentsContainer` below it; "Tin khác" (other articles, with their dates) after
  the item; the header prints the visit date, the right column the counters;
- print view: the same article at `<url>?tmpl=component&print=1` (`&` when the URL already
  has a query), stored under the article's URL.
"""

from __future__ import annotations

from typing import ClassVar

from crawlers.platforms.base import NewsSpider


class JoomlaSpider(NewsSpider):
    platform: ClassVar[str] = "joomla"
    listing_item: ClassVar[str] = "[itemprop=blogPost]"
    listing_link: ClassVar[str] = "a[itemprop=url]::attr(href)"
    listing_date: ClassVar[str | None] = "dd.published"
    pagination: ClassVar[str] = "div.pagination a::attr(href)"
    # Joomla's own routes: SEF `/<category>/<id>-<alias>[.html]`, or the raw query string.
    article_url: ClassVar[str | None] = (
        r"/\d+-[\w-]+(?:\.html)?$|[?&]option=com_content&view=article&id=\d+"
    )
    title: ClassVar[str] = "div.item-page [itemprop=headline]"
    date: ClassVar[str | None] = "div.item-page dd.published"
    body: ClassVar[str] = "div.item-page [itemprop=articleBody]"
    attachments: ClassVar[str | None] = "div.item-page div.attachmentsContainer"
    url_rewrites: ClassVar[list[tuple[str, str]]] = [
        (r"[?&]tmpl=component&print=1$", ""),
    ]
