from crawlers.platforms.aspnet import AspNetHtmlSpider


class KonTumSpider(AspNetHtmlSpider):
    """
    Department:
        Sở Khoa học và Công nghệ tỉnh Kon Tum (Department of Science and Technology of
        Kon Tum province, merged into Quảng Ngãi on 2025-07-01).
    Website:
        http://skhcn.kontum.gov.vn, category "Tin KH&CN trong tỉnh".
    Platform:
        aspnet: a custom WebForms CMS (`/<category>/<slug cut at 100>.html`, print view
        `PrintNews.aspx?id=<id>`).
    Evidence:
        seen in public pages: host, the category and article URL shape, PrintNews.aspx and
        the breadcrumb date line (sites.json). The pager `/<category>/trang-N.html` is
        assumed.
    Notes:
        Legacy: the archive of a former province's department. The date "(dd-mm-yyyy)"
        ends the breadcrumb line; "Các tin khác" prints other dates the same way. A print
        view is stored under the article URL its page names.
    """

    name = "kon_tum"
    department = "Sở Khoa học và Công nghệ tỉnh Kon Tum"
    province = "kon-tum"
    homepage = "http://skhcn.kontum.gov.vn/"
    legacy = True
    evidence = "seen in public pages (host, article and PrintNews URLs, date line); pager assumed"
    start_urls = ["http://skhcn.kontum.gov.vn/tin-kh-cn-trong-tinh.html"]
