#!/bin/sh
# The nightly crawl, as cron and systemd run it: one at a time, crawlall's exit status kept.
#
#   deploy/crawl.sh [crawlall options] [SOURCE ...]
#
# Environment (all optional):
#   DOST_DB    the database (default: data/dost.db in the checkout); the crawl's resumable
#              state goes beside it (state/), unless DOST_STATE_DIR says otherwise
#   DOST_LOCK  the lock file (default: crawl.lock beside the database)
#   DOST_APP   the checkout with its .venv (default: the directory above this script)
#   DOST_BACKFILL_DAY  the day of the week (1 Monday ... 7 Sunday, in Vietnam time) whose
#              crawl is a backfill (`crawlall --backfill`: every listing page and every
#              article asked again, which finds edits and removals deeper than the pages an
#              incremental run walks); default 7; empty for never
#
# Exit status: crawlall's (0: every source ok; 1: a source failed, see the summary table),
# or 75 when another crawl holds the lock (this one did not start).
set -eu

app=${DOST_APP:-$(cd "$(dirname "$0")/.." && pwd)}
DOST_DB=${DOST_DB:-$app/data/dost.db}
export DOST_DB
lock=${DOST_LOCK:-$(dirname "$DOST_DB")/crawl.lock}
mkdir -p "$(dirname "$lock")"

# The lock is held on file descriptor 9, which scrapy inherits through exec: it is released
# only when the crawl ends, however it ends (even killed).
exec 9>>"$lock"
if ! flock --nonblock 9; then
    echo "$(date -Is) dost-news crawl: not started: another crawl holds $lock" >&2
    exit 75
fi

cd "$app"
backfill_day=${DOST_BACKFILL_DAY-7}
if [ -n "$backfill_day" ] && [ "$(TZ=Asia/Ho_Chi_Minh date +%u)" = "$backfill_day" ]; then
    set -- --backfill "$@"
    echo "$(date -Is) dost-news crawl: starting the weekly backfill, database $DOST_DB"
else
    echo "$(date -Is) dost-news crawl: starting, database $DOST_DB"
fi
# exec: Ctrl-C and systemd's SIGTERM reach scrapy itself (a graceful stop that saves the
# queue for the next run), and its exit status is this script's.
exec "$app/.venv/bin/scrapy" crawlall "$@"
