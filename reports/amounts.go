package reports

import "tracker/models"

// yi returns m in 亿元 rounded half away from zero to 2 decimals (one
// 百万元), the precision summary sheets show. The rounding is done on the
// exact yuan in integers; only the result becomes a float, so the value
// written is the nearest double to a 2-decimal number and survives Excel's
// 15 significant digits unchanged.
func yi(m models.Money) float64 {
	return float64(roundDiv(int64(m), 1_000_000)) / 100
}

// wan returns m in 万元, exact to 4 decimals (one yuan): the yuan are exact
// integers below 2^53, so the quotient is the nearest double to the decimal.
func wan(m models.Money) float64 {
	return float64(m) / float64(models.Wan)
}

// roundDiv returns a/b rounded half away from zero (b > 0).
func roundDiv(a, b int64) int64 {
	if a < 0 {
		return -((-a + b/2) / b)
	}
	return (a + b/2) / b
}

// pct returns a rate (a fraction) rounded to 0.1% (3 decimals of the
// fraction), as every rate is shown (models.Round).
func pct(rate float64) float64 { return models.Round(rate, 1000) }

// pp returns a gap in 个百分点 rounded to 1 decimal (models.Round).
func pp(gap float64) float64 { return models.Round(gap, 10) }

// maxExactWan is the first yuan amount whose 万元 decimal can have more
// than 15 significant digits (10^11 万元): excelize cuts a float to 15
// digits, and Excel keeps no more.
const maxExactWan = models.Money(1_000_000_000_000_000)

// wanValue returns m as the value of a 万元 cell: a float64 whose shortest
// decimal is m's exact 4-decimal 万元 (every decimal of 15 significant
// digits survives the trip through a double), or, for amounts of 10^11
// 万元 and more, the exact decimal as text, which the importer reads back
// unchanged where a number would lose its last yuan.
func wanValue(m models.Money) any {
	if m >= maxExactWan || m <= -maxExactWan {
		return m.WanString()
	}
	return wan(m)
}
