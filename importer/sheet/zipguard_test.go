package sheet

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash/crc32"
	"testing"
	"time"
)

// zipWith builds an archive of a minimal workbook plus one more entry.
func zipWith(t *testing.T, name string, body []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for n, s := range map[string]string{
		"xl/workbook.xml":            `<workbook><sheets><sheet name="台账" r:id="rId1" xmlns:r="r"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
	} {
		f, _ := w.Create(n)
		f.Write([]byte(s))
	}
	f, err := w.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	f.Write(body)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// wantKind fails unless err is an *Error of kind k with a message.
func wantKind(t *testing.T, err error, k ErrorKind) {
	t.Helper()
	var se *Error
	if !errors.As(err, &se) || se.Kind != k || se.Message == "" {
		t.Fatalf("got %v, want an *Error of kind %d", err, k)
	}
}

// readAll opens data and streams every sheet, returning the first error.
func readAll(data []byte, name string, o Options) error {
	b, err := Open(data, name, o)
	if err != nil {
		return err
	}
	defer b.Close()
	for _, s := range b.Sheets {
		if err := s.Rows(func(*Row) error { return nil }); err != nil {
			return err
		}
	}
	return nil
}

func TestZipBombByRatio(t *testing.T) {
	data := zipWith(t, "xl/worksheets/sheet1.xml", make([]byte, 64<<20))
	start := time.Now()
	err := readAll(data, "bomb.xlsx", Options{})
	wantKind(t, err, TooLarge)
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("took %v to refuse a zip bomb", d)
	}
}

func TestZipEntryOverLimit(t *testing.T) {
	data := zipWith(t, "xl/worksheets/sheet1.xml", bytes.Repeat([]byte("<row r=\"1\"></row>"), 200000))
	err := readAll(data, "big.xlsx", Options{Limits: Limits{MaxEntryBytes: 1 << 20}})
	wantKind(t, err, TooLarge)
}

// TestZipLyingHeader: the directory declares a tiny entry, the real data
// inflates to 32 MiB; reading stops at once.
func TestZipLyingHeader(t *testing.T) {
	raw := make([]byte, 32<<20)
	var comp bytes.Buffer
	fw, _ := flate.NewWriter(&comp, flate.BestCompression)
	fw.Write(raw)
	fw.Close()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	f, _ := w.Create("xl/workbook.xml")
	f.Write([]byte(`<workbook><sheets><sheet name="a"/></sheets></workbook>`))
	h := &zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(raw),
		CompressedSize64: uint64(comp.Len()), UncompressedSize64: 1000}
	rw, err := w.CreateRaw(h)
	if err != nil {
		t.Fatal(err)
	}
	rw.Write(comp.Bytes())
	w.Close()
	start := time.Now()
	err = readAll(buf.Bytes(), "lie.xlsx", Options{})
	// archive/zip itself stops at the declared size: the entry is corrupt.
	wantKind(t, err, Unsupported)
	if d := time.Since(start); d > time.Second {
		t.Errorf("took %v", d)
	}
}

func TestZipTooManyEntries(t *testing.T) {
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for i := 0; i < 50; i++ {
		f, _ := w.Create("xl/media/" + string(rune('a'+i%26)) + string(rune('a'+i/26)))
		f.Write([]byte("x"))
	}
	w.Close()
	err := readAll(buf.Bytes(), "many.xlsx", Options{Limits: Limits{MaxZipEntries: 10}})
	wantKind(t, err, TooLarge)
}

func docx() []byte {
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	f, _ := w.Create("word/document.xml")
	f.Write([]byte("<w:document/>"))
	w.Close()
	return buf.Bytes()
}
