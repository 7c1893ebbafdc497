"""`scrapy crawlall` in-process: choosing sources, its options, the settings its crawls run
with (politeness), the retry back-off and the progress lines. The real runs are in
tests/test_end_to_end.py."""

from __future__ import annotations

import argparse
import io

import pytest
from scrapy import signals
from scrapy.exceptions import UsageError
from scrapy.settings import Settings
from scrapy.signalmanager import SignalManager
from scrapy.spiderloader import get_spider_loader
from scrapy.utils.project import get_project_settings

from crawlers.commands.crawlall import Command, Progress, select_sources

LOADER = get_spider_loader(get_project_settings())
SPIDERS = {name: LOADER.load(name) for name in LOADER.list()}


# -- choosing sources ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("names", "platforms", "provinces", "expected"),
    [
        (["kien_giang", "cao_bang"], [], [], ["cao_bang", "kien_giang"]),
        ([], ["nukeviet"], [], ["cao_bang"]),
        ([], ["NukeViet"], [], ["cao_bang"]),
        ([], ["nukeviet"], ["an-giang"], []),  # filters narrow: no NukeViet in An Giang
        ([], [], ["an-giang"], ["an_giang", "kien_giang"]),  # current: with the merged ones
        ([], [], ["kien-giang"], ["kien_giang"]),  # former: its own archive only
        ([], [], ["Kiên Giang"], ["kien_giang"]),  # a name
        ([], [], ["TP.HCM"], ["ba_ria_vung_tau", "binh_duong", "ho_chi_minh"]),
        (["cao_bang", "an_giang"], [], ["an-giang"], ["an_giang"]),
        ([], [], ["cao-bang", "ben-tre"], ["ben_tre", "cao_bang"]),
    ],
)
def test_select_sources(names, platforms, provinces, expected):
    if not expected:
        with pytest.raises(UsageError, match="no source matches"):
            select_sources(SPIDERS, names, platforms, provinces)
    else:
        assert select_sources(SPIDERS, names, platforms, provinces) == expected


def test_no_choice_is_every_source():
    assert select_sources(SPIDERS, []) == sorted(SPIDERS)
    assert len(SPIDERS) == 52


@pytest.mark.parametrize(
    ("names", "platforms", "provinces", "message"),
    [
        (["cao_bang", "atlantis"], [], [], "unknown source(s): atlantis"),
        ([], ["typo3"], [], "unknown platform(s): typo3; known: aspnet, city-portal"),
        ([], [], ["atlantis"], "unknown province 'atlantis'"),
    ],
)
def test_unknown_values_are_usage_errors(names, platforms, provinces, message):
    with pytest.raises(UsageError) as raised:
        select_sources(SPIDERS, names, platforms, provinces)
    assert message in str(raised.value)


# -- options and the settings a crawl runs with ---------------------------------------------


def parse(argv: list[str]) -> Command:
    """crawlall's options processed as `scrapy crawlall ARGV` processes them."""
    command = Command()
    command.settings = get_project_settings()
    parser = argparse.ArgumentParser(conflict_handler="resolve")  # as scrapy.cmdline's
    command.add_options(parser)
    opts, args = parser.parse_known_args(argv)
    command.process_options(args, opts)
    if command.mirror is not None:
        command.mirror.stop()
    return command


@pytest.mark.parametrize(
    ("argv", "names", "setting"),
    [
        (["-s", "cao_bang,kien_giang"], ["cao_bang", "kien_giang"], None),
        (["-s", "cao_bang", "-s", "DOST_MAX_PAGES=3"], ["cao_bang"], ("DOST_MAX_PAGES", "3")),
        (["--set", "DOST_MAX_PAGES=3"], sorted(SPIDERS), ("DOST_MAX_PAGES", "3")),
        (["--only", "kien_giang", "cao_bang"], ["cao_bang", "kien_giang"], None),
        (["--only=cao_bang,ben_tre", "--max-pages", "2"], ["ben_tre", "cao_bang"], None),
        (
            ["--platform", "nukeviet,wordpress"],
            sorted(n for n, c in SPIDERS.items() if c.platform in ("nukeviet", "wordpress")),
            None,
        ),
        (["--province", "kien-giang"], ["kien_giang"], None),
    ],
)
def test_s_names_sources_or_sets_a_setting(argv, names, setting):
    command = parse(argv)
    assert command.names == names
    if setting:
        assert command.settings[setting[0]] == setting[1]


def test_max_pages_sets_the_setting():
    assert parse(["--max-pages", "2", "cao_bang"]).settings.getint("DOST_MAX_PAGES") == 2


# -- progress ------------------------------------------------------------------------------


class FakeCrawler:
    """What Progress reads of a crawler: its spider's name, its signals and its stats."""

    spidercls = SPIDERS["cao_bang"]

    def __init__(self) -> None:
        self.signals = SignalManager(self)
        self.counts: dict[str, int] = {}
        self.stats = self

    def get_stats(self) -> dict[str, int]:
        return dict(self.counts)


def test_progress_prints_a_source_news_at_most_every_interval_and_its_end():
    now = [0.0]
    out = io.StringIO()
    progress = Progress(5, out=out, clock=lambda: now[0])
    crawler = FakeCrawler()
    results: dict = {}
    progress.watch(crawler, results)  # type: ignore[arg-type]
    send = crawler.signals.send_catch_log
    send(signals.spider_opened, spider=None)
    for second, pages, new in [(1, 1, 0), (6, 4, 1), (7, 5, 2), (12, 9, 5), (18, 9, 5)]:
        now[0] = second
        crawler.counts.update({"response_received_count": pages, "dost/items_new": new})
        send(signals.response_received, response=None, request=None, spider=None)
    crawler.counts.update({"dost/items_unchanged": 3, "log_count/ERROR": 1})
    send(signals.spider_closed, spider=None, reason="finished")
    assert out.getvalue().splitlines() == [
        "[cao_bang] pages 4  new 1  upd 0  errors 0",
        "[cao_bang] pages 9  new 5  upd 0  errors 0",
        "[cao_bang] finished  pages 9  new 5  upd 0  same 3  invalid 0  errors 1  18s",
    ]
    assert results["cao_bang"]["reason"] == "finished"
    assert results["cao_bang"]["dost/items_new"] == 5


def test_progress_interval_is_a_setting():
    assert get_project_settings().getfloat("DOST_PROGRESS_INTERVAL") == 5
    assert Settings({"DOST_PROGRESS_INTERVAL": "0"}).getfloat("DOST_PROGRESS_INTERVAL") == 0
