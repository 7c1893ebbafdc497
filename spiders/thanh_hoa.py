from crawlers.platforms.querystring import QueryStringSpider


class ThanhHoaSpider(QueryStringSpider):
    """
    Department:
        Sở Khoa học và Công nghệ tỉnh Thanh Hóa (Department of Science and Technology of
        Thanh Hóa province; the province was not merged in 2025).
    Website:
        http://skhcn.thanhhoa.gov.vn, news menu "Tin hoạt động khoa học và công nghệ".
    Platform:
        querystring: one script, the page chosen by `selectpageid` (`page.chitiet` for an
        article, `n_g_manager=<id>`), an ASP.NET print view `/portal/pages/print.aspx?p=<id>`.
    Evidence:
        seen in public pages: the host, the `?portalid=admin&selectpageid=page.chitiet&
        n_g_manager=<id>` URLs, the print view and the date in parentheses after the headline
        (sites.json, "Giới thiệu" pages only). The listing's parameters (`page.danhsach`,
        `n_g_menu`, `n_g_page`) and that the print view's `p` is the article's id are assumed.
    Notes:
        The headline and "(dd/mm/yyyy)" share one line; the listing prints relative links
        ("?portalid=..."); a ticker above the content carries another date, and the visitor
        counter is printed one digit a line.
    """

    name = "thanh_hoa"
    department = "Sở Khoa học và Công nghệ tỉnh Thanh Hóa"
    province = "thanh-hoa"
    homepage = "http://skhcn.thanhhoa.gov.vn/?portalid=admin"
    evidence = "seen in public pages (host, article and print URLs, date line); listing assumed"
    start_urls = [
        "http://skhcn.thanhhoa.gov.vn/?portalid=admin&selectpageid=page.danhsach&n_g_menu=35"
    ]
    article_url = r"selectpageid=page\.chitiet&n_g_manager=\d+$"
    url_rewrites = [
        (
            r"/portal/pages/print\.aspx\?p=(\d+)$",
            r"/?portalid=admin&selectpageid=page.chitiet&n_g_manager=\1",
        ),
    ]
