#!/usr/bin/env bash
# Matchingday on many seeds, side by side with OR-Tools CP-SAT (issue 18): ours (release build) and CP-SAT's proven
# optimum on each seed, then how many are equal, the largest gap and the time ratios. By default 20 fresh seeds, drawn
# now and printed (so nobody tunes on them); SEEDS="101 102 …" gives a fixed set (the tuning set is 101–105).
#   BIN=.build/release/masterplan PY=/tmp/ortools-venv/bin/python bench/matchingday_seeds.sh
#   SEEDS="101 102 103 104 105" … bench/matchingday_seeds.sh        (the tuning set)
#   ARGS="--schools 150 --companies 250 --rounds 12 --tables 120" LIMIT=120 SEEDS=7 … (the large day)
set -euo pipefail
BIN=${BIN:-.build/release/masterplan}
PY=${PY:-python3}
LIMIT=${LIMIT:-60}
ARGS=${ARGS:-}
WORK=${WORK:-$(mktemp -d)}
SEEDS=${SEEDS:-$(python3 -c 'import random; print(*random.SystemRandom().sample(range(1000, 10**6), 20))')}
echo "seeds: $SEEDS"
echo "| seed | ours: objective / bound / seconds | CP-SAT: objective / bound / seconds / status | gap | time ratio |"
echo "|---|---|---|---|---|"
: > "$WORK/rows"
cat > "$WORK/row.py" <<'PY'
import json, sys
r = json.loads(sys.stdin.read())
gap = (r["to"] - r["o"]) / r["to"] * 100 if r["to"] else 0
print(f"| {r['seed']} | {r['o']} / {r['b']} / {r['s']:.4f} s | {r['to']} / {r['tb']} / {r['ts']:.2f} s / {r['st']} | {gap:+.2f} % | 1/{r['ts'] / r['s']:.0f} |")
PY
for seed in $SEEDS; do
  file="$WORK/day$seed.json"
  python3 bench/matchingday_instance.py $ARGS --seed "$seed" > "$file"
  ours=$("$BIN" bench matchingday "$file")
  theirs=$("$PY" bench/cpsat_matchingday.py "$file" --time-limit "$LIMIT")
  python3 - "$seed" "$ours" "$theirs" >> "$WORK/rows" <<'PY'
import json, sys
seed, ours, theirs = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3])
print(json.dumps({"seed": seed, "o": ours["objective"], "b": ours["upper_bound"], "s": ours["seconds"],
                  "to": theirs["objective"], "tb": theirs["upper_bound"], "ts": theirs["seconds"], "st": theirs["status"]}))
PY
  tail -1 "$WORK/rows" | python3 "$WORK/row.py"
done
python3 - "$WORK/rows" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
equal = sum(r["o"] >= r["to"] for r in rows)
gaps = [(r["to"] - r["o"]) / r["to"] * 100 for r in rows if r["to"]]
proven = sum(r["b"] == r["o"] for r in rows)
ratios = [r["ts"] / r["s"] for r in rows]
print(f"\n{equal} of {len(rows)} equal to (or better than) CP-SAT; largest gap {max(gaps):.2f} %; "
      f"ours proven optimal (bound = objective) on {proven}; time ratio median 1/{statistics.median(ratios):.0f}, worst 1/{min(ratios):.0f}")
PY
