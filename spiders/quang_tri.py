from crawlers.platforms.liferay import LiferaySpider


class QuangTriSpider(LiferaySpider):
    """
    Department:
        Sở Khoa học và Công nghệ tỉnh Quảng Trị (Department of Science and Technology of
        Quảng Trị province; since 2025-07-01 the province includes former Quảng Bình).
    Website:
        https://sokhcn.quangtri.gov.vn, news section "Tin hoạt động".
    Platform:
        liferay: a vendor's news portlets (`chitiettin_WAR_qtportalportlet`), articles at
        `/chi-tiet-tin/-/view-article/<n>/<category-id>/<article-id>`.
    Evidence:
        seen in public pages: the host, the article URL shape, the page title "Chi tiết tin
        - Sở Khoa học và Công nghệ", the category line and the date before the headline
        (sites.json). The listing page and its `_cur=N` pagination are assumed.
    Notes:
        The date line "Ngày đăng: ..." is printed BEFORE the headline, under the category
        line "Tin tức - Sự kiện: <category>" (seen; the time after the date is assumed).
        Article ids are 13-digit. sites.json also lists an older host, dostquangtri.gov.vn
        (`?details=<id>&menuID=<m>&CongID=<c>`); whether and under which ids its articles
        moved here is unknown, so its URLs are not mapped. Reposts from most.gov.vn appear.
    """

    name = "quang_tri"
    department = "Sở Khoa học và Công nghệ tỉnh Quảng Trị"
    province = "quang-tri"
    homepage = "https://sokhcn.quangtri.gov.vn/"
    evidence = "seen in public pages (host, article URL shape, page title); listing URL assumed"
    start_urls = ["https://sokhcn.quangtri.gov.vn/tin-hoat-dong"]
