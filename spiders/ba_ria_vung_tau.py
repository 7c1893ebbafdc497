from crawlers.platforms.aspnet import AspNetSpider


class BaRiaVungTauSpider(AspNetSpider):
    """
    Department:
        Sở Khoa học và Công nghệ tỉnh Bà Rịa - Vũng Tàu (Department of Science and
        Technology of Bà Rịa - Vũng Tàu province, merged into Hồ Chí Minh City on
        2025-07-01).
    Website:
        http://sokhcn.baria-vungtau.gov.vn, news list "Tin hoạt động".
    Platform:
        aspnet: ASP.NET MVC (`/ManagementNews/DetailNew/<id>?page=<listing page>`).
    Evidence:
        seen in public pages: host, DetailNew URLs with `page=` and the tools line
        "-   +   A-   A+   In" (sites.json). The list route `/ManagementNews/ListNew/<cat>`
        is assumed.
    Notes:
        Legacy: the archive of a former province's department. A detail link carries the
        listing page it came from, so the newest article (shown on every listing page) is
        linked as `?page=1`, `?page=2`...: `url_rewrites` drop the parameter. The English
        mirror dost.baria-vungtau.gov.vn (same ids) is another language, not an alias.
    """

    name = "ba_ria_vung_tau"
    department = "Sở Khoa học và Công nghệ tỉnh Bà Rịa - Vũng Tàu"
    province = "ba-ria-vung-tau"
    homepage = "http://sokhcn.baria-vungtau.gov.vn/"
    legacy = True
    evidence = "seen in public pages (host, DetailNew?page= URLs, tools line); list route assumed"
    start_urls = ["http://sokhcn.baria-vungtau.gov.vn/ManagementNews/ListNew/2"]
    article_url = r"/ManagementNews/DetailNew/\d+$"
    url_rewrites = [(r"(/ManagementNews/DetailNew/\d+)\?page=\d+$", r"\1")]
