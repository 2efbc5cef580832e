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
		rs, err := s.ratesOf(ctx, []models.Month{p}, nil)
		if err != nil {
			return nil, nil, err
		}
		previous = withFigures(rs[0])
	}
	lastYear, err = s.lastYear(ctx, m)
	return previous, lastYear, err
}

// Compared returns the rates as of m with their 环比 and 同比 periods, as
// GET /api/v1/rates answers them.
func (s *Service) Compared(ctx context.Context, m models.Month, quarterly bool) (models.Compared, error) {
	return s.ComparedVisit(ctx, m, quarterly, nil)
}

// ComparedVisit is Compared that also shows visit, when not nil, every
// project on the list at m (准备类 ones included) as of m, once, as the
// rates are read: the dashboard counts its lights in the same pass. The
// month and its 环比 period are read in one pass over the year's list
// (store.EachOnList), 同比 in one over the year before's; no project is
// held.
func (s *Service) ComparedVisit(ctx context.Context, m models.Month, quarterly bool, visit func(p *models.Project)) (models.Compared, error) {
	months := []models.Month{m}
	prev, hasPrev := models.PreviousPeriod(m, quarterly)
	if hasPrev {
		months = append(months, prev)
	}
	var see func(p *models.Project)
	if visit != nil {
		see = func(p *models.Project) {
			if p.OnListAt(m) {
				visit(p)
			}
		}
	}
	rs, err := s.ratesOf(ctx, months, see)
	if err != nil {
		return models.Compared{}, err
	}
	c := models.Compared{Rates: rs[0]}
	if hasPrev {
		c.Previous = withFigures(rs[1])
	}
	c.LastYear, err = s.lastYear(ctx, m)
	return c, err
}

// lastYear returns the rates 同比 compares m with, nil without figures.
func (s *Service) lastYear(ctx context.Context, m models.Month) (*models.Rates, error) {
	rs, err := s.ratesOf(ctx, []models.Month{models.SamePeriodLastYear(m)}, nil)
	if err != nil {
		return nil, err
	}
	return withFigures(rs[0]), nil
}

// ratesOf returns the rates as of each of months (all of one year), in
// that order, from one pass over the year's list; see, when not nil, is
// shown each project read (not to be kept).
func (s *Service) ratesOf(ctx context.Context, months []models.Month, see func(p *models.Project)) ([]models.Rates, error) {
	tallies := make([]*models.Tally, len(months))
	for i, m := range months {
		tallies[i] = models.NewTally(m, s.Rates)
	}
	err := s.Store.EachOnList(ctx, months[0].Year(), months, func(p *models.Project) {
		for _, t := range tallies {
			t.Add(p)
		}
		if see != nil {
			see(p)
		}
	})
	if err != nil {
		return nil, err
	}
	districts, categories, err := s.order(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]models.Rates, len(months))
	for i, t := range tallies {
		out[i] = t.Rates(districts, categories)
	}
	return out, nil
}

// withFigures returns &r, nil when r has no figures.
func withFigures(r models.Rates) *models.Rates {
	if !r.HasFigures() {
		return nil
	}
	return &r
}
