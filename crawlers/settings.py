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
- `DOST_BACKFILL` (default off): walk every listing page and ask every article again, as a
  source's first run does, instead of stopping at the first page with nothing new
  (`crawlers/incremental.py`; `scrapy crawlall --backfill`).
- `DOST_CONTACT_URL`: the contact URL the user agent names (`dost-news/0.1 (+URL)`).
- `DOST_RETRY_BACKOFF` (default 2) and `DOST_RETRY_BACKOFF_MAX` (default 30): seconds the
  n-th retry of a request waits, base × 2^(n-1) up to the maximum (crawlers/politeness.py).
- `DOST_PROGRESS_INTERVAL` (default 5): `crawlall` prints a source's progress at most this
  often, in seconds (0: on every page and article).
- `DOST_HEALTH_*`: when a crawl makes its source degraded or failing (crawlers/health.py):
  `DOST_HEALTH_HISTORY` (default 5) recent crawls make a source's usual figures;
  `DOST_HEALTH_DEGRADED` (0.2) and `DOST_HEALTH_FAILING` (0.5) are the falls in field
  coverage, or rises in the share of articles the fallback had to read, that make it
  degraded / failing; `DOST_HEALTH_VOLUME_DROP` (0.5) the fall in articles seen that makes
  it degraded.
- `DOST_ALERT_COMMAND`, `DOST_ALERT_WEBHOOK` (default empty), `DOST_ALERT_TIMEOUT` (30): what
  `crawlall` runs / POSTs to when a source turns failing or recovers (crawlers/alerts.py).

The politeness every crawl keeps (robots.txt, at most 2 requests at once per host,
AutoThrottle, timeouts, retries with back-off, the user agent) is below; `DOST_MIRROR` relaxes
only the delays (crawlers/politeness.py).
"""

import os


def _env_number(name: str, default: float) -> float:
    """A number from the environment; the default when the variable is unset or empty."""
    return float(os.environ.get(name) or default)


BOT_NAME = "dost_news"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"
COMMANDS_MODULE = "crawlers.commands"

DOST_DB = os.environ.get("DOST_DB", "")
DOST_MIRROR = os.environ.get("DOST_MIRROR", "")
DOST_MIRROR_DIR = os.environ.get("DOST_MIRROR_DIR", "")
DOST_MAX_PAGES = int(os.environ.get("DOST_MAX_PAGES", "0") or 0)
DOST_BACKFILL = os.environ.get("DOST_BACKFILL", "") not in ("", "0", "false", "False")
DOST_STATE_DIR = os.environ.get("DOST_STATE_DIR", "")
DOST_CONTACT_URL = os.environ.get(
    "DOST_CONTACT_URL", "https://github.com/dost-news/dost-news#contact"
)
DOST_RETRY_BACKOFF = _env_number("DOST_RETRY_BACKOFF", 2)
DOST_RETRY_BACKOFF_MAX = _env_number("DOST_RETRY_BACKOFF_MAX", 30)
DOST_PROGRESS_INTERVAL = _env_number("DOST_PROGRESS_INTERVAL", 5)
DOST_HEALTH_HISTORY = int(_env_number("DOST_HEALTH_HISTORY", 5))
DOST_HEALTH_DEGRADED = _env_number("DOST_HEALTH_DEGRADED", 0.2)
DOST_HEALTH_FAILING = _env_number("DOST_HEALTH_FAILING", 0.5)
DOST_HEALTH_VOLUME_DROP = _env_number("DOST_HEALTH_VOLUME_DROP", 0.5)
DOST_ALERT_COMMAND = os.environ.get("DOST_ALERT_COMMAND", "")
DOST_ALERT_WEBHOOK = os.environ.get("DOST_ALERT_WEBHOOK", "")
DOST_ALERT_TIMEOUT = _env_number("DOST_ALERT_TIMEOUT", 30)

# Politeness. The user agent is derived from DOST_CONTACT_URL by crawlers.politeness (so
# that `-s DOST_CONTACT_URL=...` works too); this is its value for the default contact.
ADDONS = {"crawlers.politeness.Politeness": 0}
USER_AGENT = f"dost-news/0.1 (+{DOST_CONTACT_URL})"
ROBOTSTXT_OBEY = True
ROBOTSTXT_USER_AGENT = "dost-news"
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_TIMEOUT = 30
DNS_TIMEOUT = 20
RETRY_ENABLED = True
RETRY_TIMES = 2  # with back-off: 2 s, then 4 s (crawlers.politeness.RetryBackoffMiddleware)
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_DELAY = 0.5
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
FEED_EXPORT_ENCODING = "utf-8"

DOWNLOAD_HANDLERS = {
    "http": "crawlers.mirror.handler.MirrorAwareDownloadHandler",
    "https": "crawlers.mirror.handler.MirrorAwareDownloadHandler",
}

DOWNLOADER_MIDDLEWARES = {
    # Below HttpCompressionMiddleware (590) so the archive keeps decoded bodies.
    "crawlers.middlewares.ArchiveMiddleware": 100,
    # Before everything else: a retried request waits its back-off first.
    "crawlers.politeness.RetryBackoffMiddleware": 50,
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
