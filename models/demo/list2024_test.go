package demo

import (
	"reflect"
	"testing"
	"unicode"

	"tracker/models"
)

func TestListChangesLeaveThe2024YearEndAsPublished(t *testing.T) {
	r := models.ComputeRates(Portfolio2024WithChanges(), models.MonthOf(Year, 12), models.DefaultRateConfig(), nil, nil)
	if r.Projects != 530 || r.TotalInvestment != 6035*models.Yi || r.AnnualPlan != 113450*models.Yi/100 || r.Completed != 1181*models.Yi {
		t.Errorf("%d projects, totals %s/%s/%s 万元, want 530, 60350000/11345000/11810000",
			r.Projects, r.TotalInvestment.WanString(), r.AnnualPlan.WanString(), r.Completed.WanString())
	}
	exactRate(t, "investment rate", int64(r.Completed), int64(r.AnnualPlan), 11810, 11345)
	if r.PlannedStarts != 296 || r.ActualStarts != 296 {
		t.Errorf("starts %d of %d, want 296 of 296", r.ActualStarts, r.PlannedStarts)
	}
	if a, b := percent1(int64(r.Completed), int64(r.AnnualPlan)), percent1(int64(r.ActualStarts), int64(r.PlannedStarts)); a != 1041 || b != 1000 {
		t.Errorf("rates %d and %d tenths of a percent, want 1041 (104.1%%) and 1000 (100%%)", a, b)
	}
}

func TestListChanges2024(t *testing.T) {
	cs := ListChanges2024()
	want := []struct {
		action models.ListAction
		month  models.Month
	}{{models.ListAdd, AddedFrom}, {models.ListAdd, AddedFrom}, {models.ListRemove, WithdrawnFrom}, {models.ListRemove, WithdrawnFrom}, {models.ListImplement, ImplementedFrom}}
	if len(cs) != len(want) {
		t.Fatalf("%d changes, want %d", len(cs), len(want))
	}
	published, added := codesOf(Portfolio2024Published()), codesOf(Additions2024())
	for k, c := range cs {
		if c.Action != want[k].action || c.Effective != want[k].month || c.User != DemoUser || c.At != nil || !chinese(c.Reason) {
			t.Errorf("change %d: %+v", k, c)
		}
		if onList := published[c.Code]; onList == (c.Action == models.ListAdd) || added[c.Code] != (c.Action == models.ListAdd) {
			t.Errorf("%s %s: on the published list %v, among the additions %v", c.Action.Label(), c.Code, onList, added[c.Code])
		}
	}
	if AddedFrom.Num() != 5 || WithdrawnFrom.Num() != 7 || ImplementedFrom.Num() != 8 {
		t.Errorf("months %v %v %v", AddedFrom, WithdrawnFrom, ImplementedFrom)
	}
}

// TestEachChangeCountsFromItsMonth compares the rates with and without
// each changed project, month by month: a withdrawn project moves them
// through June and not from July, an added one from May and not before, the
// 准备类 one from August and not before.
func TestEachChangeCountsFromItsMonth(t *testing.T) {
	ps := Portfolio2024WithChanges()
	cfg := models.DefaultRateConfig()
	from := map[models.ListAction]func(m int) bool{
		models.ListRemove:    func(m int) bool { return m <= 6 },
		models.ListAdd:       func(m int) bool { return m >= 5 },
		models.ListImplement: func(m int) bool { return m >= 8 },
	}
	for _, c := range ListChanges2024() {
		var without []models.Project
		var p models.Project
		for _, q := range ps {
			if q.Code == c.Code {
				p = q
			} else {
				without = append(without, q)
			}
		}
		for m := 1; m <= 12; m++ {
			month := models.MonthOf(Year, m)
			a, b := models.ComputeRates(ps, month, cfg, nil, nil), models.ComputeRates(without, month, cfg, nil, nil)
			counts := a.Projects == b.Projects+1 && a.AnnualPlan == b.AnnualPlan+p.AnnualPlan && a.TotalInvestment == b.TotalInvestment+p.TotalInvestment
			same := reflect.DeepEqual(a.Figures, b.Figures)
			if want := from[c.Action](m); want && !counts || !want && !same {
				t.Errorf("%s %s, month %d: counts %v, want %v (%d vs %d projects)", c.Action.Label(), c.Code, m, counts, want, a.Projects, b.Projects)
			}
		}
	}
}

func TestTheListAsItStoodEachMonth(t *testing.T) {
	ps := Portfolio2024WithChanges()
	if len(ps) != Projects+2 {
		t.Fatalf("%d entries, want 530 and the two withdrawn", len(ps))
	}
	for m := 1; m <= 12; m++ {
		want := Projects - 2 - 1 // the 530 without the two additions and the 准备类 one
		want += 2*b2i(m < 7) + 2*b2i(m >= 5) + b2i(m >= 8)
		if r := models.ComputeRates(ps, models.MonthOf(Year, m), models.DefaultRateConfig(), nil, nil); r.Projects != want {
			t.Errorf("month %d: %d projects count, want %d", m, r.Projects, want)
		}
	}
	for _, p := range ps {
		for _, inv := range p.Investments {
			if !p.OnListAt(inv.Period) {
				t.Errorf("%s reports for %v, off the list then", p.Code, inv.Period)
			}
		}
	}
}

// TestPublishedListAndChangesMakeTheYearAsRun applies ListChanges2024 with
// models.ListChange.Apply to the published list and the additions, as the
// store does, and gets Portfolio2024WithChanges; Portfolio2024 is that
// year-end list without list facts.
func TestPublishedListAndChangesMakeTheYearAsRun(t *testing.T) {
	pub := Portfolio2024Published()
	if len(pub) != Projects {
		t.Errorf("the published list has %d projects, want %d", len(pub), Projects)
	}
	entries := map[string]*models.Project{}
	onList := map[string]bool{}
	for i := range pub {
		p := &pub[i]
		if !p.ListFrom.IsZero() || !p.ListUntil.IsZero() || !p.ImplementedFrom.IsZero() {
			t.Errorf("published %s has list months %v %v %v", p.Code, p.ListFrom, p.ListUntil, p.ImplementedFrom)
		}
		entries[p.Code], onList[p.Code] = p, true
	}
	adds := Additions2024()
	for i := range adds {
		entries[adds[i].Code] = &adds[i]
	}
	for _, c := range ListChanges2024() {
		p := entries[c.Code]
		set, f, bad := c.Apply(p, onList[c.Code])
		if bad != "" {
			t.Fatalf("%s %s: %s", c.Action.Label(), c.Code, bad)
		}
		models.CopyFields(&p.Facts, &f, set)
	}
	all := append(pub, adds...)
	byCode(all)
	if want := Portfolio2024WithChanges(); !reflect.DeepEqual(all, want) {
		t.Errorf("published list + changes differs from Portfolio2024WithChanges")
	}
	var yearEnd []models.Project
	for _, p := range all {
		if p.OnListAt(models.MonthOf(Year, 12)) {
			yearEnd = append(yearEnd, withoutListFacts(p))
		}
	}
	if !reflect.DeepEqual(yearEnd, Portfolio2024()) {
		t.Errorf("Portfolio2024 is not the year-end list without list facts")
	}
}

func TestEverythingIsDeterministic(t *testing.T) {
	if !reflect.DeepEqual(Portfolio2023(), Portfolio2023()) || !reflect.DeepEqual(Portfolio2024WithChanges(), Portfolio2024WithChanges()) ||
		!reflect.DeepEqual(ListChanges2024(), ListChanges2024()) || !reflect.DeepEqual(Portfolio2024Published(), Portfolio2024Published()) {
		t.Errorf("two calls differ")
	}
}

func codesOf(ps []models.Project) map[string]bool {
	out := map[string]bool{}
	for _, p := range ps {
		out[p.Code] = true
	}
	return out
}

func chinese(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}
