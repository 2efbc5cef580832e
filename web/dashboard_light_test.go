package web_test

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"tracker/models"
	"tracker/server/servertest"
)

var (
	headlineLightRE = regexp.MustCompile(`<p class="big ([a-z-]*)" id="investment-rate" data-light="([^"]*)">`)
	unitBarRE       = regexp.MustCompile(`<rect class="bar ?([a-z-]*)"[^>]*><title>([^：<]+)：`)
)

// TestDashboardColoursFollowTheLightRule: for every month of the demo year
// the 总览's investment rate, and each unit's bar in the chart of 完成率,
// take the colour the projects' light rule (models.GapLight) gives the gap
// to 序时进度 as the API states it; a small shortfall is green, not red.
func TestDashboardColoursFollowTheLightRule(t *testing.T) {
	ts := servertest.New(t)
	pc := signIn(ts, "reviewer")
	token := ts.Login("reviewer")
	cfg := models.DefaultRateConfig()
	tone := map[models.Light]string{models.LightGreen: "tone-green", models.LightYellow: "tone-yellow", models.LightRed: "tone-red"}
	shortGreen := 0
	for m := 1; m <= 12; m++ {
		var r models.Rates
		ts.Do("GET", fmt.Sprintf("/api/v1/rates?year=2024&month=%d", m), token, nil, http.StatusOK, &r)
		body := pc.page(fmt.Sprintf("/dashboard?year=2024&month=%d", m), http.StatusOK)
		want := models.GapLight(r.InvestmentGapPP, cfg)
		got := headlineLightRE.FindStringSubmatch(body)
		if got == nil || got[2] != string(want) || got[1] != tone[want] {
			t.Errorf("month %d: gap %+.1f points, the rate shows %v, want %s (%s)", m, r.InvestmentGapPP, got, want, tone[want])
		}
		if r.InvestmentGapPP < 0 && want == models.LightGreen {
			shortGreen++
		}
		wantContains(t, "dashboard", body, "颜色与项目投资预警灯同一规则", "不超过10个百分点为绿色")
		invest := body[strings.Index(body, "各单位年度投资完成率"):]
		invest = invest[:strings.Index(invest, "</svg>")]
		bars := map[string]string{}
		for _, b := range unitBarRE.FindAllStringSubmatch(invest, -1) {
			bars[b[2]] = b[1]
		}
		for _, g := range r.ByDistrict {
			if g.Projects == 0 {
				continue
			}
			if w := tone[models.GapLight(g.InvestmentGapPP, cfg)]; bars[g.District] != w {
				t.Errorf("month %d: %s at %+.1f points drawn %q, want %q", m, g.District, g.InvestmentGapPP, bars[g.District], w)
			}
		}
	}
	if shortGreen == 0 {
		t.Error("no month of the demo is a little behind 序时进度: the test shows nothing")
	}
	t.Logf("%d months behind 序时进度 but green", shortGreen)
}

var (
	laggingCountRE = regexp.MustCompile(`<strong id="lagging-count">(\d+)</strong>`)
	redCountRE     = regexp.MustCompile(`<strong>(\d+)</strong><span>红灯项目</span>`)
)

// TestDashboardCountsTheLightsOfTheListAtTheMonth: the 总览's 滞后项目 and
// 红灯项目, counted as the rates are read, equal the counts of the lights
// of the whole list as of the month (models.StatusOf of every project on
// it), for every month of the demo year.
func TestDashboardCountsTheLightsOfTheListAtTheMonth(t *testing.T) {
	ts := servertest.New(t)
	pc := signIn(ts, "reviewer")
	cfg := models.DefaultRateConfig()
	for month := 1; month <= 12; month++ {
		m := models.MonthOf(2024, month)
		ps, err := ts.Store.PortfolioAsOf(t.Context(), m)
		if err != nil {
			t.Fatal(err)
		}
		lagging, red := 0, 0
		for i := range ps {
			st := models.StatusOf(&ps[i], m, cfg)
			if st.Lagging() {
				lagging++
			}
			if st.InvestmentLight == models.LightRed || st.StartLight == models.LightRed {
				red++
			}
		}
		body := pc.page(fmt.Sprintf("/dashboard?year=2024&month=%d", month), http.StatusOK)
		l, r := laggingCountRE.FindStringSubmatch(body), redCountRE.FindStringSubmatch(body)
		if l == nil || r == nil || l[1] != fmt.Sprint(lagging) || r[1] != fmt.Sprint(red) {
			t.Errorf("month %d: 滞后 %v, 红灯 %v, want %d and %d", month, l, r, lagging, red)
		}
		if month == 6 && (lagging == 0 || red == 0) {
			t.Errorf("June has %d lagging and %d red projects: the test shows nothing", lagging, red)
		}
	}
}
