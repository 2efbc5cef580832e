package api_test

import (
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"strings"
	"testing"

	"tracker/httpx"
	"tracker/server/servertest"
)

func TestQuarterFourRatesArePublishedFigures(t *testing.T) {
	ts := servertest.New(t)
	token := ts.Login("reviewer")
	var r map[string]any
	ts.Do("GET", "/api/v1/rates?year=2024&quarter=4", token, nil, http.StatusOK, &r)
	want := map[string]string{
		"projects": "530", "total_investment_wan": "60350000", "completed_wan": "11810000", "annual_plan_wan": "11345000",
		"planned_starts": "296", "actual_starts": "296", "start_rate": "1", "month": "12", "year": "2024",
	}
	for k, v := range want {
		if got := fmt.Sprint(r[k]); got != v {
			t.Errorf("%s = %s, want %s", k, got, v)
		}
	}
	rate, _ := r["investment_rate"].(json.Number).Float64()
	if math.Round(rate*1000)/1000 != 1.041 {
		t.Errorf("investment_rate %v, want 1.041", rate)
	}
	if n := len(r["by_district"].([]any)); n != 12 {
		t.Errorf("%d districts, want 12", n)
	}
}

func TestAuthErrorsAreChineseJSON(t *testing.T) {
	ts := servertest.New(t)
	var e httpx.ErrorBody
	ts.Do("GET", "/api/v1/projects", "", nil, http.StatusUnauthorized, &e)
	if e.Error.Code != "unauthorized" || !strings.Contains(e.Error.Message, "登录") {
		t.Errorf("no token: %+v", e)
	}
	ts.Do("GET", "/api/v1/projects", "forged-token-abcdef", nil, http.StatusUnauthorized, nil)
	ts.Do("POST", "/api/v1/login", "", map[string]string{"username": "admin", "password": "wrong"}, http.StatusUnauthorized, &e)
	if e.Error.Message != "用户名或密码错误" {
		t.Errorf("wrong password message %q", e.Error.Message)
	}
	ts.Do("POST", "/api/v1/login", "", "not an object", http.StatusBadRequest, nil)
	token := ts.Login("admin")
	ts.Do("POST", "/api/v1/logout", token, nil, http.StatusNoContent, nil)
	ts.Do("GET", "/api/v1/rates", token, nil, http.StatusUnauthorized, nil)
}

func TestBadParametersGet400(t *testing.T) {
	ts := servertest.New(t)
	token := ts.Login("reviewer")
	for _, q := range []string{
		"/api/v1/rates?year=2024&quarter=0", "/api/v1/rates?year=2024&quarter=5", "/api/v1/rates?year=abc",
		"/api/v1/rates?year=2024&month=13", "/api/v1/rates?year=2024&month=6&quarter=2",
		"/api/v1/projects?per_page=1001", "/api/v1/projects?page=0", "/api/v1/projects?nature=竣工",
	} {
		var e httpx.ErrorBody
		ts.Do("GET", q, token, nil, http.StatusBadRequest, &e)
		if e.Error.Code != "invalid" || e.Error.Message == "" {
			t.Errorf("%s: %+v", q, e)
		}
	}
	ts.Do("GET", "/api/v1/projects/2403-370303-04-01-999999?year=2024", token, nil, http.StatusNotFound, nil)
	ts.Do("GET", "/api/v1/nothing", token, nil, http.StatusNotFound, nil)
}

func TestProjectsListAndDetail(t *testing.T) {
	ts := servertest.New(t)
	token := ts.Login("zhangdian")
	var list struct {
		Total int               `json:"total"`
		Items []json.RawMessage `json:"items"`
	}
	ts.Do("GET", "/api/v1/projects?year=2024&per_page=1000", token, nil, http.StatusOK, &list)
	if list.Total != 530 || len(list.Items) != 530 {
		t.Fatalf("total %d items %d", list.Total, len(list.Items))
	}
	ts.Do("GET", "/api/v1/projects?year=2024&q=天辰齐翔", token, nil, http.StatusOK, &list)
	if list.Total != 1 {
		t.Fatalf("search found %d", list.Total)
	}
	var p struct {
		Code         string `json:"code"`
		Nature       string `json:"nature"`
		PlannedStart string `json:"planned_start"`
		Investments  []struct {
			Period string `json:"period"`
		} `json:"investments"`
	}
	json.Unmarshal(list.Items[0], &p)
	var detail struct {
		Code string `json:"code"`
		Name string `json:"name"`
	}
	ts.Do("GET", "/api/v1/projects/"+p.Code+"?year=2024", token, nil, http.StatusOK, &detail)
	if detail.Name != "天辰齐翔己二腈二期" || p.Nature != "新开工" || len(p.PlannedStart) != 7 {
		t.Errorf("detail %+v, list item %+v", detail, p)
	}
	for i := 1; i < len(p.Investments); i++ {
		if p.Investments[i].Period <= p.Investments[i-1].Period {
			t.Errorf("investments out of order: %v", p.Investments)
		}
	}
}

func TestHealthz(t *testing.T) {
	ts := servertest.New(t)
	ts.Do("GET", "/healthz", "", nil, http.StatusOK, nil)
}

func TestLoginThrottlingPerAccount(t *testing.T) {
	ts := servertest.New(t)
	for i := 0; i < 5; i++ {
		ts.Do("POST", "/api/v1/login", "", map[string]string{"username": "zhangdian", "password": "guess"}, http.StatusUnauthorized, nil)
	}
	var e httpx.ErrorBody
	ts.Do("POST", "/api/v1/login", "", map[string]string{"username": "zhangdian", "password": "password-zhangdian"}, http.StatusTooManyRequests, &e)
	if !strings.Contains(e.Error.Message, "30 秒后再试") {
		t.Errorf("message %q", e.Error.Message)
	}
	ts.Login("admin") // other accounts still get in
}
