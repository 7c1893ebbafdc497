from crawlers.platforms.joomla import JoomlaSpider


class HaiDuongSpider(JoomlaSpider):
    """
    Department:
        Sở Khoa học và Công nghệ tỉnh Hải Dương (Department of Science and Technology of
        Hải Dương province, merged into Hải Phòng city on 2025-07-01).
    Website:
        https://haiduongdost.gov.vn, category "Bản tin KH&CN" (the department's bulletin,
        by issue).
    Platform:
        joomla: a Joomla-like PHP CMS. Older articles at `/article/<slug>/<id>`, linked from
        menus through the timestamp category alias `/2016-04-15-01-16-33/<issue>/article/...`;
        later ones at `/ban-tin-kh-cn/<issue>/<slug>-<id>.html`.
    Evidence:
        seen in public pages: the host, all three URL shapes, the vowel-less slugs, the
        category name and MySQL datetime on one line, the missing spaces at inline-tag
        boundaries (sites.json). The listing path `/ban-tin-kh-cn` and its `/page-N` pager
        are assumed.
    Notes:
        Legacy: the archive of a former province's department. The date line reads
        "Bản tin KH&CN 2016-10-07 03:14:52" (one text node, hence the whole line is read);
        an undated article prints the database's zero date "-0001-11-30 07:06:30", which is
        no date. Word-pasted paragraphs run words together ("Sở KH&CNtỉnh"): kept as printed.
    """

    name = "hai_duong"
    department = "Sở Khoa học và Công nghệ tỉnh Hải Dương"
    province = "hai-duong"
    homepage = "https://haiduongdost.gov.vn/"
    legacy = True
    evidence = "seen in public pages (host, article URL shapes, date line); listing path assumed"
    start_urls = ["https://haiduongdost.gov.vn/ban-tin-kh-cn"]
    listing_date = "div.article-info"
    date = "div.item-page div.article-info"
    article_url = r"/article/[^/]+/\d+$|/ban-tin-kh-cn/[^/]+/[^/]+-\d+\.html$"
    url_rewrites = [
        *JoomlaSpider.url_rewrites,
        (r"/2016-04-15-01-16-33/[^/]+/article/", "/article/"),
    ]
