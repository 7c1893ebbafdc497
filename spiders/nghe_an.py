from crawlers.platforms.querystring import QueryStringSpider


class NgheAnSpider(QueryStringSpider):
    """
    Department:
        Sở Khoa học và Công nghệ tỉnh Nghệ An (Department of Science and Technology of
        Nghệ An province; the province was not merged in 2025).
    Website:
        http://skhcn.nghean.gov.vn (assumed), news category "Tin hoạt động".
    Platform:
        querystring (assumed): `index.php?mod=news&act=list&cid=<c>` lists a category,
        `&act=detail&cid=<c>&id=<id>` shows an article.
    Evidence:
        assumed: host by the skhcn.<province>.gov.vn pattern; platform assumed. No page of
        the department's site was seen; the date line "Tin đăng ngày: ... - Xem: N" follows
        a Nghệ An provincial site (khxhnvnghean.gov.vn, sites.json).
    Notes:
        Everything about this source is a guess to be checked against the live site.
    """

    name = "nghe_an"
    department = "Sở Khoa học và Công nghệ tỉnh Nghệ An"
    province = "nghe-an"
    homepage = "http://skhcn.nghean.gov.vn/"
    evidence = "assumed: host by the skhcn.<province>.gov.vn pattern; platform assumed"
    start_urls = ["http://skhcn.nghean.gov.vn/index.php?mod=news&act=list&cid=5"]
    article_url = r"[?&]act=detail&cid=\d+&id=\d+$"
