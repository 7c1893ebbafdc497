"""`scrapy archive [SOURCE ...] [--by-source] [--json]`: how big the raw archive is.

Every fetched listing and article page is kept in `raw_pages`, its body zlib-compressed in
`raw_blobs` once per content hash (crawlers/store.py). This prints what that costs: pages
archived, distinct bodies, bytes as fetched, each body once and stored, the archive's
pages on disk, and bytes per stored article, for the archive and for the whole database
file (page_count × page_size). `--by-source` adds one line per source; `--json` prints
the same numbers for programs. Opens the database read-only.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

from crawlers.store import Store, db_path


def human(size: float | None) -> str:
    """Bytes in decimal units, as `ls -h --si` shows them: 950 B, 9.5 kB, 12.3 MB."""
    if size is None:
        return "?"
    for unit in ("B", "kB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1000
    raise AssertionError("unreachable")


def per_article(size: int | None, articles: int) -> int | None:
    return round(size / articles) if size is not None and articles else None


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False

    def syntax(self) -> str:
        return "[options] [SOURCE ...]"

    def short_desc(self) -> str:
        return "Report the raw archive's size: pages, distinct bodies, bytes per article"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument("--by-source", action="store_true", help="one line per source")
        parser.add_argument("--json", action="store_true", help="print JSON")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        assert self.settings is not None
        path = db_path(self.settings.get("DOST_DB") or None)
        if not path.exists():
            raise UsageError(f"no database at {path}", print_help=False)
        store = Store(path, readonly=True)
        try:
            totals = store.archive_totals(args or None)
            sources = store.archive_sizes(args or None) if opts.by_source or opts.json else []
        finally:
            store.close()
        for row in [totals, *sources]:
            row["stored_bytes_per_article"] = per_article(row["stored_bytes"], row["articles"])
        totals["database_bytes_per_article"] = per_article(
            totals["database_bytes"], totals["articles"]
        )
        if opts.json:
            out = {"database": str(store.path), "totals": totals, "sources": sources}
            print(json.dumps(out, indent=2))
            return
        self.report(str(store.path), args, totals)
        if opts.by_source:
            self.table(sources)

    @staticmethod
    def report(path: str, sources: list[str], t: dict[str, Any]) -> None:
        ratio = f"{t['fetched_bytes'] / t['stored_bytes']:.1f}" if t["stored_bytes"] else "-"
        lines = [
            ("pages archived", t["pages"], f"listing {t['listing_pages']:,}, "
             f"article {t['article_pages']:,}"),
            ("distinct bodies", t["bodies"], "content hashes (sha256)"),
            ("bytes as fetched", t["fetched_bytes"], f"{human(t['fetched_bytes'])}, every fetch"),
            ("bytes, distinct", t["body_bytes"], f"{human(t['body_bytes'])}, each body once"),
            ("bytes stored", t["stored_bytes"],
             f"{human(t['stored_bytes'])}, zlib: {ratio} times smaller than as fetched"),
            ("archive on disk", t["archive_disk_bytes"],
             f"{human(t['archive_disk_bytes'])}, raw_pages + raw_blobs and indexes"),
            ("articles", t["articles"], "stored"),
            ("archive per article", t["stored_bytes_per_article"], "bytes stored / articles"),
            ("database file", t["database_bytes"],
             f"{human(t['database_bytes'])}, {t['page_count']:,} pages × {t['page_size']:,}"),
            ("database per article", t["database_bytes_per_article"], "file bytes / articles"),
        ]  # fmt: skip
        scope = f" ({', '.join(sources)}; the database file is all of it)" if sources else ""
        print(f"raw archive of {path}{scope}")
        for label, value, note in lines:
            shown = "-" if value is None else f"{value:,}"
            print(f"  {label:<21}{shown:>14}  {note}")

    @staticmethod
    def table(rows: list[dict[str, Any]]) -> None:
        header = (
            f"{'source':<16} {'pages':>6} {'bodies':>6} {'fetched':>11} {'stored':>10} "
            f"{'articles':>8} {'per article':>11}"
        )
        print()
        print(header)
        print("-" * len(header))
        for r in rows:
            each = r["stored_bytes_per_article"]
            print(
                f"{r['source_id']:<16} {r['pages']:>6,} {r['bodies']:>6,} "
                f"{r['fetched_bytes']:>11,} {r['stored_bytes']:>10,} {r['articles']:>8,} "
                f"{'-' if each is None else f'{each:,}':>11}"
            )
