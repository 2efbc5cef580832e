package reports

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os/exec"
	"regexp"
	"strings"
	"testing"
)

// zipFiles returns the parts of an .xlsx by name.
func zipFiles(t *testing.T, data []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]string{}
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		parts[zf.Name] = string(b)
	}
	return parts
}

func TestPackageDependsOnNoHTTPOrDatabase(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "tracker/reports").CombinedOutput()
	if err != nil {
		t.Skipf("go list: %v\n%s", err, out)
	}
	for _, dep := range strings.Fields(string(out)) {
		if strings.HasPrefix(dep, "gorm.io/") || strings.HasPrefix(dep, "github.com/gin-gonic/") || dep == "tracker/importer" || dep == "tracker/models/store" {
			t.Errorf("reports depends on %s", dep)
		}
	}
}

// TestEveryBorderHasAColour guards against excelize writing a colourless
// border as an invalid colour, which openpyxl and pandas refuse.
func TestEveryBorderHasAColour(t *testing.T) {
	_, data := writeReport(t, testInput(6, 2))
	styles := zipFiles(t, data)["xl/styles.xml"]
	sides := regexp.MustCompile(`<(left|right|top|bottom)( [^>]*)?>(.*?)</(left|right|top|bottom)>`).FindAllStringSubmatch(styles, -1)
	styled := 0
	for _, s := range sides {
		if !strings.Contains(s[2], "style=") {
			continue
		}
		styled++
		if !regexp.MustCompile(`<color rgb="FF[0-9A-F]{6}"`).MatchString(s[3]) {
			t.Errorf("border side without a colour: %s", s[0])
		}
	}
	if styled == 0 {
		t.Error("no styled border found")
	}
}

func TestChartsPlotRatesAgainstTimeProgress(t *testing.T) {
	_, data := writeReport(t, testInput(6, 2))
	parts := zipFiles(t, data)
	rate, start := parts["xl/charts/chart1.xml"], parts["xl/charts/chart2.xml"]
	units := "$B$4:$B$15" // the 12 default units, without the 合计 row
	for _, want := range []string{"<barChart>", "<lineChart>", "分区县&#39;!$G$4:$G$15", "分区县&#39;!$M$4:$M$15", units} {
		if !strings.Contains(rate, want) {
			t.Errorf("completion-rate chart lacks %s", want)
		}
	}
	for _, want := range []string{"<barChart>", "分区县&#39;!$K$4:$K$15", units} {
		if !strings.Contains(start, want) {
			t.Errorf("start-rate chart lacks %s", want)
		}
	}
	if !strings.Contains(parts["xl/worksheets/sheet2.xml"], "<drawing ") {
		t.Error("分区县 has no drawing")
	}
}

// TestStreamedSheetsKeepTheirPageSetup checks what excelize's StreamWriter
// and AutoFilter can lose: the used range, fit-to-page and the filter. The
// paper follows from the widths (layoutFor): 总体情况 A4 portrait, the wide
// lists (投资滞后项目, 项目明细) A3, the others A4, all but 总体情况
// landscape; all fitted to one page wide but 项目明细, too wide for it at
// minScale since it holds the month's notes.
func TestStreamedSheetsKeepTheirPageSetup(t *testing.T) {
	_, data := writeReport(t, testInput(6, 2))
	parts := zipFiles(t, data)
	for i := 1; i <= len(SheetNames()); i++ {
		name := fmt.Sprintf("xl/worksheets/sheet%d.xml", i)
		x := parts[name]
		paper, orientation := `paperSize="9"`, `orientation="landscape"`
		switch SheetNames()[i-1] {
		case sheetSummary:
			orientation = `orientation="portrait"`
		case sheetLagging, sheetDetails:
			paper = `paperSize="8"`
		}
		fit := []string{`fitToPage="true"`, `fitToWidth="1"`}
		if SheetNames()[i-1] == sheetDetails {
			// with 形象进度, 存在问题 and 计划竣工时间 it is wider than A3 at
			// minScale: printed at that scale, over two pages' width
			fit = []string{`scale="80"`}
		}
		for _, want := range append(fit, paper, orientation, `<pane `) {
			if !strings.Contains(x, want) {
				t.Errorf("%s lacks %s", name, want)
			}
		}
		if strings.Contains(x, `<dimension ref="A1"`) {
			t.Errorf("%s claims only A1", name)
		}
		if list := SheetNames()[i-1]; (list == sheetOverdue || list == sheetLagging || list == sheetEarly || list == sheetDetails) && !strings.Contains(x, "<autoFilter ") {
			t.Errorf("%s (a list) has no autofilter", name)
		}
	}
}

// TestCategoryChartPlotsRatesAgainstTimeProgress checks the 分类别 chart:
// 完成率 by category as bars, 序时进度 as a line, over the category rows
// without the 合计 row, anchored on 分类别.
func TestCategoryChartPlotsRatesAgainstTimeProgress(t *testing.T) {
	_, data := writeReport(t, testInput(6, 2))
	parts := zipFiles(t, data)
	chart := parts["xl/charts/chart3.xml"]
	for _, want := range []string{"<barChart>", "<lineChart>", "分类别&#39;!$G$4:$G$7", "分类别&#39;!$M$4:$M$7", "分类别&#39;!$B$4:$B$7"} {
		if !strings.Contains(chart, want) {
			t.Errorf("category chart lacks %s", want)
		}
	}
	if !strings.Contains(parts["xl/worksheets/sheet3.xml"], "<drawing ") {
		t.Error("分类别 has no drawing")
	}
	if _, ok := parts["xl/charts/chart4.xml"]; ok {
		t.Error("a fourth chart: 分类别 should have only the completion-rate chart")
	}
}
