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


@pytest.fixture(scope="session")
def mirror() -> Iterator[MirrorServer]:
    with MirrorServer() as server:
        yield server


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    db = Store(tmp_path / "dost.db")
    yield db
    db.close()
