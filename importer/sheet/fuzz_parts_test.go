package sheet

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The readers one by one, each with its own fuzz target beside FuzzOpen
// (the whole file) and FuzzBIFF (the .xls records): the zip guard
// (zipguard_fuzz_test.go), the compound file (cfb_fuzz_test.go), CSV (csv_fuzz_test.go), the
// shared strings (eager and on demand, over the XML scanner) and the
// number formats (format_fuzz_test.go). Each checks its part's own
// promise, not only that it does not panic.

// partLimits keep one input cheap and the bounds easy to reach.
var partLimits = Limits{MaxZipEntries: 40, MaxEntryBytes: 256 << 10, MaxUnzippedBytes: 1 << 20, MaxSharedStrings: 256 << 10,
	MaxCellBytes: 2 << 10, MaxRows: 500, MaxColumns: 64}.WithDefaults()

// wantSheetError fails unless err is nil or an *Error with a Chinese
// message.
func wantSheetError(t *testing.T, what string, err error) {
	t.Helper()
	var se *Error
	if err != nil && !(errors.As(err, &se) && hasChinese(se.Message)) {
		t.Fatalf("%s: error %T %v is not an *Error", what, err, err)
	}
}

// seedsWithExt returns the fixtures whose names end in one of exts.
func seedsWithExt(exts ...string) [][]byte {
	var out [][]byte
	for p, data := range seedFiles(seedGlobs...) {
		for _, e := range exts {
			if strings.EqualFold(filepath.Ext(p), e) {
				out = append(out, data)
			}
		}
	}
	return out
}

// FuzzSharedStrings: a sharedStrings.xml part read eagerly (readSST) and
// on demand (sharedStrings.get, over the XML scanner) gives the same
// strings when both read it whole, and the strings encoding/xml finds in
// a plain part (see sameAsXMLDecoder); each fails only with an *Error
// with a Chinese message.
func FuzzSharedStrings(f *testing.F) {
	f.Add([]byte(`<?xml version="1.0"?><sst xmlns="x" count="3"><si><t>项目代码</t></si><si><r><t>甲</t></r><r><t xml:space="preserve"> 乙</t></r></si><si><t/></si></sst>`))
	f.Add([]byte(`<x:sst xmlns:x="x"><x:si><x:t>a&amp;b</x:t></x:si><x:si><x:t>c<x:rPh><x:t>d</x:t></x:rPh></x:t></x:si></x:sst>`))
	f.Add([]byte(`<sst><si><t>cut`))
	for _, p := range sheetXMLSeeds(f) {
		if p[1] != "" {
			f.Add([]byte(p[1])) // the fixtures' shared strings
		}
	}
	f.Fuzz(func(t *testing.T, part []byte) {
		const name = "xl/sharedStrings.xml"
		data := zipOf(t, map[string]string{name: string(part)})
		g, err := openZip(bytes.NewReader(data), int64(len(data)), partLimits)
		if err != nil {
			t.Fatalf("openZip of one stored part: %v", err)
		}
		eager, eagerErr := readSST(g, name, partLimits)
		wantSheetError(t, "readSST", eagerErr)
		if eagerErr == nil {
			sameAsXMLDecoder(t, part, eager)
		}
		g2, _ := openZip(bytes.NewReader(data), int64(len(data)), partLimits)
		s, err := openSharedStrings(g2, name, partLimits)
		wantSheetError(t, "openSharedStrings", err)
		if err != nil {
			return
		}
		defer s.close()
		var lazy []string
		for i := 0; ; i++ {
			text, skipped, ok, err := s.get(i, true)
			wantSheetError(t, "get", err)
			if err != nil || !ok {
				if eagerErr == nil && err == nil && strings.Join(lazy, "\x00") != strings.Join(eager, "\x00") {
					t.Fatalf("on demand %q, eager %q", lazy, eager)
				}
				return
			}
			if skipped {
				t.Fatalf("string %d skipped though wanted", i)
			}
			lazy = append(lazy, text)
		}
	})
}

// plainSST matches what sameAsXMLDecoder compares: no prefixed elements
// (encoding/xml matches any prefix, the scanner the root's), no comments,
// declarations or processing instructions past the head (the scanner does
// not look into them), no _xHHHH_ escapes (Excel's, not XML's).
var notPlainSST = regexp.MustCompile(`</?[A-Za-z_][-\w.]*:|<!--|<!D|<!E|<!A|<!N|.<\?|_x`)

// sameAsXMLDecoder checks the scanner's strings against encoding/xml's
// reading of a plain, well-formed part: each <si>'s text is its <t> and
// its runs' <t>, phonetic runs left out.
func sameAsXMLDecoder(t *testing.T, part []byte, got []string) {
	if notPlainSST.Match(part) || !wellFormed(part) {
		return
	}
	var doc struct {
		XMLName xml.Name
		SI      []struct {
			T []string `xml:"t"`
			R []struct {
				T string `xml:"t"`
			} `xml:"r"`
			Inner []xml.Name `xml:"si"` // a nested <si>: not a table
		} `xml:"si"`
	}
	if err := xml.Unmarshal(part, &doc); err != nil || doc.XMLName.Local != "sst" {
		return
	}
	want := make([]string, len(doc.SI))
	for i, si := range doc.SI {
		if len(si.Inner) > 0 || len(si.T) > 1 || len(si.T) == 1 && len(si.R) > 0 {
			return // not a table's <si>: one <t>, or runs (CT_Rst); the scanner joins them in the order written
		}
		want[i] = strings.Join(si.T, "")
		for _, r := range si.R {
			want[i] += r.T
		}
	}
	if strings.Join(got, "\x00") != strings.Join(want, "\x00") {
		t.Fatalf("the scanner read %q, encoding/xml %q", got, want)
	}
}

// wellFormed reports an XML document of one root element, well formed to
// its end (xml.Unmarshal alone stops at the first element's end).
func wellFormed(doc []byte) bool {
	d := xml.NewDecoder(bytes.NewReader(doc))
	depth, roots := 0, 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return depth == 0 && roots == 1
		}
		if err != nil {
			return false
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				roots++
			}
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			if depth == 0 && len(bytes.TrimSpace(tok)) > 0 {
				return false
			}
		}
	}
}
