"""docs/api.md is checked: every command it shows runs against a live `datasette serve` of
the demo database (as `make serve` starts it) and must print what the page says it prints.

Article ids and `_next` tokens depend on the order a crawl stored the articles, so they are
compared as placeholders; everything else must match exactly.
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.web.conftest import ROOT, rows

DOC = ROOT / "docs" / "api.md"
DOC_BASE = "http://127.0.0.1:8001"
DATASETTE = str(Path(sys.executable).parent / "datasette")


def console_examples() -> list[tuple[str, str]]:
    """(command, expected output) for every `$ ` line of the page's console blocks."""
    examples: list[tuple[str, str]] = []
    for block in re.findall(r"```console\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S):
        for chunk in re.split(r"^\$ ", block, flags=re.M)[1:]:
            command, _, output = chunk.partition("\n")
            examples.append((command, output.rstrip("\n")))
    return examples


def python_example() -> tuple[str, str]:
    text = DOC.read_text(encoding="utf-8")
    code = re.search(r"```python\n(.*?)```", text, re.S).group(1)
    output = re.search(r"```text\n(.*?)```", text, re.S).group(1)
    return code, output.strip()


def comparable(text: str) -> str:
    text = re.sub(r'"id": \d+', '"id": ID', text)
    return re.sub(r"_next=[^&>]+", "_next=NEXT", text)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(demo_db) -> Iterator[str]:
    port = free_port()
    process = subprocess.Popen(
        [
            DATASETTE,
            "serve",
            str(demo_db),
            "--metadata",
            "metadata.json",
            "--plugins-dir",
            "plugins",
            "--template-dir",
            "templates",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=1).close()
                break
            except OSError:
                if process.poll() is not None:
                    pytest.fail("datasette serve exited: " + process.stderr.read())
                time.sleep(0.1)
        else:
            pytest.fail("datasette serve did not answer within 10 s")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_the_page_shows_commands_with_their_output():
    examples = console_examples()
    assert len(examples) >= 8
    assert all(output for _, output in examples), "a command without its output"
    text = DOC.read_text(encoding="utf-8")
    for needed in ("_shape=array", "_next", "_nocount=1", "_search=", "current_province_id="):
        assert needed in text


@pytest.mark.parametrize(("command", "expected"), console_examples())
def test_every_curl_command_prints_what_the_page_says(server, command, expected):
    result = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command.replace(DOC_BASE, server)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    printed = result.stdout.rstrip("\n").replace(server, DOC_BASE)
    assert comparable(printed) == comparable(expected)


def test_the_python_paging_example_fetches_every_new_article(server, demo_db):
    code, expected = python_example()
    result = subprocess.run(
        [sys.executable, "-c", code.replace(DOC_BASE, server)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected
    (count,) = rows(demo_db, "select count(*) from articles where first_seen >= '2025-01-01'")[0]
    assert expected == f"{count} articles"
