package reporting

import (
	"context"

	"tracker/models"
)

// RatesAt returns the list as of month m and its rates, the groups in the
// store's order.
func (s *Service) RatesAt(ctx context.Context, m models.Month) ([]models.Project, models.Rates, error) {
	ps, err := s.Store.PortfolioAsOf(ctx, m)
	if err != nil {
		return nil, models.Rates{}, err
	}
	districts, categories, err := s.order(ctx)
	if err != nil {
		return nil, models.Rates{}, err
	}
	return ps, models.ComputeRates(ps, m, s.Rates, districts, categories), nil
}

// Bases returns the rates month m is compared with: previous for 环比
// (models.PreviousPeriod: the previous quarter when quarterly, else the
// previous month) and lastYear for 同比 (the same month of the year
// before). Either is nil when there is no such period in the year or it
// has no figures (models.Figures.HasFigures).
func (s *Service) Bases(ctx context.Context, m models.Month, quarterly bool) (previous, lastYear *models.Rates, err error) {
	if p, ok := models.PreviousPeriod(m, quarterly); ok {
		if previous, err = s.ratesWithFigures(ctx, p); err != nil {
			return nil, nil, err
		}
	}
	lastYear, err = s.ratesWithFigures(ctx, models.SamePeriodLastYear(m))
	return previous, lastYear, err
}

// Compared returns the rates as of m with their 环比 and 同比 periods, as
// GET /api/v1/rates answers them.
func (s *Service) Compared(ctx context.Context, m models.Month, quarterly bool) (models.Compared, error) {
	_, r, err := s.RatesAt(ctx, m)
	if err != nil {
		return models.Compared{}, err
	}
	prev, last, err := s.Bases(ctx, m, quarterly)
	return models.Compared{Rates: r, Previous: prev, LastYear: last}, err
}

// ratesWithFigures returns the rates as of m, nil when m has no figures.
func (s *Service) ratesWithFigures(ctx context.Context, m models.Month) (*models.Rates, error) {
	_, r, err := s.RatesAt(ctx, m)
	if err != nil || !r.HasFigures() {
		return nil, err
	}
	return &r, nil
}
