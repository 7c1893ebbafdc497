"""Interrupted crawls: the job directory's life (crawlers/resume.py), whole transactions in the
store, and real `scrapy crawlall` processes stopped mid-way with Ctrl-C, SIGTERM or SIGKILL,
then started again: the database ends as after an uninterrupted run.
"""

from __future__ import annotations

import os
import pickle
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from scrapy.settings import Settings
from scrapy.spiderloader import SpiderLoader
from scrapy.utils.project import get_project_settings
from scrapy.utils.request import request_from_dict
from scrapy.utils.test import get_crawler

from crawlers.mirror import MirrorServer
from crawlers.resume import LOCK, MARKER, ResumableJob, SourceBusy, prepare, state_dir
from crawlers.store import SourceRecord
from tests.conftest import content, listing, make_spider

ROOT = Path(__file__).resolve().parent.parent
SCRAPY = str(Path(sys.executable).parent / "scrapy")
LOADER = SpiderLoader.from_settings(get_project_settings())


# -- the job directory ------------------------------------------------------------------------


def saved_job(path: Path, *, marker: bool) -> Path:
    (path / "requests.queue").mkdir(parents=True)
    (path / "requests.queue" / "active.json").write_text("[]")
    (path / "requests.seen").write_bytes(b"\x00\x01x")
    if marker:
        (path / MARKER).write_text('{"reason": "shutdown"}')
    return path


def test_nothing_saved_starts_fresh(tmp_path):
    assert prepare(tmp_path / "cao_bang") == "fresh"


def test_a_gracefully_stopped_job_resumes_and_loses_its_marker(tmp_path):
    job = saved_job(tmp_path / "cao_bang", marker=True)
    assert prepare(job) == "resumed"
    assert (job / "requests.seen").exists() and (job / "requests.queue").exists()
    assert not (job / MARKER).exists()  # a kill from now on leaves none


def test_a_job_whose_process_died_is_discarded(tmp_path):
    job = saved_job(tmp_path / "cao_bang", marker=False)
    (job / LOCK).touch()
    assert prepare(job) == "discarded"
    assert [p.name for p in job.iterdir()] == [LOCK]


def test_fresh_drops_a_resumable_job(tmp_path):
    job = saved_job(tmp_path / "cao_bang", marker=True)
    assert prepare(job, fresh=True) == "fresh"
    assert list(job.iterdir()) == []


def test_state_dir_is_beside_the_database_unless_set(tmp_path):
    assert state_dir(Settings({"DOST_DB": str(tmp_path / "x" / "dost.db")})) == tmp_path / "x" / (
        "state"
    )
    assert state_dir(Settings({"DOST_STATE_DIR": str(tmp_path / "s")})) == tmp_path / "s"


def job_for(path: Path, **settings) -> ResumableJob:
    crawler = get_crawler(LOADER.load("cao_bang"), {"JOBDIR": str(path), **settings})
    return ResumableJob.from_crawler(crawler)


def test_a_clean_finish_removes_the_job_and_a_stop_marks_it(tmp_path):
    finished = job_for(tmp_path / "a")
    finished.spider_closed(make_spider("cao_bang"), "finished")
    finished.engine_stopped()
    assert not (tmp_path / "a").exists()

    stopped = job_for(tmp_path / "b")
    stopped.spider_closed(make_spider("cao_bang"), "shutdown")
    stopped.engine_stopped()
    assert (tmp_path / "b" / MARKER).exists()
    resumed = job_for(tmp_path / "b")
    assert resumed.how == "resumed"
    resumed.spider_closed(make_spider("cao_bang"), "shutdown")
    resumed.engine_stopped()
    assert job_for(tmp_path / "b", DOST_FRESH=True).how == "fresh"  # crawlall --fresh


def test_a_request_that_cannot_be_saved_is_an_error(tmp_path, caplog):
    job = job_for(tmp_path / "a")
    job.crawler.stats.set_value("scheduler/unserializable", 2)
    job.spider_closed(make_spider("cao_bang"), "finished")
    assert "2 requests could not be saved" in caplog.text
    assert any(r.levelname == "ERROR" for r in caplog.records)


def test_two_processes_never_share_a_source_job(tmp_path):
    first = job_for(tmp_path / "a")
    with pytest.raises(SourceBusy):
        job_for(tmp_path / "a")
    first.spider_closed(make_spider("cao_bang"), "shutdown")
    first.engine_stopped()  # releases the lock
    job_for(tmp_path / "a")


@pytest.mark.parametrize("name", sorted(LOADER.list()))
def test_every_request_a_source_makes_can_be_saved_for_resuming(name):
    """The disk queue pickles requests: callbacks must be spider methods, meta plain data."""
    import asyncio

    spider = make_spider(name)

    async def starts():
        return [r async for r in spider.start()]

    articles, pages = listing(name)
    for request in [*asyncio.run(starts()), *articles, *pages]:
        data = pickle.loads(pickle.dumps(request.to_dict(spider=spider), protocol=4))
        again = request_from_dict(data, spider=spider)
        assert again.url == request.url and again.meta == request.meta
        assert again.callback.__name__ == request.callback.__name__


# -- the store: whole transactions, crawls a dead process left open ---------------------------

SOURCE = SourceRecord("cao_bang", "Sở KH&CN Cao Bằng", "cao-bang", "h", "nukeviet", False, "e")
RECORD = {
    "url": "http://khcncaobang.gov.vn/a-1",
    "source_id": "cao_bang",
    "title": "Hội nghị",
    "body_text": "Nội dung.",
    "people_mentions": [{"name": "Lê Văn A", "start": 0, "end": 8}],
}


def test_an_article_is_stored_whole_or_not_at_all(store, monkeypatch):
    store.upsert_source(SOURCE)

    def die(*args, **kwargs):
        raise KeyboardInterrupt  # the process stops half-way through the upsert

    monkeypatch.setattr(store, "_write_mentions", die)
    with pytest.raises(KeyboardInterrupt):
        store.upsert_article(RECORD)
    for table in ("articles", "article_urls", "articles_fts", "people_mentions"):
        assert store.db.execute(f"select count(*) from {table}").fetchone() == (0,), table
    monkeypatch.undo()
    assert store.upsert_article(RECORD) == "new"


def test_a_crawl_a_dead_process_left_open_is_marked_interrupted(store):
    store.upsert_source(SOURCE)
    dead = store.start_crawl("cao_bang", mirror=True)
    store.archive_page(
        url="http://khcncaobang.gov.vn/",
        body=b"<html></html>",
        status=200,
        headers={},
        source_id="cao_bang",
        kind="listing",
        crawl_id=dead,
    )
    last_page = store.db.execute("select fetched_at from raw_pages").fetchone()[0]
    new = store.start_crawl("cao_bang", mirror=True)
    row = store.db["crawls"].get(dead)
    assert (row["finish_reason"], row["finished"], row["pages"]) == ("interrupted", last_page, 1)
    assert store.db["crawls"].get(new)["finished"] is None
    # a crawl still alive in another process puts its own finish back
    store.finish_crawl(dead, finish_reason="finished")
    assert store.db["crawls"].get(dead)["finish_reason"] == "finished"


# -- real processes, stopped mid-way and started again -----------------------------------------

SOURCES = ["ben_tre", "cao_bang", "kien_giang"]
TOTAL = sum(len(content(name)) for name in SOURCES)
# Slow enough to stop mid-way: one request at a time per source, a pause between them.
SLOW = ["-s", "DOWNLOAD_DELAY=0.3", "-s", "CONCURRENT_REQUESTS=1", "-s", "AUTOTHROTTLE_ENABLED=0"]


def environment(db: Path, mirror: MirrorServer) -> dict[str, str]:
    return {**os.environ, "DOST_DB": str(db), "DOST_MIRROR": mirror.url, "LOG_LEVEL": "INFO"}


def crawlall(db: Path, mirror: MirrorServer, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [SCRAPY, "crawlall", *SOURCES, *extra],
        cwd=ROOT,
        env=environment(db, mirror),
        capture_output=True,
        text=True,
        timeout=300,
    )


def query(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def stored_articles(db: Path) -> int:
    try:
        return query(db, "select count(*) from articles")[0][0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def articles_of(db: Path) -> set[tuple]:
    return set(query(db, "select source_id, url, content_hash from articles"))


@pytest.fixture(scope="module")
def mirror():
    with MirrorServer() as server:
        yield server


@pytest.fixture(scope="module")
def uninterrupted(mirror, tmp_path_factory) -> set[tuple]:
    db = tmp_path_factory.mktemp("whole") / "dost.db"
    result = crawlall(db, mirror)
    assert result.returncode == 0, result.stdout + result.stderr
    return articles_of(db)


@pytest.mark.e2e
@pytest.mark.parametrize("stop", ["SIGINT", "SIGTERM", "SIGKILL"])
def test_a_crawl_stopped_mid_way_and_started_again_stores_what_a_whole_run_stores(
    stop, mirror, uninterrupted, tmp_path
):
    db = tmp_path / "dost.db"
    with (tmp_path / "first.log").open("w") as log:
        process = subprocess.Popen(
            [SCRAPY, "crawlall", *SOURCES, *SLOW],
            cwd=ROOT,
            env=environment(db, mirror),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 120
        while stored_articles(db) < 3 and time.monotonic() < deadline:
            time.sleep(0.05)
        process.send_signal(getattr(signal, stop))
        process.wait(timeout=120)
    first = articles_of(db)
    assert 0 < len(first) < TOTAL, "the crawl was not stopped mid-way"
    jobs = {p.name: p for p in (tmp_path / "state").iterdir()}
    assert jobs, "no job directory kept"
    graceful = stop != "SIGKILL"
    assert all((job / MARKER).exists() == graceful for job in jobs.values())

    again = crawlall(db, mirror)

    log = again.stderr
    assert " ERROR: " not in log, log
    if graceful:
        assert "Resuming crawl" in log
        # Nothing fetched twice: the second run went on from the first's queue.
        assert query(db, "select url from raw_pages group by url having count(*) > 1") == []
    else:
        assert "died without saving its queue" in log
    assert articles_of(db) == uninterrupted
    assert query(db, "select count(*) - count(distinct url) from articles") == [(0,)]
    assert query(db, "pragma integrity_check") == [("ok",)]
    assert query(db, "pragma foreign_key_check") == []
    # Every article whole: its search entry and its URL are there.
    assert query(db, "select count(*) from articles_fts") == [(len(uninterrupted),)]
    assert query(
        db, "select count(*) from articles where url not in (select url from article_urls)"
    ) == [(0,)]
    # The first run's crawls rows say how it ended; none is left open.
    assert query(db, "select count(*) from crawls where finished is null") == [(0,)]
    reasons = {r for (r,) in query(db, "select finish_reason from crawls")}
    assert reasons == {"finished", "shutdown" if graceful else "interrupted"}
    assert not any((tmp_path / "state").iterdir()), "a finished job was left behind"
