package models

import "math"

// roundNudge is added to a scaled value, away from zero, before it is
// rounded: a decimal half that the double holds just below (201/400 =
// 0.5025 is 0.50249999999999994, ×1000 = 502.49999999999994) still rounds
// up, as it does on paper and in the office's spreadsheets. It is far
// above a double's error at the scaled values shown (below 10^6) and far
// below their last shown digit.
const roundNudge = 1e-9

// Round rounds v half away from zero to 1/scale (scale 1000: a rate, a
// fraction, to 0.1%; 10: a gap in 个百分点 to 0.1), once, where the value
// is shown: the one rounding of every rate, gap and growth the workbooks,
// the 通报, the pages and the ranks show. Never −0 (which Excel would print
// as "-0.0").
func Round(v, scale float64) float64 {
	r := math.Round(v*scale+math.Copysign(roundNudge, v)) / scale
	if r == 0 {
		return 0
	}
	return r
}
