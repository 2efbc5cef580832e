package api_test

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sort"

	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"tracker/httpx"
	"tracker/importer"
	"tracker/server/servertest"
)

// xlsxParts builds a workbook archive from raw parts, so a test can give
// it any content a hostile program might write.
func xlsxParts(t *testing.T, parts map[string]string, method uint16) []byte {
	t.Helper()
	base := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
			`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
		"_rels/.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml": `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
			`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
	}
	for k, v := range parts {
		base[k] = v
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range base {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: method})
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, body)
	}
	zw.Close()
	return buf.Bytes()
}

// zipBomb is a workbook whose one sheet inflates to size bytes of blanks.
func zipBomb(t *testing.T, size int) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.CreateHeader(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate})
	io.WriteString(w, `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	chunk := bytes.Repeat([]byte(" "), 1<<20)
	for i := 0; i < size>>20; i++ {
		w.Write(chunk)
	}
	zw.Close()
	return buf.Bytes()
}

// manyStrings is a workbook whose shared-string table has n one-letter
// entries (deflated some 400 times, within the zip guard's ratio, so that
// the entries' count is what refuses it).
func manyStrings(t *testing.T, n int) []byte {
	sst := `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
		strings.Repeat(`<si><t>x</t></si>`, n) + `</sst>`
	return xlsxParts(t, map[string]string{"xl/sharedStrings.xml": sst,
		"xl/worksheets/sheet1.xml": sheetXML(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`)}, zip.Deflate)
}

// cyclicFAT is a compound file (.xls) whose Workbook stream's sector chain
// runs 2 → 3 → 2 for a stated size of a million bytes.
func cyclicFAT() []byte {
	le := binary.LittleEndian
	h := make([]byte, 512)
	copy(h, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
	for i, v := range []uint16{0x3E, 3, 0xFFFE, 9, 6} {
		le.PutUint16(h[24+2*i:], v)
	}
	for off, v := range map[int]uint32{44: 1, 48: 1, 56: 4096, 60: 0xFFFFFFFE, 68: 0xFFFFFFFE} {
		le.PutUint32(h[off:], v)
	}
	for i := 0; i < 109; i++ {
		le.PutUint32(h[76+4*i:], 0xFFFFFFFF)
	}
	le.PutUint32(h[76:], 0) // the FAT is sector 0
	fat := bytes.Repeat([]byte{0xFF}, 512)
	for i, v := range []uint32{0xFFFFFFFD, 0xFFFFFFFE, 3, 2} {
		le.PutUint32(fat[4*i:], v)
	}
	dir := make([]byte, 512)
	entry := func(at int, name string, typ byte, start uint32, size uint64, child uint32) {
		e := dir[at : at+128]
		for i, r := range name {
			le.PutUint16(e[2*i:], uint16(r))
		}
		le.PutUint16(e[64:], uint16(2*len(name)+2))
		e[66], e[67] = typ, 1
		le.PutUint32(e[68:], 0xFFFFFFFF)
		le.PutUint32(e[72:], 0xFFFFFFFF)
		le.PutUint32(e[76:], child)
		le.PutUint32(e[116:], start)
		le.PutUint64(e[120:], size)
	}
	entry(0, "Root Entry", 5, 0xFFFFFFFE, 0, 1)
	entry(128, "Workbook", 2, 2, 1000000, 0xFFFFFFFF)
	bof := append([]byte{0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00}, make([]byte, 504)...)
	return bytes.Join([][]byte{h, fat, dir, bof, bof}, nil)
}

func sheetXML(rows string) string {
	return `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` + rows + `</sheetData></worksheet>`
}

// hostileFiles are files a broken or hostile program might send, each with
// the statuses it may get.
func hostileFiles(t *testing.T) []hostileCase {
	laughs := `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">` +
		`<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">` +
		`<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">` +
		`<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;"><!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">` +
		`<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;"><!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>` +
		`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol9;</t></si></sst>`
	template, err := importer.Template("v1")
	if err != nil {
		t.Fatal(err)
	}
	bad := []int{400, 413, 415, 422}
	cfb := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 4096)...)
	copy(cfb[1024:], []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e\x00"))
	password, err := os.ReadFile("../importer/sheet/testdata/password.xls") // a real open password (LibreOffice)
	if err != nil {
		t.Fatal(err)
	}
	oldXls, err := os.ReadFile("../importer/sheet/testdata/diff_1900.xls")
	if err != nil {
		t.Fatal(err)
	}
	biff4 := append([]byte{0x09, 0x04, 6, 0, 0, 0, 0x10, 0, 0, 0}, make([]byte, 40)...) // Excel 4.0's BOF, bare
	return []hostileCase{
		{"password.xls", password, []int{415}},
		{"excel4.xls", biff4, []int{415}},
		{"truncated.xls", oldXls[:len(oldXls)/2], bad},
		{"zip_bomb.xlsx", zipBomb(t, 150<<20), bad},
		{"billion_laughs.xlsx", xlsxParts(t, map[string]string{"xl/sharedStrings.xml": laughs,
			"xl/worksheets/sheet1.xml": sheetXML(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`)}, zip.Deflate), bad},
		{"huge_dimension.xlsx", xlsxParts(t, map[string]string{"xl/worksheets/sheet1.xml": `<?xml version="1.0"?>` +
			`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/><sheetData>` +
			`<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>`}, zip.Deflate), bad},
		{"bad_cells.xlsx", xlsxParts(t, map[string]string{"xl/worksheets/sheet1.xml": sheetXML(
			`<row r="5"><c r="C5" t="s"><v>-1</v></c><c r="A5" t="s"><v>99999999</v></c></row><row r="2"><c r="A2"><v>x</v></c></row>` +
				`<row r="99999999"><c r="A99999999"><v>1</v></c></row>`)}, zip.Store), bad},
		{"encrypted.xlsx", cfb, []int{415}},
		{"truncated.xlsx", template[:len(template)/2], bad},
		{"picture.xlsx", append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{7}, 2000)...), []int{415}},
		{"report.pdf.xls", []byte("%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\n"), []int{415}},
		{"random.xlsx", bytes.Repeat([]byte{0x00, 0xff, 0x13, 0x37}, 5000), bad},
		{"empty.csv", nil, bad},
		{"one_huge_cell.csv", []byte("项目代码,项目名称\n2403-370303-04-01-000123," + strings.Repeat("名", 70000) + "\n"), bad},
		{"many_strings.xlsx", manyStrings(t, 4000001), []int{413}},
		{"wide_record.csv", []byte("项目代码,项目名称\n" + strings.Repeat(",", 16384) + "\n"), []int{413}},
		{"cyclic_fat.xls", cyclicFAT(), []int{415}},
		{"macro.xlsm", xlsxParts(t, map[string]string{"xl/vbaProject.bin": "\xd0\xcf\x11\xe0 macro",
			"xl/worksheets/sheet1.xml": sheetXML(`<row r="1"><c r="A1" t="inlineStr"><is><t>项目名称</t></is></c></row>`)}, zip.Deflate), bad},
	}
}

// updateHostile rewrites the corpus in testdata/hostile from the
// generators above: go test ./api -run Hostile -update-hostile
var updateHostile = flag.Bool("update-hostile", false, "rewrite testdata/hostile from its generators")

// hostileCase is one file of the corpus and the statuses it may get.
type hostileCase struct {
	name   string
	data   []byte
	status []int
}

// hostileCorpus reads testdata/hostile: each file and, in expected.json,
// the statuses it may get.
func hostileCorpus(t *testing.T) []hostileCase {
	dir := filepath.Join("testdata", "hostile")
	if *updateHostile {
		os.MkdirAll(dir, 0o755)
		expected := map[string][]int{}
		for _, f := range hostileFiles(t) {
			if err := os.WriteFile(filepath.Join(dir, f.name), f.data, 0o644); err != nil {
				t.Fatal(err)
			}
			expected[f.name] = f.status
		}
		raw, _ := json.MarshalIndent(expected, "", "  ")
		os.WriteFile(filepath.Join(dir, "expected.json"), append(raw, '\n'), 0o644)
	}
	raw, err := os.ReadFile(filepath.Join(dir, "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var expected map[string][]int
	if err := json.Unmarshal(raw, &expected); err != nil {
		t.Fatal(err)
	}
	var out []hostileCase
	for name, status := range expected {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, hostileCase{name, data, status})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

func TestHostileCorpusIsComplete(t *testing.T) {
	if got, want := len(hostileCorpus(t)), len(hostileFiles(t)); got != want {
		t.Errorf("testdata/hostile has %d files, the generators %d: run with -update-hostile", got, want)
	}
}

func TestHostileUploadsGetAClearRefusalAndChangeNothing(t *testing.T) {
	corpus := hostileCorpus(t)
	servertest.Each(t, func(t *testing.T, ts *servertest.Server) {
		admin := ts.Login("admin")
		for _, f := range corpus {
			var body bytes.Buffer
			mw := multipart.NewWriter(&body)
			fw, _ := mw.CreateFormFile("file", f.name)
			fw.Write(f.data)
			mw.WriteField("period", "2024-06")
			mw.Close()
			req, _ := http.NewRequest("POST", ts.HTTP.URL+"/api/v1/imports", &body)
			req.Header.Set("Content-Type", mw.FormDataContentType())
			req.Header.Set("Authorization", "Bearer "+admin)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatalf("%s: %v", f.name, err)
			}
			raw, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			var e httpx.ErrorBody
			servertest.DecodeJSON(t, raw, &e)
			if !containsInt(f.status, resp.StatusCode) || !servertest.HasChinese(e.Error.Message) {
				t.Errorf("%s: status %d, message %q; want one of %v with a Chinese message", f.name, resp.StatusCode, e.Error.Message, f.status)
			}
			ts.Do("GET", "/healthz", "", nil, http.StatusOK, nil)
		}
		var list struct {
			Items []servertest.ImportResult `json:"items"`
		}
		ts.Do("GET", "/api/v1/imports", admin, nil, http.StatusOK, &list)
		if len(list.Items) != 0 {
			t.Errorf("hostile files left %d imports behind", len(list.Items))
		}
	})
}

func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}
