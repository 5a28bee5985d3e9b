#!/usr/bin/env bash
# Benchmark of `serve` on the embedded data (run by hand; results go to docs/performance.md):
#   - cold start: from launch to the first answered request, on an empty database (migrate + load the
#     embedded dataset) and on an existing one
#   - latency under load: wrk, 64 connections on loopback, for the dashboard and /api/v1/organizations
# Needs a release build (swift build -c release) and wrk (apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/release/masterplan}
PORT=${PORT:-18181}
DURATION=${DURATION:-20s}
WORK=$(mktemp -d)
PID=""
trap 'kill $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT

now() { date +%s.%N; }
# Starts the server (PID is set here, not in a subshell) and leaves the seconds to the first answer in ELAPSED.
start_and_wait() {
  local t0; t0=$(now)
  "$BIN" serve --port "$PORT" --database "$WORK/bench.sqlite" >"$WORK/serve.log" 2>&1 &
  PID=$!
  until curl -sf "http://127.0.0.1:$PORT/api/v1/organizations?per=1" >/dev/null; do sleep 0.01; done
  ELAPSED=$(python3 -c "print(f'{$(now) - $t0:.3f}')")
}

echo "binary: $BIN ($(uname -m), $(nproc) cores)"
for run in 1 2 3; do
  rm -f "$WORK/bench.sqlite"
  start_and_wait; echo "cold start, empty database (migrate + load): $ELAPSED s"
  kill $PID; wait $PID 2>/dev/null || true
  start_and_wait; echo "cold start, existing database:               $ELAPSED s"
  kill $PID; wait $PID 2>/dev/null || true
done

"$BIN" serve --port "$PORT" --database "$WORK/bench.sqlite" >"$WORK/serve.log" 2>&1 &
PID=$!
until curl -sf "http://127.0.0.1:$PORT/" >/dev/null; do sleep 0.05; done
for path in "/" "/api/v1/organizations" "/organisaties"; do
  curl -s "http://127.0.0.1:$PORT$path" >/dev/null # warm up
  echo "--- wrk -t2 -c64 -d$DURATION --latency http://127.0.0.1:$PORT$path"
  wrk -t2 -c64 -d"$DURATION" --latency "http://127.0.0.1:$PORT$path" | grep -E "Requests/sec|50%|90%|99%|Non-2xx|Socket errors"
done
