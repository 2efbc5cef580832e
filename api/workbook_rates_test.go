package api_test

import (
	"bytes"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"tracker/models"
	"tracker/server/servertest"
)

// TestEveryGroupCellEqualsTheRates reads every cell of 分区县 and 分类别
// (each unit's and category's figures, rates, gaps, ranks, 序时进度 and
// the 环比 and 同比 columns) and 总体情况's two rate lines of each 2024
// quarter's workbook and of 2023's fourth, and checks each against
// GET /api/v1/rates for the same quarter, rounded once as shown: amounts
// to 0.01亿元 from the exact yuan, rates to 0.1%, points to 0.1.
func TestEveryGroupCellEqualsTheRates(t *testing.T) {
	ts := servertest.New(t)
	token := ts.Login("reviewer")
	for _, period := range []struct{ year, q int }{{2024, 1}, {2024, 2}, {2024, 3}, {2024, 4}, {2023, 4}} {
		var r models.Compared
		ts.Do("GET", fmt.Sprintf("/api/v1/rates?year=%d&quarter=%d", period.year, period.q), token, nil, http.StatusOK, &r)
		data := ts.Do("GET", fmt.Sprintf("/api/v1/reports/quarterly.xlsx?year=%d&quarter=%d", period.year, period.q), token, nil, http.StatusOK, nil)
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		what := fmt.Sprintf("%dQ%d", period.year, period.q)
		checkGroupSheet(t, what, f, "分区县", r.ByDistrict, &r, func(x *models.Rates, name string) *models.Figures { return x.District(name) })
		checkGroupSheet(t, what, f, "分类别", r.ByCategory, &r, func(x *models.Rates, name string) *models.Figures { return x.Category(name) })
		for ref, want := range map[string]any{
			"B9": models.Round(r.InvestmentRate, 1000), "C9": models.Round(r.TimeProgress, 1000), "D9": models.Round(r.InvestmentGapPP, 10),
			"B10": models.Round(r.StartRate, 1000), "C10": 1.0, "D10": models.Round((r.StartRate-1)*100, 10),
		} {
			wantCell(t, what+" 总体情况!"+ref, cellRaw(f, "总体情况", ref), want)
		}
		f.Close()
	}
}

// checkGroupSheet checks each row of a group sheet that names one of gs
// against it, column by column as the header row names them.
func checkGroupSheet(t *testing.T, what string, f *excelize.File, sheet string, gs []models.GroupFigures, r *models.Compared, base func(*models.Rates, string) *models.Figures) {
	t.Helper()
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	head := -1
	for i, row := range rows {
		if strings.Contains(strings.Join(row, "|"), "|项目数|") {
			head = i
			break
		}
	}
	if head < 0 {
		t.Fatalf("%s %s: no header row", what, sheet)
	}
	seen := 0
	for _, row := range rows[head+1:] {
		for _, g := range gs {
			name := g.District + g.Category
			if len(row) < 2 || row[1] != name {
				continue
			}
			seen++
			for i, h := range rows[head] {
				got := ""
				if i < len(row) {
					got = row[i]
				}
				if want, ok := groupCellWant(h, g, r, base(r.Previous, name), base(r.LastYear, name)); ok {
					wantCell(t, fmt.Sprintf("%s %s %s %s", what, sheet, name, h), got, want)
				}
			}
		}
	}
	if seen != len(gs) {
		t.Errorf("%s %s: %d rows of the %d groups of the rates", what, sheet, seen, len(gs))
	}
}

// groupCellWant is what the column headed h shows for g: nil for a blank
// cell; false for a column it does not check (序号, the name).
func groupCellWant(h string, g models.GroupFigures, r *models.Compared, prev, last *models.Figures) (any, bool) {
	yi := func(m models.Money) float64 { return float64(roundHalfAway(int64(m), 1_000_000)) / 100 }
	rate := func(v float64, ok bool) any {
		if !ok {
			return nil
		}
		return models.Round(v, 1000)
	}
	points := func(v float64, ok bool) any {
		if !ok {
			return nil
		}
		return models.Round(v, 10)
	}
	rank := func(n int) any {
		if n == 0 {
			return nil
		}
		return float64(n)
	}
	hasPlan, hasStarts := g.AnnualPlan != 0, g.PlannedStarts != 0
	switch h {
	case "项目数":
		return float64(g.Projects), true
	case "总投资":
		return yi(g.TotalInvestment), true
	case "年度计划":
		return yi(g.AnnualPlan), true
	case "累计完成":
		return yi(g.Completed), true
	case "完成率":
		return rate(g.InvestmentRate, hasPlan), true
	case "与序时差（个百分点）":
		return points(g.InvestmentGapPP, hasPlan), true
	case "计划开工":
		return float64(g.PlannedStarts), true
	case "已开工":
		return float64(g.ActualStarts), true
	case "开工率":
		return rate(g.StartRate, hasStarts), true
	case "完成率排名":
		return rank(g.InvestmentRank), true
	case "开工率排名":
		return rank(g.StartRank), true
	case "序时进度":
		return models.Round(r.TimeProgress, 1000), true
	case "开工率目标":
		return 1.0, true
	}
	for _, c := range []struct {
		label string
		base  *models.Figures
	}{{"环比", prev}, {"同比", last}} {
		b := c.base
		switch h {
		case "完成率" + c.label + "（个百分点）":
			return points((g.InvestmentRate-rateOf(b, true))*100, b != nil && hasPlan && b.AnnualPlan != 0), true
		case "开工率" + c.label + "（个百分点）":
			return points((g.StartRate-rateOf(b, false))*100, b != nil && hasStarts && b.PlannedStarts != 0), true
		case "累计完成" + c.label + "（亿元）":
			if b == nil {
				return nil, true
			}
			return yi(g.Completed - b.Completed), true
		case "累计完成" + c.label + "增长":
			if b == nil || b.Completed == 0 {
				return nil, true
			}
			return models.Round(float64(g.Completed-b.Completed)/float64(b.Completed), 1000), true
		}
	}
	return nil, false
}

func rateOf(f *models.Figures, investment bool) float64 {
	switch {
	case f == nil:
		return 0
	case investment:
		return f.InvestmentRate
	}
	return f.StartRate
}

// roundHalfAway is a/b rounded half away from zero, in integers.
func roundHalfAway(a, b int64) int64 {
	if a < 0 {
		return -((-a + b/2) / b)
	}
	return (a + b/2) / b
}

func cellRaw(f *excelize.File, sheet, ref string) string {
	v, _ := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
	return v
}

// wantCell compares a cell's raw text with a number (or nil: blank).
func wantCell(t *testing.T, what, got string, want any) {
	t.Helper()
	if want == nil {
		if got != "" {
			t.Errorf("%s = %q, want blank", what, got)
		}
		return
	}
	n, err := strconv.ParseFloat(got, 64)
	if w := want.(float64); err != nil || math.Abs(n-w) > 1e-9 {
		t.Errorf("%s = %q, want %v", what, got, w)
	}
}
