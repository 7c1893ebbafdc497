from crawlers.platforms.drupal import DrupalSpider


class SonLaSpider(DrupalSpider):
    """
    Department:
        Sở Khoa học và Công nghệ tỉnh Sơn La (Department of Science and Technology of Sơn
        La province; the province was not merged in 2025).
    Website:
        https://skhcn.sonla.gov.vn (assumed), news section "Tin hoạt động".
    Platform:
        drupal (assumed): Drupal 10, articles at `/tin-tuc/<slug>`, a query-only pager.
    Evidence:
        assumed: host by the skhcn.<province>.gov.vn pattern; platform assumed. No page of
        the department's site was found (sites.json); every URL here is a guess.
    Notes:
        Replace the host, paths and platform once a real page is seen. The mirror prints
        "Ngày đăng: dd/mm/yyyy" in the node's meta and a view count beside it.
    """

    name = "son_la"
    department = "Sở Khoa học và Công nghệ tỉnh Sơn La"
    province = "son-la"
    homepage = "https://skhcn.sonla.gov.vn/"
    evidence = "assumed: host by the skhcn.<province>.gov.vn pattern; platform assumed"
    start_urls = ["https://skhcn.sonla.gov.vn/tin-tuc/tin-hoat-dong"]
