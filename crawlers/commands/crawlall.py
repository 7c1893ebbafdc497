"""`scrapy crawlall [SOURCE ...]`: every source (or a chosen few) in one process, then each
source's health, a summary table, and an alert when a source turned failing.

Sources run concurrently across hosts and politely within each (crawlers/politeness.py).

Choosing sources (each given filter narrows the choice; none: every source):
- names as arguments, or `--only a,b`, or `-s a,b`: `-s` without "=" names sources,
  `-s NAME=VALUE` sets a setting as in every Scrapy command;
- `--platform nukeviet` (a CMS family, as `sources.platform` spells it);
- `--province an-giang`: a province id or name; a current province also brings the legacy
  sources of the former provinces merged into it (`data/provinces.csv`, `successor_id`).
`--max-pages N` walks at most N listing pages per source (`DOST_MAX_PAGES`). `--mirror`
starts the mirror (crawlers.mirror, from `DOST_MIRROR_DIR`, default data/mirror/) in this
process on a free loopback port and answers every request from it.

While it runs, stderr gets a line per source when it has news, at most every
`DOST_PROGRESS_INTERVAL` seconds, and one when it finishes (plain lines, for cron mail):

    [cao_bang] pages 12  new 8  upd 0  errors 0
    [cao_bang] finished  pages 14  new 10  upd 0  same 0  invalid 0  errors 0  4s

Then every source run is judged (crawlers/health.py) and the verdict stored, the summary
goes to stdout, and the alert (crawlers/alerts.py) is sent. The exit status is 1 when a
source is failing (its crawl did not finish normally, logged errors, stored no article, or
broke against its own history) or could not start.

Each source runs as a Scrapy job in `<DOST_STATE_DIR>/<source>/`: an interrupted run
resumes where it stopped on the next start (crawlers/resume.py); `--fresh` drops that state.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

from scrapy import signals
from scrapy.commands import ScrapyCommand
from scrapy.crawler import Crawler
from scrapy.exceptions import UsageError
from scrapy.spiderloader import get_spider_loader

from crawlers import health
from crawlers.alerts import alert_payload, send_alert
from crawlers.resume import job_dir
from crawlers.store import Store


class ValuesList(argparse.Action):
    """Collects comma-separated values: `--only a,b --only c` -> [a, b, c]."""

    def __call__(self, parser: Any, namespace: Any, values: Any, option_string: Any = None):
        collected = list(getattr(namespace, self.dest, None) or [])
        collected.extend(v.strip() for v in values.split(",") if v.strip())
        setattr(namespace, self.dest, collected)


class SetOrOnly(ValuesList):
    """`-s NAME=VALUE` sets a setting (Scrapy's meaning); `-s a,b` names sources (`--only`)."""

    def __call__(self, parser: Any, namespace: Any, values: Any, option_string: Any = None):
        if "=" in values:
            namespace.set = [*namespace.set, values]
        else:
            super().__call__(parser, namespace, values, option_string)


class Command(ScrapyCommand):
    requires_project = True

    def syntax(self) -> str:
        return "[options] [SOURCE ...]"

    def short_desc(self) -> str:
        return "Run every source (or the chosen ones) in one process; health, summary, alert"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        # Replaces Scrapy's -s/--set (the parser resolves the conflict): see SetOrOnly.
        parser.add_argument(
            "-s",
            "--set",
            action=SetOrOnly,
            dest="only",
            default=[],
            metavar="NAME=VALUE|SOURCES",
            help="set a setting (NAME=VALUE, may be repeated), or choose sources as --only",
        )
        parser.set_defaults(set=[])
        parser.add_argument(
            "--only",
            action=ValuesList,
            default=[],
            metavar="SOURCE[,SOURCE]",
            help="run only these sources (as arguments)",
        )
        parser.add_argument(
            "--platform",
            action=ValuesList,
            default=[],
            metavar="PLATFORM[,...]",
            help="run the sources on these CMS families (nukeviet, slug-id, ...)",
        )
        parser.add_argument(
            "--province",
            action=ValuesList,
            default=[],
            metavar="PROVINCE[,...]",
            help="run a province's sources (id or name; a current province with the "
            "legacy sources of the provinces merged into it)",
        )
        parser.add_argument(
            "--mirror",
            action="store_true",
            help="serve data/mirror/ on loopback and crawl it instead of the network",
        )
        parser.add_argument(
            "--max-pages", type=int, default=None, help="listing pages per source (0: all)"
        )
        parser.add_argument(
            "--backfill",
            action="store_true",
            help="walk every listing page and ask every article again (default: incremental)",
        )
        parser.add_argument(
            "--fresh", action="store_true", help="drop what an interrupted run saved; start over"
        )

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        settings = self.settings
        assert settings is not None
        loader = get_spider_loader(settings)
        spiders = {name: loader.load(name) for name in loader.list()}
        self.names = select_sources(spiders, [*args, *opts.only], opts.platform, opts.province)
        if opts.max_pages is not None:
            settings.set("DOST_MAX_PAGES", opts.max_pages, priority="cmdline")
        if opts.backfill:
            settings.set("DOST_BACKFILL", True, priority="cmdline")
        self.mirror = None
        if opts.mirror:  # last: nothing above may fail and leave it running
            from crawlers.mirror import MIRROR_DIR, MirrorServer

            root = settings.get("DOST_MIRROR_DIR") or MIRROR_DIR
            self.mirror = MirrorServer(Path(root)).start()
            # The delays go with it (crawlers.politeness): the mirror is loopback.
            settings.set("DOST_MIRROR", self.mirror.url, priority="cmdline")
        if opts.fresh:
            settings.set("DOST_FRESH", True, priority="cmdline")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        assert self.crawler_process is not None and self.settings is not None
        results: dict[str, dict[str, Any]] = {}
        progress = Progress(self.settings.getfloat("DOST_PROGRESS_INTERVAL", 5))
        for name in self.names:
            crawler = self.crawler_process.create_crawler(name)
            crawler.settings.set("JOBDIR", job_dir(self.settings, name), priority="cmdline")
            progress.watch(crawler, results)
            self.crawler_process.crawl(crawler)
        try:
            self.crawler_process.start()
        finally:
            if self.mirror is not None:
                self.mirror.stop()
        changes = self.assess_health(results)
        print_summary(self.names, results, changes)
        payload = alert_payload(list(changes.values()), mirror=self.mirror is not None)
        if payload:
            delivered = send_alert(payload, self.settings)
            if delivered:
                how = " and ".join(delivered)
            elif self.settings.get("DOST_ALERT_COMMAND") or self.settings.get("DOST_ALERT_WEBHOOK"):
                how = "not delivered: see the log"
            else:
                how = "none sent: no DOST_ALERT_COMMAND or DOST_ALERT_WEBHOOK"
            print(f"alert ({how}): {', '.join(payload['failing'] + payload['recovered'])}")
        failing = [c for c in changes.values() if c.status == health.FAILING]
        if failing or self.crawler_process.bootstrap_failed:
            self.exitcode = 1

    def assess_health(self, results: Mapping[str, Mapping[str, Any]]) -> dict[str, health.Change]:
        """Each source's verdict on this run, stored with its crawl and its source."""
        assert self.settings is not None
        thresholds = health.Thresholds.from_settings(self.settings)
        limited = self.settings.getint("DOST_MAX_PAGES") > 0
        store = Store(self.settings.get("DOST_DB") or None)
        changes = {}
        try:
            for name in self.names:
                crawl_id = results.get(name, {}).get("dost/crawl_id")
                if crawl_id is None:  # the spider never opened: no crawl row to judge
                    verdict = health.Verdict(health.FAILING, "the crawl did not start")
                    changes[name] = health.record(store, name, verdict, at=None)
                else:
                    resumed = results[name].get("dost/job") == "resumed"
                    changes[name] = health.assess(
                        store, crawl_id, thresholds, volume=not limited, resumed=resumed
                    )
        finally:
            store.close()
        return changes


# -- choosing sources ----------------------------------------------------------------------


def _key(value: str) -> str:
    return value.lower().replace("-", "").replace("_", "")


def province_ids(value: str) -> set[str]:
    """The province ids whose sources `--province value` selects (see module docstring)."""
    from normalize.provinces import find_province, provinces, resolve_province

    unit = find_province(value)
    if unit is None:
        raise UsageError(
            f"unknown province {value!r}: an id of data/provinces.csv or a name",
            print_help=False,
        )
    if unit.status != "current":
        return {unit.id}
    return {
        other.id
        for other in provinces().values()
        if (match := resolve_province(other.id)) is not None and match.current.id == unit.id
    }


def select_sources(
    spiders: Mapping[str, Any],
    names: Sequence[str],
    platforms: Sequence[str] = (),
    provinces: Sequence[str] = (),
) -> list[str]:
    """The sources to run, sorted: the named ones (none named: all), narrowed by platform
    and by province. Raises UsageError for an unknown value or when none is left."""
    unknown = sorted(set(names) - set(spiders))
    if unknown:
        raise UsageError(
            f"unknown source(s): {', '.join(unknown)} (see scrapy list)", print_help=False
        )
    chosen = sorted(set(names) or spiders)
    if platforms:
        known = {_key(cls.platform): cls.platform for cls in spiders.values()}
        missing = [p for p in platforms if _key(p) not in known]
        if missing:
            raise UsageError(
                f"unknown platform(s): {', '.join(missing)}; "
                f"known: {', '.join(sorted(known.values()))}",
                print_help=False,
            )
        wanted = {known[_key(p)] for p in platforms}
        chosen = [n for n in chosen if spiders[n].platform in wanted]
    if provinces:
        ids = set().union(*(province_ids(p) for p in provinces))
        chosen = [n for n in chosen if spiders[n].province in ids]
    if not chosen:
        raise UsageError("no source matches the given names, platforms and provinces")
    return chosen


# -- while it runs, and at the end ---------------------------------------------------------


class Progress:
    """Per-source progress lines (see module docstring), and each source's final stats."""

    def __init__(
        self,
        interval: float,
        out: IO[str] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.interval = interval
        self.out = out
        self.clock = clock

    def watch(self, crawler: Crawler, results: dict[str, dict[str, Any]]) -> None:
        name = crawler.spidercls.name
        started = self.clock()
        last = {"at": started, "line": ""}

        def counts() -> dict[str, Any]:
            return crawler.stats.get_stats() if crawler.stats else {}

        def news(*_: Any, **__: Any) -> None:
            if self.clock() - last["at"] < self.interval:
                return
            line = progress_line(counts())
            if line != last["line"]:
                self.write(f"[{name}] {line}")
                last["at"], last["line"] = self.clock(), line

        def closed(spider: Any, reason: str) -> None:
            stats = counts()
            results[name] = {"reason": reason, **stats}
            took = round(self.clock() - started)
            self.write(f"[{name}] {reason}  {progress_line(stats, final=True)}  {took}s")

        def opened(*_: Any, **__: Any) -> None:
            # Connected now, after Scrapy's own stats handlers: the counts are current.
            for signal in (signals.response_received, signals.item_scraped, signals.item_dropped):
                crawler.signals.connect(news, signal=signal, weak=False)

        crawler.signals.connect(opened, signal=signals.spider_opened, weak=False)
        crawler.signals.connect(closed, signal=signals.spider_closed, weak=False)

    def write(self, line: str) -> None:
        print(line, file=self.out or sys.stderr, flush=True)


def progress_line(stats: Mapping[str, Any], *, final: bool = False) -> str:
    parts = [
        ("pages", stats.get("response_received_count", 0)),
        ("new", stats.get("dost/items_new", 0)),
        ("upd", stats.get("dost/items_updated", 0)),
    ]
    if final:
        parts += [
            ("same", stats.get("dost/items_unchanged", 0)),
            ("invalid", stats.get("dost/invalid", 0)),
        ]
    parts.append(("errors", stats.get("log_count/ERROR", 0)))
    return "  ".join(f"{label} {value}" for label, value in parts)


def print_summary(
    names: Sequence[str],
    results: Mapping[str, Mapping[str, Any]],
    changes: Mapping[str, health.Change],
) -> None:
    header = (
        f"{'source':<16} {'status':<9} {'mode':<11} {'pages':>5} {'new':>4} {'upd':>4} {'same':>4} "
        f"{'invalid':>7} {'errors':>6} {'fallbk':>6}  reason"
    )
    print(header)
    print("-" * len(header))
    for name in names:
        r = results.get(name, {})
        change = changes.get(name)
        status = change.status if change else health.FAILING
        if change and change.changed and change.previous:
            reason = f"(was {change.previous}) {change.reason}".strip()
        else:
            reason = change.reason if change else "not judged"
        line = (
            f"{name:<16} {status:<9} {r.get('dost/mode') or '-':<11} "
            f"{r.get('response_received_count', 0):>5} "
            f"{r.get('dost/items_new', 0):>4} {r.get('dost/items_updated', 0):>4} "
            f"{r.get('dost/items_unchanged', 0):>4} {r.get('dost/invalid', 0):>7} "
            f"{r.get('log_count/ERROR', 0):>6} {r.get('dost/fallback_items', 0):>6}  {reason}"
        )
        print(line.rstrip())
    counted = [c.status for c in changes.values()]
    tally = ", ".join(
        f"{counted.count(s)} {s}" for s in (health.OK, health.DEGRADED, health.FAILING)
    )
    print(f"{len(names)} source{'s' if len(names) != 1 else ''}: {tally}")
