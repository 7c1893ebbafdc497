from crawlers.platforms.drupal import DrupalSpider


class BacKanSpider(DrupalSpider):
    """
    Department:
        Sở Khoa học và Công nghệ tỉnh Bắc Kạn (Department of Science and Technology of
        Bắc Kạn province, merged into Thái Nguyên on 2025-07-01).
    Website:
        https://sokhcn.backan.gov.vn, also answering as https://www.khcnbackan.gov.vn (the
        same template and articles); news section "Tin tức sự kiện".
    Platform:
        drupal: Drupal 7 (`/tin-tuc-su-kien/tin-tuc-su-kien/<slug>` aliases, `ul.pager`
        with a zero-based `?page=N`).
    Evidence:
        seen in public pages: both host names, the article path under
        `/tin-tuc-su-kien/tin-tuc-su-kien/`, the breadcrumb and the Drupal default date
        "Thứ năm, dd/mm/yyyy - HH:MM" (sites.json). The listing URL and pager are assumed.
    Notes:
        Legacy: the archive of a former province's department. The date is printed above
        the headline, after the breadcrumb "Trang chủ • Tin tức - sự kiện • Tin tức sự
        kiện"; old migrated nodes show the Unix epoch ("Thứ năm, 01/01/1970 - 07:00") as
        their date, which is no date. The author is a field below the body ("Tác giả:"),
        sometimes a placeholder ("Test Test"). Links to the second host name are stored
        under the first.
    """

    name = "bac_kan"
    department = "Sở Khoa học và Công nghệ tỉnh Bắc Kạn"
    province = "bac-kan"
    homepage = "https://sokhcn.backan.gov.vn/"
    legacy = True
    evidence = "seen in public pages (both hosts, article path, date format); listing assumed"
    start_urls = ["https://sokhcn.backan.gov.vn/tin-tuc-su-kien/tin-tuc-su-kien"]
    host_aliases = {"www.khcnbackan.gov.vn": "sokhcn.backan.gov.vn"}
    byline = "div.field-name-field-tac-gia div.field-item"
