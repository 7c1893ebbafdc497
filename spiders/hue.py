from crawlers.platforms.sharepoint import SharePointSpider


class HueSpider(SharePointSpider):
    """
    Department:
        Sở Khoa học và Công nghệ thành phố Huế (Department of Science and Technology of Huế
        city; the province Thừa Thiên Huế became the centrally-run city Huế on 2025-01-01,
        and was not merged on 2025-07-01).
    Website:
        https://skhcn.hue.gov.vn, news "Hoạt động của Sở".
    Platform:
        sharepoint: assumed SharePoint 2013 publishing site with a `vi-vn` variation
        (`/vi-vn/tin-tuc/Pages/<slug>.aspx`).
    Evidence:
        assumed: host by the skhcn.<province>.gov.vn pattern; platform assumed. No page of
        the department's own site was seen (sites.json has only the provincial public
        service portal).
    Notes:
        The archive starts with the city's site in January 2025. The rich-text editor leaves
        zero-width spaces at paragraph edges; captions sit in rich-text tables; a page image
        with its caption sits outside the body; attachments are a field below the body.
    """

    name = "hue"
    department = "Sở Khoa học và Công nghệ thành phố Huế"
    province = "hue"
    homepage = "https://skhcn.hue.gov.vn/"
    evidence = "assumed: host by the skhcn.<province>.gov.vn pattern; platform assumed"
    start_urls = ["https://skhcn.hue.gov.vn/vi-vn/tin-tuc/Pages/default.aspx"]
