"""Datasette plugin: an article's body reads as paragraphs.

`articles.body_text` keeps paragraphs apart with a blank line and line breaks within one
with "\\n"; this renders them as <p> and <br>, the text itself escaped (nothing from a page
is ever rendered as HTML). The same markup is an SQL function, `html_paragraphs(text)`, for
the Atom feed's entry content (`feed` query in metadata.json).
"""

from __future__ import annotations

from html import escape

from datasette import hookimpl
from markupsafe import Markup


def paragraphs(text: str) -> Markup:
    blocks = [b for b in text.split("\n\n") if b.strip()]
    return Markup(
        "".join(
            "<p>" + "<br>".join(escape(line) for line in b.split("\n")) + "</p>" for b in blocks
        )
    )


def _html_paragraphs(value: object) -> str | None:
    return None if value is None else str(paragraphs(str(value)))


@hookimpl
def prepare_connection(conn):
    conn.create_function("html_paragraphs", 1, _html_paragraphs, deterministic=True)


@hookimpl
def render_cell(value, column, table):
    if table == "articles" and column == "body_text" and isinstance(value, str) and value:
        return paragraphs(value)
    return None
