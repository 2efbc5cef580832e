package reports

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"tracker/models"

	"github.com/xuri/excelize/v2"
)

// auditRows are a commit, an edit with formula-like values and a
// formula-like reason, an edit of an amount, an unknown field key in a
// reverted import, an edit of a month, and one of number-like text.
func auditRows() []AuditRow {
	cst := time.FixedZone("CST", 8*3600)
	return []AuditRow{
		{At: time.Date(2024, 7, 1, 9, 5, 30, 0, cst), User: "zhangdian", Kind: "monthly", FileName: "张店区1-6月台账.xlsx", Status: "committed",
			Code: "2403-370303-04-01-000001", Field: "completed_ytd_wan", Period: mo(6), Old: "2500", New: "6000.5", ImportID: 12},
		{At: time.Date(2024, 7, 2, 16, 40, 0, 0, cst), User: "admin", Kind: "edit", Code: "2403-370303-04-01-000003",
			Field: "name", Old: "=SUM(A1:A2)物流中心", New: "@物流中心", Reason: "=区县来函更正名称", ImportID: 13},
		{At: time.Date(2024, 7, 2, 16, 41, 0, 0, cst), User: "admin", Kind: "edit", Code: "2403-370303-04-01-000003",
			Field: "annual_plan_wan", Old: "-5", New: "12.3456", Reason: "按批复调整计划", ImportID: 13},
		{At: time.Date(2024, 7, 3, 8, 0, 0, 0, cst), User: "zichuan", Kind: "monthly", FileName: "-淄川.xlsx", Status: "reverted",
			Code: "2403-370302-04-01-000005", Field: "contact_phone", Period: mo(6), Old: "", New: "1", ImportID: 14, RevertedBy: "admin"},
		{At: time.Date(2024, 7, 4, 10, 0, 0, 0, cst), User: "admin", Kind: "edit", Code: "2403-370302-04-01-000006",
			Field: "planned_start", Old: "2024-03", New: "2024-05", Reason: "区县来函", ImportID: 15},
		{At: time.Date(2024, 7, 4, 10, 1, 0, 0, cst), User: "admin", Kind: "edit", Code: "2403-370302-04-01-000006",
			Field: "level", Old: "-5", New: "+0012", Reason: "核对", ImportID: 15},
	}
}

var auditGenerated = time.Date(2024, 7, 5, 9, 30, 0, 0, time.FixedZone("CST", 8*3600))

func writeAudit(t *testing.T, rows []AuditRow) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := AuditWorkbook(&buf, "重大项目数据修改记录", rows, auditGenerated); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestGoldenAudit(t *testing.T) {
	checkGolden(t, "audit.golden.txt", dumpWorkbook(t, writeAudit(t, auditRows())))
}

// TestAuditValuesStayText checks that what users typed is text, never a
// formula or a number, and reads back exactly.
func TestAuditValuesStayText(t *testing.T) {
	data := writeAudit(t, auditRows())
	if x := zipFiles(t, data)["xl/worksheets/sheet1.xml"]; strings.Contains(x, "<f>") {
		t.Error("修改记录 holds a formula")
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for ref, want := range map[string]string{"K5": "=SUM(A1:A2)物流中心", "L5": "@物流中心", "M5": "=区县来函更正名称",
		"K9": "-5", "L9": "+0012", "E7": "-淄川.xlsx", "M6": "按批复调整计划"} {
		got, _ := f.GetCellValue(sheetAudit, ref)
		typ, _ := f.GetCellType(sheetAudit, ref)
		if got != want || typ != excelize.CellTypeInlineString {
			t.Errorf("%s = %q (type %v), want text %q", ref, got, typ, want)
		}
	}
}

func TestAuditNamesKindsAndFieldsInChinese(t *testing.T) {
	f, err := excelize.OpenReader(bytes.NewReader(writeAudit(t, auditRows())))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for ref, want := range map[string]string{"D4": "上传台账", "D5": "手工修改", "I4": "累计完成投资（万元）", "I5": "项目名称",
		"I6": "年度计划投资（万元）", "I7": "contact_phone", "B4": "2024-07-01 09:05:30", "G5": "13", "N7": "admin", "M3": "修改原因"} {
		if got, _ := f.GetCellValue(sheetAudit, ref); got != want {
			t.Errorf("%s = %q, want %q", ref, got, want)
		}
	}
}

// TestAuditNumbersAreNumbers checks that amounts are number cells in
// 万元 with two decimals, months and the report month date cells, the
// import number a number, each with the exact value.
func TestAuditNumbersAreNumbers(t *testing.T) {
	f, err := excelize.OpenReader(bytes.NewReader(writeAudit(t, auditRows())))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for ref, want := range map[string]struct{ raw, shown, format string }{
		"K4": {"2500", "2,500.00", "#,##0.00"}, "L4": {"6000.5", "6,000.50", "#,##0.00"},
		"K6": {"-5", "-5.00", "#,##0.00"}, "L6": {"12.3456", "12.35", "#,##0.00"},
		"J4": {"45444", "2024年6月", `yyyy"年"m"月"`}, "K8": {"45352", "2024年3月", `yyyy"年"m"月"`}, "L8": {"45413", "2024年5月", `yyyy"年"m"月"`},
		"G4": {"12", "12", "0"}, "B4": {"45474.37881944444", "2024-07-01 09:05:30", "yyyy-mm-dd hh:mm:ss"},
	} {
		typ, _ := f.GetCellType(sheetAudit, ref)
		raw, _ := f.GetCellValue(sheetAudit, ref, excelize.Options{RawCellValue: true})
		shown, _ := f.GetCellValue(sheetAudit, ref)
		style, _ := f.GetCellStyle(sheetAudit, ref)
		st, _ := f.GetStyle(style)
		format := ""
		if st != nil && st.CustomNumFmt != nil {
			format = *st.CustomNumFmt
		}
		if typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber || raw != want.raw || shown != want.shown || format != want.format {
			t.Errorf("%s: type %v, raw %q, shown %q, format %q; want a number %q shown %q (%q)", ref, typ, raw, shown, format, want.raw, want.shown, want.format)
		}
	}
}

func TestAuditFieldKeysAllNamed(t *testing.T) {
	keys := []string{"project", "plan_entry"}
	for _, d := range models.FieldDefs() {
		keys = append(keys, d.Name)
	}
	for _, k := range keys {
		if models.FieldHeading(k) == k {
			t.Errorf("field %s has no Chinese name", k)
		}
	}
}

func TestAuditEmpty(t *testing.T) {
	f, err := excelize.OpenReader(bytes.NewReader(writeAudit(t, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got, _ := f.GetCellValue(sheetAudit, "A3"); got != "序号" {
		t.Errorf("A3 = %q, want the header", got)
	}
}
