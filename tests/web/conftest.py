"""Datasette as its users meet it: the demo database, served in-process with the repo's files.

`demo_db` is built once per test session by the demo's own command (`scrapy crawlall
--mirror`, in a subprocess, from the mirror); every test here reads it through Datasette
exactly as `make serve` (or `make serve-public`) configures it. Tests that modify the
database work on a copy (`db_copy`), made with SQLite's online backup.
"""

from __future__ import annotations

import asyncio
import json
import os
import sqlite3
import subprocess
import sys
import urllib.parse
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRAPY = str(Path(sys.executable).parent / "scrapy")


def crawl_mirror(db: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DOST_DB": str(db), "LOG_LEVEL": "INFO"}
    env.pop("DOST_MIRROR", None)
    return subprocess.run(
        [SCRAPY, "crawlall", "--mirror"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "dost.db"
    result = crawl_mirror(db)
    assert result.returncode == 0, result.stdout + result.stderr
    return db


@pytest.fixture
def db_copy(demo_db: Path, tmp_path: Path) -> Path:
    """A private copy of the demo database (online backup: a WAL file copy would lose data)."""
    db = tmp_path / "dost.db"
    with sqlite3.connect(demo_db) as source, sqlite3.connect(db) as target:
        source.backup(target)
    return db


def metadata() -> dict[str, Any]:
    return json.loads((ROOT / "metadata.json").read_text(encoding="utf-8"))


def public_settings() -> dict[str, Any]:
    raw = json.loads((ROOT / "settings-public.json").read_text(encoding="utf-8"))
    return {k: {"off": False, "on": True}.get(v, v) for k, v in raw.items()}


def datasette(db: Path, *, public: bool = False):
    """A Datasette configured as `make serve` (or `make serve-public`) configures it."""
    from datasette.app import Datasette

    return Datasette(
        [str(db)],
        metadata=metadata(),
        settings=public_settings() if public else None,
        plugins_dir=str(ROOT / "plugins"),
        template_dir=str(ROOT / "templates"),
    )


class Response:
    def __init__(self, status: int, text: str, headers: dict[str, str]) -> None:
        self.status = status
        self.text = text
        self.headers = headers

    def json(self) -> Any:
        return json.loads(self.text)


def fetch(db: Path, path: str, *, public: bool = False) -> Response:
    async def go() -> Response:
        response = await datasette(db, public=public).client.get(path)
        return Response(response.status_code, response.text, dict(response.headers))

    return asyncio.run(go())


def get_json(db: Path, path: str, *, public: bool = False) -> Any:
    response = fetch(db, path, public=public)
    assert response.status == 200, (path, response.text[:500])
    return response.json()


def query(db: Path, stored: str, /, **params: str) -> list[dict]:
    """Rows of a stored query, as a program reads them (`?_shape=array`)."""
    return get_json(db, f"/dost/{stored}.json?_shape=array&" + urllib.parse.urlencode(params))


def rows(db: Path, sql: str, params: tuple = ()) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, params).fetchall()


def edit_and_remove(db: Path, title: str = "Tiêu đề đã sửa") -> tuple[dict, dict]:
    """As a crawl would: the first cao_bang article's page now shows another title (same
    body), the second's answers 404. Returns both articles as they were."""
    from crawlers.store import Store

    store = Store(db)
    try:
        edited, removed = (
            dict(r)
            for r in store.db.query(
                "select * from articles where source_id = 'cao_bang' order by id limit 2"
            )
        )
        crawl_id = store.start_crawl("cao_bang", mirror=True)
        store.upsert_article(
            {**edited, "title": title, "content_hash": None, "title_raw": "x"},
            crawl_id=crawl_id,
        )
        store.record_check(removed["id"], 404, crawl_id=crawl_id)
    finally:
        store.close()
    return edited, removed
