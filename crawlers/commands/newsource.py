"""`scrapy newsource SLUG URL --platform P`: write the three files of a new source.

- `spiders/<slug>.py`: a data-only spider on the platform's base, its docstring sections to
  fill in (Department, Website, Platform, Evidence, Notes);
- `tests/spiders/test_<slug>.py`: a test of one saved article's fields, failing until its
  expected values are filled in;
- `data/mirror/_content/<slug>.json`: the mirror's site block (host and first listing page
  from URL) and no articles yet: the generic test over every source fails until the site's
  URL shapes and at least five articles are written and `make mirror-build` renders them.

URL is the real first page of the department's news listing. The province is guessed from
the host (or the slug) and can be given with `--province`; `--legacy` marks the archive of
a former province's site.
"""

from __future__ import annotations

import argparse
import inspect
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

from crawlers.platforms.base import NewsSpider
from normalize.provinces import find_province, province_from_host, provinces

ROOT = Path(__file__).resolve().parents[2]


def platforms() -> dict[str, type[NewsSpider]]:
    """platform name -> base class, from the modules of crawlers/platforms/."""
    import importlib
    import pkgutil

    import crawlers.platforms as package

    found: dict[str, type[NewsSpider]] = {}
    for info in pkgutil.iter_modules(package.__path__):
        if info.name == "base":
            continue
        module = importlib.import_module(f"crawlers.platforms.{info.name}")
        # In definition order: a family's base comes before its variants.
        for cls in vars(module).values():
            if (
                inspect.isclass(cls)
                and issubclass(cls, NewsSpider)
                and cls.__module__ == module.__name__
                and cls.platform
                and not getattr(cls, "name", None)
            ):
                found.setdefault(cls.platform, cls)
    return found


SPIDER = '''from {module} import {base}


class {cls}({base}):
    """
    Department:
        {department} (TODO: the department's name in English and its history).
    Website:
        {homepage}, news section TODO.
    Platform:
        {platform}: TODO (URL shapes of listings and articles).
    Evidence:
        TODO: "seen in public pages" (where) or "assumed" (what and why).
    Notes:
        TODO: dates, bylines, boilerplate and traps of this site.
    """

    name = "{slug}"
    department = "{department}"
    province = "{province}"
    homepage = "{homepage}"
    legacy = {legacy}
    evidence = "TODO: seen in public pages (...) / assumed (...)"
    start_urls = ["{url}"]
'''

TEST = '''"""{slug}: one saved article's fields. Fill in ARTICLE_URL (a page of the mirror) and
EXPECTED from what that page shows; the test fails until then."""

from scrapy.http import Request
from scrapy.utils.test import get_crawler

from crawlers.pipelines.clean import clean_article
from crawlers.pipelines.normalize import normalize_article
from spiders.{slug} import {cls}
from tests.conftest import mirror_response

ARTICLE_URL = ""  # TODO
EXPECTED = {{
    "title": None,  # TODO: the headline as printed
    "published_date": None,  # TODO: YYYY-MM-DD, or "" when the page prints no date
    "first_paragraph": None,  # TODO: the body's first paragraph
    "authors": None,  # TODO: ["Name", ...] or []
}}


def test_article_fields():
    missing = [key for key, value in EXPECTED.items() if value is None]
    assert ARTICLE_URL and not missing, f"fill in ARTICLE_URL and {{missing}}"
    spider = get_crawler({cls})._create_spider()
    response = mirror_response(ARTICLE_URL)
    response.request = Request(ARTICLE_URL, meta={{"listing_date": None}})
    item = normalize_article(clean_article(next(iter(spider.parse_article(response)))))
    assert item["title"] == EXPECTED["title"]
    assert (item["published_date"] or "") == EXPECTED["published_date"]
    assert item["body_text"].startswith(EXPECTED["first_paragraph"])
    assert item["authors"] == EXPECTED["authors"]
'''


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False

    def syntax(self) -> str:
        return "SLUG URL --platform PLATFORM [--province ID] [--legacy]"

    def short_desc(self) -> str:
        return "Write a new source's spider, test and mirror stub"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument("--platform", required=True, help="CMS family")
        parser.add_argument("--province", help="province id (default: guessed from the host)")
        parser.add_argument("--legacy", action="store_true", help="a former province's site")
        parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) != 2:
            raise UsageError("give SLUG and URL", print_help=True)
        slug, url = args
        if not re.fullmatch(r"[a-z][a-z0-9_]*", slug):
            raise UsageError("SLUG is lower-case ASCII with underscores (cao_bang)")
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise UsageError(f"not an http(s) URL: {url}")
        known = platforms()
        if opts.platform not in known:
            raise UsageError(
                f"unknown platform {opts.platform!r}; one of: {', '.join(sorted(known))}"
            )
        province = self.province(opts.province, parts.netloc, slug)
        root: Path = opts.root
        files = {
            root / "spiders" / f"{slug}.py": self.spider(
                slug, url, known[opts.platform], province, opts.legacy
            ),
            root / "tests" / "spiders" / f"test_{slug}.py": TEST.format(
                slug=slug, cls=self.class_name(slug)
            ),
            root / "data" / "mirror" / "_content" / f"{slug}.json": self.content(
                slug, url, opts.platform
            ),
        }
        existing = [str(path) for path in files if path.exists()]
        if existing:
            raise UsageError(f"already there: {', '.join(existing)}")
        for path, text in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(root)}")
        print(
            "next: fill in the TODOs, write the site's URL shapes and >= 5 articles in the "
            "content file, run `make mirror-build`, then `make test`."
        )

    @staticmethod
    def class_name(slug: str) -> str:
        return "".join(part.capitalize() for part in slug.split("_")) + "Spider"

    @staticmethod
    def province(given: str | None, host: str, slug: str) -> str:
        if given:
            if given not in provinces():
                raise UsageError(f"unknown province id {given!r}")
            return given
        found = province_from_host(host) or find_province(slug.replace("_", " "))
        if found is None:
            raise UsageError("cannot tell the province from the host or slug: give --province")
        return found.id

    def spider(
        self, slug: str, url: str, base: type[NewsSpider], province: str, legacy: bool
    ) -> str:
        unit = provinces()[province]
        prefix = "thành phố" if unit.kind == "thành phố" else "tỉnh"
        parts = urlsplit(url)
        return SPIDER.format(
            module=base.__module__,
            base=base.__name__,
            cls=self.class_name(slug),
            slug=slug,
            department=f"Sở Khoa học và Công nghệ {prefix} {unit.name}",
            province=province,
            homepage=f"{parts.scheme}://{parts.netloc}/",
            platform=base.platform,
            url=url,
            legacy=legacy,
        )

    @staticmethod
    def content(slug: str, url: str, platform: str) -> str:
        parts = urlsplit(url)
        first = parts.path + (f"?{parts.query}" if parts.query else "")
        spec = {
            "spider": slug,
            "site": {
                "host": parts.netloc,
                "aliases": [],
                "scheme": parts.scheme,
                "template": platform,
                "listing": {"first": first, "page": "TODO: path of page {n}"},
                "article": "TODO: path of an article, e.g. /tin-tuc/{id}/{slug}",
                "per_page": 3,
                "dates": "TODO: article | listing | none",
                "chrome": {"visit": "TODO: YYYY-MM-DD"},
            },
            "articles": [],
        }
        return json.dumps(spec, ensure_ascii=False, indent=2) + "\n"
