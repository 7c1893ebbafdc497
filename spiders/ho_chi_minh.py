from crawlers.platforms.slugid import SlugIdSpider


class HoChiMinhSpider(SlugIdSpider):
    """
    Department:
        Sở Khoa học và Công nghệ Thành phố Hồ Chí Minh (Department of Science and Technology of
        Hồ Chí Minh City; Bình Dương and Bà Rịa - Vũng Tàu merged into the city on 2025-07-01).
    Website:
        https://dost.hochiminhcity.gov.vn, section "Hoạt động Sở KH&CN".
    Platform:
        slug-id portal, city variant: listing `/hoat-dong-so-khcn/?page=N` showing every post
        whole, pager links relative (`?page=2`); articles assumed at
        `/hoat-dong-so-khcn/<slug>/`.
    Evidence:
        seen in public pages: host and the listing `/hoat-dong-so-khcn/?page=N` (also written
        without the slash), its header and its image titles printed as text
        (sites.json). Only listing pages were seen: the article URL shape and the article
        markup are assumed.
    Notes:
        Current. Posts name the merged units (TP.HCM, Bình Dương, Bà Rịa - Vũng Tàu / BR-VT,
        "cũ"); image file names stand as lines in the body ("03HDKHLV...h2.jpg").
    """

    name = "ho_chi_minh"
    department = "Sở Khoa học và Công nghệ Thành phố Hồ Chí Minh"
    province = "ho-chi-minh"
    homepage = "https://dost.hochiminhcity.gov.vn/"
    evidence = "seen in public pages (host, listing URL); article URL shape and markup assumed"
    start_urls = ["https://dost.hochiminhcity.gov.vn/hoat-dong-so-khcn/"]

    platform = "slug-id"
    listing_item = "div.list-posts div.post-item"
    listing_link = "h2.post-item__title a::attr(href)"
    listing_date = "div.post-item__date"
    pagination = "ul.pagination a.page-link::attr(href)"
    article_url = r"/hoat-dong-so-khcn/[a-z0-9-]+/$"
    title = "div.post-detail h1.post-detail__title"
    date = "div.post-detail span.post-detail__date"
    body = "div.post-detail div.post-detail__content"
    byline = None
    attachments = "div.post-detail div.post-detail__files"
    host_aliases = {}
    url_rewrites = []
