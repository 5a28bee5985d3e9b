#!/usr/bin/env bash
# Allocation against LEMON's network simplex (issue 18): the sparse national family and the tight one (7,000
# schools × 15,000 companies with 1–2 places, 50 candidates), fresh seeds by default (printed), both solvers
# alternating, solve time only (reading excluded), median of RUNS; the same optimal cost is checked.
#   sudo apt-get install liblemon-dev     (Debian's LEMON 1.3.1)
#   BIN=.build/release/masterplan RUNS=3 bench/allocation_lemon.sh
#   SEEDS="1 2" … bench/allocation_lemon.sh
set -euo pipefail
BIN=${BIN:-.build/release/masterplan}
RUNS=${RUNS:-3}
WORK=${WORK:-$(mktemp -d)}
SEEDS=${SEEDS:-$(python3 -c 'import random; print(*random.SystemRandom().sample(range(1000, 10**6), 2))')}
g++ -O2 -o "$WORK/lemon_mcf" bench/lemon_mcf.cpp -llemon
echo "seeds: $SEEDS"
echo "| instance | cost (both) | ours: median solve (runs) | LEMON: median solve (runs) | ratio ours / LEMON |"
echo "|---|---|---|---|---|"
for seed in $SEEDS; do
  for family in national tight; do
    file="$WORK/$family$seed.min"
    case $family in
      national) python3 bench/allocation_instance.py --schools 7000 --companies 250000 --candidates 50 --seed "$seed" > "$file" ;;
      tight) python3 bench/allocation_instance.py --schools 7000 --companies 15000 --candidates 50 --capacity 1-2 --seed "$seed" > "$file" ;;
    esac
    ours=(); theirs=()
    for _ in $(seq "$RUNS"); do
      o=$("$BIN" bench allocate "$file"); t=$("$WORK/lemon_mcf" "$file")
      ours+=("$o"); theirs+=("$t")
    done
    python3 - "$family $seed" "${ours[@]}" -- "${theirs[@]}" <<'PY'
import json, statistics, sys
name, rest = sys.argv[1], sys.argv[2:]
split = rest.index("--")
ours = [json.loads(x) for x in rest[:split]]; theirs = [json.loads(x) for x in rest[split + 1:]]
costs = {r["cost"] for r in ours} | {r["cost"] for r in theirs}
mo, mt = statistics.median(r["seconds"] for r in ours), statistics.median(r["seconds"] for r in theirs)
cost = str(costs.pop()) if len(costs) == 1 else "DIFFERENT: " + str(sorted(costs))
runs = lambda rs: ", ".join("%.3f" % r["seconds"] for r in rs)
print(f"| {name} | {cost} | {mo:.3f} s ({runs(ours)}) | {mt:.3f} s ({runs(theirs)}) | {mo / mt:.2f} |")
PY
  done
done
