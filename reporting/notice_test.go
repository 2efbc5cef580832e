package reporting_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"tracker/models"
	"tracker/models/store"
	"tracker/reporting"
)

// demoService is the report service on a fresh SQLite file with the demo.
func demoService(t *testing.T) *reporting.Service {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "tracker.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.SeedDemo(context.Background()); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2025, 1, 10, 9, 0, 0, 0, time.UTC)
	return &reporting.Service{Store: s, Rates: models.DefaultRateConfig(), Now: func() time.Time { return at }}
}

// need returns a tool's path; a missing tool skips the test, or fails it
// under CI=true.
func need(t *testing.T, name, pkg string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s not found (apt-get install %s)", name, pkg)
		}
		t.Skipf("%s not found (apt-get install %s)", name, pkg)
	}
	return path
}

// bodyTables returns the rows of the tables of a .docx's body, as the
// text of each cell.
func bodyTables(t *testing.T, docx []byte) [][][]string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatal(err)
	}
	var doc []byte
	for _, f := range z.File {
		if f.Name == "word/document.xml" {
			rc, _ := f.Open()
			doc, _ = io.ReadAll(rc)
			rc.Close()
		}
	}
	d := xml.NewDecoder(bytes.NewReader(doc))
	var tables [][][]string
	var rows [][]string
	depth, inText := 0, false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return tables
		}
		if err != nil {
			t.Fatal(err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			switch tok.Name.Local {
			case "tbl":
				depth++
			case "tr":
				if depth == 1 {
					rows = append(rows, nil)
				}
			case "tc":
				if depth == 1 {
					rows[len(rows)-1] = append(rows[len(rows)-1], "")
				}
			case "t":
				inText = depth == 1
			}
		case xml.EndElement:
			switch tok.Name.Local {
			case "tbl":
				depth--
				if depth == 0 {
					tables, rows = append(tables, rows), nil
				}
			case "t":
				inText = false
			}
		case xml.CharData:
			if inText {
				r := rows[len(rows)-1]
				r[len(r)-1] += string(tok)
			}
		}
	}
}

// number strips what only the look of a figure adds: thousands
// separators and the percent sign (表1 states "%" in its unit line).
func number(s string) string {
	return strings.TrimPrefix(strings.NewReplacer(",", "", "%", "").Replace(strings.TrimSpace(s)), "+")
}

// sameAsSheet checks that a table of the 通报 holds, column by column,
// the rows of 分区县 (units and 合计) under the same headings (表1's
// "与序时差" is the sheet's "与序时差（个百分点）"), and returns those rows.
func sameAsSheet(t *testing.T, name string, table, sheet [][]string, units int) [][]string {
	t.Helper()
	header := sheet[2]
	col := make([]int, len(table[0]))
	for i, h := range table[0] {
		col[i] = -1
		for j, sh := range header {
			sh = strings.ReplaceAll(sh, "\n", "") // the sheet shows a unit on a line of its own
			if sh == h || strings.HasPrefix(sh, h+"（") {
				col[i] = j
			}
		}
		if col[i] < 0 {
			t.Fatalf("%s's column %q is not a column of 分区县 (%q)", name, h, header)
		}
	}
	var want, got [][]string
	for _, row := range sheet[3 : 3+units+1] {
		out := make([]string, len(col))
		for i, j := range col {
			if j < len(row) {
				out[i] = number(row[j])
			}
		}
		want = append(want, out)
	}
	for _, row := range table[1:] {
		out := make([]string, len(row))
		for i, c := range row {
			out[i] = number(c)
		}
		got = append(got, out)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s differs from 分区县:\n got %q\nwant %q", name, got, want)
	}
	return want
}

// TestNoticeOf2024Q4 makes the 2024 Q4 通报 and workbook from the demo
// store: 表1 equals the workbook's 分区县 row for row and column for
// column; LibreOffice opens the .docx and prints it, and the PDF's text
// states 1181.00亿元, 104.1% and 296 个, with 表1's rows as 分区县's.
func TestNoticeOf2024Q4(t *testing.T) {
	svc := demoService(t)
	ctx := context.Background()
	wb, err := svc.Quarterly(ctx, 2024, 4)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := svc.QuarterlyNotice(ctx, 2024, 4)
	if err != nil {
		t.Fatal(err)
	}
	if doc.FileName != "重大项目建设情况通报_2024Q4.docx" {
		t.Errorf("file name %q", doc.FileName)
	}
	f, err := excelize.OpenReader(bytes.NewReader(wb.Data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet, _ := f.GetRows("分区县")
	units := len(wb.Report.Districts)
	tables := bodyTables(t, doc.Data)
	if len(tables) != 3 {
		t.Fatalf("the 通报 has %d tables, want 表1, 表2 and 附件2", len(tables))
	}
	want := sameAsSheet(t, "表1", tables[0], sheet, units)
	got := sameAsSheet(t, "表2", tables[1], sheet, units)
	if len(tables[1][0]) != 8 || got[12][1] != "合计" || got[12][3] != "361.87" || got[12][6] != "-9.8" {
		t.Errorf("表2 %q, want 环比 and 同比 with 合计 +361.87 (亿元) and -9.8 (%%)", got)
	}
	got = want
	if len(got) != 13 || got[12][1] != "合计" || got[12][5] != "1181.00" || got[4][1] != "临淄区" || got[4][11] != "1" || got[4][12] != "1" {
		t.Errorf("表1 %q, want 12 units and 合计 with 1181.00, 临淄区 first on both rates", got)
	}

	soffice := need(t, "soffice", "libreoffice-writer-nogui")
	pdftotext := need(t, "pdftotext", "poppler-utils")
	dir := t.TempDir()
	path := filepath.Join(dir, doc.FileName)
	if err := os.WriteFile(path, doc.Data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(soffice, "--headless", "--norestore", "-env:UserInstallation=file://"+filepath.Join(dir, "lo-profile"),
		"--convert-to", "pdf", "--outdir", dir, path).CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	pdf := strings.TrimSuffix(path, ".docx") + ".pdf"
	if _, err := os.Stat(pdf); err != nil {
		t.Fatalf("LibreOffice made no PDF: %s", out)
	}
	layout, err := exec.Command(pdftotext, "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	// pdftotext puts spaces between Chinese and Latin text: compare
	// without white space.
	flat := strings.Join(strings.Fields(string(layout)), "")
	for _, w := range []string{"关于2024年1-12月全市重大项目建设情况的通报", "1181.00亿元", "104.1%", "296个", "计划开工项目296个，已开工296个",
		"一、总体情况", "二、各区县（功能区）推进情况", "三、存在问题", "四、下步工作", "附件1", "附件2"} {
		if !strings.Contains(flat, w) {
			t.Errorf("the PDF's text does not hold %q", w)
		}
	}
	// 表1 prints one line per row: its fields are 分区县's cells.
	lines := map[string][]string{}
	for _, line := range strings.Split(string(layout), "\n") {
		fs := strings.Fields(line)
		for i := range fs {
			fs[i] = number(fs[i])
		}
		for _, row := range want {
			if len(fs) > 1 && (fs[0] == row[1] || fs[1] == row[1]) && len(lines[row[1]]) == 0 {
				lines[row[1]] = fs
			}
		}
	}
	for _, row := range want {
		var cells []string
		for _, c := range row {
			if c != "" {
				cells = append(cells, c)
			}
		}
		if !reflect.DeepEqual(lines[row[1]], cells) {
			t.Errorf("the PDF prints %s's row as %q, want 分区县's %q", row[1], lines[row[1]], cells)
		}
	}
}

// TestAQuarterLockedWithoutItsNotice: a quarter locked before the 通报 was
// kept with its workbook has no 通报 as sent; asking for one is a conflict
// with a message, not today's figures under the locked quarter's name.
func TestAQuarterLockedWithoutItsNotice(t *testing.T) {
	svc := demoService(t)
	ctx := context.Background()
	wb, err := svc.Quarterly(ctx, 2024, 1)
	if err != nil {
		t.Fatal(err)
	}
	if err := svc.Store.LockQuarter(ctx, 2024, 1, models.User{Name: "旧版本"}, store.LockedFile{Kind: "xlsx", FileName: wb.FileName, Data: wb.Data}); err != nil {
		t.Fatal(err)
	}
	_, err = svc.QuarterlyNotice(ctx, 2024, 1)
	if models.ErrorCode(err) != models.ECONFLICT || !strings.Contains(err.Error(), "请解锁后重新锁定") {
		t.Errorf("the 通报 of a quarter locked without one: %v", err)
	}
	if err := svc.Store.UnlockQuarter(ctx, 2024, 1); err != nil {
		t.Fatal(err)
	}
	if err := svc.Lock(ctx, 2024, 1, models.User{Name: "管理员"}); err != nil {
		t.Fatal(err)
	}
	kept, err := svc.QuarterlyNotice(ctx, 2024, 1)
	if err != nil || kept.Report != nil || kept.FileName != "重大项目建设情况通报_2024Q1.docx" {
		t.Errorf("locked again: %q %v (made now: %v)", kept.FileName, err, kept.Report != nil)
	}
}
