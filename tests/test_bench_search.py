"""The search benchmark's generator and database are what it claims (no timing asserted)."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest
from datasette.utils import escape_fts

from bench import search as bench

N = 300


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, dict]:
    db = bench.db_file(tmp_path_factory.mktemp("bench"), N, 7)
    return db, bench.build(db, N, 7, batch=100, quiet=True)


def test_generator_is_deterministic():
    first = [g.record for g in bench.generate(20, 3)]
    assert first == [g.record for g in bench.generate(20, 3)]
    assert first != [g.record for g in bench.generate(20, 4)]


def test_planted_terms_are_in_exactly_their_share(built):
    _, manifest = built
    for term in bench.TERMS:
        if term.share is not None:
            assert manifest["matches"][term.query] == max(1, round(term.share * N)), term


def test_articles_are_spread_over_sources_provinces_and_years(built):
    db, manifest = built
    with sqlite3.connect(db) as conn:
        sources, provinces, first, last = conn.execute(
            "select count(distinct source_id), count(distinct province_id), "
            "min(published_year), max(published_year) from articles"
        ).fetchone()
    assert manifest["articles"] == N
    assert sources > 30 and provinces > 30
    assert first <= 2011 and last >= 2025
    assert 300 < manifest["body_words_mean"] < 1000


@pytest.mark.parametrize("term", bench.TERMS, ids=lambda t: t.query)
def test_search_finds_exactly_the_articles_the_generator_says(built, term):
    db, manifest = built
    expected = {i + 1 for i, g in enumerate(bench.generate(N, 7)) if term.query in g.matches}
    assert len(expected) == manifest["matches"][term.query]
    with sqlite3.connect(db) as conn:
        conn.create_function("escape_fts", 1, escape_fts)
        found = {
            row[0]
            for row in conn.execute(
                "select rowid from articles_fts where articles_fts match escape_fts(?)",
                (term.query,),
            )
        }
    assert found == expected


def test_accented_and_unaccented_queries_find_the_same_articles(built):
    db, _ = built
    measured = asyncio.run(bench.measure(db, repeat=1, terms=bench.TERMS[:3]))
    data = measured["data"]
    typed = {row["id"] for row in data[("table", '"dang uy"')]}
    with sqlite3.connect(db) as conn:
        planted = {
            row[0]
            for row in conn.execute("select id from articles where body_text like '%Đảng ủy%'")
        }
    assert typed == planted and len(planted) == round(0.05 * N)
    # The ranked stored query and the table search find the same planted articles.
    for term in bench.TERMS[:3]:
        ranked = {row["id"] for row in data[("query", term.query)]}
        table = {row["id"] for row in data[("table", term.query)]}
        assert ranked == table
        assert data[("page", term.query)]["filtered_table_rows_count"] == len(table)
