package demo

import (
	"math"
	"testing"

	"tracker/models"
)

func TestPortfolioReproducesThePublished2024Result(t *testing.T) {
	ps := Portfolio2024()
	if len(ps) != Projects {
		t.Fatalf("%d projects, want %d", len(ps), Projects)
	}
	r := models.ComputeRates(ps, models.MonthOf(Year, 12), models.DefaultRateConfig(), nil, nil)
	if r.TotalInvestment != TotalInvestmentWan*models.Wan || r.AnnualPlan != AnnualPlanWan*models.Wan || r.Completed != CompletedWan*models.Wan {
		t.Errorf("totals %s/%s/%s 万元", r.TotalInvestment.WanString(), r.AnnualPlan.WanString(), r.Completed.WanString())
	}
	if got := math.Round(r.InvestmentRate*1000) / 1000; got != 1.041 {
		t.Errorf("investment rate %v, want 1.041", got)
	}
	if r.PlannedStarts != NewStarts || r.ActualStarts != NewStarts || r.StartRate != 1 {
		t.Errorf("starts %d/%d rate %v, want 296/296 and 1", r.ActualStarts, r.PlannedStarts, r.StartRate)
	}
}

func TestPortfolioIsValidAndBelievable(t *testing.T) {
	ps := Portfolio2024()
	codes, names := map[string]bool{}, map[string]bool{}
	for _, p := range ps {
		if !models.ValidCode(p.Code) || codes[p.Code] || names[p.Name] {
			t.Errorf("bad or repeated code/name %q %q", p.Code, p.Name)
		}
		codes[p.Code], names[p.Name] = true, true
		if p.TotalInvestment < models.Yi || p.TotalInvestment > 300*models.Yi {
			t.Errorf("%s total %s 万元 outside 1亿..300亿", p.Name, p.TotalInvestment.WanString())
		}
		if area := models.CodeArea(p.Code); area != areaOf[p.District] {
			t.Errorf("%s: area %s for %s", p.Code, area, p.District)
		}
		for i := 1; i < len(p.Investments); i++ {
			if p.Investments[i].CompletedYTD < p.Investments[i-1].CompletedYTD {
				t.Errorf("%s: cumulative figure falls in %v", p.Code, p.Investments[i].Period)
			}
		}
	}
	for _, n := range named {
		if !names[n.name] {
			t.Errorf("named project %s missing", n.name)
		}
	}
}

func TestMonthsBeforeDecemberShowRealLife(t *testing.T) {
	ps := Portfolio2024()
	cfg := models.DefaultRateConfig()
	june := models.ComputeRates(ps, models.MonthOf(Year, 6), cfg, nil, nil)
	if june.EarlyStarts == 0 || june.OverdueStarts == 0 || june.Unreported == 0 {
		t.Errorf("June: %d early, %d overdue, %d unreported; want some of each", june.EarlyStarts, june.OverdueStarts, june.Unreported)
	}
	behind := 0
	for _, d := range june.ByDistrict {
		if d.InvestmentGapPP < 0 {
			behind++
		}
	}
	if behind == 0 || behind == len(june.ByDistrict) {
		t.Errorf("June: %d of %d units behind 序时进度; want some, not all", behind, len(june.ByDistrict))
	}
	if june.InvestmentRate < 0.35 || june.InvestmentRate > 0.65 {
		t.Errorf("June investment rate %.3f is not believable", june.InvestmentRate)
	}
}

func TestPortfolioIsDeterministic(t *testing.T) {
	a, b := Portfolio2024(), Portfolio2024()
	for i := range a {
		if a[i].Code != b[i].Code || a[i].CompletedYTD != b[i].CompletedYTD || len(a[i].Investments) != len(b[i].Investments) {
			t.Fatalf("project %d differs between runs", i)
		}
	}
}
