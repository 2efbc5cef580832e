package reports

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// addCharts puts two charts side by side on 分区县 below row top, over its
// n unit rows (rows 4..3+n, the 合计 row left out): 年度投资完成率 by unit
// as bars with 序时进度 as a line, and 项目开工率 by unit as bars.
func addCharts(f *excelize.File, sheet string, n, top int) error {
	if n == 0 {
		return nil
	}
	if err := addRateChart(f, sheet, n, top); err != nil {
		return err
	}
	start := barChart("项目开工率", excelize.ChartSeries{Name: headRef(sheet, gcStartRate), Categories: rowsRef(sheet, gcName, n), Values: rowsRef(sheet, gcStartRate, n)})
	return f.AddChart(sheet, fmt.Sprintf("H%d", top), start)
}

// addRateChart puts the chart of 年度投资完成率 by group (bars) against
// 序时进度 (a line) on a group sheet at column B, row top, over its n group
// rows; none without groups.
func addRateChart(f *excelize.File, sheet string, n, top int) error {
	if n == 0 {
		return nil
	}
	cats := rowsRef(sheet, gcName, n)
	rate := barChart("年度投资完成率与序时进度", excelize.ChartSeries{Name: headRef(sheet, gcRate), Categories: cats, Values: rowsRef(sheet, gcRate, n)})
	line := &excelize.Chart{Type: excelize.Line, Series: []excelize.ChartSeries{{
		Name: headRef(sheet, gcTimeProgress), Categories: cats, Values: rowsRef(sheet, gcTimeProgress, n),
		Line: excelize.LineOptions{Width: 2}, Marker: excelize.ChartMarker{Symbol: "none"},
	}}, YAxis: percentAxis()}
	return f.AddChart(sheet, fmt.Sprintf("B%d", top), rate, line)
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

// barChart is a clustered column chart of rates with a percentage axis.
func barChart(title string, s excelize.ChartSeries) *excelize.Chart {
	vary := false
	s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"5B9BD5"}}
	return &excelize.Chart{
		Type:       excelize.Col,
		Series:     []excelize.ChartSeries{s},
		Title:      excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: title, Font: &excelize.Font{Family: bodyFont, Size: 12, Bold: true}}}},
		Legend:     excelize.ChartLegend{Position: "bottom"},
		Dimension:  excelize.ChartDimension{Width: 500, Height: 300},
		YAxis:      percentAxis(),
		VaryColors: &vary,
		PlotArea:   excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0.0%"}},
	}
}

// percentAxis is a value axis in whole percent with gridlines.
func percentAxis() excelize.ChartAxis {
	return excelize.ChartAxis{MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0%"}}
}
