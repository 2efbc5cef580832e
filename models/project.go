package models

import (
	"sort"
	"sync"
)

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

// Class is a project's place in a year's list: 实施类 (counted in both
// rates) or 准备类 (being prepared: tracked, counted in neither rate until
// it moves to 实施类).
type Class string

const (
	ClassImplement Class = "实施类"
	ClassPrepare   Class = "准备类"
)

// ParseClass reads 实施类/实施/实施项目 and 准备类/准备/前期/储备.
func ParseClass(s string) (Class, bool) {
	switch NormalizeName(s) {
	case "实施类", "实施", "实施项目", "实施类项目":
		return ClassImplement, true
	case "准备类", "准备", "准备项目", "准备类项目", "前期", "前期类", "储备类":
		return ClassPrepare, true
	}
	return "", false
}

// OrImplement is the class, with none meaning 实施类 (a list that says
// nothing of classes is all 实施类).
func (c Class) OrImplement() Class {
	if c == "" {
		return ClassImplement
	}
	return c
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
	Class             Class  `json:"class"`              // 实施类 or 准备类 in the year's list
	ListFrom          Month  `json:"list_from"`          // 增补: on the list from this month; none: from the start
	ListUntil         Month  `json:"list_until"`         // 调出: off the list from this month; none: stays on
	ImplementedFrom   Month  `json:"implemented_from"`   // a 准备类 project counts as 实施类 from this month
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

// reportedBy reports whether p has a completed figure reported for a
// month of m's year up to m.
func (p *Project) reportedBy(m Month) bool {
	for _, inv := range p.Investments {
		if inv.Period.Year() == m.Year() && inv.Period <= m {
			return true
		}
	}
	return false
}

// recordedBy reports whether anything is recorded of p by m: a completed
// figure reported for a month of m's year up to m, or an actual start in
// that year by m (a 新开工 project).
func (p *Project) recordedBy(m Month) bool {
	s := StartStatusOf(p, m)
	return p.reportedBy(m) || s.Started && p.ActualStart.Year() == m.Year()
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
// "not started as of m"), and the list as it stood at m: a 调出 or a
// 准备类 → 实施类 effective after m is none yet (ListUntil, ImplementedFrom
// cleared; a 增补 after m keeps its ListFrom, so OnListAt(m) stays false).
// The month's text fields (形象进度, 存在问题, 计划竣工时间) are cleared: the
// caller sets them as of m (the store's AttachMonthNotes).
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
	if p.ListUntil > m {
		p.ListUntil = 0
	}
	if p.ImplementedFrom > m {
		p.ImplementedFrom = 0
	}
	for _, d := range MonthNotes() {
		_ = d.Set(&p.Facts, nil) // nil sets the zero value, never fails
	}
	return p
}

// MonthNotes are the fields of ScopeMonth other than the cumulative
// figure (形象进度, 存在问题, 计划竣工时间): each month's reports state
// them, and a project as of a month holds the latest reported by then.
// The list is made once: AsOf asks for it once a project (for a report of
// 53,000 projects, making it each time was 98 MB of garbage).
func MonthNotes() []FieldDef {
	notes := monthNotes()
	return notes[:len(notes):len(notes)]
}

var monthNotes = sync.OnceValue(func() []FieldDef {
	var out []FieldDef
	for _, d := range fieldDefs {
		if d.Scope == ScopeMonth && d.Field != FieldCompletedYTD {
			out = append(out, d)
		}
	}
	return out
})

// OnListAt reports whether a project with these facts of its year's entry
// is on the list at month m: on it from the start or added (增补) from a
// month ≤ m, and not withdrawn (调出) from a month ≤ m.
func (f *Facts) OnListAt(m Month) bool {
	return (f.ListFrom.IsZero() || f.ListFrom <= m) && (f.ListUntil.IsZero() || m < f.ListUntil)
}

// CountsAt reports whether the project counts in the two rates at month m:
// on the list and 实施类, a 准备类 project from the month it moved to 实施类.
func (f *Facts) CountsAt(m Month) bool {
	if !f.OnListAt(m) {
		return false
	}
	return f.Class.OrImplement() == ClassImplement || !f.ImplementedFrom.IsZero() && f.ImplementedFrom <= m
}

// OnListInYear reports whether p is on its year's list in any month of it
// (a project a list import dropped is withdrawn from January: never).
func (p *Project) OnListInYear() bool {
	return p.ListUntil.IsZero() || p.ListUntil > MonthOf(p.Year, 1) && (p.ListFrom.IsZero() || p.ListFrom < p.ListUntil)
}
