package web_test

import (
	"fmt"
	"html"
	"math"
	"net/http"
	"regexp"
	"testing"

	"tracker/server/servertest"
)

type pageRates struct {
	InvestmentRate float64 `json:"investment_rate"`
	StartRate      float64 `json:"start_rate"`
	ByDistrict     []struct {
		District       string  `json:"district"`
		InvestmentRate float64 `json:"investment_rate"`
		AnnualPlan     float64 `json:"annual_plan_wan"`
		InvestmentRank int     `json:"investment_rank"`
		StartRank      int     `json:"start_rank"`
	} `json:"by_district"`
}

func changePP(a, b float64) string {
	v := (a - b) * 100
	return fmt.Sprintf("%+.1f", math.Copysign(math.Floor(math.Abs(v)*10+0.5)/10, v))
}

// TestDashboardShowsComparisonsAndRanks: 总览 for June 2024 shows 环比
// against May and 同比 against June 2023 for both rates, and every unit's
// ranks and 完成率 changes, equal to the API's figures.
func TestDashboardShowsComparisonsAndRanks(t *testing.T) {
	ts := servertest.New(t)
	token := ts.Login("reviewer")
	var june, may, ly pageRates
	ts.Do("GET", "/api/v1/rates?year=2024&month=6", token, nil, http.StatusOK, &june)
	ts.Do("GET", "/api/v1/rates?year=2024&month=5", token, nil, http.StatusOK, &may)
	ts.Do("GET", "/api/v1/rates?year=2023&month=6", token, nil, http.StatusOK, &ly)
	body := html.UnescapeString(signIn(ts, "reviewer").page("/dashboard?year=2024&month=6", http.StatusOK))
	wantContains(t, "dashboard", body,
		"<dt>环比（较1-5月）</dt><dd>"+changePP(june.InvestmentRate, may.InvestmentRate)+" 个百分点</dd>",
		"<dt>同比（较2023年1-6月）</dt><dd>"+changePP(june.InvestmentRate, ly.InvestmentRate)+" 个百分点</dd>",
		"<dt>环比（较1-5月）</dt><dd>"+changePP(june.StartRate, may.StartRate)+" 个百分点</dd>",
		"完成率排名", "开工率排名", "完成率环比（个百分点）", "完成率同比（个百分点）")
	rows := regexp.MustCompile(`(?s)<th scope="row"><a [^>]*>([^<]+)</a></th>(.*?)</tr>`).FindAllStringSubmatch(body, -1)
	if len(rows) != len(june.ByDistrict) {
		t.Fatalf("%d unit rows, want %d", len(rows), len(june.ByDistrict))
	}
	cell := regexp.MustCompile(`<td class="num[^"]*">([^<]*)</td>`)
	for i, g := range june.ByDistrict {
		cells := cell.FindAllStringSubmatch(rows[i][2], -1)
		if rows[i][1] != g.District || len(cells) != 12 {
			t.Fatalf("row %d: %s with %d cells", i, rows[i][1], len(cells))
		}
		rank := func(r int) string {
			if r == 0 {
				return "—"
			}
			return fmt.Sprint(r)
		}
		want := []string{rank(g.InvestmentRank), rank(g.StartRank), "—", "—"}
		if g.AnnualPlan != 0 {
			want[2] = changePP(g.InvestmentRate, may.ByDistrict[i].InvestmentRate)
			want[3] = changePP(g.InvestmentRate, ly.ByDistrict[i].InvestmentRate)
		}
		for j, w := range want {
			if got := cells[8+j][1]; got != w {
				t.Errorf("%s column %d: %q, want %q", g.District, 9+j, got, w)
			}
		}
	}
	// January has no 环比: the year's figures start again.
	jan := signIn(ts, "reviewer").page("/dashboard?year=2024&month=1", http.StatusOK)
	wantContains(t, "January", jan, "同比（较2023年1月）", "1月累计完成")
	if regexp.MustCompile("环比").MatchString(jan) {
		t.Error("January's dashboard shows 环比")
	}
}
