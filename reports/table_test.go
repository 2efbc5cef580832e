package reports

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"tracker/models"
)

// allTables returns every table of the quarterly report for in (更正
// included), 项目清单 and 修改记录.
func allTables(in Input) []*table {
	r := Build(in)
	return []*table{r.districtTable(), r.categoryTable(), r.levelTable(), r.departmentTable(), r.overdueTable(),
		r.laggingTable(), r.earlyTable(), r.unsentTable(), r.detailTable(), r.correctionsTable(),
		projectListTable(projectListInput(6)), auditTable("修改记录", auditRows(), auditGenerated)}
}

// TestTablesColumnsCarryTheirValues checks that every column of every
// table has a header and a value for each row (the 合计 row included), and
// that each sheet as written has exactly one header cell a column and no
// value right of the last header.
func TestTablesColumnsCarryTheirValues(t *testing.T) {
	in := withBases(testInput(6, 2))
	in.Corrections = []models.Correction{{Quarter: 1, Code: "2403-370303-04-01-000001", Field: "completed_ytd_wan", ImportID: 3, User: "admin"}}
	for _, tb := range allTables(in) {
		if tb.n == 0 && tb.sheet != sheetDepts { // the fixture has no project of a city department
			t.Errorf("%s: no rows to check", tb.sheet)
		}
		seen := map[string]bool{}
		for j, c := range tb.cols {
			if c.head == "" || c.value == nil {
				t.Errorf("%s column %d: head %q, value set %v", tb.sheet, j+1, c.head, c.value != nil)
			}
			if seen[c.head] {
				t.Errorf("%s: header %q twice", tb.sheet, c.head)
			}
			seen[c.head] = true
		}
		rows := 0
		_ = tb.each(func(_ int, v []any) error {
			rows++
			if len(v) != len(tb.cols) {
				t.Errorf("%s: %d values, %d columns", tb.sheet, len(v), len(tb.cols))
			}
			return nil
		})
		if rows != tb.n {
			t.Errorf("%s: %d rows, want %d", tb.sheet, rows, tb.n)
		}
	}
	var buf bytes.Buffer
	if err := Build(in).Write(&buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, tb := range allTables(in)[:10] {
		rows, err := f.GetRows(tb.sheet)
		if err != nil {
			t.Fatal(err)
		}
		if got := len(rows[headerRow-1]); got != len(tb.cols) {
			t.Errorf("%s: %d header cells, want %d", tb.sheet, got, len(tb.cols))
		}
		for i := headerRow; i < tb.dataEnd(); i++ {
			if len(rows[i]) > len(tb.cols) {
				t.Errorf("%s row %d: %d cells, %d columns", tb.sheet, i+1, len(rows[i]), len(tb.cols))
			}
		}
	}
}

// cellsByHeader returns the row of sheet whose column head key holds
// value, as header (without its line breaks) → the cell as shown.
func cellsByHeader(t *testing.T, f *excelize.File, sheet, key, value string) map[string]string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	heads := rows[headerRow-1]
	for _, row := range rows[headerRow:] {
		got := map[string]string{}
		for j, h := range heads {
			got[strings.ReplaceAll(h, "\n", "")] = ""
			if j < len(row) {
				got[strings.ReplaceAll(h, "\n", "")] = row[j]
			}
		}
		if got[key] == value {
			return got
		}
	}
	t.Fatalf("%s: no row with %s %q", sheet, key, value)
	return nil
}

// TestDetailCellsUnderTheirHeaders reads one known project's row of 项目明细
// by its headers: every cell is the project's value of that column.
func TestDetailCellsUnderTheirHeaders(t *testing.T) {
	in := testInput(6, 2)
	p := &in.Projects[1] // 张店区新材料项目: 新开工, planned and started in March
	p.Progress, p.Problems, p.PlannedCompletion = "主体结构封顶", "=用地指标待协调", models.MonthOf(2025, 10)
	f, _ := openReport(t, in)
	got := cellsByHeader(t, f, sheetDetails, "项目代码", "2403-370303-04-01-000002")
	want := map[string]string{
		"序号": "2", "项目代码": "2403-370303-04-01-000002", "项目名称": "张店区新材料项目", "区县": "张店区",
		"责任单位": "张店区发展和改革局", "建设性质": "新开工", "类别": "工业", "级别": "市重大",
		"总投资（万元）": "30,000.00", "年度计划投资（万元）": "8,000.00", "1-6月累计完成投资（万元）": "3,000.00",
		"完成率": "37.5%", "与序时差（个百分点）": "-2.5", "投资预警": "绿", "计划开工时间": "2024年3月",
		"实际开工时间": "2024年3月", "开工状态": "已开工", "开工预警": "", "未报送": "",
		"形象进度": "主体结构封顶", "存在问题/需协调事项": "=用地指标待协调", "计划竣工时间": "2025年10月",
	}
	if !reflect.DeepEqual(got, want) {
		for h, w := range want {
			if got[h] != w {
				t.Errorf("项目明细 %s = %q, want %q", h, got[h], w)
			}
		}
		for h := range got {
			if _, ok := want[h]; !ok {
				t.Errorf("项目明细 has column %s (%q) not checked", h, got[h])
			}
		}
	}
}

// TestProjectListCellsUnderTheirHeaders does the same for 项目清单, whose
// headers are the registry's in full.
func TestProjectListCellsUnderTheirHeaders(t *testing.T) {
	var buf bytes.Buffer
	if err := ProjectList(&buf, projectListInput(6)); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got := cellsByHeader(t, f, sheetProjectList, "项目代码", "2403-370303-04-01-000004")
	want := map[string]string{
		"序号": "4", "项目代码": "2403-370303-04-01-000004", "项目名称": "张店区智能制造基地", "所属区县": "张店区",
		"责任单位": "张店区发展和改革局", "建设性质": "新开工", "项目类别": "工业", "项目级别": "市重大",
		"总投资（万元）": "24,000.00", "年度计划投资（万元）": "6,000.00", "1-6月累计完成投资（万元）": "3,500.00",
		"计划开工时间": "2024年9月", "实际开工时间": "2024年5月", "投资预警": "绿", "开工预警": "",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("项目清单 row:\n got %v\nwant %v", got, want)
	}
}

// TestMadeRowsMakesEachRowOnce checks that a row's columns share one made
// row: a project's status is worked out once a row, not once a cell.
func TestMadeRowsMakesEachRowOnce(t *testing.T) {
	made := 0
	at := madeRows(func(i int) int { made++; return i * 10 })
	type r = col[int]
	tb := &table{n: 3, cols: bind(at, r{"a", kInt, func(v *int) any { return *v }}, r{"b", kInt, func(v *int) any { return *v + 1 }})}
	var got [][]any
	_ = tb.each(func(_ int, v []any) error { got = append(got, append([]any(nil), v...)); return nil })
	if want := [][]any{{0, 1}, {10, 11}, {20, 21}}; !reflect.DeepEqual(got, want) || made != 3 {
		t.Errorf("rows %v (made %d), want %v (made 3)", got, made, want)
	}
}

// TestCorrectionsSheetCells reads 更正 back: amounts are 万元 number
// cells, a month a date cell, none "—", the time on the office's clock
// (UTC+8) whatever the zone it was given in.
func TestCorrectionsSheetCells(t *testing.T) {
	in := testInput(6, 2)
	s := func(v string) *string { return &v }
	at := time.Date(2024, 7, 10, 2, 30, 0, 0, time.UTC)
	in.Corrections = []models.Correction{
		{Quarter: 1, Code: "2403-370303-04-01-000001", Field: "completed_ytd_wan", Old: s("2500"), New: s("2600.25"), ImportID: 21, User: "admin", At: &at},
		{Quarter: 1, Code: "2403-370303-04-01-000002", Field: "actual_start", New: s("2024-03"), ImportID: 22, User: "admin"},
	}
	f, _ := openReport(t, in)
	rows, err := f.GetRows(sheetCorrections)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rows[headerRow-1 : headerRow+2] {
		got = append(got, strings.Join(r, "|"))
	}
	want := []string{"序号|更正的季度|项目代码|项目名称|内容|原值|新值|导入编号|更正人|更正时间",
		"1|第1季度|2403-370303-04-01-000001|张店区高端装备产业园|累计完成投资（万元）|2,500.00|2,600.25|21|admin|2024-07-10 10:30:00",
		"2|第1季度|2403-370303-04-01-000002|张店区新材料项目|实际开工时间|—|2024年3月|22|admin"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("更正\n got %q\nwant %q", got, want)
	}
	for _, ref := range []string{"F4", "G4", "G5", "J4"} {
		if typ, _ := f.GetCellType(sheetCorrections, ref); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
			t.Errorf("更正!%s has type %v, want a number", ref, typ)
		}
	}
}
