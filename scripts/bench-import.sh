#!/usr/bin/env bash
# The import benchmark (docs/benchmarks.md): the spreadsheet tools an office
# would otherwise use (openpyxl, pandas, SheetJS, exceljs, xlsxwriter,
# libxlsxwriter) against tracker on the same generated ledgers, in one run
# on one machine. Compare ratios, not absolute times.
#
#   bash scripts/bench-import.sh                    # N = 530 20000 200000, 3 runs each, read and write
#   QUICK=1 bash scripts/bench-import.sh            # N = 530 and 2000, 1 run: a check that everything runs
#   NS="20000" RUNS=1 TASKS=read bash scripts/bench-import.sh
#   NS=200000 RUNS=1 TASKS="read update" bash scripts/bench-import.sh   # issue 19's import goals
#   NS=53000 TASKS=write bash scripts/bench-import.sh                   # issue 19's workbook goal
#
# Tasks: read (the peers read, tracker imports N new projects), update
# (tracker imports the same N projects with every figure changed over the
# first import), write (the peers write, tracker writes its workbook). With
# TRACKER_BENCH_POSTGRES (a postgres:// URL; a schema tracker_bench is
# dropped and made in it for each run) the imports run on PostgreSQL too.
# The last table gives issue 19's goals as ratios of this run's medians,
# with each tracker process's peak RSS (ru_maxrss of the reaped process).
#
# Needs Go, gcc, python3, node and npm. Missing Debian packages (openpyxl,
# pandas, xlsxwriter, libxlsxwriter) are installed with apt-get when run as
# root; the Node.js peers are installed with npm into $CACHE. Inputs and
# results stay in $OUT (default /tmp/tracker-bench): results.tsv, tables.md.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${OUT:-${TMPDIR:-/tmp}/tracker-bench}
CACHE=${CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/tracker-bench}
if [ "${QUICK:-}" = 1 ]; then NS=${NS-"530 2000"}; RUNS=${RUNS:-1}; fi
NS=${NS-"530 20000 200000"}
RUNS=${RUNS:-3}
LIMIT=${LIMIT:-300s}
TASKS=${TASKS:-"read write"}
PY=${PY:-/usr/bin/python3}   # Debian's python3-* packages install for the system python
export TZ=UTC
PEERS="$ROOT/scripts/benchpeers"

# 1. The peers. Debian packages first, then the Node.js ones into the cache.
need=()
for m in openpyxl pandas xlsxwriter; do "$PY" -c "import $m" 2>/dev/null || need+=("python3-$m"); done
[ -f /usr/include/xlsxwriter.h ] || need+=(libxlsxwriter-dev)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then echo "missing Debian packages: ${need[*]} (run as root or install them)" >&2; exit 1; fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
mkdir -p "$CACHE/node" "$OUT/bin" "$OUT/data" "$OUT/db" "$OUT/w"
if ! cmp -s "$PEERS/package.json" "$CACHE/node/package.json" || [ ! -d "$CACHE/node/node_modules/exceljs" ]; then
  cp "$PEERS/package.json" "$CACHE/node/package.json"
  (cd "$CACHE/node" && npm install --no-audit --no-fund --silent)
fi
export NODE_PATH="$CACHE/node/node_modules"
gcc -O2 -o "$OUT/bin/write_libxlsxwriter" "$PEERS/write_libxlsxwriter.c" -lxlsxwriter

# 2. tracker and the benchmark's own tools, from this checkout.
(cd "$ROOT" && go build -o "$OUT/bin/tracker" ./cmd/tracker && go build -o "$OUT/bin/benchgen" ./scripts/benchgen &&
  go build -o "$OUT/bin/benchmeasure" ./scripts/benchmeasure)
T="$OUT/bin/tracker"

# 3. The inputs: shared strings, as Excel saves (generated once per N).
"$OUT/bin/benchgen" -pools "$OUT/data/pools.tsv"
for n in $NS; do
  f="$OUT/data/ledger_${n}_sst.xlsx"
  [ -f "$f" ] || "$OUT/bin/benchgen" -sst -n "$n" -o "$f"
  if [[ " $TASKS " == *" update "* ]]; then
    u="$OUT/data/ledger_${n}_upd.xlsx"
    [ -f "$u" ] || "$OUT/bin/benchgen" -sst -update -n "$n" -o "$u"
  fi
done
rm -f "$OUT/db/empty.db" && "$T" init --db "$OUT/db/empty.db" >/dev/null
if [ -n "${TRACKER_BENCH_POSTGRES:-}" ]; then
  case "$TRACKER_BENCH_POSTGRES" in *\?*) PGDSN="$TRACKER_BENCH_POSTGRES&search_path=tracker_bench" ;; *) PGDSN="$TRACKER_BENCH_POSTGRES?search_path=tracker_bench" ;; esac
  PGFRESH="psql -q '$TRACKER_BENCH_POSTGRES' -c 'DROP SCHEMA IF EXISTS tracker_bench CASCADE' -c 'CREATE SCHEMA tracker_bench' && '$T' init --db '$PGDSN' >/dev/null"
fi

RES="$OUT/results.tsv"; : > "$RES"
m() { "$OUT/bin/benchmeasure" run -o "$RES" -runs "$RUNS" -limit "$LIMIT" "$@" >/dev/null; }
READ="read a ledger of N rows × 12 columns (shared strings, as Excel saves)"
WRITE="write N rows × 12 columns, formatted"

# 4. Reading: each peer visits every cell; tracker reads, validates and
# commits to a fresh SQLite copy of an empty database each run.
if [[ " $TASKS " == *" read "* ]]; then
  for n in $NS; do
    f="$OUT/data/ledger_${n}_sst.xlsx"
    m -task "$READ" -tool "openpyxl read_only (read only)" -n "$n" -- "$PY" "$PEERS/peers.py" read-openpyxl "$f"
    m -task "$READ" -tool "pandas.read_excel (read only)" -n "$n" -- "$PY" "$PEERS/peers.py" read-pandas "$f"
    m -task "$READ" -tool "SheetJS xlsx readFile (read only)" -n "$n" -- node "$PEERS/peers.js" read-sheetjs "$f"
    m -task "$READ" -tool "exceljs stream WorkbookReader (read only)" -n "$n" -- node "$PEERS/peers.js" read-exceljs "$f"
    m -task "$READ" -tool "tracker import: read, validate, commit to SQLite" -n "$n" -- sh -c \
      "d=\$(mktemp -d '$OUT/run.XXXXXX') && cp '$OUT/db/empty.db' \$d/t.db && '$T' import --db \$d/t.db --period 2024-10 '$f' >\$d/out; rc=\$?; grep -m1 数据行 \$d/out; rm -rf \$d; exit \$rc"
    if [ -n "${TRACKER_BENCH_POSTGRES:-}" ]; then
      m -task "$READ" -tool "tracker import: read, validate, commit to PostgreSQL" -n "$n" -setup "$PGFRESH" -- sh -c \
        "'$T' import --db '$PGDSN' --period 2024-10 '$f' >'$OUT/db/out.txt'; rc=\$?; grep -m1 数据行 '$OUT/db/out.txt'; exit \$rc"
    fi
  done
fi

# 4b. Updating: the same N projects, every figure changed (benchgen -update),
# imported over a database holding the first import (copied, untimed, before
# each run).
if [[ " $TASKS " == *" update "* ]]; then
  for n in $NS; do
    base="$OUT/db/ledger_$n.db"
    if [ ! -f "$base" ]; then cp "$OUT/db/empty.db" "$base" && "$T" import --db "$base" --period 2024-10 "$OUT/data/ledger_${n}_sst.xlsx" >/dev/null; fi
    u="$OUT/data/ledger_${n}_upd.xlsx"
    m -task "$READ" -tool "tracker import: update every figure, SQLite" -n "$n" -setup "cp '$base' '$OUT/db/upd.db' && rm -f '$OUT/db/upd.db-wal' '$OUT/db/upd.db-shm'" -- sh -c \
      "'$T' import --db '$OUT/db/upd.db' --period 2024-10 '$u' >'$OUT/db/out.txt'; rc=\$?; grep -m1 数据行 '$OUT/db/out.txt'; exit \$rc"
    if [ -n "${TRACKER_BENCH_POSTGRES:-}" ]; then
      m -task "$READ" -tool "tracker import: update every figure, PostgreSQL" -n "$n" \
        -setup "$PGFRESH && '$T' import --db '$PGDSN' --period 2024-10 '$OUT/data/ledger_${n}_sst.xlsx' >/dev/null" -- sh -c \
        "'$T' import --db '$PGDSN' --period 2024-10 '$u' >'$OUT/db/out.txt'; rc=\$?; grep -m1 数据行 '$OUT/db/out.txt'; exit \$rc"
    fi
  done
fi

# 5. Writing: each peer writes N formatted rows (read back by openpyxl);
# tracker writes its monthly 调度 workbook as of October and its quarterly
# workbook of Q4 (项目明细 holding the N projects, the lists their share)
# from a database holding the N-row ledger imported for October. The
# readback counts each workbook's cells holding a value (every sheet): the
# goals compare the writers per cell. Issue 19's goal is for 53,000
# projects: NS=53000 TASKS=write.
if [[ " $TASKS " == *" write "* ]]; then
  for n in $NS; do
    db="$OUT/db/ledger_$n.db"
    if [ ! -f "$db" ]; then cp "$OUT/db/empty.db" "$db" && "$T" import --db "$db" --period 2024-10 "$OUT/data/ledger_${n}_sst.xlsx" >/dev/null; fi
    w() { local id=$1 tool=$2; shift 2; m -task "$WRITE" -tool "$tool" -n "$n" -verify "'$PY' '$PEERS/peers.py' verify '$OUT/w/${id}_$n.xlsx'" -- "$@" "$OUT/w/${id}_$n.xlsx" "$n" "$OUT/data/pools.tsv"; }
    w openpyxl "openpyxl write_only" "$PY" "$PEERS/peers.py" write-openpyxl
    w xlsxwriter "python xlsxwriter constant_memory" "$PY" "$PEERS/peers.py" write-xlsxwriter
    w sheetjs "SheetJS xlsx writeFile" node "$PEERS/peers.js" write-sheetjs
    w exceljs "exceljs stream WorkbookWriter" node "$PEERS/peers.js" write-exceljs
    w libxlsxwriter "libxlsxwriter (C) constant_memory" "$OUT/bin/write_libxlsxwriter"
    m -task "$WRITE" -tool "tracker report: the whole 调度 workbook" -n "$n" \
      -verify "'$PY' '$PEERS/peers.py' verify-report '$OUT/w/tracker_$n.xlsx'" -- \
      "$T" report --db "$db" --year 2024 --month 10 -o "$OUT/w/tracker_$n.xlsx"
    m -task "$WRITE" -tool "tracker report: the whole quarterly workbook" -n "$n" \
      -verify "'$PY' '$PEERS/peers.py' verify-report '$OUT/w/tracker_q_$n.xlsx'" -- \
      "$T" report --db "$db" --year 2024 --quarter 4 -o "$OUT/w/tracker_q_$n.xlsx"
  done
fi
{ "$OUT/bin/benchmeasure" report "$RES"; "$OUT/bin/benchmeasure" goals "$RES"; } | tee "$OUT/tables.md"

# 6. tracker's read stage alone (importer.Read), as a Go benchmark on the same files.
echo
(cd "$ROOT" && TRACKER_BENCH_DATA="$OUT/data" go test ./importer -run '^$' -bench 'BenchmarkRead/peer' -benchmem -benchtime "${RUNS}x" | grep -E '^Benchmark' || true)
