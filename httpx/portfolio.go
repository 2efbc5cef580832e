package httpx

import (
	"context"

	"tracker/models"
)

// GroupOrder is the order rates and reports list their groups in: the
// units as the store orders them, then the categories.
func (e *Env) GroupOrder(ctx context.Context) (districts, categories []string, err error) {
	units, err := e.Store.Units(ctx)
	if err != nil {
		return nil, nil, err
	}
	names := make([]string, len(units))
	for i, u := range units {
		names[i] = u.Name
	}
	categories, err = e.Store.Categories(ctx)
	return names, categories, err
}

// PortfolioAt reads month m's list as of m and computes its rates.
func (e *Env) PortfolioAt(ctx context.Context, m models.Month) ([]models.Project, models.Rates, error) {
	ps, err := e.Store.PortfolioAsOf(ctx, m)
	if err != nil {
		return nil, models.Rates{}, err
	}
	districts, categories, err := e.GroupOrder(ctx)
	if err != nil {
		return nil, models.Rates{}, err
	}
	return ps, models.ComputeRates(ps, m, e.Rates, districts, categories), nil
}
