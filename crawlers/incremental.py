"""Incremental crawling: what a run of a source asks its site, given what the store knows.

Each run of a source has a mode (`crawls.mode`, stat `dost/mode`):

- `full`: no complete walk of the source is recorded yet (its first run, or every earlier
  one was cut short): every listing page is walked and every article fetched;
- `incremental`, the default once a full walk completed: the listing is read from its first
  page, and the next page is followed only while a page brings an article URL the store does
  not know. New articles are fetched; the known ones on the pages walked are asked again
  with the validators of their last answer (If-None-Match / If-Modified-Since), so an edit
  is caught and a `304 Not Modified` costs no body. A site that sends no validators answers
  those with the whole page; the content hash then says "unchanged";
- `backfill` (setting `DOST_BACKFILL`, `scrapy crawlall --backfill`): the full walk again,
  every article asked again (conditionally): it finds edits and removals deeper in the archive
  than an incremental run looks.

A walk is complete when it was not incremental, not cut by `DOST_MAX_PAGES`, and every
listing page it asked for answered with article links. One whose pager also led to an empty
page or to a page that is gone (404/410: a "next" link past the last page) walked to the
end all the same: the next run is incremental, but nothing is removed as "unlisted" on its
word (crawls.walked, crawls.complete). A listing page that failed otherwise (5xx, timeout)
may hide the pages behind it: such a walk is neither, and the next run walks in full again.

Validators are a cache: they are sent only while the source's health is ok. When its last
crawl was judged degraded or failing (crawlers/health.py: a redesign, broken pages), the
articles are asked for in full, so that the next crawl reads what the site shows now (a
Last-Modified date need not move when only a site's templates changed).

Articles are never deleted; one gone from its site gets `removed_at` and `removed_reason`:

- its page answers 404 or 410 ("http 404"); a later 200 or 304 restores it;
- when the listing walk is over, the stored articles that a walked page linked last time and
  no walked page links now (they moved to a deeper page, or are gone) are asked again: a
  404/410 removes them. After a complete walk every stored article no page linked is asked
  again, and one that still answers but was not linked in the previous complete walk either
  is removed as "unlisted" (restored when a listing links it again). A complete walk that
  linked fewer articles than it missed is taken for a broken listing (a redesign): nothing
  is removed as unlisted then, and a warning says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from w3lib.url import canonicalize_url

from crawlers.store import Store

# Answers an article request handles itself (Scrapy drops other non-2xx responses).
ARTICLE_STATUSES = [304, 404, 410]
# Answers a listing page that a pager linked handles itself: the page does not exist.
LISTING_GONE = [404, 410]
MODES = ("full", "incremental", "backfill")


def conditional_headers(known: dict[str, Any] | None) -> dict[str, str]:
    """The validators of an article's last answer, as a conditional request sends them."""
    headers = {}
    if known and known.get("etag"):
        headers["If-None-Match"] = known["etag"]
    if known and known.get("last_modified"):
        headers["If-Modified-Since"] = known["last_modified"]
    return headers


@dataclass(frozen=True)
class Recheck:
    """A stored article to ask again once the listing walk is over."""

    article_id: int
    url: str
    headers: dict[str, str]
    unlisted_twice: bool  # still answering means: removed as "unlisted"


class Walk:
    """One run's walk of a source's listing: what it knows, what it linked, what it asked.

    `memo` holds what the run has seen so far (a plain dict: with `JOBDIR`, the spider's
    persisted `state`, so a resumed run remembers the pages it walked before stopping).
    """

    def __init__(
        self,
        mode: str = "full",
        known: dict[str, dict[str, Any]] | None = None,
        memo: dict[str, Any] | None = None,
        *,
        conditional: bool = True,
    ) -> None:
        assert mode in MODES
        self.mode = mode
        self.known = known or {}
        self.conditional = conditional
        self.memo = memo if memo is not None else {}
        self.linked: dict[str, str] = self.memo.setdefault("linked", {})  # URL -> listing
        self.walked: list[str] = self.memo.setdefault("walked", [])  # listing pages read
        self.requested: set[str] = self.memo.setdefault("requested", set())
        self.answered: set[str] = self.memo.setdefault("answered", set())
        self.memo.setdefault("truncated", False)
        self.memo.setdefault("empty_pages", 0)
        self.memo.setdefault("gone_pages", 0)

    @classmethod
    def load(
        cls, store: Store, source_id: str, *, backfill: bool, memo: dict[str, Any] | None = None
    ) -> Walk:
        if backfill:
            mode = "backfill"
        elif store.last_walk_to_the_end(source_id) is not None:
            mode = "incremental"
        else:
            mode = "full"
        health = (store.source_health(source_id) or {}).get("health")
        return cls(mode, store.known_articles(source_id), memo, conditional=health in (None, "ok"))

    @property
    def incremental(self) -> bool:
        return self.mode == "incremental"

    def article(self, url: str) -> dict[str, Any] | None:
        """What the store knows of the article at this URL (canonical or another one)."""
        return self.known.get(url)

    def headers(self, known: dict[str, Any] | None) -> dict[str, str]:
        """The conditional headers to ask for a known article with (none while the source
        is not healthy)."""
        return conditional_headers(known) if self.conditional else {}

    # -- listing pages ------------------------------------------------------------------

    def ask_listing(self, url: str) -> bool:
        """Note a listing page to request; False when this run asked for it already."""
        key = canonicalize_url(url)
        if key in self.requested:
            return False
        self.requested.add(key)
        return True

    def listing_read(self, url: str, entries: int) -> None:
        self.answered.add(canonicalize_url(url))
        self.walked.append(url)
        if not entries:
            self.memo["empty_pages"] += 1

    def listing_gone(self, url: str) -> None:
        """A listing page the pager linked answered 404 or 410: there is nothing behind it."""
        self.answered.add(canonicalize_url(url))
        self.memo["gone_pages"] += 1

    def link(self, url: str, listing: str) -> bool:
        """Note that a listing page links an article; True the first time in this run."""
        if url in self.linked:
            return False
        self.linked[url] = listing
        return True

    def truncate(self) -> None:
        """`DOST_MAX_PAGES` stopped the walk."""
        self.memo["truncated"] = True

    def next_pages(self, links: list[str], *, entries: int, fresh: int, new: int) -> list[str]:
        """The listing pages to follow from a page whose pagination links are `links`, given
        how many articles it lists (`entries`), how many of them it linked first in this run
        (`fresh`) and how many of those the store does not know (`new`).

        A full walk or a backfill follows every link. An incremental walk follows only the
        first link it has not asked for yet (the next page, in the order pagers print them)
        while a page brings new articles; a page that only repeats this run's links (page 1
        under a second URL) is passed through the same way. A page with links, all known,
        ends the walk, and so does an empty page.
        """
        if not self.incremental:
            return links
        if new or (entries and not fresh):
            for url in links:
                if canonicalize_url(url) not in self.requested:
                    return [url]
        return []

    @property
    def walked_to_the_end(self) -> bool:
        """Not incremental, not cut short, every listing page asked for answered (or gone),
        and some of them listed articles."""
        return (
            not self.incremental
            and not self.memo["truncated"]
            and bool(self.requested)
            and self.requested <= self.answered
            and len(self.walked) > self.memo["empty_pages"]
        )

    @property
    def complete(self) -> bool:
        return (
            self.walked_to_the_end and not self.memo["empty_pages"] and not self.memo["gone_pages"]
        )

    # -- when the walk is over -----------------------------------------------------------

    def rechecks(
        self, store: Store, source_id: str, crawl_id: int | None, log: Any = None
    ) -> list[Recheck]:
        """Record which articles this run's listing linked; return those to ask again: the
        ones no walked page links any more (see the module docstring)."""
        linked = store.mark_listed(source_id, self.linked, crawl_id)
        previous = None
        if self.complete:
            candidates = store.unlisted_articles(source_id, linked)
            if len(candidates) > len(linked):
                if log:
                    log.warning(
                        "the listing linked %d stored articles and missed %d: a broken "
                        "listing? none is removed as unlisted",
                        len(linked),
                        len(candidates),
                    )
                candidates = store.unlisted_articles(source_id, linked, listed_on=self.walked)
            else:
                previous = store.last_complete_walk(source_id, before=crawl_id)
        else:
            candidates = store.unlisted_articles(source_id, linked, listed_on=self.walked)
        # Where they are now is unknown: a later incremental run need not ask again.
        store.forget_listing([c["id"] for c in candidates if c["listed_on"]])
        return [
            Recheck(
                article_id=c["id"],
                url=c["url"],
                headers=self.headers(c),
                unlisted_twice=previous is not None
                and (c["listed_crawl"] is None or c["listed_crawl"] < previous),
            )
            for c in candidates
        ]


def change_stats(store: Store, crawl_id: int | None) -> dict[str, int]:
    """The crawl's `dost/changed`, `dost/removed`, `dost/restored` stats, from its events."""
    if crawl_id is None:
        return {}
    return {f"dost/{event}": count for event, count in store.crawl_changes(crawl_id).items()}
