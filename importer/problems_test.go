package importer

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"tracker/models"
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
	// the title (it states the period), the header, then rows 4, 5, 7, 8,
	// 9, 10, 11 of the original
	if len(rows) != 9 {
		t.Fatalf("got %d rows, want 9: %v", len(rows), rows)
	}
	if rows[0][0] != "2024年1-6月重大项目台账" || rows[1][0] != "项目代码" || rows[1][8] != "问题级别" || rows[1][9] != "问题说明" {
		t.Errorf("title and header: got %v %v", rows[0], rows[1])
	}
	if rows[2][1] != "负数项目" || rows[2][4] != "-5000" || rows[2][8] != "错误" || !strings.Contains(rows[2][9], "为负数") {
		t.Errorf("first problem row: got %v", rows[2])
	}
	if rows[4][1] != "重复项目" || rows[4][8] != "警告" {
		t.Errorf("a row with a warning only: got %v", rows[4])
	}
	if rows[8][1] != "去年开工的新开工项目" || rows[8][8] != "警告" || strings.Count(rows[8][9], "新开工项目的开工时间") != 2 {
		t.Errorf("last problem row: got %v", rows[8])
	}
	again, err := Read(out, Options{FileName: "问题清单_validation.xlsx"})
	if err != nil || again.Period != l.Period {
		t.Errorf("the problems workbook reads again as %v, %v; want period %s", again, err, l.Period)
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
	for _, ref := range []string{"A3", "B3", "C3"} {
		if formula, _ := f.GetCellFormula("a", ref); formula != "" {
			t.Errorf("%s became a formula: %q", ref, formula)
		}
		// Corrected in Excel, the cell must stay text: the Text format "@".
		id, _ := f.GetCellStyle("a", ref)
		if st, err := f.GetStyle(id); err != nil || st.NumFmt != 49 {
			t.Errorf("%s: number format %v (%v), want 49 (Text), so that editing it keeps it text", ref, st, err)
		}
	}
	if id, _ := f.GetCellStyle("a", "A2"); id != 0 {
		t.Errorf("the header 项目代码 got style %d; only text that looks like a formula is marked", id)
	}
	if v, _ := f.GetCellValue("a", "A3"); v != `=HYPERLINK("x")` {
		t.Errorf("A3: got %q", v)
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

// TestProblemsWorkbookStatesThePeriod: a ledger whose period came with the
// upload gets a 报告期 line above its header, so the corrected workbook
// imports without the period being given again.
func TestProblemsWorkbookStatesThePeriod(t *testing.T) {
	csv := "张店区重大项目台账\n项目代码,项目名称,本年累计完成投资（万元）\n2403-370303-04-01-000001,甲项目,-1\n2403-370303-04-01-000002,乙项目,100\n"
	opts := Options{FileName: "张店区.csv", Period: models.MonthOf(2024, 6)}
	l, err := Read([]byte(csv), opts)
	if err != nil {
		t.Fatal(err)
	}
	out, err := ProblemsWorkbook([]byte(csv), opts, l.Problems)
	if err != nil {
		t.Fatal(err)
	}
	rows := sheetRows(t, out, "张店区")
	if len(rows) != 4 || rows[1][0] != "报告期：2024年1-6月" || rows[2][0] != "项目代码" || rows[3][1] != "甲项目" || rows[3][3] != "错误" {
		t.Fatalf("rows %v", rows)
	}
	again, err := Read(out, Options{FileName: "问题清单_张店区.xlsx"})
	if err != nil {
		t.Fatal(err)
	}
	// Only 甲项目 is copied, and its one problem is the same negative amount.
	if again.Period != opts.Period || again.Records.Len() != 0 || len(again.Problems) != 1 || !strings.Contains(again.Problems[0].Message, "为负数") {
		t.Errorf("read again: period %s, %d records, problems %v", again.Period, again.Records.Len(), again.Problems)
	}
}

// TestProblemsWorkbookTablesSideBySide: a bad row of the right-hand table
// of a sheet of two tables side by side is copied under that table's name,
// and the left table's row beside it is no problem.
func TestProblemsWorkbookTablesSideBySide(t *testing.T) {
	data, err := os.ReadFile("testdata/corpus/a22_side_by_side.xls")
	if err != nil {
		t.Fatal(err)
	}
	opts := Options{FileName: "a22_side_by_side.xls"}
	l, err := Read(data, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Problems) != 1 || l.Problems[0].Sheet != "Sheet1（H列起）" || l.Problems[0].Row != 5 || l.Problems[0].Column != "L" {
		t.Fatalf("problems: %+v", l.Problems)
	}
	out, err := ProblemsWorkbook(data, opts, l.Problems)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var found bool
	for _, name := range f.GetSheetList() {
		rows, _ := f.GetRows(name)
		for _, r := range rows {
			if strings.Contains(strings.Join(r, "|"), "待定") && strings.Contains(strings.Join(r, "|"), "不是有效的金额") {
				found = true
			}
		}
	}
	if !found {
		t.Errorf("the right table's bad row is not in the problems workbook (sheets %v)", f.GetSheetList())
	}
}
