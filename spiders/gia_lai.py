from crawlers.platforms.slugid import SlugIdSpider


class GiaLaiSpider(SlugIdSpider):
    """
    Department:
        Sở Khoa học và Công nghệ tỉnh Gia Lai (Department of Science and Technology of
        Gia Lai province; since 2025-07-01 the province includes former Bình Định).
    Website:
        https://skhcn.gialai.gov.vn (assumed), news category "Tin tức - Sự kiện".
    Platform:
        slug-id (assumed): `/tin-tuc-su-kien/<slug>-<id>.html` articles, `?page=N` listings.
    Evidence:
        assumed: host by the skhcn.<province>.gov.vn pattern; platform assumed (no page of
        the department's site was seen; sites.json records only the newspaper
        baogialai.com.vn).
    Notes:
        A newspaper skin printing unpadded times: "19/6/2021, 9:7 (GMT+7)". Reposts from
        Báo Gia Lai open with "(GLO)-". The byline is a field below the body.
    """

    name = "gia_lai"
    department = "Sở Khoa học và Công nghệ tỉnh Gia Lai"
    province = "gia-lai"
    homepage = "https://skhcn.gialai.gov.vn/"
    evidence = "assumed: host by the skhcn.<province>.gov.vn pattern; platform assumed"
    start_urls = ["https://skhcn.gialai.gov.vn/tin-tuc-su-kien"]
