from crawlers.platforms.slugid import SlugIdSpider


class NinhBinhSpider(SlugIdSpider):
    """
    Department:
        Sở Khoa học và Công nghệ tỉnh Ninh Bình (Department of Science and Technology of
        Ninh Bình province; since 2025-07-01 the province includes former Hà Nam and Nam
        Định).
    Website:
        https://sokhcn.ninhbinh.gov.vn, news category "Tin tức - Sự kiện".
    Platform:
        slug-id, VNPT build: pages at `/<slug>` (no id) under the site's root.
    Evidence:
        seen in public pages: host, a `/<slug>` page and the VNPT footer (sites.json). The
        news listing `/tin-tuc-su-kien?page=N` and that articles use the same `/<slug>`
        route are assumed.
    Notes:
        Footer "TRANG THÔNG TIN ĐIỆN TỬ SỞ KHOA HỌC VÀ CÔNG NGHỆ NINH BÌNH", "Designed by
        VNPT Ninh Binh". The date reads "Ngày đăng : dd/mm/yyyy"; a page without one prints
        nothing there.
    """

    name = "ninh_binh"
    department = "Sở Khoa học và Công nghệ tỉnh Ninh Bình"
    province = "ninh-binh"
    homepage = "https://sokhcn.ninhbinh.gov.vn/"
    evidence = "seen in public pages (host, /<slug> pages, VNPT footer); news routes assumed"
    start_urls = ["https://sokhcn.ninhbinh.gov.vn/tin-tuc-su-kien"]
    # Articles carry no id: any one-segment slug a listing entry links.
    article_url = r"\.gov\.vn/[a-z0-9]+(?:-[a-z0-9]+)+$"
