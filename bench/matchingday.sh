#!/usr/bin/env bash
# Side-by-side Matchingday benchmark: masterplan's scheduler and an OR-Tools CP-SAT model of the same problem on the
# issue's seeded instances, in one run: ours RUNS times, CP-SAT once per instance (its time limit dominates).
#   BIN=.build/release/masterplan PY=/tmp/ortools-venv/bin/python RUNS=3 LIMIT=60 bench/matchingday.sh
set -euo pipefail
BIN=${BIN:-.build/release/masterplan}
PY=${PY:-python3}
RUNS=${RUNS:-3}
LIMIT=${LIMIT:-60}
WORK=${WORK:-/tmp/bench-matchingday}
mkdir -p "$WORK"
for seed in 1 2 3; do
  [ -f "$WORK/small$seed.json" ] || python3 bench/matchingday_instance.py --seed "$seed" > "$WORK/small$seed.json"
done
[ -f "$WORK/large.json" ] || python3 bench/matchingday_instance.py --schools 150 --companies 250 --rounds 12 --tables 120 --seed 1 > "$WORK/large.json"
field() { python3 -c "import json,sys; d=json.load(sys.stdin); print(' '.join(str(d[k]) for k in sys.argv[1:]))" "$@"; }
echo "| instance | ours: objective / bound / seconds (runs) | CP-SAT: objective / bound / seconds / status | objective | time ratio |"
echo "|---|---|---|---|---|"
for instance in small1 small2 small3 large; do
  file="$WORK/$instance.json"
  times=()
  for _ in $(seq "$RUNS"); do
    read -r objective bound seconds < <("$BIN" bench matchingday "$file" | field objective upper_bound seconds)
    times+=("$seconds")
  done
  read -r their_obj their_bound their_seconds status < <("$PY" bench/cpsat_matchingday.py "$file" --time-limit "$LIMIT" | field objective upper_bound seconds status)
  python3 - "$instance" "$objective" "$bound" "${times[*]}" "$their_obj" "$their_bound" "$their_seconds" "$status" <<'PY'
import statistics, sys
name, o, b, times, to, tb, ts, status = sys.argv[1:]
times = [float(x) for x in times.split()]
m = statistics.median(times)
verdict = "equal" if int(o) == int(to) else ("ours better" if int(o) > int(to) else "CP-SAT better")
print(f"| {name} | {o} / {b} / {m:.4f} s ({', '.join(f'{t:.4f}' for t in times)}) | {to} / {tb} / {float(ts):.2f} s / {status} | {verdict} | 1/{float(ts) / m:.0f} |")
PY
done
