"""`scrapy health [SOURCE ...]`: each source's health as the last `crawlall` judged it.

One line per source: status (ok / degraded / failing, crawlers/health.py), since when, the
crawl it was judged on (when it finished, articles seen, the share with a title, a body, a
date, the share the fallback extractor had to read) and the reason. Reads the database
only (`DOST_DB`). The exit status is 1 when a listed source is failing, so a monitoring
check can run it as it is.
"""

from __future__ import annotations

import argparse
from typing import Any

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError
from scrapy.spiderloader import get_spider_loader

from crawlers import health
from crawlers.store import Store


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False

    def syntax(self) -> str:
        return "[options] [SOURCE ...]"

    def short_desc(self) -> str:
        return "Print each source's health (ok / degraded / failing) and why; exit 1 if failing"

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        assert self.settings is not None
        known = set(get_spider_loader(self.settings).list())
        store = Store(self.settings.get("DOST_DB") or None)
        try:
            rows = {row["source"]: row for row in store.health_overview(args or None)}
        finally:
            store.close()
        unknown = sorted(set(args) - known - set(rows))
        if unknown:
            raise UsageError(
                f"unknown source(s): {', '.join(unknown)} (see scrapy list)", print_help=False
            )
        names = args or sorted(known | set(rows))
        print(format_table([rows.get(name) or {"source": name} for name in names]))
        if any(rows.get(name, {}).get("health") == health.FAILING for name in names):
            self.exitcode = 1


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{round(value * 100)}%"


def _time(value: str | None) -> str:
    return value[:16].replace("T", " ") if value else "-"


def format_table(rows: list[dict[str, Any]]) -> str:
    """The health table: one line per source row of `Store.health_overview`."""
    header = (
        f"{'source':<16} {'status':<9} {'since (UTC)':<16}  {'last crawl (UTC)':<16} "
        f"{'items':>5} {'title':>5} {'body':>5} {'date':>5} {'fallbk':>6}  reason"
    )
    lines = [header, "-" * len(header)]
    for row in rows:
        crawled = row.get("crawl_id") is not None
        status = row.get("health") or "-"
        reason = row.get("health_reason") or ""
        if not row.get("health"):
            reason = "not judged yet (crawled by scrapy crawl)" if crawled else "never crawled"
        line = (
            f"{row['source']:<16} {status:<9} {_time(row.get('health_since')):<16}  "
            f"{_time(row.get('finished') or row.get('started')):<16} "
            f"{health.seen(row) if crawled else '-':>5} "
            f"{_pct(row.get('coverage_title')):>5} {_pct(row.get('coverage_body')):>5} "
            f"{_pct(row.get('coverage_published')):>5} "
            f"{_pct(health.fallback_share(row)) if crawled else '-':>6}  "
            f"{reason}"
        )
        lines.append(line.rstrip())
    return "\n".join(lines)
