package models

import "sort"

// Nature is a project's 建设性质 in one year's list.
type Nature string

const (
	NatureNew        Nature = "新开工" // to start construction this year
	NatureContinuing Nature = "续建"  // under construction since an earlier year
)

// ParseNature reads the spellings ledgers use: 新开工/新开工项目/新建 and
// 续建/续建项目/在建.
func ParseNature(s string) (Nature, bool) {
	switch NormalizeName(s) {
	case "新开工", "新开工项目", "新建", "新建项目", "拟新开工":
		return NatureNew, true
	case "续建", "续建项目", "在建", "在建项目", "续建类":
		return NatureContinuing, true
	}
	return "", false
}

// Facts are the values of the ledger fields (FieldDefs) for one project:
// what a ledger row states, or what the store holds. Amounts are exact
// yuan; months are YYYYMM (zero = none).
type Facts struct {
	Name              string `json:"name"`
	District          string `json:"district"` // the reporting unit (区县/功能区/市直部门)
	Unit              string `json:"unit"`     // 责任单位: who answers for it, not its builder
	Nature            Nature `json:"nature"`
	Category          string `json:"category"`
	Level             string `json:"level"`
	TotalInvestment   Money  `json:"total_investment_wan"`
	AnnualPlan        Money  `json:"annual_plan_wan"`
	CompletedYTD      Money  `json:"completed_ytd_wan"`
	PlannedStart      Month  `json:"planned_start"`
	ActualStart       Month  `json:"actual_start"`
	Progress          string `json:"progress"`           // 形象进度 of the latest month reported
	Problems          string `json:"problems"`           // 存在问题/需协调事项 of the latest month reported
	PlannedCompletion Month  `json:"planned_completion"` // 计划竣工时间 as last reported
}

// Project is one project as it stands in one year's list: its identity and
// descriptive fields, that year's nature, plan and planned start, its
// actual start, and the year's monthly cumulative investment reports.
// CompletedYTD is the latest report of the year.
type Project struct {
	Code string `json:"code"`
	Facts
	Investments []Investment `json:"investments"`
	Year        int          `json:"year"`
}

// Investment is a project's 1-N月累计完成投资 reported for one month.
type Investment struct {
	Period       Month `json:"period"`
	CompletedYTD Money `json:"completed_ytd_wan"`
}

// CompletedAsOf returns completed(M): the latest cumulative figure reported
// in m's year for a month ≤ m, carried forward over missing months, and
// whether a figure was reported for m itself (false = 未报送 for m).
func (p *Project) CompletedAsOf(m Month) (Money, bool) {
	var v Money
	reported := false
	for _, inv := range p.Investments {
		if inv.Period.Year() != m.Year() || inv.Period > m {
			continue
		}
		v = inv.CompletedYTD
		reported = inv.Period == m
	}
	return v, reported
}

// SortInvestments puts p's reports in period order and sets CompletedYTD
// to the latest one.
func (p *Project) SortInvestments() {
	sort.Slice(p.Investments, func(i, j int) bool { return p.Investments[i].Period < p.Investments[j].Period })
	p.CompletedYTD = 0
	if n := len(p.Investments); n > 0 {
		p.CompletedYTD = p.Investments[n-1].CompletedYTD
	}
}

// PlannedStartMonth returns the month number a 新开工 project is planned to
// start in its year: a missing plan counts from December (DOMAIN.md), a
// plan in an earlier year counts from January, and a plan in a later year
// is 13 — never planned this year, so a start this year is early (how a
// 开工率 can exceed 100%: Zibo 2023, 248 starts of 245 planned).
func (p *Project) PlannedStartMonth() int {
	switch {
	case p.PlannedStart.IsZero():
		return 12
	case p.PlannedStart.Year() < p.Year:
		return 1
	case p.PlannedStart.Year() > p.Year:
		return 13
	}
	return p.PlannedStart.Num()
}

// AsOf returns the project as it stood at the end of month m of its year:
// only the reports for months ≤ m, CompletedYTD the latest of them, and an
// actual start only when it is ≤ m (a start reported for a later month is
// "not started as of m"). The month's text fields (形象进度, 存在问题,
// 计划竣工时间) are cleared: the caller sets them as of m (the store's
// AttachMonthNotes).
func (p Project) AsOf(m Month) Project {
	var invs []Investment
	for _, inv := range p.Investments {
		if inv.Period <= m {
			invs = append(invs, inv)
		}
	}
	p.Investments = append([]Investment{}, invs...)
	p.SortInvestments()
	if p.ActualStart > m {
		p.ActualStart = 0
	}
	p.Progress, p.Problems, p.PlannedCompletion = "", "", 0
	return p
}
