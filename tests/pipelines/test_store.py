import json
import sqlite3
import time

import pytest

from crawlers.store import VIEWS, SourceRecord, Store, content_hash

SOURCE = SourceRecord(
    id="cao_bang",
    name="Sở Khoa học và Công nghệ tỉnh Cao Bằng",
    province_id="cao-bang",
    homepage="http://khcncaobang.gov.vn/",
    platform="nukeviet",
    legacy=False,
    evidence="seen in public pages",
)


def article(**overrides):
    record = {
        "url": "http://khcncaobang.gov.vn/index.php?language=vi&nv=news&op=Khoa-hoc-cong-nghe/A-1",
        "source_id": "cao_bang",
        "title": "Hội nghị sơ kết",
        "published": "2017-09-08T16:20:00+07:00",
        "published_date": "2017-09-08",
        "published_year": 2017,
        "published_precision": "minute",
        "published_raw": "08/09/2017 16:20",
        "province_id": "cao-bang",
        "current_province_id": "cao-bang",
        "authors": ["Hoàng Giang"],
        "byline_raw": "Hoàng Giang",
        "body_text": "Ngày 08/9/2017, Sở Khoa học và Công nghệ tổ chức Hội nghị.",
    }
    record.update(overrides)
    return record


@pytest.fixture
def db(store):
    store.upsert_source(SOURCE)
    return store


def test_schema_is_wal_with_all_tables(db):
    assert db.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert {"provinces", "sources", "articles", "crawls", "raw_pages", "raw_blobs"} <= set(
        db.db.table_names()
    )
    assert db.db["provinces"].count == 64


def test_upsert_inserts_then_reports_unchanged(db):
    assert db.upsert_article(article()) == "new"
    assert db.upsert_article(article()) == "unchanged"
    assert db.article_count() == 1


def test_upsert_keeps_first_seen_and_moves_last_seen(db):
    db.upsert_article(article())
    first = dict(db.db["articles"].get(1))
    time.sleep(1.1)
    db.upsert_article(article())
    second = dict(db.db["articles"].get(1))
    assert second["first_seen"] == first["first_seen"]
    assert second["last_seen"] > first["last_seen"]


def test_upsert_reports_changed_body_as_updated(db):
    db.upsert_article(article())
    assert db.upsert_article(article(body_text="Nội dung đã sửa.")) == "updated"
    row = db.db["articles"].get(1)
    assert row["body_text"] == "Nội dung đã sửa."
    assert row["content_hash"] == content_hash(row["title"], row["body_text"])


def test_authors_are_stored_as_json(db):
    db.upsert_article(article(authors=["Kim Tuyền", "Lò Văn Minh"]))
    assert json.loads(db.db["articles"].get(1)["authors"]) == ["Kim Tuyền", "Lò Văn Minh"]


def test_full_text_search_finds_article_without_diacritics(db):
    db.upsert_article(article())
    rows = db.db.execute(
        "select title from articles_fts where articles_fts match ?", ["so ket"]
    ).fetchall()
    assert rows == [("Hội nghị sơ kết",)]


def test_unknown_province_is_refused(db):
    with pytest.raises(sqlite3.IntegrityError):
        db.upsert_article(article(province_id="atlantis"))


def test_an_article_is_stored_whole_or_not_at_all(db, monkeypatch):
    def broken_index(*args):
        raise RuntimeError("index failed")

    monkeypatch.setattr(db, "_index_article", broken_index)
    with pytest.raises(RuntimeError):
        db.upsert_article(article())
    assert db.article_count() == 0
    assert db.db["article_urls"].count == 0


def test_upsert_articles_upserts_many_and_counts_outcomes(db):
    records = [
        article(url=f"http://khcncaobang.gov.vn/a-{i}", body_text=f"Bài {i}: Đảng ủy họp.")
        for i in range(3)
    ]
    assert db.upsert_articles(records) == {"new": 3}
    changed = {**records[1], "body_text": "Đã sửa."}
    assert db.upsert_articles([records[0], changed]) == {"unchanged": 1, "updated": 1}
    assert db.article_count() == 3
    found = db.db.execute(
        "select rowid from articles_fts where articles_fts match ? order by rowid", ["dang uy"]
    ).fetchall()
    assert found == [(1,), (3,)]


def test_upsert_articles_is_all_or_nothing(db):
    records = [
        article(url="http://khcncaobang.gov.vn/a-1"),
        article(url="http://khcncaobang.gov.vn/a-2", province_id="atlantis"),
    ]
    with pytest.raises(sqlite3.IntegrityError):
        db.upsert_articles(records)
    assert db.article_count() == 0
    assert db.db.execute("select count(*) from articles_fts").fetchone() == (0,)


def test_raw_pages_are_compressed_and_stored_once_per_content(db):
    body = ("<html>" + "Nội dung " * 500 + "</html>").encode()
    for _ in range(2):
        digest = db.archive_page(
            url="http://khcncaobang.gov.vn/x",
            body=body,
            status=200,
            headers={"Content-Type": "text/html"},
            source_id="cao_bang",
            kind="article",
            crawl_id=None,
        )
    assert db.db["raw_pages"].count == 2
    assert db.db["raw_blobs"].count == 1
    blob = db.db["raw_blobs"].get(digest)
    assert blob["stored_size"] < blob["size"] / 5
    assert db.raw_body(digest) == body


def test_crawl_rows_record_counts(db):
    crawl = db.start_crawl("cao_bang", mirror=True)
    db.finish_crawl(crawl, finish_reason="finished", pages=12, items_new=3)
    row = db.crawl_counts(crawl)
    assert (row["finish_reason"], row["pages"], row["items_new"], row["mirror"]) == (
        "finished",
        12,
        3,
        1,
    )
    assert row["finished"] >= row["started"]


def test_db_path_follows_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("DOST_DB", str(tmp_path / "other.db"))
    store = Store()
    try:
        assert store.path == tmp_path / "other.db"
    finally:
        store.close()


def test_same_article_under_a_second_url_is_one_article_with_both_urls(db):
    db.upsert_article(article())
    other = (
        "http://khcncaobang.gov.vn/index.php?language=vi&nv=news&op=savefile/Khoa-hoc-cong-nghe/A-1"
    )
    assert db.upsert_article(article(url=other)) == "unchanged"
    assert db.article_count() == 1
    urls = {r["url"] for r in db.db["article_urls"].rows}
    assert urls == {article()["url"], other}
    # seen again under the second URL, the article keeps the URL it was stored under
    assert db.db["articles"].get(1)["url"] == article()["url"]
    assert db.upsert_article(article(url=other, body_text="Đã sửa.")) == "updated"
    assert db.article_count() == 1


def test_different_articles_with_the_same_text_on_two_sources_stay_apart(db):
    db.upsert_source(SourceRecord(**{**SOURCE.__dict__, "id": "other"}))
    db.upsert_article(article())
    db.upsert_article(article(url="http://other.gov.vn/a", source_id="other"))
    assert db.article_count() == 2


def test_attachments_are_stored_per_article(db):
    files = [
        {
            "url": "http://khcncaobang.gov.vn/uploads/tb-2022.pdf",
            "file_name": "tb-2022.pdf",
            "type": "pdf",
            "text": "Thông báo số 12/TB-SKHCN",
        }
    ]
    db.upsert_article({**article(), "attachments": files})
    rows = list(db.db["attachments"].rows)
    assert [(r["article_id"], r["file_name"], r["type"], r["text"]) for r in rows] == [
        (1, "tb-2022.pdf", "pdf", "Thông báo số 12/TB-SKHCN")
    ]
    db.upsert_article({**article(), "attachments": []})
    assert db.db["attachments"].count == 0


SEARCH_ARTICLES = [
    ("Hội nghị Đảng ủy Sở", "Đảng ủy Sở Khoa học và Công nghệ họp phiên thường kỳ."),
    ("Đoàn công tác tại Hòa Bình", "Làm việc với tỉnh Hoà Bình về ứng dụng khoa học công nghệ."),
    ("Tập huấn sở hữu trí tuệ", "Lớp tập huấn dành cho doanh nghiệp, không nhắc đảng bộ."),
]


@pytest.fixture
def searchable(db):
    for n, (title, body) in enumerate(SEARCH_ARTICLES):
        db.upsert_article(article(url=f"http://x.gov.vn/{n}", title=title, body_text=body))
    return db


def search(db, query):
    from datasette.utils import escape_fts

    return {
        row[0]
        for row in db.db.execute(
            "select a.title from articles a join articles_fts f on f.rowid = a.id "
            "where articles_fts match ?",
            [escape_fts(query)],
        ).fetchall()
    }


@pytest.mark.parametrize(
    ("query", "accented"),
    [
        ("dang uy", "Đảng ủy"),
        ("ĐẢNG ỦY", "Đảng ủy"),
        ("đảng uỷ", "Đảng ủy"),
        ('"dang uy"', '"Đảng ủy"'),
        ("hoi nghi", "hội nghị"),
        ("khoa hoc cong nghe", "khoa học công nghệ"),
        ("hoa binh", "Hòa Bình"),
        ("hoà bình", "Hòa Bình"),
        ("doan cong tac", "Đoàn công tác"),
    ],
)
def test_search_ignores_case_diacritics_d_and_tone_placement(searchable, query, accented):
    expected = search(searchable, accented)
    assert expected, f"{accented!r} finds nothing"
    assert search(searchable, query) == expected


def test_search_index_follows_edits(searchable):
    searchable.upsert_article(
        article(url="http://x.gov.vn/2", title="Tập huấn", body_text="Nội dung mới về Đảng bộ.")
    )
    assert "Tập huấn" in search(searchable, "dang bo")
    searchable.upsert_article(
        article(url="http://x.gov.vn/2", title="Tập huấn", body_text="Nội dung khác.")
    )
    assert "Tập huấn" not in search(searchable, "dang bo")


def test_an_old_trigger_based_index_is_rebuilt(tmp_path):
    path = tmp_path / "old.db"
    old = Store(path)
    old.upsert_source(SOURCE)
    old.upsert_article(article(title="Đảng ủy họp"))
    old.db.execute("drop table articles_fts")
    old.db["articles"].enable_fts(["title", "body_text"], create_triggers=True)
    old.close()
    store = Store(path)
    try:
        assert search(store, "dang uy") == {"Đảng ủy họp"}
    finally:
        store.close()


def test_an_index_with_one_folded_column_is_rebuilt_with_title_and_body_folded_apart(tmp_path):
    path = tmp_path / "old.db"
    old = Store(path)
    old.upsert_source(SOURCE)
    old.upsert_article(article(title="Đảng ủy họp", body_text="Hội nghị của Đảng bộ."))
    old.db.execute("drop table articles_fts")
    old.db.execute(
        "create virtual table articles_fts using fts5(title, body_text, folded, "
        "tokenize='unicode61 remove_diacritics 2')"
    )
    old.close()
    store = Store(path)
    try:
        assert search(store, "dang uy") == {"Đảng ủy họp"}
        assert store.db.execute(
            "select folded_title, folded_body from articles_fts"
        ).fetchall() == [("Dảng ủy họp", "Hội nghị của Dảng bộ.")]
    finally:
        store.close()


def test_a_database_without_published_month_gets_it_from_published_date(tmp_path):
    path = tmp_path / "old.db"
    old = Store(path)
    old.upsert_source(SOURCE)
    old.upsert_article(article(published_date="2017-09-08"))
    old.upsert_article(article(url="http://khcncaobang.gov.vn/b", published_date=None, title="B"))
    old.db["articles"].transform(drop={"published_month"})
    old.close()
    store = Store(path)
    try:
        months = store.db.execute("select published_month from articles order by id").fetchall()
        assert months == [("2017-09",), (None,)]
    finally:
        store.close()


def test_views_are_created_once_and_replaced_when_their_sql_changes(tmp_path):
    path = tmp_path / "dost.db"
    Store(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("drop view province_articles")
        conn.execute("create view province_articles as select 1 as stale")
    store = Store(path)
    assert set(VIEWS) <= set(store.db.view_names())
    assert "stale" not in store.db["province_articles"].columns_dict
    store.close()


def test_document_citations_count_a_provincial_number_once_per_province(db):
    db.upsert_source(
        SourceRecord(
            id="bac_kan",
            name="Sở Khoa học và Công nghệ tỉnh Bắc Kạn",
            province_id="bac-kan",
            homepage="https://skhcn.backan.gov.vn/",
            platform="aspnet",
            legacy=True,
            evidence="assumed",
        )
    )

    def ref(number, issuer):
        return {"type": "Kế hoạch", "number": number, "issuer": issuer, "text": number}

    cited = [ref("12/KH-UBND", "UBND"), ref("57-NQ/TW", "TW")]
    db.upsert_article(article(doc_refs=cited))
    db.upsert_article(
        article(
            url="https://skhcn.backan.gov.vn/tin/1",
            source_id="bac_kan",
            province_id="bac-kan",
            current_province_id="thai-nguyen",
            body_text="Khác.",
            doc_refs=cited,
        )
    )
    got = {
        (r["document"], r["province_id"]): (r["articles"], r["provinces"])
        for r in db.db.query("select * from document_citations")
    }
    assert got == {
        ("57-NQ/TW", None): (2, 2),
        ("12/KH-UBND", "cao-bang"): (1, 1),
        ("12/KH-UBND", "bac-kan"): (1, 1),
    }
