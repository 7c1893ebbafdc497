"""The mirror: saved pages of every source's site, served on loopback by host name.

Layout: `data/mirror/<host>/_manifest.json` lists the URLs a host answers (path and query as
the site prints them) and the file, status and headers of each; the files sit beside it.
`MirrorServer` answers a request by its `Host` header and exact path+query, so the spiders
keep the real URLs: `crawlers.mirror.handler` sends their requests here when `DOST_MIRROR`
is set. A URL the manifest does not list (or whose file is gone) answers 404, like a live
site; an entry may give another status (410 for a page deleted on purpose).

Conditional requests, as a real server answers them: a manifest's `validators` lists what
the site sends with each page, `etag` (a hash of the file's bytes, so any edit changes it)
and/or `last-modified` (the file's modification time); a request whose `If-None-Match`
(or, without one, `If-Modified-Since`) matches gets `304 Not Modified` and no body. Sites
whose CMS sends no validators (ASP.NET portals, SharePoint) have none and always answer 200.
Files are read on each request, so a test can edit a copy of the mirror while it is served.

Run it alone with `python -m crawlers.mirror [--port 8765]`.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from dataclasses import dataclass, field
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

log = logging.getLogger(__name__)

MIRROR_DIR = Path(__file__).resolve().parents[2] / "data" / "mirror"
MANIFEST = "_manifest.json"


@dataclass(frozen=True)
class Page:
    file: Path | None
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    validators: tuple[str, ...] = ()  # "etag", "last-modified": what the site sends


class MirrorSites:
    """Every host's manifest, loaded once: host -> {path?query -> Page}."""

    def __init__(self, root: Path = MIRROR_DIR) -> None:
        self.root = root
        self.hosts: dict[str, dict[str, Page]] = {}
        for manifest in sorted(root.glob(f"*/{MANIFEST}")):
            self._load(manifest)

    def _load(self, manifest: Path) -> None:
        spec = json.loads(manifest.read_text(encoding="utf-8"))
        pages: dict[str, Page] = {}
        validators = tuple(spec.get("validators", ()))
        for target, entry in spec["pages"].items():
            file = manifest.parent / entry["file"] if entry.get("file") else None
            pages[target] = Page(
                file=file,
                status=entry.get("status", 200),
                headers=entry.get("headers", {}),
                validators=validators,
            )
        for host in [spec["host"], *spec.get("aliases", [])]:
            self.hosts[host.lower()] = pages

    def lookup(self, host: str, target: str) -> Page | None:
        pages = self.hosts.get(host.lower().split(":")[0])
        if pages is None:
            return None
        return pages.get(target)


NOT_FOUND = (
    b"<!DOCTYPE html><html><head><meta charset='utf-8'><title>404 - Not Found</title></head>"
    b"<body><h1>404 - Kh\xc3\xb4ng t\xc3\xacm th\xe1\xba\xa5y trang</h1></body></html>"
)


def _handler_class(sites: MirrorSites) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "Microsoft-IIS/8.5"
        sys_version = ""

        def do_GET(self) -> None:
            self._answer(send_body=True)

        def do_HEAD(self) -> None:
            self._answer(send_body=False)

        def _answer(self, *, send_body: bool) -> None:
            # Absolute-form targets (a proxy-style request line) carry the host themselves.
            target = self.path
            host = self.headers.get("Host", "")
            if target.startswith(("http://", "https://")):
                parts = urlsplit(target)
                host = parts.netloc
                target = parts.path + (f"?{parts.query}" if parts.query else "")
            page = sites.lookup(host, target)
            if page is not None and page.file is not None and not page.file.is_file():
                page = None  # the file was deleted: the page is gone
            if page is None or page.file is None:
                status = page.status if page else 404
                body = NOT_FOUND if status >= 400 else b""
                headers = dict(page.headers) if page else {}
                headers.setdefault("Content-Type", "text/html; charset=utf-8")
            else:
                status, headers = page.status, dict(page.headers)
                body = page.file.read_bytes()
                headers.setdefault("Content-Type", _content_type(page.file))
                if status == 200 and page.validators:
                    headers.update(_validators(page, body))
                    if _not_modified(self.headers, headers):
                        self.send_response(304)
                        for name in ("ETag", "Last-Modified"):
                            if name in headers:
                                self.send_header(name, headers[name])
                        self.end_headers()
                        return
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if send_body:
                self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            log.debug("mirror: " + format, *args)

    return Handler


def _validators(page: Page, body: bytes) -> dict[str, str]:
    """The ETag and Last-Modified a site sends with a page, as its manifest says it does."""
    assert page.file is not None
    out = {}
    if "etag" in page.validators:
        out["ETag"] = '"' + hashlib.sha256(body).hexdigest()[:20] + '"'
    if "last-modified" in page.validators:
        out["Last-Modified"] = formatdate(page.file.stat().st_mtime, usegmt=True)
    return out


def _not_modified(request: Any, sent: dict[str, str]) -> bool:
    """Whether a request's validators match the page (RFC 9110 §13.2.2: If-None-Match
    first; If-Modified-Since only without it)."""
    if_none_match = request.get("If-None-Match")
    if if_none_match is not None:
        if "ETag" not in sent:
            return False
        tags = {t.strip().removeprefix("W/") for t in if_none_match.split(",")}
        return "*" in tags or sent["ETag"] in tags
    if_modified_since = request.get("If-Modified-Since")
    if if_modified_since is None or "Last-Modified" not in sent:
        return False
    try:
        return parsedate_to_datetime(sent["Last-Modified"]) <= parsedate_to_datetime(
            if_modified_since
        )
    except (TypeError, ValueError):
        return False


def _content_type(path: Path) -> str:
    return {
        ".html": "text/html; charset=utf-8",
        ".txt": "text/plain; charset=utf-8",
        ".pdf": "application/pdf",
        ".doc": "application/msword",
        ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".xls": "application/vnd.ms-excel",
        ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".jpg": "image/jpeg",
    }.get(path.suffix.lower(), "application/octet-stream")


class MirrorServer:
    """The mirror on 127.0.0.1, in a background thread. Port 0 picks a free port.

    >>> with MirrorServer() as mirror:  # doctest: +SKIP
    ...     mirror.url  # 'http://127.0.0.1:41234'
    """

    def __init__(self, root: Path = MIRROR_DIR, host: str = "127.0.0.1", port: int = 0) -> None:
        self.sites = MirrorSites(root)
        self.httpd = ThreadingHTTPServer((host, port), _handler_class(self.sites))
        self.httpd.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> MirrorServer:
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self) -> MirrorServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
