from crawlers.platforms.websphere import WebSphereSpider


class QuangNamSpider(WebSphereSpider):
    """
    Department:
        Sở Khoa học và Công nghệ tỉnh Quảng Nam (Department of Science and Technology of
        Quảng Nam province, merged into the city of Đà Nẵng on 2025-07-01).
    Website:
        https://skhcn.quangnam.gov.vn, news page "Tin hoạt động".
    Platform:
        websphere: filed with the Java enterprise portals, but the site is Oracle WebCenter
        Portal, not IBM WebSphere: articles are UCM documents shown by a content presenter at
        `/webcenter/portal/sokhcn/pages_tin-tuc/chi-tiet?dDocName=PORTAL<id>`.
    Evidence:
        seen in public pages: the host and two `chi-tiet?dDocName=PORTAL<id>` article URLs;
        no date in the stored article text (sites.json). The listing page, its `?page=N`
        and the content presenter's markup are assumed.
    Notes:
        Legacy. Oracle WebCenter, not WebSphere (see Platform). Article pages print no date;
        the listing prints one per entry, and a page of standing information (the list of
        administrative procedures) has none anywhere: no fallback guess (the side box "Tin
        nổi bật" prints other articles' dates). Listing links are relative and carry
        ADF's `_afrLoop` window id, which is dropped from the stored URL.
    """

    name = "quang_nam"
    department = "Sở Khoa học và Công nghệ tỉnh Quảng Nam"
    province = "quang-nam"
    homepage = "https://skhcn.quangnam.gov.vn/webcenter/portal/sokhcn"
    legacy = True
    evidence = "seen in public pages (host, dDocName article URLs); listing page assumed"
    start_urls = [
        "https://skhcn.quangnam.gov.vn/webcenter/portal/sokhcn/pages_tin-tuc/tin-hoat-dong"
    ]
    listing_item = "div.cp-list div.cp-list-item"
    listing_link = "a.cp-list-title::attr(href)"
    listing_date = "span.cp-list-date"
    pagination = "div.cp-paging a::attr(href)"
    article_url = r"/chi-tiet\?dDocName=PORTAL\d+$"
    title = "div.cp-chitiet h2.cp-title"
    date = None
    body = "div.cp-chitiet div.cp-body"
    byline = None
    attachments = "div.cp-chitiet div.cp-files"
    url_rewrites = [(r"[?&](?:_afrLoop|_afrWindowMode|_adf\.ctrl-state)=[^&]*", "")]
