"""The one item every spider yields: an article page, raw fields beside normalized ones.

A spider fills the raw fields only (what the page shows). The pipelines fill the rest:
`clean` (title, body_text, byline_raw), `normalize` (dates, province, authors), `validate`,
`store`. Keeping the raw strings lets `scrapy reprocess` recompute everything offline.
"""

from __future__ import annotations

import scrapy


class Article(scrapy.Item):
    # Raw, as the page shows it (filled by the spider).
    url = scrapy.Field()  # canonical URL of the article page (the real host, never the mirror)
    other_urls = scrapy.Field()  # other URLs it was linked or fetched under (kept, not stored as)
    source_id = scrapy.Field()  # spider name
    title_raw = scrapy.Field()  # headline text as printed, tools and dates glued on included
    published_raw = scrapy.Field()  # the date line as printed, or None
    published_from = scrapy.Field()  # "page" or "listing": where published_raw was read
    byline_raw = scrapy.Field()  # a byline element's text when the site has one
    body_html = scrapy.Field()  # HTML of the article body container
    province_raw = scrapy.Field()  # the source's province id (former unit for legacy sites)
    attachments = scrapy.Field()  # [{url, file_name, type, text}] documents linked by the page
    extraction = scrapy.Field()  # {field: "selector" | "listing" | "fallback"}: who found it
    # The page's validators, for the next conditional request (kept by the store).
    etag = scrapy.Field()
    last_modified = scrapy.Field()

    # Normalized (filled by the pipelines).
    title = scrapy.Field()
    body_text = scrapy.Field()
    published = scrapy.Field()  # ISO 8601: a date, or a datetime with +07:00
    published_date = scrapy.Field()  # local calendar date, for facets
    published_year = scrapy.Field()
    published_month = scrapy.Field()  # local "YYYY-MM", for facets
    published_precision = scrapy.Field()  # "day", "minute", "second"
    province_id = scrapy.Field()  # the province as it was when published
    current_province_id = scrapy.Field()  # its successor today
    authors = scrapy.Field()  # list of names
    byline_source = scrapy.Field()  # "Nguồn: ..." / "(Theo ...)" credit in the byline
    unit_id = scrapy.Field()  # the byline's unit (units table), e.g. "office"
    content_hash = scrapy.Field()
    # What the body mentions, with spans in body_text (side tables in the store).
    unit_mentions = scrapy.Field()
    people_mentions = scrapy.Field()
    doc_refs = scrapy.Field()
