#!/usr/bin/env bash
# Concurrent writers on SQLite and on PostgreSQL, side by side in one run (issue 12: 0 5xx with 16 writers for 60 s).
# Starts a throwaway PostgreSQL (as root, Debian's postgresql) and one `serve` per database.
#   BIN=.build/release/masterplan WRITERS=16 SECONDS_=60 bench/write_load.sh
set -euo pipefail
BIN=${BIN:-.build/release/masterplan}; WRITERS=${WRITERS:-16}; SECS=${SECONDS_:-60}
W=$(mktemp -d); chmod 755 "$W"; PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
cleanup() { kill ${PIDS:-} 2>/dev/null || true; runuser -u postgres -- "$PGBIN/pg_ctl" -D "$W/pg/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$W"; }
trap cleanup EXIT
export MASTERPLAN_DATA_DIR=${MASTERPLAN_DATA_DIR:-$PWD/data/amsterdam-2012-2014}
mkdir "$W/pg"; chown postgres "$W/pg"
runuser -u postgres -- "$PGBIN/initdb" -D "$W/pg/data" -U postgres --auth=trust -E UTF8 --no-sync >/dev/null
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$W/pg/data" -l "$W/pg/log" -w -o "-c listen_addresses=127.0.0.1 -p 55498 -k $W/pg" start >/dev/null
"$PGBIN/createdb" -h 127.0.0.1 -p 55498 -U postgres load
PIDS=""
for db in "$W/load.sqlite" "postgres://postgres@127.0.0.1:55498/load"; do
  port=$((18600 + ${#PIDS}))
  "$BIN" migrate --database "$db" >/dev/null
  pw=$("$BIN" user add --email last@test.invalid --role beheerder --name "Last" --database "$db" | sed -n 's/.*(shown once): //p')
  "$BIN" serve --port $port --database "$db" >"$W/serve-$port.log" 2>&1 & pid=$!; PIDS="$PIDS $pid"
  for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$port/static/site.css" >/dev/null && break; sleep 0.2; done
  case "$db" in postgres*) name=PostgreSQL;; *) name=SQLite;; esac
  [ -n "${DEBUG:-}" ] && cat "$W/serve-$port.log"
  printf "%-10s " "$name:"; python3 bench/write_load.py --url "http://127.0.0.1:$port" --email last@test.invalid --password "$pw" --writers "$WRITERS" --seconds "$SECS"
done
