"""Resumable crawls: each source's Scrapy job directory, kept only while it is worth resuming.

`scrapy crawlall` gives every source its own `JOBDIR`, `<DOST_STATE_DIR>/<source>/` (default
`state/` beside the database: `data/state/`). There Scrapy keeps the requests not yet
fetched, the fingerprints of those already seen and `spider.state`. This extension (enabled
in settings.EXTENSIONS, active only when `JOBDIR` is set) decides what that directory means:

- a clean finish (reason "finished") removes it: the next run starts afresh, otherwise the
  seen fingerprints would filter the start pages of every later night;
- a graceful stop (Ctrl-C, SIGTERM from systemd: reason "shutdown", or any other reason)
  leaves it with a `paused.json` marker, written after Scrapy has saved its queue: the next
  start resumes where this one stopped;
- a directory without the marker belongs to a process that died without closing (SIGKILL, a
  second Ctrl-C, a crash, power loss). Scrapy writes its queue's index only on a clean close,
  so that queue cannot be trusted: the state is dropped and the source starts afresh (its
  stored articles stay; the store upserts by URL, so nothing is stored twice).

The marker is removed as soon as a job starts, so a job killed after resuming is recognised
too. `DOST_FRESH` (`crawlall --fresh`) drops any saved state. A lock file in the directory
keeps two processes from sharing one source's job (the second does not start that source).
Requests must pickle to be saved: callbacks are spider methods, `meta` plain data; any that
does not is logged as an error (it would be lost on interruption).
"""

from __future__ import annotations

import fcntl
import json
import logging
import shutil
from pathlib import Path
from typing import IO, Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.settings import BaseSettings

from crawlers.store import db_path, utc_now

log = logging.getLogger(__name__)

MARKER = "paused.json"
LOCK = ".lock"


def state_dir(settings: BaseSettings) -> Path:
    """`DOST_STATE_DIR`, else `state/` beside the database (`DOST_DB`): `data/state/`."""
    configured = settings.get("DOST_STATE_DIR")
    if configured:
        return Path(configured)
    return db_path(settings.get("DOST_DB") or None).parent / "state"


def job_dir(settings: BaseSettings, source: str) -> str:
    """The `JOBDIR` of one source."""
    return str(state_dir(settings) / source)


class SourceBusy(RuntimeError):
    """Another process runs this source's job."""


def prepare(path: Path, *, fresh: bool = False) -> str:
    """Make a job directory ready to start, and say how it starts.

    "fresh" (nothing saved, or `fresh` asked), "resumed" (a graceful stop left it), or
    "discarded" (a process died in it: the saved queue is unreliable and was dropped). The
    marker is removed either way, so a process that dies from now on leaves none.
    """
    saved = [p for p in path.iterdir() if p.name != LOCK] if path.exists() else []
    marker = path / MARKER
    if saved and marker.exists() and not fresh:
        marker.unlink()
        return "resumed"
    for entry in saved:
        if entry.is_dir():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    return "discarded" if saved and not fresh else "fresh"


class ResumableJob:
    def __init__(self, crawler: Crawler, path: Path) -> None:
        self.crawler = crawler
        self.path = path
        self.how = "fresh"
        self.reason: str | None = None
        self.lock: IO[str] | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ResumableJob:
        jobdir = crawler.settings.get("JOBDIR")
        if not jobdir:
            raise NotConfigured
        job = cls(crawler, Path(jobdir))
        job.start(fresh=crawler.settings.getbool("DOST_FRESH"))
        crawler.signals.connect(job.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(job.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(job.engine_stopped, signal=signals.engine_stopped)
        return job

    def start(self, *, fresh: bool) -> None:
        self.path.mkdir(parents=True, exist_ok=True)
        self.lock = (self.path / LOCK).open("w")
        try:
            fcntl.flock(self.lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.lock.close()
            message = f"{self.path} is in use: another process is crawling this source"
            log.error("%s: not crawled: %s", self.crawler.spidercls.name, message)
            raise SourceBusy(message) from None
        self.how = prepare(self.path, fresh=fresh)
        name = self.crawler.spidercls.name
        if self.how == "resumed":
            log.info("%s: resuming the interrupted crawl saved in %s", name, self.path)
        elif self.how == "discarded":
            log.warning(
                "%s: the last crawl died without saving its queue (killed?); starting afresh",
                name,
            )

    def spider_opened(self, spider: Any) -> None:
        self.crawler.stats.set_value("dost/job", self.how)  # fresh, resumed or discarded

    def spider_closed(self, spider: Any, reason: str) -> None:
        self.reason = reason
        lost = self.crawler.stats.get_value("scheduler/unserializable", 0)
        if lost:
            log.error(
                "%s: %d requests could not be saved in the job directory (not picklable); "
                "an interrupted crawl would lose them",
                spider.name,
                lost,
            )

    def engine_stopped(self) -> None:
        # After spider_closed: Scrapy has written its queue and spider.state by now.
        if self.reason == "finished":
            shutil.rmtree(self.path, ignore_errors=True)
        elif self.reason is not None:
            marker = {"reason": self.reason, "stopped": utc_now()}
            (self.path / MARKER).write_text(json.dumps(marker), encoding="utf-8")
        if self.lock is not None:
            self.lock.close()
            self.lock = None
