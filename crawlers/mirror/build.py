"""Render the mirror's pages from each source's content file and its platform's templates.

`python -m crawlers.mirror.build [SOURCE ...]` reads `data/mirror/_content/<source>.json`:

- `site`: how the site is built: `host` (and `aliases`, other host names answering the same
  pages), `scheme`, `template` (a folder of `crawlers/mirror/templates/`, usually the
  platform), `listing` (`first`: the first page's path; `page`: a path with `{n}` for page
  n ≥ 2, or `{n0}` for n-1; `aliases`: other paths of page 1), `article` (a path with the
  article's fields, e.g. `/tin-tuc/{id}/{slug}`; an article may give its own `path`),
  `article_aliases` (other paths serving each article: print views, `{id}` and `{slug}` as
  above), `per_page`, `robots` (robots.txt text), `chrome` (what the templates print around
  the article: department name, the visit date the header showed, counters, ...),
  `validators` (what the site's server sends for conditional requests: `etag`,
  `last-modified`, both (the default) or none, `[]`, as ASP.NET and SharePoint portals do);
- `articles`: title, `published` (ISO, or null when the page prints no date), body blocks,
  byline lines, attachments, and any field a template or a path uses.

It writes `data/mirror/<host>/` with the `_manifest.json` the mirror server routes by. The
pages are committed; `tests/test_mirror.py` fails when they drift from what this renders.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from crawlers.mirror import MANIFEST, MIRROR_DIR

TEMPLATES = Path(__file__).resolve().parent / "templates"
CONTENT_DIR = MIRROR_DIR / "_content"
WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]
_TOKENS = re.compile(r"(?<![^\W\d_])(?:wdl|WD|wd|yyyy|dd|mm|HH|MM|SS|d|m)(?![^\W\d_])")
DEFAULT_ROBOTS = "User-agent: *\nDisallow: /admin/\nDisallow: /search\n"
DEFAULT_VALIDATORS = ("etag", "last-modified")


@dataclass(frozen=True)
class Site:
    spider: str
    host: str
    scheme: str
    template: str
    listing_first: str
    listing_page: str
    article: str
    listing_aliases: dict[int, list[str]] = field(default_factory=dict)
    article_aliases: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    per_page: int = 4
    robots: str = DEFAULT_ROBOTS
    chrome: dict[str, Any] = field(default_factory=dict)
    validators: tuple[str, ...] = DEFAULT_VALIDATORS

    @classmethod
    def from_spec(cls, spider: str, spec: dict[str, Any]) -> Site:
        listing = spec["listing"]
        return cls(
            spider=spider,
            host=spec["host"],
            scheme=spec.get("scheme", "http"),
            template=spec.get("template", spider),
            listing_first=listing["first"],
            listing_page=listing["page"],
            listing_aliases={int(k): v for k, v in listing.get("aliases", {}).items()},
            article=spec["article"],
            article_aliases=spec.get("article_aliases", []),
            aliases=spec.get("aliases", []),
            per_page=spec.get("per_page", 4),
            robots=spec.get("robots", DEFAULT_ROBOTS),
            chrome=spec.get("chrome", {}),
            validators=tuple(spec.get("validators", DEFAULT_VALIDATORS)),
        )

    @property
    def base_url(self) -> str:
        return f"{self.scheme}://{self.host}"

    def listing_path(self, page: int) -> str:
        if page == 1:
            return self.listing_first
        return self.listing_page.format(n=page, n0=page - 1)

    def article_path(self, article: dict[str, Any]) -> str:
        return article.get("path") or self.article.format(**article)

    def other_article_paths(self, article: dict[str, Any]) -> list[str]:
        return [p.format(**article) for p in self.article_aliases]


def vn_date(value: str | None, pattern: str = "dd/mm/yyyy") -> str:
    """Format an ISO date/datetime the way Vietnamese pages print it.

    Tokens: `dd` `d` `mm` `m` `yyyy` `HH` `MM` `SS` `wd` (weekday, "Thứ Sáu"), `wdl` (lower
    case), `WD` (upper case).
    """
    if not value:
        return ""
    moment = (
        datetime.fromisoformat(value)
        if "T" in value
        else datetime.combine(date.fromisoformat(value), datetime.min.time())
    )
    values = {
        "wdl": WEEKDAYS[moment.weekday()].lower(),
        "WD": WEEKDAYS[moment.weekday()].upper(),
        "wd": WEEKDAYS[moment.weekday()],
        "yyyy": f"{moment.year:04d}",
        "dd": f"{moment.day:02d}",
        "mm": f"{moment.month:02d}",
        "HH": f"{moment.hour:02d}",
        "MM": f"{moment.minute:02d}",
        "SS": f"{moment.second:02d}",
        "d": str(moment.day),
        "m": str(moment.month),
    }
    # One pass, so a weekday's letters ("Thứ Năm") are never read as tokens.
    out = _TOKENS.sub(lambda match: values[match.group(0)], pattern)
    return out


def load_spec(spider: str, content_dir: Path = CONTENT_DIR) -> dict[str, Any]:
    return json.loads((content_dir / f"{spider}.json").read_text(encoding="utf-8"))


def load_sites(content_dir: Path = CONTENT_DIR) -> dict[str, Site]:
    """Every source's site, by spider name."""
    return {
        path.stem: Site.from_spec(path.stem, load_spec(path.stem, content_dir)["site"])
        for path in sorted(content_dir.glob("*.json"))
    }


def load_content(spider: str, content_dir: Path = CONTENT_DIR) -> list[dict[str, Any]]:
    """A site's articles, newest first (by id: undated ones sit among their neighbours)."""
    return sorted(load_spec(spider, content_dir)["articles"], key=lambda a: a["id"], reverse=True)


def build_site(site: Site, out_root: Path, content_dir: Path = CONTENT_DIR) -> int:
    """Render one site into `out_root/<host>/`; returns the number of URLs it answers."""
    env = Environment(
        loader=FileSystemLoader([TEMPLATES / site.template, TEMPLATES / "_shared"]),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["vn_date"] = vn_date
    articles = load_content(site.spider, content_dir)
    for article in articles:
        article["path"] = site.article_path(article)
        article["url"] = site.base_url + article["path"]
    out = out_root / site.host
    if out.exists():
        shutil.rmtree(out)
    (out / "tin").mkdir(parents=True)
    (out / "trang").mkdir()
    pages: dict[str, dict[str, Any]] = {}
    ctx = {"site": site, "chrome": site.chrome, "latest": articles[:5]}

    pages["/robots.txt"] = {"file": "robots.txt"}
    (out / "robots.txt").write_text(site.robots, encoding="utf-8")

    chunks = [articles[i : i + site.per_page] for i in range(0, len(articles), site.per_page)]
    listing_urls = [site.listing_path(n + 1) for n in range(len(chunks))]
    for number, chunk in enumerate(chunks, start=1):
        html = env.get_template("listing.html").render(
            **ctx, articles=chunk, page=number, pages=listing_urls
        )
        name = f"trang/{number}.html"
        (out / name).write_text(html, encoding="utf-8")
        for path in [site.listing_path(number), *site.listing_aliases.get(number, [])]:
            pages[path] = {"file": name}

    for index, article in enumerate(articles):
        others = [a for a in articles if a is not article][:6]
        html = env.get_template("article.html").render(
            **ctx, article=article, others=others, position=index
        )
        name = f"tin/{article['id']}.html"
        (out / name).write_text(html, encoding="utf-8")
        for path in [article["path"], *site.other_article_paths(article)]:
            pages[path] = {"file": name}

    manifest = {
        "host": site.host,
        "aliases": site.aliases,
        "scheme": site.scheme,
        "validators": list(site.validators),
        "pages": pages,
    }
    (out / MANIFEST).write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
        encoding="utf-8",
    )
    return len(pages)


def build(
    out_root: Path = MIRROR_DIR, only: list[str] | None = None, content_dir: Path = CONTENT_DIR
) -> dict[str, int]:
    return {
        name: build_site(site, out_root, content_dir)
        for name, site in load_sites(content_dir).items()
        if not only or name in only
    }


def main() -> None:
    parser = argparse.ArgumentParser(description="Render data/mirror/ from content + templates.")
    parser.add_argument("spiders", nargs="*", help="only these sources (default: all)")
    parser.add_argument("--out", type=Path, default=MIRROR_DIR)
    parser.add_argument(
        "--content", type=Path, default=CONTENT_DIR, help="the content files (a changed copy)"
    )
    args = parser.parse_args()
    for name, count in build(args.out, args.spiders, args.content).items():
        print(f"{name}: {count} URLs")


if __name__ == "__main__":
    main()
