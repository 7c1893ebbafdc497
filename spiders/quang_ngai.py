from crawlers.platforms.sharepoint import SharePointSpider


class QuangNgaiSpider(SharePointSpider):
    """
    Department:
        Sở Khoa học và Công nghệ tỉnh Quảng Ngãi (Department of Science and Technology of
        Quảng Ngãi province; since 2025-07-01 the province includes former Kon Tum).
    Website:
        http://www.quangngai.gov.vn/vi/sokhcn, the department's sub-site of the provincial
        portal, category "Tin hoạt động".
    Platform:
        sharepoint: SharePoint sub-site of the provincial portal behind rewritten URLs
        (`/vi/sokhcn/Pages/qnp-<slug>-qnpnd-<id>-qnpnc-<cat>-qnpsite-<site>.html`).
    Evidence:
        seen in public pages: host, sub-site and the qnp-...-qnpnd-<id>-qnpnc-0-qnpsite-1.html
        article URL (sites.json). The category listing, its id 12 and the `-qnppage-N` pager
        are assumed.
    Notes:
        The slug is the title without marks or spaces, cut at 20 letters. One article answers
        under every category id: the listing links `-qnpnc-12-`, the stored URL is the
        category-free `-qnpnc-0-`. The left menu and the counters ("Lượt truy cập",
        "Đang online") come before the article.
    """

    name = "quang_ngai"
    department = "Sở Khoa học và Công nghệ tỉnh Quảng Ngãi"
    province = "quang-ngai"
    homepage = "http://www.quangngai.gov.vn/vi/sokhcn/Pages/default.aspx"
    evidence = "seen in public pages (host, /vi/sokhcn/ qnp-...-qnpnd-<id> URLs); listing assumed"
    start_urls = [
        "http://www.quangngai.gov.vn/vi/sokhcn/Pages/qnp-tinhoatdong-qnpnc-12-qnpsite-1.html"
    ]
    article_url = r"-qnpnd-\d+-qnpnc-\d+-qnpsite-\d+\.html$"
    url_rewrites = [(r"(-qnpnd-\d+)-qnpnc-\d+-", r"\1-qnpnc-0-")]
