from crawlers.platforms.cityportal import CityPortalSpider


class HaiPhongSpider(CityPortalSpider):
    """
    Department:
        Sở Khoa học và Công nghệ thành phố Hải Phòng (Department of Science and Technology
        of Hải Phòng city; since 2025-07-01 the city includes former Hải Dương).
    Website:
        http://www.haiphong.gov.vn, the department's sub-site (Organization=SKHCN), menu
        "Tin KH & CN Hải Phòng".
    Platform:
        city-portal: the city's ASP.NET portal (`Portal/Detail.aspx?Organization=SKHCN&...`).
    Evidence:
        seen in public pages: host, Organization code and Detail.aspx URLs (sites.json,
        seed 004). The listing URL and its `CurrentPage` parameter are assumed.
    Notes:
        The date "(dd/mm/yyyy)" follows the headline on one line; newer articles repeat
        the headline at the top of the body.
    """

    name = "hai_phong"
    department = "Sở Khoa học và Công nghệ thành phố Hải Phòng"
    province = "hai-phong"
    homepage = "http://www.haiphong.gov.vn/Portal/Default.aspx?Organization=SKHCN"
    evidence = "seen in public pages (host, Detail.aspx URLs); listing URL assumed"
    start_urls = ["http://www.haiphong.gov.vn/Portal/Default.aspx?Organization=SKHCN&MenuID=19125"]
