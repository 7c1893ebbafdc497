"""`scrapy reprocess [SOURCE ...] [--dry-run]`: recompute every article from the raw archive.

For the newest archived copy of each article page (pages that failed validation too), the
source's spider reads the page again and the clean and normalize pipelines run, offline:
no request is sent. Stored articles are updated in place (`last_seen` is left alone: nothing
was seen), pages that now pass validation are added, and the command prints how many
articles changed and which fields. `--dry-run` reports without writing.
"""

from __future__ import annotations

import argparse
import json
import logging
from collections import Counter
from typing import Any

from scrapy import Request
from scrapy.commands import ScrapyCommand
from scrapy.http import HtmlResponse
from scrapy.spiderloader import get_spider_loader

from crawlers.pipelines.clean import clean_article
from crawlers.pipelines.normalize import normalize_article
from crawlers.pipelines.validate import problems
from crawlers.store import ARTICLE_COLUMNS, Store

log = logging.getLogger(__name__)

COMPARED = [c for c in ARTICLE_COLUMNS if c not in ("url", "source_id")]


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False

    def syntax(self) -> str:
        return "[options] [SOURCE ...]"

    def short_desc(self) -> str:
        return "Recompute normalized fields of stored articles from the raw archive, offline"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument("--dry-run", action="store_true", help="report, write nothing")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        assert self.settings is not None
        loader = get_spider_loader(self.settings)
        store = Store(self.settings.get("DOST_DB") or None)
        changed_fields: Counter[str] = Counter()
        outcome: Counter[str] = Counter()
        spiders: dict[str, Any] = {}
        for page in store.pages_to_reprocess(args or None):
            source = page["source_id"]
            if source not in spiders:
                try:
                    spiders[source] = loader.load(source)()
                except KeyError:
                    log.warning("no spider %r any more: %s skipped", source, page["url"])
                    outcome["no spider"] += 1
                    continue
            item = self.reread(spiders[source], store, page)
            if item is None:
                outcome["unreadable"] += 1
                continue
            missing = problems(item)
            if missing:
                log.warning(
                    "still not an article (no %s): %s", " and no ".join(missing), page["url"]
                )
                outcome["invalid"] += 1
                continue
            before = store.article_by_url(item["url"])
            diff = self.differences(before, item)
            changed_fields.update(diff)
            outcome["new" if before is None else "changed" if diff else "unchanged"] += 1
            if not opts.dry_run and (before is None or diff):
                store.upsert_article(dict(item), seen=before is None)
            elif not opts.dry_run:
                store.upsert_article(dict(item), seen=False)  # side tables follow the code
        store.close()
        self.report(outcome, changed_fields, dry_run=opts.dry_run)

    @staticmethod
    def reread(spider: Any, store: Store, page: dict[str, Any]) -> Any:
        headers = json.loads(page["headers"] or "{}")
        body = store.raw_body(page["raw_hash"])
        # The listing's date, when the page prints none, is only in the stored article.
        meta = {"listing_date": page["stored_published_raw"]}
        request = Request(page["url"], meta=meta)
        response = HtmlResponse(
            url=page["url"], body=body, headers=headers, request=request, status=page["status"]
        )
        try:
            items = list(spider.parse_article(response))
        except Exception:
            log.exception("the spider cannot read %s", page["url"])
            return None
        if not items:
            return None
        return normalize_article(clean_article(items[0]))

    @staticmethod
    def differences(before: dict[str, Any] | None, item: Any) -> list[str]:
        if before is None:
            return []
        diff = []
        for column in COMPARED:
            new = item.get(column)
            if isinstance(new, list | dict):
                new = json.dumps(new, ensure_ascii=False)
            old = before.get(column)
            if column == "content_hash" or (old in (None, "") and new in (None, "")):
                continue
            if old != new:
                diff.append(column)
        return diff

    @staticmethod
    def report(outcome: Counter[str], fields: Counter[str], *, dry_run: bool) -> None:
        total = sum(outcome.values())
        verb = "would change" if dry_run else "changed"
        print(f"reprocessed {total} article pages from the raw archive (no network)")
        for key in ("unchanged", "changed", "new", "invalid", "unreadable", "no spider"):
            if outcome[key]:
                label = verb if key == "changed" else key
                print(f"  {label:<12} {outcome[key]}")
        for field, count in fields.most_common():
            print(f"    {field:<22} {count}")
