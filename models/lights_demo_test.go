package models_test

import (
	"testing"

	"tracker/models"
	"tracker/models/demo"
)

// domainLights recomputes a project's two lights as of month m straight
// from DOMAIN.md "Warning lights" (default thresholds 10 and 30 points, 3
// months), in exact integer arithmetic, sharing no code with StatusOf. It
// returns notDue for a 新开工 project planned after m and not started by m.
func domainLights(p *models.Project, m models.Month) (inv, start models.Light, notDue bool) {
	M := m.Num()
	planned := 12 // a 新开工 project without a planned month counts from December
	switch {
	case p.PlannedStart != 0 && p.PlannedStart.Year() == m.Year():
		planned = p.PlannedStart.Num()
	case p.PlannedStart != 0 && p.PlannedStart.Year() < m.Year():
		planned = 1
	}
	started := p.ActualStart != 0 && int(p.ActualStart) <= int(m)
	num, den := M, 12
	if p.Nature == models.NatureNew {
		if !started && planned > M {
			return "", "", true
		}
		from := planned
		if started && planned > M { // early: from its actual start
			from = 1
			if p.ActualStart.Year() == m.Year() {
				from = p.ActualStart.Num()
			}
		}
		num, den = M-from+1, 12-from+1
		if !started {
			start = models.LightYellow
			if M-planned >= 3 {
				start = models.LightRed
			}
		}
	}
	var done int64
	for _, inv := range p.Investments {
		if inv.Period.Year() == m.Year() && inv.Period <= m {
			done = int64(inv.CompletedYTD)
		}
	}
	plan := int64(p.AnnualPlan)
	// completed/plan ≥ num/den − k/100  ⇔  100·done·den ≥ (100·num − k·den)·plan
	lhs := 100 * done * int64(den)
	switch {
	case plan == 0 || lhs >= (100*int64(num)-10*int64(den))*plan:
		inv = models.LightGreen
	case lhs >= (100*int64(num)-30*int64(den))*plan:
		inv = models.LightYellow
	default:
		inv = models.LightRed
	}
	return inv, start, false
}

func TestDemoYearLightsFollowDomain(t *testing.T) {
	ps := demo.Portfolio2024()
	cfg := models.DefaultRateConfig()
	for month := 1; month <= 12; month++ {
		m := models.MonthOf(demo.Year, month)
		lagging, notDue := 0, 0
		for i := range ps {
			p := &ps[i]
			inv, start, nd := domainLights(p, m)
			s := models.StatusOf(p, m, cfg)
			if s.InvestmentLight != inv || s.StartLight != start || s.NotDue != nd {
				t.Errorf("%s month %d: lights %q/%q notDue %v, want %q/%q %v", p.Code, month, s.InvestmentLight, s.StartLight, s.NotDue, inv, start, nd)
			}
			if nd && s.Lagging() {
				t.Errorf("%s month %d: 未到开工期 but lagging", p.Code, month)
			}
			lagging += b2i(s.Lagging())
			notDue += b2i(nd)
		}
		t.Logf("month %2d: %3d lagging, %3d 未到开工期", month, lagging, notDue)
		if month < 12 && notDue == 0 {
			t.Errorf("month %d: no 未到开工期 project; the test would prove nothing", month)
		}
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestTheDenominatorsAgreeAtYearEnd: DOMAIN.md, "at year end both agree":
// the 2023 demo (3 新开工 planned for 2024 started early in 2023) gives
// 248 of 245, 101.2%, under either setting; the full-year one counted the
// three planned for 2024 as well (248 of 248, 100%).
func TestTheDenominatorsAgreeAtYearEnd(t *testing.T) {
	dec := models.MonthOf(2023, 12)
	for _, denominator := range []string{"to_date", "full_year"} {
		cfg := models.DefaultRateConfig()
		cfg.StartDenominator = denominator
		r := models.ComputeRates(demo.Portfolio2023(), dec, cfg, nil, nil)
		if r.PlannedStarts != 245 || r.ActualStarts != 248 || models.RateShown(r.StartRate) != 1012 {
			t.Errorf("%s: %d of %d planned, %v; want 248 of 245, 101.2%%", denominator, r.ActualStarts, r.PlannedStarts, r.StartRate)
		}
		if r.Projects != 536 || r.TotalInvestment != 5930*models.Yi || r.AnnualPlan != 1265*models.Yi || r.Completed != 1310*models.Yi || models.RateShown(r.InvestmentRate) != 1036 {
			t.Errorf("%s: 2023 at year end %d projects, %s, %s of %s", denominator, r.Projects, r.TotalInvestment.YiText(), r.Completed.YiText(), r.AnnualPlan.YiText())
		}
	}
	cfg := models.DefaultRateConfig()
	cfg.StartDenominator = "full_year"
	r := models.ComputeRates(demo.Portfolio2024(), models.MonthOf(2024, 12), cfg, nil, nil)
	if r.PlannedStarts != 296 || r.ActualStarts != 296 || r.Projects != 530 || r.TotalInvestment != 6035*models.Yi || r.Completed != 1181*models.Yi || models.RateShown(r.InvestmentRate) != 1041 {
		t.Errorf("2024 full-year at year end: %d of %d, %d projects, %s, %s", r.ActualStarts, r.PlannedStarts, r.Projects, r.TotalInvestment.YiText(), r.Completed.YiText())
	}
}
