package store

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"testing"

	"tracker/models"
)

// TestEachOnListTalliesAsTheWholePortfolio: the rates of every month of
// the demo's two years (with its 增补, 调出 and 准备类 changes, a
// 准备类 project moved to 实施类 from May and a month whose row holds only
// a note), tallied from one narrow pass with the month before or the
// quarter before, equal exactly — every group, rank and count — the rates
// computed from the whole portfolio as of the month; so do the lights of
// the projects on the list at the month; and December reproduces the
// published figures.
func TestEachOnListTalliesAsTheWholePortfolio(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		if _, err := s.SeedDemo(ctx); err != nil {
			t.Fatal(err)
		}
		var code string
		s.db.Raw(`SELECT code FROM plan_entries WHERE year = 2024 AND nature = '新开工' ORDER BY code LIMIT 1`).Scan(&code)
		s.db.Exec(`UPDATE plan_entries SET class = '准备类', implemented_from = 202405 WHERE year = 2024 AND code = ?`, code)
		s.db.Exec(`UPDATE investments SET completed_ytd = NULL, problems = '征地' WHERE code = ? AND period = 202403`, code)
		cfg := models.DefaultRateConfig()
		for _, year := range []int{2023, 2024} {
			for month := 1; month <= 12; month++ {
				m := models.MonthOf(year, month)
				for _, step := range []int{1, 3} {
					checkTally(t, s, m, models.MonthOf(year, max(month-step, 1)), cfg)
				}
			}
		}
		dec := models.NewTally(models.MonthOf(2024, 12), cfg)
		s.EachOnList(ctx, 2024, []models.Month{models.MonthOf(2024, 12)}, dec.Add)
		r := dec.Rates(nil, nil)
		if got := fmt.Sprint(r.Projects, r.Completed, r.ActualStarts); got != fmt.Sprint(530, 1181*models.Yi, 296) {
			t.Errorf("2024: projects, completed, started = %s, want 530 %d 296", got, 1181*models.Yi)
		}
	})
}

// checkTally compares month m's and base's rates and m's lights, read in
// one pass, with those of the whole portfolio as of each month.
func checkTally(t *testing.T, s *Store, m, base models.Month, cfg models.RateConfig) {
	t.Helper()
	ctx := context.Background()
	tm, tb := models.NewTally(m, cfg), models.NewTally(base, cfg)
	var lights []string
	err := s.EachOnList(ctx, m.Year(), []models.Month{m, base}, func(p *models.Project) {
		tm.Add(p)
		tb.Add(p)
		if p.OnListAt(m) {
			st := models.StatusOf(p, m, cfg)
			lights = append(lights, fmt.Sprint(p.District, st.InvestmentLight, st.StartLight, st.GapPP))
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	order := []string{"张店区", "高新区"}
	for _, c := range []struct {
		m   models.Month
		got models.Rates
	}{{m, tm.Rates(order, nil)}, {base, tb.Rates(order, nil)}} {
		ps, err := s.PortfolioAsOf(ctx, c.m)
		if err != nil {
			t.Fatal(err)
		}
		if want := models.ComputeRates(ps, c.m, cfg, order, nil); !reflect.DeepEqual(c.got, want) {
			t.Errorf("%v (read with %v and %v): %+v\nwant %+v", c.m, m, base, c.got.Figures, want.Figures)
		}
		if c.m != m {
			continue
		}
		var want []string
		for i := range ps {
			st := models.StatusOf(&ps[i], m, cfg)
			want = append(want, fmt.Sprint(ps[i].District, st.InvestmentLight, st.StartLight, st.GapPP))
		}
		if fmt.Sprint(sorted(lights)) != fmt.Sprint(sorted(want)) {
			t.Errorf("%v: the lights of %d projects differ from the whole portfolio's %d", m, len(lights), len(want))
		}
	}
}

func sorted(s []string) []string {
	out := append([]string(nil), s...)
	slices.Sort(out)
	return out
}

// TestUnpackReadsAPackedRowOrRefusesIt: a row's values in order, a month
// without a report left out, the same report for two months kept once; a
// value missing, extra or not a number is an error, not a zero.
func TestUnpackReadsAPackedRowOrRefusesIt(t *testing.T) {
	var p models.Project
	if err := unpack(&p, "新开工|准备类|1200000|300000|202403|202405|202402|202411|202406|||202405|180000|202405|180000", 3); err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprint(p.Nature, p.Class, p.TotalInvestment, p.AnnualPlan, p.PlannedStart, p.ActualStart, p.ListFrom, p.ListUntil, p.ImplementedFrom, p.Investments, p.CompletedYTD)
	if want := "新开工准备类1200000 300000 2024-03 2024-05 2024-02 2024-11 2024-06 [{2024-05 180000}] 180000"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	for _, bad := range []string{"续建|实施类|1|2|0|0|0|0|0|", "续建|实施类|1|2|0|0|0|0|0|202401|5|9", "续建|实施类|x|2|0|0|0|0|0||", "续建|实施类|1|2|0|0|0|0|0|202401|五"} {
		if err := unpack(&models.Project{}, bad, 1); err == nil {
			t.Errorf("%q read without an error", bad)
		}
	}
}
