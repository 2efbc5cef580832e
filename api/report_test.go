package api_test

import (
	"bytes"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"tracker/models"
	"tracker/server/servertest"
)

// TestQuarterlyWorkbookEqualsTheRates downloads each quarter's workbook of
// the demo portfolio and checks its figures against /api/v1/rates.
func TestQuarterlyWorkbookEqualsTheRates(t *testing.T) {
	ts := servertest.New(t)
	token := ts.Login("reviewer")
	for q := 1; q <= 4; q++ {
		var r models.Rates
		ts.Do("GET", fmt.Sprintf("/api/v1/rates?year=2024&quarter=%d", q), token, nil, http.StatusOK, &r)
		req, _ := http.NewRequest("GET", fmt.Sprintf("%s/api/v1/reports/quarterly.xlsx?year=2024&quarter=%d", ts.HTTP.URL, q), nil)
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		want := "filename*=UTF-8''" + url.PathEscape(fmt.Sprintf("重大项目季度报告_2024Q%d.xlsx", q))
		if cd := resp.Header.Get("Content-Disposition"); !strings.Contains(cd, want) {
			t.Errorf("Q%d Content-Disposition %q", q, cd)
		}
		f, err := excelize.OpenReader(bytes.NewReader(ts.Send(req, http.StatusOK, nil)))
		if err != nil {
			t.Fatalf("Q%d: %v", q, err)
		}
		checkWorkbook(t, q, f, r)
		f.Close()
	}
}

func checkWorkbook(t *testing.T, q int, f *excelize.File, r models.Rates) {
	t.Helper()
	if got := f.GetSheetList(); strings.Join(got, ",") != "总体情况,分区县,分类别,分级别,市直部门,未开工项目,投资滞后项目,提前开工,未报送单位,项目明细" {
		t.Fatalf("Q%d sheets %v", q, got)
	}
	num := func(sheet, cell string) float64 {
		v, _ := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
		n, err := strconv.ParseFloat(v, 64)
		if err != nil {
			t.Errorf("Q%d %s!%s = %q, not a number", q, sheet, cell, v)
		}
		return n
	}
	yi := func(m models.Money) float64 { return math.Round(float64(m)/1e6) / 100 }
	overall := map[string]float64{"B13": float64(r.Projects), "B14": yi(r.TotalInvestment), "B15": yi(r.AnnualPlan),
		"B16": yi(r.Completed), "B18": float64(r.PlannedStarts), "B19": float64(r.ActualStarts),
		"B20": float64(r.OnTimeStarts), "B21": float64(r.LateStarts), "B22": float64(r.EarlyStarts), "B23": float64(r.OverdueStarts)}
	for cell, want := range overall {
		if got := num("总体情况", cell); math.Abs(got-want) > 1e-9 {
			t.Errorf("Q%d 总体情况!%s = %v, want %v", q, cell, got, want)
		}
	}
	for i, d := range r.ByDistrict {
		row := 4 + i
		name, _ := f.GetCellValue("分区县", fmt.Sprintf("B%d", row))
		if name != d.District || num("分区县", fmt.Sprintf("C%d", row)) != float64(d.Projects) ||
			num("分区县", fmt.Sprintf("F%d", row)) != yi(d.Completed) || num("分区县", fmt.Sprintf("J%d", row)) != float64(d.ActualStarts) {
			t.Errorf("Q%d 分区县 row %d differs from %s", q, row, d.District)
		}
	}
	lists := map[string]int{"项目明细": r.Projects, "未开工项目": r.OverdueStarts, "提前开工": r.EarlyStarts}
	for sheet, want := range lists {
		if got := codeRows(f, sheet); got != want {
			t.Errorf("Q%d %s lists %d projects, want %d", q, sheet, got, want)
		}
	}
	if q == 4 {
		headline, _ := f.GetCellValue("总体情况", "A4")
		if !strings.Contains(headline, "1181.00亿元") || !strings.Contains(headline, "104.1%") {
			t.Errorf("Q4 headline %q", headline)
		}
	}
}

// codeRows counts the rows of a list whose column B holds a project code.
func codeRows(f *excelize.File, sheet string) int {
	rows, _ := f.GetRows(sheet)
	n := 0
	for _, row := range rows {
		if len(row) > 1 && models.ValidCode(row[1]) {
			n++
		}
	}
	return n
}

// TestPastQuarterKeepsItsFigures imports a July figure and checks that the
// second quarter's rates and workbook still show the end of June.
func TestPastQuarterKeepsItsFigures(t *testing.T) {
	ts := servertest.New(t)
	token := ts.Login("admin")
	var before, after, julyBefore, julyAfter models.Rates
	ts.Do("GET", "/api/v1/rates?year=2024&quarter=2", token, nil, http.StatusOK, &before)
	ts.Do("GET", "/api/v1/rates?year=2024&month=7", token, nil, http.StatusOK, &julyBefore)
	p := servertest.FirstProject("张店区")
	july := []byte("张店区2024年1-7月市重大项目建设情况台账\n项目代码,项目名称,1-7月累计完成投资（万元）\n" + p.Code + "," + p.Name + ",999999\n")
	var imp servertest.ImportResult
	ts.Upload(token, "7月.csv", july, nil, http.StatusOK, &imp)
	if imp.Status != "committed" || imp.Period != "2024-07" {
		t.Fatalf("july import %+v", imp)
	}
	ts.Do("GET", "/api/v1/rates?year=2024&quarter=2", token, nil, http.StatusOK, &after)
	if after.Completed != before.Completed || after.Month != 6 {
		t.Errorf("Q2 completed %s after a July import, was %s", after.Completed.WanString(), before.Completed.WanString())
	}
	data := ts.Do("GET", "/api/v1/reports/quarterly.xlsx?year=2024&quarter=2", token, nil, http.StatusOK, nil)
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	checkWorkbook(t, 2, f, after)
	ts.Do("GET", "/api/v1/rates?year=2024&month=7", token, nil, http.StatusOK, &julyAfter)
	old, _ := p.CompletedAsOf(models.MonthOf(2024, 7))
	if want := julyBefore.Completed - old + 999999*models.Wan; julyAfter.Completed != want {
		t.Errorf("July completed %s, want %s", julyAfter.Completed.WanString(), want.WanString())
	}
}
