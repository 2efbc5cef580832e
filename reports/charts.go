package reports

import (
	"fmt"
	"math"

	"github.com/xuri/excelize/v2"
)

// Chart looks: every text dark and at least 10 pt (9 pt and more when the
// sheet prints at 90%), the bars blue, the reference lines dark red.
const (
	chartText   = "262626" // axis labels, data labels, legend: not excelize's light grey (#D9D9D9)
	chartBar    = "9DC3E6"
	chartTarget = "C00000"
	// chartHeight is a chart's height in pixels; chartRows the rows of
	// the default height (18 pixels under 10 pt 宋体) that it and the gap
	// below it take.
	chartHeight = 270
	chartRows   = 16
	// Chart widths in pixels: as wide as the table, within these bounds,
	// so that each unit's bar has room for its label.
	chartMinWidth, chartMaxWidth = 640, 1100
)

// addCharts puts two charts one below the other on 分区县 from row top,
// over its n unit rows (rows 4..3+n, the 合计 row left out): 年度投资完成率
// by unit as bars with 序时进度 as a line, and 项目开工率 by unit as bars
// with its target (100%, or 序时进度 when planned starts are the full
// year's) as a line.
func addCharts(f *excelize.File, sheet string, n, top int, width float64) error {
	if n == 0 {
		return nil
	}
	if err := addRateChart(f, sheet, n, top, width); err != nil {
		return err
	}
	cats := rowsRef(sheet, gcName, n)
	start := barChart("项目开工率", excelize.ChartSeries{Name: headRef(sheet, gcStartRate), Categories: cats, Values: rowsRef(sheet, gcStartRate, n)}, width)
	return f.AddChart(sheet, fmt.Sprintf("A%d", top+chartRows), start, targetLine(sheet, gcStartTarget, n))
}

// addRateChart puts the chart of 年度投资完成率 by group (bars) against
// 序时进度 (a line) on a group sheet at column A, row top, over its n group
// rows; none without groups.
func addRateChart(f *excelize.File, sheet string, n, top int, width float64) error {
	if n == 0 {
		return nil
	}
	cats := rowsRef(sheet, gcName, n)
	rate := barChart("年度投资完成率与序时进度", excelize.ChartSeries{Name: headRef(sheet, gcRate), Categories: cats, Values: rowsRef(sheet, gcRate, n)}, width)
	return f.AddChart(sheet, fmt.Sprintf("A%d", top), rate, targetLine(sheet, gcTimeProgress, n))
}

// targetLine is the line a chart's bars are read against: column col of a
// group sheet's n rows, dashed, without markers or labels.
func targetLine(sheet string, col, n int) *excelize.Chart {
	return &excelize.Chart{Type: excelize.Line, Series: []excelize.ChartSeries{{
		Name: headRef(sheet, col), Categories: rowsRef(sheet, gcName, n), Values: rowsRef(sheet, col, n),
		Fill:   excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{chartTarget}}, // a line series' colour
		Line:   excelize.LineOptions{Type: excelize.LineSolid, Width: 2, Dash: excelize.LineDashDash},
		Marker: excelize.ChartMarker{Symbol: "none"},
	}}, XAxis: categoryAxis(), YAxis: percentAxis()} // a combination's last chart gives the axes their looks
}

// rowsRef is the absolute reference to column col of a group sheet's n
// group rows.
func rowsRef(sheet string, col, n int) string {
	c := colName(col)
	return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", sheet, c, headerRow+1, c, headerRow+n)
}

// headRef is the absolute reference to column col's header.
func headRef(sheet string, col int) string {
	return fmt.Sprintf("'%s'!$%s$%d", sheet, colName(col), headerRow)
}

// chartFont is the font of a chart's texts of the given size, dark.
func chartFont(size float64, bold bool) excelize.Font {
	return excelize.Font{Family: bodyFont, Size: size, Bold: bold, Color: chartText}
}

// barChart is a clustered column chart of rates with a percentage axis,
// width pixels wide (within chartMinWidth..chartMaxWidth): its values
// labelled inside the bars' tops, clear of the reference line above them
// and of each other: each unit has a bar of its own width.
func barChart(title string, s excelize.ChartSeries, width float64) *excelize.Chart {
	vary := false
	s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{chartBar}}
	s.DataLabel = excelize.ChartDataLabel{Font: chartFont(10, false)}
	s.DataLabelPosition = excelize.ChartDataLabelsPositionInsideEnd
	legend := chartFont(10, false)
	w := uint(math.Round(min(max(width, chartMinWidth), chartMaxWidth)))
	return &excelize.Chart{
		Type:       excelize.Col,
		Series:     []excelize.ChartSeries{s},
		Title:      excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: title, Font: &excelize.Font{Family: bodyFont, Size: 12, Bold: true, Color: chartText}}}},
		Legend:     excelize.ChartLegend{Position: "bottom", Font: &legend},
		Dimension:  excelize.ChartDimension{Width: w, Height: chartHeight},
		XAxis:      categoryAxis(),
		YAxis:      percentAxis(),
		VaryColors: &vary,
		PlotArea:   excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0.0%"}},
	}
}

// categoryAxis is the axis of the units or categories, labelled dark.
func categoryAxis() excelize.ChartAxis { return excelize.ChartAxis{Font: chartFont(10, false)} }

// percentAxis is a value axis in whole percent with gridlines, from 0.
func percentAxis() excelize.ChartAxis {
	zero := 0.0
	return excelize.ChartAxis{MajorGridLines: true, Minimum: &zero, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0%"}, Font: chartFont(10, false)}
}
