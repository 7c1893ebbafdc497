from crawlers.platforms.wordpress import WordPressSpider


class QuangNinhSpider(WordPressSpider):
    """
    Department:
        Sở Khoa học và Công nghệ tỉnh Quảng Ninh (Department of Science and Technology of
        Quảng Ninh province; the province was not merged in 2025).
    Website:
        https://skhcn.quangninh.gov.vn (assumed), category "Hoạt động của Sở".
    Platform:
        wordpress (assumed): pretty permalinks `/<slug>/`, a child category
        `/category/tin-tuc/hoat-dong-cua-so/` with `/page/<n>/`.
    Evidence:
        assumed: host by the skhcn.<province>.gov.vn pattern; platform assumed. No page of
        the department's site was found (sites.json); every URL here is a guess.
    Notes:
        Replace the host, paths and platform once a real page is seen. The mirror prints the
        publication date ("1 Tháng Ba, 2023") and, for edited posts, a later `time.updated`
        beside it; sidebars and related posts carry other posts' dates.
    """

    name = "quang_ninh"
    department = "Sở Khoa học và Công nghệ tỉnh Quảng Ninh"
    province = "quang-ninh"
    homepage = "https://skhcn.quangninh.gov.vn/"
    evidence = "assumed: host by the skhcn.<province>.gov.vn pattern; platform assumed"
    start_urls = ["https://skhcn.quangninh.gov.vn/category/tin-tuc/hoat-dong-cua-so/"]
