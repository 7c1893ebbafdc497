from crawlers.platforms.slugid import SlugIdSpider


class LaoCaiSpider(SlugIdSpider):
    """
    Department:
        Sở Khoa học và Công nghệ tỉnh Lào Cai (Department of Science and Technology of
        Lào Cai province; since 2025-07-01 the province includes former Yên Bái).
    Website:
        https://skhcn.laocai.gov.vn, news category "Tin tức - Sự kiện".
    Platform:
        slug-id: the provincial portal's CMS, `/tin-tuc/<slug>-<6-digit id>` articles.
    Evidence:
        seen in public pages: host, the `/tin-tuc/<slug>-<id>` article URL shape and the
        weather widget before the headline (sites.json). The listing URL and its
        `?page=N` pagination are assumed.
    Notes:
        A weather line ("Lào Cai 28° - 29°") sits in the top bar, before the headline. The
        byline is a field below the body. Older pages (2010s) lived on a SharePoint
        sub-site of laocai.gov.vn, not covered here.
    """

    name = "lao_cai"
    department = "Sở Khoa học và Công nghệ tỉnh Lào Cai"
    province = "lao-cai"
    homepage = "https://skhcn.laocai.gov.vn/"
    evidence = "seen in public pages (host, /tin-tuc/<slug>-<id> article URLs); listing assumed"
    start_urls = ["https://skhcn.laocai.gov.vn/tin-tuc-su-kien"]
