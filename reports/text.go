package reports

import (
	"strconv"

	"tracker/models"
)

// The figures of a report as text, rounded once as the workbook shows them,
// for documents that print the same figures (the 通报, package
// reports/notice): one rounding rule whatever the file.

// YiText formats an amount in 亿元 with 2 decimals, rounded half away from
// zero, without thousands separators: "1181.00".
func YiText(m models.Money) string { return yiText(m) }

// WanText formats an amount in 万元 with 2 decimals, rounded half away
// from zero in integer yuan: "12684.50".
func WanText(m models.Money) string {
	c := roundDiv(int64(m), int64(models.Wan)/100) // 万元 in hundredths
	sign := ""
	if c < 0 {
		sign, c = "-", -c
	}
	frac := strconv.FormatInt(c%100, 10)
	if len(frac) < 2 {
		frac = "0" + frac
	}
	return sign + strconv.FormatInt(c/100, 10) + "." + frac
}

// PctText formats a rate (a fraction) as a percentage with 1 decimal and
// the sign: "104.1%".
func PctText(rate float64) string { return pctText(rate) + "%" }

// PPText formats a gap in 个百分点 with 1 decimal and its sign, as the
// workbook's "+0.0;-0.0;0.0" does: "+4.1", "-3.0", "0.0".
func PPText(gapPP float64) string {
	g := pp(gapPP)
	s := strconv.FormatFloat(g, 'f', 1, 64)
	if g > 0 {
		return "+" + s
	}
	return s
}

// PreviousLabel names the period 环比 compares with: "1-3月" (the
// previous quarter's months) or "1-5月"; "" when the report has none.
func (r *Report) PreviousLabel() string { return r.previousLabel() }
