package models

import (
	"strconv"
	"strings"
)

// GapText says how 年度投资完成率 stands against 序时进度 at month m, in the
// office's words, from the unrounded gap in 个百分点 rounded once to 0.1:
// "超序时进度3.9个百分点", "低于序时进度3.9个百分点", "与序时进度持平". In
// December 序时进度 is the annual plan itself, so the year-end phrasing
// is used: "超额完成年度计划4.1个百分点", "低于年度计划1.2个百分点",
// "完成年度计划".
func GapText(gapPP float64, m int) string {
	g := Round(gapPP, 10)
	target := "序时进度"
	if m == 12 {
		target = "年度计划"
	}
	switch {
	case g > 0 && m == 12:
		return "超额完成年度计划" + oneDecimal(g) + "个百分点"
	case g > 0:
		return "超序时进度" + oneDecimal(g) + "个百分点"
	case g < 0:
		return "低于" + target + oneDecimal(-g) + "个百分点"
	case m == 12:
		return "完成年度计划"
	}
	return "与序时进度持平"
}

func oneDecimal(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }

// StartsText is the start sentence of a headline, in the office's words:
// the started projects with their kinds under 其中 (按期开工: in or before
// the planned month; 延期开工: after it; 提前开工: before a planned month
// still to come), and the projects not started apart, after it, since they
// are not among the started ones. Kinds of 0 are left out.
// ratePct is the 开工率 as shown ("100.0").
func StartsText(f Figures, ratePct string) string {
	var b strings.Builder
	b.WriteString("计划开工项目" + strconv.Itoa(f.PlannedStarts) + "个，已开工" + strconv.Itoa(f.ActualStarts) + "个")
	var kinds []string
	for _, k := range []struct {
		name string
		n    int
	}{{"按期开工", f.OnTimeStarts}, {"延期开工", f.LateStarts}, {"提前开工", f.EarlyStarts}} {
		if k.n > 0 {
			kinds = append(kinds, k.name+strconv.Itoa(k.n)+"个")
		}
	}
	if len(kinds) > 0 {
		b.WriteString("（其中" + strings.Join(kinds, "、") + "）")
	}
	b.WriteString("，开工率" + ratePct + "%")
	switch {
	case f.OverdueStarts > 0:
		b.WriteString("；未按计划开工" + strconv.Itoa(f.OverdueStarts) + "个")
	case f.PlannedStarts > 0:
		b.WriteString("；计划开工项目均已开工")
	}
	return b.String() + "。"
}
