from crawlers.platforms.sharepoint import SharePointSpider


class HaNamSpider(SharePointSpider):
    """
    Department:
        Sở Khoa học và Công nghệ tỉnh Hà Nam (Department of Science and Technology of Hà Nam
        province, merged into Ninh Bình on 2025-07-01).
    Website:
        https://skhcn.hanam.gov.vn, news group "Hoạt động của Sở"
        (`Pages/NewsGroups.aspx?cid=0450c891-...`).
    Platform:
        sharepoint: SharePoint publishing site (`/Pages/<slug>.aspx` articles, a news web
        part listing by category GUID).
    Evidence:
        seen in public pages: host, `/Pages/<slug>.aspx` and the NewsGroups.aspx listing with
        its cid, "Skip Ribbon Commands" at the top (sites.json). The `&Page=N` pager is
        assumed.
    Notes:
        Legacy: the archive of a former province's department. Text pasted from Word keeps
        its span runs, and where the source had no space the words run together
        ("SởKhoa học"). The date line reads "Ngày đăng: dd/mm/yyyy"; attachments are links
        at the end of the body.
    """

    name = "ha_nam"
    department = "Sở Khoa học và Công nghệ tỉnh Hà Nam"
    province = "ha-nam"
    homepage = "https://skhcn.hanam.gov.vn/"
    legacy = True
    evidence = (
        "seen in public pages (host, /Pages/<slug>.aspx, NewsGroups.aspx?cid=); pager assumed"
    )
    start_urls = [
        "https://skhcn.hanam.gov.vn/Pages/NewsGroups.aspx?cid=0450c891-b96c-46a2-b025-22b9672baa0c"
    ]
