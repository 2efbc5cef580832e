package demo

import (
	"math/big"
	"testing"

	"tracker/models"
)

// exactRate compares a rate's exact integers with a published fraction.
func exactRate(t *testing.T, what string, num, den int64, wantNum, wantDen int64) {
	t.Helper()
	if den == 0 || big.NewRat(num, den).Cmp(big.NewRat(wantNum, wantDen)) != 0 {
		t.Errorf("%s %d/%d, want exactly %d/%d", what, num, den, wantNum, wantDen)
	}
}

// percent1 is a fraction in percent with one decimal, rounded half up, in
// exact integers: 1310/1265 → 1036 (103.6%).
func percent1(num, den int64) int64 { return (num*2000/den + 1) / 2 }

func TestPortfolio2023ReproducesThePublished2023Result(t *testing.T) {
	ps := Portfolio2023()
	if len(ps) != Projects2023 {
		t.Fatalf("%d projects, want %d", len(ps), Projects2023)
	}
	r := models.ComputeRates(ps, models.MonthOf(Year2023, 12), models.DefaultRateConfig(), nil, nil)
	if r.Projects != 536 || r.TotalInvestment != 5930*models.Yi || r.AnnualPlan != 1265*models.Yi || r.Completed != 1310*models.Yi {
		t.Errorf("%d projects, totals %s/%s/%s 万元, want 536, 59300000/12650000/13100000",
			r.Projects, r.TotalInvestment.WanString(), r.AnnualPlan.WanString(), r.Completed.WanString())
	}
	exactRate(t, "investment rate", int64(r.Completed), int64(r.AnnualPlan), 1310, 1265)
	if r.PlannedStarts != 245 || r.ActualStarts != 248 || r.EarlyStarts != 3 || r.OverdueStarts != 0 {
		t.Errorf("starts %d of %d planned (%d early, %d overdue), want 248 of 245 (3 early, 0 overdue)", r.ActualStarts, r.PlannedStarts, r.EarlyStarts, r.OverdueStarts)
	}
	exactRate(t, "start rate", int64(r.ActualStarts), int64(r.PlannedStarts), 248, 245)
	if a, b := percent1(int64(r.Completed), int64(r.AnnualPlan)), percent1(int64(r.ActualStarts), int64(r.PlannedStarts)); a != 1036 || b != 1012 {
		t.Errorf("rates %d and %d tenths of a percent, want 1036 (103.6%%) and 1012 (101.2%%)", a, b)
	}
	early := 0
	for i := range ps {
		p := &ps[i]
		if p.Year != Year2023 {
			t.Errorf("%s: year %d", p.Code, p.Year)
		}
		if p.Nature == models.NatureNew && p.PlannedStart.Year() == Year2023+1 {
			early++
			if p.PlannedStartMonth() != 13 || p.ActualStart.Year() != Year2023 {
				t.Errorf("%s planned %v started %v: not an early start of 2023", p.Code, p.PlannedStart, p.ActualStart)
			}
		}
	}
	if early != CarriedEarly2023 {
		t.Errorf("%d 新开工 planned for 2024, want %d", early, CarriedEarly2023)
	}
}

func TestPortfolio2023HasEveryUnitInZiboProportions(t *testing.T) {
	n23, n24 := map[string]int{}, map[string]int{}
	for _, p := range Portfolio2023() {
		n23[p.District]++
	}
	for _, p := range Portfolio2024() {
		n24[p.District]++
	}
	if len(n23) != len(unitCounts) {
		t.Errorf("2023 has %d units, want %d", len(n23), len(unitCounts))
	}
	for _, u := range unitCounts {
		share := float64(n24[u.name]) * Projects2023 / Projects
		if d := float64(n23[u.name]) - share; d < -1 || d > 1 {
			t.Errorf("%s: %d projects in 2023, %d in 2024: not in proportion", u.name, n23[u.name], n24[u.name])
		}
	}
}

func TestEveryYearIsValidAndMonthlyBelievable(t *testing.T) {
	years := map[string][]models.Project{"2023": Portfolio2023(), "2024": Portfolio2024WithChanges()}
	for y, ps := range years {
		checkValid(t, y, ps)
		for i := range ps {
			checkMonthly(t, &ps[i])
		}
	}
	ps := years["2023"]
	last := models.Money(0)
	cfg := models.DefaultRateConfig()
	seen := map[string]int{}
	for m := 1; m <= 12; m++ {
		r := models.ComputeRates(ps, models.MonthOf(Year2023, m), cfg, nil, nil)
		if r.Completed < last || r.Completed > 3*r.AnnualPlan {
			t.Errorf("2023-%02d: city completed %s 万元 after %s", m, r.Completed.WanString(), last.WanString())
		}
		last = r.Completed
		seen["early"] += r.EarlyStarts
		seen["overdue"] += r.OverdueStarts
		seen["unreported"] += r.Unreported
		if m == 6 {
			behind := 0
			for _, d := range r.ByDistrict {
				behind += b2i(d.InvestmentGapPP < 0)
			}
			if behind == 0 || behind == len(r.ByDistrict) || r.InvestmentRate < 0.35 || r.InvestmentRate > 0.65 {
				t.Errorf("2023-06: rate %.3f, %d of %d units behind 序时进度: not believable", r.InvestmentRate, behind, len(r.ByDistrict))
			}
		}
	}
	if seen["early"] == 0 || seen["overdue"] == 0 || seen["unreported"] == 0 {
		t.Errorf("2023 months: %v; want early and overdue starts and missing reports", seen)
	}
}

// checkValid checks codes, names, totals and area segments of one list.
func checkValid(t *testing.T, year string, ps []models.Project) {
	t.Helper()
	codes, names := map[string]bool{}, map[string]bool{}
	for _, p := range ps {
		if !models.ValidCode(p.Code) || codes[p.Code] || names[p.Name] || p.Name == "" {
			t.Errorf("%s: bad or repeated code/name %q %q", year, p.Code, p.Name)
		}
		codes[p.Code], names[p.Name] = true, true
		if p.TotalInvestment < models.Yi || p.TotalInvestment > 300*models.Yi || p.AnnualPlan <= 0 || p.AnnualPlan > p.TotalInvestment {
			t.Errorf("%s %s: total %s plan %s 万元", year, p.Name, p.TotalInvestment.WanString(), p.AnnualPlan.WanString())
		}
		if area := models.CodeArea(p.Code); area != areaOf[p.District] {
			t.Errorf("%s %s: area %s for %s", year, p.Code, area, p.District)
		}
		if p.Level == "" || p.Category == "" || p.Unit == "" {
			t.Errorf("%s %s: level %q category %q unit %q", year, p.Code, p.Level, p.Category, p.Unit)
		}
	}
}

// checkMonthly checks one project's reports: months of its year in order,
// cumulative (never falling), at most three times its annual plan, the
// last one its CompletedYTD, and nothing before it started (新开工).
func checkMonthly(t *testing.T, p *models.Project) {
	t.Helper()
	var prev models.Investment
	for k, inv := range p.Investments {
		switch {
		case inv.Period.Year() != p.Year || k > 0 && inv.Period <= prev.Period:
			t.Errorf("%s: report for %v after %v", p.Code, inv.Period, prev.Period)
		case inv.CompletedYTD < prev.CompletedYTD:
			t.Errorf("%s: cumulative figure falls in %v", p.Code, inv.Period)
		case inv.CompletedYTD > 3*p.AnnualPlan:
			t.Errorf("%s: %s 万元 in %v, over three times the plan %s", p.Code, inv.CompletedYTD.WanString(), inv.Period, p.AnnualPlan.WanString())
		case p.Nature == models.NatureNew && inv.CompletedYTD > 0 && (p.ActualStart.IsZero() || inv.Period < p.ActualStart):
			t.Errorf("%s: %s 万元 in %v before its start %v", p.Code, inv.CompletedYTD.WanString(), inv.Period, p.ActualStart)
		}
		prev = inv
	}
	if prev.CompletedYTD != p.CompletedYTD {
		t.Errorf("%s: CompletedYTD %s, last report %s", p.Code, p.CompletedYTD.WanString(), prev.CompletedYTD.WanString())
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
