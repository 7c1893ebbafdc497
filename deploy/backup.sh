#!/bin/sh
# Back up the live database: SQLite's online backup (a consistent snapshot, taken while
# Datasette reads and a crawl writes), checked, gzipped, named by date; the oldest pruned.
#
#   deploy/backup.sh [DATABASE [DIRECTORY]]
#
# DATABASE defaults to $DOST_DB, else data/dost.db in the checkout; DIRECTORY to
# $DOST_BACKUP_DIR, else backups/ beside the database. DOST_BACKUP_KEEP (default 14)
# backups are kept. Prints the file written.
#
# Never `cp dost.db`: in WAL mode the latest commits live in dost.db-wal until a checkpoint,
# so a copy of the main file alone misses them, and a copy taken mid-write can be torn.
set -eu

app=${DOST_APP:-$(cd "$(dirname "$0")/.." && pwd)}
db=${1:-${DOST_DB:-$app/data/dost.db}}
dir=${2:-${DOST_BACKUP_DIR:-$(dirname "$db")/backups}}
keep=${DOST_BACKUP_KEEP:-14}
[ -f "$db" ] || { echo "dost-news backup: no database at $db" >&2; exit 1; }
mkdir -p "$dir"

name="dost-$(date +%Y-%m-%dT%H%M%S).db"
partial="$dir/.$name"
trap 'rm -f "$partial" "$partial.gz"' EXIT
"$app/.venv/bin/python" - "$db" "$partial" <<'PYTHON'
import sqlite3
import sys

source, target = sys.argv[1], sys.argv[2]
with sqlite3.connect(source, timeout=60) as live, sqlite3.connect(target) as copy:
    live.backup(copy)  # one step: one read transaction, one consistent snapshot
    copy.execute("pragma journal_mode = delete")  # a single self-contained file
    (check,) = copy.execute("pragma integrity_check").fetchone()
    if check != "ok":
        sys.exit(f"dost-news backup: the copy fails integrity_check: {check}")
PYTHON
gzip -9 "$partial"
mv "$partial.gz" "$dir/$name.gz"
echo "$dir/$name.gz"

# Keep the newest $keep (names sort by date).
ls -1 "$dir"/dost-*.db.gz | sort -r | tail -n +"$((keep + 1))" | while read -r old; do
    rm -f -- "$old"
done
