package reports

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// summaryCols is the width of 总体情况 in columns.
const summaryCols = 6

// summaryLine is one line of 总体情况's figures table.
type summaryLine struct {
	label string
	kind  kind
	value any
	unit  string
}

// rateLine is one rate against 序时进度 and against the full-year 100%.
type rateLine struct {
	label        string
	rate, target float64 // fractions; target is the 序时 target
}

// summaryRows returns the figures of 总体情况, each from the overall Figures
// or the lag counts.
func (r *Report) summaryRows() []summaryLine {
	f := r.Rates.Figures
	return []summaryLine{
		{"项目总数", kInt, f.Projects, "个"},
		{"总投资", kYi, yi(f.TotalInvestment), "亿元"},
		{"年度计划投资", kYi, yi(f.AnnualPlan), "亿元"},
		{r.CumulativeLabel() + "累计完成投资", kYi, yi(f.Completed), "亿元"},
		{"年度投资完成率", kPct, pct(f.InvestmentRate), "%"},
		{"计划开工项目", kInt, f.PlannedStarts, "个"},
		{"已开工项目", kInt, f.ActualStarts, "个"},
		{"　其中：按期开工", kInt, f.OnTimeStarts, "个"},
		{"　　　　提前开工", kInt, f.EarlyStarts, "个"},
		{"未按计划开工项目", kInt, f.OverdueStarts, "个"},
		{"项目开工率", kPct, pct(f.StartRate), "%"},
		{"滞后项目", kInt, r.Lagging.Total, "个"},
		{"　其中：投资滞后", kInt, r.Lagging.Investment, "个"},
		{"　　　　开工滞后", kInt, r.Lagging.Start, "个"},
		{fmt.Sprintf("%d月未报送项目", r.Month), kInt, f.Unreported, "个"},
	}
}

// rateLines returns the two rates with their 序时 targets: 序时进度 for
// 年度投资完成率; for 项目开工率 100% when its denominator is the projects
// planned by M (all of them should have started), 序时进度 when it is the
// full year's.
func (r *Report) rateLines() []rateLine {
	f := r.Rates.Figures
	startTarget := 1.0
	if r.Config.StartDenominator == "full_year" {
		startTarget = r.Rates.TimeProgress
	}
	return []rateLine{
		{"年度投资完成率", f.InvestmentRate, r.Rates.TimeProgress},
		{"项目开工率", f.StartRate, startTarget},
	}
}

// summary writes 总体情况: title, the headline sentences, the two rates
// against 序时进度 and 100%, and the figures.
func (r *Report) summary(f *excelize.File, st *styles) error {
	top := 3 + len(r.Headline) + 1 // the rates header
	figTop := top + len(r.rateLines()) + 2
	notes := figTop + len(r.summaryRows()) + 2
	end := notes + 1
	if err := prepare(f, sheetSummary, page{dim: fmt.Sprintf("A1:%s%d", colName(summaryCols), end), titles: unitRow, onePage: true}); err != nil {
		return err
	}
	sw, err := startStream(f, sheetSummary, []float64{26, 16, 14, 16, 12, 16}, unitRow)
	if err != nil {
		return err
	}
	if err := writeTitle(sw, st, r.Period()+"全市重大项目建设总体情况", "单位：亿元、个、%", summaryCols); err != nil {
		return err
	}
	for i, s := range r.Headline {
		row := 3 + i
		if err := sw.SetRow(cellName(1, row), []any{excelize.Cell{StyleID: st.sentence, Value: s}}, excelize.RowOpts{Height: 36}); err != nil {
			return err
		}
		if err := sw.MergeCell(cellName(1, row), cellName(summaryCols, row)); err != nil {
			return err
		}
	}
	if err := r.writeRates(sw, st, top); err != nil {
		return err
	}
	if err := r.writeFigures(sw, st, figTop); err != nil {
		return err
	}
	if err := r.writeSummaryNotes(sw, st, notes); err != nil {
		return err
	}
	return sw.Flush()
}

// writeRates writes the rates table from row top (its header).
func (r *Report) writeRates(sw *excelize.StreamWriter, st *styles, top int) error {
	heads := []string{"指标", "完成值", "序时进度", "与序时进度差（个百分点）", "全年目标", "与全年目标差（个百分点）"}
	if err := sw.SetRow(cellName(1, top), headerCells(st, heads), excelize.RowOpts{Height: 30}); err != nil {
		return err
	}
	for i, l := range r.rateLines() {
		row := []any{
			styledCell(st, kText, l.label, false), styledCell(st, kPct, pct(l.rate), false),
			styledCell(st, kPct, pct(l.target), false), styledCell(st, kPP, pp((l.rate-l.target)*100), false),
			styledCell(st, kPct, 1.0, false), styledCell(st, kPP, pp((l.rate-1)*100), false),
		}
		if err := sw.SetRow(cellName(1, top+1+i), row); err != nil {
			return err
		}
	}
	return nil
}

// writeFigures writes the figures table from row top (its header).
func (r *Report) writeFigures(sw *excelize.StreamWriter, st *styles, top int) error {
	if err := sw.SetRow(cellName(1, top), headerCells(st, []string{"指标", "数值", "单位"}), excelize.RowOpts{Height: 22}); err != nil {
		return err
	}
	for i, l := range r.summaryRows() {
		row := []any{styledCell(st, kText, l.label, false), styledCell(st, l.kind, l.value, false), styledCell(st, kCenter, l.unit, false)}
		if err := sw.SetRow(cellName(1, top+1+i), row); err != nil {
			return err
		}
	}
	return nil
}

// writeSummaryNotes writes the date of the report and the definitions from
// row row.
func (r *Report) writeSummaryNotes(sw *excelize.StreamWriter, st *styles, row int) error {
	notes := []string{
		fmt.Sprintf("编制日期：%d年%d月%d日。数据截至%d年%d月底。", r.Generated.Year(), int(r.Generated.Month()), r.Generated.Day(), r.Year, r.Month),
		fmt.Sprintf("注：年度投资完成率=%s累计完成投资÷年度计划投资，序时进度=%d÷12；开工率=已开工÷计划开工（%s），可超过100%%；滞后项目指投资预警或开工预警为黄灯、红灯的项目。",
			r.CumulativeLabel(), r.Month, startBasis(r.Config.StartDenominator)),
	}
	return writeNotes(sw, st, row, summaryCols, notes, nil)
}

// headerCells styles a header row.
func headerCells(st *styles, heads []string) []any {
	out := make([]any, len(heads))
	for i, h := range heads {
		out[i] = excelize.Cell{StyleID: st.header, Value: h}
	}
	return out
}
