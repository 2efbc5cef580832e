package web

import (
	"fmt"
	"html/template"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"tracker/httpx"
	"tracker/models"
)

// dashboardView is 总览: the two rates as of a month against 100% and
// 序时进度, the rates by unit as charts, counts of projects needing
// attention, the month's submissions and the latest imports.
type dashboardView struct {
	Month    models.Month
	Years    []int
	Months   []int
	Rates    models.Rates
	Headline string
	// Light is the colour of the investment rate: the projects' light rule
	// (models.GapLight) applied to the city's gap to 序时进度.
	Light       models.Light
	LightRule   string // the rule of Light in words
	InvestGauge template.HTML
	StartGauge  template.HTML
	InvestChart template.HTML
	StartChart  template.HTML
	// Comparisons are 环比 (against the previous month) and 同比 (the same
	// month of the year before), those there are; Units are the rows of
	// the unit table with their ranks and the change of their 完成率.
	Comparisons  []comparison
	Units        []unitRow
	Lagging      int
	Red          int
	Submissions  []models.Submission
	Approved     int // units whose own submission for the month was approved
	Waiting      int // units whose submission waits for review
	Late         int // units late (models.Submissions)
	Imports      []*models.Import
	Supervision  svSummary // 督办: the items not closed and the overdue
	CanImport    bool
	EmptyListing bool
}

func (s *Server) dashboardPage(c *gin.Context) {
	m, err := s.AsOfMonth(c)
	if err != nil {
		s.listFail(c, err, "总览", "dashboard")
		return
	}
	v, err := s.dashboard(c, m)
	if err != nil {
		s.FailPage(c, err)
		return
	}
	s.render(c, http.StatusOK, "dashboard", view{Title: "总览", Nav: "dashboard", Data: v})
}

func (s *Server) dashboard(c *gin.Context, m models.Month) (*dashboardView, error) {
	var listed, lagging, red int
	cmp, err := s.Reports.ComparedVisit(c, m, false, func(p *models.Project) {
		listed++
		st := models.StatusOf(p, m, s.Rates)
		lagging += b2i(st.Lagging())
		red += b2i(st.InvestmentLight == models.LightRed || st.StartLight == models.LightRed)
	})
	if err != nil {
		return nil, err
	}
	rates, prev, last := cmp.Rates, cmp.Previous, cmp.LastYear
	v := &dashboardView{Month: m, Rates: rates, Headline: headline(rates), Months: monthNumbers(), CanImport: httpx.CurrentUser(c).CanImport(), EmptyListing: listed == 0}
	v.Lagging, v.Red = lagging, red
	v.Comparisons, v.Units = comparisons(rates, prev, last), unitRows(rates, prev, last, s.Rates)
	v.Light, v.LightRule = rates.InvestmentLight(s.Rates), lightRule(s.Rates)
	v.InvestGauge = gauge(rates.InvestmentRate, rates.TimeProgress, "年度投资完成率", toneClass(v.Light))
	v.StartGauge = gauge(rates.StartRate, 1, "项目开工率", behind(rates.StartRate < 1))
	v.InvestChart, v.StartChart = unitCharts(rates, s.Rates)
	if v.Years, err = s.Store.Years(c); err != nil {
		return nil, err
	}
	if v.Submissions, err = s.Store.Submissions(c, m, s.Collection); err != nil {
		return nil, err
	}
	v.Approved, v.Waiting, v.Late = countSubmissions(v.Submissions)
	if v.Supervision, err = s.supervisionSummary(c, m); err != nil {
		return nil, err
	}
	v.Imports, err = s.visibleImports(c, models.ImportFilter{Limit: 200}, 8)
	return v, err
}

// comparison is one line of 环比 or 同比 on the rate cards: what it is
// against and the change of each rate in 个百分点 ("—" when a rate is
// undefined on either side).
type comparison struct {
	Label, Against    string
	Investment, Start string
}

// comparisons returns 环比 and 同比 of the two rates, those there are.
func comparisons(r models.Rates, prev, last *models.Rates) []comparison {
	var out []comparison
	if prev != nil {
		c := models.Compare(r.Figures, prev.Figures)
		out = append(out, comparison{"环比", "较" + models.CumulativeLabel(prev.Month), ppChange(c.InvestmentRatePP, c.HasInvestmentRate), ppChange(c.StartRatePP, c.HasStartRate)})
	}
	if last != nil {
		c := models.Compare(r.Figures, last.Figures)
		out = append(out, comparison{"同比", fmt.Sprintf("较%d年%s", last.Year, models.CumulativeLabel(last.Month)), ppChange(c.InvestmentRatePP, c.HasInvestmentRate), ppChange(c.StartRatePP, c.HasStartRate)})
	}
	return out
}

// unitRow is one unit of the dashboard's table: its figures and ranks,
// and its 完成率 环比 and 同比 ("" when the dashboard has no such column,
// "—" when the unit has no such figure).
type unitRow struct {
	models.GroupFigures
	SincePrevious, SinceLastYear string
	Light                        models.Light // of its 完成率 (Figures.InvestmentLight)
}

// unitRows returns the table's rows in the rates' unit order.
func unitRows(r models.Rates, prev, last *models.Rates, cfg models.RateConfig) []unitRow {
	rows := make([]unitRow, len(r.ByDistrict))
	for i, g := range r.ByDistrict {
		rows[i].GroupFigures, rows[i].Light = g, g.InvestmentLight(cfg)
		if prev != nil {
			rows[i].SincePrevious = rateChange(g.Figures, prev.District(g.District))
		}
		if last != nil {
			rows[i].SinceLastYear = rateChange(g.Figures, last.District(g.District))
		}
	}
	return rows
}

// rateChange is the change of 完成率 against base in 个百分点, "—" without
// one.
func rateChange(f models.Figures, base *models.Figures) string {
	c, ok := models.CompareWith(f, base)
	return ppChange(c.InvestmentRatePP, ok && c.HasInvestmentRate)
}

// ppChange formats a change in 个百分点 with its sign, "—" when !ok.
func ppChange(v float64, ok bool) string {
	if !ok {
		return "—"
	}
	return fmt.Sprintf("%+.1f", roundTo(v, 1))
}

// unitCharts draws 投资完成率 by unit against 序时进度 and 开工率 by unit
// against 100%.
func unitCharts(r models.Rates, cfg models.RateConfig) (template.HTML, template.HTML) {
	var invest, start []bar
	for _, g := range r.ByDistrict {
		if g.Projects == 0 {
			continue
		}
		invest = append(invest, bar{Label: g.District, Value: g.InvestmentRate, Text: percent(g.InvestmentRate), Class: toneClass(g.InvestmentLight(cfg))})
		b := bar{Label: g.District, Value: g.StartRate, Text: percent(g.StartRate), Class: behind(g.StartRate < 1)}
		if g.PlannedStarts == 0 {
			b = bar{Label: g.District, Text: "无计划开工"}
		}
		start = append(start, b)
	}
	return barChart("各单位年度投资完成率", invest, []marker{{r.TimeProgress, "序时进度 " + percent(r.TimeProgress)}, {1, "100%"}}),
		barChart("各单位项目开工率", start, []marker{{1, "100%"}})
}

// lightRule states the colour rule of the investment rates in words.
func lightRule(cfg models.RateConfig) string {
	y, r := strconv.FormatFloat(cfg.InvestmentYellowPP, 'f', -1, 64), strconv.FormatFloat(cfg.InvestmentRedPP, 'f', -1, 64)
	return "颜色与项目投资预警灯同一规则：完成率达到序时进度或低于序时进度不超过" + y + "个百分点为绿色，低于超过" + y + "个、不超过" + r + "个百分点为黄色，低于超过" + r + "个百分点为红色。"
}

func monthNumbers() []int { return []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12} }

// listFail shows a page that needs a year's list: while the database has
// none, an empty state that says what to do; otherwise the error.
func (s *Server) listFail(c *gin.Context, err error, title, nav string) {
	if years, yerr := s.Store.Years(c); yerr == nil && len(years) == 0 {
		s.render(c, http.StatusOK, "nolist", view{Title: title, Nav: nav, Data: httpx.CurrentUser(c).CanImport()})
		return
	}
	s.FailPage(c, err)
}
