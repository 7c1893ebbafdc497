"""The stored queries of metadata.json, answering on the demo data."""

from __future__ import annotations

import re

import pytest

from normalize.text import fold
from tests.conftest import seed
from tests.test_end_to_end import SOURCES
from tests.web.conftest import edit_and_remove, get_json, query, rows


def test_stored_search_ranks_snippets_and_filters(demo_db):
    empty = dict(province="", source="", unit="", since="", until="")
    rows_all = query(demo_db, "search", q="dang uy", **empty)
    assert rows_all and all("«" in r["snippet"] for r in rows_all)
    in_an_giang = query(demo_db, "search", q="dang uy", **{**empty, "province": "an-giang"})
    assert in_an_giang and len(in_an_giang) < len(rows_all)
    assert all("an-giang" in (r["province_id"], r["current_province_id"]) for r in in_an_giang)
    since = query(demo_db, "search", q="dang uy", **{**empty, "since": "2025-01-01"})
    assert since and all(r["published_date"] >= "2025-01-01" for r in since)


@pytest.mark.parametrize("q", ["dang uy", "ca mau", "chuyen doi so"])
def test_stored_search_lists_first_the_articles_where_the_words_stand_together(demo_db, q):
    empty = dict(province="", source="", unit="", since="", until="")
    found = [r["id"] for r in query(demo_db, "search", q=q, **empty)]
    together = {
        rowid
        for (rowid,) in rows(
            demo_db, "select rowid from articles_fts where articles_fts match ?", (f'"{q}"',)
        )
    }
    apart = set(found) - together
    assert len(together) >= 5 and apart, "the demo data must have both kinds"
    assert set(found[:5]) <= together
    # quoted, the words must stand together: the phrase's articles and no other
    quoted = query(demo_db, "search", q=f'"{q}"', **empty)
    assert {r["id"] for r in quoted} == together


@pytest.mark.parametrize("q", ["dang uy", "Đảng ủy", '"dang uy"'])
def test_stored_search_snippets_show_the_printed_text_with_every_word_marked(demo_db, q):
    """Typed without diacritics, "dang" matches "Đảng" only in the index's đ-folded copy:
    the snippet must still be the text as printed, with «Đảng» marked as well as «ủy», and
    nothing else marked."""
    empty = dict(province="", source="", unit="", since="", until="")
    found = query(demo_db, "search", q=q, **empty)
    assert found
    for row in found:
        article = get_json(demo_db, f"/dost/articles/{row['id']}.json?_shape=array")[0]
        printed = f"{article['title']}\n{article['body_text']}"
        shown = row["snippet"].replace("«", "").replace("»", "").strip("…")
        assert shown in printed, row["snippet"]
        words = [  # (word folded, marked): «» marks a word, or a whole phrase
            (fold(word), part.startswith("«"))
            for part in re.split(r"(«[^»]*»)", row["snippet"])
            for word in re.findall(r"[^\W_]+", part)
        ]
        assert any(marked for _, marked in words), row["snippet"]
        folded = [word for word, _ in words]
        phrase = {
            j for i in range(len(folded)) if folded[i : i + 2] == ["dang", "uy"] for j in (i, i + 1)
        }
        for i, (word, marked) in enumerate(words):
            matches = i in phrase if q.startswith('"') else word in ("dang", "uy")
            assert marked == matches, (word, row["snippet"])


def test_stored_latest_for_a_current_province_includes_its_former_ones(demo_db):
    rows_ = query(demo_db, "latest", province="an-giang")
    assert {r["source_id"] for r in rows_} == {"an_giang", "kien_giang"}
    dates = [r["published"] for r in rows_ if r["published"]]
    assert dates == sorted(dates, reverse=True)


def test_stored_people_finds_a_director_typed_without_diacritics(demo_db):
    rows_ = query(
        demo_db,
        "people",
        name="le van khe",
        position="giam doc",
        unit="department",
        province="ben-tre",
        year="",
    )
    assert {(r["name"], r["year"]) for r in rows_} == {("Lê Văn Khê", 2017)}


def test_stored_people_lists_a_person_once_per_article_and_position(demo_db):
    found = query(demo_db, "people", name="", position="giam doc", unit="", province="", year="")
    keys = [(r["url"], fold(r["name"]), r["position"], r["unit_id"], r["year"]) for r in found]
    assert found and len(keys) == len(set(keys))
    # the demo data names some directors twice in one article: still one row each
    assert rows(
        demo_db,
        "select count(*) from (select article_id, name_key from people_mentions "
        "where position = 'Giám đốc' group by article_id, name_key, unit_id, year "
        "having count(*) > 1)",
    ) != [(0,)]


def test_stored_documents_finds_the_articles_citing_a_number(demo_db):
    title, _ = seed("002")
    rows_ = query(demo_db, "documents", number="3617/kh-ubnd")
    assert title in {r["title"] for r in rows_}


def test_stored_sources_health_lists_every_source_with_its_last_crawl(demo_db):
    rows_ = query(demo_db, "sources_health")
    assert len(rows_) == len(SOURCES)
    assert all(
        r["articles"] > 0 and r["last_crawl"] and r["finish_reason"] == "finished" for r in rows_
    )


def test_stored_changes_lists_edits_and_removals_newest_first(db_copy):
    edited, removed = edit_and_remove(db_copy)
    changes = query(db_copy, "changes", source="", event="")
    assert [(r["event"], r["article_id"]) for r in changes] == [
        ("removed", removed["id"]),
        ("changed", edited["id"]),
    ]
    removal, edit = changes
    assert (edit["title"], edit["previous_title"], edit["detail"]) == (
        "Tiêu đề đã sửa",
        edited["title"],
        "title",
    )
    assert (removal["detail"], removal["removed_reason"]) == ("http 404", "http 404")
    assert removal["removed_at"] and edit["changed_at"]
    assert query(db_copy, "changes", source="ben_tre", event="") == []
    assert [r["event"] for r in query(db_copy, "changes", source="", event="changed")] == [
        "changed"
    ]


def test_a_snippet_puts_back_the_printed_letters_or_shows_the_fragment_if_out_of_step():
    from plugins.dost_functions import CLOSE, MORE, OPEN, printed_snippet

    printed = "Đồng chí Bí thư Đảng ủy phát biểu."
    fragment = f"{MORE}Bí thư {OPEN}Dảng ủy{CLOSE} phát biểu."  # from the folded column
    assert printed_snippet(fragment, printed) == "…Bí thư «Đảng ủy» phát biểu."
    # the row changed and its index entry did not (yet): the fragment as the index has it,
    # never an error or an empty snippet
    assert printed_snippet(fragment, "Nội dung khác.") == "…Bí thư «Dảng ủy» phát biểu."
    assert printed_snippet(None, printed) is None
