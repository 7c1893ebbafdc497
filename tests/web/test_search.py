"""Full-text search as a journalist types it: the table's search box and `?_search=`."""

from __future__ import annotations

import urllib.parse

import pytest

from tests.conftest import seed
from tests.web.conftest import fetch, get_json


@pytest.mark.parametrize(
    ("query", "number"),
    [
        ("giao ước thi đua", "001"),
        ("giao uoc thi dua", "001"),
        ("Công đoàn nhiệm kỳ", "004"),
    ],
)
def test_full_text_search_finds_the_seed(demo_db, query, number):
    title, _ = seed(number)
    data = get_json(
        demo_db, "/dost/articles.json?_shape=array&_search=" + urllib.parse.quote(query)
    )
    assert title in [row["title"] for row in data]


def test_articles_open_newest_first(demo_db):
    data = get_json(demo_db, "/dost/articles.json?_shape=array&_size=5")
    dates = [row["published"] for row in data]
    assert dates == sorted(dates, reverse=True) and dates[0]


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
    ],
)
def test_search_without_diacritics_finds_the_same_articles(demo_db, query, accented):
    def ids(q: str) -> set[int]:
        data = get_json(
            demo_db,
            "/dost/articles.json?_shape=array&_col=id&_size=max&_search=" + urllib.parse.quote(q),
        )
        return {row["id"] for row in data}

    expected = ids(accented)
    assert expected, f"{accented!r} finds nothing on the mirror"
    assert ids(query) == expected


def test_search_box_page_shows_the_matches(demo_db):
    response = fetch(demo_db, "/dost/articles?_search=dang+uy")
    assert response.status == 200
    expected = get_json(demo_db, "/dost/articles.json?_search=dang+uy&_size=1")
    assert expected["rows"]
    assert f"{expected['filtered_table_rows_count']} row" in response.text
