package store

import (
	"context"
	"time"

	"gorm.io/gorm"

	"tracker/models"
)

// SeedPortfolio inserts a year's list (projects, plan entries and monthly
// reports, as a demo or a migration from another system) in one
// transaction. Rows that already exist are left as they are, so seeding
// twice changes nothing. It returns how many projects were new.
func (s *Store) SeedPortfolio(ctx context.Context, ps []models.Project, source string) (int, error) {
	var created int
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		before, err := countRows(tx, "projects")
		if err != nil {
			return err
		}
		if err := seedRows(tx, ps, source, s); err != nil {
			return err
		}
		if err := seedLists(tx, ps, source, s.now()); err != nil {
			return err
		}
		after, err := countRows(tx, "projects")
		created = int(after - before)
		return err
	})
	return created, err
}

func countRows(tx *gorm.DB, table string) (int64, error) {
	var n int64
	err := tx.Table(table).Count(&n).Error
	return n, err
}

// seedRows writes the projects, their year's entries and figures with the
// registry's columns, skipping rows that exist.
func seedRows(tx *gorm.DB, ps []models.Project, source string, s *Store) error {
	const skip = "ON CONFLICT DO NOTHING"
	pdefs, ydefs := defsOf(models.ScopeProject), defsOf(models.ScopeYear)
	now := s.now()
	cols := append(append([]string{"code"}, columnNames(pdefs)...), "updated_at")
	err := insertRows(tx, "projects", cols, len(ps), func(i int, a []any) []any {
		return append(columnValues(append(a, ps[i].Code), &ps[i].Facts, pdefs), now)
	}, skip)
	if err != nil {
		return err
	}
	err = insertRows(tx, "plan_entries", append([]string{"year", "code"}, columnNames(ydefs)...), len(ps), func(i int, a []any) []any {
		return columnValues(append(a, ps[i].Year, ps[i].Code), &ps[i].Facts, ydefs)
	}, skip)
	if err != nil {
		return err
	}
	type fig struct {
		code string
		inv  models.Investment
	}
	var figs []fig
	for _, p := range ps {
		for _, inv := range p.Investments {
			figs = append(figs, fig{p.Code, inv})
		}
	}
	// Seeded figures come from no import: their provenance is the source.
	return insertRows(tx, "investments", []string{"code", "period", "year", "completed_ytd", "source", "import_id"}, len(figs), func(i int, a []any) []any {
		f := figs[i]
		return append(a, f.code, int(f.inv.Period), f.inv.Period.Year(), int64(f.inv.CompletedYTD), source, nil)
	}, skip)
}

// seedLists records the seeded years' lists as established.
func seedLists(tx *gorm.DB, ps []models.Project, source string, now time.Time) error {
	years := map[int]bool{}
	for _, p := range ps {
		if !years[p.Year] {
			years[p.Year] = true
			err := tx.Exec(`INSERT INTO lists (year, source, created_at) VALUES (?, ?, ?) ON CONFLICT (year) DO NOTHING`, p.Year, source, now).Error
			if err != nil {
				return err
			}
		}
	}
	return nil
}
