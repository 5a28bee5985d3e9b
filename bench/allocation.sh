#!/usr/bin/env bash
# Side-by-side allocation benchmark: masterplan's network simplex and OR-Tools' SimpleMinCostFlow on the same
# DIMACS instances, alternating runs, reporting solve seconds, whole-command peak memory and the ratios.
#   BIN=.build/release/masterplan PY=/tmp/ortools-venv/bin/python RUNS=5 bench/allocation.sh
set -euo pipefail
BIN=${BIN:-.build/release/masterplan}
PY=${PY:-python3}
RUNS=${RUNS:-5}
WORK=${WORK:-/tmp/bench-allocation}
mkdir -p "$WORK"
[ -f "$WORK/amsterdam.min" ] || python3 bench/allocation_instance.py --schools 300 --companies 150 --dense --seed 1 > "$WORK/amsterdam.min"
[ -f "$WORK/national.min" ] || python3 bench/allocation_instance.py --schools 7000 --companies 250000 --candidates 50 --seed 1 > "$WORK/national.min"
for instance in amsterdam national; do
  file="$WORK/$instance.min"
  ours=(); theirs=(); our_mem=(); their_mem=()
  for _ in $(seq "$RUNS"); do
    out=$(/usr/bin/time -f "%M" "$BIN" bench allocate "$file" 2>"$WORK/time"); our_mem+=("$(tail -1 "$WORK/time")")
    ours+=("$(echo "$out" | sed 's/.*"seconds": \([0-9.]*\).*/\1/')"); our_cost=$(echo "$out" | sed 's/.*"cost": \([0-9-]*\).*/\1/')
    out=$(/usr/bin/time -f "%M" "$PY" bench/ortools_mcf.py "$file" 2>"$WORK/time"); their_mem+=("$(tail -1 "$WORK/time")")
    theirs+=("$(echo "$out" | sed 's/.*"seconds": \([0-9.]*\).*/\1/')"); their_cost=$(echo "$out" | sed 's/.*"cost": \([0-9-]*\).*/\1/')
  done
  python3 - "$instance" "$our_cost" "$their_cost" "${ours[*]}" "${theirs[*]}" "${our_mem[*]}" "${their_mem[*]}" <<'PY'
import statistics, sys
name, oc, tc, ours, theirs, om, tm = sys.argv[1:]
ours = [float(x) for x in ours.split()]; theirs = [float(x) for x in theirs.split()]
om = max(int(x) for x in om.split()) / 1024; tm = max(int(x) for x in tm.split()) / 1024
mo, mt = statistics.median(ours), statistics.median(theirs)
print(f"{name}: cost {oc} vs OR-Tools {tc} ({'same' if oc == tc else 'DIFFERENT'}); solve median {mo:.3f} s vs {mt:.3f} s "
      f"(ratio {mo / mt:.2f}); runs {ours} vs {theirs}; peak memory {om:.0f} MiB vs {tm:.0f} MiB (ratio {om / tm:.2f})")
PY
done
