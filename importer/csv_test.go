package importer

import (
	"errors"
	"os"
	"testing"

	"golang.org/x/text/encoding/unicode"

	"tracker/importer/sheet"
)

// TestCSVUnicodeText reads what Excel saves as "Unicode text": UTF-16LE
// with a BOM, separated by tabs.
func TestCSVUnicodeText(t *testing.T) {
	text := "2024年1-6月重大项目台账\r\n项目代码\t项目名称\t1-6月累计完成投资（亿元）\r\n2403-370303-04-01-000001\t张店区项目\t1.5\r\n"
	data, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	l, err := Read(data, Options{FileName: "台账.txt"})
	if err != nil {
		t.Fatal(err)
	}
	if l.Format != "csv" || l.Records.Len() != 1 || l.Records.At(0).CompletedYTD != 150000000 || l.Records.At(0).Name != "张店区项目" {
		t.Errorf("got %+v", l)
	}
}

// TestMergesForceSecondPass: a district merged down over data rows is
// only known after the rows; the one-pass read must ask for a second one.
func TestMergesForceSecondPass(t *testing.T) {
	data, err := os.ReadFile("testdata/vertical_merge.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := parseFormat(inMemory(data), Options{FileName: "v.xlsx"}, true); !errors.Is(err, sheet.ErrRedo) {
		t.Errorf("lazy read: got %v, want sheet.ErrRedo", err)
	}
	basic, _ := os.ReadFile("testdata/basic.xlsx") // only the title is merged
	if _, err := parseFormat(inMemory(basic), Options{FileName: "b.xlsx"}, true); err != nil {
		t.Errorf("lazy read of a title merge: got %v, want no second pass", err)
	}
}

// TestWarningsPerKindLimit: past the limit, warnings of a kind become one
// summary line; the rows are still applied.
func TestWarningsPerKindLimit(t *testing.T) {
	csv := "2024年1-6月重大项目台账\n项目代码,项目名称,所属区县,1-6月累计完成投资\n" +
		"2403-370302-04-01-000001,甲,张店区,1\n2403-370302-04-01-000002,乙,张店区,1\n2403-370302-04-01-000003,丙,张店区,1\n"
	l, err := Read([]byte(csv), Options{FileName: "a.csv", Limits: Limits{MaxWarningsPerKind: 1}})
	if err != nil {
		t.Fatal(err)
	}
	if l.Records.Len() != 3 || len(l.Problems) != 2 {
		t.Fatalf("got %d records, problems %+v; want 3 records, 2 problems", l.Records.Len(), l.Problems)
	}
	if want := "另有2处“项目代码的区划段与所属区县不一致”的警告未逐行列出（每类最多列出1处）"; l.Problems[0].Message != want || l.Problems[0].Row != 0 {
		t.Errorf("summary: got %+v, want row 0 %q", l.Problems[0], want)
	}
	if l.Problems[1].Row != 3 || l.Problems[1].Column != "A" {
		t.Errorf("first warning: got %+v", l.Problems[1])
	}
}
