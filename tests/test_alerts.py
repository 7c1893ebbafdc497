"""Alerts when a source turns failing or recovers: the message, a command, a webhook.

The webhook is a real HTTP server on 127.0.0.1 started here; the command a small script
writing what it got to a file. A failing alert is logged, never raised.
"""

from __future__ import annotations

import json
import logging
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from scrapy.settings import Settings

from crawlers.alerts import alert_payload, send_alert
from crawlers.health import DEGRADED, FAILING, OK, Change

BROKEN = Change(
    "cao_bang",
    FAILING,
    OK,
    "fallback extractor needed for 100% of articles (usually 0%)",
    "2025-07-02T01:00:00+00:00",
    crawl_id=7,
)
FIXED = Change("kien_giang", OK, FAILING, "", "2025-07-02T01:00:00+00:00", crawl_id=8)
STILL_BROKEN = Change("ben_tre", FAILING, FAILING, "no article", "2025-06-01T01:00:00+00:00")
DRIFTING = Change("an_giang", DEGRADED, OK, "4 articles seen (usually 10)", "2025-07-02")


def test_payload_lists_the_sources_that_turned_failing_or_recovered():
    payload = alert_payload([BROKEN, FIXED, STILL_BROKEN, DRIFTING])
    assert payload is not None
    assert payload["failing"] == ["cao_bang"]
    assert payload["recovered"] == ["kien_giang"]
    assert payload["text"].splitlines() == [
        "dost-news: 1 source turned failing, 1 recovered",
        "cao_bang turned failing (was ok): "
        "fallback extractor needed for 100% of articles (usually 0%)",
        "kien_giang recovered (now ok)",
    ]
    assert payload["sources"][0] == {
        "source": "cao_bang",
        "event": "failing",
        "status": "failing",
        "previous": "ok",
        "reason": "fallback extractor needed for 100% of articles (usually 0%)",
        "since": "2025-07-02T01:00:00+00:00",
        "crawl_id": 7,
    }


def test_no_alert_when_no_source_turned_failing_or_recovered():
    assert alert_payload([STILL_BROKEN, DRIFTING]) is None
    assert alert_payload([]) is None


class Hook(BaseHTTPRequestHandler):
    received: list[dict[str, Any]]
    status = 204

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.received.append(
            {
                "path": self.path,
                "type": self.headers["Content-Type"],
                "agent": self.headers["User-Agent"],
                "json": json.loads(body),
            }
        )
        self.send_response(self.status)
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


@contextmanager
def recording_webhook() -> Iterator[tuple[str, list[dict[str, Any]], type[Hook]]]:
    """A webhook on 127.0.0.1: its URL, the requests it received, its handler class (set
    `status` to answer an error)."""
    handler = type("RecordingHook", (Hook,), {"received": [], "status": 204})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/hook", handler.received, handler
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def webhook() -> Iterator[tuple[str, list[dict[str, Any]], type[Hook]]]:
    with recording_webhook() as hook:
        yield hook


def recorder(tmp_path: Path) -> tuple[str, Path]:
    """A command that writes its stdin and its DOST_ALERT_* variables to a file."""
    script = tmp_path / "record.py"
    out = tmp_path / "alert.json"
    script.write_text(
        "import json, os, sys\n"
        "env = {k: v for k, v in os.environ.items() if k.startswith('DOST_ALERT_')}\n"
        f"open({str(out)!r}, 'w').write(json.dumps({{'stdin': sys.stdin.read(), 'env': env}}))\n",
        encoding="utf-8",
    )
    return f"{sys.executable} {script}", out


def test_webhook_gets_the_alert_as_json(webhook):
    url, received, _ = webhook
    payload = alert_payload([BROKEN])
    settings = Settings({"DOST_ALERT_WEBHOOK": url, "DOST_CONTACT_URL": "https://ops.example"})
    assert send_alert(payload, settings) == ["webhook"]
    (request,) = received
    assert request["path"] == "/hook"
    assert request["type"] == "application/json"
    assert request["agent"] == "dost-news/0.1 (+https://ops.example)"
    assert request["json"] == payload


def test_command_gets_the_alert_on_stdin_and_in_its_environment(tmp_path):
    command, out = recorder(tmp_path)
    payload = alert_payload([BROKEN, FIXED])
    assert send_alert(payload, Settings({"DOST_ALERT_COMMAND": command})) == ["command"]
    got = json.loads(out.read_text(encoding="utf-8"))
    assert json.loads(got["stdin"]) == payload
    assert got["env"]["DOST_ALERT_FAILING"] == "cao_bang"
    assert got["env"]["DOST_ALERT_RECOVERED"] == "kien_giang"
    assert got["env"]["DOST_ALERT_TEXT"] == payload["text"]


def test_both_ways_at_once(tmp_path, webhook):
    url, received, _ = webhook
    command, out = recorder(tmp_path)
    settings = Settings({"DOST_ALERT_COMMAND": command, "DOST_ALERT_WEBHOOK": url})
    assert send_alert(alert_payload([BROKEN]), settings) == ["command", "webhook"]
    assert out.exists() and len(received) == 1


@pytest.mark.parametrize(
    ("settings", "logged"),
    [
        ({"DOST_ALERT_COMMAND": "exit 3"}, "alert command exited 3"),
        (
            {"DOST_ALERT_COMMAND": f"{sys.executable} -c 'import time; time.sleep(5)'"},
            "alert command timed out",
        ),
        ({"DOST_ALERT_WEBHOOK": "http://127.0.0.1:9/nothing-listens"}, "alert webhook failed"),
        ({"DOST_ALERT_WEBHOOK": "not a url"}, "alert webhook failed"),
    ],
)
def test_a_failing_alert_is_logged_not_raised(settings, logged, caplog):
    with caplog.at_level(logging.ERROR, logger="crawlers.alerts"):
        delivered = send_alert(
            alert_payload([BROKEN]), Settings({**settings, "DOST_ALERT_TIMEOUT": 0.5})
        )
    assert delivered == []
    assert logged in caplog.text


def test_a_webhook_answering_an_error_is_logged(webhook, caplog):
    url, _, handler = webhook
    handler.status = 500
    with caplog.at_level(logging.ERROR, logger="crawlers.alerts"):
        assert send_alert(alert_payload([BROKEN]), Settings({"DOST_ALERT_WEBHOOK": url})) == []
    assert "alert webhook answered 500" in caplog.text
