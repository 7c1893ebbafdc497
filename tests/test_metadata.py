"""metadata.json documents the database: a table or column without a description fails."""

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
METADATA = json.loads((ROOT / "metadata.json").read_text(encoding="utf-8"))
TABLES = METADATA["databases"]["dost"]["tables"]


def user_tables(store):
    names = store.db.table_names()
    fts = {n for n in names for base in names if n.startswith(f"{base}_fts")}
    return [n for n in names if n not in fts]


def test_every_table_is_described(store):
    for table in user_tables(store):
        assert table in TABLES, f"table {table} missing from metadata.json"
        assert TABLES[table].get("description"), f"table {table} has no description"
        assert TABLES[table].get("title"), f"table {table} has no title"


def test_every_column_is_described(store):
    for table in user_tables(store):
        described = TABLES[table].get("columns", {})
        for column in store.db[table].columns_dict:
            assert described.get(column, "").strip(), f"{table}.{column} is not described"


def test_every_view_and_its_columns_are_described(store):
    for view in store.db.view_names():
        assert TABLES.get(view, {}).get("title"), f"view {view} missing from metadata.json"
        assert TABLES[view].get("description"), f"view {view} has no description"
        for column in store.db[view].columns_dict:
            assert TABLES[view]["columns"].get(column, "").strip(), f"{view}.{column}"


def test_no_description_of_a_column_that_does_not_exist(store):
    for table, spec in TABLES.items():
        actual = set(store.db[table].columns_dict)
        assert set(spec.get("columns", {})) <= actual, table


@pytest.mark.parametrize("key", ["title", "description_html", "license", "source"])
def test_database_has_title_license_and_source(key):
    assert METADATA[key]


def test_articles_table_is_searchable_newest_first_with_facets():
    articles = TABLES["articles"]
    assert articles["sort_desc"] == "published"
    assert articles["fts_table"] == "articles_fts"
    facets = {f if isinstance(f, str) else next(iter(f.values())) for f in articles["facets"]}
    assert {
        "source_id",
        "province_id",
        "current_province_id",
        "published_year",
        "published_month",
        "unit_id",
        "authors",
    } <= facets


@pytest.mark.parametrize(
    "name", ["search", "latest", "people", "documents", "sources_health", "feed", "changes"]
)
def test_stored_queries_are_titled_and_described(name):
    stored = METADATA["databases"]["dost"]["queries"][name]
    assert stored["title"] and stored["description"] and stored["sql"].strip()
