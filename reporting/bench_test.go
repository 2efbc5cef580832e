package reporting_test

import (
	"context"
	"io"
	"os"
	"testing"

	"tracker/models"
	"tracker/models/store"
	"tracker/reporting"
)

// BenchmarkWorkbook makes the quarterly workbook (2024 Q4) and the
// monthly 调度 workbook (2024-10) from the database $TRACKER_BENCH_DB
// names, in process, for profiling the whole of `tracker report`
// (gathering the figures, building, writing): -cpuprofile, -memprofile.
// BenchmarkReportPeakRSS (cmd/tracker) measures the real binary.
//
//	TRACKER_BENCH_DB=/tmp/tracker-bench/db/ledger_53000.db go test ./reporting -run '^$' -bench Workbook -benchmem
func BenchmarkWorkbook(b *testing.B) {
	dsn := os.Getenv("TRACKER_BENCH_DB")
	if dsn == "" {
		b.Skip("TRACKER_BENCH_DB is not set: a database with a ledger imported for 2024-10")
	}
	s, err := store.OpenExisting(dsn)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	svc := &reporting.Service{Store: s, Rates: models.DefaultRateConfig()}
	ctx := context.Background()
	for _, c := range []struct {
		name string
		make func() (reporting.Workbook, error)
	}{
		{"quarterly", func() (reporting.Workbook, error) { return svc.Quarterly(ctx, 2024, 4) }},
		{"monthly", func() (reporting.Workbook, error) { return svc.Monthly(ctx, models.MonthOf(2024, 10)) }},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				wb, err := c.make()
				if err != nil {
					b.Fatal(err)
				}
				io.Discard.Write(wb.Data)
			}
		})
	}
}
