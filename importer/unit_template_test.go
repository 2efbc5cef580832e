package importer

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"tracker/models"
)

// unitLedgerFixture is 张店区's list at June 2024 as of May: one project
// started with figures to May, one 新开工 not yet started without any.
func unitLedgerFixture() UnitLedger {
	return UnitLedger{Unit: "张店区", Period: 202406, Projects: []models.Project{
		{Code: "2401-370303-04-01-000001", Year: 2024, Facts: models.Facts{Name: "张店区甲项目", District: "张店区", Nature: models.NatureContinuing,
			AnnualPlan: 18000 * models.Wan, PlannedStart: 202301, ActualStart: 202303, CompletedYTD: 96505000, PlannedCompletion: 202512},
			Investments: []models.Investment{{Period: 202405, CompletedYTD: 96505000}}},
		{Code: "2401-370303-04-01-000002", Year: 2024, Facts: models.Facts{Name: "张店区乙项目", District: "张店区", Nature: models.NatureNew,
			AnnualPlan: 5000 * models.Wan, PlannedStart: 202407}},
	}}
}

// TestUnitTemplateLocksWhatIsKnown: the known facts are filled in and
// locked, the cells to fill open, the sheet protected without a password,
// the stamp in the title, the 报告期 line and the document properties.
func TestUnitTemplateLocksWhatIsKnown(t *testing.T) {
	data, err := UnitTemplate(unitLedgerFixture())
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("台账")
	want := [][]string{
		{"张店区重大项目建设情况台账（2024年1-6月，预填台账 v1）"},
		{"填报单位：张店区", "", "", "报告期：2024年1-6月", "", "", "", "黄色单元格为本月填报内容，灰色为已填信息（不可修改）"},
		{"项目代码", "项目名称", "建设性质", "年度计划投资（万元）", "计划开工时间", "上月累计完成投资（1-5月，万元）", "1-6月累计完成投资（万元）",
			"实际开工时间", "形象进度", "存在问题/需协调事项", "计划竣工时间"},
		{"2401-370303-04-01-000001", "张店区甲项目", "续建", "18,000.00", "2023-01", "9,650.50", "", "2023-03", "", "", "2025-12"},
		{"2401-370303-04-01-000002", "张店区乙项目", "新开工", "5,000.00", "2024-07"},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("rows:\n got %q\nwant %q", rows, want)
	}
	locked := func(ref string) bool {
		id, err := f.GetCellStyle("台账", ref)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		return st.Protection == nil || st.Protection.Locked
	}
	for ref, want := range map[string]bool{"A4": true, "B4": true, "D4": true, "F4": true, "G4": false, "H4": true, "I4": false, "J4": false, "K4": false,
		"E5": true, "G5": false, "H5": false, "K5": false} {
		if got := locked(ref); got != want {
			t.Errorf("%s locked %v, want %v", ref, got, want)
		}
	}
	dvs, _ := f.GetDataValidations("台账")
	checks := map[string]string{}
	for _, dv := range dvs {
		checks[dv.Sqref] = dv.Type + " " + dv.Operator + " " + dv.Formula1
	}
	for sq, want := range map[string]string{"G4:G5": "decimal between 0", "H4:H5": "date between 36526", "K4:K5": "date between 36526", "I4:I5": "textLength between 0"} {
		if got := checks[sq]; len(got) < len(want) || got[:len(want)] != want {
			t.Errorf("validation of %s: %q, want %q…", sq, got, want)
		}
	}
	// Each month column's message gives the example its hint gives.
	for sq, want := range map[string]string{"H4:H5": "请填写年月，如2024-04", "K4:K5": "请填写年月，如2025-12"} {
		for _, dv := range dvs {
			if dv.Sqref == sq && (dv.Error == nil || *dv.Error != want || dv.Prompt == nil || !strings.Contains(*dv.Prompt, want[len("请填写年月，如"):])) {
				t.Errorf("validation of %s says %v (hint %v), want %q", sq, deref(dv.Error), deref(dv.Prompt), want)
			}
		}
	}
	props, _ := f.GetDocProps()
	if props.Keywords != "预填台账;unit=张店区;period=2024-06;version=v1" || props.Title != want[0][0] {
		t.Errorf("document properties %+v", props)
	}
	if UnitStamp(rows[0][0]) != UnitTemplateVersion || UnitStamp("淄博市重大项目建设情况台账（模板 v1）") != "" {
		t.Errorf("stamp not read from %q", rows[0][0])
	}
}

// TestUnitTemplateFilledInReadsBack: filled in, the pre-filled ledger reads
// with no period given, no problems, its unit from the stamp, and this
// month's figures.
func TestUnitTemplateFilledInReadsBack(t *testing.T) {
	data, err := UnitTemplate(unitLedgerFixture())
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	for ref, v := range map[string]any{"G4": 11200.25, "I4": "主体封顶", "J4": "用地指标待协调", "G5": 300, "H5": "2024-06", "K5": "2025-06"} {
		f.SetCellValue("台账", ref, v)
	}
	buf, _ := f.WriteToBuffer()
	l, err := Read(buf.Bytes(), Options{FileName: "张店区预填台账.xlsx"})
	if err != nil {
		t.Fatal(err)
	}
	if l.Period != 202406 || l.District != "张店区" || len(l.Problems) != 0 || l.RowsTotal != 2 {
		t.Fatalf("period %v, unit %q, rows %d, problems %+v", l.Period, l.District, l.RowsTotal, l.Problems)
	}
	common := FieldName | FieldDistrict | FieldNature | FieldAnnualPlan | FieldPlannedStart | FieldCompletedYTD | FieldActualStart | models.FieldPlannedCompletion
	want := []Record{
		{Sheet: "台账", Row: 4, Code: "2401-370303-04-01-000001", Has: common | models.FieldProgress | models.FieldProblems, Facts: models.Facts{Name: "张店区甲项目", District: "张店区",
			Nature: models.NatureContinuing, AnnualPlan: 18000 * models.Wan, PlannedStart: 202301, CompletedYTD: 112002500, ActualStart: 202303,
			Progress: "主体封顶", Problems: "用地指标待协调", PlannedCompletion: 202512}},
		{Sheet: "台账", Row: 5, Code: "2401-370303-04-01-000002", Has: common, Facts: models.Facts{Name: "张店区乙项目", District: "张店区",
			Nature: models.NatureNew, AnnualPlan: 5000 * models.Wan, PlannedStart: 202407, CompletedYTD: 300 * models.Wan, ActualStart: 202406, PlannedCompletion: 202506}},
	}
	if !reflect.DeepEqual(l.Records.All(), want) {
		t.Errorf("records:\n got %+v\nwant %+v", l.Records.All(), want)
	}
}

func TestUnitTemplateRefusesNoUnit(t *testing.T) {
	if _, err := UnitTemplate(UnitLedger{Period: 202406}); models.ErrorCode(err) != models.EINVALID {
		t.Errorf("no unit: %v", err)
	}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
