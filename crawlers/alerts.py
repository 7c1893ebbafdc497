"""Alerts: tell someone when a source turns failing, and when it recovers.

`scrapy crawlall` judges every source it ran (crawlers/health.py) and then sends one alert
for the whole run, listing each source that **turned** failing (it was ok, degraded or
never judged before) and each that stopped failing. A source that stays failing is not
announced again every night: the alert is for a change; `scrapy health` (exit status 1
while any source fails) is there for monitoring that wants the state. Nothing is sent when
no source changed that way.

Settings (empty: off; both may be set):

- `DOST_ALERT_COMMAND`: a shell command. It gets the alert as JSON on stdin, and in its
  environment `DOST_ALERT_TEXT` (the message, one line per source), `DOST_ALERT_FAILING` and
  `DOST_ALERT_RECOVERED` (source ids, space-separated). E.g. `mail -s "dost-news" ops@...`.
- `DOST_ALERT_WEBHOOK`: a URL the same JSON is POSTed to (`Content-Type: application/json`).
  Its `text` field is the message, so chat tools' incoming webhooks show it as it is.
- `DOST_ALERT_TIMEOUT` (default 30): seconds each may take.

An alert that fails (command exits non-zero, times out; webhook unreachable or answering
an error) is logged as an error; it never stops the crawl or changes its exit status.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import urllib.error
import urllib.request
from collections.abc import Sequence
from typing import Any

from crawlers.health import Change
from crawlers.politeness import USER_AGENT

log = logging.getLogger(__name__)


def alert_payload(changes: Sequence[Change], *, mirror: bool = False) -> dict[str, Any] | None:
    """The alert for a run's changes (None: nothing to announce)."""
    events = [(change.event, change) for change in changes if change.event]
    if not events:
        return None
    failing = [c.source for event, c in events if event == "failing"]
    recovered = [c.source for event, c in events if event == "recovered"]
    counts = [f"{len(failing)} source{'s' if len(failing) != 1 else ''} turned failing"]
    if recovered:
        counts.append(f"{len(recovered)} recovered")
    lines = [f"dost-news{' (mirror)' if mirror else ''}: {', '.join(counts)}"]
    for event, change in events:
        if event == "failing":
            was = f"was {change.previous}" if change.previous else "first check"
            lines.append(f"{change.source} turned failing ({was}): {change.reason}")
        else:
            now = f"{change.status}: {change.reason}" if change.reason else change.status
            lines.append(f"{change.source} recovered (now {now})")
    return {
        "project": "dost-news",
        "text": "\n".join(lines),
        "failing": failing,
        "recovered": recovered,
        "mirror": mirror,
        "sources": [
            {
                "source": change.source,
                "event": event,
                "status": change.status,
                "previous": change.previous,
                "reason": change.reason,
                "since": change.since,
                "crawl_id": change.crawl_id,
            }
            for event, change in events
        ],
    }


def run_command(command: str, payload: dict[str, Any], timeout: float) -> bool:
    """Run the alert command; True when it exited 0."""
    env = {
        **os.environ,
        "DOST_ALERT_TEXT": payload["text"],
        "DOST_ALERT_FAILING": " ".join(payload["failing"]),
        "DOST_ALERT_RECOVERED": " ".join(payload["recovered"]),
    }
    try:
        # A session of its own: on timeout the whole command (a shell and its children)
        # is killed, not only the shell.
        with subprocess.Popen(
            command,
            shell=True,  # the operator's own command line, from a setting: pipes allowed
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            start_new_session=True,
        ) as process:
            try:
                _, errors = process.communicate(
                    json.dumps(payload, ensure_ascii=False), timeout=timeout
                )
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.communicate()
                log.error("alert command timed out after %ss: %s", timeout, command)
                return False
    except OSError as exc:
        log.error("alert command could not run (%s): %s", exc, command)
        return False
    if process.returncode != 0:
        log.error(
            "alert command exited %s: %s %s", process.returncode, command, errors.strip()[-500:]
        )
        return False
    return True


def post_webhook(url: str, payload: dict[str, Any], timeout: float, user_agent: str) -> bool:
    """POST the alert as JSON; True when the server answered 2xx."""
    try:
        request = urllib.request.Request(
            url,
            data=json.dumps(payload, ensure_ascii=False).encode("utf-8"),
            headers={"Content-Type": "application/json", "User-Agent": user_agent},
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
            return True
    except urllib.error.HTTPError as exc:
        log.error("alert webhook answered %s: %s", exc.code, url)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        log.error("alert webhook failed (%s): %s", exc, url)
    return False


def send_alert(payload: dict[str, Any], settings: Any) -> list[str]:
    """Send the alert by every configured way; returns how it was delivered."""
    timeout = settings.getfloat("DOST_ALERT_TIMEOUT", 30)
    delivered = []
    command = settings.get("DOST_ALERT_COMMAND")
    if command and run_command(command, payload, timeout):
        delivered.append("command")
    webhook = settings.get("DOST_ALERT_WEBHOOK")
    user_agent = USER_AGENT.format(contact=settings.get("DOST_CONTACT_URL"))
    if webhook and post_webhook(webhook, payload, timeout, user_agent):
        delivered.append("webhook")
    return delivered
