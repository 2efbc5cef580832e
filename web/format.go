package web

import (
	"fmt"
	"html/template"
	"math"
	"strings"
	"time"

	"tracker/models"
)

// chinaTime is the office's clock for showing times (models.OfficeZone,
// as the workbooks show them too); the database keeps UTC.
var chinaTime = models.OfficeZone

// pageFuncs format figures the way the office writes them: rates in percent
// with one decimal, gaps in 个百分点 with a sign, summaries in 亿元 with two
// decimals and details in 万元 with thousands separators.
var pageFuncs = template.FuncMap{
	"pct":          percent,
	"pp":           func(v float64) string { return fmt.Sprintf("%+.1f", roundTo(v, 1)) },
	"yi":           models.Money.YiText,
	"wan":          wanText,
	"month":        monthText,
	"ytd":          func(m models.Month) string { return models.CumulativeLabel(m.Num()) },
	"cumulative":   models.CumulativeLabel, // of a month number: 1月, 1-2月 …
	"when":         timeText,
	"day":          dayText,
	"role":         func(r string) string { return roleNames[r] },
	"status":       models.ImportStatus.Label,
	"field":        models.FieldHeading,
	"severity":     models.SeverityLabel,
	"amount":       amountText,
	"value":        func(field string, p *string) string { return orText(valueText(field, p), "（空）") },
	"lightCls":     lightClass,
	"toneCls":      toneClass,
	"list":         func(xs ...string) []string { return xs },
	"ints":         func(xs ...int) []int { return xs },
	"mul":          func(a, b int) int { return a * b },
	"timeProgress": func(m models.Month) float64 { return models.TimeProgress(m.Num()) },
	"minPassword":  func() int { return models.MinPasswordLength },
	"trimPrefix":   func(s, prefix string) string { return strings.TrimPrefix(s, prefix) },
	"mayView":      mayViewImport,
}

// mayViewImport reports whether u may open an import that user sent and
// that changed a project of unit (the policy's models.MayViewImport): the
// pages link to an import only for those who may open it, so a district
// uploader never follows a link to 找不到页面.
func mayViewImport(u models.User, user, unit string) bool {
	return models.MayViewImport(u, &models.Import{User: user, Districts: []string{unit}})
}

// headline is the office's sentence for the investment rate, e.g.
// "1-6月累计完成投资612.35亿元，占年度计划的53.9%，超序时进度3.9个百分点".
func headline(r models.Rates) string {
	return fmt.Sprintf("%s累计完成投资%s亿元，占年度计划的%s，%s", models.CumulativeLabel(r.Month), r.Completed.YiText(),
		percent(r.InvestmentRate), models.GapText(r.InvestmentGapPP, r.Month))
}

func percent(v float64) string { return fmt.Sprintf("%.1f%%", roundTo(v*100, 1)) }

// roundTo rounds half away from zero at the given decimals, so 104.05
// shows as 104.1 the way the office's spreadsheets round: models.Round,
// the rounding of the workbooks.
func roundTo(v float64, places int) float64 {
	return models.Round(v, math.Pow(10, float64(places)))
}

// wan shows an amount in 万元 with thousands separators and two decimals,
// rounded as models.Money.WanText rounds.
func wanText(m models.Money) string {
	s := m.WanText()
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	out := b.String() + "." + frac
	if neg {
		out = "-" + out
	}
	return out
}

func monthText(m models.Month) string {
	if m.IsZero() {
		return "—"
	}
	return fmt.Sprintf("%d年%d月", m.Year(), m.Num())
}

// dayText writes a date of the form 2006-01-02 the office's way,
// 2025年1月5日; anything else as it is.
func dayText(s string) string {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return s
	}
	return fmt.Sprintf("%d年%d月%d日", d.Year(), d.Month(), d.Day())
}

func timeText(t any) string {
	switch v := t.(type) {
	case time.Time:
		return v.In(chinaTime).Format("2006-01-02 15:04")
	case *time.Time:
		if v != nil {
			return v.In(chinaTime).Format("2006-01-02 15:04")
		}
	}
	return "—"
}

func lightClass(l models.Light) string {
	return map[models.Light]string{models.LightGreen: "light-green", models.LightYellow: "light-yellow", models.LightRed: "light-red"}[l]
}

// toneClass colours a rate by its light: the text (or bar) in the light's
// colour, no background.
func toneClass(l models.Light) string {
	return map[models.Light]string{models.LightGreen: "tone-green", models.LightYellow: "tone-yellow", models.LightRed: "tone-red"}[l]
}

// behind is the class of a rate short of its target (the 开工率 against
// 100%, which has no light).
func behind(short bool) string {
	if short {
		return "behind"
	}
	return ""
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func orText(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
