"""Normalize pipeline: every normalized fact of an article, from its cleaned raw fields.

- `published_raw` → `published` (ISO, day first, +07:00 when a time is printed),
  `published_date`, `published_year`, `published_month`, `published_precision`;
- the source's province → `province_id` (the unit as it was when published) and
  `current_province_id` (its successor today);
- the byline: a site's byline element when it has one, else the last lines of the body,
  which then leave `body_text`; `authors` (people), `unit_id` (the writer's unit),
  `byline_source` (a "Nguồn:" credit);
- what the body mentions: `unit_mentions`, `people_mentions`, `doc_refs` (with spans in
  `body_text`), for the store's side tables.

`normalize_article` is also what `scrapy reprocess` runs over stored pages.
"""

from __future__ import annotations

import logging
from typing import Any

from normalize.bylines import split_byline
from normalize.dates import parse_date
from normalize.docrefs import find_docrefs
from normalize.people import find_people
from normalize.provinces import resolve_province
from normalize.text import fold
from normalize.units import find_units, resolve_unit

log = logging.getLogger(__name__)


def normalize_article(item: Any) -> Any:
    parsed = parse_date(item.get("published_raw") or "")
    item["published"] = parsed.iso
    local = parsed.local_date
    item["published_date"] = local.isoformat() if local else None
    item["published_year"] = local.year if local else None
    item["published_month"] = local.strftime("%Y-%m") if local else None
    item["published_precision"] = parsed.precision
    if item.get("published_raw") and parsed.value is None:
        log.warning("unparsed date %r on %s", item["published_raw"], item.get("url"))

    match = resolve_province(item.get("province_raw") or "", local)
    province_id = match.province.id if match else None
    item["province_id"] = province_id
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
    item["byline_source"] = byline.source
    unit = resolve_unit(byline.unit, province_id=province_id) if byline.unit else None
    item["unit_id"] = unit.unit_id if unit else None

    item["unit_mentions"] = [
        {
            "unit_id": m.unit_id,
            "province_id": m.province_id,
            "text": m.text,
            "start": m.start,
            "end": m.end,
        }
        for m in find_units(body, province_id=province_id)
    ]
    item["people_mentions"] = people_rows(body, province_id, item["published_year"])
    item["doc_refs"] = [
        {
            "type": r.type,
            "number": r.number,
            "issuer": r.issuer,
            "date": r.date,
            "title": r.title,
            "year": r.year,
            "text": r.text,
            "start": r.start,
            "end": r.end,
        }
        for r in find_docrefs(body)
    ]
    return item


def people_rows(body: str, province_id: str | None, year: int | None) -> list[dict[str, Any]]:
    """One row per (person, position) named in the body; a person without a position
    gives one row with no position. The unit of a position is resolved against the
    article's province, so "Giám đốc Sở" in a Cao Bằng article is Cao Bằng's director."""
    rows = []
    for person in find_people(body):
        base = {
            "name": person.name,
            "name_key": fold(person.name),
            "honorific": person.honorific,
            "academic": person.academic,
            "year": year,
            "start": person.start,
            "end": person.end,
        }
        if not person.positions:
            rows.append({**base, "province_id": province_id})
        for position in person.positions:
            unit = resolve_unit(position.unit, province_id=province_id) if position.unit else None
            rows.append(
                {
                    **base,
                    "position": position.title,
                    "position_text": position.text,
                    "unit_text": position.unit,
                    "unit_id": unit.unit_id if unit else None,
                    "province_id": (unit.province_id if unit else None) or province_id,
                }
            )
    return rows


class NormalizePipeline:
    def process_item(self, item: Any) -> Any:
        return normalize_article(item)
