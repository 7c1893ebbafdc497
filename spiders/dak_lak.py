from crawlers.platforms.slugid_portal import SlugIdPortalSpider


class DakLakSpider(SlugIdPortalSpider):
    """
    Department:
        Sở Khoa học và Công nghệ tỉnh Đắk Lắk (Department of Science and Technology of Đắk Lắk
        province; Phú Yên merged into Đắk Lắk on 2025-07-01).
    Website:
        http://skhcn.daklak.gov.vn (assumed), news section "Tin tức - Sự kiện".
    Platform:
        slug-id portal (assumed): `/tin-tuc-su-kien/<slug>-<id>.html`, pages `?p=N`, a
        `?print=1` view of each article.
    Evidence:
        assumed: host by the skhcn.<province>.gov.vn pattern; platform assumed. No page of
        the department's own site was seen (the provincial portal daklak.gov.vn is Liferay).
    Notes:
        Current. Dates read "Ngày đăng: 16/01/2024", the listing "(16/01/2024)". The author
        field below the body holds a name, a unit, initials or a "Nguồn:" credit.
    """

    name = "dak_lak"
    department = "Sở Khoa học và Công nghệ tỉnh Đắk Lắk"
    province = "dak-lak"
    homepage = "http://skhcn.daklak.gov.vn/"
    evidence = "assumed: host by the skhcn.<province>.gov.vn pattern; platform assumed"
    start_urls = ["http://skhcn.daklak.gov.vn/tin-tuc-su-kien.html"]
