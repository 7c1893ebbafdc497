from crawlers.platforms.sharepoint import SharePointSpider


class BacLieuSpider(SharePointSpider):
    """
    Department:
        Sở Khoa học và Công nghệ tỉnh Bạc Liêu (Department of Science and Technology of
        Bạc Liêu province, merged into Cà Mau on 2025-07-01).
    Website:
        http://skhcn.baclieu.gov.vn, section "Tin tức - Sự kiện".
    Platform:
        sharepoint: SharePoint-like ASP.NET site where every page is a sub-site's
        `default.aspx` (`/<page>/default.aspx`; articles `/tin-tuc-su-kien/<slug>/default.aspx`).
    Evidence:
        seen in public pages: host, the `/<page>/default.aspx` shape and the digit-per-line
        counter "SỐ LƯỢT TRUY CẬP" (sites.json). The news section, its `?page=N` pager and
        the article paths are assumed.
    Notes:
        Legacy: the archive of a former province's department. Article pages print no date;
        the listing prints "(dd/mm/yyyy)" after each title (nothing for one old notice).
        The slug is the first nine words of the title.
    """

    name = "bac_lieu"
    department = "Sở Khoa học và Công nghệ tỉnh Bạc Liêu"
    province = "bac-lieu"
    homepage = "http://skhcn.baclieu.gov.vn/"
    legacy = True
    evidence = "seen in public pages (host, /<page>/default.aspx shape); news URLs assumed"
    start_urls = ["http://skhcn.baclieu.gov.vn/tin-tuc-su-kien/default.aspx"]
    article_url = r"/tin-tuc-su-kien/[^/?]+/default\.aspx$"
    date = None
