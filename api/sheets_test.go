package api_test

import (
	"bytes"
	"fmt"
	"math/big"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"tracker/server/servertest"
)

// levelProject is a project as the API lists it, with what the new
// sheets group by.
type levelProject struct {
	handProject
	Level    string `json:"level"`
	Unit     string `json:"unit"`
	Category string `json:"category"`
}

// yiText is an exact 万元 sum as the sheets show it: 亿元, 2 decimals,
// half away from zero (sums are positive).
func yiText(r *big.Rat) string {
	yi := new(big.Rat).Quo(r, big.NewRat(10000, 1))
	return yi.FloatString(2) // FloatString rounds half away from zero
}

// TestNewSheetsEqualTheProjectsAndTheRates checks the 2024 Q2 demo
// workbook's new sheets row by row: 分级别 and 市直部门 against the projects
// as of June grouped here, the 产业项目/城市建设项目 rows of 分类别 against
// the categories' rates added up, and 未报送单位 against the submissions.
func TestNewSheetsEqualTheProjectsAndTheRates(t *testing.T) {
	ts := servertest.New(t)
	token := ts.Login("admin")
	p := servertest.FirstProject("张店区") // 张店区 sends its June ledger
	june := []byte("张店区2024年1-6月市重大项目建设情况台账\n项目代码,项目名称,1-6月累计完成投资（万元）\n" + p.Code + "," + p.Name + ",100\n")
	var imp servertest.ImportResult
	ts.Upload(ts.Login("zhangdian"), "6月.csv", june, nil, http.StatusOK, &imp) // its own upload, approved by the office
	ts.Do("POST", fmt.Sprintf("/api/v1/imports/%d/approve", imp.ID), token, nil, http.StatusOK, nil)
	var list struct {
		Items []levelProject `json:"items"`
	}
	ts.Do("GET", "/api/v1/projects?year=2024&month=6&per_page=1000", token, nil, http.StatusOK, &list)
	f, err := excelize.OpenReader(bytes.NewReader(ts.Do("GET", "/api/v1/reports/quarterly.xlsx?year=2024&quarter=2", token, nil, http.StatusOK, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), ","); got != "总体情况,分区县,分类别,分级别,市直部门,未开工项目,投资滞后项目,提前开工,未报送单位,项目明细" {
		t.Fatalf("sheets %s", got)
	}
	group := func(key func(p levelProject) (string, bool)) map[string]*handFigures {
		out := map[string]*handFigures{}
		for _, p := range list.Items {
			k, ok := key(p)
			if !ok {
				continue
			}
			for name, h := range byHand([]handProject{p.handProject}, 6) {
				if name != "" {
					continue
				}
				g := out[k]
				if g == nil {
					g = &handFigures{plan: new(big.Rat), completed: new(big.Rat)}
					out[k] = g
				}
				g.plan.Add(g.plan, h.plan)
				g.completed.Add(g.completed, h.completed)
				g.planned, g.started, g.overdue = g.planned+h.planned, g.started+h.started, g.overdue+h.overdue
			}
		}
		return out
	}
	levels := group(func(p levelProject) (string, bool) { return p.Level, true })
	depts := group(func(p levelProject) (string, bool) { return p.Unit, p.District == "市直部门" })
	checkSheet(t, f, "分级别", []string{"省重大", "省重点", "市重大"}, levels)
	var names []string
	for n := range depts {
		names = append(names, n)
	}
	sort.Strings(names)
	if len(names) < 3 {
		t.Errorf("市直部门 of the demo: %v, want several departments", names)
	}
	checkSheet(t, f, "市直部门", names, depts)
	// 合计 of 市直部门 is the 市直部门 unit of the rates; 分类别's split adds
	// up its categories.
	var r struct {
		ByDistrict []struct {
			District string `json:"district"`
			figuresJSON
		} `json:"by_district"`
		ByCategory []struct {
			Category string `json:"category"`
			figuresJSON
		} `json:"by_category"`
	}
	ts.Do("GET", "/api/v1/rates?year=2024&quarter=2", token, nil, http.StatusOK, &r)
	for _, d := range r.ByDistrict {
		if d.District == "市直部门" {
			wantRow(t, f, "市直部门", 4+len(names), "合计", d.AnnualPlan.String(), d.Completed.String(), d.PlannedStarts, d.ActualStarts)
		}
	}
	split := map[string][2]*big.Rat{}
	starts := map[string][2]int{}
	for _, c := range r.ByCategory {
		g := map[string]string{"工业": "产业项目", "现代服务业": "产业项目", "能源及基础设施": "城市建设项目", "乡村振兴及社会民生": "城市建设项目"}[c.Category]
		plan, _ := new(big.Rat).SetString(c.AnnualPlan.String())
		done, _ := new(big.Rat).SetString(c.Completed.String())
		s := split[g]
		if s[0] == nil {
			s = [2]*big.Rat{new(big.Rat), new(big.Rat)}
		}
		s[0].Add(s[0], plan)
		s[1].Add(s[1], done)
		split[g] = s
		st := starts[g]
		starts[g] = [2]int{st[0] + c.PlannedStarts, st[1] + c.ActualStarts}
	}
	for i, g := range []string{"产业项目", "城市建设项目"} {
		wantRow(t, f, "分类别", 4+len(r.ByCategory)+i, g, split[g][0].FloatString(4), split[g][1].FloatString(4), starts[g][0], starts[g][1])
	}
	// 未报送单位: every unit with projects but 张店区, which sent June's ledger.
	var subs []struct {
		Unit     string `json:"unit"`
		Approved bool   `json:"approved"`
	}
	ts.Do("GET", "/api/v1/submissions?year=2024&month=6", token, nil, http.StatusOK, &subs)
	var want []string
	for _, s := range subs {
		if !s.Approved {
			want = append(want, s.Unit)
		}
	}
	rows, _ := f.GetRows("未报送单位")
	var got []string
	for _, row := range rows[3:] {
		if len(row) > 1 && row[0] != "" && !strings.HasPrefix(row[0], "注") {
			got = append(got, row[1])
		}
	}
	if strings.Join(got, ",") != strings.Join(want, ",") || len(got) != 11 {
		t.Errorf("未报送单位 %v, want %v (all 12 units but 张店区)", got, want)
	}
}

// checkSheet checks a group sheet's rows, in order, against figures
// added up by hand.
func checkSheet(t *testing.T, f *excelize.File, sheet string, names []string, hand map[string]*handFigures) {
	t.Helper()
	for i, n := range names {
		h := hand[n]
		if h == nil {
			h = &handFigures{plan: new(big.Rat), completed: new(big.Rat)}
		}
		wantRow(t, f, sheet, 4+i, n, h.plan.FloatString(4), h.completed.FloatString(4), h.planned, h.started)
	}
}

// wantRow checks one row: its name, 年度计划 and 累计完成 in 亿元 (from
// exact 万元 strings), 计划开工 and 已开工.
func wantRow(t *testing.T, f *excelize.File, sheet string, row int, name, planWan, doneWan string, planned, started int) {
	t.Helper()
	cell := func(col string) string {
		v, _ := f.GetCellValue(sheet, fmt.Sprintf("%s%d", col, row), excelize.Options{RawCellValue: true})
		return v
	}
	plan, _ := new(big.Rat).SetString(planWan)
	done, _ := new(big.Rat).SetString(doneWan)
	num := func(col string) string {
		v, err := strconv.ParseFloat(cell(col), 64)
		if err != nil {
			return cell(col)
		}
		return strconv.FormatFloat(v, 'f', 2, 64)
	}
	got := []string{cell("B"), num("E"), num("F"), cell("I"), cell("J")}
	want := []string{name, yiText(plan), yiText(done), strconv.Itoa(planned), strconv.Itoa(started)}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("%s row %d: %v, want %v", sheet, row, got, want)
	}
}
