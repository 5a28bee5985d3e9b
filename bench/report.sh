#!/usr/bin/env bash
# The report benchmark of issue 5, run by hand on a release build:
#   swift build -c release && BIN=.build/release/masterplan bench/report.sh
# 1. Amsterdam (embedded data): read + build + render the 2012–2014 report as HTML, 20 runs in one process,
#    and the whole command (`masterplan report … --format html`) with its peak memory.
# 2. National (bench/national_dataset.py: 7,000 schools, 250,000 companies, 1,000,000 agreements, 5 years of
#    figures): the same, plus the time to import it once.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${BIN:-$ROOT/.build/release/masterplan}
WORK=${WORK:-$(mktemp -d)}
SCALE=${SCALE:-1.0}
echo "binary: $BIN   work: $WORK   national scale: $SCALE"

echo "== Amsterdam"
"$BIN" migrate --database "$WORK/amsterdam.sqlite" >/dev/null
"$BIN" export --format csv --out "$WORK/amsterdam-export" --database "$WORK/amsterdam.sqlite" >/dev/null  # loads the embedded data
"$BIN" bench report --from 2012-01-01 --to 2014-12-31 --runs 20 --database "$WORK/amsterdam.sqlite"
/usr/bin/time -f "whole command: %e s, peak %M KB" "$BIN" report --from 2012-01-01 --to 2014-12-31 --format html --out "$WORK/amsterdam.html" --database "$WORK/amsterdam.sqlite"

echo "== National"
if [ ! -f "$WORK/national.sqlite" ]; then
  python3 "$ROOT/bench/national_dataset.py" "$WORK/national" --scale "$SCALE"
  "$BIN" migrate --database "$WORK/national.sqlite" >/dev/null
  /usr/bin/time -f "import: %e s, peak %M KB" "$BIN" import "$WORK/national" --database "$WORK/national.sqlite"
fi
"$BIN" bench report --from 2015-01-01 --to 2019-12-31 --runs 5 --database "$WORK/national.sqlite"
/usr/bin/time -f "whole command: %e s, peak %M KB" "$BIN" report --from 2015-01-01 --to 2019-12-31 --format html --out "$WORK/national.html" --database "$WORK/national.sqlite"
/usr/bin/time -f "whole command (PDF): %e s, peak %M KB" "$BIN" report --from 2015-01-01 --to 2019-12-31 --format pdf --out "$WORK/national.pdf" --database "$WORK/national.sqlite"
