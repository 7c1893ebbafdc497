from crawlers.platforms.slugid_portal import SlugIdPortalSpider


class TayNinhSpider(SlugIdPortalSpider):
    """
    Department:
        Sở Khoa học và Công nghệ tỉnh Tây Ninh (Department of Science and Technology of Tây
        Ninh province; Long An merged into Tây Ninh on 2025-07-01).
    Website:
        https://sokhcn.tayninh.gov.vn, news section "Tin tức - Sự kiện".
    Platform:
        slug-id portal: articles at `/<section>/<slug>-<id>.html`, the section varying per
        article (`tin-hoat-dong`, `thong-tin-cong-khai`); each has a `?print=1` view.
    Evidence:
        seen in public pages: host and the `/<section>/<slug>-<id>.html` article URL shape
        (sites.json: a `/thong-tin-cong-khai/...-1996.html` page). The listing path
        `/tin-tuc-su-kien.html` and its `?page=N` pagination are assumed.
    Notes:
        Current. Dates read "Thứ bảy, 17/09/2022 - 09:41"; the bold lead sits above the body;
        bylines close the body, sometimes a unit ("Thanh tra") after the end mark "./.". The
        right column repeats dates ("Tin mới nhất", "Các tin đã đưa ngày:").
    """

    name = "tay_ninh"
    department = "Sở Khoa học và Công nghệ tỉnh Tây Ninh"
    province = "tay-ninh"
    homepage = "https://sokhcn.tayninh.gov.vn/"
    evidence = "seen in public pages (host, article URL shape); listing path and pagination assumed"
    start_urls = ["https://sokhcn.tayninh.gov.vn/tin-tuc-su-kien.html"]
