"""Scrapy settings for dost-news.

Project settings (all can be given with `-s NAME=value`; the environment variable of the same
name is read when the setting is not given):

- `DOST_DB` (default `data/dost.db`): the SQLite database the store pipeline writes.
- `DOST_MIRROR` (default empty): base URL of the local mirror (e.g. `http://127.0.0.1:8765`).
  When set, every HTTP(S) request is answered by the mirror instead of the network, and
  responses keep the real URLs. Politeness delays are dropped: the mirror is loopback.
- `DOST_MIRROR_DIR` (default `data/mirror`): the saved sites `crawlall --mirror` serves (a
  changed copy lets a test play a site's edit, deletion or redesign).
- `DOST_MAX_PAGES` (default 0 = no limit): listing pages to walk per source.
- `DOST_STATE_DIR` (default `state/` beside `DOST_DB`: `data/state/`): where `crawlall`
  keeps each source's Scrapy job (`JOBDIR`) while it is interrupted (crawlers/resume.py).
- `DOST_CONTACT_URL`: the contact URL the user agent names.
"""

import os

BOT_NAME = "dost_news"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"
COMMANDS_MODULE = "crawlers.commands"

DOST_DB = os.environ.get("DOST_DB", "")
DOST_MIRROR = os.environ.get("DOST_MIRROR", "")
DOST_MIRROR_DIR = os.environ.get("DOST_MIRROR_DIR", "")
DOST_MAX_PAGES = int(os.environ.get("DOST_MAX_PAGES", "0") or 0)
DOST_STATE_DIR = os.environ.get("DOST_STATE_DIR", "")
DOST_CONTACT_URL = os.environ.get(
    "DOST_CONTACT_URL", "https://github.com/dost-news/dost-news#contact"
)

USER_AGENT = f"dost-news/0.1 (+{DOST_CONTACT_URL})"
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_TIMEOUT = 30
RETRY_ENABLED = True
RETRY_TIMES = 2
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_DELAY = 0.5
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
FEED_EXPORT_ENCODING = "utf-8"

if DOST_MIRROR:
    AUTOTHROTTLE_ENABLED = False
    DOWNLOAD_DELAY = 0

DOWNLOAD_HANDLERS = {
    "http": "crawlers.mirror.handler.MirrorAwareDownloadHandler",
    "https": "crawlers.mirror.handler.MirrorAwareDownloadHandler",
}

DOWNLOADER_MIDDLEWARES = {
    # Below HttpCompressionMiddleware (590) so the archive keeps decoded bodies.
    "crawlers.middlewares.ArchiveMiddleware": 100,
}

EXTENSIONS = {
    # Keeps, resumes or drops a source's JOBDIR (set per source by crawlall).
    "crawlers.resume.ResumableJob": 100,
}

ITEM_PIPELINES = {
    "crawlers.pipelines.clean.CleanPipeline": 200,
    "crawlers.pipelines.normalize.NormalizePipeline": 300,
    "crawlers.pipelines.validate.ValidatePipeline": 400,
    "crawlers.pipelines.store.StorePipeline": 500,
}
