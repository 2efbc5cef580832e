package models

import (
	"fmt"
	"math"
	"testing"
)

func TestRanksAreStandardCompetitionOnTheRateAsShown(t *testing.T) {
	// 98.44% and 98.36% are both shown as 98.4%: they share rank 2, and the
	// next rank is 4. A unit without an annual plan is not ranked.
	gs := []GroupFigures{
		{District: "A", Figures: Figures{AnnualPlan: 1, InvestmentRate: 0.9844, PlannedStarts: 4, StartRate: 1}},
		{District: "B", Figures: Figures{AnnualPlan: 1, InvestmentRate: 1.041, PlannedStarts: 2, StartRate: 0.5}},
		{District: "C", Figures: Figures{AnnualPlan: 1, InvestmentRate: 0.9836, PlannedStarts: 0}},
		{District: "D", Figures: Figures{AnnualPlan: 1, InvestmentRate: 0.70, PlannedStarts: 3, StartRate: 1}},
		{District: "E", Figures: Figures{AnnualPlan: 0, PlannedStarts: 1, StartRate: 1.25}},
	}
	RankGroups(gs)
	wantInv := []int{2, 1, 2, 4, 0}
	wantStart := []int{2, 4, 0, 2, 1}
	for i, g := range gs {
		if g.InvestmentRank != wantInv[i] || g.StartRank != wantStart[i] {
			t.Errorf("%s: ranks %d/%d, want %d/%d", g.District, g.InvestmentRank, g.StartRank, wantInv[i], wantStart[i])
		}
	}
}

func TestComputeRatesRanksUnitsAndCategories(t *testing.T) {
	ps := []Project{
		{Code: "1", Year: 2024, Facts: Facts{Nature: NatureContinuing, District: "张店区", Category: "工业", AnnualPlan: 100 * Wan}, Investments: []Investment{{MonthOf(2024, 6), 60 * Wan}}},
		{Code: "2", Year: 2024, Facts: Facts{Nature: NatureContinuing, District: "淄川区", Category: "现代服务业", AnnualPlan: 100 * Wan}, Investments: []Investment{{MonthOf(2024, 6), 40 * Wan}}},
	}
	r := ComputeRates(ps, MonthOf(2024, 6), DefaultRateConfig(), []string{"张店区", "淄川区", "博山区"}, nil)
	got := []int{r.ByDistrict[0].InvestmentRank, r.ByDistrict[1].InvestmentRank, r.ByDistrict[2].InvestmentRank}
	if got[0] != 1 || got[1] != 2 || got[2] != 0 {
		t.Errorf("district ranks %v, want [1 2 0] (博山区 has no plan)", got)
	}
	if r.ByCategory[0].Category != "工业" || r.ByCategory[0].InvestmentRank != 1 || r.ByCategory[1].InvestmentRank != 2 {
		t.Errorf("category ranks %+v", r.ByCategory)
	}
}

func TestCompareUsesPublishedFigures(t *testing.T) {
	// 同比 of 2024 against 2023: 1181 of 1134.5亿元 (104.1%) against 1310 of
	// 1265亿元 (103.6%), 296 of 296 started (100%) against 248 of 245 (101.2%).
	cur := Figures{AnnualPlan: 113450000000, Completed: 1181 * Yi, PlannedStarts: 296, ActualStarts: 296, Projects: 530}
	base := Figures{AnnualPlan: 1265 * Yi, Completed: 1310 * Yi, PlannedStarts: 245, ActualStarts: 248, Projects: 536}
	cur.finish(12)
	base.finish(12)
	c := Compare(cur, base)
	if !c.HasInvestmentRate || math.Round(c.InvestmentRatePP*10)/10 != 0.5 {
		t.Errorf("investment rate change %v pp, want 0.5", c.InvestmentRatePP)
	}
	if !c.HasStartRate || math.Round(c.StartRatePP*10)/10 != -1.2 {
		t.Errorf("start rate change %v pp, want -1.2", c.StartRatePP)
	}
	if c.Completed != -129*Yi || !c.HasGrowth || math.Round(c.CompletedGrowth*1000)/1000 != -0.098 {
		t.Errorf("completed change %v, growth %v, want -129亿元 and -9.8%%", c.Completed, c.CompletedGrowth)
	}
	if c.Projects != -6 || c.ActualStarts != 48 {
		t.Errorf("projects %d, starts %d, want -6 and 48", c.Projects, c.ActualStarts)
	}
	if z := Compare(cur, Figures{}); z.HasInvestmentRate || z.HasStartRate || z.HasGrowth {
		t.Errorf("against nothing: %+v, want no rates and no growth", z)
	}
}

func TestComparedPeriods(t *testing.T) {
	tests := []struct {
		m         Month
		quarterly bool
		want      Month
		ok        bool
	}{
		{MonthOf(2024, 6), true, MonthOf(2024, 3), true},
		{MonthOf(2024, 3), true, 0, false}, // Q1: the year's figures start again
		{MonthOf(2024, 12), true, MonthOf(2024, 9), true},
		{MonthOf(2024, 5), false, MonthOf(2024, 4), true},
		{MonthOf(2024, 1), false, 0, false},
	}
	for _, tt := range tests {
		got, ok := PreviousPeriod(tt.m, tt.quarterly)
		if got != tt.want || ok != tt.ok {
			t.Errorf("PreviousPeriod(%v, %v) = %v, %v; want %v, %v", tt.m, tt.quarterly, got, ok, tt.want, tt.ok)
		}
	}
	if got := SamePeriodLastYear(MonthOf(2024, 6)); got != MonthOf(2023, 6) {
		t.Errorf("SamePeriodLastYear = %v", got)
	}
}

func TestHasFiguresNeedsSomethingRecorded(t *testing.T) {
	listed := []Project{{Code: "1", Year: 2024, Facts: Facts{Nature: NatureContinuing, District: "张店区", AnnualPlan: Yi}}}
	if ComputeRates(listed, MonthOf(2024, 3), DefaultRateConfig(), nil, nil).HasFigures() {
		t.Error("a list without any reported figure has figures")
	}
	if ComputeRates(nil, MonthOf(2024, 3), DefaultRateConfig(), nil, nil).HasFigures() {
		t.Error("no projects has figures")
	}
	listed[0].Investments = []Investment{{MonthOf(2024, 2), Wan}}
	if !ComputeRates(listed, MonthOf(2024, 3), DefaultRateConfig(), nil, nil).HasFigures() {
		t.Error("February's figure carried to March: no figures")
	}
	if ComputeRates(listed, MonthOf(2024, 1), DefaultRateConfig(), nil, nil).HasFigures() {
		t.Error("January has February's figure")
	}
}

func TestComputeGroupsByAnyKey(t *testing.T) {
	ps := []Project{
		{Code: "1", Year: 2024, Facts: Facts{Nature: NatureContinuing, District: "市直部门", Unit: "市交通运输局", AnnualPlan: 100 * Wan}, Investments: []Investment{{MonthOf(2024, 6), 30 * Wan}}},
		{Code: "2", Year: 2024, Facts: Facts{Nature: NatureContinuing, District: "市直部门", Unit: "市水利局", AnnualPlan: 100 * Wan}, Investments: []Investment{{MonthOf(2024, 6), 70 * Wan}}},
		{Code: "3", Year: 2024, Facts: Facts{Nature: NatureContinuing, District: "市直部门", Unit: "市交通运输局", AnnualPlan: 100 * Wan}, Investments: []Investment{{MonthOf(2024, 6), 50 * Wan}}},
		{Code: "4", Year: 2024, Facts: Facts{Nature: NatureContinuing, District: "市直部门", AnnualPlan: 10 * Wan}},
		{Code: "5", Year: 2024, Facts: Facts{Nature: NatureContinuing, District: "张店区", Unit: "张店区发改局", AnnualPlan: 10 * Wan}},
	}
	gs := ComputeGroups(ps, MonthOf(2024, 6), DefaultRateConfig(), func(p *Project) (string, bool) { return p.Unit, p.District == "市直部门" }, nil)
	var got []string
	for _, g := range gs {
		got = append(got, fmt.Sprintf("%s %d %.2f #%d", g.Name, g.Projects, g.InvestmentRate, g.InvestmentRank))
	}
	want := []string{"市交通运输局 2 0.40 #2", "市水利局 1 0.70 #1", "未填写 1 0.00 #3"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("groups %v, want %v", got, want)
	}
}
