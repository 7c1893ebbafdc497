"""A journalist's search in a real browser: Debian's chromium, driven by Playwright.

A real `datasette serve`, with the command line of `make serve` (read with `make --dry-run`),
serves the demo database; headless chromium types `dang uy` into the articles table's search
box, checks the matches against the JSON API, narrows them with a province facet and opens an
article. Screenshots of each page go to the test's tmp_path and to test-output/browser/ at the
repo root, for a human to look at.

The browser is Debian's chromium (`.ci/run` installs it), never a Playwright download: set
DOST_CHROMIUM to use another executable. A missing browser fails the test, it never skips.
The selectors rely on Datasette's standard search form (`input#_search`), facet markup
(`.facet-info[data-column=...]`) and links to row pages (`/dost/articles/<id>`), and on visible
text, not on the table's layout.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote_plus

import pytest
from playwright.sync_api import expect, sync_playwright

from normalize.text import fold
from tests.web.conftest import ROOT

pytestmark = pytest.mark.browser

DATASETTE = str(Path(sys.executable).parent / "datasette")
OUTPUT = ROOT / "test-output" / "browser"
SEARCH = "dang uy"
FACET = "current_province_id"
# Debian's chromium as it runs here: headless, no GPU, no QUIC, no background connections (the
# network is closed, and chromium would keep trying Google's hosts), /tmp rather than a small
# /dev/shm. Playwright gives each launch a fresh --user-data-dir itself.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
SHOT_HEIGHT = 2400
ROW_LINK = re.compile(r"/dost/articles/(\d+)$")


def chromium_path() -> str:
    explicit = os.environ.get("DOST_CHROMIUM")
    if explicit:
        if not os.access(explicit, os.X_OK):
            pytest.fail(
                f"DOST_CHROMIUM={explicit} is not an executable file: unset it to use Debian's "
                "chromium, which `bash .ci/run` installs.",
                pytrace=False,
            )
        return explicit
    found = shutil.which("chromium") or "/usr/bin/chromium"
    if not os.access(found, os.X_OK):
        pytest.fail(
            "No chromium for the browser test: `bash .ci/run` installs Debian's chromium "
            "(or: apt-get install chromium), or set DOST_CHROMIUM to a Chromium executable.",
            pytrace=False,
        )
    return found


def serve_command(db: Path, port: int) -> list[str]:
    """The command line of `make serve` on `db` and `port`, as the Makefile has it today."""
    printed = subprocess.run(
        ["make", "--dry-run", "--no-print-directory", "serve", f"DB={db}", f"PORT={port}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.replace("\\\n", " ")
    line = next(line for line in printed.splitlines() if "datasette serve" in line)
    _, *args = shlex.split(line)
    assert args[:2] == ["serve", str(db)] and str(port) in args, line
    return [DATASETTE, *args]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    url: str

    def json(self, path: str) -> Any:
        with urllib.request.urlopen(self.url + path, timeout=10) as response:
            return json.load(response)


@pytest.fixture(scope="module")
def server(demo_db: Path, tmp_path_factory) -> Iterator[Server]:
    """`make serve` on the demo database, on a free port of the loopback."""
    port = free_port()
    log = tmp_path_factory.mktemp("datasette") / "serve.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            serve_command(demo_db, port),
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                pytest.fail(f"datasette serve exited {process.returncode}:\n{log.read_text()}")
            try:
                urllib.request.urlopen(url + "/-/versions.json", timeout=2).close()
                break
            except (urllib.error.URLError, ConnectionError):
                if time.monotonic() > deadline:
                    pytest.fail(f"datasette serve did not answer in 30 s:\n{log.read_text()}")
                time.sleep(0.2)
        yield Server(url)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def chromium() -> str:
    """The browser's executable, looked for before the demo database is built."""
    return chromium_path()


@pytest.fixture(scope="module")
def browser(chromium: str) -> Iterator[Any]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium, headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(browser) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    try:
        page = context.new_page()
        page.set_default_timeout(10_000)
        yield page
    finally:
        context.close()


def screenshot(page, tmp_path: Path, name: str, *, top: bool = True) -> None:
    """Into the test's output, and a copy under test-output/browser/ that outlives the run.

    `top`: the top of the page, as tall as a few screens (a whole results page with every
    article's body is tens of thousands of pixels high); else the screen as it is scrolled.
    """
    path = tmp_path / name
    if top:
        height = min(page.evaluate("document.documentElement.scrollHeight"), SHOT_HEIGHT)
        clip = {"x": 0, "y": 0, "width": 1280, "height": height}
        page.screenshot(path=path, full_page=True, clip=clip)
    else:
        page.screenshot(path=path)
    OUTPUT.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(path, OUTPUT / name)


def shown_article_ids(page) -> list[int]:
    """The articles the page lists: its visible links to article row pages, in order."""
    hrefs = page.locator("a[href*='/dost/articles/']:visible").evaluate_all(
        "links => links.map(a => new URL(a.href).pathname)"
    )
    ids: list[int] = []
    for href in hrefs:
        match = ROW_LINK.search(href)
        if match and int(match[1]) not in ids:
            ids.append(int(match[1]))
    return ids


def as_json(page_url: str) -> str:
    """The JSON API path for the table page the browser shows."""
    parts = urllib.parse.urlsplit(page_url)
    query = urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
    return parts.path + ".json?" + urllib.parse.urlencode([*query, ("_shape", "objects")])


def body_phrase(body: str) -> str:
    """A phrase of the body a reader sees: the start of the paragraph naming the search."""
    paragraphs = [p.strip() for p in body.split("\n\n") if p.strip()]
    chosen = next((p for p in paragraphs if "đảng ủy" in p.lower()), paragraphs[0])
    first_line = chosen.split("\n")[0]
    return " ".join(first_line.split()[:10])


def test_journalist_searches_filters_and_reads_in_chromium(chromium, server, page, tmp_path):
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    # The search box of the articles table, typed into and submitted as a person does.
    page.goto(server.url + "/dost/articles")
    box = page.locator("form input#_search")
    box.fill("")
    box.press_sequentially(SEARCH)
    with page.expect_navigation():
        box.press("Enter")
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query)["_search"] == [SEARCH]

    expected = server.json("/dost/articles.json?_shape=objects&_search=" + quote_plus(SEARCH))
    total = expected["filtered_table_rows_count"]
    assert total > 0 and expected["rows"], f"the demo database has no article matching {SEARCH!r}"
    same_page = server.json(as_json(page.url))
    assert same_page["filtered_table_rows_count"] == total
    expect(page.get_by_text(re.compile(rf"\b{total:,} rows?\b")).first).to_be_visible()
    shown = shown_article_ids(page)
    assert shown, "the results page lists no article"
    assert shown == [row["id"] for row in same_page["rows"]]
    for row in same_page["rows"][:5]:
        expect(page.get_by_text(row["title"], exact=True).first).to_be_visible()
    screenshot(page, tmp_path, "1-search-results.png")

    # A province facet narrows the matches: one with some of them, not all.
    facet = expected["facet_results"][FACET]["results"]
    choice = next((f for f in facet if f["count"] < total), None)
    assert choice, f"every match is of one {FACET}: nothing to narrow"
    facet_box = page.locator(f".facet-results .facet-info[data-column='{FACET}']")
    with page.expect_navigation():
        facet_box.get_by_role("link", name=choice["label"], exact=True).click()
    params = urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query)
    assert params[FACET] == [choice["value"]] and params["_search"] == [SEARCH]
    narrowed = server.json(as_json(page.url))
    assert narrowed["filtered_table_rows_count"] == choice["count"] < total
    shown = shown_article_ids(page)
    assert shown == [row["id"] for row in narrowed["rows"]]
    assert all(row[FACET] == choice["value"] for row in narrowed["rows"])
    for row in narrowed["rows"]:
        expect(page.get_by_text(row["title"], exact=True).first).to_be_visible()
    screenshot(page, tmp_path, "2-province-facet.png")

    # An article, opened from the list: its title and its text.
    article = narrowed["rows"][0]
    with page.expect_navigation():
        page.locator(f"a[href$='/dost/articles/{article['id']}']:visible").first.click()
    assert urllib.parse.urlsplit(page.url).path == f"/dost/articles/{article['id']}"
    expect(page.get_by_text(article["title"], exact=True).first).to_be_visible()
    screenshot(page, tmp_path, "3-article.png")
    body = page.get_by_text(body_phrase(article["body_text"])).first
    expect(body).to_be_visible()
    body.scroll_into_view_if_needed()  # the body may sit in a table scrolled sideways
    expect(body).to_be_in_viewport()
    screenshot(page, tmp_path, "4-article-body.png", top=False)

    assert not errors, errors


def test_journalist_uses_the_ranked_search_page_in_chromium(chromium, server, page, tmp_path):
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    page.goto(server.url + "/dost/search")
    expect(page.locator(".dost-hint")).to_be_visible()  # nothing typed yet: a hint, no error
    box = page.locator("form input[name='q']")
    box.press_sequentially(SEARCH)
    with page.expect_navigation():
        box.press("Enter")

    params = "&".join(f"{p}=" for p in ("province", "source", "unit", "since", "until"))
    expected = server.json(f"/dost/search.json?_shape=array&q={quote_plus(SEARCH)}&{params}")
    assert expected, f"the demo database has no article matching {SEARCH!r}"
    assert shown_article_ids(page) == [row["id"] for row in expected]  # best first
    first = page.locator(".dost-article-item").first
    expect(first.get_by_role("link", name=expected[0]["title"], exact=True)).to_be_visible()
    marks = first.locator(".dost-snippet mark")
    expect(marks.first).to_be_visible()
    assert {fold(m) for m in marks.all_inner_texts()} <= {"dang", "uy", "dang uy"}
    screenshot(page, tmp_path, "5-ranked-search.png")
    assert not errors, errors
