package api_test

import (
	"bytes"
	"net/http"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"tracker/server/servertest"
)

// TestDemoHeadlinesInTheOfficeStyle: the year-end headlines of both demo
// years, word for word: 超额完成年度计划 at Q4, the started projects with
// their kinds under 其中 and the unstarted apart.
func TestDemoHeadlinesInTheOfficeStyle(t *testing.T) {
	ts := servertest.New(t)
	token := ts.Login("reviewer")
	for path, want := range map[string][]string{
		"/api/v1/reports/quarterly.xlsx?year=2024&quarter=4": {
			"1-12月累计完成投资1181.00亿元，占年度计划的104.1%，超额完成年度计划4.1个百分点。",
			"计划开工项目296个，已开工296个（其中按期开工242个、延期开工54个），开工率100.0%；计划开工项目均已开工。",
		},
		"/api/v1/reports/quarterly.xlsx?year=2023&quarter=4": {
			"1-12月累计完成投资1310.00亿元，占年度计划的103.6%，超额完成年度计划3.6个百分点。",
			"计划开工项目245个，已开工248个（其中按期开工201个、延期开工44个、提前开工3个），开工率101.2%；计划开工项目均已开工。",
		},
		"/api/v1/reports/quarterly.xlsx?year=2024&month=1": {
			"1月累计完成投资116.50亿元，占年度计划的10.3%，超序时进度2.0个百分点。",
			"计划开工项目10个，已开工12个（其中按期开工7个、提前开工5个），开工率120.0%；未按计划开工3个。",
		},
	} {
		f, err := excelize.OpenReader(bytes.NewReader(ts.Do("GET", path, token, nil, http.StatusOK, nil)))
		if err != nil {
			t.Fatal(err)
		}
		for i, w := range want {
			got, _ := f.GetCellValue("总体情况", []string{"A4", "A5"}[i])
			if got != w {
				t.Errorf("%s %s:\ngot  %s\nwant %s", path, []string{"A4", "A5"}[i], got, w)
			}
		}
		f.Close()
	}
	// 已开工 is exactly 按期 + 延期 + 提前, and 计划开工 按期 + 延期 + 未按计划, in
	// every month of both years.
	for _, y := range []string{"2023", "2024"} {
		for m := 1; m <= 12; m++ {
			var r struct {
				Planned int `json:"planned_starts"`
				Actual  int `json:"actual_starts"`
				OnTime  int `json:"on_time_starts"`
				Late    int `json:"late_starts"`
				Early   int `json:"early_starts"`
				Overdue int `json:"overdue_starts"`
			}
			ts.Do("GET", "/api/v1/rates?year="+y+"&month="+strconv.Itoa(m), token, nil, http.StatusOK, &r)
			if r.Actual != r.OnTime+r.Late+r.Early || r.Planned != r.OnTime+r.Late+r.Overdue {
				t.Errorf("%s-%02d: starts %+v do not add up", y, m, r)
			}
		}
	}
}
