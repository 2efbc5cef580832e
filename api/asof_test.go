package api_test

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"tracker/models"
	"tracker/server/servertest"
)

// TestNothingShownForAMonthIsDatedAfterIt walks every month of the 2024
// demo: the project list of the API as of the month, a project's page, and
// the monthly workbook's 项目明细 may show no report, start or place on the
// list dated after the month.
func TestNothingShownForAMonthIsDatedAfterIt(t *testing.T) {
	ts := servertest.New(t)
	token := ts.Login("reviewer")
	cookie := ts.PageLogin("reviewer")
	late := latestStart(t, ts, token)
	for n := 1; n <= 12; n++ {
		m := models.MonthOf(2024, n)
		var list struct {
			Items []models.Project `json:"items"`
		}
		ts.Do("GET", fmt.Sprintf("/api/v1/projects?year=2024&month=%d&per_page=1000", n), token, nil, http.StatusOK, &list)
		for _, p := range list.Items {
			checkAsOf(t, m, p)
		}
		page := ts.PageBody(fmt.Sprintf("/projects/%s?year=2024&month=%d", late.Code, n), cookie)
		if started := !strings.Contains(page, "<dd>未开工</dd>"); started != (late.ActualStart <= m) {
			t.Errorf("%s: the page of %s (started %s) shows it started: %v", m, late.Code, late.ActualStart, started)
		}
		checkWorkbookAsOf(t, ts, token, m)
	}
}

// latestStart is the project that started last in 2024.
func latestStart(t *testing.T, ts *servertest.Server, token string) models.Project {
	var list struct {
		Items []models.Project `json:"items"`
	}
	ts.Do("GET", "/api/v1/projects?year=2024&month=12&per_page=1000", token, nil, http.StatusOK, &list)
	var late models.Project
	for _, p := range list.Items {
		if p.ActualStart.Year() == 2024 && p.ActualStart > late.ActualStart {
			late = p
		}
	}
	if late.ActualStart.Num() < 6 {
		t.Fatalf("the demo's latest 2024 start is %v", late.ActualStart)
	}
	return late
}

func checkAsOf(t *testing.T, m models.Month, p models.Project) {
	t.Helper()
	if p.ActualStart > m || !p.OnListAt(m) || !p.ListFrom.IsZero() && p.ListFrom > m || p.ImplementedFrom > m && p.Class == models.ClassImplement {
		t.Errorf("%s: %s shows a start %v or a place on the list (%v–%v) after it", m, p.Code, p.ActualStart, p.ListFrom, p.ListUntil)
	}
	var last models.Money
	for _, inv := range p.Investments {
		if inv.Period > m {
			t.Errorf("%s: %s shows the report of %s", m, p.Code, inv.Period)
		}
		last = inv.CompletedYTD
	}
	if p.CompletedYTD != last {
		t.Errorf("%s: %s completed %v, its latest report by then %v", m, p.Code, p.CompletedYTD, last)
	}
}

// checkWorkbookAsOf reads the monthly workbook's 项目明细: no actual start
// after m.
func checkWorkbookAsOf(t *testing.T, ts *servertest.Server, token string, m models.Month) {
	t.Helper()
	req, _ := http.NewRequest("GET", fmt.Sprintf("%s/api/v1/reports/quarterly.xlsx?year=2024&month=%d", ts.HTTP.URL, m.Num()), nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("%s workbook: %v", m, err)
	}
	data, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("项目明细", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	col, checked := -1, 0
	for _, r := range rows {
		for i, v := range r {
			if col < 0 && strings.Contains(v, "实际开工") {
				col = i
			}
		}
		if col < 0 || col >= len(r) {
			continue
		}
		if serial, err := excelize.ExcelDateToTime(parseFloat(r[col]), false); err == nil && serial.Year() > 2000 {
			checked++
			if got := models.MonthOf(serial.Year(), int(serial.Month())); got > m {
				t.Errorf("%s: 项目明细 shows an actual start in %s", m, got)
			}
		}
	}
	if col < 0 || m.Num() >= 6 && checked == 0 {
		t.Errorf("%s: 项目明细 has no 实际开工 dates to check (column %d)", m, col)
	}
}

func parseFloat(s string) float64 {
	var f float64
	fmt.Sscan(s, &f)
	return f
}
