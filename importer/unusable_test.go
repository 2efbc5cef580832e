package importer

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"strings"
	"testing"

	"tracker/importer/sheet"
	"tracker/models"
)

// TestUnusableFiles: files that are no readable ledger get the readers'
// error with the importer's code.
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
		{"broken.xls", append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), make([]byte, 600)...), models.EUNSUPPORTED},
		{"word.xlsx", docx(), models.EUNSUPPORTED},
		{"big.csv", bytes.Repeat([]byte("a,b\n"), 300000), models.ETOOLARGE},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Read(c.data, Options{FileName: c.name, Limits: Limits{Limits: sheet.Limits{MaxFileBytes: 1 << 20}}})
			wantCode(t, err, c.code)
		})
	}
}

// TestCutSheetIsRefused: a ledger whose sheet XML ends mid-tag (a file
// saved or downloaded in part) is refused with EUNPROCESSABLE naming the
// part, rather than read up to the cut.
func TestCutSheetIsRefused(t *testing.T) {
	orig, err := os.ReadFile("testdata/openpyxl.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(orig), int64(len(orig)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, _ := f.Open()
		body, _ := io.ReadAll(rc)
		if f.Name == "xl/worksheets/sheet2.xml" {
			body = body[:len(body)*2/3]
		}
		fw, _ := w.Create(f.Name)
		fw.Write(body)
	}
	w.Close()
	_, err = Read(buf.Bytes(), Options{FileName: "cut.xlsx"})
	wantCode(t, err, models.EUNPROCESSABLE)
	if !strings.Contains(err.Error(), "xl/worksheets/sheet2.xml") || !strings.Contains(err.Error(), "不完整") {
		t.Errorf("message %q does not name the part", err)
	}
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	var me *models.Error
	if !errors.As(err, &me) || me.Code != code {
		t.Fatalf("got %v, want a *models.Error with code %s", err, code)
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
