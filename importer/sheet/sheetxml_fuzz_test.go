package sheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"
	"time"
)

// sheetXMLSeeds returns the first sheet and the shared strings of each
// .xlsx fixture (parts under 32 KiB), and of the workbook of every kind.
func sheetXMLSeeds(t testing.TB) [][2]string {
	var out [][2]string
	files := seedFiles(seedGlobs...)
	files["kinds.xlsx"] = kindsWorkbook(t)
	for p, data := range files {
		if !strings.HasSuffix(p, ".xlsx") {
			continue
		}
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			continue
		}
		parts := map[string]string{}
		for _, f := range zr.File {
			if f.UncompressedSize64 > 32<<10 {
				continue
			}
			rc, err := f.Open()
			if err != nil {
				continue
			}
			raw, _ := io.ReadAll(rc)
			rc.Close()
			parts[strings.ToLower(f.Name)] = string(raw)
		}
		if s := parts["xl/worksheets/sheet1.xml"]; s != "" {
			out = append(out, [2]string{s, parts["xl/sharedstrings.xml"]})
		}
	}
	if len(out) < 20 {
		t.Fatalf("only %d sheet seeds", len(out))
	}
	return out
}

// sheetBook is a workbook of one sheet with the given XML and shared
// strings (none when sst is ""), and a style that shows dates.
func sheetBook(t testing.TB, sheetXML, sst string) []byte {
	parts := map[string]string{
		"xl/workbook.xml": `<workbook xmlns:r="r"><sheets><sheet name="表" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships ` + relsNS + `><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="x/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="x/styles" Target="styles.xml"/></Relationships>`,
		"xl/styles.xml":            `<styleSheet><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="4"/></cellXfs></styleSheet>`,
		"xl/worksheets/sheet1.xml": sheetXML,
	}
	if sst != "" {
		parts["xl/sharedStrings.xml"] = sst
	}
	return zipOf(t, parts)
}

// sheetRead is what one read of a sheet gave.
type sheetRead struct {
	cells  []string
	merges []Range
	hidden map[int]bool
	err    error
}

// readSheetXML reads the one sheet of data eagerly or lazily, checking
// each row as it comes.
func readSheetXML(t *testing.T, data []byte, lazy bool) sheetRead {
	b, err := Open(data, "f.xlsx", Options{Limits: partLimits, Lazy: lazy})
	if err != nil {
		return sheetRead{err: err}
	}
	defer b.Close()
	var r sheetRead
	for _, s := range b.Sheets {
		r.err = s.Rows(func(row *Row) error {
			for i, c := range row.Cells {
				if c.Col < 0 || c.Col >= partLimits.MaxColumns || i > 0 && c.Col <= row.Cells[i-1].Col || len(c.Text) > partLimits.MaxCellBytes {
					t.Fatalf("row %d: cell %d %+v out of order, of range or too long", row.Num, i, c)
				}
				if c.Kind == KindSkipped {
					t.Fatalf("row %d: a cell skipped though every column is wanted", row.Num)
				}
				r.cells = append(r.cells, fmt.Sprintf("%s%d/%d/%v:%s", ColLetter(c.Col), row.Num, c.Kind, row.Hidden, c.Text))
			}
			if row.Num < 1 || row.Num > 1<<21 {
				t.Fatalf("row number %d", row.Num)
			}
			return nil
		})
		r.merges, r.hidden = s.Merges, s.HiddenCols
		if len(s.Merges) > partLimits.MaxMerges {
			t.Fatalf("%d merges, limit %d", len(s.Merges), partLimits.MaxMerges)
		}
		for _, m := range s.Merges {
			if m.C1 < 0 || m.C1 > m.C2 || m.C2 >= partLimits.MaxColumns || m.R1 < 1 || m.R1 > m.R2 {
				t.Fatalf("merge %+v", m)
			}
		}
		for c := range s.HiddenCols {
			if c < 0 || c >= partLimits.MaxColumns {
				t.Fatalf("hidden column %d", c)
			}
		}
	}
	return r
}

// FuzzSheetXML feeds mutated worksheet XML (and shared strings) to the
// xlsx sheet scanner, read both ways: no panic; every refusal an *Error
// with a Chinese message (or ErrRedo from the one-pass read); cells in
// column order within the limits, merges and hidden columns within them;
// and the one-pass read (merges after the rows, strings on demand) gives
// the same cells, merges, hidden columns and outcome as the two-pass one.
func FuzzSheetXML(f *testing.F) {
	for _, s := range sheetXMLSeeds(f) {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, sheetXML, sst string) {
		if len(sheetXML)+len(sst) > 256<<10 {
			return
		}
		start := cpuTime()
		data := sheetBook(t, sheetXML, sst)
		eager := readSheetXML(t, data, false)
		lazy := readSheetXML(t, data, true)
		if eager.err != nil {
			wantChineseError(t, eager.err)
		}
		if errors.Is(lazy.err, ErrRedo) {
			return
		}
		if lazy.err != nil {
			wantChineseError(t, lazy.err)
		}
		if (eager.err == nil) != (lazy.err == nil) {
			t.Fatalf("two passes: %v; one pass: %v", eager.err, lazy.err)
		}
		if eager.err == nil && (!reflect.DeepEqual(eager.cells, lazy.cells) || !reflect.DeepEqual(eager.merges, lazy.merges) ||
			!reflect.DeepEqual(eager.hidden, lazy.hidden)) {
			t.Fatalf("two passes and one differ:\n%q %v %v\n%q %v %v", eager.cells, eager.merges, eager.hidden, lazy.cells, lazy.merges, lazy.hidden)
		}
		if d := cpuTime() - start; d > 5*time.Second {
			t.Errorf("took %v of CPU", d)
		}
	})
}

// TestSheetDataNotClosed: merges after a sheetData that is empty
// (<sheetData/>) or never closed are passed over by the one-pass read,
// which says so (ErrRedo) rather than give the sheet without them; the
// two-pass read has them (FuzzSheetXML found the second).
func TestSheetDataNotClosed(t *testing.T) {
	for _, body := range []string{
		`<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>甲</t></is></c></row>`,
		`<sheetData/>`,
	} {
		data := sheetBook(t, `<worksheet>`+body+`<mergeCells><mergeCell ref="A1:B2"/></mergeCells></worksheet>`, "")
		if lazy := readSheetXML(t, data, true); !errors.Is(lazy.err, ErrRedo) {
			t.Errorf("%s: one pass gave %v %v, want ErrRedo", body, lazy.merges, lazy.err)
		}
		if eager := readSheetXML(t, data, false); eager.err != nil || !reflect.DeepEqual(eager.merges, []Range{{0, 1, 1, 2}}) {
			t.Errorf("%s: two passes gave %v %v, want [A1:B2]", body, eager.merges, eager.err)
		}
	}
}
