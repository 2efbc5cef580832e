#!/usr/bin/env bash
# GET /api/v1/rates for N projects (default 53,000: the portfolio 100 times
# the demo's) against the same aggregate written directly as SQL
# (scripts/benchpeers/rates.sql) in the sqlite3 shell on the same database
# file, alternately in one run; prints both medians and their ratio (issue
# 19's goal: within 1.5×). Needs Go, curl, python3 and sqlite3.
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
curl -fs -o /dev/null -H "Authorization: Bearer $token" "$url"   # warm-up
sqlite3 "$db" <"$ROOT/scripts/benchpeers/rates.sql" >/dev/null
api=() sql=()
for _ in $(seq "$RUNS"); do
  api+=("$(curl -fs -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $token" "$url")")
  s0=$(date +%s.%N); sqlite3 "$db" <"$ROOT/scripts/benchpeers/rates.sql" >/dev/null; s1=$(date +%s.%N)
  sql+=("$(python3 -c "print($s1 - $s0)")")
done
python3 - "$N" "${api[*]}" "${sql[*]}" <<'PY'
import statistics, sys
n, api, sql = int(sys.argv[1]), [float(x) for x in sys.argv[2].split()], [float(x) for x in sys.argv[3].split()]
a, s = statistics.median(api), statistics.median(sql)
print(f"| GET /api/v1/rates, {n} projects | {a:.3f} s |")
print(f"| the same aggregate as SQL in the sqlite3 shell | {s:.3f} s |")
print(f"| ratio (goal ≤ 1.5) | {a / s:.2f} ({'met' if a / s <= 1.5 else 'NOT met'}) |")
PY
