from crawlers.platforms.wordpress import WordPressSpider


class CaMauSpider(WordPressSpider):
    """
    Department:
        Sở Khoa học và Công nghệ tỉnh Cà Mau (Department of Science and Technology of Cà
        Mau province; since 2025-07-01 the province includes former Bạc Liêu).
    Website:
        https://camautech.vn, a news blog that publishes the "Tập san Thông tin KH&CN";
        listed for Cà Mau in sites.json, but who runs it (the department's information
        centre?) is not verified.
    Platform:
        wordpress: the family's markup with the site's own URL patterns: articles at
        `/blogs/news/<slug>`, the listing `/blogs/news` with `?page=N` (a Shopify-like
        shape; the CMS behind it is not known).
    Evidence:
        seen in public pages: host and two `/blogs/news/<slug>` article URLs (sites.json).
        The operator's link to the department, the CMS and the listing pagination are
        assumed.
    Notes:
        Articles print no date (sites.json: no dates in stored text); the blog listing
        prints each post's date, which the article inherits.
    """

    name = "ca_mau"
    department = "Sở Khoa học và Công nghệ tỉnh Cà Mau"
    province = "ca-mau"
    homepage = "https://camautech.vn/"
    evidence = "seen in public pages (host, /blogs/news/<slug> URLs); operator and CMS assumed"
    start_urls = ["https://camautech.vn/blogs/news"]
    article_url = r"/blogs/news/[^/?#]+$"
    date = None
