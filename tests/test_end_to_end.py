"""The whole path: mirror server -> `scrapy` in a subprocess -> SQLite -> Datasette's JSON API.

One module-scoped database is built by crawling every source twice with `scrapy crawlall
--mirror` (the demo's own command: a full walk, then an incremental run) and once with
`scrapy crawl` against a mirror started here; the tests then read it as a user would. The
sites' edits, additions and removals are played on a copy of the mirror (`DOST_MIRROR_DIR`).
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import urllib.parse
from pathlib import Path

import pytest

from crawlers.mirror import MIRROR_DIR, MirrorServer
from crawlers.mirror.build import load_sites
from tests.conftest import SEED_SOURCES, content, seed

ROOT = Path(__file__).resolve().parent.parent
SCRAPY = str(Path(sys.executable).parent / "scrapy")
SOURCES = sorted(p.stem for p in (MIRROR_DIR / "_content").glob("*.json"))
SEED_BOILERPLATE = [
    "Thống kê truy cập",
    "Lượt xem",
    "Đăng nhập",
    "Tin khác",
    "A A",
    "imaged",
    "Dành cho bệnh nhân",
    "image advertisement",
    "Đang truy cập",
    "Tổng lượt truy cập",
    "Tổng truy cập",
    "Đang trực tuyến",
    "Tin tức khác cùng chuyên mục",
]

pytestmark = pytest.mark.e2e


def run(args: list[str], db: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "DOST_DB": str(db), "LOG_LEVEL": "INFO", **env}
    environment.pop("DOST_MIRROR", None)
    environment.update(env)
    return subprocess.run(
        [SCRAPY, *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=300
    )


def rows(db: Path, sql: str, params: tuple = ()) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, params).fetchall()


@pytest.fixture(scope="module")
def crawled(tmp_path_factory) -> dict:
    db = tmp_path_factory.mktemp("e2e") / "dost.db"
    first = run(["crawlall", "--mirror"], db)
    assert first.returncode == 0, first.stdout + first.stderr
    after_first = rows(db, "select url, first_seen, last_seen from articles order by url")
    second = run(["crawlall", "--mirror"], db)
    assert second.returncode == 0, second.stdout + second.stderr
    return {"db": db, "first": first, "second": second, "after_first": after_first}


def test_crawl_stores_every_article_of_every_source(crawled):
    db = crawled["db"]
    counts = dict(rows(db, "select source_id, count(*) from articles group by source_id"))
    assert counts == {name: len(content(name)) for name in SOURCES}
    assert sum(counts.values()) >= 32


def test_summary_table_reports_each_source(crawled):
    for run, mode in (("first", "full"), ("second", "incremental")):
        out = crawled[run].stdout
        for name in SOURCES:
            line = next(ln for ln in out.splitlines() if ln.startswith(name + " "))
            assert line.split()[1:3] == ["ok", mode], line
        assert f"{len(SOURCES)} sources: {len(SOURCES)} ok, 0 degraded, 0 failing" in out


def test_progress_shows_each_source_finishing_on_stderr(crawled):
    err = crawled["second"].stderr
    sites = load_sites()
    for name in SOURCES:
        # an incremental run: the articles on the first listing page, asked again
        n = min(sites[name].per_page, len(content(name)))
        assert f"[{name}] finished  pages " in err
        assert f"  new 0  upd 0  same {n}  invalid 0  errors 0  " in err


def test_every_source_and_crawl_is_judged_ok(crawled):
    db = crawled["db"]
    assert rows(db, "select distinct health, health_reason from crawls") == [("ok", "")]
    assert rows(db, "select count(*) from sources where health = 'ok'") == [(len(SOURCES),)]


def test_urls_are_the_real_hosts(crawled):
    urls = [u for (u,) in rows(crawled["db"], "select url from articles")]
    assert all("127.0.0.1" not in u for u in urls)
    hosts = {urllib.parse.urlsplit(u).netloc for u in urls}
    assert hosts == {site.host for site in load_sites().values()}


def test_second_crawl_adds_no_rows_keeps_first_seen_and_moves_last_seen(crawled):
    db = crawled["db"]
    after = rows(db, "select url, first_seen, last_seen from articles order by url")
    before = crawled["after_first"]
    assert [r[0] for r in after] == [r[0] for r in before]
    assert rows(db, "select count(*) - count(distinct url) from articles") == [(0,)]
    assert all(a[1] == b[1] for a, b in zip(after, before, strict=True))
    assert all(a[2] >= b[2] for a, b in zip(after, before, strict=True))


def test_crawl_rows_record_field_coverage(crawled):
    coverage = rows(
        crawled["db"],
        "select spider, coverage_title, coverage_body, "
        "coverage_published, fallback_items from crawls where mode = 'full'",
    )
    assert all(title == 1.0 and body == 1.0 for _, title, body, _, _ in coverage)
    # a run that read no page (every article answered 304) has no coverage to report
    later = rows(crawled["db"], "select coverage_title from crawls where mode = 'incremental'")
    assert {title for (title,) in later} <= {1.0, None}
    by_spider = {spider: published for spider, _, _, published, _ in coverage}
    assert by_spider["kien_giang"] == round(
        sum(1 for a in content("kien_giang") if a["published"]) / len(content("kien_giang")), 4
    )


def test_one_crawl_row_per_spider_run_with_counts(crawled):
    crawls = rows(
        crawled["db"],
        "select spider, finish_reason, items_new, items_unchanged, "
        "pages, mirror, mode, complete from crawls order by id",
    )
    assert len(crawls) == 2 * len(SOURCES)
    first, second = crawls[: len(SOURCES)], crawls[len(SOURCES) :]
    assert all(r[1] == "finished" and r[5] == 1 and r[4] > 0 for r in crawls)
    assert sum(r[2] for r in first) == sum(len(content(n)) for n in SOURCES)
    assert {(r[6], r[7]) for r in first} == {("full", 1)}
    assert sum(r[2] for r in second) == 0
    assert {(r[6], r[7]) for r in second} == {("incremental", 0)}
    # the known articles on each listing's first page, asked again, are unchanged
    assert all(r[3] >= 3 for r in second)


def test_a_second_run_asks_each_site_for_almost_nothing(crawled):
    """With nothing new on any site, a run reads each source's first listing page, asks
    again the articles it lists (a 304 where the site sends validators) and stops."""
    numbers = rows(
        crawled["db"],
        "select spider, mode, requests, not_modified, pages - not_modified, items_new, "
        "items_updated, changed, removed from crawls order by id",
    )
    first = {r[0]: r for r in numbers[: len(SOURCES)]}
    second = {r[0]: r for r in numbers[len(SOURCES) :]}
    sites = load_sites()
    print(f"\n{'source':<16} {'validators':<24} requests (304, with a body): first -> second")
    for name in SOURCES:
        f, s = first[name], second[name]
        print(
            f"{name:<16} {','.join(sites[name].validators) or '-':<24} "
            f"{f[2]:>3} ({f[3]}, {f[4]}) -> {s[2]:>2} ({s[3]}, {s[4]})"
        )
    total = {run: sum(r[2] for r in runs.values()) for run, runs in [("1", first), ("2", second)]}
    print(f"all sources: {total['1']} requests -> {total['2']}")
    for name, (
        _,
        _,
        requests,
        not_modified,
        bodies,
        new,
        updated,
        changed,
        removed,
    ) in second.items():
        site = sites[name]
        # robots.txt, listing page 1, then its articles asked again
        assert requests <= 2 + site.per_page, name
        assert bodies <= (2 if site.validators else 2 + site.per_page), name
        assert (new, updated, changed, removed) == (0, 0, 0, 0), name
        if site.validators:
            assert not_modified >= site.per_page - 1, name
    assert total["2"] * 2 < total["1"]


def test_raw_pages_are_archived_compressed(crawled):
    db = crawled["db"]
    (pages,) = rows(db, "select count(distinct url) from raw_pages where kind = 'article'")[0]
    assert pages == sum(len(content(n)) for n in SOURCES)
    (size, stored) = rows(db, "select sum(size), sum(stored_size) from raw_blobs")[0]
    assert stored < size / 3


@pytest.mark.parametrize("number", sorted(SEED_SOURCES))
def test_seed_article_is_stored_clean_under_its_source(crawled, number):
    title, _ = seed(number)
    found = rows(
        crawled["db"], "select source_id, body_text from articles where title = ?", (title,)
    )
    assert len(found) == 1, title
    source_id, body = found[0]
    assert source_id == SEED_SOURCES[number]
    for phrase in SEED_BOILERPLATE:
        assert phrase not in body, f"{phrase!r} left in seed {number}"
    assert not any(line.strip().isdigit() for line in body.splitlines())


def test_seed_dates_and_provinces(crawled):
    db = crawled["db"]
    t001, _ = seed("001")
    t004, _ = seed("004")
    assert rows(
        db,
        "select published_date, province_id, current_province_id from articles where title = ?",
        (t001,),
    ) == [("2018-05-02", "kien-giang", "an-giang")]
    assert rows(db, "select published_date from articles where title = ?", (t004,)) == [
        ("2017-12-26",)
    ]


def test_scrapy_crawl_one_source_against_a_running_mirror(tmp_path):
    db = tmp_path / "one.db"
    with MirrorServer() as mirror:
        result = run(["crawl", "kien_giang"], db, DOST_MIRROR=mirror.url)
    assert result.returncode == 0, result.stderr
    assert rows(db, "select count(*) from articles") == [(len(content("kien_giang")),)]


def crawl_with_page(tmp_path, victim: dict, rewrite) -> tuple[Path, subprocess.CompletedProcess]:
    """Crawl kien_giang from a copy of its mirror where one article page is rewritten."""
    root = tmp_path / "mirror"
    shutil.copytree(MIRROR_DIR / "skhcn.kiengiang.gov.vn", root / "skhcn.kiengiang.gov.vn")
    page = root / "skhcn.kiengiang.gov.vn" / "tin" / f"{victim['id']}.html"
    page.write_text(rewrite(page.read_text(encoding="utf-8")), encoding="utf-8")
    db = tmp_path / "crawl.db"
    with MirrorServer(root) as mirror:
        result = run(["crawl", "kien_giang"], db, DOST_MIRROR=mirror.url)
    assert result.returncode == 0, result.stderr
    return db, result


def test_a_page_that_is_no_article_is_logged_counted_and_kept(tmp_path):
    victim = max(content("kien_giang"), key=lambda a: a["id"])
    empty = "<html><head></head><body><div class='chitiet-tin'></div></body></html>"
    db, result = crawl_with_page(tmp_path, victim, lambda html: empty)
    assert "not an article (no title and no body)" in result.stderr
    assert rows(db, "select count(*) from articles") == [(len(content("kien_giang")) - 1,)]
    assert rows(db, "select items_invalid from crawls") == [(1,)]
    kept = rows(db, "select count(*) from raw_pages where url like ?", (f"%/{victim['id']}/%",))
    assert kept == [(1,)]


def test_the_fallback_saves_an_article_whose_markup_changed(tmp_path):
    victim = max((a for a in content("kien_giang") if a["published"]), key=lambda a: a["id"])

    def redesign(html: str) -> str:  # new class names: the site's selectors find nothing
        return (
            html.replace('class="tieude"', 'class="post-heading"')
            .replace('class="noidung"', 'class="post-content"')
            .replace('class="ngaydang"', 'class="post-date"')
        )

    db, _ = crawl_with_page(tmp_path, victim, redesign)
    found = rows(
        db,
        "select title, published_date, body_text, extraction from articles where title = ?",
        (victim["title"],),
    )
    assert len(found) == 1
    _, published_date, body, extraction = found[0]
    assert published_date == victim["published"][:10]
    first = next(b for b in victim["body"] if isinstance(b, str))
    assert " ".join(first.split()) in body
    assert json.loads(extraction) == {
        "title": "fallback",
        "published": "fallback",
        "body": "fallback",
    }


def test_crawlall_reports_a_dead_site_and_exits_non_zero(tmp_path):
    empty = tmp_path / "nothing"
    empty.mkdir()
    db = tmp_path / "dead.db"
    with MirrorServer(empty) as mirror:  # every host answers 404
        result = run(["crawlall", "kien_giang"], db, DOST_MIRROR=mirror.url)
    assert result.returncode == 1
    line = next(ln for ln in result.stdout.splitlines() if ln.startswith("kien_giang"))
    assert " failing " in line and line.endswith("no article")
    assert "listing without articles" in result.stderr or "404" in result.stderr
    assert rows(db, "select health, health_reason from sources") == [("failing", "no article")]


def test_crawlall_rejects_unknown_sources_platforms_and_provinces(tmp_path):
    for args, message in [
        (["--only", "atlantis"], "unknown source(s): atlantis"),
        (["--platform", "typo3"], "unknown platform(s): typo3"),
        (["--province", "atlantis"], "unknown province 'atlantis'"),
    ]:
        result = run(["crawlall", *args], tmp_path / "none.db")
        assert result.returncode == 2, args
        assert message in result.stderr


def test_reprocess_recomputes_fields_offline_and_reports_changes(tmp_path):
    db = tmp_path / "re.db"
    with MirrorServer() as mirror:
        assert run(["crawl", "kien_giang"], db, DOST_MIRROR=mirror.url).returncode == 0
    # The mirror is gone: reprocessing must not need the network.
    seed_title, _ = seed("001")
    with sqlite3.connect(db) as conn:
        expected = conn.execute(
            "select published, authors, unit_id, current_province_id from articles where title = ?",
            (seed_title,),
        ).fetchone()
        conn.execute(
            "update articles set published = null, authors = '[]', unit_id = null, "
            "current_province_id = 'kien-giang' where title = ?",
            (seed_title,),
        )
        conn.execute("delete from people_mentions")
        last_seen = conn.execute(
            "select last_seen from articles where title = ?", (seed_title,)
        ).fetchone()

    dry = run(["reprocess", "--dry-run"], db)
    assert dry.returncode == 0, dry.stderr
    assert "would change 1" in dry.stdout
    assert rows(db, "select published from articles where title = ?", (seed_title,)) == [(None,)]

    result = run(["reprocess"], db)
    assert result.returncode == 0, result.stderr
    assert "changed      1" in result.stdout
    for field in ("published", "authors", "unit_id", "current_province_id"):
        assert field in result.stdout
    assert rows(
        db,
        "select published, authors, unit_id, current_province_id from articles where title = ?",
        (seed_title,),
    ) == [expected]
    assert rows(db, "select last_seen from articles where title = ?", (seed_title,)) == [last_seen]
    assert rows(db, "select count(*) from people_mentions")[0][0] > 0
    again = run(["reprocess"], db)
    assert "unchanged    10" in again.stdout


def test_articles_keep_the_other_urls_they_were_linked_under(crawled):
    db = crawled["db"]
    others = rows(
        db,
        "select u.url, a.url from article_urls u join articles a "
        "on a.id = u.article_id where u.url != a.url",
    )
    assert others, "no second URL kept"
    # each kept URL is a variant of its article's: second host, print view, tracking
    # parameters, a listing page parameter or an English path
    assert all(urllib.parse.urlsplit(o).netloc and o != a for o, a in others)
    assert rows(
        db,
        "select count(*) from articles where url in (select url from article_urls "
        "where url != (select url from articles a2 where a2.id = article_id))",
    ) == [(0,)]


def test_crawlall_mirror_serves_the_copy_named_by_dost_mirror_dir(tmp_path):
    from tests.conftest import article_url, mirror_file

    copy = tmp_path / "mirror"
    shutil.copytree(MIRROR_DIR, copy)
    victim = content("cao_bang")[0]
    page = copy / mirror_file(article_url("cao_bang", victim["id"])).relative_to(MIRROR_DIR)
    page.write_text(
        page.read_text(encoding="utf-8").replace(victim["title"], "Tiêu đề đã sửa"),
        encoding="utf-8",
    )
    db = tmp_path / "dost.db"
    result = run(["crawlall", "cao_bang", "--mirror"], db, DOST_MIRROR_DIR=str(copy))
    assert result.returncode == 0, result.stdout + result.stderr
    titles = {t for (t,) in rows(db, "select title from articles")}
    assert "Tiêu đề đã sửa" in titles and victim["title"] not in titles


# -- a site's life: edits, additions and removals, found by an ordinary incremental run -------

LIFE_SOURCES = ["bac_kan", "cao_bang", "ha_noi", "kien_giang"]  # both, LM, ETag, no validators


NEW_TITLE = "Hội thảo khoa học mới về chuyển đổi số"


def publish_after(spec: dict, model: dict) -> dict:
    """Add to a site's content an article published after `model`, as its CMS would
    number and name it; returns it."""
    new = {**model, "id": model["id"] + 1, "title": NEW_TITLE}
    new.pop("seed", None)
    if "slug" in new:
        new["slug"] = f"Hoi-thao-khoa-hoc-moi-ve-chuyen-doi-so-{new['id']}"
    spec["articles"].append(new)
    return new


def rebuild_with_changes(copy: Path, name: str) -> dict:
    """Re-render a source's site in the mirror copy as its CMS would after an editor edited
    the newest article, deleted the second newest and published a new one."""
    from crawlers.mirror.build import build, load_content

    path = copy / "_content" / f"{name}.json"
    spec = json.loads(path.read_text(encoding="utf-8"))
    edited, deleted = load_content(name, copy / "_content")[:2]
    for a in spec["articles"]:
        if a["id"] == edited["id"]:
            a["title"] += " (cập nhật)"
            a["body"] = [*a["body"], "Bài viết được cập nhật thêm thông tin."]
    spec["articles"] = [a for a in spec["articles"] if a["id"] != deleted["id"]]
    new = publish_after(spec, edited)
    path.write_text(json.dumps(spec, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    build(copy, [name], copy / "_content")
    site = load_sites(copy / "_content")[name]
    return {
        "edited": site.base_url + site.article_path(edited),
        "old_title": edited["title"],
        "deleted": site.base_url + site.article_path(deleted),
        "new": site.base_url + site.article_path(new),
    }


def edit_pages_in_place(copy: Path, name: str) -> dict:
    """Edit one saved page's headline and delete another page's file: the listing still
    links the deleted article, which now answers 404."""
    from tests.conftest import article_url, mirror_file

    edited, deleted = sorted(content(name), key=lambda a: a["id"], reverse=True)[:2]
    page = copy / mirror_file(article_url(name, edited["id"])).relative_to(MIRROR_DIR)
    html = page.read_text(encoding="utf-8")
    assert html.count(edited["title"]) >= 1
    page.write_text(html.replace(edited["title"], edited["title"] + " (cập nhật)"), "utf-8")
    (copy / mirror_file(article_url(name, deleted["id"])).relative_to(MIRROR_DIR)).unlink()
    return {
        "edited": article_url(name, edited["id"]),
        "old_title": edited["title"],
        "deleted": article_url(name, deleted["id"]),
        "new": None,
    }


@pytest.fixture(scope="module")
def site_life(tmp_path_factory) -> dict:
    tmp = tmp_path_factory.mktemp("life")
    db, copy = tmp / "dost.db", tmp / "mirror"
    shutil.copytree(MIRROR_DIR, copy)
    env = {"DOST_MIRROR_DIR": str(copy)}
    for _ in range(2):
        result = run(["crawlall", *LIFE_SOURCES, "--mirror"], db, **env)
        assert result.returncode == 0, result.stdout + result.stderr
    before = dict(rows(db, "select url, content_hash from articles"))
    changes = {name: rebuild_with_changes(copy, name) for name in LIFE_SOURCES[:3]}
    changes["kien_giang"] = edit_pages_in_place(copy, "kien_giang")
    third = run(["crawlall", *LIFE_SOURCES, "--mirror"], db, **env)
    assert third.returncode == 0, third.stdout + third.stderr
    return {"db": db, "before": before, "changes": changes, "third": third}


def test_the_third_run_records_exactly_the_sites_changes(site_life):
    db, changes = site_life["db"], site_life["changes"]
    third = rows(
        db,
        "select spider, mode, items_new, changed, removed, errors from crawls "
        "order by id desc limit ?",
        (len(LIFE_SOURCES),),
    )
    assert sorted(third) == sorted(
        (name, "incremental", 0 if name == "kien_giang" else 1, 1, 1, 0) for name in LIFE_SOURCES
    )
    events = rows(
        db,
        "select a.url, e.event, e.detail from article_events e "
        "join articles a on a.id = e.article_id",
    )
    assert sorted(events) == sorted(
        [(c["edited"], "changed", "title, body" if c["new"] else "title") for c in changes.values()]
        + [(c["deleted"], "removed", "http 404") for c in changes.values()]
    )
    new = {url for (url,) in rows(db, "select url from articles")} - set(site_life["before"])
    assert new == {c["new"] for c in changes.values() if c["new"]}
    # every other article is as it was
    after = dict(rows(db, "select url, content_hash from articles"))
    edited = {c["edited"] for c in changes.values()}
    assert {u: h for u, h in after.items() if u in site_life["before"] and u not in edited} == {
        u: h for u, h in site_life["before"].items() if u not in edited
    }


def test_an_edit_keeps_the_previous_title_and_a_removal_keeps_the_article(site_life):
    db = site_life["db"]
    for change in site_life["changes"].values():
        assert rows(
            db,
            "select v.title, a.changed_at = v.replaced_at from article_versions v "
            "join articles a on a.id = v.article_id where a.url = ?",
            (change["edited"],),
        ) == [(change["old_title"], 1)]
        ((title, reason, removed_at),) = rows(
            db,
            "select title, removed_reason, removed_at from articles where url = ?",
            (change["deleted"],),
        )
        assert title and reason == "http 404" and removed_at


def test_backfill_walks_everything_again_and_finds_nothing_more(site_life, tmp_path):
    db = tmp_path / "dost.db"
    with sqlite3.connect(site_life["db"]) as source, sqlite3.connect(db) as target:
        source.backup(target)
    result = run(
        ["crawlall", *LIFE_SOURCES, "--mirror", "--backfill"],
        db,
        DOST_MIRROR_DIR=str(site_life["db"].parent / "mirror"),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    backfill = rows(
        db,
        "select mode, complete, items_new, items_updated, changed, removed, items_unchanged "
        "from crawls order by id desc limit ?",
        (len(LIFE_SOURCES),),
    )
    assert {r[:6] for r in backfill} == {("backfill", 1, 0, 0, 0, 0)}
    # every article still on the sites was asked again
    (kept,) = rows(db, "select count(*) from articles where removed_at is null")[0]
    assert sum(r[6] for r in backfill) == kept


def redesigned_copy(tmp_path: Path, source: str) -> tuple[Path, str]:
    """A copy of the mirror of `source`'s site where every article page has new class
    names (the site's selectors for title, date, byline and body find nothing), and which
    has published one article more since. Returns the copy and the new article's URL."""
    from crawlers.mirror.build import build

    copy = tmp_path / "redesigned"
    host = load_sites()[source].host
    shutil.copytree(MIRROR_DIR / host, copy / host)
    shutil.copytree(MIRROR_DIR / "_content", copy / "_content")
    path = copy / "_content" / f"{source}.json"
    spec = json.loads(path.read_text(encoding="utf-8"))
    new = publish_after(spec, max(spec["articles"], key=lambda a: a["id"]))
    path.write_text(json.dumps(spec, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    build(copy, [source], copy / "_content")
    changed_pages = 0
    for page in (copy / host).rglob("*"):
        if not page.is_file() or page.name.startswith("_"):
            continue
        html = page.read_text(encoding="utf-8", errors="surrogateescape")
        if "news-bodyhtml" in html:  # an article page
            html = html.replace("news_column", "news-col").replace("news-bodyhtml", "post-body")
            page.write_text(html, encoding="utf-8", errors="surrogateescape")
            changed_pages += 1
    assert changed_pages >= len(spec["articles"])
    site = load_sites(copy / "_content")[source]
    return copy, site.base_url + site.article_path(new)


def test_a_redesigned_site_turns_failing_alerts_once_keeps_its_articles_and_recovers(tmp_path):
    from tests.test_alerts import recorder, recording_webhook

    db = tmp_path / "dost.db"
    command, alert_file = recorder(tmp_path)
    copy, new_url = redesigned_copy(tmp_path, "cao_bang")
    redesigned = str(copy)
    with recording_webhook() as (url, received, _):
        alerting = {"DOST_ALERT_COMMAND": command, "DOST_ALERT_WEBHOOK": url}

        def crawl(**env: str) -> subprocess.CompletedProcess[str]:
            return run(["crawlall", "-s", "cao_bang", "--mirror"], db, **alerting, **env)

        first = crawl()
        assert first.returncode == 0, first.stdout + first.stderr
        assert not alert_file.exists() and not received  # ok from the start: nothing to say
        stored = (
            "select url, title, body_text, published, extraction from articles "
            "where source_id = 'cao_bang' order by url"
        )
        articles_before = rows(db, stored)
        assert len(articles_before) == len(content("cao_bang"))

        broken = crawl(DOST_MIRROR_DIR=redesigned)
        assert broken.returncode == 1, broken.stdout + broken.stderr
        reason = "fallback extractor needed for 100% of articles (usually 0%)"
        line = next(ln for ln in broken.stdout.splitlines() if ln.startswith("cao_bang"))
        assert " failing " in line and line.endswith(f"(was ok) {reason}")
        assert "alert (command and webhook): cao_bang" in broken.stdout

        # The fallback extractor read the articles the run asked for again (an incremental
        # run: those on the first listing page; the health reason says so). Its reading is
        # no edit of the site's: every article keeps the title, body and date its site's
        # selectors read, and no change is reported to the journalists. The article the
        # site published since is saved as the fallback read it.
        assert [r for r in rows(db, stored) if r[0] != new_url] == articles_before
        assert rows(db, "select count(*) from article_events") == [(0,)]
        ((title, body, extraction),) = rows(
            db, "select title, body_text, extraction from articles where url = ?", (new_url,)
        )
        assert title == NEW_TITLE and body
        assert json.loads(extraction)["title"] == json.loads(extraction)["body"] == "fallback"
        assert rows(db, "select health, health_reason from crawls order by id") == [
            ("ok", ""),
            ("failing", reason),
        ]
        assert rows(db, "select health, health_reason from sources") == [("failing", reason)]

        alert = json.loads(json.loads(alert_file.read_text(encoding="utf-8"))["stdin"])
        assert alert["failing"] == ["cao_bang"] and alert["sources"][0]["reason"] == reason
        assert [r["json"] for r in received] == [alert]

        status = run(["health", "cao_bang"], db)
        assert status.returncode == 1
        assert status.stdout.splitlines()[2].split()[:2] == ["cao_bang", "failing"]
        assert status.stdout.rstrip().endswith(reason)

        alert_file.unlink()
        still = crawl(DOST_MIRROR_DIR=redesigned)
        assert still.returncode == 1
        assert not alert_file.exists() and len(received) == 1  # still failing: no new alert

        fixed = crawl()
        assert fixed.returncode == 0, fixed.stdout + fixed.stderr
        assert rows(db, "select health from sources") == [("ok",)]
        recovered = json.loads(json.loads(alert_file.read_text(encoding="utf-8"))["stdin"])
        assert recovered["recovered"] == ["cao_bang"] and len(received) == 2
    assert run(["health", "cao_bang"], db).returncode == 0


def test_a_pager_link_past_the_last_page_ends_the_first_walk_and_the_next_is_incremental(
    tmp_path,
):
    """A pager that links a page that is gone (a "next" past the end) is no error and no
    reason to walk the whole archive again every night."""
    from tests.conftest import mirror_file, url_of

    site = load_sites()["cao_bang"]
    copy = tmp_path / "mirror"
    shutil.copytree(MIRROR_DIR / site.host, copy / site.host)
    last = -(-len(content("cao_bang")) // site.per_page)
    gone = url_of("cao_bang", site.listing_path(last))
    (copy / mirror_file(gone).relative_to(MIRROR_DIR)).unlink()
    db = tmp_path / "dost.db"
    first, second = (
        run(["crawlall", "cao_bang", "--mirror"], db, DOST_MIRROR_DIR=str(copy)) for _ in range(2)
    )
    for result in (first, second):
        assert result.returncode == 0, result.stdout + result.stderr
    assert f"listing page gone (404), the pager led past the end: {gone}" in first.stderr
    assert "ERROR" not in first.stderr
    assert rows(db, "select mode, complete, walked, errors, health from crawls order by id") == [
        ("full", 0, 1, 0, "ok"),
        ("incremental", 0, 0, 0, "ok"),
    ]
