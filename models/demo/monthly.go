package demo

import (
	"math"
	"math/rand/v2"

	"tracker/models"
)

// monthly returns a project's cumulative reports for January to December:
// a curve from its actual start (January for continuing projects) to its
// exact year-end figure, steeper for fast units, floored to 100 yuan so the
// figures look like a ledger's 2-decimal 万元. About one project in twenty
// misses one month's report between March and November.
func monthly(rng *rand.Rand, d *draft) []models.Investment {
	start := 1
	if d.Nature == models.NatureNew {
		start = d.ActualStart.Num()
	}
	final := int64(d.CompletedYTD)
	var out []models.Investment
	for m := 1; m <= 12; m++ {
		v := int64(0)
		if m >= start {
			f := math.Pow(float64(m-start+1)/float64(13-start), d.pace)
			v = int64(float64(final)*f) / 100 * 100
		}
		if m == 12 {
			v = final
		}
		out = append(out, models.Investment{Period: models.MonthOf(Year, m), CompletedYTD: models.Money(v)})
	}
	if rng.IntN(20) == 0 {
		skip := 2 + rng.IntN(9) // index of March..November
		out = append(out[:skip], out[skip+1:]...)
	}
	return out
}
