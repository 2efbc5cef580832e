package reports

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// needTool returns the path of a tool, skipping the test when it is missing
// unless CI=true, where a missing tool fails the test.
func needTool(t *testing.T, name, pkg string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		missing(t, fmt.Sprintf("%s not found (apt-get install %s)", name, pkg))
	}
	return path
}

func missing(t *testing.T, why string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatal(why)
	}
	t.Skip(why)
}

// writeTemp writes the report for in to dir/name.
func writeTemp(t *testing.T, in Input, dir, name string) string {
	t.Helper()
	_, data := writeReport(t, in)
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// toPDF converts an .xlsx with LibreOffice and returns the PDF's bytes.
func toPDF(t *testing.T, soffice, xlsx string) []byte {
	t.Helper()
	dir := filepath.Dir(xlsx)
	cmd := exec.Command(soffice, "--headless", "--norestore", "-env:UserInstallation=file://"+filepath.Join(dir, "lo-profile"),
		"--convert-to", "pdf", "--outdir", dir, xlsx)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	pdf, err := os.ReadFile(strings.TrimSuffix(xlsx, ".xlsx") + ".pdf")
	if err != nil {
		t.Fatalf("no PDF: %v\n%s", err, out)
	}
	return pdf
}

// pageCount counts "/Type /Page" objects (not /Pages) in a PDF.
func pageCount(pdf []byte) int {
	return len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(pdf, -1))
}

// TestLibreOfficePrintsOnePagePerSheet converts the fixture's workbook to
// PDF: each sheet fits one page (fit to width), but 分区县, whose two
// charts print on a page of their own, and 项目明细, whose notes columns
// (形象进度, 存在问题) print at minScale on a second page's width. A sheet that lost its page setup
// spills over several pages.
func TestLibreOfficePrintsOnePagePerSheet(t *testing.T) {
	soffice := needTool(t, "soffice", "libreoffice-calc-nogui")
	dir := t.TempDir()
	pdf := toPDF(t, soffice, writeTemp(t, testInput(6, 2), dir, FileName(2024, 2)))
	if n := pageCount(pdf); n != len(SheetNames())+2 {
		t.Errorf("PDF has %d pages, want %d (one per sheet, two for 分区县 and two for 项目明细)", n, len(SheetNames())+2)
	}
}

// TestLibreOfficeRepeatsHeaderOnEveryPage prints 530 projects: 项目明细
// runs over several pages, and each printed page of it repeats the header.
func TestLibreOfficeRepeatsHeaderOnEveryPage(t *testing.T) {
	soffice := needTool(t, "soffice", "libreoffice-calc-nogui")
	pdftotext := needTool(t, "pdftotext", "poppler-utils")
	dir := t.TempDir()
	pdf := toPDF(t, soffice, writeTemp(t, syntheticInput(530, 6, 2), dir, "big.xlsx"))
	pdfPath := filepath.Join(dir, "big.pdf")
	out, err := exec.Command(pdftotext, "-layout", pdfPath, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(string(out), "\f")
	detail := 0
	for _, p := range pages {
		if strings.Contains(p, "2403-") && strings.Contains(p, "开工状态") {
			detail++
		}
	}
	if n := pageCount(pdf); n < 12 || detail < 5 {
		t.Errorf("%d pages, %d of them with 项目明细's header and data; want ≥ 12 and ≥ 5", n, detail)
	}
}

// TestOpenpyxlSeesTheWholeSheet reads the workbook with openpyxl, styles
// included (it refuses invalid border colours), and in read-only mode,
// where the used range is all it trusts.
func TestOpenpyxlSeesTheWholeSheet(t *testing.T) {
	python := openpyxlPython(t)
	dir := t.TempDir()
	path := writeTemp(t, testInput(6, 2), dir, "q.xlsx")
	script := `import sys, openpyxl
openpyxl.load_workbook(sys.argv[1])
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
for ws in wb.worksheets:
    print(ws.title, ws.calculate_dimension(), sum(1 for _ in ws.iter_rows()))`
	out, err := exec.Command(python, "-c", script, path).CombinedOutput()
	if err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, out)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var want []string
	for _, s := range f.GetSheetList() {
		dim, _ := f.GetSheetDimension(s)
		rows, _ := f.GetRows(s)
		want = append(want, fmt.Sprintf("%s %s %d", s, dim, len(rows)))
	}
	if got := strings.TrimSpace(string(out)); got != strings.Join(want, "\n") {
		t.Errorf("openpyxl read-only sees\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}
}

// openpyxlPython returns a python3 that can import openpyxl: Debian's
// python3-openpyxl lives under /usr/bin/python3, which may not be the first
// python3 on PATH.
func openpyxlPython(t *testing.T) string {
	t.Helper()
	for _, p := range []string{"python3", "/usr/bin/python3"} {
		if exec.Command(p, "-c", "import openpyxl").Run() == nil {
			return p
		}
	}
	missing(t, "no python3 with openpyxl (apt-get install python3-openpyxl)")
	return ""
}

// TestOpenpyxlReadsTheExports opens 项目清单 and 修改记录 with openpyxl,
// styles included: dates and times come back as datetimes, amounts as
// exact numbers, and users' text as text.
func TestOpenpyxlReadsTheExports(t *testing.T) {
	python := openpyxlPython(t)
	dir := t.TempDir()
	var list, audit bytes.Buffer
	if err := ProjectList(&list, projectListInput(6)); err != nil {
		t.Fatal(err)
	}
	if err := AuditWorkbook(&audit, "修改记录", auditRows(), auditGenerated); err != nil {
		t.Fatal(err)
	}
	lp, ap := filepath.Join(dir, "list.xlsx"), filepath.Join(dir, "audit.xlsx")
	for p, b := range map[string][]byte{lp: list.Bytes(), ap: audit.Bytes()} {
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	script := `import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["项目清单"]
print(ws["I12"].value, ws["K12"].value, ws["L5"].value, ws["M5"].value, ws.freeze_panes, ws.auto_filter.ref)
ws = openpyxl.load_workbook(sys.argv[2])["修改记录"]
print(ws["B4"].value, ws["K5"].value, ws["L9"].value, ws["G4"].value, ws.freeze_panes)
print(repr(ws["K4"].value), repr(ws["L4"].value), repr(ws["L6"].value), ws["L6"].number_format, ws["J4"].value, ws["L8"].value, ws["M5"].value, ws["M6"].value, ws["N7"].value)`
	out, err := exec.Command(python, "-c", script, lp, ap).CombinedOutput()
	if err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, out)
	}
	want := "120000.1234 4500.5678 2024-03-01 00:00:00 2024-03-01 00:00:00 D4 $A$3:$O$16\n" +
		"2024-07-01 09:05:30 =SUM(A1:A2)物流中心 +0012 12 A4\n" +
		"2500 6000.5 12.3456 #,##0.00 2024-06-01 00:00:00 2024-05-01 00:00:00 =区县来函更正名称 按批复调整计划 admin"
	if got := strings.TrimSpace(string(out)); got != want {
		t.Errorf("openpyxl reads\n%s\nwant\n%s", got, want)
	}
}
