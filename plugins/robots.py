"""Datasette plugin: a deliberate /robots.txt.

Article and table pages are public information journalists find through search engines, so
they may be indexed; searches, facets, exports and JSON are generated per request and cost
the server, so robots are asked to stay out of them.
"""

from __future__ import annotations

from datasette import hookimpl
from datasette.utils.asgi import Response

ROBOTS = """User-agent: *
Disallow: /*?
Disallow: /*.json
Disallow: /*.csv
Disallow: /-/
Disallow: /dost/search
Disallow: /dost.db
Allow: /
"""


async def robots_txt() -> Response:
    return Response.text(ROBOTS)


@hookimpl
def register_routes():
    return [(r"^/robots\.txt$", robots_txt)]
