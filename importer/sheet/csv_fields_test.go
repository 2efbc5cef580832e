package sheet

import (
	"bytes"
	"encoding/csv"
	"io"
	"math/rand"
	"strings"
	"testing"
)

// csvMostFields is the most fields encoding/csv finds in a record of text,
// read as csvRows reads it.
func csvMostFields(text []byte, sep rune) int {
	r := csv.NewReader(bytes.NewReader(text))
	r.Comma, r.FieldsPerRecord, r.LazyQuotes = sep, -1, true
	most := 0
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return most
		}
		if err != nil {
			return -1
		}
		most = max(most, len(rec))
	}
}

// TestCSVFieldCountAgreesWithEncodingCSV: csvFieldsWithin splits records
// as encoding/csv does (quotes at a field's start, "" inside, stray quotes
// kept, CR LF, fields across lines), on 3,000 random texts of the
// characters that matter.
func TestCSVFieldCountAgreesWithEncodingCSV(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	alphabet := []byte{',', ',', ',', '"', '"', '\n', '\r', 'a', ';'}
	for i := 0; i < 3000; i++ {
		b := make([]byte, rng.Intn(40))
		for j := range b {
			b[j] = alphabet[rng.Intn(len(alphabet))]
		}
		for _, sep := range []rune{',', ';'} {
			most := csvMostFields(b, sep)
			if most < 1 {
				continue
			}
			if _, ok := csvFieldsWithin(b, byte(sep), most); !ok {
				t.Fatalf("%q (%q): encoding/csv finds at most %d fields, csvFieldsWithin more", b, sep, most)
			}
			if _, ok := csvFieldsWithin(b, byte(sep), most-1); ok && most > 1 {
				t.Fatalf("%q (%q): encoding/csv finds a record of %d fields, csvFieldsWithin none over %d", b, sep, most, most-1)
			}
		}
	}
}

// TestCSVWithMoreFieldsThanExcelIsRefused: one line of 30 million commas
// (30 MB, which took 2.3 GiB in encoding/csv) and the same fields spread
// over lines joined by quoted line ends are refused as too large before
// any record is read; a record of 16,384 fields (Excel's most) is read.
func TestCSVWithMoreFieldsThanExcelIsRefused(t *testing.T) {
	head := "项目代码,项目名称\n"
	spread := strings.Repeat(strings.Repeat(",", 10000)+"\"\n\"", 2000)
	for name, text := range map[string]string{
		"one line":     head + strings.Repeat(",", 30<<20) + "\n",
		"quoted lines": head + "\"\"" + spread + "\n",
	} {
		_, err := Open([]byte(text), "台账.csv", Options{})
		wantKind(t, err, TooLarge)
		if !strings.Contains(err.Error(), "第2行") {
			t.Errorf("%s: %v, want the record's line (第2行)", name, err)
		}
	}
	if err := readAll([]byte(head+strings.Repeat("1,", 16383)+"1\n"), "台账.csv", Options{}); err != nil {
		t.Errorf("a record of 16,384 fields: %v", err)
	}
}
