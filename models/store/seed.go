package store

import (
	"context"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"tracker/models"
)

// SeedPortfolio inserts a year's list (projects, plan entries and monthly
// reports, as a demo or a migration from another system) in one
// transaction. Rows that already exist are left as they are, so seeding
// twice changes nothing. It returns how many projects were new.
func (s *Store) SeedPortfolio(ctx context.Context, ps []models.Project, source string) (int, error) {
	var created int
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		projects, plans, invs := seedRows(ps, source, s.now())
		res := tx.Clauses(clause.OnConflict{DoNothing: true}).CreateInBatches(projects, 500)
		if res.Error != nil {
			return res.Error
		}
		created = int(res.RowsAffected)
		if err := tx.Clauses(clause.OnConflict{DoNothing: true}).CreateInBatches(plans, 500).Error; err != nil {
			return err
		}
		return tx.Clauses(clause.OnConflict{DoNothing: true}).CreateInBatches(invs, 500).Error
	})
	return created, err
}

func seedRows(ps []models.Project, source string, now time.Time) ([]projectRow, []planRow, []investmentRow) {
	projects := make([]projectRow, 0, len(ps))
	plans := make([]planRow, 0, len(ps))
	var invs []investmentRow
	for _, p := range ps {
		projects = append(projects, projectRow{Code: p.Code, Name: p.Name, District: p.District, Unit: p.Unit,
			Category: p.Category, Level: p.Level, TotalInvestment: int64(p.TotalInvestment), ActualStart: int(p.ActualStart), UpdatedAt: now})
		plans = append(plans, planRow{Year: p.Year, Code: p.Code, Nature: string(p.Nature),
			AnnualPlan: int64(p.AnnualPlan), PlannedStart: int(p.PlannedStart)})
		for _, inv := range p.Investments {
			invs = append(invs, investmentRow{Code: p.Code, Period: int(inv.Period), Year: inv.Period.Year(),
				CompletedYTD: int64(inv.CompletedYTD), Source: source})
		}
	}
	return projects, plans, invs
}
