package models

import (
	"math"
	"testing"
)

func TestOwnTimeProgressRunsFromTheStart(t *testing.T) {
	june := MonthOf(2024, 6)
	calendar := DefaultRateConfig()
	calendar.LightBasis = BasisCalendar
	tests := []struct {
		name            string
		nature          Nature
		planned, actual Month
		cfg             RateConfig
		want            float64 // -1: 未到开工期
	}{
		{"续建: M/12", NatureContinuing, 0, MonthOf(2022, 5), DefaultRateConfig(), 6.0 / 12},
		{"新开工 planned March, not started: 4 of 10 months", NatureNew, MonthOf(2024, 3), 0, DefaultRateConfig(), 4.0 / 10},
		{"新开工 planned March, started on time", NatureNew, MonthOf(2024, 3), MonthOf(2024, 3), DefaultRateConfig(), 4.0 / 10},
		{"新开工 planned March, started late in May: still from March", NatureNew, MonthOf(2024, 3), MonthOf(2024, 5), DefaultRateConfig(), 4.0 / 10},
		{"新开工 planned this month: 1 of 7", NatureNew, june, 0, DefaultRateConfig(), 1.0 / 7},
		{"新开工 planned August, started early in April: from April", NatureNew, MonthOf(2024, 8), MonthOf(2024, 4), DefaultRateConfig(), 3.0 / 9},
		{"新开工 planned May, started early in April: from May once May has come (DOMAIN: once P ≤ M)", NatureNew, MonthOf(2024, 5), MonthOf(2024, 4), DefaultRateConfig(), 2.0 / 8},
		{"新开工 planned August, not started: 未到开工期", NatureNew, MonthOf(2024, 8), 0, DefaultRateConfig(), -1},
		{"新开工 planned August, starting in October (after M): 未到开工期", NatureNew, MonthOf(2024, 8), MonthOf(2024, 10), DefaultRateConfig(), -1},
		{"新开工 without a plan counts from December", NatureNew, 0, 0, DefaultRateConfig(), -1},
		{"新开工 planned last year counts from January", NatureNew, MonthOf(2023, 11), 0, DefaultRateConfig(), 6.0 / 12},
		{"新开工 planned next year, started last year", NatureNew, MonthOf(2025, 2), MonthOf(2023, 12), DefaultRateConfig(), 6.0 / 12},
		{"calendar basis: 新开工 at M/12", NatureNew, MonthOf(2024, 3), 0, calendar, 6.0 / 12},
		{"calendar basis: 未到开工期 still has none", NatureNew, MonthOf(2024, 8), 0, calendar, -1},
		{"empty basis is from_start", NatureNew, MonthOf(2024, 3), 0, RateConfig{}, 4.0 / 10},
	}
	for _, tt := range tests {
		p := Project{Year: 2024, Facts: Facts{Nature: tt.nature, PlannedStart: tt.planned, ActualStart: tt.actual}}
		got, due := ProgressOf(&p, june, tt.cfg)
		if !due {
			got = -1
		}
		if math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
	dec := Project{Year: 2024, Facts: Facts{Nature: NatureNew}}
	if got, due := ProgressOf(&dec, MonthOf(2024, 12), DefaultRateConfig()); !due || got != 1 {
		t.Errorf("新开工 without a plan in December: %v %v, want 1 true", got, due)
	}
}

func TestInvestmentLightAgainstOwnTimeProgress(t *testing.T) {
	march := MonthOf(2024, 3)
	tests := []struct {
		name      string
		planned   Month
		completed Money
		inv       Light
		lagging   bool
	}{
		{"planned March, nothing invested in March: 10 points behind 1/10, green", MonthOf(2024, 3), 0, LightGreen, true},
		{"planned February, nothing invested: 18.2 points behind 2/11, yellow", MonthOf(2024, 2), 0, LightYellow, true},
		{"planned January, nothing invested: 25 points behind, yellow", MonthOf(2024, 1), 0, LightYellow, true},
		{"planned May, not started, nothing invested: 未到开工期", MonthOf(2024, 5), 0, LightNone, false},
	}
	for _, tt := range tests {
		p := Project{Year: 2024,
			Investments: []Investment{{march, tt.completed}}, Facts: Facts{Nature: NatureNew, AnnualPlan: 1000 * Wan, PlannedStart: tt.planned},
		}
		s := StatusOf(&p, march, DefaultRateConfig())
		if s.InvestmentLight != tt.inv || s.Lagging() != tt.lagging {
			t.Errorf("%s: light %q lagging %v, want %q %v", tt.name, s.InvestmentLight, s.Lagging(), tt.inv, tt.lagging)
		}
	}
	calendar := DefaultRateConfig()
	calendar.LightBasis = BasisCalendar
	p := Project{Year: 2024, Facts: Facts{Nature: NatureNew, AnnualPlan: 1000 * Wan, PlannedStart: MonthOf(2024, 3)}}
	if s := StatusOf(&p, MonthOf(2024, 6), calendar); s.InvestmentLight != LightRed || s.GapPP != -50 {
		t.Errorf("calendar basis in June, nothing invested: %q %v, want 红 -50", s.InvestmentLight, s.GapPP)
	}
}

func TestGapLightIsOneRule(t *testing.T) {
	cfg := DefaultRateConfig()
	for gap, want := range map[float64]Light{3: LightGreen, -3: LightGreen, -10: LightGreen, -10.05: LightYellow, -30: LightYellow, -30.1: LightRed} {
		if got := GapLight(gap, cfg); got != want {
			t.Errorf("gap %v: %q, want %q", gap, got, want)
		}
	}
}

// TestStartLightCountsFromAPlanOfAnEarlierYear: a 新开工 project on 2024's
// list planned for November 2023 and not started is 2 months overdue in
// January (yellow) and 3 in February (red); it counted from January (0
// and 1 months, yellow) before.
func TestStartLightCountsFromAPlanOfAnEarlierYear(t *testing.T) {
	tests := []struct {
		planned, m Month
		overdue    int
		light      Light
	}{
		{MonthOf(2023, 11), MonthOf(2024, 1), 2, LightYellow},
		{MonthOf(2023, 11), MonthOf(2024, 2), 3, LightRed},
		{MonthOf(2024, 2), MonthOf(2024, 4), 2, LightYellow},
		{MonthOf(2024, 2), MonthOf(2024, 5), 3, LightRed},
	}
	for _, tt := range tests {
		p := Project{Year: 2024, Facts: Facts{Nature: NatureNew, PlannedStart: tt.planned}}
		s := StatusOf(&p, tt.m, DefaultRateConfig())
		if !s.Start.Planned || s.Start.MonthsOverdue != tt.overdue || s.StartLight != tt.light {
			t.Errorf("planned %s, as of %s: overdue %d months, %q; want %d, %q", tt.planned, tt.m, s.Start.MonthsOverdue, s.StartLight, tt.overdue, tt.light)
		}
	}
}
