package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"tracker/models"
	"tracker/models/store"
	"tracker/server/servertest"
)

// ratesOnly decodes a rates answer keeping each key's raw value, so that
// a period's own answer can be compared with the same period nested in
// another one, key by key.
func ratesOnly(t *testing.T, raw []byte) map[string]json.RawMessage {
	t.Helper()
	var m map[string]json.RawMessage
	servertest.DecodeJSON(t, raw, &m)
	return m
}

// withoutComparisons returns a period's own answer without its previous
// and last_year, re-encoded canonically.
func withoutComparisons(t *testing.T, raw []byte) string {
	t.Helper()
	m := ratesOnly(t, raw)
	delete(m, "previous")
	delete(m, "last_year")
	return canonical(t, m)
}

func canonical(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := json.Indent(&out, b, "", " "); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

func TestRatesComparePreviousQuarterAndSameQuarterOfLastYear(t *testing.T) {
	servertest.Each(t, func(t *testing.T, ts *servertest.Server) {
		token := ts.Login("reviewer")
		q2 := ts.Do("GET", "/api/v1/rates?year=2024&quarter=2", token, nil, http.StatusOK, nil)
		q1 := ts.Do("GET", "/api/v1/rates?year=2024&quarter=1", token, nil, http.StatusOK, nil)
		ly := ts.Do("GET", "/api/v1/rates?year=2023&quarter=2", token, nil, http.StatusOK, nil)
		m := ratesOnly(t, q2)
		var prev, last map[string]json.RawMessage
		servertest.DecodeJSON(t, m["previous"], &prev)
		servertest.DecodeJSON(t, m["last_year"], &last)
		if _, ok := prev["previous"]; ok {
			t.Error("previous has a previous of its own")
		}
		if got, want := canonical(t, prev), withoutComparisons(t, q1); got != want {
			t.Errorf("2024 Q2 previous differs from 2024 Q1:\n%s\nwant\n%s", got, want)
		}
		if got, want := canonical(t, last), withoutComparisons(t, ly); got != want {
			t.Errorf("2024 Q2 last_year differs from 2023 Q2:\n%s\nwant\n%s", got, want)
		}
		// Q1 has no 环比 (the year's figures start again); 2023 has no 同比
		// (the demo has no 2022).
		if p := ratesOnly(t, q1)["previous"]; string(p) != "null" {
			t.Errorf("2024 Q1 previous = %s, want null", p)
		}
		if p := ratesOnly(t, ly)["last_year"]; string(p) != "null" {
			t.Errorf("2023 Q2 last_year = %s, want null", p)
		}
		// A monthly request compares with the previous month.
		may := ts.Do("GET", "/api/v1/rates?year=2024&month=5", token, nil, http.StatusOK, nil)
		june := ratesOnly(t, ts.Do("GET", "/api/v1/rates?year=2024&month=6", token, nil, http.StatusOK, nil))
		var juneprev map[string]json.RawMessage
		servertest.DecodeJSON(t, june["previous"], &juneprev)
		if got, want := canonical(t, juneprev), withoutComparisons(t, may); got != want {
			t.Errorf("June's previous is not May")
		}
	})
}

type rankedGroup struct {
	District       string  `json:"district"`
	Category       string  `json:"category"`
	AnnualPlan     float64 `json:"annual_plan_wan"`
	PlannedStarts  int     `json:"planned_starts"`
	InvestmentRate float64 `json:"investment_rate"`
	StartRate      float64 `json:"start_rate"`
	InvestmentRank int     `json:"investment_rank"`
	StartRank      int     `json:"start_rank"`
}

// handRanks ranks the shown rates (0.1%) by sorting, highest first: a
// group's rank is one more than the position of the first group shown
// with its rate.
func handRanks(rates []float64, ranked []bool) []int {
	var shown []int
	for i, r := range rates {
		if ranked[i] {
			shown = append(shown, int(r*1000+0.5))
		}
	}
	sort.Sort(sort.Reverse(sort.IntSlice(shown)))
	out := make([]int, len(rates))
	for i, r := range rates {
		if !ranked[i] {
			continue
		}
		v := int(r*1000 + 0.5)
		out[i] = sort.Search(len(shown), func(j int) bool { return shown[j] <= v }) + 1
	}
	return out
}

func TestRatesRankUnitsAndCategoriesOnBothRates(t *testing.T) {
	ts := servertest.New(t)
	token := ts.Login("reviewer")
	for _, period := range []string{"year=2024&quarter=1", "year=2024&quarter=2", "year=2024&quarter=4", "year=2023&month=7"} {
		var r struct {
			ByDistrict []rankedGroup `json:"by_district"`
			ByCategory []rankedGroup `json:"by_category"`
		}
		ts.Do("GET", "/api/v1/rates?"+period, token, nil, http.StatusOK, &r)
		for kind, gs := range map[string][]rankedGroup{"district": r.ByDistrict, "category": r.ByCategory} {
			inv, start := make([]float64, len(gs)), make([]float64, len(gs))
			hasPlan, hasStarts := make([]bool, len(gs)), make([]bool, len(gs))
			for i, g := range gs {
				inv[i], start[i], hasPlan[i], hasStarts[i] = g.InvestmentRate, g.StartRate, g.AnnualPlan != 0, g.PlannedStarts != 0
			}
			wantInv, wantStart := handRanks(inv, hasPlan), handRanks(start, hasStarts)
			for i, g := range gs {
				if g.InvestmentRank != wantInv[i] || g.StartRank != wantStart[i] {
					t.Errorf("%s %s %s%s: ranks %d/%d, want %d/%d", period, kind, g.District, g.Category, g.InvestmentRank, g.StartRank, wantInv[i], wantStart[i])
				}
			}
			if len(gs) > 0 && fmt.Sprint(wantInv) == fmt.Sprint(make([]int, len(gs))) {
				t.Errorf("%s %s: nothing ranked", period, kind)
			}
		}
	}
}

// apiError is the body of a refusal.
type apiError struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

func TestNoReportForAPeriodWithoutFigures(t *testing.T) {
	servertest.Each(t, func(t *testing.T, ts *servertest.Server) {
		admin := ts.Login("admin")
		// 2025's list from the rollover: projects, plans, nothing reported.
		var roll struct {
			ID int64 `json:"id"`
		}
		ts.Do("POST", "/api/v1/lists/2024/rollover", admin, nil, http.StatusOK, &roll)
		ts.Do("POST", fmt.Sprintf("/api/v1/imports/%d/commit", roll.ID), admin, nil, http.StatusOK, nil)
		for path, want := range map[string]string{
			"/api/v1/reports/quarterly.xlsx?year=2025&quarter=1": "2025年第一季度没有任何项目数据",
			"/api/v1/reports/quarterly.xlsx?year=2025&month=1":   "2025年1月没有任何项目数据",
			"/api/v1/reports/quarterly.xlsx?year=2025&month=8":   "2025年1-8月没有任何项目数据",
			"/api/v1/reports/quarterly.docx?year=2025&quarter=2": "2025年第二季度没有任何项目数据",
			"/api/v1/reports/quarterly.docx?year=2025&month=1":   "2025年1月没有任何项目数据",
		} {
			var e apiError
			ts.Do("GET", path, admin, nil, http.StatusUnprocessableEntity, &e)
			if !strings.HasPrefix(e.Error.Message, want) {
				t.Errorf("%s: %q, want it to start with %q", path, e.Error.Message, want)
			}
		}
		var e apiError
		ts.Do("GET", "/api/v1/reports/quarterly.xlsx?year=2022&quarter=1", admin, nil, http.StatusNotFound, &e)
		if !strings.Contains(e.Error.Message, "2022年没有项目清单") {
			t.Errorf("2022: %q", e.Error.Message)
		}
		// The rates of 2025 Q1 compare with 2024 Q1 (figures), not with an
		// empty previous period.
		var r struct {
			Previous *struct{} `json:"previous"`
			LastYear *struct {
				Year int `json:"year"`
			} `json:"last_year"`
		}
		ts.Do("GET", "/api/v1/rates?year=2025&quarter=2", admin, nil, http.StatusOK, &r)
		if r.Previous != nil || r.LastYear == nil || r.LastYear.Year != 2024 {
			t.Errorf("2025 Q2: previous %v (want null: Q1 has no figures), last_year %+v", r.Previous, r.LastYear)
		}
	})
}

func TestNoReportOnAnEmptyDatabase(t *testing.T) {
	s, err := store.Open(filepath.Join(t.TempDir(), "empty.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.CreateUser(context.Background(), models.User{Name: "admin", Role: models.RoleAdmin}, "password-admin"); err != nil {
		t.Fatal(err)
	}
	ts := servertest.Serve(t, s)
	token := ts.Login("admin")
	for _, path := range []string{"/api/v1/reports/quarterly.xlsx?year=2023&quarter=1", "/api/v1/reports/quarterly.xlsx", "/api/v1/rates?year=2024&quarter=2"} {
		var e apiError
		ts.Do("GET", path, token, nil, http.StatusNotFound, &e)
		if !servertest.HasChinese(e.Error.Message) {
			t.Errorf("%s: %q", path, e.Error.Message)
		}
	}
}
