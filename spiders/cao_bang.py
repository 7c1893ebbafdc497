from crawlers.platforms.nukeviet import NukeVietSpider


class CaoBangSpider(NukeVietSpider):
    """
    Department:
        Sở Khoa học và Công nghệ tỉnh Cao Bằng (Department of Science and Technology of
        Cao Bằng province; the province was not merged in 2025).
    Website:
        http://khcncaobang.gov.vn, news category "Khoa học công nghệ".
    Platform:
        nukeviet: NukeViet 4, module news (`index.php?language=vi&nv=news&op=...`).
    Evidence:
        seen in public pages: host, NukeViet routes and the category slug (sites.json,
        seed 002).
    Notes:
        Article pages print the view count but no date; the listing prints each entry's
        time. The author field is printed below the body ("HN").
    """

    name = "cao_bang"
    department = "Sở Khoa học và Công nghệ tỉnh Cao Bằng"
    province = "cao-bang"
    homepage = "http://khcncaobang.gov.vn/"
    evidence = "seen in public pages (host, NukeViet routes, category)"
    start_urls = ["http://khcncaobang.gov.vn/index.php?language=vi&nv=news&op=Khoa-hoc-cong-nghe"]
