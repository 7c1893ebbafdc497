from crawlers.platforms.aspnet import AspNetSpider


class BacNinhSpider(AspNetSpider):
    """
    Department:
        Sở Khoa học và Công nghệ tỉnh Bắc Ninh (Department of Science and Technology of
        Bắc Ninh province; since 2025-07-01 the province includes former Bắc Giang).
    Website:
        http://skhcn.bacninh.gov.vn (assumed), category "Tin hoạt động".
    Platform:
        aspnet: assumed to be an ASP.NET MVC news site (`/tin-tuc/chi-tiet/<id>/<slug>`).
    Evidence:
        assumed: host by the skhcn.<province>.gov.vn pattern; platform assumed. No page of
        this department's site was seen; Bắc Ninh's other provincial sub-sites run Liferay
        (sites.json).
    Notes:
        The headline is printed twice around the date: in the `h1`, then in capitals as
        the body's first line (the clean pipeline drops it).
    """

    name = "bac_ninh"
    department = "Sở Khoa học và Công nghệ tỉnh Bắc Ninh"
    province = "bac-ninh"
    homepage = "http://skhcn.bacninh.gov.vn/"
    evidence = "assumed: host by the skhcn.<province>.gov.vn pattern; platform assumed"
    start_urls = ["http://skhcn.bacninh.gov.vn/tin-tuc/danh-muc/2/tin-hoat-dong"]
    article_url = r"/tin-tuc/chi-tiet/\d+/"
