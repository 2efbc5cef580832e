package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"tracker/models"
)

// EachOnList calls fn with every project on a year's list in some month of
// it, in no particular order, read narrow: only what the rates and the
// lights look at (district, category, nature, class, the list months,
// total investment, annual plan, planned and actual start), no code, name
// or text. Its Investments hold, for each of months (all in year), the
// latest cumulative figure of the year reported for a month ≤ it, in
// period order and without repeats: exactly the reports CompletedAsOf,
// models.Tally and models.StatusOf read for those months, so one pass
// feeds the rates of several months. The actual start is as stored (the
// rules read it as of their month); CompletedYTD is the latest of those
// figures. fn must not keep p or its Investments: the next row reuses
// them.
//
// Each row comes as the district, the category and one text of the other
// values joined by '|': with the SQLite driver every column of every row
// costs a few cgo calls, and 53,000 projects read this way in a third of
// the time of thirteen columns.
func (s *Store) EachOnList(ctx context.Context, year int, months []models.Month, fn func(p *models.Project)) error {
	months = append([]models.Month(nil), months...)
	sort.Slice(months, func(i, j int) bool { return months[i] < months[j] })
	q, args := onListQuery(year, months)
	rows, err := s.db.WithContext(ctx).Raw(q, args...).Rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	var district, category, packed sql.RawBytes
	names := map[string]string{}
	var p models.Project
	invs := make([]models.Investment, 0, len(months))
	for rows.Next() {
		if err := rows.Scan(&district, &category, &packed); err != nil {
			return err
		}
		p = models.Project{Year: year, Investments: invs[:0]}
		p.District, p.Category = intern(names, district), intern(names, category)
		if err := unpack(&p, string(packed), len(months)); err != nil {
			return err
		}
		fn(&p)
	}
	return rows.Err()
}

// onListQuery is EachOnList's query: per month, a scalar subquery finds
// the latest report on investments' primary key (code, period). format()
// (SQLite 3.38 and PostgreSQL alike) joins the values in one step, where
// a chain of || would copy the text once per value.
func onListQuery(year int, months []models.Month) (string, []any) {
	format := strings.Repeat("|%s", 8+len(months))
	cols := []string{"e.nature", "e.class", "p.total_investment", "e.annual_plan", "e.planned_start", "p.actual_start", "e.list_from", "e.list_until", "e.implemented_from"}
	var args []any
	for _, m := range months {
		cols = append(cols, `COALESCE((SELECT format('%s|%s', i.period, i.completed_ytd) FROM investments i
			WHERE i.code = e.code AND i.period BETWEEN ? AND ? AND i.completed_ytd IS NOT NULL ORDER BY i.period DESC LIMIT 1), '|')`)
		args = append(args, int(models.MonthOf(year, 1)), int(m))
	}
	q := `SELECT p.district, p.category, format('%s` + format + `', ` + strings.Join(cols, ", ") + `)
		FROM plan_entries e JOIN projects p ON p.code = e.code WHERE e.year = ? AND ` + inYear
	return q, append(args, year)
}

// intern returns b as a string, one string per distinct value: the
// districts and categories of 53,000 projects are a few dozen.
func intern(names map[string]string, b []byte) string {
	if s, ok := names[string(b)]; ok {
		return s
	}
	s := string(b)
	names[s] = s
	return s
}

// unpack sets p from a row's packed text: nature, class, total
// investment, annual plan, planned start, actual start, list from, list
// until, implemented from, then a period and a figure for each of n
// months (both empty when none).
func unpack(p *models.Project, packed string, n int) error {
	f := fields{rest: packed}
	p.Nature, p.Class = models.Nature(f.next()), models.Class(f.next())
	p.TotalInvestment, p.AnnualPlan = models.Money(f.int()), models.Money(f.int())
	for _, dst := range []*models.Month{&p.PlannedStart, &p.ActualStart, &p.ListFrom, &p.ListUntil, &p.ImplementedFrom} {
		*dst = models.Month(f.int())
	}
	for k := 0; k < n; k++ {
		period, v := f.next(), f.next()
		if period != "" {
			f.figure(p, period, v)
		}
	}
	if f.bad || !f.done { // a value short or one too many
		return fmt.Errorf("项目清单行无法读取：%q", packed)
	}
	return nil
}

// fields reads the '|'-separated values of a packed row in order; done
// is set by the last value, bad by a value that is not a number or past
// the last.
type fields struct {
	rest      string
	done, bad bool
}

func (f *fields) next() string {
	if f.done {
		f.bad = true
		return ""
	}
	v, rest, ok := strings.Cut(f.rest, "|")
	f.rest, f.done = rest, !ok
	return v
}

func (f *fields) int() int64 {
	v, err := strconv.ParseInt(f.next(), 10, 64)
	f.bad = f.bad || err != nil
	return v
}

// figure appends a report (period, v) unless it is the one before.
func (f *fields) figure(p *models.Project, period, v string) {
	m, err1 := strconv.Atoi(period)
	x, err2 := strconv.ParseInt(v, 10, 64)
	f.bad = f.bad || err1 != nil || err2 != nil
	if n := len(p.Investments); n > 0 && p.Investments[n-1].Period == models.Month(m) {
		return
	}
	p.Investments = append(p.Investments, models.Investment{Period: models.Month(m), CompletedYTD: models.Money(x)})
	p.CompletedYTD = models.Money(x)
}
