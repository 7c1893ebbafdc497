"""The Scrapy side of dost-news: settings, items, platforms, pipelines, store, mirror."""
