from crawlers.platforms.slugid_portal import SlugIdPortalSpider


class BacGiangSpider(SlugIdPortalSpider):
    """
    Department:
        Sở Khoa học và Công nghệ tỉnh Bắc Giang (Department of Science and Technology of Bắc
        Giang province, merged into Bắc Ninh on 2025-07-01).
    Website:
        https://skhcn.bacgiang.gov.vn, news section "Tin tức - Sự kiện".
    Platform:
        slug-id portal (assumed): `/tin-tuc-su-kien/<slug>-<id>.html` articles, `?page=N`.
    Evidence:
        seen in public pages: the host only (a `/lich-su-phat-trien` page with a "Lượt xem:"
        counter, sites.json). The news section, the article URL shape and the markup are
        assumed, by the slug paths of that page.
    Notes:
        Legacy. Dates read "Thứ 5, 22/05/2014 | 20:15:07" (weekday as a number, seconds);
        the listing prints none. The author is a field below the body, "Tác giả: ...", and
        is printed empty on some pages, where a byline may trail the last paragraph after
        the end mark ("...năm 2021./. Hải Yến").
    """

    name = "bac_giang"
    department = "Sở Khoa học và Công nghệ tỉnh Bắc Giang"
    province = "bac-giang"
    homepage = "https://skhcn.bacgiang.gov.vn/"
    legacy = True
    evidence = (
        "seen in public pages (host only); news section, article URL shape and markup assumed"
    )
    start_urls = ["https://skhcn.bacgiang.gov.vn/tin-tuc-su-kien"]
