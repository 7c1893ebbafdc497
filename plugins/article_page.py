"""Datasette plugin: what the article templates need besides the row itself.

`templates/_table-dost-articles.html` lists articles as readable entries,
`templates/query-dost-search.html` the matches of the stored query `search`, and
`templates/row-dost-articles.html` shows one article as a page. This gives them filters
(`cells`: a row's cells by column; `json_list`; `marked`: a snippet's «matches» as <mark>),
the names of provinces, sources and units
and, on an article's page, the rows that hang off it:
attachments, the other URLs it was seen under, the documents it cites, the people it names
with their positions.
"""

from __future__ import annotations

import json
import re
from typing import Any

from datasette import hookimpl
from datasette.utils import path_with_removed_args, path_with_replaced_args
from markupsafe import Markup, escape

RELATED = {
    "attachments": "select url, file_name, type, text from attachments "
    "where article_id = :id order by id",
    "other_urls": "select url, first_seen from article_urls "
    "where article_id = :id and url != (select url from articles where id = :id) order by url",
    "doc_refs": "select type, number, issuer, date, min(text) as text from doc_refs "
    "where article_id = :id group by type, number, issuer, date order by min(start)",
    "people": "select name, group_concat(distinct position_text) as positions "
    "from people_mentions where article_id = :id group by name_key order by min(start)",
}

_MATCH = re.compile(r"«([^«»]*)»")
_WORD = re.compile(r"[^\W_]")

# Names for the ids an article row holds (small tables, read on each page).
NAMES = {
    "provinces": "select id, name from provinces",
    "sources": "select id, name from sources",
    "units": "select id, name from units",
}


def cells(row: Any) -> dict[str, dict[str, Any]]:
    """A display row's cells by column name (`row|cells` in a template)."""
    return {cell["column"]: cell for cell in row}


def marked(snippet: Any) -> Markup:
    """A search snippet as HTML: the text escaped, each «match» in <mark> (a « or » the
    page itself printed, unpaired, stays as it is)."""
    escaped = str(escape("" if snippet is None else snippet))
    return Markup(_MATCH.sub(r"<mark>\1</mark>", escaped))


def json_list(value: Any) -> list[Any]:
    """A JSON array column (`authors`) as a list; anything else as an empty list."""
    try:
        parsed = json.loads(value) if isinstance(value, str) else value
    except ValueError:
        return []
    return parsed if isinstance(parsed, list) else []


@hookimpl
def prepare_jinja2_environment(env) -> None:
    env.filters["cells"] = cells
    env.filters["json_list"] = json_list
    env.filters["marked"] = marked


@hookimpl
def extra_template_vars(template, view_name, table, database, request, datasette):
    search_page = template == "query-dost-search.html"
    if request is None or not (
        search_page or (table == "articles" and view_name in ("table", "row"))
    ):
        return {}

    async def variables() -> dict[str, Any]:
        db = datasette.get_database(database)
        names = {}
        for kind, sql in NAMES.items():
            names[kind] = {row[0]: row[1] for row in (await db.execute(sql)).rows}
        found: dict[str, list[dict[str, Any]]] = {}
        if view_name == "row":
            article_id = request.url_vars.get("pks")
            for name, sql in RELATED.items():
                result = await db.execute(sql, {"id": article_id})
                found[name] = [dict(r) for r in result.rows]
        views = {}
        if search_page:  # the list of matches, or Datasette's table of them
            views = {
                "as_table": datasette.urls.path(
                    path_with_replaced_args(request, {"_dost_table": "1"})
                ),
                "as_list": datasette.urls.path(path_with_removed_args(request, {"_dost_table"})),
                # a word typed, not only spaces and quotes: otherwise a hint, not "0 articles"
                "searched": bool(_WORD.search(request.args.get("q") or "")),
            }
        return {"names": names, "related": found, "views": views}

    return variables
