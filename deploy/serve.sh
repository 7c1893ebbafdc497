#!/bin/sh
# Datasette for a shared deployment, as `make serve-public` runs it: arbitrary SQL and
# downloads off, stored queries and search on, the limits of settings-public.json.
#
# Environment (all optional): DOST_DB (default: data/dost.db in the checkout), HOST
# (default 127.0.0.1: put a reverse proxy in front, or 0.0.0.0), PORT (default 8001),
# DOST_APP (the checkout with its .venv; default: the directory above this script).
#
# The database is opened mutable (not `-i`): Datasette reads what the nightly crawl commits
# while it runs (SQLite WAL lets readers and the one writer work at the same time).
set -eu

app=${DOST_APP:-$(cd "$(dirname "$0")/.." && pwd)}
db=${DOST_DB:-$app/data/dost.db}
cd "$app"
if [ ! -f "$db" ]; then
    echo "dost-news serve: no database at $db yet: run the crawl first" >&2
    exit 1
fi
settings=$("$app/.venv/bin/python" -c "import json; print(' '.join(f'--setting {k} {v}' for k, v in json.load(open('settings-public.json')).items()))")
# $settings is split into words on purpose: "--setting name value" pairs.
# shellcheck disable=SC2086
exec "$app/.venv/bin/datasette" serve "$db" --metadata metadata.json --plugins-dir plugins \
    --template-dir templates --host "${HOST:-127.0.0.1}" --port "${PORT:-8001}" $settings
