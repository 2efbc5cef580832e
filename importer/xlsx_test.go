package importer

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"testing"

	"github.com/xuri/excelize/v2"

	"tracker/importer/sheet"
)

// handXlsx builds a workbook the way the OpenXML SDK and some exporters
// write it: a namespace prefix on every element, inline strings, rows and
// cells without r attributes, a shared string with a phonetic run, and
// entities and _x000D_ escapes in the text.
func handXlsx(t *testing.T) []byte {
	t.Helper()
	parts := map[string]string{
		"xl/workbook.xml": `<?xml version="1.0"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
			`<x:sheets><x:sheet name="导出" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
		"xl/sharedStrings.xml": `<x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">` +
			`<x:si><x:r><x:t>淄博&amp;项目</x:t></x:r><x:rPh sb="0" eb="1"><x:t>ZB</x:t></x:rPh><x:r><x:t xml:space="preserve"> 甲</x:t></x:r></x:si></x:sst>`,
		"xl/worksheets/sheet1.xml": `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>` +
			`<x:row><x:c t="inlineStr"><x:is><x:t>2024年1-6月台账</x:t></x:is></x:c></x:row>` +
			`<x:row><x:c t="inlineStr"><x:is><x:t>项目代码</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>项目_x000D_名称</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>1-6月累计完成投资</x:t></x:is></x:c></x:row>` +
			`<x:row><x:c t="inlineStr"><x:is><x:t>2403-370303-04-01-000001</x:t></x:is></x:c><x:c t="s"><x:v>0</x:v></x:c><x:c><x:v>1.5E+2</x:v></x:c></x:row>` +
			`</x:sheetData></x:worksheet>`,
	}
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for name, body := range parts {
		f, err := w.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		f.Write([]byte(body))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestPrefixedInlineWorkbook(t *testing.T) {
	l, err := Read(handXlsx(t), Options{FileName: "export.xlsx"})
	if err != nil {
		t.Fatal(err)
	}
	if l.Records.Len() != 1 || len(l.Problems) != 0 {
		t.Fatalf("got %+v", l)
	}
	r := l.Records.At(0)
	if r.Sheet != "导出" || r.Row != 3 || r.Name != "淄博&项目甲" || r.CompletedYTD != 1500000 || l.Period != 202406 {
		t.Errorf("got %+v, period %v", r, l.Period)
	}
}

// TestSkippedSharedStringWantedLater: a long text first met in a column
// that is not read is skipped by the one-pass read; when a read column
// uses the same shared string later, the file is read again, correctly.
func TestSkippedSharedStringWantedLater(t *testing.T) {
	long := "淄博市某某新材料有限公司年产十万吨高性能复合材料及配套设施建设项目一期工程"
	f := excelize.NewFile()
	defer f.Close()
	rows := [][]any{
		{"2024年1-6月重大项目台账"},
		{"项目代码", "项目名称", "1-6月累计完成投资", "备注"},
	}
	for i := 1; i <= 80; i++ { // past the header window and the sampled rows, where columns start to be skipped
		rows = append(rows, []any{fmt.Sprintf("2403-370303-04-01-%06d", i), fmt.Sprintf("项目%d", i), i})
	}
	rows = append(rows, []any{"2403-370303-04-01-000081", "短名项目", 1, long},
		[]any{"2403-370303-04-01-000082", long, 2, "无"})
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := parseFormat(inMemory(buf.Bytes()), Options{FileName: "s.xlsx"}, true); !errors.Is(err, sheet.ErrRedo) {
		t.Errorf("lazy read: got %v, want sheet.ErrRedo", err)
	}
	l, err := Read(buf.Bytes(), Options{FileName: "s.xlsx"})
	if err != nil {
		t.Fatal(err)
	}
	if l.Records.Len() != 82 || l.Records.At(81).Name != long {
		t.Errorf("got %+v", l.Records.All())
	}
}
