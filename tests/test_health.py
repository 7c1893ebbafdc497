"""A source's health: the rules of crawlers/health.py on crawl rows, and their storage."""

from __future__ import annotations

import pytest

from crawlers.commands.health import format_table
from crawlers.health import (
    DEGRADED,
    FAILING,
    OK,
    Change,
    Thresholds,
    Verdict,
    assess,
    comparable,
    judge,
    record,
)
from crawlers.store import SourceRecord


def crawl(**overrides):
    """A healthy crawl of 10 articles, read by the site's selectors."""
    row = {
        "finish_reason": "finished",
        "errors": 0,
        "items_new": 2,
        "items_updated": 0,
        "items_unchanged": 8,
        "items_invalid": 0,
        "coverage_title": 1.0,
        "coverage_body": 1.0,
        "coverage_published": 1.0,
        "fallback_items": 0,
    }
    row.update(overrides)
    return row


HISTORY = [crawl(health=OK) for _ in range(5)]


@pytest.mark.parametrize(
    ("this", "status", "reason"),
    [
        (crawl(), OK, ""),
        (
            crawl(finish_reason="closespider_timeout"),
            FAILING,
            "finished with 'closespider_timeout'",
        ),
        # Ctrl-C or SIGTERM: the next start resumes it (crawlers/resume.py), no alarm
        (
            crawl(finish_reason="shutdown", items_new=0, items_unchanged=1),
            DEGRADED,
            "interrupted (Ctrl-C or SIGTERM); the next start resumes it",
        ),
        (crawl(finish_reason=None), FAILING, "the crawl did not finish"),
        (crawl(errors=1), FAILING, "1 error logged"),
        (crawl(errors=3), FAILING, "3 errors logged"),
        (crawl(items_new=0, items_unchanged=0), FAILING, "no article"),
        (
            crawl(items_new=0, items_unchanged=0, items_invalid=4),
            FAILING,
            "no article (4 unreadable pages)",
        ),
        (
            crawl(fallback_items=10),
            FAILING,
            "fallback extractor needed for 100% of articles (usually 0%)",
        ),
        (
            crawl(fallback_items=3),
            DEGRADED,
            "fallback extractor needed for 30% of articles (usually 0%)",
        ),
        (crawl(fallback_items=2), OK, ""),
        (
            crawl(coverage_published=0.7),
            DEGRADED,
            "date found in 70% of articles (usually 100%)",
        ),
        (
            crawl(coverage_published=0.4),
            FAILING,
            "date found in 40% of articles (usually 100%)",
        ),
        (
            crawl(items_invalid=10),
            DEGRADED,
            "50% of article pages readable (usually 100%)",
        ),
        (crawl(items_new=0, items_unchanged=4), DEGRADED, "4 articles seen (usually 10)"),
        (crawl(items_new=0, items_unchanged=5), OK, ""),
    ],
)
def test_judge_against_the_source_history(this, status, reason):
    assert judge(this, HISTORY) == Verdict(status, reason)


def test_the_worst_finding_comes_first_and_sets_the_status():
    verdict = judge(crawl(fallback_items=10, coverage_published=0.7), HISTORY)
    assert verdict.status == FAILING
    assert verdict.reason.split("; ") == [
        "fallback extractor needed for 100% of articles (usually 0%)",
        "date found in 70% of articles (usually 100%)",
    ]


def test_a_source_is_compared_with_its_own_usual_figures():
    # A site that never prints a date, read by the fallback every time: that is its normal.
    usual = crawl(coverage_published=0.0, fallback_items=10, health=OK)
    assert judge(crawl(coverage_published=0.0, fallback_items=10), [usual] * 3).status == OK
    assert judge(crawl(coverage_published=0.0, fallback_items=10), []).status == FAILING


def test_first_crawl_is_judged_on_absolute_figures_without_dates_or_volume():
    assert judge(crawl(coverage_published=0.0, items_new=1, items_unchanged=0), []).status == OK
    assert judge(crawl(fallback_items=6), []).status == FAILING
    assert judge(crawl(items_invalid=5), []).status == DEGRADED


def test_usual_is_the_median_of_the_last_comparable_crawls():
    history = [crawl(items_new=0, items_unchanged=n, health=OK) for n in (10, 40, 42, 90, 95)]
    this = crawl(items_new=0, items_unchanged=10)
    assert judge(this, history).reason == "10 articles seen (usually 42)"
    assert judge(this, history, Thresholds(history=3)).reason == "10 articles seen (usually 40)"


def test_failing_crawls_never_become_the_usual_so_a_broken_source_stays_failing():
    broken = crawl(fallback_items=10)
    history = [broken | {"health": FAILING}] * 4 + HISTORY
    assert judge(broken, history).status == FAILING
    assert comparable(history, 5) == HISTORY


def test_degraded_crawls_become_the_usual_so_a_lasting_change_stops_being_reported():
    smaller = crawl(items_new=0, items_unchanged=4)
    history = [smaller | {"health": DEGRADED}] * 3 + HISTORY[:2]
    assert judge(smaller, history).status == OK


def test_unjudged_crawls_count_as_history_unless_they_failed():
    history = [crawl(), crawl(errors=2), crawl(items_new=0, items_unchanged=0)]
    assert len(comparable(history, 5)) == 1


def test_volume_is_not_judged_when_pages_were_limited():
    assert judge(crawl(items_new=0, items_unchanged=1), HISTORY, volume=False).status == OK


def test_an_incremental_run_is_compared_in_volume_with_incremental_runs_only():
    full = [crawl(health=OK, mode="full", items_new=10, items_unchanged=0)]
    # the first incremental run after a full walk sees the first listing page only
    first_page = crawl(mode="incremental", items_new=0, items_unchanged=3, not_modified=3)
    assert judge(first_page, full) == Verdict(OK, "")
    usual = [crawl(health=OK, mode="incremental", items_new=0, items_unchanged=8)] * 3
    assert judge(crawl(mode="incremental", items_new=0, items_unchanged=3), usual + full) == (
        Verdict(DEGRADED, "3 articles seen (usually 8)")
    )


def test_shares_are_over_the_articles_read_not_the_304_answers():
    # 1 article read, by the fallback; 9 answered 304 Not Modified: nothing to read there
    this = crawl(items_new=1, items_unchanged=9, not_modified=9, fallback_items=1)
    assert judge(this, HISTORY).reason == (
        "fallback extractor needed for 100% of articles (usually 0%)"
    )
    nothing_read = crawl(items_new=0, items_unchanged=10, not_modified=10)
    assert judge(nothing_read, HISTORY) == Verdict(OK, "")


def test_thresholds_from_settings():
    from scrapy.settings import Settings

    settings = Settings({"DOST_HEALTH_DEGRADED": "0.1", "DOST_HEALTH_HISTORY": "3"})
    assert Thresholds.from_settings(settings) == Thresholds(history=3, degraded=0.1)
    assert judge(crawl(fallback_items=2), HISTORY, Thresholds(degraded=0.1)).status == DEGRADED


@pytest.mark.parametrize(
    ("previous", "status", "event"),
    [
        (OK, FAILING, "failing"),
        (DEGRADED, FAILING, "failing"),
        (None, FAILING, "failing"),
        (FAILING, FAILING, None),
        (FAILING, OK, "recovered"),
        (FAILING, DEGRADED, "recovered"),
        (OK, DEGRADED, None),
        (DEGRADED, OK, None),
        (None, OK, None),
    ],
)
def test_alerts_are_for_turning_failing_and_recovering(previous, status, event):
    assert Change("cao_bang", status, previous, "", "2025-01-01").event == event


# -- stored --------------------------------------------------------------------------------

SOURCE = SourceRecord(
    id="cao_bang",
    name="Sở Khoa học và Công nghệ tỉnh Cao Bằng",
    province_id="cao-bang",
    homepage="http://khcncaobang.gov.vn/",
    platform="nukeviet",
    legacy=False,
    evidence="seen in public pages",
)


def finished_crawl(store, mirror=False, **counts):
    crawl_id = store.start_crawl("cao_bang", mirror=mirror)
    row = crawl(**counts)
    store.finish_crawl(crawl_id, **{k: v for k, v in row.items() if k != "health"})
    return crawl_id


def test_assess_stores_the_verdict_on_the_crawl_and_the_source(store):
    store.upsert_source(SOURCE)
    first = assess(store, finished_crawl(store), Thresholds())
    assert (first.status, first.previous, first.changed) == (OK, None, True)
    second = assess(store, finished_crawl(store), Thresholds())
    assert (second.status, second.previous, second.changed) == (OK, OK, False)
    assert second.since == first.since
    broken_id = finished_crawl(store, fallback_items=10)
    broken = assess(store, broken_id, Thresholds())
    assert (broken.status, broken.previous, broken.event) == (FAILING, OK, "failing")
    assert store.crawl_counts(broken_id)["health"] == FAILING
    assert store.source_health("cao_bang") == {
        "health": FAILING,
        "health_reason": "fallback extractor needed for 100% of articles (usually 0%)",
        "health_since": store.crawl_counts(broken_id)["finished"],
    }
    again = assess(store, finished_crawl(store, fallback_items=10), Thresholds())
    assert (again.status, again.event, again.since) == (FAILING, None, broken.since)


def test_mirror_crawls_are_not_the_history_of_live_ones(store):
    store.upsert_source(SOURCE)
    for _ in range(3):
        assess(store, finished_crawl(store, mirror=True, items_unchanged=100), Thresholds())
    assert assess(store, finished_crawl(store), Thresholds()).status == OK


def test_a_source_that_never_started_is_recorded_failing(store):
    store.upsert_source(SOURCE)
    change = record(store, "cao_bang", Verdict(FAILING, "the crawl did not start"), at=None)
    assert change.event == "failing"
    assert store.source_health("cao_bang")["health_reason"] == "the crawl did not start"


def test_health_table_lists_status_since_coverage_and_reason(store):
    store.upsert_source(SOURCE)
    assess(store, finished_crawl(store), Thresholds())
    assess(store, finished_crawl(store, fallback_items=10, coverage_published=0.5), Thresholds())
    table = format_table(store.health_overview()).splitlines()
    assert table[0].split()[:3] == ["source", "status", "since"]
    fields = table[2].split()
    assert fields[:2] == ["cao_bang", "failing"]
    assert fields[6:11] == ["10", "100%", "100%", "50%", "100%"]
    assert table[2].endswith(
        "  fallback extractor needed for 100% of articles (usually 0%); "
        "date found in 50% of articles (usually 100%)"
    )


def test_a_resumed_crawl_with_nothing_left_to_fetch_is_not_failing():
    rest = crawl(items_new=0, items_unchanged=0)
    assert judge(rest, HISTORY).status == FAILING
    assert judge(rest, HISTORY, resumed=True).status == OK


def test_interrupted_crawls_never_become_the_usual():
    interrupted = crawl(finish_reason="shutdown", items_new=1, items_unchanged=0, health=DEGRADED)
    assert comparable([interrupted, *HISTORY], 5) == HISTORY
