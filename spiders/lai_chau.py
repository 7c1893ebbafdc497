from crawlers.platforms.wordpress import WordPressSpider


class LaiChauSpider(WordPressSpider):
    """
    Department:
        Sở Khoa học và Công nghệ tỉnh Lai Châu (Department of Science and Technology of Lai
        Châu province; the province was not merged in 2025).
    Website:
        http://skhcn.laichau.gov.vn, news category "Tin tức - Sự kiện" (the older host
        sokhcn.laichau.gov.vn/KHCN/?ID=... is a static page, not crawled).
    Platform:
        wordpress: pretty permalinks `/<slug>/`, `/category/<cat>/page/<n>/`.
    Evidence:
        seen in public pages: host and a `/<slug>/` article permalink (sites.json). The
        category path and the pagination are assumed.
    Notes:
        The site prints no date at all, neither on articles nor on the listing (sites.json:
        no date visible in article text): articles have no publication date. The listing
        pages only link "Bài cũ hơn"/"Bài mới hơn"; a "Tìm với Google" box sits in the top
        bar.
    """

    name = "lai_chau"
    department = "Sở Khoa học và Công nghệ tỉnh Lai Châu"
    province = "lai-chau"
    homepage = "http://skhcn.laichau.gov.vn/"
    evidence = "seen in public pages (host, /<slug>/ permalinks); category path assumed"
    start_urls = ["http://skhcn.laichau.gov.vn/category/tin-tuc-su-kien/"]
    listing_date = None
    date = None
