#!/usr/bin/env bash
# Side-by-side import benchmark: the spreadsheet tools an office would
# otherwise use (measured by ../shared/bench on the same files) against the
# tracker's whole import (read, validate, commit to SQLite) and its read
# stage alone. Prints a markdown table; compare ratios, not absolute times.
#   bash scripts/bench-import.sh                 # N = 530 20000 200000
#   NS="20000" RUNS=1 bash scripts/bench-import.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${OUT:-/tmp/peerbench}
NS=${NS-"530 20000 200000"}
RUNS=${RUNS:-3}
export OUT NS RUNS

# 1. The peers, reading the same generated ledgers (shared strings, as Excel saves).
if [ "${SKIP_PEERS:-}" != 1 ]; then
  SST_NS="$NS" TASKS=read bash "$ROOT/../shared/bench/run.sh" >/dev/null
fi

# 2. The tracker: whole import into a fresh SQLite file each run, timed by
# the peers' own measure.py into the same results file.
(cd "$ROOT" && go build -o "$OUT/bin/tracker" ./cmd/tracker)
RES="$OUT/results.tsv"; touch "$RES"
for n in $NS; do
  f="$OUT/data/ledger_${n}_sst.xlsx"
  [ -f "$f" ] || "$OUT/bin/gen" -sst -n "$n" -o "$f"
  /usr/bin/python3 "$ROOT/../shared/bench/measure.py" "$RES" "read (shared strings, as Excel saves)" \
    "tracker import: read+validate+commit to SQLite" "$n" "$RUNS" 300 -- \
    sh -c "d=\$(mktemp -d /tmp/trackerbench.XXXXXX) && exec '$OUT/bin/tracker' import --db \$d/b.db --period 2024-10 '$f'" >/dev/null
done
rm -rf /tmp/trackerbench.*
/usr/bin/python3 "$ROOT/../shared/bench/measure.py" --report "$RES"

# 3. The tracker's read stage alone (importer.Read), as a Go benchmark.
(cd "$ROOT" && PEERBENCH_DATA="$OUT/data" go test ./importer -run '^$' -bench 'BenchmarkRead' -benchmem -benchtime 3x 2>/dev/null | grep -E '^Benchmark' || true)
