package models

import "math"

// Compared are a period's Rates with the two periods they are compared
// with (DOMAIN.md, "Comparisons and rankings"): Previous for 环比 (the
// previous quarter of a quarterly report, the previous month of a monthly
// one) and LastYear for 同比 (the same month of the year before). Either is
// nil when that period has no figures (HasFigures), or, for Previous, when
// the period is the first of its year: the year-to-date figures start
// again each January, so a 1-3月 report has no 环比.
// The two compared Rates carry no comparisons of their own.
type Compared struct {
	Rates
	Previous *Rates `json:"previous"`
	LastYear *Rates `json:"last_year"`
}

// PreviousPeriod returns the period 环比 compares month m with: three
// months earlier for a quarterly report, one month earlier for a monthly
// one; false when that is in an earlier year (Q1, January).
func PreviousPeriod(m Month, quarterly bool) (Month, bool) {
	step := 1
	if quarterly {
		step = 3
	}
	if m.Num() <= step {
		return 0, false
	}
	return MonthOf(m.Year(), m.Num()-step), true
}

// SamePeriodLastYear returns the month 同比 compares m with: the same
// month of the year before.
func SamePeriodLastYear(m Month) Month { return MonthOf(m.Year()-1, m.Num()) }

// Comparison is one set of Figures against a base period's: 环比 or 同比.
// Rates are compared in 个百分点, amounts as exact yuan (shown in 亿元 for
// 环比) and the completed investment also as growth (同比).
type Comparison struct {
	// InvestmentRatePP is (rate − base rate) × 100; HasInvestmentRate is
	// false when either side has no annual plan (the rate is undefined).
	InvestmentRatePP  float64
	HasInvestmentRate bool
	// StartRatePP is (开工率 − base 开工率) × 100; HasStartRate is false when
	// either side has no planned start.
	StartRatePP  float64
	HasStartRate bool
	// Completed is completed − base completed, exact yuan.
	Completed Money
	// CompletedGrowth is Completed ÷ base completed, a fraction (0.05 =
	// 增长5.0%); HasGrowth is false when the base completed nothing.
	CompletedGrowth float64
	HasGrowth       bool
	Projects        int // projects − base projects
	ActualStarts    int // 已开工 − base 已开工
}

// Compare returns cur against base. Rates are compared unrounded; the
// caller rounds once, where it shows them.
func Compare(cur, base Figures) Comparison {
	c := Comparison{
		Completed:    cur.Completed - base.Completed,
		Projects:     cur.Projects - base.Projects,
		ActualStarts: cur.ActualStarts - base.ActualStarts,
	}
	if cur.AnnualPlan != 0 && base.AnnualPlan != 0 {
		c.InvestmentRatePP, c.HasInvestmentRate = (cur.InvestmentRate-base.InvestmentRate)*100, true
	}
	if cur.PlannedStarts != 0 && base.PlannedStarts != 0 {
		c.StartRatePP, c.HasStartRate = (cur.StartRate-base.StartRate)*100, true
	}
	if base.Completed != 0 {
		c.CompletedGrowth, c.HasGrowth = Ratio(int64(c.Completed), int64(base.Completed)), true
	}
	return c
}

// CompareWith returns f against base when there is a base: false when
// base is nil or has no group of that name (ok reports a Comparison).
func CompareWith(f Figures, base *Figures) (Comparison, bool) {
	if base == nil {
		return Comparison{}, false
	}
	return Compare(f, *base), true
}

// District returns the figures of the unit named name, nil when r has
// none (r itself nil included).
func (r *Rates) District(name string) *Figures { return r.find(name, true) }

// Category returns the figures of the category named name, nil when r has
// none.
func (r *Rates) Category(name string) *Figures { return r.find(name, false) }

func (r *Rates) find(name string, district bool) *Figures {
	if r == nil {
		return nil
	}
	gs := r.ByCategory
	if district {
		gs = r.ByDistrict
	}
	for i := range gs {
		if gs[i].District == name && district || gs[i].Category == name && !district {
			return &gs[i].Figures
		}
	}
	return nil
}

// Overall returns r's overall figures, nil for a nil r.
func (r *Rates) Overall() *Figures {
	if r == nil {
		return nil
	}
	return &r.Figures
}

// HasFigures reports whether the figures rest on anything recorded: at
// least one project counts at the month and at least one of them has a
// completed figure reported for a month up to it or an actual start by
// it. A year whose list is loaded but of which nothing was reported yet
// has none: a report of it would be all zeros ("低于序时进度25.0个百分点").
func (f Figures) HasFigures() bool { return f.Projects > 0 && f.recorded > 0 }

// HasFiguresAt reports whether the projects have figures as of m, as
// ComputeRates(ps, m, ...).HasFigures() would, without computing the rates.
func HasFiguresAt(ps []Project, m Month) bool {
	for i := range ps {
		p := &ps[i]
		if p.CountsAt(m) && p.recordedBy(m) {
			return true
		}
	}
	return false
}

// RateShown returns a rate as reports show it, in tenths of a percent
// (1.0414 → 1041), rounded as Round rounds: ranks compare rates as they
// are shown, so two units shown with 98.4% share a rank.
func RateShown(rate float64) int64 { return int64(math.Round(Round(rate, 1000) * 1000)) }

// RankGroups sets InvestmentRank and StartRank of every group: standard
// competition ranking (1 = best; ties share a rank and the next rank
// skips: 1, 2, 2, 4) on the rate as shown (RateShown), highest first.
// A group without an annual plan has no 年度投资完成率 and InvestmentRank 0
// (not ranked); one without a planned start has StartRank 0.
func RankGroups(gs []GroupFigures) {
	inv := make([]rankItem, len(gs))
	start := make([]rankItem, len(gs))
	for i, g := range gs {
		inv[i] = rankItem{RateShown(g.InvestmentRate), g.AnnualPlan != 0}
		start[i] = rankItem{RateShown(g.StartRate), g.PlannedStarts != 0}
	}
	ir, sr := ranks(inv), ranks(start)
	for i := range gs {
		gs[i].InvestmentRank, gs[i].StartRank = ir[i], sr[i]
	}
}

// rankItem is one value to rank; unranked items get rank 0.
type rankItem struct {
	value  int64
	ranked bool
}

// ranks returns the standard competition rank of each ranked item,
// highest value first (1 + the number of ranked items with a higher
// value); 0 for an item that is not ranked.
func ranks(items []rankItem) []int {
	out := make([]int, len(items))
	for i, a := range items {
		if !a.ranked {
			continue
		}
		out[i] = 1
		for _, b := range items {
			if b.ranked && b.value > a.value {
				out[i]++
			}
		}
	}
	return out
}
