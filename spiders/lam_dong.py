from crawlers.platforms.joomla import JoomlaSpider


class LamDongSpider(JoomlaSpider):
    """
    Department:
        Sở Khoa học và Công nghệ tỉnh Lâm Đồng (Department of Science and Technology of
        Lâm Đồng province; since 2025-07-01 the province includes former Đắk Nông and Bình
        Thuận).
    Website:
        https://lamdongdost.gov.vn, section "Tin tức - Sự kiện", category "Tin hoạt động".
    Platform:
        joomla: Zend-style PHP routes (`/home/<section>/<category>/type/detail/id/<id>`)
        rendered in the Joomla family's markup.
    Evidence:
        seen in public pages: the host and the route shape `/home/gioi-thieu/.../type/detail/
        id/2820` (sites.json, intro and document pages only). The news category path, its
        `/page/N` pager, the print route `/type/print/id/<id>` and the page markup are
        assumed.
    Notes:
        The article prints "Cập nhật: Thứ Bảy, 17/09/2022 - 09:41" under the headline; the
        listing prints the day. Print views are stored under the article's URL.
    """

    name = "lam_dong"
    department = "Sở Khoa học và Công nghệ tỉnh Lâm Đồng"
    province = "lam-dong"
    homepage = "https://lamdongdost.gov.vn/home"
    evidence = "seen in public pages (host, route shape); news category and markup assumed"
    start_urls = ["https://lamdongdost.gov.vn/home/tin-tuc-su-kien/tin-hoat-dong"]
    article_url = r"/type/detail/id/\d+$"
    url_rewrites = [
        *JoomlaSpider.url_rewrites,
        (r"/type/print/id/(\d+)$", r"/type/detail/id/\1"),
    ]
