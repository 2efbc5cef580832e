package api_test

import (
	"net/http"
	"strings"
	"testing"

	"tracker/httpx"
	"tracker/server/servertest"
)

// TestUnknownFilterValuesAndYearsWithoutAList: an unknown unit or nature
// is a 400 naming the allowed values, another spelling of a unit is that
// unit, and a year without a list is a 404 on every route that reads one,
// never 200 with zeros.
func TestUnknownFilterValuesAndYearsWithoutAList(t *testing.T) {
	ts := servertest.New(t)
	reviewer, admin := ts.Login("reviewer"), ts.Login("admin")
	fails := func(path, token string, status int, want ...string) {
		t.Helper()
		var e httpx.ErrorBody
		ts.Do("GET", path, token, nil, status, &e)
		for _, w := range want {
			if !strings.Contains(e.Error.Message, w) {
				t.Errorf("%s: message %q lacks %q", path, e.Error.Message, w)
			}
		}
	}
	units := []string{"没有“火星区”这个上报单位", "张店区、淄川区、博山区", "文昌湖区、市直部门"}
	fails("/api/v1/projects?district=火星区", reviewer, http.StatusBadRequest, units...)
	fails("/api/v1/projects.xlsx?district=火星区", reviewer, http.StatusBadRequest, units...)
	fails("/api/v1/imports?district=火星区", reviewer, http.StatusBadRequest, units...)
	fails("/api/v1/audit?district=火星区", admin, http.StatusBadRequest, units...)
	fails("/api/v1/projects?nature=拟建", reviewer, http.StatusBadRequest, "参数 nature：建设性质“拟建”无效，应为“新开工”或“续建”")

	var full, short, code struct {
		Total int `json:"total"`
		Items []struct {
			District string `json:"district"`
		} `json:"items"`
	}
	ts.Do("GET", "/api/v1/projects?district=张店区&per_page=1000", reviewer, nil, http.StatusOK, &full)
	ts.Do("GET", "/api/v1/projects?district=张店&per_page=1000", reviewer, nil, http.StatusOK, &short)
	ts.Do("GET", "/api/v1/projects?district=370303&per_page=1000", reviewer, nil, http.StatusOK, &code)
	if full.Total == 0 || short.Total != full.Total || code.Total != full.Total || short.Items[0].District != "张店区" {
		t.Errorf("张店区 %d projects, 张店 %d, 370303 %d", full.Total, short.Total, code.Total)
	}

	noList := "2022年没有项目清单（有清单的年度：2024年、2023年）"
	p := servertest.FirstProject("张店区")
	for _, path := range []string{"/api/v1/rates?year=2022", "/api/v1/rates?year=2022&quarter=4", "/api/v1/projects?year=2022",
		"/api/v1/projects/" + p.Code + "?year=2022", "/api/v1/reports/quarterly.xlsx?year=2022&quarter=4",
		"/api/v1/submissions?year=2022&month=6", "/api/v1/projects.xlsx?year=2022"} {
		fails(path, reviewer, http.StatusNotFound, noList)
	}
	ts.Do("GET", "/api/v1/rates?year=2024&quarter=4", reviewer, nil, http.StatusOK, nil)
}
