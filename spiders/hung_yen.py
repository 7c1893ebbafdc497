from crawlers.platforms.aspnet import VnptPortalSpider


class HungYenSpider(VnptPortalSpider):
    """
    Department:
        Sở Khoa học và Công nghệ tỉnh Hưng Yên (Department of Science and Technology of
        Hưng Yên province; since 2025-07-01 the province includes former Thái Bình).
    Website:
        http://skhcn.hungyen.gov.vn (assumed), channel "Tin tức - Sự kiện".
    Platform:
        aspnet: assumed to be the VNPT portal, like Điện Biên's.
    Evidence:
        assumed: host by the skhcn.<province>.gov.vn pattern; platform assumed. No page of
        this department's site was seen (sites.json).
    Notes:
        The date prints weekday, date and time ("Thứ Năm, 22/05/2014 | 20:15"). The visitor
        counter prints one digit per block.
    """

    name = "hung_yen"
    department = "Sở Khoa học và Công nghệ tỉnh Hưng Yên"
    province = "hung-yen"
    homepage = "http://skhcn.hungyen.gov.vn/"
    evidence = "assumed: host by the skhcn.<province>.gov.vn pattern; platform assumed"
    start_urls = ["http://skhcn.hungyen.gov.vn/portal/KenhTin/Tin-tuc-su-kien.aspx"]
