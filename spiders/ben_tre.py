from crawlers.platforms.aspnet import AspNetSpider


class BenTreSpider(AspNetSpider):
    """
    Department:
        Sở Khoa học và Công nghệ tỉnh Bến Tre (Department of Science and Technology of
        Bến Tre province, merged into Vĩnh Long on 2025-07-01).
    Website:
        http://dost-bentre.gov.vn, news section "Tin hoạt động Sở".
    Platform:
        aspnet: routed ASP.NET WebForms (`/tin-tuc/<id>/<slug>`,
        `/chuyen-muc/<cat>/<slug>/<page>`), a CMS of its own in the family: its selectors are
        set here, not taken from the platform's MVC defaults.
    Evidence:
        seen in public pages: the host and both URL shapes (sites.json, seeds 000 and 003).
        The category id and slug of "Tin hoạt động Sở" are assumed.
    Notes:
        Legacy: the archive of a former province's department. Article pages print no date;
        the listing prints one per entry. Image tables leave captions in the body.
    """

    name = "ben_tre"
    department = "Sở Khoa học và Công nghệ tỉnh Bến Tre"
    province = "ben-tre"
    homepage = "http://dost-bentre.gov.vn/"
    legacy = True
    evidence = "seen in public pages (host, URL shapes); category id assumed"
    start_urls = ["http://dost-bentre.gov.vn/chuyen-muc/57/tin-hoat-dong-cua-so"]
    listing_item = "div.list-news div.item-news"
    listing_link = "h3 a::attr(href)"
    listing_date = "span.date"
    pagination = "div.pager a::attr(href)"
    article_url = r"/tin-tuc/\d+/|NoiDung\.aspx\?tintuc=\d+"
    title = "h1.title-detail"
    date = "div.news-detail span.date"
    body = "div.content-detail"
    attachments = None
