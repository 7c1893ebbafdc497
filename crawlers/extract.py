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

import re
from dataclasses import dataclass

from lxml import html as lxml_html

from normalize.dates import parse_date
from normalize.text import fold, squash_spaces

# Parts of a page that are never the article: their dates are other articles' or today's.
# (Not <form>: ASP.NET WebForms wraps the whole page in one.)
_EXCLUDED_TAGS = {"header", "nav", "footer", "aside", "script", "style", "noscript"}
_EXCLUDED_MARK = re.compile(
    r"sidebar|side-bar|col-?right|col-?left|rightpane|leftpane|right-?col|left-?col|menu|"
    r"tin-?khac|tinkhac|other|related|lien-?quan|cung-?chuyen-?muc|top-?bar|today|"
    r"current-time|header|footer|banner|counter|thong-?ke|thongke|breadcrumb|tin-?moi|"
    r"news-?new|latest|hot-?news|tophits|widget|share|comment|binh-?luan|pager|pagination|"
    # Vietnamese class names for "today" and for side boxes
    r"ngay-?hien-?tai|hom-?nay|homnay|thoi-?gian-?hien-?tai|time-?now|clock|thoi-?tiet|"
    r"tin-?moi-?nhat|tin-?doc-?nhieu|quang-?cao|lien-?ket",
    re.IGNORECASE,
)
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


def _excluded(el: lxml_html.HtmlElement) -> bool:
    node: lxml_html.HtmlElement | None = el
    while node is not None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag.lower() in _EXCLUDED_TAGS or _EXCLUDED_MARK.search(_marks(node)):
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
    titles = root.xpath("//title")
    echo = fold(" ".join([_text(titles[0]) if titles else "", _meta(root, ["og:title"]) or ""]))

    def score(el: lxml_html.HtmlElement) -> tuple[bool, bool, int]:
        text = fold(_text(el))
        return (bool(text) and text in echo, el.tag == "h1", min(len(text), 200))

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
    for el in root.xpath("//*[@class or @id]"):
        if _DATE_MARK.search(_marks(el)) and not _excluded(el):
            text = _text(el)
            if text and _is_date(text):
                return text
    return None


_BLOCKS = "div|p|table|ul|ol|h1|h2|h3|h4|section|article"


def _without_chrome(root: lxml_html.HtmlElement, headline: lxml_html.HtmlElement | None) -> str:
    """The page reduced to its article: header, menus, side columns and other-news lists
    removed, then everything before the headline and the headline itself. Layout tables
    (cells holding blocks, as old portals are built) become plain containers, so the text
    keeps its paragraphs; data tables stay tables."""
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        tag = el.tag.lower()
        if (
            el is not headline
            and (
                tag in _EXCLUDED_TAGS
                or (tag not in ("html", "body") and _EXCLUDED_MARK.search(_marks(el)))
            )
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
        deduplicate=True,
    )
    if not text:
        return ""
    from html import escape

    lines = [line.strip() for line in text.splitlines() if line.strip()]
    # A date line left between the headline and the text is the article's date, not text.
    while lines and len(lines[0]) <= 60 and parse_date(lines[0]).value is not None:
        lines.pop(0)
    return "\n".join(f"<p>{escape(line)}</p>" for line in lines)


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
    body = _body(_without_chrome(root, headline))
    return Extracted(title=title, published_raw=published, body_html=body)
