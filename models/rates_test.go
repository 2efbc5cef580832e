package models

import (
	"fmt"
	"math"
	"testing"
)

// portfolio builds n projects whose plans and December figures sum to the
// given totals in 亿元, with starts new starts planned and started by M.
func portfolio(year, n int, planYi, completedYi Money, planned, started int) []Project {
	ps := make([]Project, n)
	for i := range ps {
		ps[i] = Project{Code: fmt.Sprintf("%d", i), Year: year, Facts: Facts{Nature: NatureContinuing, District: "张店区", Category: "工业"}}
	}
	ps[0].AnnualPlan = planYi * Yi
	ps[0].Investments = []Investment{{MonthOf(year, 12), completedYi * Yi}}
	for i := 0; i < planned; i++ {
		ps[i].Nature, ps[i].PlannedStart, ps[i].ActualStart = NatureNew, MonthOf(year, 6), MonthOf(year, 6)
	}
	for i := planned; i < started; i++ { // early starts: planned next year's list, started now
		ps[i].Nature, ps[i].PlannedStart, ps[i].ActualStart = NatureNew, MonthOf(year+1, 3), MonthOf(year, 11)
	}
	return ps
}

func round(v float64, places int) float64 {
	p := math.Pow(10, float64(places))
	return math.Round(v*p) / p
}

func TestInvestmentRateMatchesPublishedFigures(t *testing.T) {
	tests := []struct {
		name           string
		year           int
		planYi, doneYi Money
		want           float64
	}{
		{"2023: 1310 of 1265亿元", 2023, 1265, 1310, 1.036},
		{"2024: 1181 of 1134.5亿元 is not capped", 2024, 0, 1181, 1.041},
	}
	for _, tt := range tests {
		ps := portfolio(tt.year, 10, tt.planYi, tt.doneYi, 0, 0)
		if tt.planYi == 0 {
			ps[0].AnnualPlan = 113450000000
		}
		r := ComputeRates(ps, MonthOf(tt.year, 12), DefaultRateConfig(), nil, nil)
		if got := round(r.InvestmentRate, 3); got != tt.want {
			t.Errorf("%s: investment rate %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestStartRateCanExceedOneHundredPercent(t *testing.T) {
	// Zibo 2023: 248 new starts planned, 开工率 101.2%.
	ps := portfolio(2023, 300, 1, 1, 248, 251)
	for i := 248; i < 251; i++ { // early starts belong to this year's list, planned for December
		ps[i].PlannedStart = MonthOf(2023, 12)
	}
	r := ComputeRates(ps, MonthOf(2023, 11), DefaultRateConfig(), nil, nil)
	if r.PlannedStarts != 248 || r.ActualStarts != 251 || r.EarlyStarts != 3 || r.OnTimeStarts != 248 {
		t.Fatalf("starts = %d planned, %d actual, %d early, %d on time; want 248, 251, 3, 248",
			r.PlannedStarts, r.ActualStarts, r.EarlyStarts, r.OnTimeStarts)
	}
	if got := round(r.StartRate, 3); got != 1.012 {
		t.Errorf("start rate %v, want 1.012", got)
	}
}

func TestCompletedCarriesForwardAndMarksUnreported(t *testing.T) {
	p := Project{Year: 2024, Investments: []Investment{
		{MonthOf(2023, 12), 999}, {MonthOf(2024, 2), 100}, {MonthOf(2024, 3), 250}, {MonthOf(2024, 5), 400},
	}}
	tests := []struct {
		m        Month
		want     Money
		reported bool
	}{
		{MonthOf(2024, 1), 0, false}, // last year's figure never carries into a new year
		{MonthOf(2024, 2), 100, true},
		{MonthOf(2024, 4), 250, false},
		{MonthOf(2024, 5), 400, true},
		{MonthOf(2024, 12), 400, false},
	}
	for _, tt := range tests {
		got, reported := p.CompletedAsOf(tt.m)
		if got != tt.want || reported != tt.reported {
			t.Errorf("CompletedAsOf(%v) = %d, %v; want %d, %v", tt.m, got, reported, tt.want, tt.reported)
		}
	}
}

func TestStartCountsAsOfMonth(t *testing.T) {
	p := func(planned, actual Month) Project {
		return Project{Year: 2024, Facts: Facts{Nature: NatureNew, PlannedStart: planned, ActualStart: actual}}
	}
	ps := []Project{
		p(MonthOf(2024, 3), MonthOf(2024, 3)),                // on time
		p(MonthOf(2024, 3), MonthOf(2024, 8)),                // overdue at 6, 延期开工 (late, not on time) at 9
		p(MonthOf(2024, 9), MonthOf(2024, 5)),                // early at 6
		p(0, 0),                                              // no plan: counts from December
		p(MonthOf(2024, 2), 0),                               // overdue 4 months at 6
		{Year: 2024, Facts: Facts{Nature: NatureContinuing}}, // never counted
	}
	tests := []struct {
		month                                         int
		planned, actual, onTime, late, early, overdue int
	}{
		{6, 3, 2, 1, 0, 1, 2},
		{9, 4, 3, 2, 1, 0, 1},
		{12, 5, 3, 2, 1, 0, 2},
	}
	for _, tt := range tests {
		f := ComputeRates(ps, MonthOf(2024, tt.month), DefaultRateConfig(), nil, nil).Figures
		got := [6]int{f.PlannedStarts, f.ActualStarts, f.OnTimeStarts, f.LateStarts, f.EarlyStarts, f.OverdueStarts}
		want := [6]int{tt.planned, tt.actual, tt.onTime, tt.late, tt.early, tt.overdue}
		if got != want {
			t.Errorf("month %d: planned/actual/on-time/late/early/overdue = %v, want %v", tt.month, got, want)
		}
	}
	full := DefaultRateConfig()
	full.StartDenominator = "full_year"
	if f := ComputeRates(ps, MonthOf(2024, 6), full, nil, nil); f.PlannedStarts != 5 {
		t.Errorf("full-year denominator at June: %d, want 5", f.PlannedStarts)
	}
}

func TestLightsFollowThresholds(t *testing.T) {
	cfg := DefaultRateConfig()
	june := MonthOf(2024, 6) // 序时进度 50%
	tests := []struct {
		name      string
		completed Money
		planned   Month
		inv       Light
		start     Light
	}{
		{"exactly 10 points behind is green", 40, 0, LightGreen, LightNone},
		{"11 points behind is yellow", 39, 0, LightYellow, LightNone},
		{"exactly 30 points behind is yellow", 20, 0, LightYellow, LightNone},
		{"31 points behind is red", 19, 0, LightRed, LightNone},
		{"ahead is green, never capped", 180, 0, LightGreen, LightNone},
		{"planned this month, not started: yellow", 50, MonthOf(2024, 6), LightGreen, LightYellow},
		{"2 months overdue: yellow", 50, MonthOf(2024, 4), LightGreen, LightYellow},
		{"3 months overdue: red", 50, MonthOf(2024, 3), LightGreen, LightRed},
		{"planned later, not started: 未到开工期, no light", 50, MonthOf(2024, 7), LightNone, LightNone},
	}
	for _, tt := range tests {
		p := Project{Year: 2024,
			Investments: []Investment{{june, tt.completed}}, Facts: Facts{Nature: NatureNew, AnnualPlan: 100, PlannedStart: tt.planned},
		}
		if tt.planned == 0 {
			p.Nature = NatureContinuing
		}
		s := StatusOf(&p, june, cfg)
		if s.InvestmentLight != tt.inv || s.StartLight != tt.start {
			t.Errorf("%s: lights %q/%q, want %q/%q", tt.name, s.InvestmentLight, s.StartLight, tt.inv, tt.start)
		}
		if want := tt.inv == LightYellow || tt.inv == LightRed || tt.start != LightNone; s.Lagging() != want {
			t.Errorf("%s: lagging %v, want %v", tt.name, s.Lagging(), want)
		}
	}
}

func TestGroupsKeepTheGivenOrderAndListEmptyUnits(t *testing.T) {
	ps := []Project{{Year: 2024, Facts: Facts{District: "淄川区", Category: "工业"}}, {Year: 2024, Facts: Facts{District: "某部门", Category: "工业"}}}
	r := ComputeRates(ps, MonthOf(2024, 3), DefaultRateConfig(), []string{"张店区", "淄川区"}, nil)
	var names []string
	for _, g := range r.ByDistrict {
		names = append(names, fmt.Sprintf("%s:%d", g.District, g.Projects))
	}
	if got := fmt.Sprint(names); got != "[张店区:0 淄川区:1 某部门:1]" {
		t.Errorf("groups %s", got)
	}
}

// TestStartRateCanExceedOneWhenNextYearsStartsComeEarly: a 新开工 project
// planned for next year that starts this year is an early start and not
// planned this year, which is how Zibo's 2023 rate reached 101.2%.
func TestStartRateCanExceedOneWhenNextYearsStartsComeEarly(t *testing.T) {
	dec := MonthOf(2023, 12)
	ps := []Project{
		{Year: 2023, Facts: Facts{Nature: NatureNew, PlannedStart: MonthOf(2023, 4), ActualStart: MonthOf(2023, 5)}},
		{Year: 2023, Facts: Facts{Nature: NatureNew, PlannedStart: MonthOf(2024, 3), ActualStart: MonthOf(2023, 10)}},
		{Year: 2023, Facts: Facts{Nature: NatureNew, PlannedStart: MonthOf(2024, 3)}},
	}
	r := ComputeRates(ps, dec, DefaultRateConfig(), nil, nil)
	if r.PlannedStarts != 1 || r.ActualStarts != 2 || r.EarlyStarts != 1 || r.StartRate != 2 {
		t.Errorf("planned %d, actual %d, early %d, rate %v; want 1, 2, 1, 2", r.PlannedStarts, r.ActualStarts, r.EarlyStarts, r.StartRate)
	}
	full := DefaultRateConfig()
	full.StartDenominator = "full_year"
	for _, m := range []Month{MonthOf(2023, 6), dec} { // the projects planned for 2024 are planned in neither
		if f := ComputeRates(ps, m, full, nil, nil); f.PlannedStarts != 1 {
			t.Errorf("full-year denominator in %s: %d planned, want 1", m, f.PlannedStarts)
		}
	}
}
