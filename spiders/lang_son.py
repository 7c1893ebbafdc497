from crawlers.platforms.drupal import DrupalSpider


class LangSonSpider(DrupalSpider):
    """
    Department:
        Sở Khoa học và Công nghệ tỉnh Lạng Sơn (Department of Science and Technology of
        Lạng Sơn province; the province was not merged in 2025).
    Website:
        https://sokhcn.langson.gov.vn, news section "Tin hoạt động"
        (`/tin-tuc-su-kien/tin-hoat-dong`, taxonomy term 105).
    Platform:
        drupal: Drupal 8+ (`/node/<nid>`, pathauto aliases at the site root, the `/bm/print/
        <nid>` print route, taxonomy term listings, a zero-based `?page=N` pager).
    Evidence:
        seen in public pages: host, the listing path, `/node/<nid>`, `/bm/print/<nid>`, a
        root-level pathauto alias and `/en/taxonomy/term/105` (sites.json). The term id of
        "Tin hoạt động" and the pager's query links are assumed.
    Notes:
        One article answers at its alias, `/node/<nid>` and `/bm/print/<nid>` (robots.txt
        forbids the print route): print links are rewritten to the node and every page's
        rel=canonical gives the alias. The site also answers under `/en/` (the pager's
        first-page link points at `/en/taxonomy/term/105`). Pages carry "Skip to main
        content", a rotating slogan banner, the tool bar "Chế độ ban đêm In trang Xuất PDF
        Đọc nội dung" and "-A A +A"; bodies are pasted from MS Word ("Description:
        C:\\Users\\...\\anh1.jpg" lines) and end with the author's name after "./." or
        "Nguồn tin: Cổng TTĐT tỉnh Lạng Sơn".
    """

    name = "lang_son"
    department = "Sở Khoa học và Công nghệ tỉnh Lạng Sơn"
    province = "lang-son"
    homepage = "https://sokhcn.langson.gov.vn/"
    evidence = "seen in public pages (host, listing path, node, print and /en/ routes)"
    start_urls = ["https://sokhcn.langson.gov.vn/tin-tuc-su-kien/tin-hoat-dong"]
    url_rewrites = [
        (r"^(https?://[^/]+)/en/", r"\1/"),
        (r"^(https?://[^/]+)/bm/print/(\d+)$", r"\1/node/\2"),
    ]
