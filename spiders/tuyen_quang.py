from crawlers.platforms.slugid import SlugIdSpider


class TuyenQuangSpider(SlugIdSpider):
    """
    Department:
        Sở Khoa học và Công nghệ tỉnh Tuyên Quang (Department of Science and Technology of
        Tuyên Quang province; since 2025-07-01 the province includes former Hà Giang).
    Website:
        https://skhcn.tuyenquang.gov.vn (assumed), news category "Tin hoạt động".
    Platform:
        slug-id: `/tin-tuc/<cat>/<slug>-<id>.html` articles, `/tin-tuc/<cat>/trang-N.html`
        listing pages.
    Evidence:
        assumed: host by the skhcn.<province>.gov.vn pattern (no page of the department's
        site was seen); platform and URL shapes by the pattern of other Tuyên Quang
        departments' sites (snntuyenquang.gov.vn, sonoivu.tuyenquang.gov.vn, sites.json).
    Notes:
        The visitor counter prints one digit a line. Bylines "Tin, ảnh: ..." close the
        body; the date reads "Thứ Năm, 22/05/2014 - 20:15".
    """

    name = "tuyen_quang"
    department = "Sở Khoa học và Công nghệ tỉnh Tuyên Quang"
    province = "tuyen-quang"
    homepage = "https://skhcn.tuyenquang.gov.vn/"
    evidence = (
        "assumed: host by the skhcn.<province>.gov.vn pattern; platform by the sibling "
        "departments' pattern (/tin-tuc/<cat>/<slug>-<id>.html, /trang-N.html)"
    )
    start_urls = ["https://skhcn.tuyenquang.gov.vn/tin-tuc/tin-hoat-dong"]
