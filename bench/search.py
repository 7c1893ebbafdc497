"""Benchmark: full-text search through Datasette on a synthetic database of N articles.

    python -m bench.search [--sizes 50000,200000] [--repeat 15] [--seed 7]
                           [--db-dir bench/.cache] [--rebuild]

Builds (once per size and seed, cached in --db-dir) a database of realistic articles through
the real store (`crawlers.store.Store.upsert_articles`, the pipeline's write path in one
transaction), so the tables, indexes and `articles_fts` are exactly what a crawl builds.
Titles and bodies are recombined from the sentences of the mirror's articles
(data/mirror/_content/*.json); sources, provinces and dates are spread over the real
spiders and 2010-2026. Some terms are planted in a known share of the articles (the corpus
is cleaned of them first), others occur naturally and are counted by the generator.

Then it times, in-process through Datasette configured as `make serve` configures it, the
ranked stored query `search` (`/dost/search.json`), the table search with rows only
(`/dost/articles.json?_search=...&_shape=array`, which skips the count and facets) and the
table search as the search page computes it (`/dost/articles.json?_search=...`: rows, the
filtered count and the table's facets), each warmed up and then repeated: median and p90.
Two baselines are measured in the same run: one article by primary key through the same
JSON API, and a full scan of the titles in SQLite (`count(*) ... like`).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import math
import os
import platform
import random
import re
import sqlite3
import statistics
import sys
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crawlers.store import SourceRecord, Store
from normalize.provinces import provinces, resolve_province
from normalize.text import strip_diacritics

ROOT = Path(__file__).resolve().parent.parent
CONTENT_DIR = ROOT / "data" / "mirror" / "_content"
DEFAULT_DB_DIR = Path(__file__).resolve().parent / ".cache"
# Bump when the generator, or the store's schema, changes what it writes: cached databases
# are keyed by it (2: articles_fts folds title and body apart).
GENERATOR_VERSION = 2

FIRST_DAY = dt.date(2010, 1, 1)
LAST_DAY = dt.date(2026, 10, 31)
BODY_WORDS_MEDIAN = 450  # log-normal body length, in words
BODY_WORDS_SIGMA = 0.6
BODY_WORDS_RANGE = (120, 4000)

_TOKEN = re.compile(r"[^\W_]+")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[\"“(]?[A-ZĐÀ-Ỹ0-9])")
_NOT_A_PERSON = re.compile(r"Sở|Phòng|Chi cục|Thanh tra|Trung tâm|Văn phòng|Ban |\(|Theo ")


def fold_tokens(text: str) -> list[str]:
    """The words of `text` as `articles_fts` matches them: lower case, no diacritics, đ→d
    (the index's folded column), split where unicode61 splits (anything not a letter or
    digit)."""
    return _TOKEN.findall(strip_diacritics(text).lower())


# -- the terms searched ---------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """A search as a user types it. `share` set: planted in exactly round(share * n)
    articles (at least one) with one of `sentences`; None: it occurs naturally and the
    generator counts it."""

    label: str
    query: str
    share: float | None = None
    sentences: tuple[str, ...] = ()
    in_title: str | None = None  # planted articles also get this title prefix, every other one

    @property
    def phrase(self) -> bool:
        return self.query.startswith('"')

    def words(self) -> list[str]:
        return fold_tokens(self.query)

    def matches(self, padded_folded: str) -> bool:
        """Whether an article matches, given its folded words joined by single spaces with
        a space at both ends: a quoted query is a phrase, otherwise every word anywhere
        (how Datasette's escape_fts quotes what users type)."""
        words = self.words()
        if self.phrase:
            return f" {' '.join(words)} " in padded_folded
        return all(f" {w} " in padded_folded for w in words)


TERMS = [
    Term(
        "rare 0.01%",
        "vipatech",
        share=0.0001,
        sentences=(
            "Công ty TNHH Vipatech đã chuyển giao quy trình sản xuất chế phẩm vi sinh xử lý "
            "phụ phẩm nông nghiệp cho các hợp tác xã trên địa bàn.",
            "Sản phẩm của Vipatech được cấp giấy chứng nhận hợp chuẩn và đăng ký bảo hộ "
            "nhãn hiệu tại Cục Sở hữu trí tuệ.",
        ),
        in_title="Vipatech: ",
    ),
    Term(
        "5% word",
        "biochar",
        share=0.05,
        sentences=(
            "Mô hình sử dụng than sinh học (biochar) từ vỏ trấu giúp cải tạo đất, giảm "
            "lượng phân bón hóa học và tăng năng suất cây trồng.",
            "Nhóm nghiên cứu đã xây dựng quy trình sản xuất biochar từ thân cây ngô và "
            "vỏ cà phê với quy mô 2 tấn/ngày.",
            "Kết quả bước đầu cho thấy việc bón biochar kết hợp phân hữu cơ vi sinh làm "
            "tăng độ tơi xốp của đất từ 12 đến 15%.",
        ),
    ),
    Term(
        "5% đ, typed 'dang uy'",
        '"dang uy"',
        share=0.05,
        sentences=(
            "Đồng chí Bí thư Đảng ủy Sở phát biểu chỉ đạo, đề nghị các phòng, đơn vị "
            "tiếp tục quán triệt và triển khai nghị quyết.",
            "Đảng ủy Sở Khoa học và Công nghệ đã ban hành kế hoạch thực hiện nhiệm vụ "
            "chính trị năm với nhiều chỉ tiêu cụ thể.",
            "Thay mặt Ban Thường vụ Đảng ủy, đồng chí Phó Bí thư trao Huy hiệu Đảng "
            "cho các đảng viên.",
        ),
    ),
    Term("5% đ + natural words", "dang uy"),
    Term("frequent", "nông nghiệp"),
    Term("very frequent", "khoa học"),
]


# -- the corpus: what real articles on the mirror say ---------------------------------------


@dataclass(frozen=True)
class Corpus:
    titles: list[str]
    sentences: list[str]  # with their folded words, below
    folded: list[str]
    openings: list[list[int]]  # per real article: its sentence indexes, in order
    bylines: list[list[str]]


def _paragraph_texts(body: list[Any]) -> Iterator[str]:
    for block in body:
        if isinstance(block, str):
            yield block
        elif "caption" in block:
            yield block["caption"]
        elif "list" in block:
            yield from block["list"]
        elif "spans" in block:
            yield " ".join(block["spans"])
        elif "h" in block:
            yield block["h"]


def load_corpus(exclude: list[Term]) -> Corpus:
    """Sentences and titles of the mirror's articles, without any sentence that already
    matches a planted term (so the planted shares are exact)."""
    planted = [t for t in exclude if t.share is not None]
    titles: list[str] = []
    sentences: list[str] = []
    folded: list[str] = []
    openings: list[list[int]] = []
    bylines: list[list[str]] = []
    seen: dict[str, int] = {}

    def clean(text: str) -> str | None:
        padded = " " + " ".join(fold_tokens(text)) + " "
        if padded.strip() == "" or any(t.matches(padded) for t in planted):
            return None
        return padded.strip()

    for path in sorted(CONTENT_DIR.glob("*.json")):
        for article in json.loads(path.read_text(encoding="utf-8"))["articles"]:
            if clean(article["title"]) is not None:
                titles.append(article["title"])
            indexes = []
            for paragraph in _paragraph_texts(article["body"]):
                for sentence in _SENTENCE_END.split(paragraph.strip()):
                    sentence = sentence.strip()
                    key = clean(sentence)
                    if key is None or len(sentence) < 20:
                        continue
                    if sentence not in seen:
                        seen[sentence] = len(sentences)
                        sentences.append(sentence)
                        folded.append(key)
                    indexes.append(seen[sentence])
            if indexes:
                openings.append(indexes)
            if article.get("byline"):
                bylines.append(list(article["byline"]))
    return Corpus(titles, sentences, folded, openings, bylines)


# -- sources, places, dates -----------------------------------------------------------------


def source_records() -> list[SourceRecord]:
    """Every spider's `sources` row, as the store pipeline writes it."""
    from scrapy.spiderloader import SpiderLoader
    from scrapy.utils.project import get_project_settings

    loader = SpiderLoader.from_settings(get_project_settings())
    return [loader.load(name).source_record() for name in sorted(loader.list())]


@dataclass(frozen=True)
class Generated:
    """One synthetic article: the record the store gets, and which terms it matches."""

    record: dict[str, Any]
    matches: frozenset[str]  # Term.query


def generate(n: int, seed: int, corpus: Corpus | None = None) -> Iterator[Generated]:
    """N articles, the same for the same (n, seed); the terms' planted sets are drawn
    first, so every article knows which planted terms it carries."""
    corpus = corpus or load_corpus(TERMS)
    rnd = random.Random(seed)
    planted: dict[str, set[int]] = {}
    for term in TERMS:
        if term.share is not None:
            count = max(1, round(term.share * n))
            planted[term.query] = set(rnd.sample(range(n), count))
    sources = source_records()
    units = provinces()
    # Some departments publish far more than others.
    weights = [rnd.lognormvariate(0, 0.8) for _ in sources]
    for i in range(n):
        source = rnd.choices(sources, weights)[0]
        unit = units[source.province_id]
        last = min(LAST_DAY, unit.valid_until or LAST_DAY)
        # More articles in later years, as sites publish more and keep more online.
        day = FIRST_DAY + dt.timedelta(days=int(rnd.random() ** 0.7 * (last - FIRST_DAY).days))
        hour, minute = rnd.randint(7, 17), rnd.randrange(60)
        match = resolve_province(unit.name, on=day)
        province_id = match.province.id if match else unit.id
        current_id = match.current.id if match else unit.successor_id

        title = rnd.choice(corpus.titles)
        if rnd.random() < 0.3:
            title = f"{title} năm {day.year}"
        words_wanted = min(
            BODY_WORDS_RANGE[1],
            max(
                BODY_WORDS_RANGE[0],
                round(rnd.lognormvariate(0, BODY_WORDS_SIGMA) * BODY_WORDS_MEDIAN),
            ),
        )
        # The opening follows one real article; the rest is drawn from the whole corpus.
        chosen = list(rnd.choice(corpus.openings)[: rnd.randint(1, 4)])
        words = sum(corpus.folded[k].count(" ") + 1 for k in chosen)
        while words < words_wanted:
            k = rnd.randrange(len(corpus.sentences))
            chosen.append(k)
            words += corpus.folded[k].count(" ") + 1
        sentences = [corpus.sentences[k] for k in chosen]
        folded = [corpus.folded[k] for k in chosen]
        for term in TERMS:
            if term.share is not None and i in planted[term.query]:
                at = rnd.randrange(len(sentences) + 1)
                sentence = rnd.choice(term.sentences)
                sentences.insert(at, sentence)
                folded.insert(at, " ".join(fold_tokens(sentence)))
                if term.in_title and i % 2 == 0:
                    title = term.in_title + title
        paragraphs, start = [], 0
        while start < len(sentences):
            size = rnd.randint(1, 5)
            paragraphs.append(" ".join(sentences[start : start + size]))
            start += size
        body = "\n\n".join(paragraphs)
        byline = rnd.choice(corpus.bylines) if rnd.random() < 0.7 else []
        authors = [name for name in byline if not _NOT_A_PERSON.search(name)]
        host = urllib.parse.urlsplit(source.homepage)
        record = {
            "url": f"{host.scheme}://{host.netloc}/bench/{seed}/{i:07d}.html",
            "source_id": source.id,
            "title": title,
            "published": f"{day.isoformat()}T{hour:02d}:{minute:02d}:00+07:00",
            "published_date": day.isoformat(),
            "published_year": day.year,
            "published_precision": "minute",
            "published_raw": f"{day:%d/%m/%Y} {hour:02d}:{minute:02d}",
            "province_id": province_id,
            "current_province_id": current_id,
            "authors": authors,
            "byline_raw": ", ".join(byline) or None,
            "byline_source": "page" if byline else None,
            "unit_id": None,
            "body_text": body,
        }
        padded = " " + " ".join([" ".join(fold_tokens(title)), *folded]) + " "
        yield Generated(record, frozenset(t.query for t in TERMS if t.matches(padded)))


# -- building the database ------------------------------------------------------------------


def db_file(db_dir: Path, n: int, seed: int) -> Path:
    """The cached database for (n, seed): named dost.db, as Datasette names the database
    after the file and the stored queries live under /dost/."""
    return db_dir / f"{n}-seed{seed}-v{GENERATOR_VERSION}" / "dost.db"


def build(path: Path, n: int, seed: int, *, batch: int = 2000, quiet: bool = False) -> dict:
    """Write N generated articles into a new database at `path` through the store; returns
    the manifest (kept beside it as JSON): counts per term and the build time."""
    for leftover in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm"))):
        leftover.unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    corpus = load_corpus(TERMS)
    started = time.perf_counter()
    store = Store(path)
    for source in source_records():
        store.upsert_source(source)
    counts = {t.query: 0 for t in TERMS}
    words = 0
    pending: list[dict[str, Any]] = []
    generating = 0.0
    articles = generate(n, seed, corpus)
    for i in range(n):
        tick = time.perf_counter()
        item = next(articles)
        generating += time.perf_counter() - tick
        pending.append(item.record)
        words += item.record["body_text"].count(" ") + 1
        for query in item.matches:
            counts[query] += 1
        if len(pending) == batch or i == n - 1:
            store.upsert_articles(pending)
            pending = []
            if not quiet and (i + 1) % (batch * 10) == 0:
                elapsed = time.perf_counter() - started
                print(f"  {i + 1:>8} articles, {elapsed:6.1f} s", file=sys.stderr, flush=True)
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    seconds = time.perf_counter() - started
    manifest = {
        "articles": n,
        "seed": seed,
        "generator_version": GENERATOR_VERSION,
        "matches": counts,
        "body_words_mean": round(words / n),
        "build_seconds": round(seconds, 1),
        "generate_seconds": round(generating, 1),
        "bytes": path.stat().st_size,
    }
    path.with_name("manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")
    return manifest


def ensure_db(db_dir: Path, n: int, seed: int, rebuild: bool) -> tuple[Path, dict, bool]:
    """The cached database for (n, seed), built when missing or when asked to."""
    path = db_file(db_dir, n, seed)
    manifest_path = path.with_name("manifest.json")
    if path.exists() and manifest_path.exists() and not rebuild:
        return path, json.loads(manifest_path.read_text()), False
    return path, build(path, n, seed), True


# -- timing through Datasette ---------------------------------------------------------------


def serve_settings(public: bool = False) -> dict[str, Any]:
    """The Datasette settings of `make serve` (its `--setting NAME VALUE` pairs, read from
    the Makefile so the two cannot drift), or of `make serve-public` (settings-public.json)."""
    if public:
        raw = json.loads((ROOT / "settings-public.json").read_text(encoding="utf-8"))
    else:
        makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
        recipe = re.search(r"^serve:.*?(?=^\S)", makefile, re.MULTILINE | re.DOTALL)
        raw = dict(re.findall(r"--setting (\w+) (\S+)", recipe.group(0) if recipe else ""))
    return {key: _setting(value) for key, value in raw.items()}


def _setting(value: Any) -> Any:
    if isinstance(value, str):
        if value in ("on", "off"):
            return value == "on"
        if value.isdigit():
            return int(value)
    return value


def datasette(db: Path, metadata: Path | None = None, settings: dict[str, Any] | None = None):
    """Datasette as `make serve` configures it: the repository's metadata.json and plugins,
    and the serve target's settings (or the given ones)."""
    from datasette.app import Datasette

    return Datasette(
        [str(db)],
        metadata=json.loads((metadata or ROOT / "metadata.json").read_text(encoding="utf-8")),
        plugins_dir=str(ROOT / "plugins"),
        settings=serve_settings() if settings is None else settings,
    )


STORED_QUERY_PARAMS = {"province": "", "source": "", "unit": "", "since": "", "until": ""}
ENDPOINTS = {
    "query": "the stored query, /dost/search.json?q=...&province=&...&_shape=array "
    "(ranked, snippets, up to 200 rows)",
    "table": "table search, /dost/articles.json?_search=...&_shape=array "
    "(the first 100 rows, newest first; no count, no facets)",
    "page": "table search as the search page computes it, /dost/articles.json?_search=... "
    "(rows + filtered count + the table's facets)",
}


def endpoint_path(endpoint: str, query: str) -> str:
    if endpoint == "query":
        params = {"q": query, **STORED_QUERY_PARAMS, "_shape": "array"}
        return "/dost/search.json?" + urllib.parse.urlencode(params)
    if endpoint == "table":
        return "/dost/articles.json?" + urllib.parse.urlencode(
            {"_search": query, "_shape": "array"}
        )
    return "/dost/articles.json?" + urllib.parse.urlencode({"_search": query})


@dataclass
class Timing:
    samples: list[float] = field(default_factory=list)  # ms, successful requests only
    rows: int = 0  # rows returned (query, table) or the filtered count (page)
    errors: int = 0  # non-200 answers (a query over sql_time_limit_ms)
    facets_dropped: int = 0  # page: configured facets missing (over facet_time_limit_ms)

    @property
    def median_ms(self) -> float:
        return statistics.median(self.samples) if self.samples else math.nan

    @property
    def p90_ms(self) -> float:
        if not self.samples:
            return math.nan
        ordered = sorted(self.samples)
        return ordered[min(len(ordered) - 1, math.ceil(0.9 * len(ordered)) - 1)]


async def _get(ds: Any, path: str, timing: Timing | None, facets: int) -> Any:
    start = time.perf_counter()
    response = await ds.client.get(path)
    elapsed = (time.perf_counter() - start) * 1000
    if response.status_code != 200:
        if timing is not None:
            timing.errors += 1
        return None
    data = response.json()
    if timing is not None:
        timing.samples.append(elapsed)
        if isinstance(data, list):
            timing.rows = len(data)
        else:
            timing.rows = data.get("filtered_table_rows_count") or 0
            timing.facets_dropped = max(
                timing.facets_dropped, facets - len(data.get("facet_results") or {})
            )
    return data


def _time_sql(db: Path, sql: str, repeat: int) -> Timing:
    timing = Timing()
    with sqlite3.connect(db) as conn:
        conn.execute(sql).fetchall()
        for _ in range(repeat):
            start = time.perf_counter()
            timing.rows = len(conn.execute(sql).fetchall())
            timing.samples.append((time.perf_counter() - start) * 1000)
    return timing


async def measure(
    db: Path,
    repeat: int,
    terms: list[Term] = TERMS,
    *,
    metadata: Path | None = None,
    settings: dict[str, Any] | None = None,
    warmup: int = 2,
) -> dict[str, Any]:
    """Median and p90 per (endpoint, term), plus the baselines, on one database. Requests
    go round by round (every cell once per round), so a burst of load elsewhere on the
    machine hits all cells alike rather than a few."""
    ds = datasette(db, metadata, settings)
    facets = len(ds.table_metadata("dost", "articles").get("facets") or [])
    with sqlite3.connect(db) as conn:
        middle = conn.execute("select max(id) / 2 from articles").fetchone()[0]
    cells = [("pk", "", f"/dost/articles/{middle}.json?_shape=array")] + [
        (endpoint, term.query, endpoint_path(endpoint, term.query))
        for endpoint in ENDPOINTS
        for term in terms
    ]
    timings = {(endpoint, query): Timing() for endpoint, query, _ in cells}
    found: dict[tuple[str, str], Any] = {}
    for round_ in range(warmup + repeat):
        for endpoint, query, path in cells:
            timing = timings[(endpoint, query)] if round_ >= warmup else None
            data = await _get(ds, path, timing, facets)
            if data is not None:
                found[(endpoint, query)] = data
    scan = _time_sql(db, "select count(*) from articles where title like '%vipatech%'", repeat)
    pk = timings.pop(("pk", ""))
    return {"timings": timings, "data": found, "pk": pk, "scan": scan}


# -- the report -----------------------------------------------------------------------------


def _ms(value: float) -> str:
    return "     err" if math.isnan(value) else f"{value:8.1f}"


def report(results: dict[int, tuple[dict, dict]], repeat: int) -> None:
    sizes = sorted(results)
    print()
    print("baselines, same run: one article by primary key through the same JSON API")
    print("(/dost/articles/<id>.json), and a full scan of the titles in SQLite")
    print("(select count(*) from articles where title like '%...%')")
    for n in sizes:
        _, measured = results[n]
        pk, scan = measured["pk"], measured["scan"]
        print(
            f"  {n:>9,} articles   pk fetch {pk.median_ms:6.1f} ms (p90 {pk.p90_ms:.1f})"
            f"   title scan {scan.median_ms:6.1f} ms (p90 {scan.p90_ms:.1f})"
        )
    notes = False
    for endpoint, description in ENDPOINTS.items():
        print()
        print(f"[{endpoint}] {description}")
        print(f"median and p90 of {repeat} requests, ms; x pk = median / the pk fetch's")
        head = f"{'term':<24}{'query':<13}"
        sub = " " * 37
        for n in sizes:
            head += f"| {format(n, ',') + ' articles':<41}"
            sub += f"|{'match':>8}{'median':>9}{'p90':>9}{'x pk':>8}{'rows':>8} "
        print(head)
        print(sub)
        for term in TERMS:
            line = f"{term.label:<24}{term.query:<13}"
            for n in sizes:
                manifest, measured = results[n]
                t = measured["timings"][(endpoint, term.query)]
                share = manifest["matches"][term.query] / manifest["articles"]
                ratio = t.median_ms / measured["pk"].median_ms
                mark = "*" if t.facets_dropped or t.errors else " "
                notes = notes or mark == "*"
                line += (
                    f"|{share:8.2%}{_ms(t.median_ms)} {_ms(t.p90_ms)}{ratio:7.0f}x"
                    f"{t.rows:>7}{mark} "
                )
            print(line)
        if endpoint == "page":
            print("rows: the filtered count")
    if notes:
        print()
        print("* some requests failed (over sql_time_limit_ms) or some facets were dropped")
        print("  (over facet_time_limit_ms):")
        for n in sizes:
            for (endpoint, query), t in results[n][1]["timings"].items():
                if t.errors or t.facets_dropped:
                    print(
                        f"  {n:>9,} {endpoint:<6}{query:<13} {t.errors} of {repeat} failed, "
                        f"{t.facets_dropped} facets dropped"
                    )
    if len(sizes) > 1:
        small, large = sizes[0], sizes[-1]
        print()
        print(f"growth of the median from {small:,} to {large:,} articles ({large / small:.0f}x)")
        print(f"{'term':<24}{'query':<13}" + "".join(f"{e:>9}" for e in ENDPOINTS))
        for term in TERMS:
            line = f"{term.label:<24}{term.query:<13}"
            for endpoint in ENDPOINTS:
                a = results[small][1]["timings"][(endpoint, term.query)].median_ms
                b = results[large][1]["timings"][(endpoint, term.query)].median_ms
                line += f"{b / a:8.1f}x"
            print(line)
        pk = results[large][1]["pk"].median_ms / results[small][1]["pk"].median_ms
        scan = results[large][1]["scan"].median_ms / results[small][1]["scan"].median_ms
        print(f"{'baselines':<37}pk fetch {pk:.1f}x, title scan {scan:.1f}x")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.search", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--sizes", default="50000,200000", help="articles per database")
    parser.add_argument("--repeat", type=int, default=15, help="timed requests per cell (15)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (7)")
    parser.add_argument(
        "--db-dir", type=Path, default=DEFAULT_DB_DIR, help="built databases (bench/.cache)"
    )
    parser.add_argument("--rebuild", action="store_true", help="build even when cached")
    parser.add_argument(
        "--public", action="store_true", help="settings of make serve-public, not make serve"
    )
    parser.add_argument(
        "--metadata", type=Path, help="another metadata.json, to time a candidate change"
    )
    parser.add_argument(
        "--setting",
        nargs=2,
        action="append",
        default=[],
        metavar=("NAME", "VALUE"),
        help="override one Datasette setting (repeatable)",
    )
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    settings = serve_settings(args.public)
    settings.update({name: _setting(value) for name, value in args.setting})

    import datasette as datasette_package

    print(
        f"bench.search: seed {args.seed}, {args.repeat} requests per cell after 2 warm-up "
        f"rounds; Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
        f"Datasette {datasette_package.__version__}, {os.cpu_count()} CPUs"
    )
    target = "make serve-public" if args.public else "make serve"
    print(f"Datasette settings ({target}): {json.dumps(settings)}")
    if args.metadata:
        print(f"metadata: {args.metadata}")
    results: dict[int, tuple[dict, dict]] = {}
    for n in sizes:
        path, manifest, built = ensure_db(args.db_dir, n, args.seed, args.rebuild)
        print(
            f"{n:>9,} articles: {path} ({manifest['bytes'] / 1e6:,.0f} MB; "
            f"{'built' if built else 'cached, built'} in {manifest['build_seconds']:.0f} s, "
            f"{manifest['generate_seconds']:.0f} s of it generating; "
            f"mean body {manifest['body_words_mean']} words)"
        )
        load = os.getloadavg()[0]
        measured = asyncio.run(
            measure(path, args.repeat, metadata=args.metadata, settings=settings)
        )
        print(f"{'':>19}timed; load average {load:.1f} before, {os.getloadavg()[0]:.1f} after")
        results[n] = (manifest, measured)
    report(results, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
