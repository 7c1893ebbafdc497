from crawlers.platforms.slugid_portal import SlugIdPortalSpider


class PhuYenSpider(SlugIdPortalSpider):
    """
    Department:
        Sở Khoa học và Công nghệ tỉnh Phú Yên (Department of Science and Technology of Phú Yên
        province, merged into Đắk Lắk on 2025-07-01).
    Website:
        https://khcnpy.gov.vn, news section "Tin tức".
    Platform:
        slug-id portal (assumed), without ids: articles at `/tin-tuc/<slug>`, `?page=N`.
    Evidence:
        seen in public pages: the host only (its "Giới thiệu chung" page at
        `/gioi-thieu-chung`, sites.json). The news section, the bare-slug article URLs and
        the markup are assumed.
    Notes:
        Legacy. Dates print the time first ("09:48 05/10/2016"); the listing prints none.
        Bylines close the body; the site reposts the ministry's news "(Theo most.gov.vn)".
    """

    name = "phu_yen"
    department = "Sở Khoa học và Công nghệ tỉnh Phú Yên"
    province = "phu-yen"
    homepage = "https://khcnpy.gov.vn/"
    legacy = True
    evidence = (
        "seen in public pages (host only); news section, article URL shape and markup assumed"
    )
    start_urls = ["https://khcnpy.gov.vn/tin-tuc"]
    article_url = r"/tin-tuc/[a-z0-9-]+$"
