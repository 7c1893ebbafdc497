"""deploy/: the scripts run for real (lock, exit status, online backup, Datasette reading
while the crawl writes), and the unit files and cron line checked against the repository.
"""

from __future__ import annotations

import configparser
import datetime as dt
import fcntl
import gzip
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from crawlers.mirror import MirrorServer
from crawlers.store import SourceRecord, Store
from tests.conftest import content

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
APP = "/opt/dost-news"  # where the unit files and the cron line expect the checkout
UNITS = sorted(p for p in DEPLOY.iterdir() if p.suffix in (".service", ".timer"))


def script(name: str, *args: str, env: dict[str, str], **kwargs) -> subprocess.Popen:
    environment = {**os.environ, **env}
    environment.pop("DOST_MIRROR", None)
    environment.update(env)
    return subprocess.Popen(
        [str(DEPLOY / name), *args],
        env=environment,
        cwd="/",  # the scripts find the checkout themselves
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,
    )


def lock_is_held(path: Path) -> bool:
    if not path.exists():
        return False
    with path.open("a") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(fh, fcntl.LOCK_UN)
        return False


# -- crawl.sh ---------------------------------------------------------------------------------


@pytest.mark.e2e
def test_a_second_crawl_exits_at_once_while_the_first_holds_the_lock(tmp_path):
    db = tmp_path / "dost.db"
    slow = ["-s", "DOWNLOAD_DELAY=0.3", "-s", "CONCURRENT_REQUESTS=1"]
    with MirrorServer() as mirror:
        env = {"DOST_DB": str(db), "DOST_MIRROR": mirror.url}
        first = script("crawl.sh", "kien_giang", *slow, env=env)
        lock = tmp_path / "crawl.lock"  # beside the database
        deadline = time.monotonic() + 60
        while not lock_is_held(lock) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert first.poll() is None, "the first crawl ended before the second started"

        second = script("crawl.sh", "kien_giang", env=env)
        _, err = second.communicate(timeout=60)
        assert second.returncode == 75
        assert f"not started: another crawl holds {lock}" in err

        out, err = first.communicate(timeout=300)
    assert first.returncode == 0, out + err
    assert "dost-news crawl: starting" in out
    assert not lock_is_held(lock)
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from articles").fetchone() == (
            len(content("kien_giang")),
        )


@pytest.mark.e2e
def test_the_crawl_exit_status_is_crawlalls(tmp_path):
    empty = tmp_path / "nothing"
    empty.mkdir()
    with MirrorServer(empty) as mirror:  # every page answers 404: the source fails
        run = script(
            "crawl.sh",
            "kien_giang",
            env={"DOST_DB": str(tmp_path / "dost.db"), "DOST_MIRROR": mirror.url},
        )
        out, err = run.communicate(timeout=300)
    assert run.returncode == 1, out + err
    (line,) = [ln for ln in out.splitlines() if ln.startswith("kien_giang ")]
    assert line.split()[1] == "failing", line


def fake_checkout(tmp_path: Path) -> Path:
    """A checkout whose scrapy prints the arguments crawl.sh gives it."""
    app = tmp_path / "app"
    scrapy = app / ".venv" / "bin" / "scrapy"
    scrapy.parent.mkdir(parents=True)
    scrapy.write_text('#!/bin/sh\necho "scrapy $*"\n')
    scrapy.chmod(0o755)
    return app


def vietnam_weekday() -> int:
    from zoneinfo import ZoneInfo

    return dt.datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).isoweekday()


@pytest.mark.parametrize(
    ("day", "backfill"),
    [
        ("today", True),
        ("another day", False),
        ("", False),  # empty: never
    ],
)
def test_the_crawl_is_a_backfill_once_a_week(tmp_path, day, backfill):
    today = vietnam_weekday()
    value = {"today": str(today), "another day": str(today % 7 + 1), "": ""}[day]
    env = {
        "DOST_APP": str(fake_checkout(tmp_path)),
        "DOST_DB": str(tmp_path / "dost.db"),
        "DOST_BACKFILL_DAY": value,
    }
    out, err = script("crawl.sh", "cao_bang", env=env).communicate(timeout=60)
    (line,) = [ln for ln in out.splitlines() if ln.startswith("scrapy ")]
    if backfill:
        assert line == "scrapy crawlall --backfill cao_bang", out + err
        assert "starting the weekly backfill" in out
    else:
        assert line == "scrapy crawlall cao_bang", out + err


def test_the_weekly_backfill_is_on_sunday_unless_told(tmp_path):
    env = {"DOST_APP": str(fake_checkout(tmp_path)), "DOST_DB": str(tmp_path / "dost.db")}
    environment = {**os.environ, **env}
    environment.pop("DOST_BACKFILL_DAY", None)
    run = subprocess.run(
        [str(DEPLOY / "crawl.sh")], env=environment, capture_output=True, text=True, timeout=60
    )
    (line,) = [ln for ln in run.stdout.splitlines() if ln.startswith("scrapy ")]
    assert ("--backfill" in line) == (vietnam_weekday() == 7), line


# -- backup.sh --------------------------------------------------------------------------------


def live_database(path: Path) -> sqlite3.Connection:
    """A database whose last commits are still only in its -wal file (no checkpoint yet),
    left open as a running crawl leaves it."""
    store = Store(path)
    store.close()
    conn = sqlite3.connect(path)
    conn.execute("pragma wal_autocheckpoint = 0")
    conn.execute("pragma wal_checkpoint(truncate)")
    with conn:
        conn.execute("insert into sources (id, name, province_id) values ('x', 'X', 'cao-bang')")
    return conn


def test_backup_is_an_online_copy_with_the_commits_a_file_copy_misses(tmp_path):
    db = tmp_path / "dost.db"
    conn = live_database(db)
    assert (tmp_path / "dost.db-wal").stat().st_size > 0
    copied = tmp_path / "copied.db"
    shutil.copy(db, copied)  # what NOT to do
    with sqlite3.connect(copied) as naive:
        assert naive.execute("select count(*) from sources").fetchone() == (0,)

    run = script("backup.sh", str(db), str(tmp_path / "backups"), env={})
    out, err = run.communicate(timeout=60)
    conn.close()
    assert run.returncode == 0, err
    (written,) = (tmp_path / "backups").glob("dost-*.db.gz")
    assert out.strip() == str(written)
    restored = tmp_path / "restored.db"
    restored.write_bytes(gzip.decompress(written.read_bytes()))
    with sqlite3.connect(restored) as copy:
        assert copy.execute("select id from sources").fetchall() == [("x",)]
        assert copy.execute("pragma journal_mode").fetchone() == ("delete",)
        assert copy.execute("pragma integrity_check").fetchone() == ("ok",)


def test_backup_keeps_the_newest(tmp_path):
    db = tmp_path / "dost.db"
    live_database(db).close()
    backups = tmp_path / "backups"
    backups.mkdir()
    old = [backups / f"dost-2020-01-0{day}T000000.db.gz" for day in range(1, 5)]
    for path in old:
        path.write_bytes(b"")
    run = script("backup.sh", env={"DOST_DB": str(db), "DOST_BACKUP_KEEP": "2"})
    out, err = run.communicate(timeout=60)
    assert run.returncode == 0, err
    assert sorted(backups.iterdir()) == sorted([old[-1], Path(out.strip())])


# -- serve.sh ---------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, ""


def test_serve_reads_what_a_crawl_commits_while_it_serves(tmp_path):
    db = tmp_path / "dost.db"
    store = Store(db)
    store.upsert_source(SourceRecord("cao_bang", "Sở", "cao-bang", "h", "nukeviet", False, "e"))
    port = free_port()
    server = script("serve.sh", env={"DOST_DB": str(db), "PORT": str(port)})
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and server.poll() is None:
            try:
                get(f"{base}/-/versions.json")
                break
            except OSError:  # not listening yet
                time.sleep(0.2)
        assert server.poll() is None, server.communicate()
        settings = json.loads(get(f"{base}/-/settings.json")[1])
        public = json.loads((ROOT / "settings-public.json").read_text(encoding="utf-8"))
        assert settings["sql_time_limit_ms"] == public["sql_time_limit_ms"]
        assert get(f"{base}/dost.json?sql=select+1")[0] == 403  # no arbitrary SQL
        count = f"{base}/dost/articles.json?_shape=array&_col=title"
        assert json.loads(get(count)[1]) == []
        store.upsert_article(
            {"url": "https://a/1", "source_id": "cao_bang", "title": "Tin mới", "body_text": "b"}
        )
        assert [a["title"] for a in json.loads(get(count)[1])] == ["Tin mới"]
    finally:
        server.terminate()
        server.communicate(timeout=30)
        store.close()


def test_serve_refuses_to_start_without_a_database(tmp_path):
    run = script("serve.sh", env={"DOST_DB": str(tmp_path / "none.db")})
    _, err = run.communicate(timeout=60)
    assert run.returncode == 1 and "no database at" in err


# -- unit files and the cron line -------------------------------------------------------------


def unit(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # systemd keys are case-sensitive
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser


def in_checkout(path: str) -> Path:
    assert path.startswith(APP + "/"), path
    return ROOT / path.removeprefix(APP + "/")


def test_the_units_are_the_services_and_timers_the_readme_names():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    names = {p.name for p in UNITS}
    assert names == {
        "dost-news-crawl.service",
        "dost-news-crawl.timer",
        "dost-news-web.service",
        "dost-news-backup.service",
        "dost-news-backup.timer",
    }
    assert all(name in readme for name in names)
    for timer in (p for p in UNITS if p.suffix == ".timer"):
        assert (DEPLOY / timer.name.replace(".timer", ".service")).exists()
        assert unit(timer)["Timer"]["Persistent"] == "true"
        assert "Asia/Ho_Chi_Minh" in unit(timer)["Timer"]["OnCalendar"]


@pytest.mark.parametrize("path", [p for p in UNITS if p.suffix == ".service"], ids=str)
def test_every_service_runs_a_script_of_the_checkout(path):
    service = unit(path)["Service"]
    command = in_checkout(service["ExecStart"].split()[0])
    assert command.parent == DEPLOY and os.access(command, os.X_OK)
    assert service["WorkingDirectory"] == APP
    assert "DOST_DB=/var/lib/dost-news/dost.db" in path.read_text(encoding="utf-8")


def test_the_crawl_is_a_oneshot_whose_skip_is_no_failure_and_the_web_restarts():
    crawl = unit(DEPLOY / "dost-news-crawl.service")["Service"]
    assert crawl["Type"] == "oneshot" and crawl["SuccessExitStatus"] == "75"
    assert "crawl.sh" in crawl["ExecStart"]
    web = unit(DEPLOY / "dost-news-web.service")["Service"]
    assert web["Restart"] == "always" and "serve.sh" in web["ExecStart"]
    assert " -i" not in (DEPLOY / "serve.sh").read_text(encoding="utf-8")  # mutable, not immutable


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="no systemd-analyze")
def test_systemd_accepts_the_units(tmp_path):
    for path in UNITS:  # the checkout here instead of /opt/dost-news
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8").replace(APP, str(ROOT)))
    result = subprocess.run(
        ["systemd-analyze", "verify", *(str(tmp_path / p.name) for p in UNITS)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    # Unknown keys and sections are only warned about: no line may name one of the units.
    complaints = [ln for ln in result.stderr.splitlines() if "dost-news-" in ln]
    assert complaints == [], complaints


def test_the_cron_lines_run_the_scripts_nightly_with_logs():
    lines = [
        line.split(None, 6)
        for line in (DEPLOY / "cron").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#") and "=" not in line.split()[0]
    ]
    jobs = {Path(fields[6].split()[0]).name: fields for fields in lines}
    assert set(jobs) == {"crawl.sh", "backup.sh"}
    minute, hour, *_, user, command = jobs["crawl.sh"]
    assert (minute, hour, user) == ("30", "2", "dost-news")
    for fields in jobs.values():
        command = fields[6]
        assert os.access(in_checkout(command.split()[0]), os.X_OK)
        assert ">>/var/log/dost-news/" in command and command.endswith("2>&1")
