package reports

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"tracker/models"
)

// Sheet names, in workbook order (CONTRACT.md).
const (
	sheetSummary    = "总体情况"
	sheetDistricts  = "分区县"
	sheetCategories = "分类别"
	sheetLevels     = "分级别"
	sheetDepts      = "市直部门"
	sheetOverdue    = "未开工项目"
	sheetLagging    = "投资滞后项目"
	sheetEarly      = "提前开工"
	sheetUnsent     = "未报送单位"
	sheetDetails    = "项目明细"
)

// SheetNames returns the workbook's sheets in order.
func SheetNames() []string {
	return []string{sheetSummary, sheetDistricts, sheetCategories, sheetLevels, sheetDepts, sheetOverdue, sheetLagging, sheetEarly, sheetUnsent, sheetDetails}
}

// groupLine is one row of a group sheet: a group's figures and its
// number (0 for the subtotal and 合计 rows, which are not numbered).
type groupLine struct {
	seq int
	g   GroupRow
}

// groupCol is a column of a group sheet.
type groupCol = col[groupLine]

// groupColumns are the columns of the group sheets (分区县, 分类别, …);
// name heads column B. Amounts are in 亿元 (2 decimals), rates fractions
// rounded to 0.1%, the gap to 0.1 point; a rate without a denominator (no
// annual plan, no planned start) and a missing rank are blank. 序时进度
// and 开工率目标 come after the figures: they are the lines the charts draw
// against 完成率 and 开工率. The 环比 and 同比 columns follow
// (compareColumns) when the report has those bases and compare is set.
func (r *Report) groupColumns(name string, compare bool) []groupCol {
	timeProgress, startTarget := pct(r.Rates.TimeProgress), pct(r.rateLines()[1].target)
	cols := []groupCol{
		{headSeq, kInt, func(l *groupLine) any { return intOrNone(l.seq) }},
		{name, kCenter, func(l *groupLine) any { return l.g.Name }},
		{"项目数", kInt, func(l *groupLine) any { return l.g.Projects }},
		{"总投资", kYi, func(l *groupLine) any { return yi(l.g.TotalInvestment) }},
		{"年度计划", kYi, func(l *groupLine) any { return yi(l.g.AnnualPlan) }},
		{"累计完成", kYi, func(l *groupLine) any { return yi(l.g.Completed) }},
		{"完成率", kPct, func(l *groupLine) any { return pctIf(l.g.InvestmentRate, l.g.AnnualPlan != 0) }},
		{headGap, kPP, func(l *groupLine) any { return ppIf(l.g.InvestmentGapPP, l.g.AnnualPlan != 0) }},
		{"计划开工", kInt, func(l *groupLine) any { return l.g.PlannedStarts }},
		{"已开工", kInt, func(l *groupLine) any { return l.g.ActualStarts }},
		{"开工率", kPct, func(l *groupLine) any { return pctIf(l.g.StartRate, l.g.PlannedStarts != 0) }},
		{"完成率排名", kInt, func(l *groupLine) any { return intOrNone(l.g.InvestmentRank) }},
		{"序时进度", kPct, func(*groupLine) any { return timeProgress }},
		{"开工率排名", kInt, func(l *groupLine) any { return intOrNone(l.g.StartRank) }},
		{"开工率目标", kPct, func(*groupLine) any { return startTarget }},
	}
	if !compare {
		return cols
	}
	return append(cols, r.compareColumns()...)
}

// Column numbers of groupColumns that the charts and tests refer to.
const (
	gcName         = 2
	gcRate         = 7
	gcStartRate    = 11
	gcTimeProgress = 13
	gcStartTarget  = 15
	gcCompare      = 16 // the first 环比 or 同比 column, when there is one
)

// compareColumns are the 环比 columns when the report has a previous
// period, then the 同比 columns when it has last year's (DOMAIN.md: 环比
// rates in 个百分点 and amounts in 亿元; 同比 rates in 个百分点 and the
// completed investment as growth), blank where the group has no figures
// in the base or the rate is undefined.
func (r *Report) compareColumns() []groupCol {
	var cols []groupCol
	if r.Previous != nil {
		since := func(l *groupLine) (models.Comparison, bool) { return l.g.SincePrevious() }
		cols = append(cols,
			groupCol{"完成率环比（个百分点）", kPP, func(l *groupLine) any { c, ok := since(l); return ppIf(c.InvestmentRatePP, ok && c.HasInvestmentRate) }},
			groupCol{"累计完成环比（亿元）", kYi, func(l *groupLine) any { c, ok := since(l); return yiIf(c.Completed, ok) }},
			groupCol{"开工率环比（个百分点）", kPP, func(l *groupLine) any { c, ok := since(l); return ppIf(c.StartRatePP, ok && c.HasStartRate) }})
	}
	if r.LastYear != nil {
		since := func(l *groupLine) (models.Comparison, bool) { return l.g.SinceLastYear() }
		cols = append(cols,
			groupCol{"完成率同比（个百分点）", kPP, func(l *groupLine) any { c, ok := since(l); return ppIf(c.InvestmentRatePP, ok && c.HasInvestmentRate) }},
			groupCol{"累计完成同比增长", kPct, func(l *groupLine) any { c, ok := since(l); return pctIf(c.CompletedGrowth, ok && c.HasGrowth) }},
			groupCol{"开工率同比（个百分点）", kPP, func(l *groupLine) any { c, ok := since(l); return ppIf(c.StartRatePP, ok && c.HasStartRate) }})
	}
	return cols
}

// ppIf is a change in 个百分点 rounded to 0.1, or blank when !ok.
func ppIf(v float64, ok bool) any {
	if !ok {
		return nil
	}
	return pp(v)
}

// pctIf is a rate rounded to 0.1%, or blank when !ok.
func pctIf(v float64, ok bool) any {
	if !ok {
		return nil
	}
	return pct(v)
}

// yiIf is a change in 亿元 rounded to 0.01, or blank when !ok.
func yiIf(m models.Money, ok bool) any {
	if !ok {
		return nil
	}
	return yi(m)
}

// intOrNone is n, blank for 0 (an unnumbered row, a missing rank).
func intOrNone(n int) any {
	if n == 0 {
		return nil
	}
	return n
}

// groupTable lays out a group sheet: a numbered row per group, then the
// unnumbered subtotal rows (sub) and the 合计 row; compare adds the 环比 and
// 同比 columns (分区县, 分类别).
func (r *Report) groupTable(sheet, name, title string, rows, sub []GroupRow, total GroupRow, compare bool) *table {
	lines := make([]groupLine, 0, len(rows)+len(sub)+1)
	for i, g := range rows {
		lines = append(lines, groupLine{seq: i + 1, g: g})
	}
	for _, g := range sub {
		lines = append(lines, groupLine{g: g})
	}
	lines = append(lines, groupLine{g: total})
	t := &table{
		sheet: sheet, title: r.Period() + title, unit: "单位：亿元、个、%",
		cols: bind(rowsOf(lines), r.groupColumns(name, compare)...), n: len(lines) - 1, total: true,
		notes: []string{
			fmt.Sprintf("注：完成率=%s累计完成投资÷年度计划投资；序时进度=%d÷12；与序时差=完成率−序时进度（个百分点）；开工率=已开工÷计划开工（%s），开工率目标为%s。",
				r.CumulativeLabel(), r.Month, startBasis(r.Config.StartDenominator), startTargetText(r.Config.StartDenominator)),
			"排名按完成率、开工率（保留1位小数）由高到低，相同的并列、其后名次顺延；无年度计划的不排完成率名次，无计划开工的不排开工率名次，无计划的比率留空。金额按元汇总后四舍五入到0.01亿元，合计行可能与各行之和相差0.01。",
		},
	}
	if n := r.compareNote("上期或上年同期没有该组数据的留空。"); n != "" && compare {
		t.notes = append(t.notes, n)
	}
	return t
}

// compareNote says what 环比 and 同比 compare with, then tail; "" when
// neither is shown.
func (r *Report) compareNote(tail string) string {
	var parts []string
	if r.Previous != nil {
		parts = append(parts, "环比为与"+r.previousLabel()+"相比（比率差为个百分点，累计完成差为亿元）")
	}
	if r.LastYear != nil {
		parts = append(parts, fmt.Sprintf("同比为与%d年%s相比（比率差为个百分点，累计完成为增长率）", r.Year-1, r.CumulativeLabel()))
	}
	if len(parts) == 0 {
		return ""
	}
	return "注：" + strings.Join(parts, "；") + "。" + tail
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
	t := r.groupTable(sheetDistricts, "区县", "各区县（功能区）重大项目推进情况", r.Districts, nil, r.DistrictTotal, true)
	n := len(r.Districts)
	t.charts = func(f *excelize.File, top int, w float64) error { return addCharts(f, sheetDistricts, n, top, w) }
	t.chartsPage = n > 0
	return t
}

// categoryTable is 分类别: the categories, then the 产业项目 and 城市建设项目
// subtotals, with the completion-rate chart (of the categories) below it.
func (r *Report) categoryTable() *table {
	t := r.groupTable(sheetCategories, "类别", "重大项目分类别推进情况", r.Categories, r.CategorySplit, r.CategoryTotal, true)
	t.notes = append(t.notes, "注：产业项目、城市建设项目两行为所属类别的小计（类别的归属可在系统中修改），不参与排名；“"+models.Unnamed+"”为不属于两者的类别的项目。")
	n := len(r.Categories)
	t.charts = func(f *excelize.File, top int, w float64) error { return addRateChart(f, sheetCategories, n, top, w) }
	return t
}

// startTargetText names the target of 开工率: every project planned by the
// month should have started, or the year's share of them.
func startTargetText(denominator string) string {
	if denominator == "full_year" {
		return "序时进度"
	}
	return "100%"
}
