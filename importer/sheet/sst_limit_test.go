package sheet

import (
	"strings"
	"testing"
)

// TestSharedStringsAreCounted: a shared-string table of more entries than
// Limits.MaxStrings is refused as too large, read eagerly and in one pass
// alike (10 million short entries, 24 MB zipped, took 656 MiB); one of
// exactly the limit is read.
func TestSharedStringsAreCounted(t *testing.T) {
	book := func(n int) []byte {
		return zipOf(t, map[string]string{
			"xl/workbook.xml": `<workbook xmlns:r="r"><sheets><sheet name="s" r:id="rId1"/></sheets></workbook>`,
			"xl/_rels/workbook.xml.rels": `<Relationships ` + relsNS + `><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/>` +
				`<Relationship Id="rId2" Type="x/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
			"xl/sharedStrings.xml":     `<sst>` + strings.Repeat(`<si><t>x</t></si>`, n) + `</sst>`,
			"xl/worksheets/sheet1.xml": `<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`,
		})
	}
	limits := Limits{MaxStrings: 1000}
	for _, lazy := range []bool{false, true} {
		if err := readAll(book(1000), "s.xlsx", Options{Limits: limits, Lazy: lazy}); err != nil {
			t.Errorf("lazy %v: 1000 strings: %v", lazy, err)
		}
		err := readAll(book(1001), "s.xlsx", Options{Limits: limits, Lazy: lazy})
		wantKind(t, err, TooLarge)
		if !strings.Contains(err.Error(), "共享字符串表超过1000条") {
			t.Errorf("lazy %v: %v", lazy, err)
		}
	}
}
