package models

import "sort"

// RateConfig holds the office's choices for the rates and lights.
type RateConfig struct {
	// StartDenominator: "to_date" (default) counts 新开工 projects planned
	// to start by month M; "full_year" counts all the year's 新开工
	// planned within the year (a missing plan counts from December; one
	// planned for the next year is in neither), so at December both agree.
	StartDenominator string
	// InvestmentYellowPP and InvestmentRedPP: a project's completion rate
	// this many points below 序时进度 turns yellow (≥) or red (>).
	InvestmentYellowPP float64
	InvestmentRedPP    float64
	// StartRedMonths: a 新开工 project this many months or more past its
	// planned start and not started is red; fewer is yellow.
	StartRedMonths int
	// LightBasis is the 序时进度 each project's investment light is judged
	// against: BasisFromStart (the default; "" means it too) or
	// BasisCalendar. The city, unit and category rates are always against
	// M/12.
	LightBasis string
}

// DefaultRateConfig returns DOMAIN.md's defaults.
func DefaultRateConfig() RateConfig {
	return RateConfig{StartDenominator: "to_date", InvestmentYellowPP: 10, InvestmentRedPP: 30, StartRedMonths: 3, LightBasis: BasisFromStart}
}

// Figures are the headline figures of a set of projects as of a month.
// Rates are fractions (1.041 = 104.1%), never capped; a rate whose
// denominator is zero is 0.
type Figures struct {
	Projects        int     `json:"projects"`
	TotalInvestment Money   `json:"total_investment_wan"`
	AnnualPlan      Money   `json:"annual_plan_wan"`
	Completed       Money   `json:"completed_wan"`
	InvestmentRate  float64 `json:"investment_rate"`
	InvestmentGapPP float64 `json:"investment_gap_pp"` // (rate − 序时进度) in 个百分点
	PlannedStarts   int     `json:"planned_starts"`
	ActualStarts    int     `json:"actual_starts"`
	OnTimeStarts    int     `json:"on_time_starts"` // 按期开工: planned by M, started in or before the planned month
	LateStarts      int     `json:"late_starts"`    // 延期开工: planned by M, started by M but after the planned month
	EarlyStarts     int     `json:"early_starts"`
	OverdueStarts   int     `json:"overdue_starts"`
	StartRate       float64 `json:"start_rate"`
	Unreported      int     `json:"unreported"` // projects with no figure for month M (未报送)
	// recorded counts the projects with a completed figure reported for a
	// month up to M or an actual start by M (HasFigures).
	recorded int
}

// GroupFigures are Figures for one district or category, with the
// group's ranks among its kind (RankGroups): 1 = best, 0 = not ranked (no
// annual plan, no planned start).
type GroupFigures struct {
	District string `json:"district,omitempty"`
	Category string `json:"category,omitempty"`
	Figures
	InvestmentRank int `json:"investment_rank"` // on 年度投资完成率 as shown (0.1%)
	StartRank      int `json:"start_rank"`      // on 项目开工率 as shown (0.1%)
}

// Rates are the two rates of a year's list as of month M, overall, by
// reporting unit and by category.
type Rates struct {
	Year         int     `json:"year"`
	Month        int     `json:"month"`
	TimeProgress float64 `json:"time_progress"` // 序时进度 = M/12
	Figures
	ByDistrict []GroupFigures `json:"by_district"`
	ByCategory []GroupFigures `json:"by_category"`
}

// TimeProgress returns 序时进度 for month m of a year: m/12.
func TimeProgress(month int) float64 { return float64(month) / 12 }

// ComputeRates computes the rates of a year's list as of month m (1..12):
// only the projects that count at m (Project.CountsAt: on the list then,
// and 实施类) are summed.
// districtOrder and categoryOrder give the order of the groups; groups not
// named there follow in name order, and named groups with no project are
// listed with zero figures so every unit appears in the report.
func ComputeRates(projects []Project, m Month, cfg RateConfig, districtOrder, categoryOrder []string) Rates {
	t := NewTally(m, cfg)
	for i := range projects {
		t.Add(&projects[i])
	}
	return t.Rates(districtOrder, categoryOrder)
}

// Tally sums the rates of month m one project at a time, exactly as
// ComputeRates sums a slice: a portfolio read as a stream (the store's
// EachOnList) is tallied without being held, and one pass can feed the
// tallies of several months.
type Tally struct {
	m          Month
	cfg        RateConfig
	total      Figures
	byDistrict map[string]*Figures
	byCategory map[string]*Figures
}

// NewTally starts the rates as of month m under cfg.
func NewTally(m Month, cfg RateConfig) *Tally {
	return &Tally{m: m, cfg: cfg, byDistrict: map[string]*Figures{}, byCategory: map[string]*Figures{}}
}

// Add counts p when it counts at the month (CountsAt), and only its
// figures reported for months up to it (an actual start after it is none).
// p is not kept.
func (t *Tally) Add(p *Project) {
	if !p.CountsAt(t.m) {
		return // not on the list at m, or 准备类
	}
	f := figuresOf(p, t.m, t.cfg)
	t.total.add(f)
	group(t.byDistrict, p.District).add(f)
	group(t.byCategory, p.Category).add(f)
}

// Rates returns the rates tallied, the groups ordered as ComputeRates
// orders them.
func (t *Tally) Rates(districtOrder, categoryOrder []string) Rates {
	m := t.m
	r := Rates{Year: m.Year(), Month: m.Num(), TimeProgress: TimeProgress(m.Num()), Figures: t.total}
	r.Figures.finish(m.Num())
	r.ByDistrict = groups(t.byDistrict, districtOrder, m.Num(), func(g *GroupFigures, k string) { g.District = k })
	r.ByCategory = groups(t.byCategory, categoryOrder, m.Num(), func(g *GroupFigures, k string) { g.Category = k })
	RankGroups(r.ByDistrict)
	RankGroups(r.ByCategory)
	return r
}

func group(m map[string]*Figures, k string) *Figures {
	if m[k] == nil {
		m[k] = &Figures{}
	}
	return m[k]
}

func groups(m map[string]*Figures, order []string, month int, name func(*GroupFigures, string)) []GroupFigures {
	keys := append([]string(nil), order...)
	seen := map[string]bool{}
	for _, k := range order {
		seen[k] = true
	}
	var rest []string
	for k := range m {
		if !seen[k] {
			rest = append(rest, k)
		}
	}
	sort.Strings(rest)
	out := make([]GroupFigures, 0, len(keys)+len(rest))
	for _, k := range append(keys, rest...) {
		g := GroupFigures{}
		if f := m[k]; f != nil {
			g.Figures = *f
		}
		g.Figures.finish(month)
		name(&g, k)
		out = append(out, g)
	}
	return out
}

// figuresOf returns one project's contribution to the Figures.
func figuresOf(p *Project, m Month, cfg RateConfig) Figures {
	completed, reported := p.CompletedAsOf(m)
	f := Figures{Projects: 1, TotalInvestment: p.TotalInvestment, AnnualPlan: p.AnnualPlan, Completed: completed}
	if !reported {
		f.Unreported = 1
	}
	f.recorded = b2i(p.recordedBy(m))
	if p.Nature != NatureNew {
		return f
	}
	s := StartStatusOf(p, m)
	if s.Planned || cfg.StartDenominator == "full_year" && p.PlannedStartMonth() <= 12 {
		f.PlannedStarts = 1 // full_year: every 新开工 planned within the year, not one planned for the next
	}
	f.ActualStarts = b2i(s.Started)
	late := s.Planned && s.Started && p.ActualStart > MonthOf(m.Year(), p.PlannedStartMonth())
	f.OnTimeStarts = b2i(s.Planned && s.Started && !late)
	f.LateStarts = b2i(late)
	f.EarlyStarts = b2i(s.Started && !s.Planned)
	f.OverdueStarts = b2i(s.Planned && !s.Started)
	return f
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (f *Figures) add(g Figures) {
	f.Projects += g.Projects
	f.TotalInvestment += g.TotalInvestment
	f.AnnualPlan += g.AnnualPlan
	f.Completed += g.Completed
	f.PlannedStarts += g.PlannedStarts
	f.ActualStarts += g.ActualStarts
	f.OnTimeStarts += g.OnTimeStarts
	f.LateStarts += g.LateStarts
	f.EarlyStarts += g.EarlyStarts
	f.OverdueStarts += g.OverdueStarts
	f.Unreported += g.Unreported
	f.recorded += g.recorded
}

// finish derives the rates from the sums, once, from exact integers.
func (f *Figures) finish(month int) {
	f.InvestmentRate = Ratio(int64(f.Completed), int64(f.AnnualPlan))
	f.InvestmentGapPP = (f.InvestmentRate - TimeProgress(month)) * 100
	f.StartRate = Ratio(int64(f.ActualStarts), int64(f.PlannedStarts))
}

// Ratio returns a/b, or 0 when b is 0.
func Ratio(a, b int64) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
