package reports

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"tracker/models"
)

// summaryCols is the width of 总体情况 in columns: the rates table's six,
// or the figures table's when its 上期/环比 and 上年同期/同比 columns make
// it wider.
func (r *Report) summaryCols() int { return max(6, 3+2*r.bases()) }

// summaryWidths are the widths of 总体情况's summaryCols columns.
func (r *Report) summaryWidths() []float64 {
	return []float64{19, 12, 12, 14, 11, 14, 14}[:r.summaryCols()]
}

// bases counts the periods compared with: previous, last year.
func (r *Report) bases() int { return b2i(r.Previous != nil) + b2i(r.LastYear != nil) }

// summaryLine is one line of 总体情况's figures table. of, when set, reads
// the line's value from a period's Figures (an int count, a models.Money
// amount or a float64 rate), so the same line of the periods compared
// with can be shown with its 环比 and 同比; lines without it (the lag
// counts) have no comparison.
type summaryLine struct {
	label string
	kind  kind
	value any
	unit  string
	of    func(models.Figures) any
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
	lines := []summaryLine{
		{"项目总数", kInt, nil, "个", func(f models.Figures) any { return f.Projects }},
		{"总投资", kYi, nil, "亿元", func(f models.Figures) any { return f.TotalInvestment }},
		{"年度计划投资", kYi, nil, "亿元", func(f models.Figures) any { return f.AnnualPlan }},
		{r.CumulativeLabel() + "累计完成投资", kYi, nil, "亿元", func(f models.Figures) any { return f.Completed }},
		{"年度投资完成率", kPct, nil, "%", func(f models.Figures) any { return f.InvestmentRate }},
		{"计划开工项目", kInt, nil, "个", func(f models.Figures) any { return f.PlannedStarts }},
		{"已开工项目", kInt, nil, "个", func(f models.Figures) any { return f.ActualStarts }},
		{"　其中：按期开工", kInt, nil, "个", func(f models.Figures) any { return f.OnTimeStarts }},
		{"　　　　延期开工", kInt, nil, "个", func(f models.Figures) any { return f.LateStarts }},
		{"　　　　提前开工", kInt, nil, "个", func(f models.Figures) any { return f.EarlyStarts }},
		{"未按计划开工项目", kInt, nil, "个", func(f models.Figures) any { return f.OverdueStarts }},
		{"项目开工率", kPct, nil, "%", func(f models.Figures) any { return f.StartRate }},
		{"滞后项目", kInt, r.Lagging.Total, "个", nil},
		{"　其中：投资滞后", kInt, r.Lagging.Investment, "个", nil},
		{"　　　　开工滞后", kInt, r.Lagging.Start, "个", nil},
		{fmt.Sprintf("%d月未报送项目", r.Month), kInt, nil, "个", func(f models.Figures) any { return f.Unreported }},
	}
	for i, l := range lines {
		if l.of != nil {
			lines[i].value = shown(l.of(f))
		}
	}
	return lines
}

// shown rounds a line's value as the sheet shows it: amounts to 0.01亿元,
// rates to 0.1%; counts as they are.
func shown(v any) any {
	switch x := v.(type) {
	case models.Money:
		return yi(x)
	case float64:
		return pct(x)
	}
	return v
}

// lineChange is one line's 环比 or 同比 cell: counts as a difference,
// amounts as a difference in 亿元 (环比) or as growth (同比: blank when the
// base is 0), rates in 个百分点. growth selects the 同比 form of amounts.
func lineChange(st *styles, cur, base any, growth bool) excelize.Cell {
	switch c := cur.(type) {
	case int:
		return styledCell(st, kInt, c-base.(int), false)
	case models.Money:
		b := base.(models.Money)
		if !growth {
			return styledCell(st, kYi, yi(c-b), false)
		}
		if b == 0 {
			return styledCell(st, kPct, nil, false)
		}
		return styledCell(st, kPct, pct(models.Ratio(int64(c-b), int64(b))), false)
	case float64:
		return styledCell(st, kPP, pp((c-base.(float64))*100), false)
	}
	return styledCell(st, kText, nil, false)
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
	end := notes + len(r.summaryNotes()) - 1
	cols := r.summaryCols()
	widths := r.summaryWidths()
	if err := prepare(f, sheetSummary, page{dim: fmt.Sprintf("A1:%s%d", colName(cols), end), titles: unitRow, onePage: true, portrait: true, widths: widths}); err != nil {
		return err
	}
	sw, err := startStream(f, sheetSummary, widths, unitRow, 0)
	if err != nil {
		return err
	}
	if err := writeTitle(sw, st, r.Period()+"全市重大项目建设总体情况", "单位：亿元、个、%", cols); err != nil {
		return err
	}
	for i, s := range r.Headline {
		row := 3 + i
		h := max(36, textHeight(s, 12, colPoints(widths)-12))
		if err := sw.SetRow(cellName(1, row), []any{excelize.Cell{StyleID: st.sentence, Value: s}}, excelize.RowOpts{Height: h}); err != nil {
			return err
		}
		if err := sw.MergeCell(cellName(1, row), cellName(cols, row)); err != nil {
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
	return flush(sw)
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

// writeFigures writes the figures table from row top (its header): each
// figure, then, when the report has those bases, the previous period's
// with 环比 and last year's with 同比.
func (r *Report) writeFigures(sw *excelize.StreamWriter, st *styles, top int) error {
	heads := []string{"指标", "数值", "单位"}
	if r.Previous != nil {
		heads = append(heads, "上期（"+r.previousLabel()+"）", "环比增减")
	}
	if r.LastYear != nil {
		heads = append(heads, fmt.Sprintf("上年同期（%d年%s）", r.Year-1, r.CumulativeLabel()), "同比增减")
	}
	if err := sw.SetRow(cellName(1, top), headerCells(st, heads), excelize.RowOpts{Height: 30}); err != nil {
		return err
	}
	for i, l := range r.summaryRows() {
		row := []any{styledCell(st, kText, l.label, false), styledCell(st, l.kind, l.value, false), styledCell(st, kCenter, l.unit, false)}
		for _, b := range []struct {
			base   *models.Rates
			growth bool
		}{{r.Previous, false}, {r.LastYear, true}} {
			if b.base == nil {
				continue
			}
			if l.of == nil {
				row = append(row, styledCell(st, l.kind, nil, false), styledCell(st, kText, nil, false))
				continue
			}
			cur, base := l.of(r.Rates.Figures), l.of(b.base.Figures)
			row = append(row, styledCell(st, l.kind, shown(base), false), lineChange(st, cur, base, b.growth))
		}
		if err := sw.SetRow(cellName(1, top+1+i), row); err != nil {
			return err
		}
	}
	return nil
}

// writeSummaryNotes writes the date of the report and the definitions from
// row row.
func (r *Report) writeSummaryNotes(sw *excelize.StreamWriter, st *styles, row int) error {
	return writeNotes(sw, st, row, r.summaryWidths(), r.summaryNotes(), nil)
}

// summaryNotes are the notes under 总体情况: the date, the definitions and
// what 环比 and 同比 compare with.
func (r *Report) summaryNotes() []string {
	notes := []string{
		fmt.Sprintf("编制日期：%d年%d月%d日。数据截至%d年%d月底。", r.Generated.Year(), int(r.Generated.Month()), r.Generated.Day(), r.Year, r.Month),
		fmt.Sprintf("注：年度投资完成率=%s累计完成投资÷年度计划投资，序时进度=%d÷12；开工率=已开工÷计划开工（%s），可超过100%%；滞后项目指投资预警或开工预警为黄灯、红灯的项目。",
			r.CumulativeLabel(), r.Month, startBasis(r.Config.StartDenominator)),
	}
	if n := r.compareNote("同比的金额为增长率。"); n != "" {
		notes = append(notes, n)
	}
	return notes
}

// headerCells styles a header row.
func headerCells(st *styles, heads []string) []any {
	out := make([]any, len(heads))
	for i, h := range heads {
		out[i] = excelize.Cell{StyleID: st.header, Value: headText(h)}
	}
	return out
}
