"""The generic extractor alone, as `scrapy extract` uses it for an unknown host, on every
article page of the mirror (13 templates of 11 CMS families): the title, the printed date
(and no date where the page prints none: never the header's visit date or a sidebar's),
and every paragraph of the body."""

from __future__ import annotations

import pytest

from crawlers.extract import extract_article
from crawlers.mirror.build import load_content, load_sites, load_spec
from normalize.dates import parse_date
from normalize.text import clean_body, clean_title, html_to_text, squash_spaces
from tests.conftest import MIRROR_DIR

SITES = load_sites()
PAGES = [(name, a["id"]) for name in sorted(SITES) for a in load_content(name)]


@pytest.fixture(scope="module")
def articles() -> dict[tuple[str, int], dict]:
    return {(name, a["id"]): a for name in SITES for a in load_content(name)}


@pytest.mark.parametrize(("name", "article_id"), PAGES)
def test_generic_extractor_reads_the_page(name, article_id, articles):
    article = articles[(name, article_id)]
    site = SITES[name]
    html = (MIRROR_DIR / site.host / "tin" / f"{article_id}.html").read_text(encoding="utf-8")
    found = extract_article(html)
    assert clean_title(found.title) == article["title"]
    printed = load_spec(name)["site"]["dates"] == "article" and article["published"]
    got = parse_date(found.published_raw or "").local_date
    assert (got.isoformat() if got else None) == (article["published"][:10] if printed else None)
    body = clean_body(html_to_text(found.body_html), article["title"])
    for block in article["body"]:
        if isinstance(block, str):
            assert squash_spaces(block) in body
