from crawlers.platforms.aspnet import VnptPortalSpider


class DienBienSpider(VnptPortalSpider):
    """
    Department:
        Sở Khoa học và Công nghệ tỉnh Điện Biên (Department of Science and Technology of
        Điện Biên province; the province was not merged in 2025).
    Website:
        http://skhcndienbien.gov.vn, also answering as http://skhcn.dienbien.gov.vn; channel
        "Tin hoạt động".
    Platform:
        aspnet: the VNPT portal (`/portal/pages/<yyyy-m-d>/<Slug><random>.aspx` articles,
        `/portal/KenhTin/<Name>.aspx` channels).
    Evidence:
        seen in public pages: both host names, the article and KenhTin URL shapes, the rating
        and comment boilerplate and the unit byline (sites.json). The channel name
        "Tin-hoat-dong" and its `?Page=N` pager are assumed.
    Notes:
        Older entries are linked under the second host name: `host_aliases` stores them
        under skhcndienbien.gov.vn. The byline is often a unit alone ("Trung tâm Thông tin
        và Ứng dụng TBKHCN"). The rating line runs into "Tin liên quan" below the body.
    """

    name = "dien_bien"
    department = "Sở Khoa học và Công nghệ tỉnh Điện Biên"
    province = "dien-bien"
    homepage = "http://skhcndienbien.gov.vn/"
    evidence = "seen in public pages (both host names, article and KenhTin URL shapes); channel name and pager assumed"
    start_urls = ["http://skhcndienbien.gov.vn/portal/KenhTin/Tin-hoat-dong.aspx"]
    host_aliases = {"skhcn.dienbien.gov.vn": "skhcndienbien.gov.vn"}
