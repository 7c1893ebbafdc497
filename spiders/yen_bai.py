from crawlers.platforms.slugid import SlugIdSpider


class YenBaiSpider(SlugIdSpider):
    """
    Department:
        Sở Khoa học và Công nghệ tỉnh Yên Bái (Department of Science and Technology of Yên Bái
        province, merged into Lào Cai on 2025-07-01). The site is its Trung tâm Thông tin và
        Ứng dụng khoa học công nghệ (information and application centre).
    Website:
        https://ttkhcn.yenbai.gov.vn, category "Hoạt động KH&CN trong và ngoài tỉnh".
    Platform:
        slug-id portal, provincial-portal variant: `/<section>/<category>/<slug>` articles
        without ids; headline `h2.title-detail`, the date in words, a bold lead.
    Evidence:
        seen in public pages: host and the `/tin-tuc-su-kien/hoat-dong-khcn-trong-va-ngoai-
        tinh/<slug>` article URL shape (sites.json), the trial-run banner and the "Xem với cỡ
        chữ" tools. The `?page=N` pagination and the class names are assumed.
    Notes:
        Legacy. Dates are words ("Ngày 21 tháng 02 năm 2022"); the category reposts other
        provinces' news (Lào Cai, Phú Thọ) with a "Nguồn:" credit.
    """

    name = "yen_bai"
    department = "Sở Khoa học và Công nghệ tỉnh Yên Bái"
    province = "yen-bai"
    homepage = "https://ttkhcn.yenbai.gov.vn/"
    legacy = True
    evidence = (
        "seen in public pages (host, article URL shape, banner); pagination and markup assumed"
    )
    start_urls = ["https://ttkhcn.yenbai.gov.vn/tin-tuc-su-kien/hoat-dong-khcn-trong-va-ngoai-tinh"]

    platform = "slug-id"
    listing_item = "div.list-news-cate div.item-news"
    listing_link = "a.title-news::attr(href)"
    listing_date = "span.date-news"
    pagination = "ul.pager-news a::attr(href)"
    article_url = r"/tin-tuc-su-kien/hoat-dong-khcn-trong-va-ngoai-tinh/[a-z0-9-]+$"
    title = "div.detail-news h2.title-detail"
    date = "div.detail-news div.date-detail"
    body = "div.detail-news div.sapo-detail, div.detail-news div.content-detail"
    byline = None
    attachments = "div.detail-news div.file-attach"
    host_aliases = {}
    url_rewrites = []
