"""Clean pipeline: the page's raw title and body HTML become clean NFC text.

Boilerplate lines (counters, font tools, "Tin khác" lists, image residue...) go, using the
phrase list in `data/boilerplate.txt`; the raw fields stay on the item untouched.
"""

from __future__ import annotations

from typing import Any

from normalize.text import clean_body, clean_title, html_to_text, nfc, squash_spaces


def clean_article(item: Any) -> Any:
    """Fill `title` and `body_text` from `title_raw` and `body_html`."""
    item["title"] = clean_title(item.get("title_raw") or "")
    item["body_text"] = clean_body(html_to_text(item.get("body_html") or ""), item["title"])
    for key in ("published_raw", "byline_raw"):
        if item.get(key):
            item[key] = (
                squash_spaces(nfc(item[key])) if key == "published_raw" else nfc(item[key]).strip()
            )
    return item


class CleanPipeline:
    def process_item(self, item: Any) -> Any:
        return clean_article(item)
