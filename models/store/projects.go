package store

import (
	"context"
	"strings"

	"tracker/models"
)

// ProjectFilter selects projects of one year's list.
type ProjectFilter struct {
	Year     int
	Month    models.Month // the list and figures as of this month; zero: the whole year
	District string
	Nature   models.Nature
	Category string
	Query    string // search words (models.SearchWords), each in the code, name, unit or 责任单位 (models.MatchesWords)
	Page     int    // from 1
	PerPage  int
}

// projectColumns are the columns a project query reads: the code, the
// project's own fields and its year's entry, as the registry names them.
var projectColumns = "p.code, " + columnList("p.", defsOf(models.ScopeProject)) + ", " + columnList("e.", defsOf(models.ScopeYear))

// onListAt is the condition of an entry on its list at month ?: added by
// then (or from the start) and not withdrawn by then (models.Project.OnListAt).
const onListAt = `(e.list_from = 0 OR e.list_from <= ?) AND (e.list_until = 0 OR e.list_until > ?)`

// inYear is the condition of an entry on its list in some month of the
// year: not dropped from January (a list import withdraws a project it
// drops from the year's first month).
const inYear = `(e.list_until = 0 OR e.list_until > e.year * 100 + 1)`

// Portfolio returns every project on a year's list in some month of it,
// with that year's investment reports, in code order.
func (s *Store) Portfolio(ctx context.Context, year int) ([]models.Project, error) {
	return s.queryProjects(ctx, year, `e.year = ? AND `+inYear, []any{year}, "p.code", 0, 0)
}

// PortfolioAsOf returns the year's list as it stood at month m: the
// projects on it then (准备类 ones included; models.ComputeRates counts
// only those that count), each as of m (models.Project.AsOf: an actual
// start after m is none) with one investment report, the latest reported
// in the year for a month ≤ m (none when there is none). That is all the
// rates and the report need, and it reads one row per project instead of
// twelve. The month's text fields are left empty (AttachMonthNotes).
func (s *Store) PortfolioAsOf(ctx context.Context, m models.Month) ([]models.Project, error) {
	ps, err := s.queryProjectsOnly(ctx, m.Year(), `e.year = ? AND `+onListAt, []any{m.Year(), int(m), int(m)}, "p.code", 0, 0)
	if err != nil {
		return nil, err
	}
	q := `SELECT i.code, i.period, i.completed_ytd FROM investments i JOIN (
		SELECT code, MAX(period) AS period FROM investments
		WHERE year = ? AND period <= ? AND completed_ytd IS NOT NULL GROUP BY code
	) l ON l.code = i.code AND l.period = i.period`
	if err := s.attachRows(ctx, ps, q, []any{m.Year(), int(m)}); err != nil {
		return nil, err
	}
	for i := range ps {
		ps[i] = ps[i].AsOf(m)
	}
	return ps, nil
}

// Projects returns one page of a year's list matching f, and the number of
// matches.
func (s *Store) Projects(ctx context.Context, f ProjectFilter) (int64, []models.Project, error) {
	where, args := f.where()
	var total int64
	err := s.db.WithContext(ctx).Raw(`SELECT count(*) FROM plan_entries e JOIN projects p ON p.code = e.code WHERE `+where, args...).
		Scan(&total).Error
	if err != nil {
		return 0, nil, err
	}
	items, err := s.queryProjects(ctx, f.Year, where, args, "p.district, p.code", f.PerPage, (f.Page-1)*f.PerPage)
	if err != nil || f.Month == 0 {
		return total, items, err
	}
	return total, items, s.asOf(ctx, items, f.Month)
}

// asOf makes projects read as of month m: figures and starts (AsOf) and
// the month's text fields.
func (s *Store) asOf(ctx context.Context, ps []models.Project, m models.Month) error {
	for i := range ps {
		ps[i] = ps[i].AsOf(m)
	}
	return s.AttachMonthNotes(ctx, ps, m)
}

// AllProjects returns every project of a year's list matching f (its page
// fields ignored), for exports.
func (s *Store) AllProjects(ctx context.Context, f ProjectFilter) ([]models.Project, error) {
	where, args := f.where()
	ps, err := s.queryProjects(ctx, f.Year, where, args, "p.district, p.code", 0, 0)
	if err != nil || f.Month == 0 {
		return ps, err
	}
	return ps, s.asOf(ctx, ps, f.Month)
}

func (f ProjectFilter) where() (string, []any) {
	conds, args := []string{"e.year = ?", inYear}, []any{f.Year}
	if f.Month != 0 {
		conds, args = append(conds, onListAt), append(args, int(f.Month), int(f.Month))
	}
	if f.District != "" {
		conds, args = append(conds, "p.district = ?"), append(args, f.District)
	}
	if f.Nature != "" {
		conds, args = append(conds, "e.nature = ?"), append(args, string(f.Nature))
	}
	if f.Category != "" {
		conds, args = append(conds, "p.category = ?"), append(args, f.Category)
	}
	for _, w := range models.SearchWords(f.Query) {
		like := "%" + escapeLike(strings.ToLower(w)) + "%"
		cond := `(LOWER(p.name) LIKE ? ESCAPE '\' OR LOWER(p.district) LIKE ? ESCAPE '\' OR LOWER(p.unit) LIKE ? ESCAPE '\'`
		args = append(args, like, like, like)
		if code := models.NormalizeCode(w); code != "" {
			cond += ` OR LOWER(p.code) LIKE ? ESCAPE '\'`
			args = append(args, "%"+escapeLike(strings.ToLower(code))+"%")
		}
		conds = append(conds, cond+")")
	}
	return strings.Join(conds, " AND "), args
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// Project returns one project as it stands in a year's list.
func (s *Store) Project(ctx context.Context, code string, year int) (models.Project, error) {
	ps, err := s.queryProjects(ctx, year, `e.year = ? AND p.code = ?`, []any{year, code}, "p.code", 1, 0)
	if err != nil {
		return models.Project{}, err
	}
	if len(ps) == 0 {
		return models.Project{}, models.Errorf(models.ENOTFOUND, "%d年项目清单中没有项目代码为“%s”的项目", year, code)
	}
	return ps[0], nil
}

// ProjectAsOf returns one project of m's year as it stood at the end of
// month m (models.Project.AsOf, with the month's notes as of m):
// ENOTFOUND when it was not on the year's list by then (a 增补 effective
// after m), as the list as of m (Projects with Month) leaves it out, with
// the message of an unknown code.
func (s *Store) ProjectAsOf(ctx context.Context, code string, m models.Month) (models.Project, error) {
	p, err := s.Project(ctx, code, m.Year())
	if models.ErrorCode(err) == models.ENOTFOUND || err == nil && !p.ListFrom.IsZero() && p.ListFrom > m {
		// one message for both: what was not on the list at m says nothing of later
		return models.Project{}, models.Errorf(models.ENOTFOUND, "截至%d年%d月，%d年项目清单中没有项目代码为“%s”的项目", m.Year(), m.Num(), m.Year(), code)
	}
	if err != nil {
		return p, err
	}
	ps := []models.Project{p.AsOf(m)}
	err = s.AttachMonthNotes(ctx, ps, m)
	return ps[0], err
}

// queryProjects loads projects and their year's investments with two plain
// queries, scanning rows by hand: the rates of a 53,000-project portfolio
// read 600,000 reports, and reflection per row would dominate.
func (s *Store) queryProjects(ctx context.Context, year int, where string, args []any, order string, limit, offset int) ([]models.Project, error) {
	ps, err := s.queryProjectsOnly(ctx, year, where, args, order, limit, offset)
	if err != nil || len(ps) == 0 {
		return ps, err
	}
	q, qargs := `SELECT code, period, completed_ytd FROM investments WHERE year = ? AND completed_ytd IS NOT NULL`, []any{year}
	if limit > 0 {
		codes := make([]string, len(ps))
		for i, p := range ps {
			codes[i] = p.Code
		}
		q, qargs = q+` AND code IN ?`, append(qargs, codes)
	}
	if err := s.attachRows(ctx, ps, q, qargs); err != nil {
		return nil, err
	}
	return ps, s.AttachMonthNotes(ctx, ps, models.MonthOf(year, 12))
}

// AttachMonthNotes sets the month fields other than the cumulative figure
// (形象进度, 存在问题, 计划竣工时间) of projects as of month m: for each
// field, the latest value reported in m's year for a month ≤ m.
func (s *Store) AttachMonthNotes(ctx context.Context, ps []models.Project, m models.Month) error {
	var defs []models.FieldDef
	var conds []string
	for _, d := range defsOf(models.ScopeMonth) {
		if d.Field != models.FieldCompletedYTD {
			defs, conds = append(defs, d), append(conds, d.Column+" IS NOT NULL")
		}
	}
	index := make(map[string]int, len(ps))
	for i, p := range ps {
		index[p.Code] = i
	}
	rows, err := s.db.WithContext(ctx).Raw(`SELECT code, `+columnList("", defs)+` FROM investments
		WHERE year = ? AND period <= ? AND (`+strings.Join(conds, " OR ")+`) ORDER BY period`, m.Year(), int(m)).Rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	n := newNullable(defs)
	for rows.Next() {
		var code string
		if err := rows.Scan(append([]any{&code}, n.dests()...)...); err != nil {
			return err
		}
		if i, ok := index[code]; ok {
			n.apply(&ps[i].Facts)
		}
	}
	return rows.Err()
}

func (s *Store) queryProjectsOnly(ctx context.Context, year int, where string, args []any, order string, limit, offset int) ([]models.Project, error) {
	out, err := s.sized(ctx, where, args, limit)
	if err != nil {
		return nil, err
	}
	q := `SELECT ` + projectColumns + ` FROM plan_entries e JOIN projects p ON p.code = e.code WHERE ` + where + ` ORDER BY ` + order
	if limit > 0 {
		q += " LIMIT ? OFFSET ?"
		args = append(args[:len(args):len(args)], limit, offset)
	}
	rows, err := s.db.WithContext(ctx).Raw(q, args...).Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	defs := append(defsOf(models.ScopeProject), defsOf(models.ScopeYear)...)
	shared := newInterner(defs)
	// One project is scanned into, row after row, and copied out: its scan
	// destinations are made once, not once a row.
	var p models.Project
	dests := append([]any{&p.Code}, scanInto(&p.Facts, defs)...)
	for rows.Next() {
		p = models.Project{Year: year, Investments: []models.Investment{}}
		if err := rows.Scan(dests...); err != nil {
			return nil, err
		}
		shared.intern(&p.Facts)
		out = append(out, p)
	}
	return out, rows.Err()
}

// sized returns an empty slice for the projects of a query without a
// limit, made to their number: grown by appending, the 53,000 projects of
// a report (14 MB) were allocated five times over.
func (s *Store) sized(ctx context.Context, where string, args []any, limit int) ([]models.Project, error) {
	if limit > 0 {
		return nil, nil
	}
	var n int64
	err := s.db.WithContext(ctx).Raw(`SELECT count(*) FROM plan_entries e JOIN projects p ON p.code = e.code WHERE `+where, args...).Scan(&n).Error
	return make([]models.Project, 0, n), err
}

// interner makes the projects read in one query share one copy of each
// value of the fields that repeat from project to project (units, 类别,
// 级别, 建设性质, 类型: ValueText, ValueUnit, ValueNature, ValueClass): the
// driver gives every row its own strings (for the 53,000 projects of a
// report, 2.8 of the portfolio's 33.5 MiB).
type interner struct {
	defs   []models.FieldDef
	values map[string]string
}

func newInterner(defs []models.FieldDef) *interner {
	in := &interner{values: map[string]string{}}
	for _, d := range defs {
		switch d.Kind {
		case models.ValueText, models.ValueUnit, models.ValueNature, models.ValueClass:
			in.defs = append(in.defs, d)
		}
	}
	return in
}

// intern replaces f's repeating values by their shared copies.
func (in *interner) intern(f *models.Facts) {
	for _, d := range in.defs {
		p, ok := d.Ptr(f).(*string)
		if !ok || *p == "" {
			continue
		}
		if v, ok := in.values[*p]; ok {
			*p = v
		} else {
			in.values[*p] = *p
		}
	}
}

// attachRows reads (code, period, completed_ytd) rows into the matching
// projects' Investments.
func (s *Store) attachRows(ctx context.Context, ps []models.Project, q string, args []any) error {
	index := make(map[string]int, len(ps))
	for i, p := range ps {
		index[p.Code] = i
	}
	rows, err := s.db.WithContext(ctx).Raw(q, args...).Rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var code string
		var period int
		var v int64
		if err := rows.Scan(&code, &period, &v); err != nil {
			return err
		}
		if i, ok := index[code]; ok {
			ps[i].Investments = append(ps[i].Investments, models.Investment{Period: models.Month(period), CompletedYTD: models.Money(v)})
		}
	}
	for i := range ps {
		ps[i].SortInvestments()
	}
	return rows.Err()
}

// Years returns the years that have a list, newest first.
func (s *Store) Years(ctx context.Context) ([]int, error) {
	var years []int
	err := s.db.WithContext(ctx).Raw(`SELECT DISTINCT year FROM plan_entries ORDER BY year DESC`).Scan(&years).Error
	return years, err
}

// LatestPeriod returns the latest month with any investment report in a
// year, or zero when there is none.
func (s *Store) LatestPeriod(ctx context.Context, year int) (models.Month, error) {
	var m int
	err := s.db.WithContext(ctx).Raw(`SELECT COALESCE(MAX(period), 0) FROM investments WHERE year = ? AND completed_ytd IS NOT NULL`, year).Scan(&m).Error
	return models.Month(m), err
}

// CountProjects returns how many projects the database holds.
func (s *Store) CountProjects(ctx context.Context) (int64, error) {
	var n int64
	err := s.db.WithContext(ctx).Table("projects").Count(&n).Error
	return n, err
}

// UnitLedger returns what a unit's pre-filled ledger for month m lists
// (importer.UnitLedger): the unit's projects on the year's list at m, in
// code order, each as it stood at the end of the month before (its
// figures, actual start and month notes as of then; in January, no
// figure of the year yet).
func (s *Store) UnitLedger(ctx context.Context, unit string, m models.Month) ([]models.Project, error) {
	ps, err := s.queryProjects(ctx, m.Year(), `e.year = ? AND p.district = ? AND `+onListAt, []any{m.Year(), unit, int(m), int(m)}, "p.code", 0, 0)
	if err != nil {
		return nil, err
	}
	prev := models.MonthOf(m.Year(), m.Num()-1)
	if m.Num() == 1 {
		prev = models.MonthOf(m.Year()-1, 12)
	}
	for i := range ps {
		ps[i] = ps[i].AsOf(prev)
	}
	return ps, s.AttachMonthNotes(ctx, ps, prev)
}
