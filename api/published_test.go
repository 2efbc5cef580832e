package api_test

import (
	"fmt"
	"net/http"
	"testing"

	"tracker/models"
	"tracker/server"
	"tracker/server/servertest"
)

// TestBothPublishedYearsUnderEitherDenominator: the demo at year end gives
// the published 2023 and 2024 results through GET /api/v1/rates, with the
// start-rate denominator planned-by-M (the default) and full-year alike
// (DOMAIN.md: at year end both agree): 2023 536 projects, 5930亿元,
// 1310 of 1265亿元 = 103.6%, 248 of 245 = 101.2%; 2024 530, 6035亿元,
// 1181 of 1134.5亿元 = 104.1%, 296 of 296 = 100%.
func TestBothPublishedYearsUnderEitherDenominator(t *testing.T) {
	ts := servertest.New(t)
	for _, denominator := range []string{"to_date", "full_year"} {
		cfg := models.DefaultRateConfig()
		cfg.StartDenominator = denominator
		ts.With(server.Config{Rates: cfg}, servertest.DiscardLog())
		token := ts.Login("reviewer")
		for _, want := range []struct {
			year, projects, planned, started int
			total, plan, done                models.Money
			invShown, startShown             int64
		}{
			{2023, 536, 245, 248, 5930 * models.Yi, 1265 * models.Yi, 1310 * models.Yi, 1036, 1012},
			{2024, 530, 296, 296, 6035 * models.Yi, 113450 * models.Yi / 100, 1181 * models.Yi, 1041, 1000},
		} {
			var r models.Rates
			ts.Do("GET", fmt.Sprintf("/api/v1/rates?year=%d&quarter=4", want.year), token, nil, http.StatusOK, &r)
			got := fmt.Sprint(r.Projects, r.TotalInvestment, r.AnnualPlan, r.Completed, r.PlannedStarts, r.ActualStarts, models.RateShown(r.InvestmentRate), models.RateShown(r.StartRate))
			exp := fmt.Sprint(want.projects, want.total, want.plan, want.done, want.planned, want.started, want.invShown, want.startShown)
			if got != exp {
				t.Errorf("%s %d: projects, total, plan, completed, planned, started, ‰ rates = %s, want %s", denominator, want.year, got, exp)
			}
		}
	}
}
