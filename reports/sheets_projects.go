package reports

import (
	"fmt"

	"tracker/models"
)

// Headers of the 万元 amount columns of project lists, spelt as the
// importer reads them (with cumulativeHead), so that a list sent on as a
// ledger reads back as the same records.
const (
	headTotal = "总投资（万元）"
	headPlan  = "年度计划投资（万元）"
)

// Headers of narrow columns, broken between their words (the importer
// reads them without the line break): a column is as wide as its header's
// widest line, and these hold short values.
const (
	headNature       = "建设\n性质"
	headPlannedStart = "计划开工\n时间"
	headActualStart  = "实际开工\n时间"
	headInvLight     = "投资\n预警"
	headStartLight   = "开工\n预警"
	headOverdue      = "逾期\n月数"
	headEarly        = "提前\n月数"
	headCompletion   = "计划竣工\n时间"
)

// noteColumns are the month's notes (形象进度, 存在问题/需协调事项, 计划竣工时间)
// that close 项目明细, labelled as the field registry labels them.
func noteColumns() []column {
	return []column{{models.FieldProgress.ZhName(), kText}, {models.FieldProblems.ZhName(), kText}, {headCompletion, kMonth}}
}

// noteValues puts a project's month notes, matching noteColumns, in v.
func noteValues(v []any, p *models.Project) {
	v[0], v[1], v[2] = p.Progress, p.Problems, p.PlannedCompletion
}

// cumulativeHead is the header of the cumulative column for month m:
// "1-6月累计完成投资（万元）", "1月累计完成投资（万元）" in January (both
// read back by the importer as the cumulative figure of that month).
func cumulativeHead(m int) string {
	return models.CumulativeLabel(m) + "累计完成投资（万元）"
}

// projectColumns are the identity columns every project list starts with.
func projectColumns() []column {
	return []column{{"序号", kInt}, {"项目代码", kCenter}, {"项目名称", kText}, {"区县", kCenter}, {"责任单位", kText}}
}

// identity puts a project's identity values, matching projectColumns, in
// v[0:5] and returns the rest of v.
func identity(v []any, seq int, p *models.Project) []any {
	v[0], v[1], v[2], v[3], v[4] = seq, p.Code, p.Name, p.District, p.Unit
	return v[5:]
}

// rateValues returns a project's 完成率 and gap to 序时进度, blank without an
// annual plan (a project without a plan has no rate).
func rateValues(row ProjectRow) (rate, gap any) {
	if row.Project.AnnualPlan == 0 {
		return nil, nil
	}
	return pct(row.Status.Rate), pp(row.Status.GapPP)
}

// overdueTable is 未开工项目: 新开工 projects planned by M, not started.
func (r *Report) overdueTable() *table {
	t := &table{
		sheet: sheetOverdue, title: r.Period() + "未按计划开工项目清单", unit: "单位：个月", filter: true,
		cols: append(projectColumns(), column{"类别", kCenter}, column{headPlannedStart, kMonth},
			column{headOverdue, kInt}, column{"预警", kLight}),
		notes: []string{fmt.Sprintf("注：计划开工时间在%d月及以前、截至%d月底尚未开工的新开工项目，共%d个（含计划本月开工的）；逾期月数=%d月−计划开工月，未填计划开工时间的按12月计。",
			r.Month, r.Month, len(r.Overdue), r.Month)},
		legend: r.startLegend(),
	}
	t.n = len(r.Overdue)
	t.row = func(i int, v []any) {
		row := r.Overdue[i]
		v = identity(v, i+1, row.Project)
		v[0], v[1], v[2], v[3] = row.Project.Category, row.Project.PlannedStart, row.Status.Start.MonthsOverdue, row.Status.StartLight
	}
	return t
}

// laggingTable is 投资滞后项目: every 滞后项目, lagging on investment, on
// start or both, with a column for each light.
func (r *Report) laggingTable() *table {
	t := &table{
		sheet: sheetLagging, title: r.Period() + "滞后项目清单（投资滞后、开工滞后）", unit: "单位：万元、%、个月", filter: true,
		cols: append(projectColumns(), column{headNature, kCenter}, column{headPlan, kWan}, column{cumulativeHead(r.Month), kWan},
			column{"完成率", kPct}, column{"与序时差（个百分点）", kPP}, column{headInvLight, kLight},
			column{headPlannedStart, kMonth}, column{headOverdue, kInt}, column{headStartLight, kLight}),
		notes: []string{fmt.Sprintf("注：本表列出全部滞后项目（投资预警或开工预警为黄灯、红灯的项目，含仅开工滞后的项目），共%d个：投资滞后%d个，开工滞后%d个，两者兼有的只列一次。",
			r.Lagging.Total, r.Lagging.Investment, r.Lagging.Start), progressNote(r.Config, r.Month)},
		legend: append(r.investmentLegend(), r.startLegend()...),
	}
	t.n = len(r.LaggingRows)
	t.row = func(i int, v []any) { laggingValues(v, i+1, r.LaggingRows[i]) }
	return t
}

// laggingValues puts one row of 投资滞后项目 in v.
func laggingValues(v []any, seq int, row ProjectRow) {
	p, s := row.Project, row.Status
	v = identity(v, seq, p)
	v[0], v[1], v[2] = string(p.Nature), p.AnnualPlan, s.Completed
	v[3], v[4] = rateValues(row)
	v[5], v[6] = s.InvestmentLight, startPlanOf(p)
	if s.StartLight != models.LightNone {
		v[7] = s.Start.MonthsOverdue
	}
	v[8] = s.StartLight
}

// startPlanOf returns a 新开工 project's planned month, none for others.
func startPlanOf(p *models.Project) models.Month {
	if p.Nature != models.NatureNew {
		return 0
	}
	return p.PlannedStart
}

// earlyTable is 提前开工: started by M, planned after M.
func (r *Report) earlyTable() *table {
	t := &table{
		sheet: sheetEarly, title: r.Period() + "提前开工项目清单", unit: "单位：万元、个月", filter: true,
		cols: append(projectColumns(), column{"类别", kCenter}, column{headPlannedStart, kMonth}, column{headActualStart, kMonth},
			column{headEarly, kInt}, column{headPlan, kWan}, column{cumulativeHead(r.Month), kWan}),
		notes: []string{fmt.Sprintf("注：实际开工时间在%d月及以前、计划开工时间在%d月以后的新开工项目，共%d个；提前月数=计划开工月−实际开工月，未填计划开工时间的按12月计。",
			r.Month, r.Month, len(r.Early))},
	}
	t.n = len(r.Early)
	t.row = func(i int, v []any) {
		row := r.Early[i]
		p := row.Project
		v = identity(v, i+1, p)
		v[0], v[1], v[2], v[3], v[4], v[5] = p.Category, p.PlannedStart, p.ActualStart, EarlyMonths(p), p.AnnualPlan, row.Status.Completed
	}
	return t
}

// detailTable is 项目明细: every project with its figures and lights.
func (r *Report) detailTable() *table {
	t := &table{
		sheet: sheetDetails, title: r.Period() + "重大项目明细表", unit: "单位：万元、%", filter: true,
		cols: append(projectColumns(), column{headNature, kCenter}, column{"类别", kCenter}, column{"级别", kCenter},
			column{headTotal, kWan}, column{headPlan, kWan}, column{cumulativeHead(r.Month), kWan}, column{"完成率", kPct},
			column{"与序时差（个百分点）", kPP}, column{headInvLight, kLight}, column{headPlannedStart, kMonth},
			column{headActualStart, kMonth}, column{"开工状态", kCenter}, column{headStartLight, kLight}, column{"未报送", kCenter}),
		notes: []string{fmt.Sprintf("注：共%d个项目。累计完成为%s累计完成投资，未报送%d月数据的项目沿用此前最近一次报送的数（“未报送”列标“是”）；形象进度、存在问题/需协调事项和计划竣工时间为%d月及以前最近一次报送的内容。",
			len(r.Details), r.CumulativeLabel(), r.Month, r.Month), progressNote(r.Config, r.Month)},
		legend: append(r.investmentLegend(), r.startLegend()...),
	}
	t.cols = append(t.cols, noteColumns()...)
	t.n = len(r.Details)
	t.row = func(i int, v []any) { detailValues(v, i+1, r.Details[i]) }
	return t
}

// detailValues puts one row of 项目明细 in v.
func detailValues(v []any, seq int, row ProjectRow) {
	p, s := row.Project, row.Status
	v = identity(v, seq, p)
	v[0], v[1], v[2], v[3], v[4], v[5] = string(p.Nature), p.Category, p.Level, p.TotalInvestment, p.AnnualPlan, s.Completed
	v[6], v[7] = rateValues(row)
	v[8], v[9], v[10], v[11], v[12] = s.InvestmentLight, startPlanOf(p), p.ActualStart, StartText(p, s.Start), s.StartLight
	if !s.Reported {
		v[13] = "是"
	}
	noteValues(v[14:], p)
}

// StartText says where a project stands on its start: 续建, 已开工 (planned
// by M and started), 提前开工, 未按计划开工, or 未到计划开工期.
func StartText(p *models.Project, s models.StartStatus) string {
	switch {
	case p.Nature != models.NatureNew:
		return string(p.Nature)
	case s.Started && s.Planned:
		return "已开工"
	case s.Started:
		return "提前开工"
	case s.Planned:
		return "未按计划开工"
	}
	return "未到计划开工期"
}

// investmentLegend explains the investment lights under cfg's thresholds.
func (r *Report) investmentLegend() []legendLine {
	y, red := numText(r.Config.InvestmentYellowPP), numText(r.Config.InvestmentRedPP)
	return []legendLine{
		{models.LightGreen, "投资预警绿灯：项目完成率达到项目序时进度，或低于项目序时进度不超过" + y + "个百分点"},
		{models.LightYellow, "投资预警黄灯：项目完成率低于项目序时进度超过" + y + "个百分点、不超过" + red + "个百分点"},
		{models.LightRed, "投资预警红灯：项目完成率低于项目序时进度超过" + red + "个百分点"},
	}
}

// progressNote says what a project's own 序时进度 is under the light basis.
func progressNote(cfg models.RateConfig, month int) string {
	if cfg.LightBasis == models.BasisCalendar {
		return fmt.Sprintf("注：项目序时进度均按%d÷12计；计划开工时间在%d月以后且尚未开工的新开工项目未到开工期，不亮投资预警灯。", month, month)
	}
	return fmt.Sprintf("注：项目序时进度：续建项目为%d÷12；新开工项目自计划开工月（提前开工的自实际开工月）起算，为（%d−开工月+1）÷（12−开工月+1）；计划开工时间在%d月以后且尚未开工的新开工项目未到开工期，不亮投资预警灯、不计入滞后项目。",
		month, month, month)
}

// startLegend explains the start lights under cfg's thresholds.
func (r *Report) startLegend() []legendLine {
	n := r.Config.StartRedMonths
	return []legendLine{
		{models.LightYellow, fmt.Sprintf("开工预警黄灯：新开工项目已到计划开工时间未开工，逾期不足%d个月", n)},
		{models.LightRed, fmt.Sprintf("开工预警红灯：新开工项目逾期%d个月及以上未开工", n)},
	}
}
