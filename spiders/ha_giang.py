from crawlers.platforms.liferay import LiferaySpider


class HaGiangSpider(LiferaySpider):
    """
    Department:
        Sở Khoa học và Công nghệ tỉnh Hà Giang (Department of Science and Technology of
        Hà Giang province, merged into Tuyên Quang on 2025-07-01).
    Website:
        https://skhcn.hagiang.gov.vn, news section "Tin hoạt động".
    Platform:
        liferay: the HNCNewsPortlet news portlets (`NewsList_WAR_HNCNewsPortlet`,
        `NewsDetail_WAR_HNCNewsPortlet`) on query-string URLs; the site's older PHP
        generation (`index.php?com=tintuc_ct&id_news=<id>`) still answers on the same host.
    Evidence:
        seen in public pages: the host, both generations' article URLs (the portlet's export
        view and `index.php?com=tintuc_ct`) and the "Tin, ảnh: <name>" bylines (sites.json).
        Assumed: the portlet's ordinary view URL, the listing `/tin-tuc` and its `_page=N`,
        the old listing `index.php?com=danhmuc_tin&id_category=7`, and that migrated
        articles kept their old id as `newsId` (so one regex maps the two generations).
    Notes:
        Legacy. One article, three URLs: the view (stored), the export/print view and the old
        `index.php` page; the listing still links articles migrated from the old site by
        their old URL. Date line "Thứ Tư, 12/06/2024 - 09:41" under the headline.
    """

    name = "ha_giang"
    department = "Sở Khoa học và Công nghệ tỉnh Hà Giang"
    province = "ha-giang"
    homepage = "https://skhcn.hagiang.gov.vn/"
    legacy = True
    evidence = "seen in public pages (host, both URL generations); view and listing URLs assumed"
    start_urls = ["https://skhcn.hagiang.gov.vn/tin-tuc"]
    listing_item = "div.hnc-news-list div.hnc-news-item"
    listing_date = "p.hnc-news-time"
    pagination = "div.hnc-paging a::attr(href)"
    article_url = r"_NewsDetail_WAR_HNCNewsPortlet_newsId=\d+$"
    title = "div.hnc-news-detail h2.hnc-detail-title"
    date = "div.hnc-news-detail div.hnc-detail-time"
    body = "div.hnc-news-detail div.hnc-detail-content"
    attachments = "div.hnc-news-detail div.hnc-detail-files"
    url_rewrites = [
        (
            r"^(https?://[^/]+)/(?:index\.php\?com=tintuc_ct&id_news=|tin-tuc-chi-tiet\?p_p_id=NewsDetail_WAR_HNCNewsPortlet&.*?_NewsDetail_WAR_HNCNewsPortlet_newsId=)(\d+)(?:&.*)?$",
            r"\1/tin-tuc-chi-tiet?p_p_id=NewsDetail_WAR_HNCNewsPortlet&p_p_lifecycle=0&p_p_state=normal&p_p_mode=view&p_p_col_id=column-2&p_p_col_count=1&_NewsDetail_WAR_HNCNewsPortlet_newsId=\2",
        ),
    ]
