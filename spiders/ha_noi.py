from crawlers.platforms.liferay import LiferaySpider


class HaNoiSpider(LiferaySpider):
    """
    Department:
        Sở Khoa học và Công nghệ thành phố Hà Nội (Department of Science and Technology of
        Hà Nội; the city was not merged in 2025).
    Website:
        https://skhcn.hanoi.gov.vn (assumed), news section "Tin hoạt động".
    Platform:
        liferay: Liferay's own Asset Publisher (`101_INSTANCE_<id>`), articles at
        `/tin-tuc-su-kien/-/asset_publisher/<instance>/content/<url-title>`.
    Evidence:
        assumed: host by the skhcn.<province>.gov.vn pattern; platform assumed. No page of
        the department's own site was seen (sites.json: Hà Nội's science news was seen only
        on third-party sites); Liferay is what several provincial portals run.
    Notes:
        Everything about this site is an assumption to check against the live site. The
        listing links carry `?redirect=...` and the print view is `?p_p_state=pop_up&...`;
        both are stored under the bare `/content/<url-title>` URL.
    """

    name = "ha_noi"
    department = "Sở Khoa học và Công nghệ thành phố Hà Nội"
    province = "ha-noi"
    homepage = "https://skhcn.hanoi.gov.vn/"
    evidence = "assumed: host by the skhcn.<province>.gov.vn pattern; platform assumed"
    start_urls = ["https://skhcn.hanoi.gov.vn/tin-tuc-su-kien"]
