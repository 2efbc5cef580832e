package sheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// oneSheet is a workbook of one sheet "表" with the given sheet XML and
// shared strings (none when sst is "").
func oneSheet(t *testing.T, sheetXML, sst string) []byte {
	parts := map[string]string{
		"xl/workbook.xml": `<workbook xmlns:r="r"><sheets><sheet name="表" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships ` + relsNS + `><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="x/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml": sheetXML,
	}
	if sst != "" {
		parts["xl/sharedStrings.xml"] = sst
	}
	return zipOf(t, parts)
}

func rowsOf(cells string) string {
	return `<worksheet><sheetData>` + cells + `</sheetData></worksheet>`
}

// readBoth reads every sheet of data the one-pass and the two-pass way and
// checks they agree; it returns the cells of the eager read, or its error.
func readBoth(t *testing.T, data []byte) ([]string, error) {
	t.Helper()
	var results [2][]string
	var errs [2]error
	for i, lazy := range []bool{false, true} {
		b, err := Open(data, "t.xlsx", Options{Lazy: lazy})
		if err != nil {
			errs[i] = err
			continue
		}
		for _, s := range b.Sheets {
			errs[i] = s.Rows(func(r *Row) error {
				for _, c := range r.Cells {
					results[i] = append(results[i], ColLetter(c.Col)+strconv.Itoa(r.Num)+"="+c.Text)
				}
				return nil
			})
		}
		b.Close()
	}
	if errs[0] != nil && errs[1] != nil {
		return nil, errs[0] // a lazy read streams the rows before the error
	}
	if !reflect.DeepEqual(results[0], results[1]) || (errs[0] == nil) != (errs[1] == nil) {
		t.Errorf("eager and lazy reads differ: %q %v / %q %v", results[0], errs[0], results[1], errs[1])
	}
	return results[0], errs[0]
}

// TestXMLTextAsXMLReadersDo: CDATA sections, line ends, entities and
// Excel's escapes come out as an XML reader (and Excel) gives them.
func TestXMLTextAsXMLReadersDo(t *testing.T) {
	sst := "<sst><si><t><![CDATA[甲<乙 & 丙]]></t></si><si><t>一\r\n二\r三\n四</t></si>" +
		"<si><t>回车_x000D_换行&#13;</t></si><si><r><t>富</t></r><r><t><![CDATA[文本]]></t></r></si></sst>"
	data := oneSheet(t, rowsOf(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>`+
		`<c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c>`+
		`<c r="E1" t="inlineStr"><is><t><![CDATA[<b>粗</b>]]></t></is></c><c r="F1" t="str"><v>x&#x4E00;&lt;</v></c></row>`), sst)
	got, err := readBoth(t, data)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"A1=甲<乙 & 丙", "B1=一\n二\n三\n四", "C1=回车\r换行\r", "D1=富文本", "E1=<b>粗</b>", "F1=x一<"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// TestInlineStringInV: LibreOffice writes some inline strings with their
// text in <v> rather than <is><t>.
func TestInlineStringInV(t *testing.T) {
	data := oneSheet(t, rowsOf(`<row r="1"><c r="A1" t="inlineStr"><v>项目名称</v></c><c r="B1" t="inlineStr"><v></v></c></row>`), "")
	got, err := readBoth(t, data)
	if err != nil || !reflect.DeepEqual(got, []string{"A1=项目名称"}) {
		t.Errorf("got %q, %v", got, err)
	}
}

// TestDuplicatePartNames: two entries whose names differ only in case
// (or not at all) make the package ambiguous: refused, never guessed.
func TestDuplicatePartNames(t *testing.T) {
	for _, second := range []string{"xl/worksheets/Sheet1.xml", "xl/worksheets/sheet1.xml"} {
		var buf bytes.Buffer
		w := zip.NewWriter(&buf)
		for _, p := range []struct{ name, body string }{
			{"xl/workbook.xml", `<workbook xmlns:r="r"><sheets><sheet name="表" r:id="rId1"/></sheets></workbook>`},
			{"xl/_rels/workbook.xml.rels", `<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`},
			{"xl/worksheets/sheet1.xml", rowsOf(`<row r="1"><c r="A1"><v>1</v></c></row>`)},
			{second, rowsOf(`<row r="1"><c r="A1"><v>2</v></c></row>`)},
		} {
			f, _ := w.Create(p.name)
			f.Write([]byte(p.body))
		}
		w.Close()
		_, err := readBoth(t, buf.Bytes())
		wantKind(t, err, Unprocessable)
		if !strings.Contains(err.Error(), second) {
			t.Errorf("%s: message %q does not name the entry", second, err)
		}
	}
}

// TestCutParts: a sheet or shared-string part that ends before its root
// closes, anywhere, is refused naming the part: never half read.
func TestCutParts(t *testing.T) {
	sheetXML := `<?xml version="1.0"?><worksheet xmlns="main"><dimension ref="A1:B3"/><sheetData>` +
		`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>` +
		`<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c></row>` +
		`<row r="3"><c r="A3"><v>3</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A3:B3"/></mergeCells></worksheet>`
	sst := `<?xml version="1.0"?><sst xmlns="main" uniqueCount="2"><si><t>项目代码</t></si><si><t>项目名称</t></si></sst>`
	if _, err := readBoth(t, oneSheet(t, sheetXML+"\r\n", sst)); err != nil {
		t.Fatalf("whole file: %v", err)
	}
	for cut := 1; cut < len(sheetXML); cut += 7 {
		_, err := readBoth(t, oneSheet(t, sheetXML[:cut], sst))
		wantKind(t, err, Unprocessable)
		if !strings.Contains(err.Error(), "xl/worksheets/sheet1.xml") || !strings.Contains(err.Error(), "不完整") {
			t.Errorf("sheet cut at %d: %v", cut, err)
		}
	}
	for cut := 1; cut < len(sst); cut += 5 {
		_, err := readBoth(t, oneSheet(t, sheetXML, sst[:cut]))
		wantKind(t, err, Unprocessable)
		if !strings.Contains(err.Error(), "共享字符串") {
			t.Errorf("shared strings cut at %d: %v", cut, err)
		}
	}
}

// TestMalformedParts: cells that are not well formed, strings that are
// not there, and broken styles or relationships are refused.
func TestMalformedParts(t *testing.T) {
	cases := map[string][]byte{
		"cell not closed":   oneSheet(t, rowsOf(`<row r="2"><c r="A2"><v>1</v><c r="B2"><v>2</v></c></row>`), ""),
		"value not closed":  oneSheet(t, rowsOf(`<row r="2"><c r="A2"><v>1</c></row>`), ""),
		"tag not closed":    oneSheet(t, rowsOf(`<row r="2"><c r="A2"`+"\n"+`</row>`), ""),
		"string not there":  oneSheet(t, rowsOf(`<row r="2"><c r="A2" t="s"><v>5</v></c></row>`), `<sst><si><t>a</t></si></sst>`),
		"no string table":   oneSheet(t, rowsOf(`<row r="2"><c r="A2" t="s"><v>0</v></c></row>`), ""),
		"bad string index":  oneSheet(t, rowsOf(`<row r="2"><c r="A2" t="s"><v>x</v></c></row>`), `<sst><si><t>a</t></si></sst>`),
		"empty sheet part":  oneSheet(t, "", ""),
		"workbook not XML":  zipOf(t, map[string]string{"xl/workbook.xml": `<workbook><sheets><sheet name="a"`}),
		"styles not closed": withPart(t, "xl/styles.xml", `<styleSheet><cellXfs><xf numFmtId="14"/>`),
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := readBoth(t, data)
			wantKind(t, err, Unprocessable)
		})
	}
}

// withPart is the kinds workbook with one part replaced.
func withPart(t *testing.T, name, body string) []byte {
	zr, err := zip.NewReader(bytes.NewReader(kindsWorkbook(t)), int64(len(kindsWorkbook(t))))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]string{name: body}
	for _, f := range zr.File {
		if f.Name != name {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			parts[f.Name] = string(b)
		}
	}
	return zipOf(t, parts)
}

// TestHiddenRows: a row's hidden flag is reported.
func TestHiddenRows(t *testing.T) {
	data := oneSheet(t, rowsOf(`<row r="1"><c r="A1"><v>1</v></c></row><row r="2" hidden="1"><c r="A2"><v>2</v></c></row>`+
		`<row r="3" hidden="true" spans="1:1"/>`), "")
	b, err := Open(data, "h.xlsx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	var hidden []int
	b.Sheets[0].Rows(func(r *Row) error {
		if r.Hidden {
			hidden = append(hidden, r.Num)
		}
		return nil
	})
	if !reflect.DeepEqual(hidden, []int{2, 3}) {
		t.Errorf("hidden rows %v, want [2 3]", hidden)
	}
}

// TestCutRealWorkbook: a workbook openpyxl wrote, its sheet cut at half
// (as an interrupted download or a crashed writer leaves it).
func TestCutRealWorkbook(t *testing.T) {
	orig, err := os.ReadFile("../testdata/openpyxl.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(orig), int64(len(orig)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]string{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		if strings.HasPrefix(f.Name, "xl/worksheets/sheet") && len(b) > 2000 {
			b = b[:len(b)/2]
		}
		parts[f.Name] = string(b)
	}
	_, err = readBoth(t, zipOf(t, parts))
	var se *Error
	if !errors.As(err, &se) || se.Kind != Unprocessable || !strings.Contains(se.Message, "xl/worksheets/sheet") {
		t.Errorf("got %v", err)
	}
}

// TestCSVBlankLines: blank lines are rows, so the rows after them keep
// the numbers Excel shows; old Mac line ends (CR only) are lines.
func TestCSVBlankLines(t *testing.T) {
	for name, text := range map[string]string{
		"lf":   "标题\n\n项目,金额\n\r\n\n甲,1\n\n",
		"crlf": "标题\r\n\r\n项目,金额\r\n\r\n\r\n甲,1\r\n",
		"cr":   "标题\r\r项目,金额\r\r\r甲,1\r",
	} {
		b, err := Open([]byte(text), "a.csv", Options{})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		b.Sheets[0].Rows(func(r *Row) error {
			for _, c := range r.Cells {
				got = append(got, ColLetter(c.Col)+strconv.Itoa(r.Num)+"="+c.Text)
			}
			return nil
		})
		if want := []string{"A1=标题", "A3=项目", "B3=金额", "A6=甲", "B6=1"}; !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %q, want %q", name, got, want)
		}
	}
}
