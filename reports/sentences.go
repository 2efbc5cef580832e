package reports

import (
	"fmt"
	"strconv"

	"tracker/models"
)

// quarterName returns a quarter 1..4 as the office writes it: 一..四.
func quarterName(q int) string { return string([]rune("一二三四")[q-1]) }

// CumulativeLabel returns how the office names the months from January to
// the report month: "1-6月", or "1月" in January.
func (r *Report) CumulativeLabel() string { return monthsLabel(r.Month) }

// previousLabel names the period 环比 compares with: "1-3月" (the
// previous quarter's months) or "1-5月", in the report's year.
func (r *Report) previousLabel() string {
	if r.Previous == nil {
		return ""
	}
	return monthsLabel(r.Previous.Month)
}

// monthsLabel names the months from January to m: "1-6月", or "1月".
func monthsLabel(m int) string { return models.CumulativeLabel(m) }

// Period returns the report's period for titles: "2024年第二季度（1-6月）"
// for a quarterly report, "2024年1-5月" for a monthly one.
func (r *Report) Period() string {
	if r.Quarter >= 1 && r.Quarter <= 4 {
		return fmt.Sprintf("%d年第%s季度（%s）", r.Year, quarterName(r.Quarter), r.CumulativeLabel())
	}
	return fmt.Sprintf("%d年%s", r.Year, r.CumulativeLabel())
}

// headline returns the sentences of 总体情况: the portfolio, the investment
// sentence ("1-6月累计完成投资612.35亿元，占年度计划的53.9%，超序时进度3.9个百分点。"),
// the start sentence and the lagging and unreported counts. Amounts are 亿元
// with 2 decimals, rates 1 decimal, gaps 1 decimal (from the unrounded gap).
func headline(r *Report) []string {
	f := r.Rates.Figures
	return []string{
		fmt.Sprintf("截至%d年%d月底，全市共有重大项目%d个，总投资%s亿元，年度计划投资%s亿元。",
			r.Year, r.Month, f.Projects, yiText(f.TotalInvestment), yiText(f.AnnualPlan)),
		fmt.Sprintf("%s累计完成投资%s亿元，占年度计划的%s%%，%s。",
			r.CumulativeLabel(), yiText(f.Completed), pctText(f.InvestmentRate), models.GapText(f.InvestmentGapPP, r.Month)),
		models.StartsText(f, pctText(f.StartRate)),
		fmt.Sprintf("滞后项目%d个（投资完成率低于序时进度%s个百分点以上的%d个，未按计划开工的%d个，两者兼有的只计一次），%d月未报送数据的项目%d个。",
			r.Lagging.Total, numText(r.Config.InvestmentYellowPP), r.Lagging.Investment, r.Lagging.Start, r.Month, f.Unreported),
	}
}

// yiText formats m in 亿元 with 2 decimals, rounded half away from zero.
func yiText(m models.Money) string { return m.YiText() }

// pctText formats a rate as a percentage with 1 decimal (without the %).
func pctText(rate float64) string { return strconv.FormatFloat(pct(rate)*100, 'f', 1, 64) }

// numText formats a threshold without trailing zeros: 10, 7.5.
func numText(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
