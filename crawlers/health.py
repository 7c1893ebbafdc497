"""A source's health after a crawl: ok, degraded or failing, with the reason in words.

`judge` is a pure function over `crawls` rows (dicts with the table's columns): no Scrapy,
no SQL. `assess` (at the end) feeds it a crawl and its source's history from the store and
keeps the verdict (crawls.health, sources.health, health_since). `scrapy crawlall` assesses
every crawl it ran and alerts (crawlers/alerts.py); `scrapy health` prints the verdicts.

The rules, checked on every crawl:

- **failing** when the crawl did not finish normally (finish reason other than
  "finished"), logged an error, or stored no article;
- a fall in a field's coverage (the share of the crawl's articles with a title, a body, a
  date), or in the share of article pages that could be read at all, against the source's
  usual figure; or a rise in the share of articles for which the generic fallback
  extractor had to find a field (the site's own selectors found nothing: a redesign):
  **degraded** beyond `DOST_HEALTH_DEGRADED` (0.2, i.e. 20 points), **failing** beyond
  `DOST_HEALTH_FAILING` (0.5);
- **degraded** when the crawl saw fewer articles than the usual number by more than
  `DOST_HEALTH_VOLUME_DROP` (0.5: less than half), among crawls that walked alike (an
  incremental run sees the first listing pages, a full walk or a backfill everything:
  crawlers/incremental.py). Not judged when pages were limited.

Shares (fallback, readable pages) are over the articles the crawl read from a page: a
`304 Not Modified` counts as seen, but shows nothing to judge.

"Usual" is the median over the source's last `DOST_HEALTH_HISTORY` (5) comparable crawls:
finished normally, without errors, with articles, not judged failing, and of the same kind
(mirror or live). A failing crawl never becomes the usual, so a broken source stays failing
until it is fixed; a degraded one does, so a lasting change (a department that publishes
less) stops being reported after a few nights. With no history yet, the usual figure is the
ideal: every article with a title and a body, every page readable, no fallback; dates and
volume are then not judged (some sites print no date).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from statistics import median
from typing import Any

OK, DEGRADED, FAILING = "ok", "degraded", "failing"
SEVERITY = {OK: 0, DEGRADED: 1, FAILING: 2}

# What counts as an article seen by a crawl (new, changed or unchanged: all read fine).
SEEN_COLUMNS = ("items_new", "items_updated", "items_unchanged")

# Coverage columns judged, with the words a reason uses; `ideal` is the figure assumed
# without history (None: not judged until there is history).
COVERAGE = {
    "coverage_title": ("title", 1.0),
    "coverage_body": ("body", 1.0),
    "coverage_published": ("date", None),
}


@dataclass(frozen=True)
class Thresholds:
    history: int = 5
    degraded: float = 0.2
    failing: float = 0.5
    volume_drop: float = 0.5

    @classmethod
    def from_settings(cls, settings: Any) -> Thresholds:
        """From a Scrapy settings object (`DOST_HEALTH_*`)."""
        return cls(
            history=settings.getint("DOST_HEALTH_HISTORY", cls.history),
            degraded=settings.getfloat("DOST_HEALTH_DEGRADED", cls.degraded),
            failing=settings.getfloat("DOST_HEALTH_FAILING", cls.failing),
            volume_drop=settings.getfloat("DOST_HEALTH_VOLUME_DROP", cls.volume_drop),
        )


@dataclass(frozen=True)
class Verdict:
    status: str  # ok, degraded or failing
    reason: str  # empty when ok; else the findings, the worst first, joined by "; "


def seen(crawl: Mapping[str, Any]) -> int:
    """Articles the crawl stored or found unchanged."""
    return sum(crawl.get(column) or 0 for column in SEEN_COLUMNS)


def read(crawl: Mapping[str, Any]) -> int:
    """Articles the crawl read from a page (seen, less the 304 Not Modified answers)."""
    return seen(crawl) - (crawl.get("not_modified") or 0)


def readable_share(crawl: Mapping[str, Any]) -> float | None:
    """Share of the article pages read that yielded an article (None: no article page)."""
    items, invalid = read(crawl), crawl.get("items_invalid") or 0
    return items / (items + invalid) if items + invalid else None


def fallback_share(crawl: Mapping[str, Any]) -> float | None:
    """Share of the crawl's articles for which the generic extractor found a field."""
    items = read(crawl)
    return (crawl.get("fallback_items") or 0) / items if items else None


def incremental(crawl: Mapping[str, Any]) -> bool:
    return crawl.get("mode") == "incremental"


def basic_failures(crawl: Mapping[str, Any], *, resumed: bool = False) -> list[str]:
    """Why a crawl failed whatever its history (empty: it ran and stored articles). A
    `resumed` crawl only finishes what an interrupted one left: it may have no article."""
    found = []
    reason = crawl.get("finish_reason")
    if reason == "shutdown":  # Ctrl-C or SIGTERM: judged by the run that resumes it
        return found
    if reason != "finished":
        found.append(f"finished with {reason!r}" if reason else "the crawl did not finish")
    errors = crawl.get("errors") or 0
    if errors:
        found.append(f"{errors} error{'s' if errors > 1 else ''} logged")
    if not seen(crawl) and not resumed:
        invalid = crawl.get("items_invalid") or 0
        found.append(f"no article ({invalid} unreadable pages)" if invalid else "no article")
    return found


def comparable(history: Iterable[Mapping[str, Any]], limit: int) -> list[Mapping[str, Any]]:
    """The crawls, newest first, that make a source's usual figures (see module docstring)."""
    kept = [
        c
        for c in history
        if c.get("health") != FAILING
        and c.get("finish_reason") != "shutdown"
        and not basic_failures(c)
    ]
    return kept[:limit]


def _usual(history: Sequence[Mapping[str, Any]], value: Any, ideal: float | None) -> Any:
    figures = [v for v in (value(c) for c in history) if v is not None]
    return median(figures) if figures else ideal


def _pct(value: float) -> str:
    return f"{round(value * 100)}%"


def judge(
    crawl: Mapping[str, Any],
    history: Sequence[Mapping[str, Any]],
    thresholds: Thresholds = Thresholds(),
    *,
    volume: bool = True,
    resumed: bool = False,
) -> Verdict:
    """The verdict on `crawl` given its source's earlier crawls (`history`, newest first,
    unfiltered: `comparable` picks the usable ones). `volume=False` skips the volume rule
    (a crawl limited to a few listing pages sees fewer articles by design). An interrupted
    crawl (finish reason "shutdown") is degraded, never failing: the next start resumes it;
    a `resumed` one is not held to its history's volume or to storing an article."""
    failing = basic_failures(crawl, resumed=resumed)
    if failing:
        return Verdict(FAILING, "; ".join(failing))
    if crawl.get("finish_reason") == "shutdown":
        return Verdict(DEGRADED, "interrupted (Ctrl-C or SIGTERM); the next start resumes it")
    volume = volume and not resumed
    usual_crawls = comparable(history, thresholds.history)
    findings: list[tuple[str, str]] = []

    def compare(text: str, now: float | None, usual: float | None, higher_is_worse: bool):
        if now is None or usual is None:
            return
        change = now - usual if higher_is_worse else usual - now
        if change > thresholds.failing:
            level = FAILING
        elif change > thresholds.degraded:
            level = DEGRADED
        else:
            return
        findings.append((level, text.format(now=_pct(now), usual=_pct(usual))))

    compare(
        "fallback extractor needed for {now} of articles (usually {usual})",
        fallback_share(crawl),
        _usual(usual_crawls, fallback_share, 0.0),
        higher_is_worse=True,
    )
    for column, (word, ideal) in COVERAGE.items():
        compare(
            word + " found in {now} of articles (usually {usual})",
            crawl.get(column),
            _usual(usual_crawls, lambda c, column=column: c.get(column), ideal),
            higher_is_worse=False,
        )
    compare(
        "{now} of article pages readable (usually {usual})",
        readable_share(crawl),
        _usual(usual_crawls, readable_share, 1.0),
        higher_is_worse=False,
    )
    alike = [c for c in usual_crawls if incremental(c) == incremental(crawl)]
    if volume and alike:
        usual = median(seen(c) for c in alike)
        if seen(crawl) < usual * (1 - thresholds.volume_drop):
            findings.append((DEGRADED, f"{seen(crawl)} articles seen (usually {usual:g})"))
    if not findings:
        return Verdict(OK, "")
    findings.sort(key=lambda f: -SEVERITY[f[0]])
    return Verdict(findings[0][0], "; ".join(text for _, text in findings))


@dataclass(frozen=True)
class Change:
    """A source's status after a crawl, and before it."""

    source: str
    status: str
    previous: str | None  # None: never judged before
    reason: str
    since: str
    crawl_id: int | None = None

    @property
    def changed(self) -> bool:
        return self.status != self.previous

    @property
    def event(self) -> str | None:
        """The alert this change calls for: "failing" when the source turned failing,
        "recovered" when it stopped failing, None for the others (ok <-> degraded, which
        `scrapy health` and the summary show, but no one is woken up for)."""
        if self.status == FAILING and self.previous != FAILING:
            return "failing"
        if self.previous == FAILING and self.status != FAILING:
            return "recovered"
        return None


# -- with the store: judge a crawl and keep the verdict ----------------------------------


def assess(
    store: Any, crawl_id: int, thresholds: Thresholds, *, volume: bool = True, resumed: bool = False
) -> Change:
    """Judge crawl `crawl_id` of `store` (a `crawlers.store.Store`) against its source's
    history, and record the verdict on the crawl and on its source."""
    crawl = store.crawl_counts(crawl_id)
    history = store.crawl_history(
        crawl["spider"],
        before=crawl_id,
        mirror=bool(crawl.get("mirror")),
        limit=thresholds.history * 4 + 10,  # room for the crawls `comparable` leaves out
    )
    verdict = judge(crawl, history, thresholds, volume=volume, resumed=resumed)
    store.set_crawl_health(crawl_id, verdict.status, verdict.reason)
    return record(store, crawl["spider"], verdict, at=crawl.get("finished"), crawl_id=crawl_id)


def record(
    store: Any, source: str, verdict: Verdict, *, at: str | None, crawl_id: int | None = None
) -> Change:
    """Set a source's health; `health_since` moves only when the status changes."""
    from crawlers.store import utc_now

    at = at or utc_now()
    before = store.source_health(source) or {}
    previous = before.get("health")
    since = before.get("health_since") if previous == verdict.status else None
    store.set_source_health(source, verdict.status, verdict.reason, since or at)
    return Change(source, verdict.status, previous, verdict.reason, since or at, crawl_id)
