package reports

import (
	"sort"

	"tracker/models"
)

// Build computes every value of the report for in: the figures are
// models.ComputeRates for in.Month (so the workbook equals /api/v1/rates for
// the same month), each project's standing is models.StatusOf, and the lists
// are sorted by unit (in.Districts order, other units after in name order),
// then by project code and name. Build is pure: it reads in and nothing else,
// and leaves in.Projects unchanged.
func Build(in Input) *Report {
	m := in.Month
	r := &Report{
		Year: m.Year(), Month: m.Num(), Quarter: in.Quarter,
		Generated: in.Generated, Config: in.Config,
		Rates:    models.ComputeRates(in.Projects, m, in.Config, in.Districts, in.Categories),
		Previous: in.Previous, LastYear: in.LastYear,
	}
	r.Districts = groupRows(r.Rates.ByDistrict, func(g models.GroupFigures) string { return g.District },
		in.Previous.District, in.LastYear.District)
	r.Categories = groupRows(r.Rates.ByCategory, func(g models.GroupFigures) string { return g.Category },
		in.Previous.Category, in.LastYear.Category)
	r.DistrictTotal = r.total()
	r.CategoryTotal = r.DistrictTotal
	r.subsets(in)
	r.Details = projectRows(in)
	r.Corrections = in.Corrections
	r.Supervisions = supervisionsOf(in)
	r.classify()
	r.Headline = headline(r)
	return r
}

// groupRows turns models.GroupFigures (ranked by models.ComputeRates) into
// rows, keeping their order, each with its figures in the periods compared
// with (prev and last look a group up by name in them).
func groupRows(gs []models.GroupFigures, name func(models.GroupFigures) string, prev, last func(string) *models.Figures) []GroupRow {
	rows := make([]GroupRow, len(gs))
	for i, g := range gs {
		n := name(g)
		rows[i] = GroupRow{Name: n, GroupFigures: g, Previous: prev(n), LastYear: last(n)}
	}
	return rows
}

// total is the 合计 row: the overall figures, unranked.
func (r *Report) total() GroupRow {
	return GroupRow{Name: "合计", GroupFigures: models.GroupFigures{Figures: r.Rates.Figures},
		Previous: r.Previous.Overall(), LastYear: r.LastYear.Overall()}
}

// projectRows returns every project with its status, in report order.
func projectRows(in Input) []ProjectRow {
	rows := make([]ProjectRow, 0, len(in.Projects))
	for i := range in.Projects {
		p := &in.Projects[i]
		if !p.CountsAt(in.Month) {
			continue // off the list at M, or 准备类: in neither rate, so in no list of the report
		}
		rows = append(rows, ProjectRow{Project: p, Status: models.StatusOf(p, in.Month, in.Config)})
	}
	order := make(map[string]int, len(in.Districts))
	for i, d := range in.Districts {
		order[d] = i + 1
	}
	sort.SliceStable(rows, func(i, j int) bool { return lessProject(order, rows[i].Project, rows[j].Project) })
	return rows
}

// lessProject orders projects by unit (see lessUnit), then code, then name.
func lessProject(order map[string]int, a, b *models.Project) bool {
	if less, differ := lessUnit(order, a.District, b.District); differ {
		return less
	}
	if a.Code != b.Code {
		return a.Code < b.Code
	}
	return a.Name < b.Name
}

// lessUnit orders units: those in order first, by their place in it, then
// the others by name; differ is false for the same unit.
func lessUnit(order map[string]int, a, b string) (less, differ bool) {
	oa, ob := order[a], order[b]
	switch {
	case oa != ob && (oa == 0 || ob == 0):
		return ob == 0, true
	case oa != ob:
		return oa < ob, true
	}
	return a < b, a != b
}

// classify fills the three lists and the lag counts from Details. The
// lists are counted first and made to size: for 53,000 projects, growing
// them by appending cost more than everything else Build does.
func (r *Report) classify() {
	var nOverdue, nEarly int
	for _, row := range r.Details {
		s := row.Status
		nOverdue += b2i(s.Start.Planned && !s.Start.Started)
		nEarly += b2i(s.Start.Started && !s.Start.Planned)
		r.Lagging.Total += b2i(s.Lagging())
		r.Lagging.Investment += b2i(s.InvestmentLight == models.LightYellow || s.InvestmentLight == models.LightRed)
		r.Lagging.Start += b2i(s.StartLight == models.LightYellow || s.StartLight == models.LightRed)
	}
	r.Overdue = make([]ProjectRow, 0, nOverdue)
	r.Early = make([]ProjectRow, 0, nEarly)
	r.LaggingRows = make([]ProjectRow, 0, r.Lagging.Total)
	for _, row := range r.Details {
		s := row.Status
		if s.Start.Planned && !s.Start.Started {
			r.Overdue = append(r.Overdue, row)
		}
		if s.Start.Started && !s.Start.Planned {
			r.Early = append(r.Early, row)
		}
		if s.Lagging() {
			r.LaggingRows = append(r.LaggingRows, row)
		}
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// EarlyMonths returns how many months before its planned start an early
// start began: planned month (a missing plan counts from December, as
// models does) minus the actual start month.
func EarlyMonths(p *models.Project) int {
	planned := p.PlannedStart
	if planned.IsZero() || planned.Year() < p.Year {
		planned = models.MonthOf(p.Year, p.PlannedStartMonth())
	}
	return planned.MonthsSince(p.ActualStart)
}
