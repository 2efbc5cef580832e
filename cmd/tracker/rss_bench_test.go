package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// BenchmarkImportPeakRSS runs the real binary, `tracker import`, as a
// child process on the import benchmark's ledgers ($TRACKER_BENCH_DATA/
// ledger_N_sst.xlsx and ledger_N_upd.xlsx, as scripts/bench-import.sh
// leaves them in $OUT/data) and reports the process's peak RSS (ru_maxrss
// from wait4) and CPU time: "new" into a fresh SQLite database, "update"
// every figure changed over the first import. Issue 19 bounds the peak
// RSS at 128 MiB; the figure is reported, never asserted.
//
//	TRACKER_BENCH_DATA=/tmp/tracker-bench/data go test ./cmd/tracker -run '^$' -bench ImportPeakRSS -benchtime 1x
func BenchmarkImportPeakRSS(b *testing.B) {
	dir := os.Getenv("TRACKER_BENCH_DATA")
	if dir == "" {
		b.Skip("TRACKER_BENCH_DATA is not set: scripts/bench-import.sh leaves the ledgers in $OUT/data")
	}
	bin := trackerBinary(b)
	for _, n := range []int{20000, 200000} {
		ledger := filepath.Join(dir, fmt.Sprintf("ledger_%d_sst.xlsx", n))
		update := filepath.Join(dir, fmt.Sprintf("ledger_%d_upd.xlsx", n))
		if _, err := os.Stat(ledger); err != nil {
			continue
		}
		fresh := func(b *testing.B) string {
			db := filepath.Join(b.TempDir(), "t.db")
			if out, err := exec.Command(bin, "init", "--db", db).CombinedOutput(); err != nil {
				b.Fatalf("init: %v\n%s", err, out)
			}
			return db
		}
		b.Run(fmt.Sprintf("new/rows=%d", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				db := fresh(b)
				b.StartTimer()
				measureImport(b, bin, db, ledger)
			}
		})
		if _, err := os.Stat(update); err != nil {
			continue
		}
		b.Run(fmt.Sprintf("update/rows=%d", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				db := fresh(b)
				runImport(b, bin, db, ledger)
				b.StartTimer()
				measureImport(b, bin, db, update)
			}
		})
	}
}

// measureImport imports file into db with the binary and reports the
// child's peak RSS and CPU.
func measureImport(b *testing.B, bin, db, file string) {
	ru := runImport(b, bin, db, file)
	b.ReportMetric(float64(ru.Maxrss)/1024, "peak-RSS-MiB")
	b.ReportMetric(time.Duration(ru.Utime.Nano()+ru.Stime.Nano()).Seconds(), "cpu-s")
}

func runImport(b *testing.B, bin, db, file string) *syscall.Rusage {
	cmd := exec.Command(bin, "import", "--db", db, "--period", "2024-10", file)
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("import %s: %v\n%s", file, err, out)
	}
	return cmd.ProcessState.SysUsage().(*syscall.Rusage)
}
