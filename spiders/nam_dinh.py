from crawlers.platforms.joomla import JoomlaSpider


class NamDinhSpider(JoomlaSpider):
    """
    Department:
        Sở Khoa học và Công nghệ tỉnh Nam Định (Department of Science and Technology of
        Nam Định province, merged into Ninh Bình on 2025-07-01).
    Website:
        http://khcnnamdinh.vn (not a gov.vn domain), news menu "Tin tức" (`fx=4`), category
        "Tin hoạt động KH&CN".
    Platform:
        joomla: a custom PHP route (`/index.php/news/<id>?fx=<menu>`) rendered in the Joomla
        family's markup.
    Evidence:
        seen in public pages: the host and the article route `/index.php/news/968?fx=4`
        (sites.json). The listing route `/index.php/news?fx=4&page=N`, the page markup and the
        meaning of `fx` (the menu an article is reached through) are assumed.
    Notes:
        Legacy: the archive of a former province's department. Article pages print no date;
        the listing prints "Ngày đăng: dd/mm/yyyy". One article answers under every menu
        (`fx=1` from the home page's "Tin nổi bật" box): stored under `fx=4`.
    """

    name = "nam_dinh"
    department = "Sở Khoa học và Công nghệ tỉnh Nam Định"
    province = "nam-dinh"
    homepage = "http://khcnnamdinh.vn/"
    legacy = True
    evidence = "seen in public pages (host, article route); listing route and markup assumed"
    start_urls = ["http://khcnnamdinh.vn/index.php/news?fx=4"]
    article_url = r"/index\.php/news/\d+\?fx=\d+$"
    url_rewrites = [
        *JoomlaSpider.url_rewrites,
        (r"(/index\.php/news/\d+)\?fx=\d+$", r"\1?fx=4"),
    ]
