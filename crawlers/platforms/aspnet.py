"""ASP.NET WebForms/MVC department sites: three CMSs of one family.

All run on IIS and ASP.NET; they differ in routes and markup, so each has a base here.

`AspNetSpider`: ASP.NET MVC news sites (Razor layout, `/bundles/...` scripts, PagedList
pager `ul.pagination` with `?page=N`). Seen on khcnbinhduong.gov.vn (articles at
`/New/<slug>-<id>`) and sokhcn.baria-vungtau.gov.vn (`/ManagementNews/DetailNew/<id>?page=
<listing page>`: the detail link carries the listing page it came from, so one article has
one URL per listing page that links it; that source's `url_rewrites` drop the parameter).
A listing page opens with the site's newest article in a "hot" box (on every page), then
the entries, each with a thumbnail, the headline, often the date and a sapo. The article
page prints the headline in `h1.news-detail-title`, the date (where the site shows one) in
`span.news-detail-date` beside the font tools, the body in `div.news-detail-content`, then
the author box, the "File đính kèm" list, share links and "Tin khác" with other dates; the
side column has "Tin mới" (with dates) and the visitor counter.

`VnptPortalSpider`: the VNPT portal (WebForms, `__VIEWSTATE`, `WebResource.axd`), seen on
skhcndienbien.gov.vn (also answering as skhcn.dienbien.gov.vn): articles at
`/portal/pages/<yyyy-m-d>/<Slug><random>.aspx`, channels at `/portal/KenhTin/<Name>.aspx`
with `?Page=N`. The article prints its date in `span.PostDate`, the lead in
`div.ArticleSummary`, the text in `div.ArticleContent` ending with the byline (often a
unit); below it the rating ("Đánh giá:", "lượt đánh giá: , trung bình:" running into the
"Tin liên quan" list with dates) and the comment form ("Mã xác thực không đúng.").

`AspNetHtmlSpider`: a custom WebForms CMS with `.html` routes, seen on skhcn.kontum.gov.vn
and other Kon Tum departments: articles at `/<category>/<slug cut at 100 chars>.html`, the
same article at `PrintNews.aspx?id=<id>`; the breadcrumb line ends with the date
"(dd-mm-yyyy)". The article page names its own URL (`<link rel="canonical">`), which is how
a print view is stored under the article's URL (see `canonical_link`).

Bến Tre (dost-bentre.gov.vn) runs a fourth, routed WebForms CMS; its selectors live in its
spider.
"""

from __future__ import annotations

from typing import ClassVar

from crawlers.platforms.base import NewsSpider


class AspNetSpider(NewsSpider):
    platform: ClassVar[str] = "aspnet"
    listing_item: ClassVar[str] = "div.news-hot, div.news-list div.news-item"
    listing_link: ClassVar[str] = "a.news-title::attr(href)"
    listing_date: ClassVar[str | None] = "span.news-date"
    pagination: ClassVar[str] = "ul.pagination a::attr(href)"
    title: ClassVar[str] = "div.news-detail h1.news-detail-title"
    date: ClassVar[str | None] = "div.news-detail span.news-detail-date"
    body: ClassVar[str] = "div.news-detail div.news-detail-content"
    attachments: ClassVar[str | None] = "div.news-detail div.news-detail-files"
    # Where a page states its own URL (a print view naming its article); None: not read.
    canonical_link: ClassVar[str | None] = None


class VnptPortalSpider(AspNetSpider):
    listing_item: ClassVar[str] = "div.CategoryNews div.NewsItem"
    listing_link: ClassVar[str] = "a.NewsTitle::attr(href)"
    listing_date: ClassVar[str | None] = "span.NewsDate"
    pagination: ClassVar[str] = "div.PagerControl a::attr(href)"
    article_url: ClassVar[str | None] = r"(?i)/portal/pages/\d{4}-\d{1,2}-\d{1,2}/[^/?]+\.aspx$"
    title: ClassVar[str] = "div.ArticleDetail h1.ArticleTitle"
    date: ClassVar[str | None] = "div.ArticleDetail div.ArticleInfo span.PostDate"
    body: ClassVar[str] = (
        "div.ArticleDetail div.ArticleSummary, div.ArticleDetail div.ArticleContent"
    )
    attachments: ClassVar[str | None] = "div.ArticleDetail div.ArticleAttach"


class AspNetHtmlSpider(AspNetSpider):
    listing_item: ClassVar[str] = "div.tin-tuc-list div.tin-item"
    listing_link: ClassVar[str] = "a.tieu-de::attr(href)"
    listing_date: ClassVar[str | None] = "span.ngay"
    pagination: ClassVar[str] = "div.phan-trang a::attr(href)"
    # `/<category>/<slug>.html`; not `PrintNews.aspx`, not a listing's `/trang-N.html`.
    article_url: ClassVar[str | None] = (
        r"^https?://[^/]+/[a-z0-9-]+/(?!trang-\d+\.html$)[^/?]+\.html$"
    )
    title: ClassVar[str] = "div.chi-tiet-tin h1.tieu-de-tin"
    date: ClassVar[str | None] = "div.duong-dan span.ngay-dang"
    body: ClassVar[str] = "div.chi-tiet-tin div.noi-dung-tin"
    attachments: ClassVar[str | None] = "div.chi-tiet-tin div.file-dinh-kem"
    canonical_link: ClassVar[str | None] = "link[rel=canonical]::attr(href)"
