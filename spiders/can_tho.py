from crawlers.platforms.dotnetnuke import DotNetNukeSpider


class CanThoSpider(DotNetNukeSpider):
    """
    Department:
        Sở Khoa học và Công nghệ thành phố Cần Thơ (Department of Science and Technology of
        Cần Thơ city; since 2025-07-01 the city includes former Sóc Trăng and Hậu Giang).
    Website:
        http://sokhcn.cantho.gov.vn, tab "Tin hoạt động".
    Platform:
        dotnetnuke: DNN tabs (`Default.aspx?tabid=<n>`) and a news module
        (`&ctl=ViewDetail&mid=<m>&ItemID=<id>`).
    Evidence:
        seen in public pages: the host and a `Default.aspx?tabid=83` page (sites.json, a
        history page only). The news tab's and module's ids, the module's URLs and markup
        are assumed.
    Notes:
        Assumed like the markup: dates print as .NET's vi-VN "27/06/2019 8:07:41 SA"; page 1
        of the listing links articles by query string, the later pages and "Các tin khác" by
        DNN's friendly `/tabid/.../ItemID/<id>/Default.aspx` (both stored in the query
        form). One notice was posted from a test account and signed "Người đăng tin: Test
        Test".
    """

    name = "can_tho"
    department = "Sở Khoa học và Công nghệ thành phố Cần Thơ"
    province = "can-tho"
    homepage = "http://sokhcn.cantho.gov.vn/Default.aspx?tabid=36"
    evidence = "seen in public pages (host, DNN tabid URLs); news tab and module assumed"
    start_urls = ["http://sokhcn.cantho.gov.vn/Default.aspx?tabid=122"]
