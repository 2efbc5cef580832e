package importer

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// TestProblemsWorkbookOfManyRowsIsStreamed: the problems workbook of a
// ledger whose 20,000 rows all have a problem streams its rows (excelize's
// cell model took 950 MiB for 100,000 such rows on a running server): it
// allocates under 200 MiB in all (355 MiB before), and every row is in it.
func TestProblemsWorkbookOfManyRowsIsStreamed(t *testing.T) {
	var b strings.Builder
	b.WriteString("2024年1-6月重大项目台账\n项目代码,项目名称,所属区县,建设性质,总投资,1-6月累计完成投资,形象进度\n")
	for i := 0; i < 20000; i++ {
		fmt.Fprintf(&b, "2403-370303-04-01-%06d,第%d个项目,张店区,新开工,%d,不是金额,主体结构施工中，完成投资约%d万元\n", i, i, 1000+i, i)
	}
	data := []byte(b.String())
	opts := Options{FileName: "a.csv"}
	l, err := Read(data, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Problems) < 20000 {
		t.Fatalf("%d problems, want one a row at least", len(l.Problems))
	}
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	out, err := ProblemsWorkbook(data, opts, l.Problems)
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if mib := (after.TotalAlloc - before.TotalAlloc) >> 20; mib > 200 {
		t.Errorf("the problems workbook of 20,000 rows allocated %d MiB, want at most 200", mib)
	}
	if rows := sheetRows(t, out, "a"); len(rows) != 20002 {
		t.Errorf("%d rows, want the title, the header and 20,000", len(rows))
	}
}
