package demo

import (
	"math"
	"math/rand/v2"

	"tracker/models"
)

// monthly returns a project's cumulative reports for January to December
// of year: a curve from its actual start (January for continuing projects)
// to its exact year-end figure p.CompletedYTD, steeper the smaller pace is,
// floored to 100 yuan so the figures look like a ledger's 2-decimal 万元.
// About one project in twenty misses one month's report between March and
// November.
func monthly(rng *rand.Rand, p *models.Project, pace float64, year int) []models.Investment {
	start := 1
	if p.Nature == models.NatureNew {
		start = p.ActualStart.Num()
	}
	final := int64(p.CompletedYTD)
	var out []models.Investment
	for m := 1; m <= 12; m++ {
		v := int64(0)
		if m >= start {
			f := math.Pow(float64(m-start+1)/float64(13-start), pace)
			v = int64(float64(final)*f) / 100 * 100
		}
		if m == 12 {
			v = final
		}
		out = append(out, models.Investment{Period: models.MonthOf(year, m), CompletedYTD: models.Money(v)})
	}
	if rng.IntN(20) == 0 {
		skip := 2 + rng.IntN(9) // index of March..November
		out = append(out[:skip], out[skip+1:]...)
	}
	return out
}
