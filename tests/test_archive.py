"""The raw archive: its size report (`scrapy archive`) checked against numbers computed here
from the database itself, and `scrapy reprocess` rebuilding every normalized field from it.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from crawlers.commands.archive import human
from crawlers.mirror import MirrorServer
from crawlers.store import ARTICLE_COLUMNS, MENTION_TABLES, SourceRecord
from tests.conftest import content

ROOT = Path(__file__).resolve().parent.parent
SCRAPY = str(Path(sys.executable).parent / "scrapy")
SOURCES = ["cao_bang", "kien_giang"]


def source(name: str) -> SourceRecord:
    return SourceRecord(name, name, "cao-bang", "h", "p", False, "e")


def archive(store, url: str, body: bytes, name: str = "cao_bang", kind: str = "article") -> None:
    store.archive_page(
        url=url, body=body, status=200, headers={}, source_id=name, kind=kind, crawl_id=None
    )


def test_sizes_count_every_fetch_and_store_each_body_once(store):
    for name in ("cao_bang", "bac_kan"):
        store.upsert_source(source(name))
    page, other = b"<p>" + b"tin tuc " * 500 + b"</p>", b"<p>khac</p>"
    archive(store, "https://a/1", page)
    archive(store, "https://a/1", page)  # fetched again, same body
    archive(store, "https://a/", other, kind="listing")
    archive(store, "https://b/1", page, name="bac_kan")  # the same body on another source
    store.upsert_article(
        {"url": "https://a/1", "source_id": "cao_bang", "title": "t", "body_text": "b"}
    )
    packed = len(zlib.compress(page, 9))

    totals = store.archive_totals()
    assert (totals["pages"], totals["listing_pages"], totals["article_pages"]) == (4, 1, 3)
    assert totals["bodies"] == 2
    assert totals["fetched_bytes"] == 3 * len(page) + len(other)
    assert totals["body_bytes"] == len(page) + len(other)
    assert totals["stored_bytes"] == packed + len(zlib.compress(other, 9))
    assert totals["articles"] == 1
    assert totals["database_bytes"] == totals["page_count"] * totals["page_size"] > 0

    rows = {r["source_id"]: r for r in store.archive_sizes()}
    assert rows["bac_kan"] | {"source_id": None} == {
        "source_id": None,
        "pages": 1,
        "listing_pages": 0,
        "article_pages": 1,
        "bodies": 1,
        "fetched_bytes": len(page),
        "body_bytes": len(page),
        "stored_bytes": packed,
        "articles": 0,
    }
    assert rows["cao_bang"]["pages"] == 3 and rows["cao_bang"]["articles"] == 1
    assert store.archive_totals(["bac_kan"])["stored_bytes"] == packed


@pytest.mark.parametrize(
    ("size", "shown"), [(0, "0 B"), (950, "950 B"), (9_500, "9.5 kB"), (12_345_678, "12.3 MB")]
)
def test_human_sizes(size, shown):
    assert human(size) == shown


def scrapy(*args: str, db: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "DOST_DB": str(db), **env}
    environment.pop("DOST_MIRROR", None)
    environment.update(env)
    return subprocess.run(
        [SCRAPY, *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=300
    )


@pytest.fixture(scope="module")
def crawled(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("archive") / "dost.db"
    with MirrorServer() as mirror:
        for name in SOURCES:
            result = scrapy("crawl", name, db=db, DOST_MIRROR=mirror.url)
            assert result.returncode == 0, result.stderr
    return db


def measured(db: Path) -> dict[str, int]:
    """The report's numbers, computed from the stored bytes themselves."""
    with sqlite3.connect(db) as conn:
        blobs = {h: body for h, body in conn.execute("select hash, body from raw_blobs")}
        fetched = [h for (h,) in conn.execute("select content_hash from raw_pages")]
        (articles,) = conn.execute("select count(*) from articles").fetchone()
    stored = sum(len(body) for body in blobs.values())
    return {
        "pages": len(fetched),
        "bodies": len(set(fetched)),
        "fetched_bytes": sum(len(zlib.decompress(blobs[h])) for h in fetched),
        "body_bytes": sum(len(zlib.decompress(body)) for body in blobs.values()),
        "stored_bytes": stored,
        "articles": articles,
        "stored_bytes_per_article": round(stored / articles),
        "database_bytes": db.stat().st_size,  # no -wal left: the crawl closed the database
    }


@pytest.mark.e2e
def test_the_size_report_matches_the_database(crawled):
    expected = measured(crawled)
    assert expected["articles"] == sum(len(content(n)) for n in SOURCES)

    result = scrapy("archive", "--json", db=crawled)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert {k: report["totals"][k] for k in expected} == expected
    assert report["totals"]["archive_disk_bytes"] >= expected["stored_bytes"]
    assert [r["source_id"] for r in report["sources"]] == SOURCES
    assert sum(r["pages"] for r in report["sources"]) == expected["pages"]

    text = scrapy("archive", "--by-source", db=crawled).stdout
    for label in ("pages archived", "bytes stored", "archive per article", "database file"):
        line = next(ln for ln in text.splitlines() if ln.strip().startswith(label))
        key = {
            "pages archived": "pages",
            "bytes stored": "stored_bytes",
            "archive per article": "stored_bytes_per_article",
            "database file": "database_bytes",
        }[label]
        assert f"{expected[key]:,}" in line, line
    assert all(any(ln.startswith(name) for ln in text.splitlines()) for name in SOURCES)


@pytest.mark.e2e
def test_reprocess_rebuilds_every_normalized_field_from_the_archive(crawled, tmp_path):
    db = tmp_path / "wiped.db"
    with sqlite3.connect(crawled) as source, sqlite3.connect(db) as target:
        source.backup(target)
    kept = ("url", "source_id", "published_raw")  # published_raw: a listing's date is only here
    wiped = [c for c in ARTICLE_COLUMNS if c not in kept]
    side_tables = {table: [*columns] for table, columns in MENTION_TABLES.values()}

    def snapshot(path: Path) -> dict[str, list[tuple]]:
        with sqlite3.connect(path) as conn:
            tables = {"articles": conn.execute("select * from articles order by id").fetchall()}
            for table in side_tables:
                columns = [f"[{c}]" for c in ["article_id", *side_tables[table]]]
                tables[table] = sorted(
                    conn.execute(f"select {', '.join(columns)} from [{table}]").fetchall(),
                    key=repr,
                )
            tables["fts"] = conn.execute(
                "select rowid, title, body_text from articles_fts order by rowid"
            ).fetchall()
        return tables

    before = snapshot(db)
    with sqlite3.connect(db) as conn:
        conn.execute(
            "update articles set "
            + ", ".join(
                f"{c} = ''" if c in ("title", "body_text") else f"{c} = null" for c in wiped
            )
        )
        for table in side_tables:
            conn.execute(f"delete from [{table}]")
    assert snapshot(db) != before

    result = scrapy("reprocess", db=db)
    assert result.returncode == 0, result.stderr
    assert snapshot(db) == before
