"""Text helpers shared by every normalizer: Unicode form, whitespace and folding.

`fold` is the one key every name lookup uses: lower case, no diacritics, đ→d, both
tone-mark placements (hòa/hoà) collapsed, runs of spaces, hyphens and dots reduced to one
space. Folding never changes what is stored; it only decides what matches.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+")
_FOLD_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015_.,;:/()]+")


def nfc(text: str) -> str:
    """Return `text` in Unicode NFC, the form everything is stored in."""
    return unicodedata.normalize("NFC", text)


def squash_spaces(text: str) -> str:
    """Collapse runs of horizontal white space (NBSP, zero-width space too) to one space."""
    return _SPACES.sub(" ", text).strip()


def strip_diacritics(text: str) -> str:
    """Remove every combining mark and map đ/Đ to d/D (Unicode has no decomposition for đ)."""
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return fold_d(bare)


def fold_d(text: str) -> str:
    """`text` with đ/Đ read as d/D and nothing else changed: what the tokenizer of the
    search index cannot fold itself. Same length, so a span of the result is the same span
    of `text`. (str.replace: several times faster than str.translate on long text.)"""
    return text.replace("đ", "d").replace("Đ", "D")


def fold(text: str) -> str:
    """Matching key: lower case, no diacritics, đ→d, separators folded to single spaces.

    >>> fold("Thừa Thiên - Huế") == fold("thua thien hue")
    True
    >>> fold("Hoà Bình") == fold("HÒA BÌNH") == "hoa binh"
    True
    """
    return _FOLD_SEPARATORS.sub(" ", strip_diacritics(text).lower()).strip()


def fold_chars(text: str) -> str:
    """`text` folded character by character: lower case, no diacritics, đ→d, SAME LENGTH.

    Unlike `fold`, separators are kept, so a match at [i:j] in the result is the span
    [i:j] of the original (NFC) text. Use it to find names with their spans.

    >>> fold_chars("Sở KH&CN tỉnh Hoà Bình")
    'so kh&cn tinh hoa binh'
    """
    out = []
    for ch in text:
        base = _FOLD_CHAR.get(ch) or _SAME_LENGTH.get(ch)
        if base is None:
            decomposed = unicodedata.normalize("NFD", ch)
            kept = "".join(c for c in decomposed if not unicodedata.combining(c))
            lowered = (kept or ch).lower().replace("đ", "d")
            base = lowered[0] if len(lowered) >= 1 else ch
            if len(_FOLD_CHAR) < 4096:
                _FOLD_CHAR[ch] = base
        out.append(base)
    return "".join(out)


_FOLD_CHAR: dict[str, str] = {}
# Dashes and odd spaces fold to their plain form, so "Bà Rịa – Vũng Tàu" matches "-".
_SAME_LENGTH = {c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"} | {
    c: " " for c in "\u00a0\u2002\u2003\u2009\u202f\t"
}


# -- HTML to text ---------------------------------------------------------------------------

_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "center",
    ]
)
_SKIP_TAGS = frozenset(
    ["script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "head"]
)
_PARA, _LINE = "\x00P", "\x00L"


def html_to_text(html: str) -> str:
    """Text of an HTML fragment: one paragraph per block element, blank line between them.

    Inline elements join without a separator (as a browser renders them, so words the page
    runs together stay run together), `<br>` breaks a line, images and scripts leave nothing.
    Output is NFC with squashed spaces; never raises (unparsable input gives "").
    """
    if not html or not html.strip():
        return ""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        tag = tag.lower().rsplit("}", 1)[-1]
        if tag in _SKIP_TAGS or not tag:
            if node.tail:
                parts.append(node.tail)
            return
        if tag == "br":
            parts.append(_LINE)
        elif tag in _BLOCK_TAGS:
            parts.append(_PARA)
        if node.text and tag not in ("br",):
            parts.append(node.text)
        for child in node:
            walk(child)
        if tag in _BLOCK_TAGS:
            parts.append(_PARA)
        if node.tail:
            parts.append(node.tail)

    walk(root)
    paragraphs: list[str] = []
    for chunk in "".join(parts).split(_PARA):
        lines = [squash_spaces(line) for line in chunk.replace("\n", " ").split(_LINE)]
        lines = [line for line in lines if line]
        if lines:
            paragraphs.append("\n".join(lines))
    return nfc("\n\n".join(paragraphs))


# -- boilerplate ----------------------------------------------------------------------------


class Boilerplate:
    """The boilerplate rules of `data/boilerplate.txt` (see that file for its sections).

    - `[line]` a line equal to a phrase (compared folded) is dropped;
    - `[pattern]` a line matching a regular expression (case-insensitive) is dropped;
    - `[cut]` a line equal to a phrase starts the page's trailing lists ("Tin khác"): it and
      everything after it go;
    - `[title-tail]` a phrase glued to the end of a headline (font tools "A A") is removed.
    """

    def __init__(
        self,
        lines: set[str],
        patterns: list[re.Pattern[str]],
        cuts: set[str],
        title_tails: list[str],
    ) -> None:
        self.lines = lines
        self.patterns = patterns
        self.cuts = cuts
        self.title_tails = sorted(title_tails, key=len, reverse=True)

    @classmethod
    def from_text(cls, text: str) -> Boilerplate:
        section = ""
        lines: set[str] = set()
        patterns: list[re.Pattern[str]] = []
        cuts: set[str] = set()
        tails: list[str] = []
        for raw in text.splitlines():
            entry = raw.strip()
            if not entry or entry.startswith("#"):
                continue
            if entry.startswith("[") and entry.endswith("]"):
                section = entry[1:-1]
                continue
            if section == "line":
                lines.add(fold(entry))
            elif section == "pattern":
                patterns.append(re.compile(entry, re.IGNORECASE))
            elif section == "cut":
                cuts.add(fold(entry))
            elif section == "title-tail":
                tails.append(entry)
            else:
                raise ValueError(f"boilerplate entry outside a known section: {raw!r}")
        return cls(lines, patterns, cuts, tails)

    def is_boilerplate(self, line: str) -> bool:
        folded = fold(line)
        if not folded and not re.search(r"\w", line):
            return True  # punctuation or symbols only ("|", "•", "»")
        return folded in self.lines or any(p.search(line) for p in self.patterns)

    def is_cut(self, line: str) -> bool:
        return fold(line.rstrip(":")) in self.cuts

    def clean_title(self, title: str) -> str:
        """A headline without font tools glued to its end; squashed, NFC."""
        text = squash_spaces(nfc(title or ""))
        changed = True
        while changed:
            changed = False
            for tail in self.title_tails:
                if text.endswith(" " + tail) or text == tail:
                    text = text[: -len(tail)].rstrip(" -|")
                    changed = True
        return text

    def clean_body(self, text: str, title: str = "") -> str:
        """Drop boilerplate lines, cut trailing lists, drop the headline printed again at
        the top. Paragraphs stay separated by a blank line, lines within one by "\\n"."""
        folded_title = fold(title)
        kept: list[list[str]] = []
        for paragraph in nfc(text).split("\n\n"):
            lines: list[str] = []
            for line in paragraph.split("\n"):
                line = squash_spaces(line)
                if not line:
                    continue
                if self.is_cut(line):
                    if lines:
                        kept.append(lines)
                    return _join(kept)
                if self.is_boilerplate(line):
                    continue
                if not kept and not lines:
                    if folded_title and fold(line) == folded_title:
                        continue  # the headline printed again as the body's first line
                    line = strip_news_tag(line)
                lines.append(line)
            if lines:
                kept.append(lines)
        return _join(kept)


# A newspaper's tag opening a reposted body: "PTO-", "(GLO)-", "(ĐN) -", "(BĐ) -".
_NEWS_TAG = re.compile(r"^(?:\([A-ZĐ][\w.]{1,24}\)|[A-ZĐ]{2,6})\s*[-–—]\s*(?=\w)")


def strip_news_tag(line: str) -> str:
    """The first line of a body without a newspaper's tag ("PTO- Sáng nay" → "Sáng nay")."""
    return _NEWS_TAG.sub("", line, count=1)


def _join(paragraphs: list[list[str]]) -> str:
    return "\n\n".join("\n".join(lines) for lines in paragraphs)


_BOILERPLATE: Boilerplate | None = None


def boilerplate() -> Boilerplate:
    """The project's rules, loaded once from `data/boilerplate.txt`."""
    global _BOILERPLATE
    if _BOILERPLATE is None:
        from normalize._data import read_data_text

        _BOILERPLATE = Boilerplate.from_text(read_data_text("boilerplate.txt"))
    return _BOILERPLATE


def clean_title(title: str) -> str:
    return boilerplate().clean_title(title)


def clean_body(text: str, title: str = "") -> str:
    return boilerplate().clean_body(text, title)
