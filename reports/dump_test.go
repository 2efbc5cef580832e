package reports

import (
	"bytes"
	"flag"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.txt")

// dumpWorkbook returns a workbook's content as text: per sheet its used
// range, panes, page setup, column widths and merges, then every non-empty
// cell with its type, raw value, number format and fill.
func dumpWorkbook(t *testing.T, data []byte) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("open workbook: %v", err)
	}
	defer f.Close()
	var b strings.Builder
	for _, dn := range f.GetDefinedName() {
		fmt.Fprintf(&b, "name %s scope=%s refers=%s\n", dn.Name, dn.Scope, dn.RefersTo)
	}
	for _, sheet := range f.GetSheetList() {
		dumpSheet(t, f, sheet, &b)
	}
	dumpCharts(t, data, &b)
	return b.String()
}

// dumpCharts writes each chart part: its kinds of plot, title and the
// ranges of its series, in part order.
func dumpCharts(t *testing.T, data []byte, b *strings.Builder) {
	parts := zipFiles(t, data)
	var names []string
	for name := range parts {
		if strings.HasPrefix(name, "xl/charts/chart") {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	kinds := regexp.MustCompile(`<(?:c:)?(barChart|lineChart|pieChart|areaChart)>`)
	texts := regexp.MustCompile(`<a:t>([^<]*)</a:t>`)
	refs := regexp.MustCompile(`<(?:c:)?f>([^<]*)</(?:c:)?f>`)
	for _, name := range names {
		x := parts[name]
		fmt.Fprintf(b, "chart %s", name)
		for _, m := range kinds.FindAllStringSubmatch(x, -1) {
			b.WriteString(" " + m[1])
		}
		for _, m := range texts.FindAllStringSubmatch(x, -1) {
			b.WriteString(" title=" + m[1])
		}
		b.WriteString("\n")
		for _, m := range refs.FindAllStringSubmatch(x, -1) {
			fmt.Fprintf(b, "  ref %s\n", html.UnescapeString(m[1]))
		}
	}
}

func dumpSheet(t *testing.T, f *excelize.File, sheet string, b *strings.Builder) {
	dim, _ := f.GetSheetDimension(sheet)
	panes, _ := f.GetPanes(sheet)
	layout, _ := f.GetPageLayout(sheet)
	fmt.Fprintf(b, "== %s dim=%s freeze=%v y=%d size=%d orient=%s fitW=%d fitH=%d\n", sheet, dim,
		panes.Freeze, panes.YSplit, deref(layout.Size), derefS(layout.Orientation), deref(layout.FitToWidth), deref(layout.FitToHeight))
	cols, _ := f.GetCols(sheet)
	var widths []string
	for i := range cols {
		w, _ := f.GetColWidth(sheet, colName(i+1))
		widths = append(widths, fmt.Sprintf("%s=%g", colName(i+1), w))
	}
	fmt.Fprintf(b, "widths %s\n", strings.Join(widths, " "))
	merges, _ := f.GetMergeCells(sheet)
	for _, m := range merges {
		fmt.Fprintf(b, "merge %s:%s\n", m.GetStartAxis(), m.GetEndAxis())
	}
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("%s: %v", sheet, err)
	}
	for r, row := range rows {
		for c, v := range row {
			if v == "" {
				continue
			}
			b.WriteString(dumpCell(t, f, sheet, cellName(c+1, r+1), v) + "\n")
		}
	}
}

// dumpCell returns "A1 n 0.539 fmt=0.0% fill=C6EFCE" for one cell.
func dumpCell(t *testing.T, f *excelize.File, sheet, ref, v string) string {
	typ, _ := f.GetCellType(sheet, ref)
	id, _ := f.GetCellStyle(sheet, ref)
	style, err := f.GetStyle(id)
	if err != nil {
		t.Fatalf("%s!%s style: %v", sheet, ref, err)
	}
	s := fmt.Sprintf("%s %s %q", ref, typeName(typ), v)
	if style.CustomNumFmt != nil {
		s += " fmt=" + *style.CustomNumFmt
	} else if style.NumFmt != 0 {
		s += fmt.Sprintf(" fmt=#%d", style.NumFmt)
	}
	if len(style.Fill.Color) > 0 {
		s += " fill=" + strings.Join(style.Fill.Color, ",")
	}
	return s
}

func typeName(t excelize.CellType) string {
	switch t {
	case excelize.CellTypeNumber, excelize.CellTypeUnset:
		return "n"
	case excelize.CellTypeInlineString, excelize.CellTypeSharedString:
		return "s"
	case excelize.CellTypeFormula:
		return "f"
	}
	return fmt.Sprintf("t%d", t)
}

func deref(p *int) int {
	if p == nil {
		return -1
	}
	return *p
}

func derefS(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// checkGolden compares got with testdata/name, or rewrites it with -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./reports -run Golden -update)", err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			g, w := line(gl, i), line(wl, i)
			if g != w {
				t.Fatalf("%s differs at line %d:\n got  %s\n want %s", name, i+1, g, w)
			}
		}
	}
}

func line(ls []string, i int) string {
	if i < len(ls) {
		return ls[i]
	}
	return "<end>"
}
