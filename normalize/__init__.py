"""Pure normalizers for department news: text, dates, provinces, bylines.

Nothing here imports Scrapy or the crawler package; every function takes strings and
returns plain values, so the same code serves the pipelines, `scrapy reprocess` and the
`python -m normalize` command line.
"""
