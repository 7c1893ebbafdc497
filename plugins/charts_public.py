"""Datasette plugin: what the public profile says instead of a bare 403 for the charts.

The dashboard (datasette-dashboards) draws each chart from arbitrary SQL, which
`make serve-public` turns off, so `/-/dashboards/...` is forbidden there; its menu link
stays (the plugin adds it unconditionally). A reader who follows it gets a page saying why,
with the views behind the charts, which the public profile serves as tables and JSON.
"""

from __future__ import annotations

from datasette import hookimpl
from datasette.utils.asgi import Response

# The views the charts read (crawlers/store.py VIEWS), with what each shows.
CHART_VIEWS = {
    "articles_per_month": "Bài viết mỗi tháng theo tỉnh / Articles per month by province",
    "province_articles": "Bài viết theo tỉnh, trên bản đồ / Articles by province, on a map",
    "unit_articles": "Đơn vị được nhắc đến nhiều nhất / The units most named",
    "document_citations": "Văn bản được trích dẫn nhiều nhất / The documents most cited",
}


@hookimpl
def forbidden(datasette, request, message):
    if not request.path.startswith("/-/dashboards") or message != "execute-sql denied":
        return None

    async def page() -> Response:
        html = await datasette.render_template(
            "dost-charts-off.html",
            {"views": CHART_VIEWS, "database": datasette.get_database().name},
            request=request,
        )
        return Response.html(html, status=403)

    return page
