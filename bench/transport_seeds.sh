#!/usr/bin/env bash
# Excursion days side by side with PyVRP (issue 16): the same generated day (bench/transport_instance.py, 150 trips)
# for ours (release build) and PyVRP at the same time limits, cost = fixed cost × vehicles + distance, on seeds drawn
# now and printed (the tuning set is 1–5; never report on it). Then Solomon's C101 as plain VRPTW.
#   BIN=.build/release/masterplan PY=/tmp/pyvrp-venv/bin/python bench/transport_seeds.sh
#   SEEDS="1 2 3" LIMITS="10" … bench/transport_seeds.sh        (the tuning set, one limit)
set -euo pipefail
BIN=${BIN:-.build/release/masterplan}
PY=${PY:-python3}
LIMITS=${LIMITS:-10 30}
TRIPS=${TRIPS:-150}
WORK=${WORK:-$(mktemp -d)}
SEEDS=${SEEDS:-$(python3 -c 'import random; print(*random.SystemRandom().sample(range(1000, 10**6), 5))')}
echo "seeds: $SEEDS; trips: $TRIPS; limits: $LIMITS s"
echo "| seed | limit | ours: vehicles / distance / cost | PyVRP: vehicles / distance / cost | cost ours / PyVRP |"
echo "|---|---|---|---|---|"
for seed in $SEEDS; do
  file="$WORK/day$seed.json"
  python3 bench/transport_instance.py --seed "$seed" --trips "$TRIPS" > "$file"
  for limit in $LIMITS; do
    ours=$("$BIN" bench transport "$file" --time-limit "$limit")
    theirs=$("$PY" bench/transport_pyvrp.py "$file" --time-limit "$limit" 2>/dev/null)
    python3 - "$seed" "$limit" "$ours" "$theirs" <<'PY'
import json, sys
seed, limit, o, t = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), json.loads(sys.argv[4])
flag = "" if t.get("feasible", True) else " (infeasible)"
print(f"| {seed} | {limit} s | {o['vehicles']} / {o['distance']:,} / {o['cost']:,} | {t['vehicles']} / {t['distance']:,} / {t['cost']:,}{flag} | {o['cost'] / t['cost']:.3f} |")
PY
  done
done
if [ -f "${C101:-../shared/benchmarks/solomon/C101.txt}" ]; then
  for limit in $LIMITS; do
    echo "C101 ($limit s): $("$BIN" bench vrptw "${C101:-../shared/benchmarks/solomon/C101.txt}" --time-limit "$limit" | python3 -c 'import json,sys; r=json.load(sys.stdin); print(r["vehicles"], "vehicles, distance", r["distance"], "(reference: 10, 828.94)")')"
  done
fi
