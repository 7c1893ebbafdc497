"""Render the mirror's pages from article content and each site's templates.

`python -m crawlers.mirror.build` reads `data/mirror/_content/<spider>.json` (the articles:
title, publication time, body blocks, byline lines, attachments) and renders them with
`crawlers/mirror/templates/<spider>/` (the site's CMS markup and boilerplate) into
`data/mirror/<host>/`, with the `_manifest.json` the mirror server routes by. The pages are
committed; `tests/test_mirror.py` fails when they drift from what this script renders.

A site's URL shapes, page size and chrome (the visit date its header printed when the pages
were saved, its counters) live in `SITES` below; its markup lives in its templates.
"""

from __future__ import annotations

import argparse
import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from crawlers.mirror import MANIFEST, MIRROR_DIR

TEMPLATES = Path(__file__).resolve().parent / "templates"
CONTENT_DIR = MIRROR_DIR / "_content"
WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]


@dataclass(frozen=True)
class Site:
    spider: str
    host: str
    scheme: str
    article_path: Callable[[dict[str, Any]], str]
    listing_path: Callable[[int], str]
    per_page: int = 4
    # Extra URLs answering the same listing page: {page number: [path, ...]}.
    listing_aliases: Callable[[int], list[str]] = lambda page: []
    chrome: dict[str, Any] = field(default_factory=dict)


def _ben_tre_listing(page: int) -> str:
    base = "/chuyen-muc/57/tin-hoat-dong-cua-so"
    return base if page == 1 else f"{base}/{page}"


def _kien_giang_listing(page: int) -> str:
    return "/cac-tin-tuc-khac" if page == 1 else f"/cac-tin-tuc-khac?page={page}"


def _cao_bang_listing(page: int) -> str:
    base = "/index.php?language=vi&nv=news&op=Khoa-hoc-cong-nghe"
    return base if page == 1 else f"{base}/page-{page}"


def _hai_phong_listing(page: int) -> str:
    base = "/Portal/Default.aspx?Organization=SKHCN&MenuID=19125"
    return base if page == 1 else f"{base}&CurrentPage={page}"


SITES: dict[str, Site] = {
    site.spider: site
    for site in [
        Site(
            spider="ben_tre",
            host="dost-bentre.gov.vn",
            scheme="http",
            article_path=lambda a: f"/tin-tuc/{a['id']}/{a['slug']}",
            listing_path=_ben_tre_listing,
            listing_aliases=lambda page: (
                ["/chuyen-muc/57/tin-hoat-dong-cua-so/1"] if page == 1 else []
            ),
            chrome={"visit": "2026-11-21", "visitors": "1.274.318", "online": "37"},
        ),
        Site(
            spider="kien_giang",
            host="skhcn.kiengiang.gov.vn",
            scheme="http",
            article_path=lambda a: f"/cac-tin-tuc-khac/chitiet/{a['id']}/{a['slug']}",
            listing_path=_kien_giang_listing,
            chrome={"visit": "2026-11-20", "visitors": "2.118.457", "online": "12"},
        ),
        Site(
            spider="cao_bang",
            host="khcncaobang.gov.vn",
            scheme="http",
            article_path=lambda a: (
                f"/index.php?language=vi&nv=news&op=Khoa-hoc-cong-nghe/{a['slug']}"
            ),
            listing_path=_cao_bang_listing,
            chrome={"visit": "2026-11-21"},
        ),
        Site(
            spider="hai_phong",
            host="www.haiphong.gov.vn",
            scheme="http",
            article_path=lambda a: (
                f"/Portal/Detail.aspx?Organization=SKHCN&MenuID=19125&ContentID={a['id']}"
            ),
            listing_path=_hai_phong_listing,
            chrome={"visit": "2026-11-19", "visitors": "57,998", "online": "242"},
        ),
    ]
}


def vn_date(value: str | None, pattern: str = "dd/mm/yyyy") -> str:
    """Format an ISO date/datetime the way Vietnamese pages print it.

    Tokens: `dd` `d` `mm` `m` `yyyy` `HH` `MM` `wd` (weekday, "Thứ Sáu"), `wdl` (lower case).
    """
    if not value:
        return ""
    moment = (
        datetime.fromisoformat(value)
        if "T" in value
        else datetime.combine(date.fromisoformat(value), datetime.min.time())
    )
    out = pattern
    for token, text in [
        ("wdl", WEEKDAYS[moment.weekday()].lower()),
        ("wd", WEEKDAYS[moment.weekday()]),
        ("yyyy", f"{moment.year:04d}"),
        ("dd", f"{moment.day:02d}"),
        ("mm", f"{moment.month:02d}"),
        ("HH", f"{moment.hour:02d}"),
        ("MM", f"{moment.minute:02d}"),
        ("d", str(moment.day)),
        ("m", str(moment.month)),
    ]:
        out = out.replace(token, text)
    return out


def load_content(spider: str, content_dir: Path = CONTENT_DIR) -> list[dict[str, Any]]:
    """A site's articles, newest first (undated ones by id, among their neighbours)."""
    spec = json.loads((content_dir / f"{spider}.json").read_text(encoding="utf-8"))
    return sorted(spec["articles"], key=lambda a: a["id"], reverse=True)


def build_site(site: Site, out_root: Path, content_dir: Path = CONTENT_DIR) -> int:
    """Render one site into `out_root/<host>/`; returns the number of URLs it answers."""
    env = Environment(
        loader=FileSystemLoader([TEMPLATES / site.spider, TEMPLATES]),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["vn_date"] = vn_date
    articles = load_content(site.spider, content_dir)
    for article in articles:
        article["path"] = site.article_path(article)
    out = out_root / site.host
    if out.exists():
        shutil.rmtree(out)
    (out / "tin").mkdir(parents=True)
    (out / "trang").mkdir()
    pages: dict[str, dict[str, Any]] = {}
    ctx = {"site": site, "chrome": site.chrome, "latest": articles[:5]}

    pages["/robots.txt"] = {"file": "robots.txt"}
    (out / "robots.txt").write_text(
        "User-agent: *\nDisallow: /admin/\nDisallow: /search\n", encoding="utf-8"
    )

    listing_pages = [
        articles[i : i + site.per_page] for i in range(0, len(articles), site.per_page)
    ]
    listing_urls = [site.listing_path(n + 1) for n in range(len(listing_pages))]
    for number, chunk in enumerate(listing_pages, start=1):
        html = env.get_template("listing.html").render(
            **ctx, articles=chunk, page=number, pages=listing_urls
        )
        name = f"trang/{number}.html"
        (out / name).write_text(html, encoding="utf-8")
        for path in [site.listing_path(number), *site.listing_aliases(number)]:
            pages[path] = {"file": name}

    for index, article in enumerate(articles):
        others = [a for a in articles if a is not article][:6]
        html = env.get_template("article.html").render(
            **ctx, article=article, others=others, position=index
        )
        name = f"tin/{article['id']}.html"
        (out / name).write_text(html, encoding="utf-8")
        pages[article["path"]] = {"file": name}

    manifest = {"host": site.host, "scheme": site.scheme, "pages": pages}
    (out / MANIFEST).write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
        encoding="utf-8",
    )
    return len(pages)


def build(out_root: Path = MIRROR_DIR, only: list[str] | None = None) -> dict[str, int]:
    return {
        name: build_site(site, out_root) for name, site in SITES.items() if not only or name in only
    }


def main() -> None:
    parser = argparse.ArgumentParser(description="Render data/mirror/ from content + templates.")
    parser.add_argument("spiders", nargs="*", help="only these sites (default: all)")
    parser.add_argument("--out", type=Path, default=MIRROR_DIR)
    args = parser.parse_args()
    for name, count in build(args.out, args.spiders).items():
        print(f"{name}: {count} URLs")


if __name__ == "__main__":
    main()
