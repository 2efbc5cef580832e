package importer

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"tracker/importer/sheet"
)

// BenchmarkRead reads ledgers of 530, 20,000 and 200,000 rows × 12 columns:
// "peer" the import benchmark's files when TRACKER_BENCH_DATA names their
// folder ($TRACKER_BENCH_DATA/ledger_N_sst.xlsx, shared strings as Excel
// saves them; scripts/bench-import.sh sets it), "clean" a ledger of the
// same shape written into b.TempDir, inline strings. It reports MB/s of the
// .xlsx and the peak heap in use while reading.
func BenchmarkRead(b *testing.B) {
	for _, n := range []int{530, 20000, 200000} {
		b.Run(fmt.Sprintf("peer/rows=%d", n), func(b *testing.B) {
			dir := os.Getenv("TRACKER_BENCH_DATA")
			if dir == "" {
				b.Skip("TRACKER_BENCH_DATA is not set: scripts/bench-import.sh sets it")
			}
			data, err := os.ReadFile(filepath.Join(dir, fmt.Sprintf("ledger_%d_sst.xlsx", n)))
			if err != nil {
				b.Skip("no ledger of this size in TRACKER_BENCH_DATA")
			}
			benchRead(b, data, n)
		})
		b.Run(fmt.Sprintf("clean/rows=%d", n), func(b *testing.B) {
			benchRead(b, cleanLedger(b, n), n)
		})
	}
}

// benchRead reads data b.N times and reports MB/s and the peak heap.
func benchRead(b *testing.B, data []byte, n int) {
	b.SetBytes(int64(len(data)))
	runtime.GC()
	stop, peak := sampleHeap()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		l, err := Read(data, Options{FileName: "ledger.xlsx"})
		if err != nil || l.Records.Len() != n {
			b.Fatalf("got %v records, err %v", l, err)
		}
		b.StopTimer()
		l = nil
		runtime.GC() // so the peak is one read's, not two
		b.StartTimer()
	}
	b.StopTimer()
	stop()
	b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MiB")
}

// sampleHeap samples HeapInuse every 5 ms until stop is called.
func sampleHeap() (stop func(), peak *atomic.Uint64) {
	peak = &atomic.Uint64{}
	done := make(chan struct{})
	go func() {
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak.Load() {
				peak.Store(ms.HeapInuse)
			}
			select {
			case <-done:
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	}()
	return func() { close(done) }, peak
}

// cleanLedger writes a ledger of n rows in the peer benchmark's shape.
func cleanLedger(b *testing.B, n int) []byte {
	path := filepath.Join(b.TempDir(), "ledger.xlsx")
	if err := writeBenchLedger(path, n); err != nil {
		b.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// writeBenchLedger writes a merged title, the peer benchmark's header and
// n rows with the StreamWriter.
func writeBenchLedger(path string, n int) error {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return err
	}
	date, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	head := []any{"序号", "项目代码", "项目名称", "所属区县", "责任单位", "建设性质", "总投资(万元)", "年度计划投资(万元)", "1-10月累计完成投资(万元)", "计划开工时间", "实际开工时间", "形象进度"}
	districts := []string{"张店区", "淄川区", "博山区", "周村区", "临淄区", "桓台县", "高青县", "沂源县"}
	areas := []string{"370303", "370302", "370304", "370306", "370305", "370321", "370322", "370323"}
	_ = sw.MergeCell("A1", "L1")
	_ = sw.SetRow("A1", []any{"2024年市重大项目建设情况台账"})
	_ = sw.SetRow("A2", head)
	r := rand.New(rand.NewPCG(2024, uint64(n)))
	for i := 1; i <= n; i++ {
		d := r.IntN(len(districts))
		t0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(300))
		row := []any{i, fmt.Sprintf("2403-%s-04-01-%06d", areas[d], 100000+i), fmt.Sprintf("%s第%d号重大项目", districts[d], i),
			districts[d], districts[d] + "发展和改革局", "新开工", float64(500+r.IntN(2000000)) / 10, float64(r.IntN(100000)) / 10,
			float64(r.IntN(100000)) / 100, excelize.Cell{StyleID: date, Value: t0}, excelize.Cell{StyleID: date, Value: t0.AddDate(0, 0, 9)},
			"已完成土地平整，正在进行主体结构施工"}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.SaveAs(path)
}

// BenchmarkReadXls reads the same 20,000-row ledger as .xlsx (excelize,
// as BenchmarkRead's clean one) and as .xls (LibreOffice's "MS Excel 97"
// conversion of it): importer.Read whole, and the readers alone (every row
// of every sheet streamed). The goal is the .xls within 2× the .xlsx.
func BenchmarkReadXls(b *testing.B) {
	const n = 20000
	xlsx := cleanLedger(b, n)
	xls := toXls(b, xlsx)
	for _, f := range []struct {
		format string
		data   []byte
	}{{"xlsx", xlsx}, {"xls", xls}} {
		b.Run(fmt.Sprintf("read/%s/rows=%d", f.format, n), func(b *testing.B) { benchRead(b, f.data, n) })
		b.Run(fmt.Sprintf("sheet/%s/rows=%d", f.format, n), func(b *testing.B) {
			b.SetBytes(int64(len(f.data)))
			for i := 0; i < b.N; i++ {
				if rows := streamAll(b, f.data, "ledger."+f.format); rows != n+2 {
					b.Fatalf("%d rows", rows)
				}
			}
		})
	}
}

// toXls converts an .xlsx to .xls with LibreOffice, or skips.
func toXls(b *testing.B, xlsx []byte) []byte {
	if _, err := exec.LookPath("soffice"); err != nil {
		b.Skip("no LibreOffice")
	}
	dir := b.TempDir()
	src := filepath.Join(dir, "ledger.xlsx")
	if err := os.WriteFile(src, xlsx, 0o644); err != nil {
		b.Fatal(err)
	}
	cmd := exec.Command("soffice", "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "xls:MS Excel 97", "--outdir", dir, src)
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("soffice: %v\n%s", err, out)
	}
	data, err := os.ReadFile(filepath.Join(dir, "ledger.xls"))
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// streamAll opens a file the way Read does and streams every row.
func streamAll(b *testing.B, data []byte, name string) int {
	book, err := sheet.Open(data, name, sheet.Options{Lazy: true})
	if err != nil {
		b.Fatal(err)
	}
	defer book.Close()
	rows := 0
	for _, s := range book.Sheets {
		if err := s.Rows(func(*sheet.Row) error { rows++; return nil }); err != nil {
			b.Fatal(err)
		}
	}
	return rows
}
