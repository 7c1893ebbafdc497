"""`scrapy extract FILE --url URL`: the article the pipeline would store for a saved page.

When URL's host belongs to a source, that source's spider reads the page (its selectors,
then the generic extractor for what they miss); otherwise the generic extractor alone does,
and the province comes from the host name when it names one. The clean and normalize
pipelines run as in a crawl, and the stored form prints as JSON. Nothing is fetched or
written.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError
from scrapy.http import HtmlResponse
from scrapy.spiderloader import get_spider_loader

from crawlers.extract import extract_article
from crawlers.items import Article
from crawlers.pipelines.clean import clean_article
from crawlers.pipelines.normalize import normalize_article
from crawlers.pipelines.validate import problems
from crawlers.platforms.base import canonical_url
from crawlers.store import ARTICLE_COLUMNS
from normalize.provinces import province_from_host

SHOWN = [*ARTICLE_COLUMNS, "attachments", "unit_mentions", "people_mentions", "doc_refs"]


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False

    def syntax(self) -> str:
        return "FILE --url URL"

    def short_desc(self) -> str:
        return "Print the article the pipeline would store for a saved page, as JSON"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument("--url", required=True, help="the URL the page was saved from")
        parser.add_argument("--encoding", help="the page's encoding when it does not say")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) != 1:
            raise UsageError("give one saved page", print_help=True)
        path = Path(args[0])
        if not path.is_file():
            raise UsageError(f"no such file: {path}", print_help=False)
        assert self.settings is not None
        host = urlsplit(opts.url).netloc.lower()
        spider = self.spider_for(host)
        response = HtmlResponse(
            url=opts.url,
            body=path.read_bytes(),
            encoding=opts.encoding,
            request=Request(opts.url, meta={"listing_date": None}),
        )
        if spider is not None:
            item = next(iter(spider.parse_article(response)))
        else:
            item = self.generic(response, host)
        item = normalize_article(clean_article(item))
        out: dict[str, Any] = {key: item.get(key) for key in SHOWN}
        out["source_id"] = item.get("source_id")
        out["problems"] = problems(item)
        json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        if out["problems"]:
            self.exitcode = 1

    def spider_for(self, host: str) -> Any | None:
        assert self.settings is not None
        loader = get_spider_loader(self.settings)
        for name in loader.list():
            cls = loader.load(name)
            if host in getattr(cls, "hosts", lambda: set())():
                return cls()
        return None

    @staticmethod
    def generic(response: HtmlResponse, host: str) -> Article:
        found = extract_article(response.text, response.url)
        province = province_from_host(host)
        return Article(
            url=canonical_url(response.url),
            source_id=None,
            title_raw=found.title,
            published_raw=found.published_raw,
            published_from="page" if found.published_raw else None,
            byline_raw=None,
            body_html=found.body_html,
            province_raw=province.id if province else None,
            attachments=[],
            extraction={
                k: "fallback"
                for k, v in [
                    ("title", found.title),
                    ("published", found.published_raw),
                    ("body", found.body_html),
                ]
                if v
            },
        )
