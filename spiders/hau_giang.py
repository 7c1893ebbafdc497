from crawlers.platforms.liferay import LiferaySpider


class HauGiangSpider(LiferaySpider):
    """
    Department:
        Sở Khoa học và Công nghệ tỉnh Hậu Giang (Department of Science and Technology of
        Hậu Giang province, merged into the city of Cần Thơ on 2025-07-01).
    Website:
        https://skhcn.haugiang.gov.vn, a sub-site of the provincial Liferay portal, news
        section "Tin hoạt động".
    Platform:
        liferay: the provincial portal's news portlets, articles at
        `/chi-tiet/-/tin-tuc/<Ascii-Title-Slug><id>` (the id glued to the slug).
    Evidence:
        seen in public pages: the host, the article URL shape, the page title "Chi tiet tin
        tức - Sở Khoa học công nghệ" and the "Ngày <date> - Lượt xem: <n>" line of the
        provincial sub-sites (sites.json). The listing page and its `_cur=N` pagination
        are assumed.
    Notes:
        Legacy: the archive of a former province's department. Every article page has the
        same <title> ("Chi tiet tin tức - Sở Khoa học công nghệ"); the headline is the
        portlet's h1. The date and the view counter share one line. The slug drops "đ"
        outright (seen: "11-trieu-ong" for "11 triệu đồng"). Attachments are document library links.
    """

    name = "hau_giang"
    department = "Sở Khoa học và Công nghệ tỉnh Hậu Giang"
    province = "hau-giang"
    homepage = "https://skhcn.haugiang.gov.vn/"
    legacy = True
    evidence = "seen in public pages (host, article URL shape, page title); listing URL assumed"
    start_urls = ["https://skhcn.haugiang.gov.vn/tin-tuc-su-kien"]
