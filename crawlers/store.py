"""The store: the only code that knows the SQLite schema of `data/dost.db`.

Tables (the data contract in DESIGN.md; every column is described in metadata.json):

- `provinces`: former and current provincial units, loaded from `data/provinces.csv`;
- `sources`: one row per spider;
- `articles`: one row per canonical article URL, upserted (first_seen kept, last_seen moved);
  never deleted: an article gone from its site is marked `removed_at` / `removed_reason`;
- `article_versions`: the earlier versions of an article whose title or body the site edited
  (the current one is in `articles`; a `scrapy reprocess` is not an edit and keeps none);
- `article_events`: what crawls found happening to articles: changed, removed, restored;
- `article_state`: the crawler's memory of each article page: the validators of its last
  answer (ETag, Last-Modified) for conditional requests, where and when a listing last
  linked it (`crawlers/incremental.py` reads it);
- `crawls`: one row per spider run;
- `raw_pages` + `raw_blobs`: every fetched page, its body zlib-compressed and stored once per
  content hash, so normalization can be re-run without the network;
- views (`VIEWS`): the counts behind the dashboard's charts and the province map, readable as
  plain tables where arbitrary SQL is off (the public profile).

The database is opened in WAL mode so Datasette can read it while a crawl writes. Each
write (an article with its side tables and search entry, an archived page, a crawl's start)
is one transaction: a process killed at any moment leaves every article whole or absent.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import sqlite3
import zlib
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from normalize.text import fold_d

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
DEFAULT_DB = DATA_DIR / "dost.db"
FTS_TOKENIZER = "unicode61 remove_diacritics 2"

# Article columns a crawl writes. `id`, `first_seen` and `last_seen` are the store's own.
ARTICLE_COLUMNS: dict[str, type] = {
    "url": str,
    "source_id": str,
    "title": str,
    "published": str,
    "published_date": str,
    "published_year": int,
    "published_month": str,
    "published_precision": str,
    "published_raw": str,
    "province_id": str,
    "current_province_id": str,
    "authors": str,
    "byline_raw": str,
    "byline_source": str,
    "unit_id": str,
    "body_text": str,
    "content_hash": str,
    "extraction": str,
}

# Article columns the store keeps itself (with `id`, `first_seen` and `last_seen`).
ARTICLE_HISTORY_COLUMNS: dict[str, type] = {
    "changed_at": str,
    "removed_at": str,
    "removed_reason": str,
}

# Share of a crawl's articles that have each field (crawls table).
COVERAGE_COLUMNS = ["coverage_title", "coverage_published", "coverage_body", "coverage_authors"]

# Crawl columns later versions added (an older database gets them on open).
CRAWL_COLUMNS: dict[str, type] = {
    **{column: float for column in COVERAGE_COLUMNS},
    "fallback_items": int,
    "mode": str,  # full, incremental or backfill (crawlers/incremental.py)
    "complete": int,  # walked every listing page, each with articles: "unlisted" can be judged
    "walked": int,  # walked to the end of the listing (complete, or a pager link to nothing)
    "requests": int,
    "not_modified": int,
    "changed": int,
    "removed": int,
}

# A source's health after each crawl (crawlers/health.py): status, reason, and since when.
HEALTH_COLUMNS = {
    "crawls": ["health", "health_reason"],
    "sources": ["health", "health_reason", "health_since"],
}

# Side tables: what the normalizers found in an article's body, rewritten with the article.
# record key -> (table, columns)
MENTION_TABLES: dict[str, tuple[str, dict[str, type]]] = {
    "unit_mentions": (
        "unit_mentions",
        {"unit_id": str, "province_id": str, "text": str, "start": int, "end": int},
    ),
    "people_mentions": (
        "people_mentions",
        {
            "name": str,
            "name_key": str,
            "honorific": str,
            "academic": str,
            "position": str,
            "position_text": str,
            "unit_text": str,
            "unit_id": str,
            "province_id": str,
            "year": int,
            "start": int,
            "end": int,
        },
    ),
    "attachments": (
        "attachments",
        {"url": str, "file_name": str, "type": str, "text": str},
    ),
    "doc_refs": (
        "doc_refs",
        {
            "type": str,
            "number": str,
            "issuer": str,
            "date": str,
            "title": str,
            "year": int,
            "text": str,
            "start": int,
            "end": int,
        },
    ),
}


# Documents of these issuers are national (one numbering for the country): the Party Central
# Committee, the Government, the Prime Minister, the National Assembly and its Standing
# Committee, a ministry (BKHCN, BTC, ...). Any other issuer (UBND, HĐND, a Sở, a Tỉnh ủy)
# numbers its own documents in each province, so "412/QĐ-UBND" of two provinces are two.
_NATIONAL_ISSUER = (
    "d.issuer is null or d.issuer in ('TW', 'CP', 'TTg') or d.issuer glob 'QH*'"
    " or d.issuer glob 'UBTVQH*' or d.issuer glob 'B[A-Z]*'"
)

# Read-only aggregates over the tables above: name -> select. Recreated when the SQL changes.
VIEWS: dict[str, str] = {
    "articles_per_month": """
select substr(a.published_date, 1, 7) as month, a.current_province_id, p.name as province,
  count(*) as articles
from articles a join provinces p on p.id = a.current_province_id
where a.published_date is not null
group by month, a.current_province_id
order by month, province""",
    "province_articles": """
select p.id, p.name, p.kind, p.region,
  (select count(*) from articles a where a.current_province_id = p.id) as articles,
  (select count(*) from sources s join provinces f on f.id = s.province_id
    where f.successor_id = p.id) as sources,
  (select max(a.published_date) from articles a where a.current_province_id = p.id) as latest,
  p.latitude, p.longitude
from provinces p
where p.status = 'current'
order by articles desc, p.name""",
    "unit_articles": """
with named as (
  select unit_id, count(distinct article_id) as n from unit_mentions group by unit_id
), written as (
  select unit_id, count(*) as n from articles where unit_id is not null group by unit_id
)
select u.id, u.name, u.name_en, u.kind, coalesce(named.n, 0) as articles_naming,
  coalesce(written.n, 0) as articles_written
from units u left join named on named.unit_id = u.id left join written on written.unit_id = u.id
order by articles_naming desc, u.name""",
    "document_citations": f"""
select c.type, c.document, c.issuer, c.province_id, p.name as province, c.articles,
  c.provinces, c.first_cited, c.last_cited
from (
  select d.type, coalesce(d.number, d.title) as document, d.issuer,
    case when {_NATIONAL_ISSUER} then null else a.province_id end as province_id,
    count(distinct d.article_id) as articles, count(distinct a.province_id) as provinces,
    min(a.published_date) as first_cited, max(a.published_date) as last_cited
  from doc_refs d join articles a on a.id = d.article_id
  where coalesce(d.number, d.title) is not null
  group by d.type, document, 4
) c left join provinces p on p.id = c.province_id
order by c.articles desc, c.document""",
}


def db_path(setting: str | os.PathLike[str] | None = None) -> Path:
    """The database file: the given setting, else `$DOST_DB`, else `data/dost.db`."""
    value = setting or os.environ.get("DOST_DB") or DEFAULT_DB
    return Path(value)


def utc_now() -> str:
    """Current time as ISO 8601 UTC, second precision."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def content_hash(title: str, body_text: str) -> str:
    """A stable hash of what a reader sees: the title and the cleaned body."""
    return hashlib.sha256(f"{title}\n\n{body_text}".encode()).hexdigest()


def raw_hash(record: Mapping[str, Any]) -> str | None:
    """A hash of the page's raw title and body HTML, before cleaning; None for a record
    without them."""
    if record.get("title_raw") is None and record.get("body_html") is None:
        return None
    raw = f"{record.get('title_raw') or ''}\n\n{record.get('body_html') or ''}"
    return hashlib.sha256(raw.encode()).hexdigest()


def folded_copy(text: str) -> str:
    """What `articles_fts` keeps beside a text: `fold_d(text)`, or "" when it has no đ (the
    printed text already matches then)."""
    return fold_d(text) if "đ" in text or "Đ" in text else ""


def _methods(extraction: str | None) -> dict[str, str]:
    """An article's `extraction` column read: {field: "selector" | "listing" | "fallback"}."""
    try:
        found = json.loads(extraction or "{}")
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


@dataclass(frozen=True)
class SourceRecord:
    """What the store needs to know about a spider to write its `sources` row."""

    id: str
    name: str
    province_id: str
    homepage: str
    platform: str
    legacy: bool
    evidence: str


class Store:
    """A handle on the database. Create one per process (or per crawler) and reuse it."""

    def __init__(
        self, path: str | os.PathLike[str] | None = None, *, readonly: bool = False
    ) -> None:
        self.path = db_path(path)
        if readonly:  # for reports: an existing database, opened as it is, never written
            conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
            self.db = sqlite_utils.Database(conn)
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=30)
        self.db = sqlite_utils.Database(conn)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self.ensure_schema()

    def close(self) -> None:
        self.db.conn.close()

    # -- schema ---------------------------------------------------------------------------

    def ensure_schema(self) -> None:
        """Create missing tables, indexes and the full-text index; load the provinces."""
        db = self.db
        if "provinces" not in db.table_names():
            db["provinces"].create(
                {
                    "id": str,
                    "name": str,
                    "kind": str,
                    "region": str,
                    "status": str,
                    "successor_id": str,
                    "valid_from": str,
                    "valid_until": str,
                    "absorbed": str,
                    "latitude": float,
                    "longitude": float,
                },
                pk="id",
            )
        self.load_provinces()
        if "units" not in db.table_names():
            db["units"].create(
                {
                    "id": str,
                    "name": str,
                    "name_en": str,
                    "kind": str,
                    "parent_id": str,
                    "since": str,
                    "until": str,
                },
                pk="id",
            )
        self.load_units()
        if "sources" not in db.table_names():
            db["sources"].create(
                {
                    "id": str,
                    "name": str,
                    "province_id": str,
                    "homepage": str,
                    "platform": str,
                    "legacy": int,
                    "evidence": str,
                },
                pk="id",
                foreign_keys=[("province_id", "provinces", "id")],
            )
        if "articles" not in db.table_names():
            db["articles"].create(
                {
                    "id": int,
                    **ARTICLE_COLUMNS,
                    "first_seen": str,
                    "last_seen": str,
                    **ARTICLE_HISTORY_COLUMNS,
                },
                pk="id",
                not_null={"url", "source_id", "title", "body_text"},
                foreign_keys=[
                    ("source_id", "sources", "id"),
                    ("province_id", "provinces", "id"),
                    ("current_province_id", "provinces", "id"),
                    ("unit_id", "units", "id"),
                ],
            )
            articles = db["articles"]
            articles.create_index(["url"], unique=True)
            articles.create_index(["published"])
            articles.create_index(["source_id", "published"])
            articles.create_index(["current_province_id", "published"])
        self._migrate_articles()
        # `_find_article` looks a new URL up by (source, content hash) on every upsert;
        # without this index each lookup reads the whole source's rows (the hash sits after
        # the body, on its overflow pages), which made a crawl slow down as the table grew.
        self.db["articles"].create_index(["source_id", "content_hash"], if_not_exists=True)
        self._ensure_search_index()
        for table, columns in MENTION_TABLES.values():
            if table not in db.table_names():
                foreign_keys = [("article_id", "articles", "id")]
                if "unit_id" in columns:
                    foreign_keys.append(("unit_id", "units", "id"))
                if "province_id" in columns:
                    foreign_keys.append(("province_id", "provinces", "id"))
                db[table].create(
                    {"id": int, "article_id": int, **columns},
                    pk="id",
                    foreign_keys=foreign_keys,
                )
                db[table].create_index(["article_id"])
        db["people_mentions"].create_index(["name_key"], if_not_exists=True)
        db["doc_refs"].create_index(["number"], if_not_exists=True)
        if "crawls" not in db.table_names():
            db["crawls"].create(
                {
                    "id": int,
                    "spider": str,
                    "started": str,
                    "finished": str,
                    "finish_reason": str,
                    "mirror": int,
                    "pages": int,
                    "items_new": int,
                    "items_updated": int,
                    "items_unchanged": int,
                    "items_invalid": int,
                    "errors": int,
                    **CRAWL_COLUMNS,
                },
                pk="id",
                foreign_keys=[("spider", "sources", "id")],
            )
        for column, kind in CRAWL_COLUMNS.items():
            if column not in db["crawls"].columns_dict:
                db["crawls"].add_column(column, kind)
        self._ensure_history_tables()
        if "article_urls" not in db.table_names():
            db["article_urls"].create(
                {"url": str, "article_id": int, "first_seen": str},
                pk="url",
                foreign_keys=[("article_id", "articles", "id")],
            )
            db["article_urls"].create_index(["article_id"])
        if "raw_blobs" not in db.table_names():
            db["raw_blobs"].create(
                {"hash": str, "size": int, "stored_size": int, "body": bytes}, pk="hash"
            )
        if "raw_pages" not in db.table_names():
            db["raw_pages"].create(
                {
                    "id": int,
                    "url": str,
                    "source_id": str,
                    "kind": str,
                    "fetched_at": str,
                    "status": int,
                    "headers": str,
                    "content_hash": str,
                    "crawl_id": int,
                },
                pk="id",
                foreign_keys=[("content_hash", "raw_blobs", "hash")],
            )
            db["raw_pages"].create_index(["url", "fetched_at"])
        for name, sql in VIEWS.items():
            db.create_view(name, sql.strip(), replace=True)  # a no-op when unchanged
        self._migrate_health()

    def _ensure_search_index(self) -> None:
        """`articles_fts`: title and body as printed, plus copies of them with đ folded to d.

        unicode61 with remove_diacritics 2 already ignores case, tone marks and where they
        sit (hòa/hoà); only đ, which has no Unicode decomposition, stays apart from d. With
        the folded copies beside the originals (empty when the text has no đ), "dang uy"
        and "Đảng ủy" (and the phrases) find the same articles without rewriting queries.
        The stored query `search` folds what is typed the same way, so that every match of
        a text with đ is in its folded body, and takes its snippet from there, printed as
        the site printed it (plugins/dost_functions.py). The store keeps the index in step
        with `articles` (see `_index_article`).
        """
        existing = self.db.execute(
            "select sql from sqlite_master where name = 'articles_fts'"
        ).fetchone()
        if existing and "folded_body" in existing[0]:
            return
        if existing:  # an index from an earlier version (triggers; one folded column)
            for trigger in ("articles_ai", "articles_ad", "articles_au"):
                self.db.execute(f"drop trigger if exists [{trigger}]")
            self.db.execute("drop table articles_fts")
        self.db.execute(
            "create virtual table articles_fts using fts5"
            f"(title, body_text, folded_title, folded_body, tokenize='{FTS_TOKENIZER}')"
        )
        with self.db.atomic():
            for article_id, title, body in self.db.execute(
                "select id, title, body_text from articles"
            ).fetchall():
                self._index_article(article_id, title, body)

    def _index_article(self, article_id: int, title: str | None, body: str | None) -> None:
        title, body = title or "", body or ""
        self.db.execute("delete from articles_fts where rowid = ?", [article_id])
        self.db.execute(
            "insert into articles_fts (rowid, title, body_text, folded_title, folded_body) "
            "values (?, ?, ?, ?, ?)",
            [article_id, title, body, *(folded_copy(text) for text in (title, body))],
        )

    def _ensure_history_tables(self) -> None:
        db = self.db
        if "article_versions" not in db.table_names():
            db["article_versions"].create(
                {
                    "id": int,
                    "article_id": int,
                    "seen_at": str,
                    "replaced_at": str,
                    "content_hash": str,
                    "title": str,
                    "body_text": str,
                    "crawl_id": int,
                },
                pk="id",
                foreign_keys=[("article_id", "articles", "id"), ("crawl_id", "crawls", "id")],
            )
            db["article_versions"].create_index(["article_id"])
        if "article_events" not in db.table_names():
            db["article_events"].create(
                {
                    "id": int,
                    "article_id": int,
                    "at": str,
                    "event": str,
                    "detail": str,
                    "version_id": int,
                    "crawl_id": int,
                },
                pk="id",
                foreign_keys=[
                    ("article_id", "articles", "id"),
                    ("version_id", "article_versions", "id"),
                    ("crawl_id", "crawls", "id"),
                ],
            )
            db["article_events"].create_index(["article_id"])
            db["article_events"].create_index(["at"])
            db["article_events"].create_index(["crawl_id"])
        if "article_state" not in db.table_names():
            db["article_state"].create(
                {
                    "article_id": int,
                    "etag": str,
                    "last_modified": str,
                    "raw_hash": str,
                    "checked_at": str,
                    "status": int,
                    "listed_on": str,
                    "listed_at": str,
                    "listed_crawl": int,
                },
                pk="article_id",
                foreign_keys=[("article_id", "articles", "id")],
            )

    def _migrate_health(self) -> None:
        """The health columns, added to new and old databases alike (additive)."""
        for table, columns in HEALTH_COLUMNS.items():
            existing = self.db[table].columns_dict
            for column in columns:
                if column not in existing:
                    self.db[table].add_column(column, str)

    def _migrate_articles(self) -> None:
        """Add the article columns a newer version introduced (data contract: additive)."""
        existing = self.db["articles"].columns_dict
        for column, kind in ARTICLE_HISTORY_COLUMNS.items():
            if column not in existing:
                self.db["articles"].add_column(column, kind)
        for column, kind in ARTICLE_COLUMNS.items():
            if column not in existing:
                self.db["articles"].add_column(column, kind)
                if column == "published_month":  # derivable: no reprocess needed
                    self.db.execute(
                        "update articles set published_month = substr(published_date, 1, 7)"
                    )

    def load_units(self, csv_path: Path | None = None) -> int:
        """(Re)load the organisation units from their CSV; returns the number of rows."""
        path = csv_path or DATA_DIR / "units.csv"
        if not path.exists():
            return 0
        with path.open(encoding="utf-8", newline="") as fh:
            rows = [{k: (v or None) for k, v in row.items()} for row in csv.DictReader(fh)]
        self.db["units"].upsert_all(rows, pk="id")
        return len(rows)

    def load_provinces(self, csv_path: Path | None = None) -> int:
        """(Re)load the province table from its CSV; returns the number of rows."""
        path = csv_path or DATA_DIR / "provinces.csv"
        with path.open(encoding="utf-8", newline="") as fh:
            rows = [_province_row(row) for row in csv.DictReader(fh)]
        self.db["provinces"].upsert_all(rows, pk="id")
        return len(rows)

    # -- sources and crawls ---------------------------------------------------------------

    def upsert_source(self, source: SourceRecord) -> None:
        row = {**source.__dict__, "legacy": int(source.legacy)}
        self.db["sources"].upsert(row, pk="id")

    def start_crawl(self, spider: str, *, mirror: bool) -> int:
        """A new `crawls` row; earlier rows of the spider left unfinished are closed first."""
        table = self.db["crawls"]
        with self.db.atomic():
            self.close_interrupted_crawls(spider)
            table.insert({"spider": spider, "started": utc_now(), "mirror": int(mirror)})
            return int(table.last_pk)

    def close_interrupted_crawls(self, spider: str) -> int:
        """Mark the spider's crawls whose process died without closing them (killed, a
        crash: `finished` empty) as "interrupted", finished at the last page they archived.

        Their item counts are unknown and stay empty; `pages` counts what they archived. A
        crawl of the same spider still running in another process is marked too, and puts
        its own finish back when it ends (`finish_crawl`)."""
        cursor = self.db.execute(
            """
            update crawls set
                finish_reason = 'interrupted',
                finished = coalesce(
                    (select max(fetched_at) from raw_pages where crawl_id = crawls.id), started
                ),
                pages = (select count(*) from raw_pages where crawl_id = crawls.id)
            where spider = ? and finished is null
            """,
            [spider],
        )
        return cursor.rowcount

    def finish_crawl(self, crawl_id: int, **counts: Any) -> None:
        self.db["crawls"].update(crawl_id, {"finished": utc_now(), **counts})

    def crawl_counts(self, crawl_id: int) -> dict[str, int]:
        return dict(self.db["crawls"].get(crawl_id))

    # -- health ---------------------------------------------------------------------------

    def crawl_history(
        self, spider: str, *, before: int, mirror: bool, limit: int = 50
    ) -> list[dict[str, Any]]:
        """A source's finished crawls before crawl `before`, of the same kind (mirror or
        live), newest first."""
        return list(
            self.db.query(
                "select * from crawls where spider = ? and id < ? and mirror = ? "
                "and finished is not null order by id desc limit ?",
                [spider, before, int(mirror), limit],
            )
        )

    def source_health(self, source_id: str) -> dict[str, Any] | None:
        """`health`, `health_reason`, `health_since` of a source (None: no such source)."""
        rows = list(
            self.db.query(
                "select health, health_reason, health_since from sources where id = ?",
                [source_id],
            )
        )
        return rows[0] if rows else None

    def set_crawl_health(self, crawl_id: int, status: str, reason: str) -> None:
        self.db["crawls"].update(crawl_id, {"health": status, "health_reason": reason})

    def set_source_health(self, source_id: str, status: str, reason: str, since: str) -> None:
        self.db.execute(
            "update sources set health = ?, health_reason = ?, health_since = ? where id = ?",
            [status, reason, since, source_id],
        )
        self.db.conn.commit()

    def health_overview(self, sources: list[str] | None = None) -> list[dict[str, Any]]:
        """Every source (or the named ones) with its health and the crawl it was judged
        on (its latest judged crawl, else its latest crawl; none: never crawled)."""
        where, params = "", []
        if sources:
            where = f"where s.id in ({', '.join('?' for _ in sources)})"
            params = list(sources)
        sql = f"""
            select s.id as source, s.health, s.health_reason, s.health_since,
                c.id as crawl_id, c.started, c.finished, c.finish_reason, c.mirror, c.pages,
                c.items_new, c.items_updated, c.items_unchanged, c.items_invalid, c.errors,
                {", ".join(f"c.{column}" for column in COVERAGE_COLUMNS)}, c.fallback_items
            from sources s left join crawls c on c.id = coalesce(
                (select max(id) from crawls where spider = s.id and health is not null),
                (select max(id) from crawls where spider = s.id))
            {where}
            order by s.id
        """
        return list(self.db.query(sql, params))

    # -- articles -------------------------------------------------------------------------

    def upsert_article(
        self, record: Mapping[str, Any], *, seen: bool = True, crawl_id: int | None = None
    ) -> str:
        """Insert or update one article by URL. Returns "new", "updated" or "unchanged".

        `first_seen` is written once; `last_seen` moves on every sighting (`seen=False` for a
        recomputation that fetched nothing); the content hash decides whether the sighting
        changed anything a reader sees. The record's mention lists (`unit_mentions`,
        `people_mentions`, `doc_refs`), when present, replace the article's side-table rows.

        A sighting (`seen`) whose title or body differs is a site edit when the page's raw
        title and body HTML (`title_raw`, `body_html`: the `raw_hash`) changed too: the
        previous version goes to `article_versions`, `changed_at` moves and a "changed"
        event is written. Same raw page, other text: our normalization changed (a new
        boilerplate phrase...), so the article is updated without a version, as a reprocess.
        A sighting also clears a removal the site's 404/410 caused (a "restored" event), and
        keeps the page's validators (`etag`, `last_modified`) for the next conditional request.
        """
        with self.db.atomic():
            return self._upsert_article(record, seen=seen, now=utc_now(), crawl_id=crawl_id)

    def upsert_articles(
        self, records: Iterable[Mapping[str, Any]], *, seen: bool = True
    ) -> Counter[str]:
        """`upsert_article` for many records in one transaction (a bulk load or a
        reprocessing run: one commit instead of one per article); all or nothing. Returns
        how many were "new", "updated" and "unchanged"."""
        outcomes: Counter[str] = Counter()
        now = utc_now()
        with self.db.atomic():
            for record in records:
                outcomes[self._upsert_article(record, seen=seen, now=now, crawl_id=None)] += 1
        return outcomes

    def _upsert_article(
        self, record: Mapping[str, Any], *, seen: bool, now: str, crawl_id: int | None
    ) -> str:
        row = {key: record.get(key) for key in ARTICLE_COLUMNS}
        for key in ("authors", "extraction"):
            if isinstance(row[key], list | tuple | dict):
                row[key] = json.dumps(row[key], ensure_ascii=False)
        if not row["content_hash"]:
            row["content_hash"] = content_hash(row["title"] or "", row["body_text"] or "")
        raw = raw_hash(record)
        existing = self._find_article(row)
        if existing is None:
            table = self.db["articles"]
            table.insert({**row, "first_seen": now, "last_seen": now})
            article_id = int(table.last_pk)
            for url in [row["url"], *(record.get("other_urls") or [])]:
                self._keep_url(article_id, url, now)
            self._index_article(article_id, row["title"], row["body_text"])
            self._write_mentions(article_id, record)
            if seen:
                self._write_state(article_id, record, raw, now)
            return "new"
        article_id, old_hash, primary_url = existing
        for url in [row["url"], *(record.get("other_urls") or [])]:
            self._keep_url(article_id, url, now)
        # An article seen under another URL keeps the URL it was first stored under.
        row["url"] = primary_url
        guarded = self._keep_what_the_site_showed(article_id, row) if seen else None
        changed = old_hash != row["content_hash"]
        update: dict[str, Any] = dict(row)
        if seen:
            update["last_seen"] = now
            if changed and guarded is None and self._is_site_edit(article_id, raw):
                update["changed_at"] = now
                self._keep_version(article_id, row, now, crawl_id)
            self._restore(article_id, "http", "http 200", now, crawl_id)
            self._write_state(article_id, record, raw, now)
        self.db["articles"].update(article_id, update)
        if changed or not seen:
            self._index_article(article_id, row["title"], row["body_text"])
        if guarded != "kept":
            self._write_mentions(article_id, record)
        return "updated" if changed else "unchanged"

    def _keep_what_the_site_showed(self, article_id: int, row: dict[str, Any]) -> str | None:
        """Guard a stored article against a worse reading of the same page (a sighting only).

        A site that changed its templates (crawlers/health.py calls the source degraded or
        failing) is read by the generic fallback extractor, whose title or body differs from
        what the site's selectors read before, and which may find no date or byline:

        - "kept": an article whose title and body the selectors read keeps everything it
          has (text, date, authors, unit, mentions) when the fallback reads it now: that
          reading is no edit of the site's, and an edit made meanwhile shows when the
          selectors are fixed and read the page again (the page itself is archived);
        - "reread": text the fallback read is replaced when the selectors read it again, as
          a re-reading, not an edit (no version, no event);
        - in any case a publication date is never lost: a reading without one keeps the
          stored date.

        Changes `row` in place.
        """
        columns = [c for c in ARTICLE_COLUMNS if c != "url"]
        found = self.db.execute(
            f"select {', '.join(columns)} from articles where id = ?", [article_id]
        ).fetchone()
        old = dict(zip(columns, found, strict=True))
        before, now = _methods(old["extraction"]), _methods(row["extraction"])
        text_before = {before.get("title"), before.get("body")}
        text_now = {now.get("title"), now.get("body")}
        if "selector" in text_before and "fallback" in text_now:
            row.update(old)
            return "kept"
        if row["published"] is None and old["published"] is not None:
            row.update({c: old[c] for c in columns if c.startswith("published")})
            if "published" in before:
                row["extraction"] = json.dumps(
                    {**now, "published": before["published"]}, ensure_ascii=False
                )
        if "fallback" in text_before and "fallback" not in text_now:
            return "reread"
        return None

    def _is_site_edit(self, article_id: int, raw: str | None) -> bool:
        found = self.db.execute(
            "select raw_hash from article_state where article_id = ?", [article_id]
        ).fetchone()
        old = found[0] if found else None
        return old is None or raw is None or old != raw

    def _keep_version(
        self, article_id: int, row: Mapping[str, Any], now: str, crawl_id: int | None
    ) -> None:
        """Keep the stored (previous) title and body before an edit replaces them."""
        title, body, old_hash, first_seen, changed_at = self.db.execute(
            "select title, body_text, content_hash, first_seen, changed_at "
            "from articles where id = ?",
            [article_id],
        ).fetchone()
        versions = self.db["article_versions"]
        versions.insert(
            {
                "article_id": article_id,
                "seen_at": changed_at or first_seen,
                "replaced_at": now,
                "content_hash": old_hash,
                "title": title,
                "body_text": body,
                "crawl_id": crawl_id,
            }
        )
        what = [
            name
            for name, old, new in [("title", title, row["title"]), ("body", body, row["body_text"])]
            if (old or "") != (new or "")
        ]
        self._event(article_id, "changed", ", ".join(what), now, crawl_id, int(versions.last_pk))

    def _event(
        self,
        article_id: int,
        event: str,
        detail: str,
        now: str,
        crawl_id: int | None,
        version_id: int | None = None,
    ) -> None:
        self.db["article_events"].insert(
            {
                "article_id": article_id,
                "at": now,
                "event": event,
                "detail": detail,
                "version_id": version_id,
                "crawl_id": crawl_id,
            }
        )

    def _write_state(
        self, article_id: int, record: Mapping[str, Any], raw: str | None, now: str
    ) -> None:
        self.db["article_state"].upsert(
            {
                "article_id": article_id,
                "etag": record.get("etag"),
                "last_modified": record.get("last_modified"),
                "raw_hash": raw,
                "checked_at": now,
                "status": 200,
            },
            pk="article_id",
        )

    def _restore(
        self, article_id: int, cause: str, detail: str, now: str, crawl_id: int | None
    ) -> bool:
        """Clear a removal whose reason starts with `cause` ("http", "unlisted")."""
        cursor = self.db.execute(
            "update articles set removed_at = null, removed_reason = null "
            "where id = ? and removed_reason like ?",
            [article_id, f"{cause}%"],
        )
        if cursor.rowcount:
            self._event(article_id, "restored", detail, now, crawl_id)
        return bool(cursor.rowcount)

    def _remove(self, article_id: int, reason: str, now: str, crawl_id: int | None) -> bool:
        cursor = self.db.execute(
            "update articles set removed_at = ?, removed_reason = ? "
            "where id = ? and removed_at is null",
            [now, reason, article_id],
        )
        if cursor.rowcount:
            self._event(article_id, "removed", reason, now, crawl_id)
        return bool(cursor.rowcount)

    # -- what a crawl asks again (crawlers/incremental.py) ------------------------------------

    def known_articles(self, source_id: str) -> dict[str, dict[str, Any]]:
        """Every URL (canonical or other) of a source's stored articles -> what a crawl
        needs to ask for it again: `id`, `url` (canonical), `etag`, `last_modified`,
        `listed_on`, `removed_reason`."""
        rows = self.db.query(
            """
            select u.url as link, a.id, a.url, s.etag, s.last_modified, s.listed_on,
                   a.removed_reason
            from articles a
            join (select id as article_id, url from articles
                  union select article_id, url from article_urls) u on u.article_id = a.id
            left join article_state s on s.article_id = a.id
            where a.source_id = ?
            """,
            [source_id],
        )
        return {row.pop("link"): row for row in rows}

    def last_complete_walk(self, source_id: str, before: int | None = None) -> int | None:
        """The id of the source's last crawl that walked its whole listing (before a crawl)."""
        found = self.db.execute(
            "select max(id) from crawls where spider = ? and complete = 1 and id < ?",
            [source_id, before if before is not None else 2**62],
        ).fetchone()
        return found[0] if found else None

    def last_walk_to_the_end(self, source_id: str) -> int | None:
        """The id of the source's last crawl that walked its listing to the end: a complete
        walk, or one whose pager also led to an empty page or one that is gone (404/410)."""
        found = self.db.execute(
            "select max(id) from crawls where spider = ? and (complete = 1 or walked = 1)",
            [source_id],
        ).fetchone()
        return found[0] if found else None

    def mark_listed(
        self, source_id: str, linked: Mapping[str, str], crawl_id: int | None
    ) -> set[int]:
        """Record which listing page linked each article URL in this crawl (`linked`: URL ->
        listing URL); an article removed as "unlisted" that is linked again is restored.
        Returns the ids of the stored articles linked."""
        known = {url: info["id"] for url, info in self.known_articles(source_id).items()}
        listed = {known[url]: listing for url, listing in linked.items() if url in known}
        now = utc_now()
        with self.db.atomic():
            self.db["article_state"].upsert_all(
                [
                    {
                        "article_id": article_id,
                        "listed_on": listing,
                        "listed_at": now,
                        "listed_crawl": crawl_id,
                    }
                    for article_id, listing in listed.items()
                ],
                pk="article_id",
            )
            for article_id in listed:
                self._restore(article_id, "unlisted", "listed again", now, crawl_id)
        return set(listed)

    def unlisted_articles(
        self, source_id: str, linked: set[int], listed_on: list[str] | None = None
    ) -> list[dict[str, Any]]:
        """The source's articles (not removed) that no listing page of this crawl linked;
        with `listed_on`, only those a listing page among these linked the last time.
        Each with `id`, `url`, `etag`, `last_modified`, `listed_crawl`."""
        sql = """
            select a.id, a.url, s.etag, s.last_modified, s.listed_on, s.listed_crawl
            from articles a left join article_state s on s.article_id = a.id
            where a.source_id = ? and a.removed_at is null
            order by a.id
        """
        rows = [r for r in self.db.query(sql, [source_id]) if r["id"] not in linked]
        if listed_on is not None:
            pages = set(listed_on)
            rows = [r for r in rows if r["listed_on"] in pages]
        return rows

    def forget_listing(self, article_ids: list[int]) -> None:
        """These articles are no longer on the listing page they were last seen on."""
        with self.db.atomic():
            self.db.conn.executemany(
                "update article_state set listed_on = null where article_id = ?",
                [[i] for i in article_ids],
            )

    def record_check(
        self,
        article_id: int,
        status: int,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        crawl_id: int | None = None,
    ) -> str | None:
        """A stored article's page answered a request without a page to read: 304 (not
        modified: seen, unchanged; a 404/410 removal is cleared) or 404/410 (gone: marked
        removed, never deleted). Returns "restored", "removed" or None (nothing changed)."""
        now = utc_now()
        state: dict[str, Any] = {"article_id": article_id, "checked_at": now, "status": status}
        if etag:
            state["etag"] = etag
        if last_modified:
            state["last_modified"] = last_modified
        with self.db.atomic():
            self.db["article_state"].upsert(state, pk="article_id")
            if status == 304:
                self.db.execute("update articles set last_seen = ? where id = ?", [now, article_id])
                return (
                    "restored"
                    if self._restore(article_id, "http", "http 304", now, crawl_id)
                    else None
                )
            return "removed" if self._remove(article_id, f"http {status}", now, crawl_id) else None

    def mark_removed(self, article_id: int, reason: str, crawl_id: int | None = None) -> bool:
        """Mark an article removed from its site (kept, never deleted); False if it was."""
        with self.db.atomic():
            return self._remove(article_id, reason, utc_now(), crawl_id)

    def crawl_changes(self, crawl_id: int) -> dict[str, int]:
        """How many articles this crawl found changed, removed and restored."""
        counts = dict.fromkeys(("changed", "removed", "restored"), 0)
        for event, count in self.db.execute(
            "select event, count(*) from article_events where crawl_id = ? group by event",
            [crawl_id],
        ).fetchall():
            counts[event] = count
        return counts

    def _find_article(self, row: Mapping[str, Any]) -> tuple[int, str, str] | None:
        """The stored article a record is: by URL, by another URL it was seen under, or
        (same source, same content) the same page under a URL not seen before."""
        found = self.db.execute(
            "select id, content_hash, url from articles where url = ?", [row["url"]]
        ).fetchone()
        if found is None:
            found = self.db.execute(
                "select a.id, a.content_hash, a.url from article_urls u "
                "join articles a on a.id = u.article_id where u.url = ?",
                [row["url"]],
            ).fetchone()
        if found is None:
            found = self.db.execute(
                "select id, content_hash, url from articles "
                "where source_id = ? and content_hash = ? order by id limit 1",
                [row["source_id"], row["content_hash"]],
            ).fetchone()
        return tuple(found) if found else None  # type: ignore[return-value]

    def _keep_url(self, article_id: int, url: str, now: str) -> None:
        self.db.execute(
            "insert or ignore into article_urls (url, article_id, first_seen) values (?, ?, ?)",
            [url, article_id, now],
        )

    def _write_mentions(self, article_id: int, record: Mapping[str, Any]) -> None:
        for key, (table, columns) in MENTION_TABLES.items():
            mentions = record.get(key)
            if mentions is None:
                continue
            self.db.execute(f"delete from [{table}] where article_id = ?", [article_id])
            rows = [{"article_id": article_id, **{c: m.get(c) for c in columns}} for m in mentions]
            if rows:
                self.db[table].insert_all(rows)

    def article_count(self, source_id: str | None = None) -> int:
        if source_id is None:
            return self.db["articles"].count
        return self.db.execute(
            "select count(*) from articles where source_id = ?", [source_id]
        ).fetchone()[0]

    # -- raw archive ----------------------------------------------------------------------

    def archive_page(
        self,
        *,
        url: str,
        body: bytes,
        status: int,
        headers: Mapping[str, str],
        source_id: str | None,
        kind: str,
        crawl_id: int | None,
    ) -> str:
        """Keep a fetched page: body compressed and stored once per content hash."""
        digest = hashlib.sha256(body).hexdigest()
        with self.db.atomic():
            if not self.db.execute("select 1 from raw_blobs where hash = ?", [digest]).fetchone():
                packed = zlib.compress(body, 9)
                self.db["raw_blobs"].insert(
                    {"hash": digest, "size": len(body), "stored_size": len(packed), "body": packed}
                )
            self.db["raw_pages"].insert(
                {
                    "url": url,
                    "source_id": source_id,
                    "kind": kind,
                    "fetched_at": utc_now(),
                    "status": status,
                    "headers": json.dumps(dict(headers), ensure_ascii=False, sort_keys=True),
                    "content_hash": digest,
                    "crawl_id": crawl_id,
                }
            )
        return digest

    def raw_body(self, content_hash_: str) -> bytes:
        packed = self.db.execute(
            "select body from raw_blobs where hash = ?", [content_hash_]
        ).fetchone()[0]
        return zlib.decompress(packed)

    def pages_to_reprocess(self, sources: list[str] | None = None) -> list[dict[str, Any]]:
        """The newest archived copy of every article page, with its stored article if any
        (a page that failed validation has none), for offline reprocessing."""
        where = ""
        params: list[Any] = []
        if sources:
            where = f"where r.source_id in ({', '.join('?' for _ in sources)})"
            params = list(sources)
        sql = f"""
            with latest as (
                select url, max(id) as id from raw_pages
                where kind = 'article' and status between 200 and 299 group by url
            )
            select r.url, r.source_id, r.status, r.headers, r.content_hash as raw_hash,
                   a.id as article_id, a.published_raw as stored_published_raw
            from latest join raw_pages r on r.id = latest.id
            left join articles a on a.url = r.url
            {where}
            order by r.source_id, r.url
        """
        return list(self.db.query(sql, params))

    def article_by_url(self, url: str) -> dict[str, Any] | None:
        rows = list(self.db.query("select * from articles where url = ?", [url]))
        return rows[0] if rows else None

    # -- size -----------------------------------------------------------------------------

    def archive_sizes(self, sources: list[str] | None = None) -> list[dict[str, Any]]:
        """What the raw archive holds, one row per source (all, or the named ones).

        `pages` fetches archived (`listing_pages`, `article_pages`), `bodies` distinct bodies
        among them, `fetched_bytes` the bodies' size as fetched (every fetch), `body_bytes`
        each distinct body once, `stored_bytes` those compressed, `articles` stored.
        """
        where, params = "", []
        if sources:
            where = f"where source_id in ({', '.join('?' for _ in sources)})"
            params = list(sources)
        sql = f"""
            with pages as (select * from raw_pages {where}),
            fetched as (
                select p.source_id, count(*) as pages,
                       sum(p.kind = 'listing') as listing_pages,
                       sum(p.kind = 'article') as article_pages,
                       count(distinct p.content_hash) as bodies,
                       sum(b.size) as fetched_bytes
                from pages p join raw_blobs b on b.hash = p.content_hash
                group by p.source_id
            ),
            kept as (
                select source_id, sum(size) as body_bytes, sum(stored_size) as stored_bytes
                from (
                    select distinct p.source_id, b.hash, b.size, b.stored_size
                    from pages p join raw_blobs b on b.hash = p.content_hash
                )
                group by source_id
            ),
            stored as (select source_id, count(*) as articles from articles {where}
                       group by source_id)
            select ids.source_id,
                   coalesce(f.pages, 0) as pages,
                   coalesce(f.listing_pages, 0) as listing_pages,
                   coalesce(f.article_pages, 0) as article_pages,
                   coalesce(f.bodies, 0) as bodies,
                   coalesce(f.fetched_bytes, 0) as fetched_bytes,
                   coalesce(k.body_bytes, 0) as body_bytes,
                   coalesce(k.stored_bytes, 0) as stored_bytes,
                   coalesce(s.articles, 0) as articles
            from (select source_id from fetched union select source_id from stored) ids
            left join fetched f using (source_id)
            left join kept k using (source_id)
            left join stored s using (source_id)
            order by ids.source_id
        """
        return list(self.db.query(sql, params * 2))

    def archive_totals(self, sources: list[str] | None = None) -> dict[str, Any]:
        """`archive_sizes` summed over the sources, a body shared by two sources counted
        once, plus what the database file takes: `archive_disk_bytes` (the raw tables and
        their indexes, pages on disk; None without SQLite's dbstat) and `database_bytes`
        (page_count × page_size; the whole file whatever `sources` says)."""
        where, params = "", []
        if sources:
            where = f"where source_id in ({', '.join('?' for _ in sources)})"
            params = list(sources)
        fetched = self.db.execute(
            f"""
            select count(*), coalesce(sum(p.kind = 'listing'), 0),
                   coalesce(sum(p.kind = 'article'), 0), coalesce(sum(b.size), 0)
            from raw_pages p join raw_blobs b on b.hash = p.content_hash {where}
            """,
            params,
        ).fetchone()
        kept = self.db.execute(
            f"""
            select count(*), coalesce(sum(size), 0), coalesce(sum(stored_size), 0)
            from raw_blobs where hash in (select content_hash from raw_pages {where})
            """,
            params,
        ).fetchone()
        articles = self.db.execute(f"select count(*) from articles {where}", params).fetchone()
        page_size = self.db.execute("pragma page_size").fetchone()[0]
        page_count = self.db.execute("pragma page_count").fetchone()[0]
        try:
            archive_disk = self.db.execute(
                "select sum(pgsize) from dbstat where name in (select name from sqlite_master "
                "where tbl_name in ('raw_pages', 'raw_blobs'))"
            ).fetchone()[0]
        except sqlite3.OperationalError:  # SQLite built without SQLITE_ENABLE_DBSTAT_VTAB
            archive_disk = None
        return {
            "pages": fetched[0],
            "listing_pages": fetched[1],
            "article_pages": fetched[2],
            "fetched_bytes": fetched[3],
            "bodies": kept[0],
            "body_bytes": kept[1],
            "stored_bytes": kept[2],
            "articles": articles[0],
            "archive_disk_bytes": archive_disk,
            "page_size": page_size,
            "page_count": page_count,
            "database_bytes": page_size * page_count,
        }


def _province_row(row: Mapping[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {key: (value or None) for key, value in row.items()}
    for key in ("latitude", "longitude"):
        out[key] = float(row[key]) if row.get(key) else None
    return out


_STORES: dict[int, Store] = {}


def store_for(crawler: Any) -> Store:
    """The one Store of a crawler (the pipeline and the archive middleware share it)."""
    key = id(crawler)
    if key not in _STORES:
        store = Store(crawler.settings.get("DOST_DB") or None)
        _STORES[key] = store

        from scrapy import signals

        def _close(*_: Any, **__: Any) -> None:
            _STORES.pop(key, None)
            store.close()

        crawler.signals.connect(_close, signal=signals.engine_stopped, weak=False)
    return _STORES[key]
