"""Datasette plugin: the project's matching key as an SQL function.

`fold(text)` is `normalize.text.fold` (lower case, no diacritics, đ→d, tone placement and
separators ignored), so a stored query can match names however they are typed:
`where name_key like '%' || fold(:name) || '%'`. Loaded with `--plugins-dir plugins`.
"""

from __future__ import annotations

from datasette import hookimpl

from normalize.text import fold


def _fold(value: object) -> str | None:
    return None if value is None else fold(str(value))


@hookimpl
def prepare_connection(conn):
    conn.create_function("fold", 1, _fold, deterministic=True)
