from crawlers.platforms.querystring import QueryStringSpider


class SocTrangSpider(QueryStringSpider):
    """
    Department:
        Sở Khoa học và Công nghệ tỉnh Sóc Trăng (Department of Science and Technology of
        Sóc Trăng province, merged into Cần Thơ city on 2025-07-01).
    Website:
        https://sokhcn.soctrang.gov.vn, the department's sub-site (`sname=sokhcn&sid=1285`)
        on the province's portal platform, category "Thành tựu đạt được".
    Platform:
        querystring: the province's multi-site ASP.NET platform (`Default.aspx?sname=&sid=
        &pageid=&catid=&catname=`, an article adds `&newsid=<id>&title=<slug>`).
    Evidence:
        seen in public pages: the host and the category URL `Default.aspx?sname=sokhcn&
        sid=1285&pageid=31785&catid=60069&catname=thanh-tuu-dat-duoc` (sites.json). The
        article parameters, the `&p=N` pager and the page markup are assumed.
    Notes:
        Legacy: the archive of a former province's department. Article pages print no date;
        the listing prints ASP.NET's vi-VN timestamps ("12/6/2024 8:15:37 SA"). The first
        page's "Tin nổi bật" box repeats the newest article without a date; the pager's
        "Trang sau" is a `__doPostBack` link.
    """

    name = "soc_trang"
    department = "Sở Khoa học và Công nghệ tỉnh Sóc Trăng"
    province = "soc-trang"
    homepage = "https://sokhcn.soctrang.gov.vn/Default.aspx?sname=sokhcn&sid=1285"
    legacy = True
    evidence = "seen in public pages (host, category URL); article URL and markup assumed"
    start_urls = [
        "https://sokhcn.soctrang.gov.vn/Default.aspx?sname=sokhcn&sid=1285&pageid=31785&catid=60069&catname=thanh-tuu-dat-duoc"
    ]
