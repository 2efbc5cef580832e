package importer

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash/crc32"
	"testing"
	"time"

	"tracker/models"
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

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	var me *models.Error
	if !errors.As(err, &me) || me.Code != code {
		t.Fatalf("got %v, want a *models.Error with code %s", err, code)
	}
}

func TestZipBombByRatio(t *testing.T) {
	data := zipWith(t, "xl/worksheets/sheet1.xml", make([]byte, 64<<20))
	start := time.Now()
	_, err := Read(data, Options{FileName: "bomb.xlsx"})
	wantCode(t, err, models.ETOOLARGE)
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("took %v to refuse a zip bomb", d)
	}
}

func TestZipEntryOverLimit(t *testing.T) {
	data := zipWith(t, "xl/worksheets/sheet1.xml", bytes.Repeat([]byte("<row r=\"1\"></row>"), 200000))
	_, err := Read(data, Options{FileName: "big.xlsx", Limits: Limits{MaxEntryBytes: 1 << 20}})
	wantCode(t, err, models.ETOOLARGE)
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
	_, err = Read(buf.Bytes(), Options{FileName: "lie.xlsx"})
	// archive/zip itself stops at the declared size: the entry is corrupt.
	wantCode(t, err, models.EUNSUPPORTED)
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
	_, err := Read(buf.Bytes(), Options{FileName: "many.xlsx", Limits: Limits{MaxZipEntries: 10}})
	wantCode(t, err, models.ETOOLARGE)
}

func TestUnusableFiles(t *testing.T) {
	xlsx, _ := Template("v1")
	cases := []struct {
		name string
		data []byte
		code string
	}{
		{"empty.xlsx", nil, models.EUNPROCESSABLE},
		{"truncated.xlsx", xlsx[:len(xlsx)/2], models.EUNSUPPORTED},
		{"page.xls", []byte("<html><body><table><tr><td>项目名称</td></tr></table></body></html>"), models.EUNSUPPORTED},
		{"doc.pdf", []byte("%PDF-1.4 ..."), models.EUNSUPPORTED},
		{"binary.xlsx", []byte{0, 1, 2, 3, 0, 0, 7}, models.EUNSUPPORTED},
		{"picture.xlsx", append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{7}, 2000)...), models.EUNSUPPORTED},
		{"photo.csv", append([]byte{0xFF, 0xD8, 0xFF, 0xE0}, bytes.Repeat([]byte("x"), 200)...), models.EUNSUPPORTED},
		{"bell.xlsx", bytes.Repeat([]byte{7, 'a'}, 500), models.EUNSUPPORTED},
		{"broken.xls", append(append([]byte{}, sigCFB...), make([]byte, 600)...), models.EUNSUPPORTED},
		{"word.xlsx", docx(), models.EUNSUPPORTED},
		{"big.csv", bytes.Repeat([]byte("a,b\n"), 300000), models.ETOOLARGE},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Read(c.data, Options{FileName: c.name, Limits: Limits{MaxFileBytes: 1 << 20}})
			wantCode(t, err, c.code)
		})
	}
}

func docx() []byte {
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	f, _ := w.Create("word/document.xml")
	f.Write([]byte("<w:document/>"))
	w.Close()
	return buf.Bytes()
}
