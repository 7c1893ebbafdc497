from crawlers.platforms.sharepoint import SharePointSpider


class KhanhHoaSpider(SharePointSpider):
    """
    Department:
        Sở Khoa học và Công nghệ tỉnh Khánh Hòa (Department of Science and Technology of
        Khánh Hòa province; since 2025-07-01 the province includes former Ninh Thuận).
    Website:
        https://skhcn.khanhhoa.gov.vn, news "Tin hoạt động".
    Platform:
        sharepoint: assumed SharePoint publishing site (`/Pages/<slug>.aspx`).
    Evidence:
        assumed: host by the skhcn.<province>.gov.vn pattern; platform assumed. No page of
        the department's own site was seen (sites.json lists only related portals).
    Notes:
        The date line reads "Ngày xuất bản: HH:MM dd/mm/yyyy"; a page whose date field was
        never filled prints .NET's empty date "00:00 01/01/0001", which is no date.
    """

    name = "khanh_hoa"
    department = "Sở Khoa học và Công nghệ tỉnh Khánh Hòa"
    province = "khanh-hoa"
    homepage = "https://skhcn.khanhhoa.gov.vn/"
    evidence = "assumed: host by the skhcn.<province>.gov.vn pattern; platform assumed"
    start_urls = ["https://skhcn.khanhhoa.gov.vn/Pages/tin-hoat-dong.aspx"]
