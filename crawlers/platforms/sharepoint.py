"""Microsoft SharePoint (2010/2013) department sites: publishing pages and list items.

Many provinces built their portals, and their departments' sub-sites, on SharePoint
(skhcn.hanam.gov.vn, dost-dongnai.gov.vn, sokhcn.vinhphuc.gov.vn, the Quảng Ngãi portal's
`/vi/sokhcn/` sub-site). Two shapes of article, one master page:

- **publishing pages** (`SharePointSpider`): an article is a page of a `Pages` library,
  `/Pages/<slug>.aspx` (the slug is the title with every space and punctuation mark turned
  into "-", so "khoa học - công nghệ" gives `khoa-hoc---cong-nghe`), or a custom news web
  part behind a query (`ChiTietTinTuc.aspx?IDTinTuc=<id>`), or a portal's rewritten URL
  (`qnp-<slug>-qnpnd-<id>-qnpnc-<cat>-qnpsite-<site>.html`). Listings are news web parts
  (`Pages/NewsGroups.aspx?cid=<GUID>`, `&Page=N`). The page layout is SharePoint's
  "ArticleLeft": the headline in `div.article-title`, the `ArticleStartDate` field in
  `div.date-line`, an optional page image with its caption (`div.captioned-image`, outside
  the body), the `ArticleByLine` field in `div.by-line` (often empty: the byline then closes
  the body), the body in the rich-text field `div.article-content div.ms-rtestate-field`;
- **list items** (`SharePointListSpider`): an article is an item of a custom list shown by a
  display form, `/<sub-site>/Lists/<List>/View_Detail.aspx?ItemID=<n>`: a
  `table.ms-formtable` of label/value rows ("Tiêu đề", "Ngày đăng", "Nội dung") whose rich
  text sits in a `div.ExternalClass<GUID>`, attachments in `table#idAttachmentsTable`
  (`Lists/<List>/Attachments/<ItemID>/<file>`). Listings are list views
  (`table.ms-listviewtable`, a "Ngày đăng" column, a "Tiếp" paging link).

What is seen where: every page opens with the ribbon's accessibility links ("Turn on more
accessible mode", "Skip Ribbon Commands", "Skip to main content"), the portal header prints
the visit date ("Thứ Năm, ngày 19/11/2026"), side columns carry menus and counters, and
articles end with "Tin khác" lists whose entries print their own dates. Vietnamese SharePoint
prints times as "10:25 SA"/"2:05 CH" (AM/PM), which the date normalizer reads. Text pasted
from Word keeps its `<span>` runs: where the source had no space between two runs the words
stay run together, as the browser shows them.
"""

from __future__ import annotations

from typing import ClassVar

from crawlers.platforms.base import NewsSpider


class SharePointSpider(NewsSpider):
    """Publishing pages (`/Pages/<slug>.aspx`) listed by a news web part."""

    platform: ClassVar[str] = "sharepoint"
    listing_item: ClassVar[str] = "div.news-groups div.news-item"
    listing_link: ClassVar[str] = "a.news-title::attr(href)"
    listing_date: ClassVar[str | None] = "span.news-date"
    pagination: ClassVar[str] = "div.news-paging a::attr(href)"
    article_url: ClassVar[str | None] = r"/Pages/(?!(?:[Dd]efault|NewsGroups)\.aspx)[^/?]+\.aspx$"
    title: ClassVar[str] = "div.article div.article-title h1"
    date: ClassVar[str | None] = "div.article div.article-header div.date-line"
    body: ClassVar[str] = "div.article div.article-content div.ms-rtestate-field"
    byline: ClassVar[str | None] = None
    attachments: ClassVar[str | None] = "div.article div.article-attachments"


class SharePointListSpider(SharePointSpider):
    """Items of a custom list (`Lists/<List>/View_Detail.aspx?ItemID=<n>`) in a list view."""

    listing_item: ClassVar[str] = "table.ms-listviewtable tr.ms-itmhover"
    listing_link: ClassVar[str] = "td.ms-vb-title a::attr(href)"
    listing_date: ClassVar[str | None] = "td.ms-vb2"
    pagination: ClassVar[str] = "table.ms-bottompaging td.ms-paging a::attr(href)"
    article_url: ClassVar[str | None] = r"/Lists/[^/]+/View_Detail\.aspx\?ItemID=\d+$"
    title: ClassVar[str] = (
        "xpath://table[contains(@class,'ms-formtable')]"
        "//tr[.//a[@name='SPBookmark_Title']]/td[contains(@class,'ms-formbody')]"
    )
    date: ClassVar[str | None] = (
        "xpath://table[contains(@class,'ms-formtable')]"
        "//tr[.//a[@name='SPBookmark_NgayDang']]/td[contains(@class,'ms-formbody')]"
    )
    body: ClassVar[str] = (
        "xpath://table[contains(@class,'ms-formtable')]//tr[.//a[@name='SPBookmark_NoiDung']]"
        "/td[contains(@class,'ms-formbody')]/div[starts-with(@class,'ExternalClass')]"
    )
    attachments: ClassVar[str | None] = "table.ms-formtable table#idAttachmentsTable"
