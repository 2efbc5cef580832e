package reports

import (
	"bytes"
	"fmt"
	"math"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"tracker/models"
	"tracker/models/demo"
)

// Issue 15, print and looks: the quarterly workbook must read on paper.

// demoInput is the quarterly report of the 2024 demo portfolio (the 530
// projects of the year-end list) for quarter q, with its 环比 base (the
// quarter before, when there is one) and its 同比 base (the 2023 demo at the
// same month), as the reporting service gives it.
func demoInput(q int) Input {
	in := Input{
		Projects: demo.Portfolio2024(), Month: models.MonthOf(2024, 3*q), Config: models.DefaultRateConfig(),
		Districts: unitNames(), Categories: models.DefaultCategories(),
		Generated: time.Date(2024, 7, 5, 9, 30, 0, 0, time.FixedZone("CST", 8*3600)), Quarter: q,
	}
	if prev, ok := models.PreviousPeriod(in.Month, true); ok {
		r := models.ComputeRates(in.Projects, prev, in.Config, in.Districts, in.Categories)
		in.Previous = &r
	}
	ly := models.ComputeRates(demo.Portfolio2023(), models.SamePeriodLastYear(in.Month), in.Config, in.Districts, in.Categories)
	in.LastYear = &ly
	return in
}

// minPrintSize is the smallest text size allowed on paper, in points.
// LibreOffice writes sizes to a thousandth of a point after scaling, so
// 10 pt at exactly 80% may come out as 7.997.
const minPrintSize = 8 - 0.005

// TestDemoQ2PrintsAtEightPointsOrMore converts the 2024 Q2 demo workbook
// to PDF with LibreOffice and measures every piece of text on every page
// (pdfTexts: the Tf size under the text and transformation matrices). Before
// issue 15, 项目明细 printed at 4.2 pt and its notes at 3.8 pt.
func TestDemoQ2PrintsAtEightPointsOrMore(t *testing.T) {
	soffice := needTool(t, "soffice", "libreoffice-calc-nogui")
	pdftotext := needTool(t, "pdftotext", "poppler-utils")
	dir := t.TempDir()
	xlsx := writeTemp(t, demoInput(2), dir, FileName(2024, 2))
	pdf := toPDF(t, soffice, xlsx)
	texts, pages, err := pdfTexts(pdf)
	if err != nil {
		t.Fatalf("reading the PDF: %v", err)
	}
	if pages != pageCount(pdf) || len(texts) < 2*530 {
		t.Fatalf("read %d pages (the PDF has %d) and %d texts: the PDF was not read", pages, pageCount(pdf), len(texts))
	}
	smallest := texts[0]
	small := 0
	for _, x := range texts {
		if x.size < smallest.size {
			smallest = x
		}
		if x.size < minPrintSize {
			small++
		}
	}
	// The page's first line (the page header: the sheet's name) says
	// where the smallest text is.
	out, _ := exec.Command(pdftotext, "-f", strconv.Itoa(smallest.page), "-l", strconv.Itoa(smallest.page),
		"-layout", filepath.Join(dir, strings.TrimSuffix(filepath.Base(xlsx), ".xlsx")+".pdf"), "-").Output()
	first := strings.TrimSpace(strings.SplitN(strings.TrimSpace(string(out)), "\n", 2)[0])
	t.Logf("%d pages, %d pieces of text, the smallest %.2f pt (page %d, %s)", pages, len(texts), smallest.size, smallest.page, first)
	if small > 0 {
		t.Errorf("%d pieces of text below 8 pt; the smallest %.2f pt on page %d (%s) at (%.0f, %.0f)",
			small, smallest.size, smallest.page, first, smallest.x, smallest.y)
	}
}

// TestPDFTextSizes checks the PDF reader on a page it can be sure of: the
// fixture's 总体情况 holds its title at 16 pt and its sentences at 12 pt
// times the page's scale, so the largest size found is the title's.
func TestPDFTextSizes(t *testing.T) {
	soffice := needTool(t, "soffice", "libreoffice-calc-nogui")
	pdf := toPDF(t, soffice, writeTemp(t, testInput(6, 2), t.TempDir(), "q.xlsx"))
	texts, _, err := pdfTexts(pdf)
	if err != nil {
		t.Fatal(err)
	}
	largest := 0.0
	for _, x := range texts {
		if x.page == 1 {
			largest = max(largest, x.size)
		}
	}
	if largest < 12 || largest > 16.01 {
		t.Errorf("largest text on page 1 is %.2f pt, want the 16 pt title scaled by at least 75%%", largest)
	}
}

// TestDemoWorkbookHasTheSheetsInOrder checks the demo workbook's sheets:
// SheetNames, which keep CONTRACT.md's seven in their order.
func TestDemoWorkbookHasTheSheetsInOrder(t *testing.T) {
	f, _ := openReport(t, demoInput(2))
	if got := f.GetSheetList(); !reflect.DeepEqual(got, SheetNames()) {
		t.Errorf("sheets %v, want %v", got, SheetNames())
	}
	contract := []string{"总体情况", "分区县", "分类别", "未开工项目", "投资滞后项目", "提前开工", "项目明细"}
	i := 0
	for _, s := range f.GetSheetList() {
		if i < len(contract) && s == contract[i] {
			i++
		}
	}
	if i != len(contract) {
		t.Errorf("sheets %v do not hold %v in order", f.GetSheetList(), contract)
	}
}

// TestChartTextIsDark checks every text property (txPr) of every chart:
// none in excelize's default light grey (the theme's text colour lightened
// by 85%, #D9D9D9), every explicit colour dark (luminance below 0.3), every
// size at least 10 pt; and the axes, the labels and the legend have one.
func TestChartTextIsDark(t *testing.T) {
	_, data := writeReport(t, demoInput(2))
	parts := zipFiles(t, data)
	charts := 0
	for name, x := range parts {
		if !strings.HasPrefix(name, "xl/charts/chart") {
			continue
		}
		charts++
		coloured := 0
		for _, txPr := range regexp.MustCompile(`<txPr>.*?</txPr>`).FindAllString(x, -1) {
			if strings.Contains(txPr, "lumOff") {
				t.Errorf("%s: text in the light grey theme colour: %.200s", name, txPr)
			}
			for _, c := range regexp.MustCompile(`<a:srgbClr val="([0-9A-Fa-f]{6})"`).FindAllStringSubmatch(txPr, -1) {
				coloured++
				if l := luminance(c[1]); l >= 0.3 {
					t.Errorf("%s: text colour #%s is light (luminance %.2f)", name, c[1], l)
				}
			}
			for _, m := range regexp.MustCompile(`<a:defRPr[^>]* sz="(\d+)"`).FindAllStringSubmatch(txPr, -1) {
				if sz, _ := strconv.Atoi(m[1]); sz < 1000 {
					t.Errorf("%s: text of %.1f pt", name, float64(sz)/100)
				}
			}
		}
		// category axis, value axis, bar labels, legend
		if coloured < 4 {
			t.Errorf("%s: %d dark text properties, want those of both axes, the labels and the legend", name, coloured)
		}
	}
	if charts != 3 {
		t.Errorf("%d charts, want 3", charts)
	}
}

// luminance is the relative luminance of an sRGB colour "RRGGBB".
func luminance(hex string) float64 {
	v, _ := strconv.ParseUint(hex, 16, 32)
	lin := func(c uint64) float64 {
		x := float64(c) / 255
		if x <= 0.03928 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(v>>16&0xff) + 0.7152*lin(v>>8&0xff) + 0.0722*lin(v&0xff)
}

// TestStartRateChartHasItsTarget checks the 开工率 chart: its bars over the
// units, labelled inside their tops (clear of each other and of the line),
// and a line over 开工率目标 (100% under the default denominator) in every
// unit's row; the chart as wide as the table allows.
func TestStartRateChartHasItsTarget(t *testing.T) {
	f, _ := openReport(t, demoInput(2))
	_, data := writeReport(t, demoInput(2))
	chart := zipFiles(t, data)["xl/charts/chart2.xml"]
	rate, target := colName(gcStartRate), colName(gcStartTarget)
	for _, want := range []string{"<barChart>", `<dLblPos val="inEnd">`, "<lineChart>", `<a:prstDash val="dash">`,
		fmt.Sprintf("分区县&#39;!$%s$4:$%s$15", rate, rate), fmt.Sprintf("分区县&#39;!$%s$4:$%s$15", target, target)} {
		if !strings.Contains(chart, want) {
			t.Errorf("开工率 chart lacks %s", want)
		}
	}
	if got := text(f, sheetDistricts, target+"3"); got != "开工率目标" {
		t.Errorf("%s3 = %q, want 开工率目标", target, got)
	}
	for r := 4; r <= 16; r++ { // the units and 合计
		if v := num(t, f, sheetDistricts, fmt.Sprintf("%s%d", target, r)); v != 1 {
			t.Errorf("%s%d = %v, want 1 (100%%)", target, r, v)
		}
	}
	// 12 units on at least chartMinWidth pixels: 53 a unit, room for
	// "100.0%" at 10 pt (about 40 pixels).
	if chartMinWidth/12 < 45 {
		t.Errorf("chartMinWidth %d leaves %d pixels a unit", chartMinWidth, chartMinWidth/12)
	}
}

// TestHeadersBreakBetweenWords checks every header cell of every table
// sheet: each of its lines fits its column (so no application breaks a
// word), no line opens with a closing parenthesis or ends with an opening
// one, and the header row is tall enough for its lines.
func TestHeadersBreakBetweenWords(t *testing.T) {
	f, _ := openReport(t, demoInput(2))
	for _, sheet := range f.GetSheetList()[1:] {
		rows, err := f.GetRows(sheet)
		if err != nil || len(rows) < headerRow {
			t.Fatalf("%s: %v", sheet, err)
		}
		height, _ := f.GetRowHeight(sheet, headerRow)
		for i, h := range rows[headerRow-1] {
			col := colName(i + 1)
			w, _ := f.GetColWidth(sheet, col)
			lines := strings.Split(h, "\n")
			for _, l := range lines {
				if float64(textWidth(l)+1) > w+1e-9 {
					t.Errorf("%s!%s3 line %q (%d wide) does not fit its column (%.1f)", sheet, col, l, textWidth(l), w)
				}
				if strings.HasPrefix(l, "）") || strings.HasSuffix(l, "（") {
					t.Errorf("%s!%s3 breaks at a parenthesis: %q", sheet, col, h)
				}
			}
			if height < float64(13*len(lines)) {
				t.Errorf("%s row 3 is %.0f pt, too low for %d lines of %s", sheet, height, len(lines), col)
			}
		}
	}
}

// TestListsFreezeAtTheProjectName checks the panes of the project lists:
// the header rows and the columns up to 项目名称 (C) stay in view.
func TestListsFreezeAtTheProjectName(t *testing.T) {
	f, _ := openReport(t, demoInput(2))
	for _, sheet := range []string{sheetOverdue, sheetLagging, sheetEarly, sheetDetails} {
		p, err := f.GetPanes(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if !p.Freeze || p.XSplit != 3 || p.YSplit != headerRow || p.TopLeftCell != "D4" {
			t.Errorf("%s panes %+v, want frozen at D4 (x 3, y 3)", sheet, p)
		}
		if got := text(f, sheet, "C3"); got != nameHead {
			t.Errorf("%s!C3 = %q, want %s", sheet, got, nameHead)
		}
	}
	if p, _ := f.GetPanes(sheetDistricts); p.XSplit != 0 || p.YSplit != headerRow {
		t.Errorf("分区县 panes %+v, want the header rows only", p)
	}
}

// TestEmptyListsSayNone builds a report of one project on schedule: the
// three lists have no rows and say "无" across the table, with columns wide
// enough to read.
func TestEmptyListsSayNone(t *testing.T) {
	p := fixtureProject{"张店区", "工业", models.NatureContinuing, "张店区高端装备产业园", 50000, 10000, 0, 0, map[int]float64{6: 6000}}.project(1)
	in := testInput(6, 2)
	in.Projects = []models.Project{p}
	f, _ := openReport(t, in)
	for _, sheet := range []string{sheetOverdue, sheetLagging, sheetEarly} {
		cols, _ := f.GetCols(sheet)
		last := colName(len(cols))
		if got := text(f, sheet, "A4"); got != "无" {
			t.Errorf("%s!A4 = %q, want 无", sheet, got)
		}
		merges, _ := f.GetMergeCells(sheet)
		found := false
		for _, m := range merges {
			found = found || m.GetStartAxis() == "A4" && m.GetEndAxis() == last+"4"
		}
		if !found {
			t.Errorf("%s: 无 is not merged over A4:%s4", sheet, last)
		}
		if w, _ := f.GetColWidth(sheet, "C"); w < 16 {
			t.Errorf("%s: 项目名称 is %.1f wide, want at least 16", sheet, w)
		}
		for i := range cols {
			if w, _ := f.GetColWidth(sheet, colName(i+1)); w < 5 {
				t.Errorf("%s!%s is %.1f wide", sheet, colName(i+1), w)
			}
		}
		// The notes come below the "无" row, not on it.
		if got := text(f, sheet, "A6"); !strings.HasPrefix(got, "注：") {
			t.Errorf("%s!A6 = %q, want the note", sheet, got)
		}
	}
	if got := text(f, sheetDetails, "A4"); got != "1" {
		t.Errorf("项目明细!A4 = %q, want the project", got)
	}
}

// TestFormulaLikeTextIsQuotePrefixed writes projects named "=1+1" and the
// fixture's "=SUM(A1:A2)物流中心", "-…", "@…", "+…" and a unit starting
// with a tab: each is a text cell (no formula) whose style has the quote
// prefix, so editing it in Excel keeps it text; an ordinary name has none.
func TestFormulaLikeTextIsQuotePrefixed(t *testing.T) {
	in := testInput(6, 2)
	in.Projects[0].Name = "=1+1"
	in.Projects[1].Unit = "\t张店区发展和改革局"
	_, data := writeReport(t, in)
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	quoted := quotedStyles(t, zipFiles(t, data)["xl/styles.xml"])
	rows, _ := f.GetRows(sheetDetails)
	seen := 0
	for i, row := range rows[headerRow:] {
		if len(row) < 5 || row[0] == "" {
			break
		}
		for _, c := range []int{3, 5} { // 项目名称, 责任单位
			ref := cellName(c, headerRow+1+i)
			v, _ := f.GetCellValue(sheetDetails, ref)
			formula, _ := f.GetCellFormula(sheetDetails, ref)
			style, _ := f.GetCellStyle(sheetDetails, ref)
			if formula != "" {
				t.Errorf("%s is a formula %q", ref, formula)
			}
			if want := models.LooksLikeFormula(v); quoted[style] != want {
				t.Errorf("%s %q: quote prefix %v, want %v", ref, v, quoted[style], want)
			}
			if models.LooksLikeFormula(v) {
				seen++
			}
		}
	}
	if seen != 6 {
		t.Errorf("%d formula-like cells on 项目明细, want 6", seen)
	}
	if got := text(f, sheetDetails, "C4"); got != "=1+1" {
		t.Errorf("C4 = %q, want =1+1", got)
	}
}

// quotedStyles returns which cell formats of a styles.xml have the quote
// prefix, by index.
func quotedStyles(t *testing.T, styles string) map[int]bool {
	t.Helper()
	xfs := regexp.MustCompile(`(?s)<cellXfs[^>]*>(.*?)</cellXfs>`).FindStringSubmatch(styles)
	if xfs == nil {
		t.Fatal("no cellXfs")
	}
	out := map[int]bool{}
	for i, xf := range regexp.MustCompile(`<xf [^>]*>`).FindAllString(xfs[1], -1) {
		out[i] = strings.Contains(xf, `quotePrefix="1"`) || strings.Contains(xf, `quotePrefix="true"`)
	}
	return out
}

// TestLightsAreSaturated checks the light cells of 项目明细: the fill and
// font of models.Light.Colours, fills saturated (no pale pink) and the
// name in bold.
func TestLightsAreSaturated(t *testing.T) {
	f, _ := openReport(t, demoInput(2))
	rows, _ := f.GetRows(sheetDetails)
	seen := map[string]bool{}
	for i, row := range rows[headerRow:] {
		if len(row) < 14 {
			continue
		}
		ref := cellName(14, headerRow+1+i) // 投资预警
		l := models.Light(row[13])
		fill, font := l.Colours()
		if fill == "" || seen[row[13]] {
			continue
		}
		seen[row[13]] = true
		id, _ := f.GetCellStyle(sheetDetails, ref)
		s, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if len(s.Fill.Color) != 1 || !strings.EqualFold(s.Fill.Color[0], fill) || !strings.EqualFold(s.Font.Color, font) || !s.Font.Bold {
			t.Errorf("%s %s: fill %v font %s bold %v, want %s on %s, bold", ref, l, s.Fill.Color, s.Font.Color, s.Font.Bold, font, fill)
		}
		if sat := saturation(fill); sat < 0.9 {
			t.Errorf("%s fill #%s saturation %.2f, want a saturated colour", l, fill, sat)
		}
	}
	if len(seen) != 3 {
		t.Errorf("lights seen %v, want all three", seen)
	}
}

// saturation is the HSV saturation of "RRGGBB".
func saturation(hex string) float64 {
	v, _ := strconv.ParseUint(hex, 16, 32)
	r, g, b := float64(v>>16&0xff), float64(v>>8&0xff), float64(v&0xff)
	hi, lo := max(r, g, b), min(r, g, b)
	if hi == 0 {
		return 0
	}
	return (hi - lo) / hi
}
