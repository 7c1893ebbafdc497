from crawlers.platforms.aspnet import AspNetSpider


class BinhDuongSpider(AspNetSpider):
    """
    Department:
        Sở Khoa học và Công nghệ tỉnh Bình Dương (Department of Science and Technology of
        Bình Dương province, merged into Hồ Chí Minh City on 2025-07-01).
    Website:
        http://khcnbinhduong.gov.vn, news category "Tin tức - Sự kiện".
    Platform:
        aspnet: ASP.NET MVC (`/New/<slug>-<id>` articles).
    Evidence:
        seen in public pages: host and the `/New/<slug>-<id>` article URLs (sites.json). The
        category route `/Category/<slug>-<id>` and its `?page=N` pager are assumed.
    Notes:
        Legacy: the archive of a former province's department. Article pages print no date;
        the listing does, and prints .NET's empty date "01/01/0001" for an undated entry.
        The author sits in its own box ("Tác giả :", empty when there is none).
    """

    name = "binh_duong"
    department = "Sở Khoa học và Công nghệ tỉnh Bình Dương"
    province = "binh-duong"
    homepage = "http://khcnbinhduong.gov.vn/"
    legacy = True
    evidence = "seen in public pages (host, /New/<slug>-<id> URLs); category route assumed"
    start_urls = ["http://khcnbinhduong.gov.vn/Category/tin-tuc-su-kien-3"]
    article_url = r"/New/[^/?]+-\d+$"
    byline = "div.news-detail div.news-detail-author"
