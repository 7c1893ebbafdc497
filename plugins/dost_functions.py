"""Datasette plugin: the project's SQL functions, loaded with `--plugins-dir plugins`.

- `fold(text)` is `normalize.text.fold` (lower case, no diacritics, đ→d, tone placement and
  separators ignored), so a stored query can match names however they are typed:
  `where name_key like '%' || fold(:name) || '%'`.
- `fts_query(text)`: what the stored queries `search` and `feed` ask FTS5 for: the words
  typed (đ read as d, `normalize.text.fold_d`, as in the index's folded copies, where every
  match of a text with đ then is and a snippet can mark them all; quoted as Datasette's
  `escape_fts` quotes them; all required), and the same words
  as a phrase as an alternative, which matches no other article but adds to the bm25()
  rank of those where the words stand together: "dang uy" lists «Đảng ủy» before articles
  with "đăng ký" here and "uy tín" there. Nothing typed matches nothing.
- `printed_snippet(fragment, text)` turns an FTS5 `snippet()` of an đ-folded column of
  `articles_fts` back into the text as printed, highlights kept (see `printed_snippet`).
"""

from __future__ import annotations

import re

from datasette import hookimpl
from datasette.utils import escape_fts

from normalize.text import fold, fold_d

# What the stored query `search` asks snippet() to mark the folded column's fragment with:
# private-use characters, which no page prints, so they cannot be confused with the text.
OPEN, CLOSE, MORE = "\ue000", "\ue001", "\ue002"
MARKS = {OPEN: "«", CLOSE: "»", MORE: "…"}
_WORD = re.compile(r"[^\W_]+")


def _fold(value: object) -> str | None:
    return None if value is None else fold(str(value))


def fts_query(text: str | None) -> str:
    """The FTS5 query for what a reader typed (see the module's docstring).

    A query with quotes already says which words go together, and one word is its own
    phrase: both are only escaped. Words split where the index's unicode61 tokenizer
    splits them, so "KH&CN" is the phrase "KH CN".
    """
    typed = fold_d(text or "")
    words = escape_fts(typed)
    if not words:
        return '""'  # the empty phrase: no error, no match
    phrase = _WORD.findall(typed)
    if '"' in typed or len(phrase) < 2:
        return words
    return f'"{" ".join(phrase)}" OR ({words})'


def printed_snippet(fragment: str | None, text: str | None) -> str | None:
    """A snippet of a folded column, shown in the text as printed.

    `articles_fts` keeps, beside title and body, copies of them with đ folded to d (the
    tokenizer cannot fold it), and "dang uy" matches "Đảng ủy" only there. A snippet of the
    printed body would then mark «ủy» but not «Đảng»; a snippet of the folded body marks
    both, in "Dang". Folding đ changes no length, so the fragment's place in the folded text
    is its place in the printed one: this puts the printed letters back and keeps the marks
    (OPEN/CLOSE/MORE, which become «, » and …).
    """
    if fragment is None:
        return None
    text = text or ""
    plain = fragment.replace(OPEN, "").replace(CLOSE, "").replace(MORE, "")
    at = fold_d(text).find(plain) if plain else -1
    if at < 0:  # the index is out of step with the row: show the fragment as it is
        out = fragment
    else:
        printed = iter(text[at : at + len(plain)])
        out = "".join(ch if ch in MARKS else next(printed) for ch in fragment)
    for mark, shown in MARKS.items():
        out = out.replace(mark, shown)
    return out


@hookimpl
def prepare_connection(conn):
    conn.create_function("fold", 1, _fold, deterministic=True)
    conn.create_function("fts_query", 1, fts_query, deterministic=True)
    conn.create_function("printed_snippet", 2, printed_snippet, deterministic=True)
