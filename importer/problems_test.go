package importer

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestProblemsWorkbookCopiesProblemRows(t *testing.T) {
	data, err := os.ReadFile("testdata/validation.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	opts := Options{FileName: "validation.xlsx"}
	l, err := Read(data, opts)
	if err != nil {
		t.Fatal(err)
	}
	out, err := ProblemsWorkbook(data, opts, l.Problems)
	if err != nil {
		t.Fatal(err)
	}
	rows := sheetRows(t, out, "台账")
	// header, then rows 4, 5, 7, 8, 9, 10, 11 of the original
	if len(rows) != 8 {
		t.Fatalf("got %d rows, want 8: %v", len(rows), rows)
	}
	if rows[0][0] != "项目代码" || rows[0][8] != "问题说明" {
		t.Errorf("header: got %v", rows[0])
	}
	if rows[1][1] != "负数项目" || rows[1][4] != "-5000" || !strings.Contains(rows[1][8], "为负数") {
		t.Errorf("first problem row: got %v", rows[1])
	}
	if rows[7][1] != "去年开工的新开工项目" || strings.Count(rows[7][8], "新开工项目的开工时间") != 2 {
		t.Errorf("last problem row: got %v", rows[7])
	}
}

func TestProblemsWorkbookWritesFormulasAsText(t *testing.T) {
	csv := "2024年1-6月重大项目台账\n项目代码,项目名称,1-6月累计完成投资\n=HYPERLINK(\"x\"),@SUM(1),+1\n"
	opts := Options{FileName: "a.csv"}
	l, err := Read([]byte(csv), opts)
	if err != nil {
		t.Fatal(err)
	}
	out, err := ProblemsWorkbook([]byte(csv), opts, l.Problems)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, ref := range []string{"A2", "B2", "C2"} {
		if formula, _ := f.GetCellFormula("a", ref); formula != "" {
			t.Errorf("%s became a formula: %q", ref, formula)
		}
	}
	if v, _ := f.GetCellValue("a", "A2"); v != `=HYPERLINK("x")` {
		t.Errorf("A2: got %q", v)
	}
}

func sheetRows(t *testing.T, data []byte, sheet string) [][]string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}
