"""Shared fixtures: saved mirror pages as Scrapy responses, the mirror server, a temp DB."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse

from crawlers.mirror import MANIFEST, MIRROR_DIR, MirrorServer
from crawlers.store import Store

ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = ROOT / "tests" / "seeds"
CONTENT_DIR = MIRROR_DIR / "_content"


def mirror_file(url: str) -> Path:
    """The saved page the mirror serves for a real URL."""
    parts = urlsplit(url)
    manifest = json.loads((MIRROR_DIR / parts.netloc / MANIFEST).read_text(encoding="utf-8"))
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    return MIRROR_DIR / parts.netloc / manifest["pages"][target]["file"]


def file_response(path: Path, url: str, meta: dict[str, Any] | None = None) -> HtmlResponse:
    """A response for a saved page, as if fetched from `url`."""
    request = Request(url, meta=meta or {})
    return HtmlResponse(url=url, body=path.read_bytes(), request=request, encoding="utf-8")


def mirror_response(url: str, meta: dict[str, Any] | None = None) -> HtmlResponse:
    return file_response(mirror_file(url), url, meta)


def content(spider: str) -> list[dict[str, Any]]:
    """The articles the mirror of a source was rendered from: the ground truth."""
    spec = json.loads((CONTENT_DIR / f"{spider}.json").read_text(encoding="utf-8"))
    return spec["articles"]


# Which source carries each seed article (tests/seeds/NNN_*.txt).
SEED_SOURCES = {
    "000": "ben_tre",
    "001": "kien_giang",
    "002": "cao_bang",
    "003": "ben_tre",
    "004": "hai_phong",
}


def seed(number: str) -> tuple[str, list[str]]:
    path = next(SEEDS_DIR.glob(f"{number}_*.txt"))
    article = next(a for a in content(SEED_SOURCES[number]) if a.get("seed") == number)
    return article["title"], path.read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="session")
def mirror() -> Iterator[MirrorServer]:
    with MirrorServer() as server:
        yield server


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    db = Store(tmp_path / "dost.db")
    yield db
    db.close()


# -- a source's saved pages, by spider name (shared by the per-platform tests) ---------------


def make_spider(name: str) -> Any:
    """The spider `scrapy list` knows by this name, built as a crawl builds it."""
    from scrapy.spiderloader import SpiderLoader
    from scrapy.utils.project import get_project_settings
    from scrapy.utils.test import get_crawler

    cls = SpiderLoader.from_settings(get_project_settings()).load(name)
    return get_crawler(cls)._create_spider()


def url_of(name: str, path: str) -> str:
    """A path of a source's site as a full URL on its real host."""
    from crawlers.mirror.build import load_sites

    return load_sites()[name].base_url + path


def article(name: str, article_id: int) -> dict[str, Any]:
    return next(a for a in content(name) if a["id"] == article_id)


def article_url(name: str, article_id: int) -> str:
    from crawlers.mirror.build import load_sites

    return url_of(name, load_sites()[name].article_path(article(name, article_id)))


def listing(name: str, page: int = 1) -> tuple[list[Request], list[Request]]:
    """The article requests and the listing requests a listing page yields."""
    from crawlers.mirror.build import load_sites

    spider = make_spider(name)
    url = url_of(name, load_sites()[name].listing_path(page))
    requests = list(spider.parse(mirror_response(url)))
    articles = [r for r in requests if r.callback == spider.parse_article]
    pages = [r for r in requests if r.callback == spider.parse]
    return articles, pages


def parse(name: str, url: str, listing_date: str | None = None) -> Any:
    """The one item a saved article page yields, as the listing hands it over."""
    spider = make_spider(name)
    meta = {"dost_kind": "article", "listing_date": listing_date}
    response = mirror_response(url, meta=meta)
    response.request = Request(url, meta=meta)
    (item,) = spider.parse_article(response)
    return item


def normalized(item: Any) -> Any:
    from crawlers.pipelines.clean import clean_article
    from crawlers.pipelines.normalize import normalize_article

    return normalize_article(clean_article(item))
