package demo

import (
	"testing"

	"tracker/models"
)

func TestTwoThirdsOf2024sContinuingProjectsContinue2023Ones(t *testing.T) {
	y23 := map[string]models.Project{}
	names23 := map[string]string{}
	for _, p := range Portfolio2023() {
		y23[p.Code], names23[p.Name] = p, p.Code
	}
	continuing, carried, was := map[string]int{}, map[string]int{}, map[models.Nature]int{}
	for _, p := range Portfolio2024WithChanges() {
		if code, ok := names23[p.Name]; ok && code != p.Code {
			t.Errorf("%s: 2023 had another project of the name %s (%s)", p.Code, p.Name, code)
		}
		q, ok := y23[p.Code]
		if p.Nature == models.NatureContinuing && p.OnListAt(models.MonthOf(Year, 12)) {
			continuing[p.District]++
		}
		if !ok {
			continue
		}
		carried[p.District]++
		was[q.Nature]++
		if p.Nature != models.NatureContinuing || !p.OnListAt(models.MonthOf(Year, 12)) || !p.ListFrom.IsZero() {
			t.Errorf("%s is on the 2023 list but not a 2024 续建 project on the list all year", p.Code)
		}
		if p.Name != q.Name || p.District != q.District || p.Unit != q.Unit || p.Category != q.Category ||
			p.Level != q.Level || p.TotalInvestment != q.TotalInvestment || p.ActualStart != q.ActualStart {
			t.Errorf("%s: 2023 identity %+v differs from 2024 %+v", p.Code, q.Facts, p.Facts)
		}
		if q.CompletedYTD+p.CompletedYTD > p.TotalInvestment || q.CompletedYTD <= 0 {
			t.Errorf("%s: completed %s (2023) + %s (2024) 万元 against a total of %s", p.Code,
				q.CompletedYTD.WanString(), p.CompletedYTD.WanString(), p.TotalInvestment.WanString())
		}
		started2023 := q.ActualStart.Year() == Year2023
		if q.Nature == models.NatureNew != started2023 || q.ActualStart.IsZero() || q.ActualStart.Year() > Year2023 {
			t.Errorf("%s: 2023 %s started %v", p.Code, q.Nature, q.ActualStart)
		}
	}
	n, c := 0, 0
	for _, u := range unitCounts {
		n, c = n+continuing[u.name], c+carried[u.name]
		if d := 3*carried[u.name] - 2*continuing[u.name]; d < -3 || d > 3 {
			t.Errorf("%s: %d of its %d 续建 projects were on the 2023 list, not about two thirds", u.name, carried[u.name], continuing[u.name])
		}
	}
	if n != Projects-NewStarts || c != Carried || 3*c != 2*n {
		t.Errorf("%d of 2024's %d 续建 projects are 2023 projects, want %d (two thirds of %d)", c, n, Carried, Projects-NewStarts)
	}
	if was[models.NatureNew] != CarriedNew2023+CarriedEarly2023 || was[models.NatureContinuing] != Carried-CarriedNew2023-CarriedEarly2023 {
		t.Errorf("carried projects were %v in 2023", was)
	}
}

func TestContinuingProjectsHaveCodesRegisteredBeforeTheyStarted(t *testing.T) {
	y23 := map[string]bool{}
	for _, p := range Portfolio2023() {
		y23[p.Code] = true
		if reg := registered(p.Code); reg >= p.ActualStart {
			t.Errorf("2023 %s: registered %v, started %v", p.Code, reg, p.ActualStart)
		}
	}
	for _, p := range Portfolio2024() {
		if reg := registered(p.Code); y23[p.Code] && reg >= p.ActualStart {
			t.Errorf("2024 %s: registered %v, started %v", p.Code, reg, p.ActualStart)
		}
	}
}

// registered is the month a code was registered: YYMM, or January of an
// old code's four-digit year (2017 to 2020: no YYMM has a month above 12).
func registered(code string) models.Month {
	yy, mm := int(code[0]-'0')*10+int(code[1]-'0'), int(code[2]-'0')*10+int(code[3]-'0')
	if mm > 12 {
		return models.MonthOf(yy*100+mm, 1)
	}
	return models.MonthOf(2000+yy, mm)
}
