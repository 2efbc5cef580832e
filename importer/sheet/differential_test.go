package sheet

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// The differential fixtures hold one content (testdata/gen/lo_fixtures.py:
// every kind of cell, formulas with their cached values, negative,
// fractional and large amounts, dates, hidden sheets, columns and rows,
// merges, an embedded chart, long Chinese and Latin-1 strings that span
// CONTINUE records) in several files: .xlsx and .xls by LibreOffice, in
// each date system; .xls (BIFF8) and Excel 95 (BIFF5) by Gnumeric
// (gen/gnumeric.sh). Every one must read as the same grid.

// TestDifferentialXlsXlsx: LibreOffice's .xls reads as its .xlsx of the
// same content, cell for cell, in both date systems.
func TestDifferentialXlsXlsx(t *testing.T) {
	for _, stem := range []string{"diff_1900", "diff_1904"} {
		want := readGrid(t, fixture(t, stem+".xlsx"), stem+".xlsx", false)
		got := readGrid(t, fixture(t, stem+".xls"), stem+".xls", false)
		if got.Format != "xls" || want.Format != "xlsx" {
			t.Errorf("%s: formats %q %q", stem, got.Format, want.Format)
		}
		sameGrid(t, stem+".xls", want, got, nil)
	}
}

// TestDifferentialOtherWriters: Gnumeric's BIFF8 and BIFF5 files read as
// LibreOffice's .xlsx. A BIFF5 file keeps its text in one codepage, so a
// character the codepage lacks was written as "?" by Gnumeric: the
// expected text is the .xlsx's put through the same codepage.
func TestDifferentialOtherWriters(t *testing.T) {
	cases := []struct {
		file, from string
		codepage   encoding.Encoding
	}{
		{"diff_1900_gnumeric.xls", "diff_1900.xlsx", nil},
		{"diff_1900_95.xls", "diff_1900.xlsx", simplifiedchinese.GBK},
		{"diff_1904_95.xls", "diff_1904.xlsx", simplifiedchinese.GBK},
		{"diff_1900_95_1252.xls", "diff_1900.xlsx", charmap.Windows1252},
	}
	for _, c := range cases {
		want := readGrid(t, fixture(t, c.from), c.from, false)
		got := readGrid(t, fixture(t, c.file), c.file, false)
		sameGrid(t, c.file, want, got, c.codepage)
	}
}

// TestDifferentialOpenpyxl: our reading of the .xlsx is openpyxl's
// (gen/openpyxl_grid.py), hence the .xls's too.
func TestDifferentialOpenpyxl(t *testing.T) {
	if _, err := exec.Command("/usr/bin/python3", "-c", "import openpyxl").CombinedOutput(); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("openpyxl is needed: %v", err)
		}
		t.Skip("no openpyxl")
	}
	for _, stem := range []string{"diff_1900", "diff_1904"} {
		out, err := exec.Command("/usr/bin/python3", "testdata/gen/openpyxl_grid.py", filepath.Join("testdata", stem+".xlsx")).Output()
		if err != nil {
			t.Fatalf("openpyxl: %v", err)
		}
		var want gridDoc
		if err := json.Unmarshal(out, &want); err != nil {
			t.Fatal(err)
		}
		sameGrid(t, stem+".xlsx (openpyxl)", want, readGrid(t, fixture(t, stem+".xlsx"), stem+".xlsx", false), nil)
		sameGrid(t, stem+".xls (openpyxl)", want, readGrid(t, fixture(t, stem+".xls"), stem+".xls", false), nil)
	}
}

// TestDifferentialCells checks cells of the content by hand, in every
// .xls, so that "the same as the .xlsx" cannot mean "the same mistake".
func TestDifferentialCells(t *testing.T) {
	for _, file := range []string{"diff_1900.xls", "diff_1904.xls", "diff_1900_gnumeric.xls", "velvet.xls"} {
		g := readGrid(t, fixture(t, file), file, false)
		is1904 := strings.Contains(file, "1904")
		day := 45366.0 // 2024-03-15
		if is1904 {
			day -= 1462
		}
		if g.Date1904 != is1904 || len(g.Sheets) != 5 {
			t.Fatalf("%s: date1904 %v, %d sheets", file, g.Date1904, len(g.Sheets))
		}
		ledger, hidden, chart, long := g.Sheets[0], g.Sheets[1], g.Sheets[2], g.Sheets[3]
		cells := cellMap(ledger.Cells)
		for ref, want := range map[string][]any{
			"C3": {"number", -1185877.33}, "C4": {"number", 0.1}, "C5": {"number", 123456789012.34}, "C6": {"number", 1e15},
			"C7": {"number", -0.005}, "C9": {"number", -12345.0}, "C10": {"number", 12.34}, "C12": {"number", -536870913.0},
			"C14": {"number", 1e-7}, "E3": {"date", day}, "E6": {"date", 0.5}, "F3": {"text", "Café Müller naïve façade Ñandú ½ © ÀÉÎÕÜ ß"},
			"F6": {"text", "第一行\n第二行"}, "F7": {"text", "𠀀𡈽 CJK扩展B"}, "G3": {"bool", true}, "G4": {"bool", false},
			"I4": {"number", -2371754.66}, "I5": {"text", "甲乙"}, "I7": {"error", "#DIV/0!"}, "I8": {"error", "#N/A"},
			"I10": {"error", "#NUM!"}, "I11": {"bool", true}, "I12": {"bool", false}, "I16": {"date", day},
		} {
			if got := cells[ref]; !reflect.DeepEqual(got, want) {
				t.Errorf("%s %s: got %v, want %v", file, ref, got, want)
			}
		}
		if _, ok := cells["I6"]; ok {
			t.Errorf("%s: a formula giving \"\" is an empty cell", file)
		}
		if s, _ := cells["I13"][1].(string); len([]rune(s)) != 5001 || !strings.HasPrefix(s, "长字字") {
			t.Errorf("%s: the long formula string has %d characters", file, len([]rune(s)))
		}
		if !hidden.Hidden || ledger.Hidden || !reflect.DeepEqual(ledger.HiddenColumns, []int{4, 10}) {
			t.Errorf("%s: hidden %v %v, columns %v", file, hidden.Hidden, ledger.Hidden, ledger.HiddenColumns)
		}
		if len(chart.Cells) != 12 { // the chart's substream adds no cells
			t.Errorf("%s: the chart sheet has %d cells", file, len(chart.Cells))
		}
		lc := cellMap(long.Cells)
		if s := lc["C1"][1].(string); s != strings.Repeat("长", 6000) {
			t.Errorf("%s: the 6,000-character string reads as %d characters", file, len([]rune(s)))
		}
		if s := lc["D1"][1].(string); s != strings.Repeat("Ñandú é ", 1200)[:len(s)] || len([]rune(s)) != 9000 {
			t.Errorf("%s: the Latin-1 string reads as %q…", file, s[:min(len(s), 40)])
		}
	}
}

// TestDefaultPassword: a workbook encrypted with Excel's default password
// "VelvetSweatshop" (what Excel writes for a structure-protected .xls, and
// opens without asking) reads as the same workbook unencrypted;
// velvet.xls is LibreOffice's RC4 encryption of diff_1900 with that
// password. A real password is refused with a message saying so.
func TestDefaultPassword(t *testing.T) {
	data := fixture(t, "velvet.xls")
	if fp, ok := filepass(mustCFB(t, data)); !ok || u16(fp.data, 0) != 1 || u16(fp.data, 2) != 1 {
		t.Fatalf("velvet.xls is not RC4-encrypted: %v", fp)
	}
	sameGrid(t, "velvet.xls", readGrid(t, fixture(t, "diff_1900.xls"), "diff_1900.xls", false), readGrid(t, data, "velvet.xls", false), nil)
	err := readAll(fixture(t, "password.xls"), "password.xls", Options{})
	wantKind(t, err, Unsupported)
	if !strings.Contains(err.Error(), "打开密码") {
		t.Errorf("message %q does not say the file has a password", err)
	}
}

func fixture(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func mustCFB(t *testing.T, data []byte) []byte {
	t.Helper()
	wb, err := openCFB(data)
	if err != nil {
		t.Fatal(err)
	}
	return wb.stream
}

// cellMap indexes grid cells by reference: "C3" → [kind, value].
func cellMap(cells [][]any) map[string][]any {
	out := map[string][]any{}
	for _, c := range cells {
		out[ColLetter(int(c[1].(float64))-1)+strconv.Itoa(int(c[0].(float64)))] = []any{c[2], c[3]}
	}
	return out
}

// sameGrid fails unless got is want: the same sheets, flags, hidden
// columns, merges (in any order) and cells. Numbers agree to 15
// significant digits, Excel's precision (LibreOffice writes a sum of
// 1,000,123,455,615,480.1 to the .xlsx as 1000123455615480). With a
// codepage, want's texts are first put through it, as a BIFF5 writer must.
func sameGrid(t *testing.T, name string, want, got gridDoc, codepage encoding.Encoding) {
	t.Helper()
	if want.Date1904 != got.Date1904 || len(want.Sheets) != len(got.Sheets) {
		t.Fatalf("%s: date1904 %v, %d sheets; want %v, %d", name, got.Date1904, len(got.Sheets), want.Date1904, len(want.Sheets))
	}
	for i, w := range want.Sheets {
		g := got.Sheets[i]
		sort.Strings(w.Merges)
		sort.Strings(g.Merges)
		if lossy(w.Name, codepage) != g.Name || w.Hidden != g.Hidden || !reflect.DeepEqual(w.HiddenColumns, g.HiddenColumns) ||
			!reflect.DeepEqual(w.Merges, g.Merges) {
			t.Errorf("%s sheet %d: got %q hidden %v columns %v merges %v; want %q %v %v %v", name, i,
				g.Name, g.Hidden, g.HiddenColumns, g.Merges, w.Name, w.Hidden, w.HiddenColumns, w.Merges)
		}
		wc, gc := cellMap(w.Cells), cellMap(g.Cells)
		for ref, wv := range wc {
			if s, ok := wv[1].(string); ok {
				wv = []any{wv[0], lossy(s, codepage)}
			}
			if gv := gc[ref]; !sameValue(wv, gv) {
				t.Errorf("%s %s!%s: got %.80v, want %.80v", name, w.Name, ref, gv, wv)
			}
		}
		for ref, gv := range gc {
			if wc[ref] == nil {
				t.Errorf("%s %s!%s: got %.80v, want no cell", name, w.Name, ref, gv)
			}
		}
	}
}

func sameValue(a, b []any) bool {
	if len(a) != 2 || len(b) != 2 || a[0] != b[0] {
		return false
	}
	x, ok1 := a[1].(float64)
	y, ok2 := b[1].(float64)
	if ok1 && ok2 {
		return strconv.FormatFloat(x, 'g', 15, 64) == strconv.FormatFloat(y, 'g', 15, 64)
	}
	return a[1] == b[1]
}

// lossy puts s through a codepage, each character it lacks becoming "?".
func lossy(s string, cp encoding.Encoding) string {
	if cp == nil {
		return s
	}
	var out strings.Builder
	enc := cp.NewEncoder()
	for _, r := range s {
		if _, err := enc.String(string(r)); err != nil {
			out.WriteByte('?')
		} else {
			out.WriteRune(r)
		}
	}
	return out.String()
}
