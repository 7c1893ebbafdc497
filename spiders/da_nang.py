from crawlers.platforms.querystring import QueryStringSpider


class DaNangSpider(QueryStringSpider):
    """
    Department:
        Sở Khoa học và Công nghệ thành phố Đà Nẵng (Department of Science and Technology of
        Đà Nẵng city; since 2025-07-01 the city includes former Quảng Nam).
    Website:
        https://dost.danang.gov.vn, news category "Tin hoạt động" (`cat=3`).
    Platform:
        querystring: a custom site with query-string routes (`/chi-tiet-tin-tuc?dinhdanh=<id>
        &cat=<category>`).
    Evidence:
        seen in public pages: the host, the article route and the metadata line
        "Người đăng tin: <account> Ngày đăng tin: dd/mm/yyyy Lượt xem: N" with placeholder
        posters such as "Test Test" (sites.json). The listing route `/tin-tuc-su-kien?cat=3
        &page=N` and the category id are assumed.
    Notes:
        The date is read from the whole metadata line (one text node); the poster is an
        account name, never the author. Links shared to Zalo come back into the listing
        with `utm_*` parameters; they are stored without them.
    """

    name = "da_nang"
    department = "Sở Khoa học và Công nghệ thành phố Đà Nẵng"
    province = "da-nang"
    homepage = "https://dost.danang.gov.vn/"
    evidence = "seen in public pages (host, article route, metadata line); listing assumed"
    start_urls = ["https://dost.danang.gov.vn/tin-tuc-su-kien?cat=3"]
    article_url = r"/chi-tiet-tin-tuc\?dinhdanh=\d+&cat=\d+$"
    date = "div.news-detail div.news-info"
