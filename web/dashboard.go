package web

import (
	"html/template"
	"net/http"

	"github.com/gin-gonic/gin"

	"tracker/httpx"
	"tracker/models"
	"tracker/models/store"
)

// dashboardView is 总览: the two rates as of a month against 100% and
// 序时进度, the rates by unit as charts, counts of projects needing
// attention, the month's submissions and the latest imports.
type dashboardView struct {
	Month        models.Month
	Years        []int
	Months       []int
	Rates        models.Rates
	Headline     string
	InvestGauge  template.HTML
	StartGauge   template.HTML
	InvestChart  template.HTML
	StartChart   template.HTML
	Lagging      int
	Red          int
	Submissions  []store.Submission
	Submitted    int
	Imports      []*models.Import
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
	ps, rates, err := s.PortfolioAt(c, m)
	if err != nil {
		return nil, err
	}
	v := &dashboardView{Month: m, Rates: rates, Headline: headline(rates), Months: monthNumbers(), CanImport: httpx.CurrentUser(c).CanImport(), EmptyListing: len(ps) == 0}
	for i := range ps {
		st := models.StatusOf(&ps[i], m, s.Rates)
		if st.Lagging() {
			v.Lagging++
		}
		if st.InvestmentLight == models.LightRed || st.StartLight == models.LightRed {
			v.Red++
		}
	}
	v.InvestGauge = gauge(rates.InvestmentRate, rates.TimeProgress, "年度投资完成率")
	v.StartGauge = gauge(rates.StartRate, 1, "项目开工率")
	v.InvestChart, v.StartChart = unitCharts(rates)
	if v.Years, err = s.Store.Years(c); err != nil {
		return nil, err
	}
	if v.Submissions, err = s.Store.Submissions(c, m); err != nil {
		return nil, err
	}
	for _, sub := range v.Submissions {
		if sub.Submitted {
			v.Submitted++
		}
	}
	v.Imports, err = s.visibleImports(c, models.ImportFilter{Limit: 200}, 8)
	return v, err
}

// unitCharts draws 投资完成率 by unit against 序时进度 and 开工率 by unit
// against 100%.
func unitCharts(r models.Rates) (template.HTML, template.HTML) {
	var invest, start []bar
	for _, g := range r.ByDistrict {
		if g.Projects == 0 {
			continue
		}
		invest = append(invest, bar{Label: g.District, Value: g.InvestmentRate, Text: percent(g.InvestmentRate), Behind: g.InvestmentRate < r.TimeProgress})
		b := bar{Label: g.District, Value: g.StartRate, Text: percent(g.StartRate), Behind: g.StartRate < 1}
		if g.PlannedStarts == 0 {
			b = bar{Label: g.District, Text: "无计划开工"}
		}
		start = append(start, b)
	}
	return barChart("各单位年度投资完成率", invest, []marker{{r.TimeProgress, "序时进度 " + percent(r.TimeProgress)}, {1, "100%"}}),
		barChart("各单位项目开工率", start, []marker{{1, "100%"}})
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
