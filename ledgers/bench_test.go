package ledgers

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"tracker/models"
	"tracker/models/store"
)

// BenchmarkImport imports the import benchmark's ledgers in-process, read
// to commit on a fresh SQLite file: "new" 200,000 (or N) projects into an
// empty database, "update" the same projects with every figure changed
// (ledger_N_upd.xlsx) over the first import. TRACKER_BENCH_DATA names the
// folder of scripts/bench-import.sh's files; without it the benchmark
// skips. For profiles: go test ./ledgers -run '^$' -bench Import -cpuprofile.
func BenchmarkImport(b *testing.B) {
	dir := os.Getenv("TRACKER_BENCH_DATA")
	if dir == "" {
		b.Skip("TRACKER_BENCH_DATA is not set: scripts/bench-import.sh sets it")
	}
	for _, n := range []int{20000, 200000} {
		base, err := os.ReadFile(filepath.Join(dir, fmt.Sprintf("ledger_%d_sst.xlsx", n)))
		if err != nil {
			continue
		}
		upd, _ := os.ReadFile(filepath.Join(dir, fmt.Sprintf("ledger_%d_upd.xlsx", n)))
		b.Run(fmt.Sprintf("new/rows=%d", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				svc := benchService(b)
				b.StartTimer()
				benchImport(b, svc, base)
			}
		})
		if upd == nil {
			continue
		}
		b.Run(fmt.Sprintf("update/rows=%d", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				svc := benchService(b)
				benchImport(b, svc, base)
				b.StartTimer()
				benchImport(b, svc, upd)
			}
		})
	}
}

func benchService(b *testing.B) *Service {
	s, err := store.Open(filepath.Join(b.TempDir(), "t.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return &Service{Store: s}
}

func benchImport(b *testing.B, svc *Service, data []byte) {
	imp, err := svc.Import(context.Background(), Upload{FileName: "ledger.xlsx", Data: data, Period: models.MonthOf(2024, 10), User: office})
	if err != nil || imp.Status != models.StatusCommitted {
		b.Fatalf("import: %v %v", imp, err)
	}
}
