package importer

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"tracker/models"
)

func TestTemplateReadsBackAsItsExample(t *testing.T) {
	data, err := Template("v1")
	if err != nil {
		t.Fatal(err)
	}
	l, err := Read(data, Options{FileName: "模板.xlsx"})
	if err != nil {
		t.Fatal(err)
	}
	want := Record{Sheet: "台账", Row: 4, Code: "2403-370303-04-01-000123",

		Has: FieldName | FieldDistrict | FieldUnit | FieldNature | FieldCategory | FieldLevel | FieldTotalInvestment |
			FieldAnnualPlan | FieldCompletedYTD | FieldPlannedStart | FieldActualStart, Facts: models.Facts{Name: "淄博齐鲁新材料产业园项目（示例）",
			District: "张店区", Unit: "张店区发展和改革局", Nature: models.NatureNew, Category: "工业", Level: "市重大",
			TotalInvestment: 52000 * models.Wan, AnnualPlan: 18000 * models.Wan, CompletedYTD: 96505000,
			PlannedStart: 202403, ActualStart: 202404},
	}
	if len(l.Records) != 1 || l.Records[0] != want {
		t.Errorf("records: got %+v, want [%+v]", l.Records, want)
	}
	if len(l.Problems) != 0 || l.Period != 202406 || l.RowsTotal != 1 {
		t.Errorf("got problems %v, period %v, rows %d; want none, 2024-06, 1", l.Problems, l.Period, l.RowsTotal)
	}
}

func TestTemplateHasListsFrozenHeaderAndVersion(t *testing.T) {
	data, err := Template("v2")
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	title, _ := f.GetCellValue("台账", "A1")
	if title != "淄博市重大项目建设情况台账（模板 v2）" {
		t.Errorf("title: got %q", title)
	}
	dvs, err := f.GetDataValidations("台账")
	if err != nil {
		t.Fatal(err)
	}
	lists := map[string]string{}
	for _, dv := range dvs {
		lists[dv.Sqref] = dv.Formula1
	}
	if !strings.Contains(lists["C4:C5000"], "文昌湖区") || !strings.Contains(lists["E4:E5000"], "续建") {
		t.Errorf("drop-down lists: got %v", lists)
	}
	panes, err := f.GetPanes("台账")
	if err != nil || !panes.Freeze || panes.TopLeftCell != "A4" {
		t.Errorf("frozen header: got %+v, %v", panes, err)
	}
}
