package sheet

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// csvEncodings are the encodings a ledger CSV comes in: UTF-8, UTF-8 with
// a BOM (Excel's "CSV UTF-8"), GB18030 (GBK, Excel's CSV on Chinese
// Windows), and UTF-16 with a BOM (Excel's "Unicode text").
var csvEncodings = []struct {
	name string
	enc  encoding.Encoding // nil: UTF-8 as is
	bom  bool
}{
	{"UTF-8", nil, false},
	{"UTF-8 BOM", nil, true},
	{"GB18030", simplifiedchinese.GB18030, false},
	{"UTF-16LE", unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), false},
	{"UTF-16BE", unicode.UTF16(unicode.BigEndian, unicode.UseBOM), false},
}

// FuzzCSV reads mutated bytes as a CSV, and writes a table made of them
// in every encoding and reads it back: no panic; every refusal an *Error
// with a Chinese message; one sheet of text cells, valid UTF-8, in column
// order within MaxColumns, none over MaxCellBytes, row numbers rising;
// and the table read back has exactly the non-blank fields written, in
// their rows and columns, whatever the encoding.
func FuzzCSV(f *testing.F) {
	for _, s := range seedsWithExt(".csv") {
		f.Add(s)
	}
	f.Add([]byte("项目代码;项目名称\r\n\r\n\"2403-370303\";\"甲\"\"乙\"\n"))
	f.Add([]byte("\xef\xbb\xbf项目代码\t名称\n1\t2\n"))
	f.Add([]byte("\xff\xfe" + string(utf16le("项目代码,名称\n1,2\n"))))
	f.Add([]byte("标题\n\n项目代码,项目名称,备注\n2403-370303-04-01-000001,甲|乙, 前后有空格 \n,,\n\"引号\"\"里\",换~行\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 64<<10 {
			return
		}
		_, err := csvCells(t, data)
		wantSheetError(t, "csv", err)
		table := csvTable(data)
		want := csvExpected(table)
		var buf bytes.Buffer
		w := csv.NewWriter(&buf)
		if err := w.WriteAll(table); err != nil {
			t.Fatal(err)
		}
		plain := buf.Bytes()
		for _, e := range csvEncodings {
			file := plain
			switch {
			case e.bom:
				file = append([]byte("\xef\xbb\xbf"), plain...)
			case e.enc != nil:
				if file, err = e.enc.NewEncoder().Bytes(plain); err != nil {
					t.Fatalf("%s: %v", e.name, err)
				}
			}
			if e.enc == nil && !e.bom && bytes.HasPrefix(plain, []byte("\xef\xbb\xbf")) ||
				e.enc == simplifiedchinese.GB18030 && (utf8.Valid(file) && !bytes.Equal(file, plain) || bytes.HasPrefix(file, []byte("\xef\xbb\xbf")) ||
					strings.ContainsFunc(string(plain), privateUse)) {
				// A text that starts with U+FEFF, or GB18030 bytes that are
				// UTF-8 too: ambiguous by nature. Private-use characters do
				// not round-trip through x/text's GB18030 (U+E012 comes back
				// as U+F026); no ledger has them.
				continue
			}
			got, err := csvCells(t, file)
			if err != nil || !reflect.DeepEqual(got, want) {
				t.Fatalf("%s: wrote %q\nread %q (%v)\nwant %q", e.name, table, got, err, want)
			}
		}
	})
}

// csvCells reads a CSV and lists its cells as "row col text", checking
// what every row must be.
func csvCells(t *testing.T, data []byte) ([]string, error) {
	sheets, err := csvSources(data, "f.csv", partLimits)
	if err != nil {
		return nil, err
	}
	if len(sheets) != 1 {
		t.Fatalf("%d sheets from a CSV file", len(sheets))
	}
	var out []string
	last := 0
	err = sheets[0].Rows(func(r *Row) error {
		if r.Num <= last {
			t.Fatalf("row %d after row %d", r.Num, last)
		}
		last = r.Num
		for i, c := range r.Cells {
			if c.Kind != KindText || c.Col < 0 || c.Col >= partLimits.MaxColumns || i > 0 && c.Col <= r.Cells[i-1].Col ||
				len(c.Text) > partLimits.MaxCellBytes || blank(c.Text) {
				t.Fatalf("row %d: cell %+v", r.Num, c)
			}
			if !utf8.ValidString(c.Text) {
				t.Fatalf("row %d: cell %s is not valid UTF-8: %q", r.Num, ColLetter(c.Col), c.Text)
			}
			out = append(out, fmt.Sprintf("%d %d %s", r.Num, c.Col, c.Text))
		}
		return nil
	})
	return out, err
}

// csvTable makes a table of fuzz bytes: lines are records, commas split
// fields, and in a field | stands for a comma and ~ for a line break (so
// that fields hold both, quoted). Carriage returns, tabs and semicolons
// are left out: they would change the separator the reader picks or be
// read as line ends. Fields stop at the limits.
func csvTable(data []byte) [][]string {
	text := strings.NewReplacer("\r", "", "\t", "", ";", "").Replace(strings.ToValidUTF8(string(data), "\uFFFD"))
	var table [][]string
	for _, line := range strings.Split(text, "\n") {
		fields := strings.Split(line, ",")
		for i, fl := range fields {
			fl = strings.NewReplacer("|", ",", "~", "\n").Replace(fl)
			if len(fl) > partLimits.MaxCellBytes {
				fl = fl[:0]
			}
			fields[i] = fl
		}
		table = append(table, fields)
	}
	return table
}

// csvExpected lists the cells a table's non-blank fields make.
func csvExpected(table [][]string) []string {
	var out []string
	for i, rec := range table {
		for j, fl := range rec {
			if j < partLimits.MaxColumns && !blank(fl) {
				out = append(out, fmt.Sprintf("%d %d %s", i+1, j, fl))
			}
		}
	}
	return out
}

// TestCSVFalseBOM: a file marked UTF-8 whose bytes are not (FuzzCSV found
// one) is refused with the encoding message, never read into cells that
// are not valid UTF-8; GBK behind the mark included.
func TestCSVFalseBOM(t *testing.T) {
	gbk, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte("项目代码,项目名称\n"))
	for _, data := range [][]byte{[]byte("\xef\xbb\xbf\xe7"), append([]byte("\xef\xbb\xbf"), gbk...)} {
		_, err := csvSources(data, "f.csv", Limits{}.WithDefaults())
		if se := wantChineseError(t, err); se.Kind != Unsupported || !strings.Contains(se.Message, "文字编码") {
			t.Errorf("%q: %v", data, err)
		}
	}
}

func privateUse(r rune) bool { return r >= 0xE000 && r <= 0xF8FF || r >= 0xF0000 }
