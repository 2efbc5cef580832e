#!/usr/bin/env bash
# GET /api/v1/rates and the 总览 page (GET /dashboard) for N projects
# (default 53,000: the portfolio 100 times the demo's) against the same
# aggregate written directly as SQL (scripts/benchpeers/rates.sql) in the
# sqlite3 shell on the same database file, alternately in one run; prints
# the medians and the ratios (issue 19's goal: within 1.5×). Needs Go,
# curl, python3 and sqlite3.
#
#   bash scripts/bench-rates.sh            # N=53000, 5 rounds
#   N=5300 RUNS=3 bash scripts/bench-rates.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${OUT:-${TMPDIR:-/tmp}/tracker-bench}
N=${N:-53000}
RUNS=${RUNS:-5}
PORT=${PORT:-18731}
mkdir -p "$OUT/bin" "$OUT/data" "$OUT/db"
(cd "$ROOT" && go build -o "$OUT/bin/tracker" ./cmd/tracker && go build -o "$OUT/bin/benchgen" ./scripts/benchgen)
T="$OUT/bin/tracker"
f="$OUT/data/ledger_${N}_sst.xlsx"
[ -f "$f" ] || "$OUT/bin/benchgen" -sst -n "$N" -o "$f"
db="$OUT/db/rates_$N.db"
rm -f "$db" "$db-wal" "$db-shm"
"$T" init --db "$db" >/dev/null
"$T" import --db "$db" --period 2024-10 "$f" | grep -m1 数据行
echo 'bench-rates-password' | "$T" user add --db "$db" --name bench-rates --role reviewer --password-stdin >/dev/null
"$T" serve --addr "127.0.0.1:$PORT" --db "$db" >"$OUT/rates-serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
token=$(curl -fs -X POST "http://127.0.0.1:$PORT/api/v1/login" -H 'Content-Type: application/json' \
  -d '{"username":"bench-rates","password":"bench-rates-password"}' | python3 -c 'import sys, json; print(json.load(sys.stdin)["token"])')
url="http://127.0.0.1:$PORT/api/v1/rates?year=2024&month=10"
page="http://127.0.0.1:$PORT/dashboard?year=2024&month=10"
curl -fs -o /dev/null -H "Authorization: Bearer $token" "$url"   # warm-up
curl -fs -o /dev/null -b "tracker_session=$token" "$page"
sqlite3 "$db" <"$ROOT/scripts/benchpeers/rates.sql" >/dev/null
api=() dash=() sql=()
for _ in $(seq "$RUNS"); do
  api+=("$(curl -fs -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $token" "$url")")
  dash+=("$(curl -fs -o /dev/null -w '%{time_total}' -b "tracker_session=$token" "$page")")
  s0=$(date +%s.%N); sqlite3 "$db" <"$ROOT/scripts/benchpeers/rates.sql" >/dev/null; s1=$(date +%s.%N)
  sql+=("$(python3 -c "print($s1 - $s0)")")
done
python3 - "$N" "${api[*]}" "${dash[*]}" "${sql[*]}" <<'PY'
import statistics, sys
n = int(sys.argv[1])
a, d, s = (statistics.median(float(x) for x in arg.split()) for arg in sys.argv[2:5])
met = lambda r: 'met' if r <= 1.5 else 'NOT met'
print(f"| {n} projects | median | × SQL (goal ≤ 1.5) |")
print("|---|---:|---:|")
print(f"| GET /api/v1/rates | {a:.3f} s | {a / s:.2f} ({met(a / s)}) |")
print(f"| GET /dashboard (总览) | {d:.3f} s | {d / s:.2f} ({met(d / s)}) |")
print(f"| the same aggregate as SQL in the sqlite3 shell | {s:.3f} s | 1.00 |")
PY
