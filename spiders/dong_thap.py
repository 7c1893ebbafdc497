from crawlers.platforms.slugid_portal import SlugIdPortalSpider


class DongThapSpider(SlugIdPortalSpider):
    """
    Department:
        Sở Khoa học và Công nghệ tỉnh Đồng Tháp (Department of Science and Technology of Đồng
        Tháp province; Tiền Giang merged into Đồng Tháp on 2025-07-01).
    Website:
        http://skhcn.dongthap.gov.vn (assumed), news section "Tin hoạt động".
    Platform:
        slug-id portal (assumed): `/tin-hoat-dong/<slug>-<id>` without extension; listing
        pages are `/tin-hoat-dong/trang-N`, which the article pattern must not take.
    Evidence:
        assumed: host by the skhcn.<province>.gov.vn pattern; platform assumed. No page of
        the department's site was seen.
    Notes:
        Current. Dates read "Cập nhật: 09/09/2020 15:20"; one page (the Quỹ Phát triển KH&CN
        presentation) prints no date at all. The right column's "Các tin đã đưa ngày:" box
        lists other articles' dates.
    """

    name = "dong_thap"
    department = "Sở Khoa học và Công nghệ tỉnh Đồng Tháp"
    province = "dong-thap"
    homepage = "http://skhcn.dongthap.gov.vn/"
    evidence = "assumed: host by the skhcn.<province>.gov.vn pattern; platform assumed"
    start_urls = ["http://skhcn.dongthap.gov.vn/tin-hoat-dong"]
    article_url = r"/tin-hoat-dong/(?!trang-\d+$)[a-z0-9-]+-\d+$"
