"""Normalize pipeline: publication date, province (as published and today), authors.

- `published_raw` → `published` (ISO, day first, +07:00 when a time is printed),
  `published_date`, `published_year`, `published_precision`;
- the source's province → `province_id` (the unit as it was when published) and
  `current_province_id` (its successor today);
- the byline: a site's byline element when it has one, else the last lines of the body,
  which then leave `body_text`; `authors` is the list of person names in it.
"""

from __future__ import annotations

import logging
from typing import Any

from normalize.bylines import split_byline
from normalize.dates import parse_date
from normalize.provinces import resolve_province

log = logging.getLogger(__name__)


def normalize_article(item: Any) -> Any:
    parsed = parse_date(item.get("published_raw") or "")
    item["published"] = parsed.iso
    local = parsed.local_date
    item["published_date"] = local.isoformat() if local else None
    item["published_year"] = local.year if local else None
    item["published_precision"] = parsed.precision
    if item.get("published_raw") and parsed.value is None:
        log.warning("unparsed date %r on %s", item["published_raw"], item.get("url"))

    match = resolve_province(item.get("province_raw") or "", local)
    item["province_id"] = match.province.id if match else None
    item["current_province_id"] = match.current.id if match else None
    if item.get("province_raw") and match is None:
        log.warning("unknown province %r on %s", item["province_raw"], item.get("url"))

    if item.get("byline_raw"):
        byline = split_byline(item["byline_raw"], max_lines=6)
        body = item.get("body_text") or ""
    else:
        byline = split_byline(item.get("body_text") or "")
        body = byline.body
        item["byline_raw"] = byline.raw or None
    item["body_text"] = body
    item["authors"] = byline.authors
    return item


class NormalizePipeline:
    def process_item(self, item: Any) -> Any:
        return normalize_article(item)
