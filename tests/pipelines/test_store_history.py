"""The store keeps what the sites change: earlier versions, removals, restorations, and what a
crawl needs to ask again cheaply (validators, where a listing last linked an article)."""

import pytest

from crawlers.store import Store
from tests.pipelines.test_store import SOURCE, article


@pytest.fixture
def db(store):
    store.upsert_source(SOURCE)
    return store


def seen(**overrides):
    """An article as a crawl reads it from a page: with its raw title and body HTML."""
    record = article(**overrides)
    record.setdefault("title_raw", record["title"])
    record.setdefault("body_html", f"<p>{record['body_text']}</p>")
    return record


def crawl(db: Store) -> int:
    return db.start_crawl("cao_bang", mirror=True)


def events(db: Store) -> list[tuple]:
    return db.db.execute(
        "select article_id, event, detail, crawl_id from article_events order by id"
    ).fetchall()


def test_a_new_article_has_no_earlier_version_and_no_change(db):
    assert db.upsert_article(seen(), crawl_id=crawl(db)) == "new"
    row = db.db["articles"].get(1)
    assert (row["changed_at"], row["removed_at"], row["removed_reason"]) == (None, None, None)
    assert db.db["article_versions"].count == 0
    assert events(db) == []


def test_an_edit_keeps_the_previous_version_and_says_what_changed(db):
    db.upsert_article(seen())
    first_seen = db.db["articles"].get(1)["first_seen"]
    crawl_id = crawl(db)
    assert db.upsert_article(seen(title="Hội nghị sơ kết (sửa)"), crawl_id=crawl_id) == "updated"
    row = db.db["articles"].get(1)
    assert row["title"] == "Hội nghị sơ kết (sửa)" and row["changed_at"] is not None
    (version,) = db.db["article_versions"].rows
    assert (version["title"], version["body_text"], version["seen_at"]) == (
        "Hội nghị sơ kết",
        article()["body_text"],
        first_seen,
    )
    assert version["replaced_at"] == row["changed_at"]
    assert events(db) == [(1, "changed", "title", crawl_id)]
    assert db.crawl_changes(crawl_id) == {"changed": 1, "removed": 0, "restored": 0}


def test_each_edit_keeps_one_more_version(db):
    db.upsert_article(seen())
    db.upsert_article(seen(body_text="Bản thứ hai."))
    db.upsert_article(seen(body_text="Bản thứ ba."))
    bodies = [v["body_text"] for v in db.db["article_versions"].rows]
    assert bodies == [article()["body_text"], "Bản thứ hai."]
    assert [e[2] for e in events(db)] == ["body", "body"]


def test_the_same_page_read_by_new_cleaning_is_no_edit(db):
    db.upsert_article(seen(body_html="<p>Nội dung. Lượt xem: 12</p>", body_text="Nội dung. Lượt"))
    # Same raw page, our cleaning now drops more: updated, but the site edited nothing.
    outcome = db.upsert_article(
        seen(body_html="<p>Nội dung. Lượt xem: 12</p>", body_text="Nội dung.")
    )
    assert outcome == "updated"
    assert db.db["articles"].get(1)["body_text"] == "Nội dung."
    assert db.db["articles"].get(1)["changed_at"] is None
    assert db.db["article_versions"].count == 0


SELECTORS = {"title": "selector", "published": "listing", "body": "selector"}
FALLBACK = {"title": "fallback", "body": "fallback"}


def redesigned(**overrides):
    """The same article read by the fallback extractor after its site changed templates:
    other raw HTML, a slightly different text, and no date found."""
    return seen(
        title_raw="<h1>Hội nghị sơ kết</h1> Chia sẻ",
        title="Hội nghị sơ kết Chia sẻ",
        body_html="<div class='post-body'>…</div>",
        body_text=article()["body_text"] + " Bài viết liên quan",
        published=None,
        published_date=None,
        published_year=None,
        published_precision=None,
        published_raw=None,
        extraction=FALLBACK,
        **overrides,
    )


def test_a_fallback_reading_after_a_redesign_is_no_edit_and_keeps_the_article(db):
    unit = {"unit_id": "department", "province_id": "cao-bang", "text": "Sở KH&CN"}
    db.upsert_article(seen(extraction=SELECTORS, unit_mentions=[unit]))
    before = db.db["articles"].get(1)
    crawl_id = crawl(db)
    reading = redesigned(authors=None, byline_raw=None, unit_mentions=[])
    assert db.upsert_article(reading, crawl_id=crawl_id) == "unchanged"
    after = db.db["articles"].get(1)
    keep = ("title", "body_text", "content_hash", "published", "published_date", "authors")
    assert {k: after[k] for k in (*keep, "extraction")} == {
        k: before[k] for k in (*keep, "extraction")
    }
    assert db.db["unit_mentions"].count == 1
    assert after["changed_at"] is None and after["last_seen"] >= before["last_seen"]
    assert db.db["article_versions"].count == 0 and events(db) == []


def test_once_the_selectors_read_it_again_an_edit_shows_and_a_fallback_text_is_replaced(db):
    db.upsert_article(seen(extraction=SELECTORS))
    db.upsert_article(redesigned(), crawl_id=crawl(db))
    # the selectors are fixed; the site had edited the title meanwhile
    crawl_id = crawl(db)
    db.upsert_article(seen(title="Hội nghị sơ kết (sửa)", extraction=SELECTORS), crawl_id=crawl_id)
    assert events(db) == [(1, "changed", "title", crawl_id)]
    # an article first stored as the fallback read it is re-read by the selectors: no edit
    url = "http://khcncaobang.gov.vn/index.php?language=vi&nv=news&op=Khoa-hoc-cong-nghe/B-2"
    db.upsert_article(redesigned(url=url), crawl_id=crawl_id)
    assert db.upsert_article(seen(url=url, extraction=SELECTORS)) == "updated"
    row = db.db["articles"].get(2)
    assert (row["title"], row["published"]) == (article()["title"], article()["published"])
    assert row["changed_at"] is None and len(events(db)) == 1


def test_a_reading_without_a_date_keeps_the_date_found_before(db):
    db.upsert_article(seen(extraction=SELECTORS))
    db.upsert_article(seen(published=None, published_date=None, extraction={"title": "selector"}))
    row = db.db["articles"].get(1)
    assert (row["published"], row["published_date"]) == (
        article()["published"],
        article()["published_date"],
    )


def test_a_reprocess_is_no_edit(db):
    db.upsert_article(seen())
    assert db.upsert_article(article(body_text="Tính lại."), seen=False) == "updated"
    assert db.db["article_versions"].count == 0
    assert db.db["articles"].get(1)["changed_at"] is None


def test_a_404_marks_the_article_removed_and_keeps_it(db):
    db.upsert_article(seen())
    crawl_id = crawl(db)
    assert db.record_check(1, 404, crawl_id=crawl_id) == "removed"
    row = db.db["articles"].get(1)
    assert (row["removed_reason"], row["title"]) == ("http 404", "Hội nghị sơ kết")
    assert row["removed_at"] is not None
    assert db.record_check(1, 410, crawl_id=crawl_id) is None  # already removed
    assert db.article_count() == 1
    assert events(db) == [(1, "removed", "http 404", crawl_id)]


@pytest.mark.parametrize("answer", ["page", "not modified"])
def test_an_article_that_answers_again_is_restored(db, answer):
    db.upsert_article(seen())
    db.record_check(1, 410)
    if answer == "page":
        assert db.upsert_article(seen()) == "unchanged"
    else:
        assert db.record_check(1, 304) == "restored"
    assert db.db["articles"].get(1)["removed_at"] is None
    assert [e[1:3] for e in events(db)] == [
        ("removed", "http 410"),
        ("restored", "http 200" if answer == "page" else "http 304"),
    ]


def test_a_304_is_a_sighting_that_keeps_the_validators(db):
    db.upsert_article(seen(etag='"v1"', last_modified="Mon, 01 Jan 2024 00:00:00 GMT"))
    db.db.execute("update articles set last_seen = '2000-01-01T00:00:00+00:00'")
    assert db.record_check(1, 304) is None
    assert db.db["articles"].get(1)["last_seen"] > "2000"
    state = db.db["article_state"].get(1)
    assert (state["etag"], state["last_modified"], state["status"]) == (
        '"v1"',
        "Mon, 01 Jan 2024 00:00:00 GMT",
        304,
    )
    known = db.known_articles("cao_bang")[article()["url"]]
    assert (known["id"], known["etag"]) == (1, '"v1"')


def test_an_article_is_known_under_every_url_it_was_seen_under(db):
    other = "http://khcncaobang.gov.vn/in/A-1"
    db.upsert_article({**seen(), "other_urls": [other]})
    known = db.known_articles("cao_bang")
    assert known[other]["id"] == known[article()["url"]]["id"] == 1
    assert db.known_articles("other") == {}


def test_unlisted_removal_ends_when_a_listing_links_it_again(db):
    db.upsert_article(seen())
    crawl_id = crawl(db)
    assert db.mark_removed(1, "unlisted", crawl_id)
    assert db.record_check(1, 304) is None  # answering is not enough: it is still unlisted
    assert db.db["articles"].get(1)["removed_reason"] == "unlisted"
    listing = "http://khcncaobang.gov.vn/tin"
    assert db.mark_listed("cao_bang", {article()["url"]: listing}, crawl_id) == {1}
    assert db.db["articles"].get(1)["removed_at"] is None
    state = db.db["article_state"].get(1)
    assert (state["listed_on"], state["listed_crawl"]) == (listing, crawl_id)
    assert [e[1:3] for e in events(db)] == [("removed", "unlisted"), ("restored", "listed again")]


def test_unlisted_articles_are_the_ones_no_listing_linked(db):
    urls = [f"http://khcncaobang.gov.vn/{n}" for n in range(3)]
    for n, url in enumerate(urls):
        db.upsert_article(seen(url=url, title=f"Bài {n}", body_text=f"Nội dung {n}."))
    db.mark_listed("cao_bang", {urls[0]: "p1", urls[1]: "p1", urls[2]: "p2"}, crawl(db))
    linked = db.mark_listed("cao_bang", {urls[0]: "p1"}, crawl(db))
    assert [r["url"] for r in db.unlisted_articles("cao_bang", linked)] == urls[1:]
    assert [r["url"] for r in db.unlisted_articles("cao_bang", linked, ["p1"])] == [urls[1]]
    db.forget_listing([2])
    assert db.unlisted_articles("cao_bang", linked, ["p1"]) == []
    db.record_check(3, 404)
    assert [r["url"] for r in db.unlisted_articles("cao_bang", linked)] == [urls[1]]


def test_the_last_complete_walk_is_a_finished_crawl_that_walked_everything(db):
    assert db.last_complete_walk("cao_bang") is None
    first = crawl(db)
    db.finish_crawl(first, finish_reason="finished", mode="full", complete=1)
    second = crawl(db)
    db.finish_crawl(second, finish_reason="finished", mode="incremental", complete=0)
    assert db.last_complete_walk("cao_bang") == first
    assert db.last_complete_walk("cao_bang", before=first) is None


def test_reprocess_reads_only_pages_that_answered(db):
    for status, body in [(200, b"<html>bai</html>"), (404, b"<html>404</html>")]:
        db.archive_page(
            url="http://khcncaobang.gov.vn/x",
            body=body,
            status=status,
            headers={},
            source_id="cao_bang",
            kind="article",
            crawl_id=None,
        )
    (page,) = db.pages_to_reprocess()
    assert page["status"] == 200


def test_an_older_database_gets_the_history_columns(tmp_path):
    path = tmp_path / "old.db"
    old = Store(path)
    old.upsert_source(SOURCE)
    old.upsert_article(seen())
    old.db["articles"].transform(drop={"changed_at", "removed_at", "removed_reason"})
    old.db["crawls"].transform(drop={"mode", "complete", "requests", "not_modified"})
    for table in ("article_events", "article_versions", "article_state"):
        old.db[table].drop()
    old.close()
    store = Store(path)
    try:
        assert {"changed_at", "removed_at", "removed_reason"} <= set(
            store.db["articles"].columns_dict
        )
        assert {"mode", "complete", "requests", "not_modified"} <= set(
            store.db["crawls"].columns_dict
        )
        assert store.upsert_article(seen(title="Sửa")) == "updated"
        assert store.db["article_versions"].count == 1  # no raw hash kept yet: an edit
    finally:
        store.close()
