package sheet

import (
	"archive/zip"
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// zipOf builds an archive of the given parts.
func zipOf(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for name, body := range parts {
		f, err := w.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		f.Write([]byte(body))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const relsNS = `xmlns="http://schemas.openxmlformats.org/package/2006/relationships"`

// kindsWorkbook has a visible sheet with one cell of every kind, a hidden
// column and a merge after the rows, and a hidden second sheet; the book
// uses the 1904 date system.
func kindsWorkbook(t testing.TB) []byte {
	return zipOf(t, map[string]string{
		"xl/workbook.xml": `<workbook xmlns:r="r"><workbookPr date1904="1"/><sheets>` +
			`<sheet name="数据" sheetId="1" r:id="rId1"/><sheet name="隐藏" sheetId="2" state="hidden" r:id="rId2"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships ` + relsNS + `>` +
			`<Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="x/worksheet" Target="worksheets/sheet2.xml"/>` +
			`<Relationship Id="rId3" Type="x/styles" Target="styles.xml"/>` +
			`<Relationship Id="rId4" Type="x/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
		"xl/styles.xml": `<styleSheet><numFmts><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/></numFmts>` +
			`<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="4"/></cellXfs></styleSheet>`,
		"xl/sharedStrings.xml": `<sst uniqueCount="2"><si><t>项目名称</t></si><si><r><t>淄博</t></r><r><t xml:space="preserve"> 甲</t></r></si></sst>`,
		"xl/worksheets/sheet1.xml": `<worksheet><dimension ref="A1:H3"/><cols><col min="3" max="3" hidden="1"/></cols><sheetData>` +
			`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>行内</t></is></c></row>` +
			`<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" s="3"><v>-1234.5</v></c><c r="C2" s="1"><v>43903</v></c>` +
			`<c r="D2" s="2"><v>43903.5</v></c><c r="E2" t="b"><v>1</v></c><c r="F2" t="e"><v>#DIV/0!</v></c>` +
			`<c r="G2" t="str"><f>A1</f><v>公式文本</v></c><c r="H2"><f>B2*2</f></c></row>` +
			`<row r="3"><c r="A3" t="d"><v>2024-03-15T00:00:00</v></c><c r="B3"><v></v></c></row>` +
			`</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`,
		"xl/worksheets/sheet2.xml": `<worksheet><sheetData><row r="1"><c r="A1"><v>7</v></c></row></sheetData></worksheet>`,
	})
}

// grid returns every row of a sheet as "row: col kind text" lines.
func grid(t *testing.T, s *Sheet) []string {
	t.Helper()
	var out []string
	err := s.Rows(func(r *Row) error {
		for _, c := range r.Cells {
			out = append(out, fmt.Sprintf("%s%d %d %s", ColLetter(c.Col), r.Num, c.Kind, c.Text))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestOpenXlsxKinds(t *testing.T) {
	for _, lazy := range []bool{false, true} {
		t.Run(fmt.Sprintf("lazy=%v", lazy), func(t *testing.T) {
			b, err := Open(kindsWorkbook(t), "k.xlsx", Options{Lazy: lazy})
			if err != nil {
				t.Fatal(err)
			}
			defer b.Close()
			if b.Format != "xlsx" || !b.Date1904 || len(b.Sheets) != 2 {
				t.Fatalf("got format %q date1904 %v, %d sheets", b.Format, b.Date1904, len(b.Sheets))
			}
			s := b.Sheets[0]
			got := grid(t, s)
			want := []string{
				"A1 0 项目名称", "B1 0 行内",
				"A2 0 淄博 甲", "B2 1 -1234.5", "C2 2 43903", "D2 2 43903.5", "E2 4 1", "F2 5 #DIV/0!", "G2 0 公式文本", "H2 6 ",
				"A3 3 2024-03-15T00:00:00",
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("cells:\n got %q\nwant %q", got, want)
			}
			if s.Name != "数据" || s.Hidden || !s.Date1904 || !reflect.DeepEqual(s.HiddenCols, map[int]bool{2: true}) ||
				!reflect.DeepEqual(s.Merges, []Range{{0, 1, 1, 1}}) || s.RowsHint != 3 || s.Lazy != lazy {
				t.Errorf("layout: got %+v", s)
			}
			if h := b.Sheets[1]; h.Name != "隐藏" || !h.Hidden {
				t.Errorf("second sheet: got %q hidden %v", h.Name, h.Hidden)
			}
		})
	}
}

// TestOpenSkip: a skipped sheet is not listed.
func TestOpenSkip(t *testing.T) {
	b, err := Open(kindsWorkbook(t), "k.xlsx", Options{Skip: func(_ string, hidden bool) bool { return hidden }})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Sheets) != 1 || b.Sheets[0].Name != "数据" {
		t.Errorf("got %d sheets", len(b.Sheets))
	}
}

// TestLazySkipsLongStrings: in a one-pass read a long shared string first
// met in a column not wanted is skipped; wanted later, it asks for ErrRedo.
func TestLazySkipsLongStrings(t *testing.T) {
	long := strings.Repeat("很长的形象进度说明", 10)
	parts := map[string]string{
		"xl/workbook.xml":            `<workbook xmlns:r="r"><sheets><sheet name="s" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships ` + relsNS + `><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
		"xl/sharedStrings.xml":       `<sst><si><t>短</t></si><si><t>` + long + `</t></si></sst>`,
		"xl/worksheets/sheet1.xml": `<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>` +
			`<row r="2"><c r="A2" t="s"><v>1</v></c></row></sheetData></worksheet>`,
	}
	b, err := Open(zipOf(t, parts), "l.xlsx", Options{Lazy: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	s := b.Sheets[0]
	s.Wanted = func(col int) bool { return col == 0 }
	var kinds []Kind
	err = s.Rows(func(r *Row) error {
		for _, c := range r.Cells {
			kinds = append(kinds, c.Kind)
		}
		return nil
	})
	if err != ErrRedo || !reflect.DeepEqual(kinds, []Kind{KindText, KindSkipped}) {
		t.Errorf("got %v, kinds %v; want ErrRedo after text, skipped", err, kinds)
	}
}

func TestOpenCSV(t *testing.T) {
	b, err := Open([]byte("标题\n项目;金额\n甲;1,5\n"), "dir/台账.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if b.Format != "csv" || len(b.Sheets) != 1 || b.Sheets[0].Name != "台账" {
		t.Fatalf("got %+v", b)
	}
	got := grid(t, b.Sheets[0])
	if want := []string{"A1 0 标题", "A2 0 项目", "B2 0 金额", "A3 0 甲", "B3 0 1,5"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestOpenCSVExcelText: a field in Excel's formula form of a text
// (="…", as systems export codes) is the text inside, as Excel shows it;
// a formula of more than one text is left as written.
func TestOpenCSVExcelText(t *testing.T) {
	csv := "代码,金额,名称,式\n=\"2403-370303-04-01-000123\",\"=\"\"12000.00\"\"\",=\"\",=\"a\"&\"b\"\n"
	b, err := Open([]byte(csv), "a.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := grid(t, b.Sheets[0])
	want := []string{"A1 0 代码", "B1 0 金额", "C1 0 名称", "D1 0 式", "A2 0 2403-370303-04-01-000123", "B2 0 12000.00", `D2 0 ="a"&"b"`}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestUnreadable: what is no readable spreadsheet gets an *Error of the
// right kind.
func TestUnreadable(t *testing.T) {
	cases := []struct {
		name string
		data []byte
		kind ErrorKind
	}{
		{"empty.xlsx", nil, Unprocessable},
		{"truncated.xlsx", kindsWorkbook(t)[:300], Unsupported},
		{"page.xls", []byte("<html><body><table><tr><td>项目名称</td></tr></table></body></html>"), Unsupported},
		{"doc.pdf", []byte("%PDF-1.4 ..."), Unsupported},
		{"binary.xlsx", []byte{0, 1, 2, 3, 0, 0, 7}, Unsupported},
		{"broken.xls", append(append([]byte{}, sigCFB...), make([]byte, 600)...), Unsupported},
		{"word.xlsx", docx(), Unsupported},
		{"big.csv", bytes.Repeat([]byte("a,b\n"), 300000), TooLarge},
		{"nul.csv", []byte("a,\"b\nc\"d,e\"\x00"), Unsupported},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := readAll(c.data, c.name, Options{Limits: Limits{MaxFileBytes: 1 << 20}})
			wantKind(t, err, c.kind)
		})
	}
}
