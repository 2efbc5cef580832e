package reports

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// Sheet names, in workbook order (CONTRACT.md).
const (
	sheetSummary    = "总体情况"
	sheetDistricts  = "分区县"
	sheetCategories = "分类别"
	sheetOverdue    = "未开工项目"
	sheetLagging    = "投资滞后项目"
	sheetEarly      = "提前开工"
	sheetDetails    = "项目明细"
)

// SheetNames returns the workbook's sheets in order.
func SheetNames() []string {
	return []string{sheetSummary, sheetDistricts, sheetCategories, sheetOverdue, sheetLagging, sheetEarly, sheetDetails}
}

// groupColumns are the columns of 分区县 and 分类别; name heads column B.
// 序时进度 comes last: it is the line the charts draw against 完成率.
func groupColumns(name string) []column {
	return []column{
		{"序号", kInt}, {name, kCenter}, {"项目数", kInt}, {"总投资", kYi}, {"年度计划", kYi},
		{"累计完成", kYi}, {"完成率", kPct}, {"与序时差（个百分点）", kPP}, {"计划开工", kInt},
		{"已开工", kInt}, {"开工率", kPct}, {"排名", kInt}, {"序时进度", kPct},
	}
}

// Column numbers of groupColumns that the charts and tests refer to.
const (
	gcName         = 2
	gcRate         = 7
	gcStartRate    = 11
	gcTimeProgress = 13
)

// groupValues returns one row of 分区县/分类别: amounts in 亿元 (2 decimals),
// rates as fractions rounded to 0.1%, the gap to 0.1 point. A rate without a
// denominator (no annual plan, no planned start) and a missing rank are blank.
func (r *Report) groupValues(seq int, g GroupRow) []any {
	row := []any{seq, g.Name, g.Projects, yi(g.TotalInvestment), yi(g.AnnualPlan), yi(g.Completed),
		nil, nil, g.PlannedStarts, g.ActualStarts, nil, nil, pct(r.Rates.TimeProgress)}
	if seq == 0 {
		row[0] = nil
	}
	if g.AnnualPlan != 0 {
		row[6], row[7] = pct(g.InvestmentRate), pp(g.InvestmentGapPP)
	}
	if g.PlannedStarts != 0 {
		row[10] = pct(g.StartRate)
	}
	if g.Rank != 0 {
		row[11] = g.Rank
	}
	return row
}

// groupTable lays out 分区县 or 分类别.
func (r *Report) groupTable(sheet, name, title string, rows []GroupRow, total GroupRow) *table {
	t := &table{
		sheet: sheet, title: r.Period() + title, unit: "单位：亿元、个、%",
		cols: groupColumns(name), total: r.groupValues(0, total),
		notes: []string{
			fmt.Sprintf("注：完成率=%s累计完成投资÷年度计划投资；序时进度=%d÷12；与序时差=完成率−序时进度（个百分点）；开工率=已开工÷计划开工（%s）。",
				r.CumulativeLabel(), r.Month, startBasis(r.Config.StartDenominator)),
			"排名按完成率（保留1位小数）由高到低，完成率相同的并列、其后名次顺延；无年度计划的不排名，无计划的比率留空。金额按元汇总后四舍五入到0.01亿元，合计行可能与各行之和相差0.01。",
		},
	}
	vals := make([][]any, len(rows))
	for i, g := range rows {
		vals[i] = r.groupValues(i+1, g)
	}
	t.setRows(vals)
	return t
}

// startBasis names the denominator of 开工率.
func startBasis(denominator string) string {
	if denominator == "full_year" {
		return "计划开工为全年计划新开工项目数"
	}
	return "计划开工为计划开工时间在报告月及以前的新开工项目数"
}

// districtTable is 分区县, with the two charts below it.
func (r *Report) districtTable() *table {
	t := r.groupTable(sheetDistricts, "区县", "各区县（功能区）重大项目推进情况", r.Districts, r.DistrictTotal)
	t.cols[1].head = "区县"
	n := len(r.Districts)
	t.charts = func(f *excelize.File, top int) error { return addCharts(f, sheetDistricts, n, top) }
	return t
}

// categoryTable is 分类别, with the completion-rate chart below it.
func (r *Report) categoryTable() *table {
	t := r.groupTable(sheetCategories, "类别", "重大项目分类别推进情况", r.Categories, r.CategoryTotal)
	n := len(r.Categories)
	t.charts = func(f *excelize.File, top int) error { return addRateChart(f, sheetCategories, n, top) }
	return t
}
