from crawlers.platforms.drupal import DrupalSpider


class VinhLongSpider(DrupalSpider):
    """
    Department:
        Sở Khoa học và Công nghệ tỉnh Vĩnh Long (Department of Science and Technology of
        Vĩnh Long province; since 2025-07-01 the province includes former Bến Tre and Trà
        Vinh). This is not the department's own portal but the S&T information site of its
        centre, Trung tâm Thông tin và Thống kê KH&CN.
    Website:
        http://thongtinkhcn.vinhlong.gov.vn, news section "Tin KH&CN".
    Platform:
        drupal: Drupal 7 (articles at `/content/<slug>`, Drupal 7's default pathauto
        pattern; `ul.pager` with a zero-based `?page=N`).
    Evidence:
        seen in public pages: host and the `/content/<slug>` article URL (sites.json; only
        a title was captured). The Drupal version, the listing path `/tin-tuc-khcn` and the
        pager are assumed.
    Notes:
        The node prints "Gửi bởi admin vào dd/mm/yyyy - HH:MM" (the user name is the site's
        account, not the author); bylines close the body, often in capitals ("MINH TRÍ").
    """

    name = "vinh_long"
    department = "Sở Khoa học và Công nghệ tỉnh Vĩnh Long"
    province = "vinh-long"
    homepage = "http://thongtinkhcn.vinhlong.gov.vn/"
    evidence = "seen in public pages (host, /content/<slug> articles); listing path assumed"
    start_urls = ["http://thongtinkhcn.vinhlong.gov.vn/tin-tuc-khcn"]
