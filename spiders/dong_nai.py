from crawlers.platforms.sharepoint import SharePointSpider


class DongNaiSpider(SharePointSpider):
    """
    Department:
        Sở Khoa học và Công nghệ tỉnh Đồng Nai (Department of Science and Technology of
        Đồng Nai province; since 2025-07-01 the province includes former Bình Phước).
    Website:
        https://dost-dongnai.gov.vn, news topic "Tin hoạt động ngành" (`IDTopic=3`).
    Platform:
        sharepoint: SharePoint site with custom news web parts on `/Pages/*.aspx` pages
        (`TinTuc.aspx?IDTopic=<t>` listings, `ChiTietTinTuc.aspx?IDTinTuc=<id>` articles).
    Evidence:
        seen in public pages: host, SharePoint ("Skip Ribbon Commands"), `/Pages/*.aspx`
        pages with `IDTopic` parameters (sites.json). The news page names, `IDTinTuc` and
        the `&Page=N` pager are assumed.
    Notes:
        The site answers on www.dost-dongnai.gov.vn too, and its web parts print absolute
        links with the www host: stored under dost-dongnai.gov.vn. The byline is the page's
        own "by-line" field, not the body's end; attachments sit in a field below the body.
    """

    name = "dong_nai"
    department = "Sở Khoa học và Công nghệ tỉnh Đồng Nai"
    province = "dong-nai"
    homepage = "https://dost-dongnai.gov.vn/"
    evidence = "seen in public pages (host, SharePoint /Pages/*.aspx?IDTopic=); news URLs assumed"
    start_urls = ["https://dost-dongnai.gov.vn/Pages/TinTuc.aspx?IDTopic=3"]
    article_url = r"/Pages/ChiTietTinTuc\.aspx\?IDTinTuc=\d+"
    byline = "div.article div.article-header div.by-line"
    host_aliases = {"www.dost-dongnai.gov.vn": "dost-dongnai.gov.vn"}
