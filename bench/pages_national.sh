#!/usr/bin/env bash
# Issue 13: one build on the national dataset (bench/national_dataset.py), signed in as the coordinator: every page
# and API list of bench/pages_national.py (median of 5, warm), then the server's resident memory after all of them;
# the public dashboard's throughput at 64 connections (wrk) nationally, then on Amsterdam beside a static file through
# the same middleware, side by side in this run.
#   bench/pages_national.sh BIN        (env WORK, SEED, PORT as in bench/serve_national.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:?usage: bench/pages_national.sh BIN}
WORK=${WORK:-/tmp/serve-national}
PORT=${PORT:-18183}
mkdir -p "$WORK"
[ -d "$WORK/national" ] || python3 bench/national_dataset.py "$WORK/national" --seed "${SEED:-7}" >/dev/null
DB="$WORK/pages.sqlite"
if [ ! -f "$DB" ]; then
  "$BIN" migrate --database "$DB" >/dev/null
  /usr/bin/time -f "import: %e s, peak %M KB" "$BIN" import "$WORK/national" --database "$DB" 2>&1 | tail -1
fi
EMAIL="bench-$(date +%s)@example.org"
PASSWORD=$("$BIN" user add --email "$EMAIL" --role beheerder --name Bench --database "$DB" | sed -n 's/.*(shown once): //p')
"$BIN" serve --port "$PORT" --database "$DB" >>"$WORK/pages.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/static/site.css"; do sleep 0.1; done
rss() { awk '/VmRSS/ {printf "%.0f MiB", $2 / 1024}' "/proc/$PID/status"; }
echo "serve before any page: $(rss)"
python3 bench/pages_national.py --url "http://127.0.0.1:$PORT" --email "$EMAIL" --password "$PASSWORD"
echo "serve after every page: $(rss)"
if command -v wrk >/dev/null; then
  curl -s -o /dev/null "http://127.0.0.1:$PORT/"
  echo "national dashboard, wrk -t2 -c64 -d10s: $(wrk -t2 -c64 -d10s "http://127.0.0.1:$PORT/" | awk '/Requests\/sec/ {print $2 " req/s"}')"
  echo "serve after wrk: $(rss)"
  kill $PID; wait $PID 2>/dev/null || true
  rm -f "$WORK/pages-amsterdam.sqlite"
  # The embedded data from this checkout: a binary built elsewhere (another worktree) would look for its own.
  MASTERPLAN_DATA_DIR="$PWD/data/amsterdam-2012-2014" "$BIN" serve --port "$PORT" --database "$WORK/pages-amsterdam.sqlite" >>"$WORK/pages.log" 2>&1 &
  PID=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/static/site.css"; do sleep 0.1; done
  curl -s -o /dev/null "http://127.0.0.1:$PORT/"
  for round in 1 2; do
    echo "Amsterdam dashboard, wrk -t2 -c64 -d10s: $(wrk -t2 -c64 -d10s "http://127.0.0.1:$PORT/" | awk '/Requests\/sec/ {print $2 " req/s"}')"
    echo "Amsterdam static file, wrk -t2 -c64 -d10s: $(wrk -t2 -c64 -d10s "http://127.0.0.1:$PORT/static/site.css" | awk '/Requests\/sec/ {print $2 " req/s"}')"
  done
fi
