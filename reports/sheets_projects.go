package reports

import (
	"fmt"
	"strings"

	"tracker/models"
)

// heading is a ledger field's column heading as the field registry
// gives it, with its unit for an amount: 总投资（万元）. Headings of
// project lists are spelt as the importer reads them (with
// cumulativeHead), so that a list sent on as a ledger reads back as the
// same records.
func heading(f models.Field) string {
	if d, ok := f.Def(); ok {
		return d.Heading()
	}
	return f.ZhName()
}

// shortHead is a field's heading without the label's 所属 or 项目 in
// front (所属区县 → 区县, 项目类别 → 类别): the report sheets' narrow
// columns, which the importer reads too.
func shortHead(f models.Field) string {
	h := heading(f)
	for _, p := range []string{"所属", "项目"} {
		if t, ok := strings.CutPrefix(h, p); ok && t != "" {
			return t
		}
	}
	return h
}

// broken is a field's heading broken after its first n characters, for a
// narrow column: a column is as wide as its header's widest line, and
// these hold short values (the importer reads the heading without the
// line break).
func broken(f models.Field, n int) string {
	r := []rune(heading(f))
	return string(r[:n]) + "\n" + string(r[n:])
}

// Headings the columns below share.
var (
	headTotal        = heading(models.FieldTotalInvestment) // 总投资（万元）
	headPlan         = heading(models.FieldAnnualPlan)      // 年度计划投资（万元）
	headNature       = broken(models.FieldNature, 2)        // 建设\n性质
	headPlannedStart = broken(models.FieldPlannedStart, 4)  // 计划开工\n时间
	headActualStart  = broken(models.FieldActualStart, 4)   // 实际开工\n时间
)

// Headings of the report's own narrow columns, broken between words.
const (
	headInvLight   = "投资\n预警"
	headStartLight = "开工\n预警"
	headOverdue    = "逾期\n月数"
	headEarly      = "提前\n月数"
	headGap        = "与序时差（个百分点）"
)

// cumulativeHead is the header of the cumulative column for month m:
// "1-6月累计完成投资（万元）", "1月累计完成投资（万元）" in January (both
// read back by the importer as the cumulative figure of that month).
func cumulativeHead(m int) string {
	return models.CumulativeLabel(m) + heading(models.FieldCompletedYTD)
}

// projectCol is a column of a list of projects.
type projectCol = col[ProjectRow]

// The columns of the lists of projects, defined once and used by name.
var (
	colCode     = projectCol{models.FieldCode.ZhName(), kCenter, func(r *ProjectRow) any { return r.Project.Code }}
	colProject  = projectCol{nameHead, kText, func(r *ProjectRow) any { return r.Project.Name }}
	colDistrict = projectCol{shortHead(models.FieldDistrict), kCenter, func(r *ProjectRow) any { return r.Project.District }}
	colUnit     = projectCol{heading(models.FieldUnit), kText, func(r *ProjectRow) any { return r.Project.Unit }}
	colNature   = projectCol{headNature, kCenter, func(r *ProjectRow) any { return string(r.Project.Nature) }}
	colCategory = projectCol{shortHead(models.FieldCategory), kCenter, func(r *ProjectRow) any { return r.Project.Category }}
	colLevel    = projectCol{shortHead(models.FieldLevel), kCenter, func(r *ProjectRow) any { return r.Project.Level }}
	colTotal    = projectCol{headTotal, kWan, func(r *ProjectRow) any { return r.Project.TotalInvestment }}
	colPlan     = projectCol{headPlan, kWan, func(r *ProjectRow) any { return r.Project.AnnualPlan }}
	// colPlannedStart is any project's planned month; colStartPlan only a
	// 新开工 project's (a 续建 project has none to keep).
	colPlannedStart = projectCol{headPlannedStart, kMonth, func(r *ProjectRow) any { return r.Project.PlannedStart }}
	colStartPlan    = projectCol{headPlannedStart, kMonth, func(r *ProjectRow) any { return startPlanOf(r.Project) }}
	colActualStart  = projectCol{headActualStart, kMonth, func(r *ProjectRow) any { return r.Project.ActualStart }}
	// A project's 完成率 and gap to 序时进度 are blank without an annual
	// plan (a project without a plan has no rate).
	colRate       = projectCol{"完成率", kPct, func(r *ProjectRow) any { return pctIf(r.Status.Rate, r.Project.AnnualPlan != 0) }}
	colGap        = projectCol{headGap, kPP, func(r *ProjectRow) any { return ppIf(r.Status.GapPP, r.Project.AnnualPlan != 0) }}
	colInvLight   = projectCol{headInvLight, kLight, func(r *ProjectRow) any { return r.Status.InvestmentLight }}
	colStartLight = projectCol{headStartLight, kLight, func(r *ProjectRow) any { return r.Status.StartLight }}
	colStartText  = projectCol{"开工状态", kCenter, func(r *ProjectRow) any { return StartText(r.Project, r.Status.Start) }}
	colUnreported = projectCol{"未报送", kCenter, func(r *ProjectRow) any { return yesIf(!r.Status.Reported) }}
	colEarly      = projectCol{headEarly, kInt, func(r *ProjectRow) any { return EarlyMonths(r.Project) }}
	colOverdue    = projectCol{headOverdue, kInt, func(r *ProjectRow) any { return r.Status.Start.MonthsOverdue }}
	// colLateBy is the months overdue of a project with a start light
	// (lagging on start), blank for the others.
	colLateBy = projectCol{headOverdue, kInt, func(r *ProjectRow) any {
		if r.Status.StartLight == models.LightNone {
			return nil
		}
		return r.Status.Start.MonthsOverdue
	}}
)

// colCompleted is the cumulative investment completed by month m.
func colCompleted(m int) projectCol {
	return projectCol{cumulativeHead(m), kWan, func(r *ProjectRow) any { return r.Status.Completed }}
}

// projectColumns are a list's columns over its rows: 序号 and the
// identity columns every list of projects starts with (项目代码, 项目名称,
// 区县, 责任单位), then more.
func projectColumns(at func(i int) *ProjectRow, more ...projectCol) []column {
	return append([]column{seqColumn()}, bind(at, append([]projectCol{colCode, colProject, colDistrict, colUnit}, more...)...)...)
}

// noteColumns are the month's notes that close 项目明细: the registry's
// fields shown InDetail (形象进度, 存在问题/需协调事项, 计划竣工时间), headed
// as it labels them.
func noteColumns() []projectCol {
	var out []projectCol
	for _, d := range models.FieldsShown(models.InDetail) {
		out = append(out, fieldCol(d))
	}
	return out
}

// fieldCol is a registry field's column: its heading (a month's broken
// before its last two characters, 计划竣工\n时间, as the other narrow date
// columns), its value styled by its kind.
func fieldCol(d models.FieldDef) projectCol {
	get := func(r *ProjectRow) any { return fieldValue(d, &r.Project.Facts) }
	switch d.Kind {
	case models.ValueMonth:
		return projectCol{broken(d.Field, len([]rune(heading(d.Field)))-2), kMonth, get}
	case models.ValueMoney:
		return projectCol{heading(d.Field), kWan, get}
	}
	return projectCol{heading(d.Field), kText, get}
}

// fieldValue is a field's value in f as a cell takes it: an amount, a
// month or a text.
func fieldValue(d models.FieldDef, f *models.Facts) any {
	switch v := d.Ptr(f).(type) {
	case *models.Money:
		return *v
	case *models.Month:
		return *v
	case *models.Nature:
		return string(*v)
	case *models.Class:
		return string(*v)
	case *string:
		return *v
	}
	return nil
}

// yesIf is "是" when b holds, blank otherwise.
func yesIf(b bool) any {
	if b {
		return "是"
	}
	return nil
}

// overdueTable is 未开工项目: 新开工 projects planned by M, not started.
func (r *Report) overdueTable() *table {
	return &table{
		sheet: sheetOverdue, title: r.Period() + "未按计划开工项目清单", unit: "单位：个月", filter: true,
		cols: projectColumns(rowsOf(r.Overdue), colCategory, colPlannedStart, colOverdue,
			projectCol{"预警", kLight, colStartLight.get}),
		n: len(r.Overdue),
		notes: []string{fmt.Sprintf("注：计划开工时间在%d月及以前、截至%d月底尚未开工的新开工项目，共%d个（含计划本月开工的）；逾期月数=%d月−计划开工月，未填计划开工时间的按12月计。",
			r.Month, r.Month, len(r.Overdue), r.Month)},
		legend: r.startLegend(),
	}
}

// laggingTable is 投资滞后项目: every 滞后项目, lagging on investment, on
// start or both, with a column for each light.
func (r *Report) laggingTable() *table {
	return &table{
		sheet: sheetLagging, title: r.Period() + "滞后项目清单（投资滞后、开工滞后）", unit: "单位：万元、%、个月", filter: true,
		cols: projectColumns(rowsOf(r.LaggingRows), colNature, colPlan, colCompleted(r.Month), colRate, colGap, colInvLight,
			colStartPlan, colLateBy, colStartLight),
		n: len(r.LaggingRows),
		notes: []string{fmt.Sprintf("注：本表列出全部滞后项目（投资预警或开工预警为黄灯、红灯的项目，含仅开工滞后的项目），共%d个：投资滞后%d个，开工滞后%d个，两者兼有的只列一次。",
			r.Lagging.Total, r.Lagging.Investment, r.Lagging.Start), progressNote(r.Config, r.Month)},
		legend: append(r.investmentLegend(), r.startLegend()...),
	}
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
	return &table{
		sheet: sheetEarly, title: r.Period() + "提前开工项目清单", unit: "单位：万元、个月", filter: true,
		cols: projectColumns(rowsOf(r.Early), colCategory, colPlannedStart, colActualStart, colEarly, colPlan, colCompleted(r.Month)),
		n:    len(r.Early),
		notes: []string{fmt.Sprintf("注：实际开工时间在%d月及以前、计划开工时间在%d月以后的新开工项目，共%d个；提前月数=计划开工月−实际开工月，未填计划开工时间的按12月计。",
			r.Month, r.Month, len(r.Early))},
	}
}

// detailColumns are the columns of 项目明细 after the identity columns.
func (r *Report) detailColumns() []projectCol {
	return append([]projectCol{colNature, colCategory, colLevel, colTotal, colPlan, colCompleted(r.Month), colRate, colGap,
		colInvLight, colStartPlan, colActualStart, colStartText, colStartLight, colUnreported}, noteColumns()...)
}

// detailTable is 项目明细: every project with its figures and lights.
func (r *Report) detailTable() *table {
	return &table{
		sheet: sheetDetails, title: r.Period() + "重大项目明细表", unit: "单位：万元、%", filter: true,
		cols: projectColumns(rowsOf(r.Details), r.detailColumns()...),
		n:    len(r.Details),
		notes: []string{fmt.Sprintf("注：共%d个项目。累计完成为%s累计完成投资，未报送%d月数据的项目沿用此前最近一次报送的数（“未报送”列标“是”）；形象进度、存在问题/需协调事项和计划竣工时间为%d月及以前最近一次报送的内容。",
			len(r.Details), r.CumulativeLabel(), r.Month, r.Month), progressNote(r.Config, r.Month)},
		legend: append(r.investmentLegend(), r.startLegend()...),
	}
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
