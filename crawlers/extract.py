"""The generic extractor: an article's title, date and body from a page of any site.

Used when a source's selectors find nothing (a redesign, an odd page) and by `scrapy
extract` for a host no source knows. What it knows about department pages:

- title: the page's `og:title`, else the headline (an `h1`/`h2` or an element classed as a
  title, outside the header and side columns), else the longest part of `<title>`;
- date: where a page prints its own publication date: meta tags (`article:published_time`,
  `pubdate`, `DC.date.issued`, `itemprop=datePublished`), `<time datetime>`, the short lines
  right after the headline, elements classed as a date. Never the header's "today" (the
  visit date), never a sidebar's or an "other news" list's dates;
- body: the main text, found by trafilatura (precision first), as paragraphs.

The byline, when the body ends with one, is split off later by the normalize pipeline.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from lxml import html as lxml_html

from normalize.dates import parse_date
from normalize.text import fold, squash_spaces

# Parts of a page that are never the article: their dates are other articles' or today's.
# Class names and ids are read as words ("col-right", "RightPane", "tin_khac" → col right,
# right pane, tin khac): a strong word marks chrome wherever it appears; a weak one
# ("header") only when no article word qualifies it ("article-header" is the article's).
# (Not <form>: ASP.NET WebForms wraps the whole page in one.)
_EXCLUDED_TAGS = {"header", "nav", "footer", "aside", "script", "style", "noscript"}
_STRONG = {
    "sidebar",
    "sidebars",
    "aside",
    "menu",
    "menus",
    "nav",
    "navbar",
    "navigation",
    "footer",
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "counter",
    "counters",
    "thongke",
    "pager",
    "pagination",
    "widget",
    "share",
    "social",
    "comment",
    "comments",
    "binhluan",
    "related",
    "lienquan",
    "other",
    "others",
    "khac",
    "tinkhac",
    "latest",
    "hot",
    "tophits",
    "mostview",
    "docnhieu",
    "today",
    "homnay",
    "hientai",
    "clock",
    "weather",
    "thoitiet",
    "quangcao",
    "advert",
    "advertisement",
    "ads",
    "lienket",
    "weblink",
    "weblinks",
    "slogan",
    "topbar",
    "rightpane",
    "leftpane",
    "tinmoi",
    "moinhat",
    "dadua",
    "calendar",
    "marquee",
    "ticker",
    "lbltoday",
}
_STRONG_PAIRS = {
    ("tin", "khac"),
    ("tin", "moi"),
    ("lien", "quan"),
    ("thong", "ke"),
    ("hom", "nay"),
    ("hien", "tai"),
    ("quang", "cao"),
    ("lien", "ket"),
    ("binh", "luan"),
    ("doc", "nhieu"),
    ("cung", "chuyen"),
    ("da", "dua"),
    ("col", "right"),
    ("col", "left"),
    ("right", "col"),
    ("left", "col"),
    ("right", "column"),
    ("left", "column"),
    ("side", "bar"),
    ("top", "bar"),
    ("right", "pane"),
    ("left", "pane"),
    ("current", "time"),
    ("thoi", "tiet"),
    ("moi", "nhat"),
    ("most", "read"),
    ("time", "now"),
}
_WEAK = {"header", "masthead"}
_ARTICLE_WORDS = {
    "article",
    "news",
    "post",
    "entry",
    "node",
    "content",
    "detail",
    "details",
    "chitiet",
    "noidung",
    "story",
    "page",
    "title",
    "tieude",
    "tin",
    "bai",
    "journal",
    "item",
}
_WORD_SPLIT = re.compile(r"[-_\s:./]+|(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=\d)")


def _words(marks: str) -> list[list[str]]:
    """Each class name / id as its lower-case words."""
    return [[w.lower() for w in _WORD_SPLIT.split(token) if w] for token in marks.split()]


_SIDES = {"right"}  # "left" is often the main column (WebSphere: wpthemeLeft)
_ALIGNMENT = {
    "text",
    "pull",
    "float",
    "align",
    "margin",
    "padding",
    "border",
    "img",
    "image",
    "icon",
    "arrow",
    "caret",
    "fa",
    "glyphicon",
    "to",
    "from",
    "offset",
}


def _is_chrome(marks: str) -> bool:
    for words in _words(marks):
        # A right-hand column ("qn-right"), not alignment ("text-right") nor the
        # article's own parts ("article-left").
        if any(w in _SIDES for w in words) and not any(
            w in _ALIGNMENT or w in _ARTICLE_WORDS for w in words
        ):
            return True
        if any(w in _STRONG for w in words) or any(
            p in _STRONG_PAIRS for p in itertools.pairwise(words)
        ):
            return True
        if any(w in _WEAK for w in words) and not any(w in _ARTICLE_WORDS for w in words):
            return True
    return False


_TITLE_MARK = re.compile(r"title|tieu-?de|tieude|headline|heading", re.IGNORECASE)
_DATE_MARK = re.compile(r"date|time|ngay|posted|published|pubdate|meta", re.IGNORECASE)
_DATE_META = [
    "article:published_time",
    "og:published_time",
    "pubdate",
    "publishdate",
    "publish-date",
    "date",
    "dc.date.issued",
    "dc.date",
    "dcterms.issued",
    "dcterms.created",
    "created",
]
_TITLE_SEPARATORS = re.compile(r"\s+[-|–»:]\s+")
_MAX_DATE_LINE = 120


@dataclass(frozen=True)
class Extracted:
    title: str
    published_raw: str | None
    body_html: str


def _marks(el: lxml_html.HtmlElement) -> str:
    return f"{el.get('class', '')} {el.get('id', '')}"


def _chrome_element(el: lxml_html.HtmlElement) -> bool:
    """Is this element (not its ancestors) page chrome?"""
    tag = el.tag.lower() if isinstance(el.tag, str) else ""
    if tag in ("html", "body"):  # their classes describe the layout, not a region
        return False
    if tag in ("header", "footer") and (
        any(a.tag == "article" for a in el.iterancestors())
        or any(w in _ARTICLE_WORDS for words in _words(_marks(el)) for w in words)
    ):
        return False  # an article's own header/footer (HTML5: <article><header>)
    return tag in _EXCLUDED_TAGS or _is_chrome(_marks(el))


def _excluded(el: lxml_html.HtmlElement) -> bool:
    node: lxml_html.HtmlElement | None = el
    while node is not None:
        if _chrome_element(node):
            return True
        node = node.getparent()
    return False


def _text(el: lxml_html.HtmlElement) -> str:
    return squash_spaces(el.text_content())


def _meta(root: lxml_html.HtmlElement, names: list[str]) -> str | None:
    for name in names:
        for attr in ("property", "name", "itemprop"):
            for el in root.xpath(
                f"//meta[translate(@{attr}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', "
                f"'abcdefghijklmnopqrstuvwxyz') = '{name}']"
            ):
                value = (el.get("content") or "").strip()
                if value:
                    return value
    return None


def _headline(root: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    """The headline element: among h1/h2 and title-classed elements outside the page's
    chrome, the one the document's <title> (or og:title) repeats, else the first h1, else
    the longest (a portlet caption is short; a headline is a sentence)."""
    candidates = [
        el
        for el in root.xpath("//h1 | //h2 | //h3 | //*[@class or @id]")
        if (el.tag in ("h1", "h2") or _TITLE_MARK.search(_marks(el)))
        and not _excluded(el)
        and 10 <= len(_text(el)) <= 400
    ]
    if not candidates:
        return None
    # A form of labelled fields (SharePoint display forms): the cell after "Tiêu đề".
    for label in root.xpath("//td | //th | //dt | //label"):
        if fold(_text(label)) in ("tieu de", "title", "ten bai viet", "tieu de bai viet"):
            value = label.getnext()
            if value is not None and 10 <= len(_text(value)) <= 400 and not _excluded(value):
                return value
    titles = root.xpath("//title")
    echo = fold(" ".join([_text(titles[0]) if titles else "", _meta(root, ["og:title"]) or ""]))

    def score(el: lxml_html.HtmlElement) -> tuple[bool, bool, int]:
        text = fold(_text(el))
        # A short caption ("Tin hoạt động") echoed by a breadcrumb-like <title> is no headline.
        echoed = len(text.split()) >= 5 and text in echo
        return (echoed, el.tag == "h1", min(len(text), 200))

    return max(candidates, key=score)


# A date printed in brackets after a headline; a date in the headline's words is the title's.
_TRAILING_DATE = re.compile(r"\s*[(\[]\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}[^()\[\]]*[)\]]\s*$")


def _title(root: lxml_html.HtmlElement, headline: lxml_html.HtmlElement | None) -> str:
    if headline is not None:
        # "Tiêu đề (26/12/2017)": the date printed inside the headline is not the title.
        return _TRAILING_DATE.sub("", _text(headline)) or _text(headline)
    og = _meta(root, ["og:title", "twitter:title"])
    if og:
        return squash_spaces(og)
    titles = root.xpath("//title")
    if titles:
        parts = _TITLE_SEPARATORS.split(_text(titles[0]))
        return max(parts, key=len) if parts else ""
    return ""


def _is_date(text: str) -> bool:
    return len(text) <= _MAX_DATE_LINE and parse_date(text).value is not None


def _date(root: lxml_html.HtmlElement, headline: lxml_html.HtmlElement | None) -> str | None:
    meta = _meta(root, [*_DATE_META, "datepublished"])
    if meta and parse_date(meta).value is not None:
        return meta
    # RDFa / microdata on the article's own date element ("dc:date", "datePublished").
    for el in root.xpath("//*[@content or @datetime][@property or @itemprop]"):
        kind = f"{el.get('property', '')} {el.get('itemprop', '')}".lower()
        value = el.get("content") or el.get("datetime")
        if (
            (
                "dc:date" in kind
                or "dc:created" in kind
                or "datepublished" in kind
                or "published_time" in kind
            )
            and not _excluded(el)
            and value
            and parse_date(value).value is not None
        ):
            return value
    for el in root.xpath("//time"):
        value = el.get("datetime") or _text(el)
        if not _excluded(el) and value and parse_date(value).value is not None:
            return value
    if headline is not None:
        # The date line sits next to the headline: inside it ("Tiêu đề (26/12/2017)") or in
        # the few short text nodes that follow it, before the body begins.
        # Only a bracketed date at the end: "Ngày KH&CN Việt Nam 18/5/2026" is a title.
        bracketed = _TRAILING_DATE.search(_text(headline))
        if bracketed and _is_date(bracketed.group(0).strip()):
            return bracketed.group(0).strip()
        seen = 0
        for node in headline.xpath("following::text()"):
            text = squash_spaces(node)
            if not text:
                continue
            parent = node.getparent()
            if parent is not None and _excluded(parent):
                continue
            seen += 1
            if _is_date(text):
                return text
            if seen >= 6 or len(text) > 200:  # the body has begun
                break
    # An element named as the publication date ("ngay-dang", "lblNgayDang", "published")
    # counts wherever the template put it (Kon Tum: at the end of the breadcrumb), when it
    # is the only one.
    labelled = [
        el
        for el in root.xpath("//*[@class or @id]")
        if _is_publication_date(_marks(el)) and _is_date(_text(el))
    ]
    if len(labelled) == 1:
        return _text(labelled[0])
    for el in root.xpath("//*[@class or @id]"):
        if _DATE_MARK.search(_marks(el)) and not _excluded(el):
            text = _text(el)
            if text and _is_date(text):
                return text
    return None


def _is_publication_date(marks: str) -> bool:
    for words in _words(marks):
        pairs = set(itertools.pairwise(words))
        if pairs & {
            ("ngay", "dang"),
            ("post", "date"),
            ("publish", "date"),
            ("date", "published"),
        } or {"published", "pubdate", "ngaydang", "datepublished"} & set(words):
            return True
    return False


_BLOCKS = "div|p|table|ul|ol|h1|h2|h3|h4|section|article"


def _without_chrome(root: lxml_html.HtmlElement, headline: lxml_html.HtmlElement | None) -> str:
    """The page reduced to its article: header, menus, side columns and other-news lists
    removed, then everything before the headline and the headline itself. Layout tables
    (cells holding blocks, as old portals are built) become plain containers, so the text
    keeps its paragraphs; data tables stay tables."""
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        if (
            el is not headline
            and _chrome_element(el)
            and (headline is None or el not in headline.iterancestors())
        ):
            el.getparent().remove(el)
    for table in root.xpath(
        "//table[.//td/*[self::" + " or self::".join(_BLOCKS.split("|")) + "]]"
    ):
        for el in [table, *table.iter()]:
            if isinstance(el.tag, str) and el.tag in ("table", "tbody", "thead", "tr", "td", "th"):
                el.tag = "div"
    if headline is not None and headline.getparent() is not None:
        node = headline
        while node is not None and node.getparent() is not None:
            for sibling in list(node.itersiblings(preceding=True)):
                node.getparent().remove(sibling)
            node = node.getparent()
        headline.getparent().remove(headline)
    return lxml_html.tostring(root, encoding="unicode")


def _body(html: str) -> str:
    import trafilatura

    text = trafilatura.extract(
        html,
        output_format="txt",
        include_comments=False,
        include_tables=True,
        favor_precision=True,
        deduplicate=False,  # its cache spans calls: a page read twice would lose its text
    )
    if not text:
        return ""
    from html import escape

    lines = [line.strip() for line in text.splitlines() if line.strip()]
    # A date line left between the headline and the text is the article's date, not text.
    while lines and len(lines[0]) <= 60 and parse_date(lines[0]).value is not None:
        lines.pop(0)
    return "\n".join(f"<p>{escape(line)}</p>" for line in lines)


_LEAD_WORDS = {"sapo", "lead", "summary", "intro", "tomtat", "description", "trichyeu", "abstract"}


def _lead(root: lxml_html.HtmlElement) -> str | None:
    """The article's lead paragraph (sapo), printed apart from the body, which the body
    extraction tends to drop for looking like a teaser."""
    for el in root.xpath("//*[@class or @id]"):
        words = {w for token in _words(_marks(el)) for w in token}
        if words & _LEAD_WORDS and not _excluded(el):
            text = _text(el)
            if 40 <= len(text) <= 1500:
                return text
    return None


def extract_article(html: str, url: str = "") -> Extracted:
    """Title, printed date and body HTML of an article page. Never raises: a page that
    cannot be parsed gives empty fields."""
    try:
        root = lxml_html.document_fromstring(html)
    except (ValueError, lxml_html.etree.ParserError):
        return Extracted("", None, "")
    headline = _headline(root)
    title = _title(root, headline)
    published = _date(root, headline)
    lead = _lead(root)
    body = _body(_without_chrome(root, headline))
    if lead and squash_spaces(lead)[:60] not in squash_spaces(
        lxml_html.fromstring(f"<div>{body}</div>").text_content() if body else ""
    ):
        from html import escape

        body = f"<p>{escape(lead)}</p>\n{body}"
    return Extracted(title=title, published_raw=published, body_html=body)
