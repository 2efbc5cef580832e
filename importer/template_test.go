package importer

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestTemplateExampleRowIsNeverImported: the generic template read back
// unchanged holds no record, only a warning about its 示例行; a row typed
// under the example is read, the example still not.
func TestTemplateExampleRowIsNeverImported(t *testing.T) {
	data, err := Template("v1")
	if err != nil {
		t.Fatal(err)
	}
	l, err := Read(data, Options{FileName: "模板.xlsx"})
	if err != nil {
		t.Fatal(err)
	}
	want := []Problem{{Sheet: "台账", Row: 4, Severity: SeverityWarning, Message: "第4行是模板的示例行，未导入；填报时请删除示例行"}}
	if l.Records.Len() != 0 || l.RowsTotal != 0 || l.Period != 202406 || !reflect.DeepEqual(l.Problems, want) {
		t.Errorf("unchanged template: records %+v, rows %d, period %v, problems %+v; want none, 0, 2024-06, %+v", l.Records.All(), l.RowsTotal, l.Period, l.Problems, want)
	}

	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	row := []any{"2403-370303-04-01-000777", "张店区某新项目", "张店区", "张店区发展和改革局", "新开工", "工业", "市重大", 100, 50, 12.5, "2024-03", "2024-04"}
	if err := f.SetSheetRow("台账", "A5", &row); err != nil {
		t.Fatal(err)
	}
	buf, _ := f.WriteToBuffer()
	l, err = Read(buf.Bytes(), Options{FileName: "模板.xlsx"})
	if err != nil {
		t.Fatal(err)
	}
	if l.Records.Len() != 1 || l.Records.At(0).Code != "2403-370303-04-01-000777" || l.Records.At(0).CompletedYTD != 125000 || l.RowsTotal != 1 || !reflect.DeepEqual(l.Problems, want) {
		t.Errorf("template with a row typed in: records %+v, rows %d, problems %+v", l.Records.All(), l.RowsTotal, l.Problems)
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
