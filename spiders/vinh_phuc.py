from crawlers.platforms.sharepoint import SharePointListSpider


class VinhPhucSpider(SharePointListSpider):
    """
    Department:
        Sở Khoa học và Công nghệ tỉnh Vĩnh Phúc (Department of Science and Technology of
        Vĩnh Phúc province, merged into Phú Thọ on 2025-07-01).
    Website:
        http://sokhcn.vinhphuc.gov.vn, sub-site "tintuc", list "KhoaHocCongNghe".
    Platform:
        sharepoint: SharePoint sub-sites whose news are list items
        (`/noidung/<site>/Lists/<List>/View_Detail.aspx?ItemID=<n>`).
    Evidence:
        seen in public pages: host, the `/noidung/tintuc/Lists/KhoaHocCongNghe/
        View_Detail.aspx?ItemID=` item URLs and the "Các tin đã đưa ngày:" widget
        (sites.json). The list view `View_List.aspx` and its `?Page=N` pager are assumed.
    Notes:
        Legacy: the archive of a former province's department. An item is a display form:
        "Tiêu đề", "Ngày đăng" ("dd/mm/yyyy h:MM SA/CH"), "Nội dung" rows, list attachments
        under `Attachments/<ItemID>/`, then SharePoint's "Được tạo lúc / Được sửa đổi lần
        cuối lúc" lines, which carry other dates.
    """

    name = "vinh_phuc"
    department = "Sở Khoa học và Công nghệ tỉnh Vĩnh Phúc"
    province = "vinh-phuc"
    homepage = "http://sokhcn.vinhphuc.gov.vn/Pages/Default.aspx"
    legacy = True
    evidence = (
        "seen in public pages (host, Lists/<List>/View_Detail.aspx?ItemID=); list view assumed"
    )
    start_urls = [
        "http://sokhcn.vinhphuc.gov.vn/noidung/tintuc/Lists/KhoaHocCongNghe/View_List.aspx"
    ]
