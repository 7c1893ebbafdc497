from crawlers.platforms.slugid import SlugIdSpider


class ThaiNguyenSpider(SlugIdSpider):
    """
    Department:
        Sở Khoa học và Công nghệ tỉnh Thái Nguyên (Department of Science and Technology of
        Thái Nguyên province; since 2025-07-01 the province includes former Bắc Kạn).
    Website:
        https://dosttn.gov.vn, news category "Tin tức - Sự kiện".
    Platform:
        slug-id: `/tin-tuc-su-kien/<slug>-<id>`; older articles (5-digit ids) end with a
        slash, newer ones (6-digit ids) do not.
    Evidence:
        seen in public pages: host and both article URL forms with their two id ranges
        (sites.json). The listing URL and its `?page=N` pagination are assumed.
    Notes:
        Article pages print no date: the listing's date is the only one. "Facebook Zalo"
        follows the headline; "Tin liên quan" below the body prints other articles' dates.
    """

    name = "thai_nguyen"
    department = "Sở Khoa học và Công nghệ tỉnh Thái Nguyên"
    province = "thai-nguyen"
    homepage = "https://dosttn.gov.vn/"
    evidence = "seen in public pages (host, /tin-tuc-su-kien/<slug>-<id>[/] URLs); listing assumed"
    start_urls = ["https://dosttn.gov.vn/tin-tuc-su-kien"]
