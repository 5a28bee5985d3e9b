#!/usr/bin/env bash
# Issue 13: the network's pages on the national dataset (bench/national_dataset.py: 7,000 schools, 250,000 companies,
# 1,000,000 agreements, 150,000 memberships), two builds side by side in one run:
#   bench/serve_national.sh BIN_BEFORE BIN_AFTER
# For each build: import into its own SQLite file (time and peak memory), start `serve`, then each path warm, single
# request (median of 5 after one warm-up; a request over $MAXTIME s counts as "timeout"), the server's resident
# memory after these pages and again after the dashboard, and the dashboard's throughput at 64 connections (wrk). Results go to docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
BEFORE=${1:?usage: bench/serve_national.sh BIN_BEFORE BIN_AFTER}
AFTER=${2:?usage: bench/serve_national.sh BIN_BEFORE BIN_AFTER}
WORK=${WORK:-/tmp/serve-national}
PORT=${PORT:-18182}
MAXTIME=${MAXTIME:-30}
mkdir -p "$WORK"
[ -d "$WORK/national" ] || python3 bench/national_dataset.py "$WORK/national" --seed "${SEED:-7}" >/dev/null
PATHS=(
  "/organisaties"
  "/organisaties?q=bedrijf%20123"
  "/organisaties?kind=company&sector=bouw"
  "/organisaties?district=Regio%207&level=havo"
  "/organisaties?page=5000"
  "/organisaties/bedrijf-000123"
  "/organisaties/school-00042"
  "/netwerk?datum=2018-06-01"
  "/netwerk?datum=2018-06-01&page=400"
  "/api/v1/organizations?per=200&sector=metaal"
  "/api/v1/organizations/school-00042"
  "/api/v1/network?per=200"
  "/evenementen"
  "/evenementen/md-2017-03"
  "/projecten"
  "/projecten/entreeopleiding"
  "/leerroutes"
  "/opleidingshuizen"
  "/indicatoren"
  "/tijdlijn"
  "/financiering"
  "/ambities"
  "/projectorganisatie"
)
PID=""
trap 'kill $PID 2>/dev/null || true' EXIT

rss() { awk '/VmRSS/ {printf "%.0f MiB", $2 / 1024}' "/proc/$PID/status"; }

for which in before after; do
  BIN=$BEFORE; [ "$which" = after ] && BIN=$AFTER
  DB="$WORK/$which.sqlite"
  if [ ! -f "$DB" ]; then
    "$BIN" migrate --database "$DB" >/dev/null
    /usr/bin/time -f "$which import: %e s, peak %M KB" "$BIN" import "$WORK/national" --database "$DB" 2>&1 | tail -1
  fi
  start_serve() {
    "$BIN" serve --port "$PORT" --database "$DB" >>"$WORK/$which.log" 2>&1 &
    PID=$!
    until curl -sf -o /dev/null "http://127.0.0.1:$PORT/static/site.css"; do sleep 0.1; done
  }
  start_serve
  echo "== $which ($BIN), serve at $(rss) before any page"
  for path in "${PATHS[@]}"; do
    times=()
    for run in 0 1 2 3 4 5; do
      t=$(curl -s -o /dev/null -m "$MAXTIME" -w "%{http_code} %{time_total}" "http://127.0.0.1:$PORT$path" || true)
      code=${t%% *}; secs=${t##* }
      if [ "$code" = "000" ]; then times=(timeout); break; fi
      [ "$run" -gt 0 ] && times+=("$secs")
    done
    if [ "${times[0]}" = timeout ]; then
      printf "%-48s  timeout (> %s s)\n" "$path" "$MAXTIME"
      # A request the client gave up on may still be running: restart the server before the next path.
      kill $PID; wait $PID 2>/dev/null || true
      start_serve
    else
      median=$(printf "%s\n" "${times[@]}" | sort -n | sed -n 3p)
      printf "%-48s  %s  %.0f ms (median of 5)\n" "$path" "$code" "$(python3 -c "print($median * 1000)")"
    fi
  done
  echo "serve after these pages: $(rss)"
  curl -s -o /dev/null -m 600 -w "dashboard, first request: %{time_total} s\n" "http://127.0.0.1:$PORT/"
  echo "serve after the dashboard: $(rss)"
  if command -v wrk >/dev/null; then
    echo "dashboard, wrk -t2 -c64 -d10s: $(wrk -t2 -c64 -d10s "http://127.0.0.1:$PORT/" | awk '/Requests\/sec/ {print $2 " req/s"}')"
    echo "serve after wrk: $(rss)"
  fi
  kill $PID; wait $PID 2>/dev/null || true
  # The same build on the embedded Amsterdam data: the dashboard beside a static file through the same middleware.
  if command -v wrk >/dev/null; then
    rm -f "$WORK/$which-amsterdam.sqlite"
    DB="$WORK/$which-amsterdam.sqlite"
    start_serve
    curl -s -o /dev/null "http://127.0.0.1:$PORT/"
    echo "Amsterdam dashboard, wrk -t2 -c64 -d10s: $(wrk -t2 -c64 -d10s "http://127.0.0.1:$PORT/" | awk '/Requests\/sec/ {print $2 " req/s"}')"
    echo "Amsterdam static file, wrk -t2 -c64 -d10s: $(wrk -t2 -c64 -d10s "http://127.0.0.1:$PORT/static/site.css" | awk '/Requests\/sec/ {print $2 " req/s"}')"
    kill $PID; wait $PID 2>/dev/null || true
  fi
done
