"""`scrapy crawlall [SOURCE ...] [--mirror]`: run every source (or the named ones) in one
process, concurrently across hosts; print a summary; exit non-zero when a source failed.

`--mirror` starts the mirror (crawlers.mirror, from `DOST_MIRROR_DIR`, default
data/mirror/) in this process on a free loopback port and answers every request from it:
the offline demo and the tests use it. Settings given with
`-s` apply to every source.

Each source runs as a Scrapy job in `<DOST_STATE_DIR>/<source>/`: an interrupted run
resumes where it stopped on the next start (crawlers/resume.py); `--fresh` drops that state.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from scrapy import signals
from scrapy.commands import ScrapyCommand
from scrapy.crawler import Crawler
from scrapy.exceptions import UsageError

from crawlers.resume import job_dir


class Command(ScrapyCommand):
    requires_project = True

    def syntax(self) -> str:
        return "[options] [SOURCE ...]"

    def short_desc(self) -> str:
        return "Run every source (or the named ones) in one process, with a summary"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument(
            "--mirror",
            action="store_true",
            help="serve data/mirror/ on loopback and crawl it instead of the network",
        )
        parser.add_argument(
            "--max-pages", type=int, default=None, help="listing pages per source (0: all)"
        )
        parser.add_argument(
            "--fresh", action="store_true", help="drop what an interrupted run saved; start over"
        )

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        assert self.settings is not None
        self.mirror = None
        if opts.mirror:
            from crawlers.mirror import MIRROR_DIR, MirrorServer

            root = self.settings.get("DOST_MIRROR_DIR") or MIRROR_DIR
            self.mirror = MirrorServer(Path(root)).start()
            self.settings.set("DOST_MIRROR", self.mirror.url, priority="cmdline")
            # Loopback: no politeness delays needed.
            self.settings.set("AUTOTHROTTLE_ENABLED", False, priority="cmdline")
            self.settings.set("DOWNLOAD_DELAY", 0, priority="cmdline")
        if opts.max_pages is not None:
            self.settings.set("DOST_MAX_PAGES", opts.max_pages, priority="cmdline")
        if opts.fresh:
            self.settings.set("DOST_FRESH", True, priority="cmdline")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        assert self.crawler_process is not None
        known = self.crawler_process.spider_loader.list()
        unknown = sorted(set(args) - set(known))
        if unknown:
            raise UsageError(f"unknown source(s): {', '.join(unknown)}", print_help=False)
        names = args or sorted(known)
        results: dict[str, dict[str, Any]] = {}
        for name in names:
            crawler = self.crawler_process.create_crawler(name)
            crawler.settings.set("JOBDIR", job_dir(self.settings, name), priority="cmdline")
            self._watch(crawler, results)
            self.crawler_process.crawl(crawler)
        try:
            self.crawler_process.start()
        finally:
            if self.mirror is not None:
                self.mirror.stop()
        failed = self._summary(names, results)
        if failed or self.crawler_process.bootstrap_failed:
            self.exitcode = 1

    @staticmethod
    def _watch(crawler: Crawler, results: dict[str, dict[str, Any]]) -> None:
        def closed(spider: Any, reason: str) -> None:
            stats = crawler.stats.get_stats() if crawler.stats else {}
            results[spider.name] = {"reason": reason, **stats}

        crawler.signals.connect(closed, signal=signals.spider_closed, weak=False)

    @staticmethod
    def _summary(names: list[str], results: dict[str, dict[str, Any]]) -> list[str]:
        header = (
            f"{'source':<16} {'status':<8} {'pages':>6} {'new':>5} {'upd':>5} "
            f"{'same':>5} {'invalid':>7} {'errors':>6}"
        )
        print(header)
        print("-" * len(header))
        failed = []
        for name in names:
            r = results.get(name, {"reason": "not run"})
            items = sum(r.get(f"dost/items_{k}", 0) for k in ("new", "updated", "unchanged"))
            ok = r["reason"] == "finished" and not r.get("log_count/ERROR") and items > 0
            if not ok:
                failed.append(name)
            print(
                f"{name:<16} {'ok' if ok else 'FAILED':<8} "
                f"{r.get('response_received_count', 0):>6} {r.get('dost/items_new', 0):>5} "
                f"{r.get('dost/items_updated', 0):>5} {r.get('dost/items_unchanged', 0):>5} "
                f"{r.get('dost/invalid', 0):>7} {r.get('log_count/ERROR', 0):>6}"
            )
        return failed
