from crawlers.platforms.slugid import SlugIdSpider


class PhuThoSpider(SlugIdSpider):
    """
    Department:
        Sở Khoa học và Công nghệ tỉnh Phú Thọ (Department of Science and Technology of
        Phú Thọ province; since 2025-07-01 the province includes former Vĩnh Phúc and
        Hòa Bình).
    Website:
        https://sokhoahoccongnghe.phutho.gov.vn, news category "Hoạt động KH&CN cơ sở".
    Platform:
        slug-id: `/<slug>-n<id>` articles at the site's root, `/<category>` listings.
    Evidence:
        seen in public pages: host, `<slug>-n<id>` article URLs and the listing
        `/hoat-dong-khcn-co-so` (sites.json). The listing's `?page=N` pagination is
        assumed.
    Notes:
        A newspaper skin: "Cập nhật lúc 20:10, Thứ Ba, 04/02/2020 (GMT+7)". Reposts from
        Báo Phú Thọ open with "PTO-"; photos sit in two-row tables with the caption below.
    """

    name = "phu_tho"
    department = "Sở Khoa học và Công nghệ tỉnh Phú Thọ"
    province = "phu-tho"
    homepage = "https://sokhoahoccongnghe.phutho.gov.vn/"
    evidence = "seen in public pages (host, <slug>-n<id> URLs, listing path); pagination assumed"
    start_urls = ["https://sokhoahoccongnghe.phutho.gov.vn/hoat-dong-khcn-co-so"]
