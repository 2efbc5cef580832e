package api_test

import (
	"encoding/json"
	"fmt"
	"math/big"
	"net/http"
	"testing"

	"tracker/server/servertest"
)

// handProject is a project as the API lists it, with amounts kept exact.
type handProject struct {
	District     string       `json:"district"`
	Nature       string       `json:"nature"`
	AnnualPlan   json.Number  `json:"annual_plan_wan"`
	PlannedStart *string      `json:"planned_start"`
	ActualStart  *string      `json:"actual_start"`
	Class        string       `json:"class"`
	Implemented  *string      `json:"implemented_from"`
	Investments  []handInvest `json:"investments"`
}

type handInvest struct {
	Period    string      `json:"period"`
	Completed json.Number `json:"completed_ytd_wan"`
}

type handFigures struct {
	plan, completed           *big.Rat
	planned, started, overdue int
}

// byHand recomputes DOMAIN.md's formulas for month m of 2024 from the
// project list, independently of models: exact rationals, string months.
func byHand(ps []handProject, m int) map[string]*handFigures {
	out := map[string]*handFigures{}
	asOf := fmt.Sprintf("2024-%02d", m)
	for _, p := range ps {
		if p.Class == "准备类" && (p.Implemented == nil || *p.Implemented > asOf) {
			continue // tracked, counted in neither rate until it moves to 实施类
		}
		for _, key := range []string{"", p.District} {
			f := out[key]
			if f == nil {
				f = &handFigures{plan: new(big.Rat), completed: new(big.Rat)}
				out[key] = f
			}
			plan, _ := new(big.Rat).SetString(p.AnnualPlan.String())
			f.plan.Add(f.plan, plan)
			last := "0"
			for _, inv := range p.Investments {
				if inv.Period <= asOf {
					last = inv.Completed.String()
				}
			}
			done, _ := new(big.Rat).SetString(last)
			f.completed.Add(f.completed, done)
			if p.Nature != "新开工" {
				continue
			}
			planned := "2024-12"
			if p.PlannedStart != nil {
				planned = *p.PlannedStart
			}
			started := p.ActualStart != nil && *p.ActualStart <= asOf
			if planned <= asOf {
				f.planned++
				if !started {
					f.overdue++
				}
			}
			if started {
				f.started++
			}
		}
	}
	return out
}

func TestRatesEqualAHandRecomputationForEveryQuarterAndDistrict(t *testing.T) {
	ts := servertest.New(t)
	token := ts.Login("reviewer")
	for q := 1; q <= 4; q++ {
		var list struct { // the list as it stood at the quarter's end
			Items []handProject `json:"items"`
		}
		ts.Do("GET", fmt.Sprintf("/api/v1/projects?year=2024&month=%d&per_page=1000", 3*q), token, nil, http.StatusOK, &list)
		var r struct {
			figuresJSON
			ByDistrict []struct {
				District string `json:"district"`
				figuresJSON
			} `json:"by_district"`
		}
		ts.Do("GET", fmt.Sprintf("/api/v1/rates?year=2024&quarter=%d", q), token, nil, http.StatusOK, &r)
		hand := byHand(list.Items, 3*q)
		r.figuresJSON.check(t, fmt.Sprintf("Q%d overall", q), hand[""])
		for _, d := range r.ByDistrict {
			d.figuresJSON.check(t, fmt.Sprintf("Q%d %s", q, d.District), hand[d.District])
		}
	}
}

type figuresJSON struct {
	AnnualPlan     json.Number `json:"annual_plan_wan"`
	Completed      json.Number `json:"completed_wan"`
	InvestmentRate float64     `json:"investment_rate"`
	PlannedStarts  int         `json:"planned_starts"`
	ActualStarts   int         `json:"actual_starts"`
	OverdueStarts  int         `json:"overdue_starts"`
	StartRate      float64     `json:"start_rate"`
}

func (f figuresJSON) check(t *testing.T, what string, h *handFigures) {
	t.Helper()
	if h == nil {
		h = &handFigures{plan: new(big.Rat), completed: new(big.Rat)}
	}
	plan, _ := new(big.Rat).SetString(f.AnnualPlan.String())
	done, _ := new(big.Rat).SetString(f.Completed.String())
	if plan.Cmp(h.plan) != 0 || done.Cmp(h.completed) != 0 {
		t.Errorf("%s: plan %s completed %s, by hand %s and %s", what, plan.FloatString(4), done.FloatString(4), h.plan.FloatString(4), h.completed.FloatString(4))
	}
	if h.plan.Sign() > 0 {
		rate, _ := new(big.Rat).Quo(h.completed, h.plan).Float64()
		if fmt.Sprintf("%.9f", rate) != fmt.Sprintf("%.9f", f.InvestmentRate) {
			t.Errorf("%s: investment rate %v, by hand %v", what, f.InvestmentRate, rate)
		}
	}
	if f.PlannedStarts != h.planned || f.ActualStarts != h.started || f.OverdueStarts != h.overdue {
		t.Errorf("%s: starts %d/%d overdue %d, by hand %d/%d overdue %d", what, f.ActualStarts, f.PlannedStarts, f.OverdueStarts, h.started, h.planned, h.overdue)
	}
	if h.planned > 0 && fmt.Sprintf("%.9f", float64(h.started)/float64(h.planned)) != fmt.Sprintf("%.9f", f.StartRate) {
		t.Errorf("%s: start rate %v", what, f.StartRate)
	}
}
