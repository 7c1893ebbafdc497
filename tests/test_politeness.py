"""Politeness: the settings every crawl runs with (crawlers/settings.py, crawlers/politeness.py),
built as `scrapy crawlall` builds its crawlers, and the retry back-off."""

from __future__ import annotations

import argparse
import asyncio

import pytest
from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.spiderloader import get_spider_loader
from scrapy.utils.project import get_project_settings
from scrapy.utils.test import get_crawler, get_reactor_settings

from crawlers import politeness
from crawlers.commands.crawlall import Command
from crawlers.politeness import RetryBackoffMiddleware, backoff_delay

LOADER = get_spider_loader(get_project_settings())


def crawl_settings(argv: list[str], source: str = "cao_bang") -> dict:
    """The settings a crawl of `source` runs with after `scrapy crawlall ARGV` processed its
    options, each with its priority (the command line's win over the add-on's)."""
    command = Command()
    command.settings = get_project_settings()
    parser = argparse.ArgumentParser(conflict_handler="resolve")  # as scrapy.cmdline's
    command.add_options(parser)
    opts, args = parser.parse_known_args(argv)
    command.process_options(args, opts)
    if command.mirror is not None:
        command.mirror.stop()
    settings = command.settings.copy()
    settings.setdict(get_reactor_settings(), priority="cmdline")  # this process's reactor
    crawler = Crawler(LOADER.load(source), settings)
    crawler._apply_settings()  # as Crawler.crawl() does, and scrapy.utils.test.get_crawler
    return crawler.settings.copy_to_dict()


def test_crawls_are_polite():
    settings = crawl_settings([])
    assert settings["ROBOTSTXT_OBEY"] is True
    assert settings["ROBOTSTXT_USER_AGENT"] == "dost-news"
    assert settings["CONCURRENT_REQUESTS_PER_DOMAIN"] == 2
    assert settings["AUTOTHROTTLE_ENABLED"] is True
    assert settings["DOWNLOAD_DELAY"] > 0
    assert 0 < settings["DOWNLOAD_TIMEOUT"] <= 60
    assert settings["RETRY_ENABLED"] is True and settings["RETRY_TIMES"] >= 1
    assert settings["DOST_RETRY_BACKOFF"] > 0
    assert "crawlers.politeness.RetryBackoffMiddleware" in settings["DOWNLOADER_MIDDLEWARES"]
    contact = settings["DOST_CONTACT_URL"]
    assert settings["USER_AGENT"] == f"dost-news/0.1 (+{contact})"


def test_the_user_agent_names_the_contact_url_given_on_the_command_line():
    settings = crawl_settings(["-s", "DOST_CONTACT_URL=https://ops.example/dost"])
    assert settings["USER_AGENT"] == "dost-news/0.1 (+https://ops.example/dost)"


def test_mirror_only_relaxes_the_delays():
    live, mirror = crawl_settings([]), crawl_settings(["--mirror"])
    changed = {name for name in live.keys() | mirror.keys() if live.get(name) != mirror.get(name)}
    relaxed = {"AUTOTHROTTLE_ENABLED", "DOWNLOAD_DELAY", "DOST_RETRY_BACKOFF"}
    assert changed == {"DOST_MIRROR", *relaxed}
    assert mirror["DOST_MIRROR"].startswith("http://127.0.0.1:")
    assert (mirror["AUTOTHROTTLE_ENABLED"], mirror["DOWNLOAD_DELAY"]) == (False, 0)


def test_a_delay_given_on_the_command_line_wins_over_the_mirror():
    assert crawl_settings(["--mirror", "-s", "DOWNLOAD_DELAY=3"])["DOWNLOAD_DELAY"] == "3"


# -- retry back-off ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("retry_times", "delay"), [(0, 0), (1, 2), (2, 4), (3, 8), (5, 30), (9, 30)]
)
def test_backoff_doubles_up_to_the_maximum(retry_times, delay):
    assert backoff_delay(retry_times, 2, 30) == delay


def test_a_retried_request_waits_its_backoff_before_download(monkeypatch):
    waited = []

    async def sleep(seconds: float) -> None:
        waited.append(seconds)

    monkeypatch.setattr(politeness, "sleep", sleep)
    middleware = RetryBackoffMiddleware.from_crawler(
        get_crawler(settings_dict={"DOST_RETRY_BACKOFF": 1.5, "DOST_RETRY_BACKOFF_MAX": 4})
    )
    for retry_times in (0, 1, 2, 3):
        request = Request("http://khcncaobang.gov.vn/", meta={"retry_times": retry_times})
        assert asyncio.run(middleware.process_request(request)) is None
    assert waited == [1.5, 3, 4]


@pytest.mark.parametrize(
    "settings", [{"DOST_RETRY_BACKOFF": 0}, {"DOST_RETRY_BACKOFF": 2, "RETRY_ENABLED": False}]
)
def test_no_backoff_middleware_when_off(settings):
    with pytest.raises(NotConfigured):
        RetryBackoffMiddleware.from_crawler(get_crawler(settings_dict=settings))
