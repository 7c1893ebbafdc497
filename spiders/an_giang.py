from crawlers.platforms.websphere import WebSphereSpider


class AnGiangSpider(WebSphereSpider):
    """
    Department:
        Sở Khoa học và Công nghệ tỉnh An Giang (Department of Science and Technology of
        An Giang province; since 2025-07-01 the province includes former Kiên Giang).
    Website:
        http://sokhcn.angiang.gov.vn, news page "Tin tức / Tin hoạt động".
    Platform:
        websphere: IBM WebSphere Portal with WCM (`/wps/portal/Home/...`, article state in
        `!ut/p/z0/<blob>/`).
    Evidence:
        seen in public pages: the host, a `/wps/portal/Home/Chi%20ti%E1%BA%BFt/!ut/p/z0/...`
        article URL, the labels "Ngày đăng :" and "Tác giả :" with a space before the colon
        and the author often empty, "A+ A- In" and the visitor counters (sites.json). The
        listing page's name and its paging render parameter are assumed.
    Notes:
        The "Tác giả :" field is usually empty; when it is, the writer (or "Nguồn: ...")
        signs the body's last line. Word image residue ("Description: C:\\Users\\...jpg")
        is left in some bodies.
    """

    name = "an_giang"
    department = "Sở Khoa học và Công nghệ tỉnh An Giang"
    province = "an-giang"
    homepage = "http://sokhcn.angiang.gov.vn/wps/portal/Home"
    evidence = "seen in public pages (host, WPS article URL, labels); listing page assumed"
    start_urls = [
        "http://sokhcn.angiang.gov.vn/wps/portal/Home/Tin%20t%E1%BB%A9c/Tin%20ho%E1%BA%A1t%20%C4%91%E1%BB%99ng/"
    ]
