from crawlers.platforms.slugid import SlugIdSpider


class HaTinhSpider(SlugIdSpider):
    """
    Department:
        Sở Khoa học và Công nghệ tỉnh Hà Tĩnh (Department of Science and Technology of
        Hà Tĩnh province; the province was not merged in 2025).
    Website:
        https://skhcn.hatinh.gov.vn, news category "Tin hoạt động".
    Platform:
        slug-id, second generation: `/danh-sach-tin-tuc/<cat>?page=N` listings and
        `/chi-tiet-tin-tuc/<slug>` articles (no id); the first generation's
        `/khcn/portal/read/<cat>/news/<slug>.html` pages still answer with the same article.
    Evidence:
        seen in public pages: host, first-generation article URLs, `/danh-sach-tin-tuc/<cat>
        ?page=N` listings and `/chi-tiet-tap-san/<slug>` pages (sites.json). The news
        article route `/chi-tiet-tin-tuc/<slug>` (by analogy with `chi-tiet-tap-san`) and
        the category slug are assumed.
    Notes:
        A "Website đang chạy thử nghiệm" banner scrolls above the header. The date reads
        "Ngày đăng: dd/mm/yyyy | HH:MM"; bylines close the body. An old-generation URL is
        stored under the new one (same slug).
    """

    name = "ha_tinh"
    department = "Sở Khoa học và Công nghệ tỉnh Hà Tĩnh"
    province = "ha-tinh"
    homepage = "https://skhcn.hatinh.gov.vn/"
    evidence = (
        "seen in public pages (host, old article URLs, /danh-sach-tin-tuc/<cat>?page=N "
        "listings); the /chi-tiet-tin-tuc/<slug> route and category assumed"
    )
    start_urls = ["https://skhcn.hatinh.gov.vn/danh-sach-tin-tuc/tin-hoat-dong"]
    article_url = r"/chi-tiet-tin-tuc/[^/?#]+$"
    url_rewrites = [
        (
            r"^https?://skhcn\.hatinh\.gov\.vn/khcn/portal/read/[^/]+/news/([^/?#]+)\.html$",
            r"https://skhcn.hatinh.gov.vn/chi-tiet-tin-tuc/\1",
        )
    ]
