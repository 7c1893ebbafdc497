from crawlers.platforms.slugid import SlugIdSpider


class KienGiangSpider(SlugIdSpider):
    """
    Department:
        Sở Khoa học và Công nghệ tỉnh Kiên Giang (Department of Science and Technology of
        Kiên Giang province, merged into An Giang on 2025-07-01).
    Website:
        http://skhcn.kiengiang.gov.vn, news section "Các tin tức khác".
    Platform:
        slug-id: `/<category>/chitiet/<id>/<slug>` on a hospital site template.
    Evidence:
        seen in public pages: host, category and article URL shape (sites.json, seed 001).
        The listing's `?page=N` pagination is assumed.
    Notes:
        Legacy. The font-size tools "A A" are glued to the headline; the date is a bare
        dd/mm/yyyy line under it; bylines read "Name – VP Sở KH&CN".
    """

    name = "kien_giang"
    department = "Sở Khoa học và Công nghệ tỉnh Kiên Giang"
    province = "kien-giang"
    homepage = "http://skhcn.kiengiang.gov.vn/"
    legacy = True
    evidence = "seen in public pages (host, article URL shape); pagination assumed"
    start_urls = ["http://skhcn.kiengiang.gov.vn/cac-tin-tuc-khac"]
    # The hospital template, not the slug-id portal's markup.
    listing_item = "div.list-tin div.media"
    listing_link = "h4 a::attr(href)"
    listing_date = None
    pagination = "ul.pagination a::attr(href)"
    article_url = r"/chitiet/\d+/"
    title = "div.chitiet-tin h3.tieude"
    date = "div.chitiet-tin div.ngaydang"
    body = "div.chitiet-tin div.noidung"
    byline = None
    attachments = None
