package api_test

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"tracker/models"
	"tracker/models/demo"
	"tracker/server/servertest"
)

// TestLaterFactsLeaveAMonthAsItWas is the as-of rule as a property: every
// output for June and September 2024 (the rates by month and by quarter, the project
// list and single projects as of June, the quarterly and monthly
// workbooks' every cell, both 通报, the submissions, the project page,
// the 项目库 and the dashboard) is taken, then facts dated after them are
// recorded — November's ledger (new figures, an actual start in November,
// 形象进度 and 存在问题), a 调出, a 增补 and a 准备类 → 实施类 from
// October, a 督办 item in December — and every output for both months
// must be the same, byte for byte. The first quarter is locked, so the 更正 notes are read
// too.
func TestLaterFactsLeaveAMonthAsItWas(t *testing.T) {
	ts := servertest.New(t)
	now := time.Date(2024, 12, 20, 2, 0, 0, 0, time.UTC)
	ts.Store.SetClock(func() time.Time { return now })
	admin, reviewer := ts.Login("admin"), ts.Login("reviewer")
	cookie := ts.PageLogin("admin")
	s := pickSubjects(t)

	// The demo's own 准备类 → 实施类 (from August) is taken back, to be made
	// again from September after the outputs are read.
	var list struct {
		Changes []models.ListChange `json:"changes"`
	}
	ts.Do("GET", "/api/v1/lists/2024", admin, nil, http.StatusOK, &list)
	for _, c := range list.Changes {
		if c.Code == s.prepare.Code && c.Action == models.ListImplement {
			ts.Do("POST", fmt.Sprintf("/api/v1/imports/%d/revert", c.ImportID), admin, nil, http.StatusOK, nil)
		}
	}
	ts.Do("POST", "/api/v1/locks", admin, map[string]int{"year": 2024, "quarter": 1}, http.StatusOK, nil)

	codes := []string{s.continuing.Code, s.late.Code, s.removed.Code, s.added.Code, s.prepare.Code}
	before := map[int]map[string]string{6: monthOutputs(t, ts, reviewer, cookie, 6, codes), 9: monthOutputs(t, ts, reviewer, cookie, 9, codes)}

	now = now.Add(time.Hour) // the later facts come after the lock
	november := "张店区2024年1-11月市重大项目建设情况台账\n项目代码,项目名称,1-11月累计完成投资（万元）,实际开工时间,形象进度,存在问题\n" +
		fmt.Sprintf("%s,%s,987654.3210,,十一月主体封顶,十一月用地指标不足\n", s.continuing.Code, s.continuing.Name) +
		fmt.Sprintf("%s,%s,123456,2024-11,十一月开工,\n", s.late.Code, s.late.Name)
	var imp servertest.ImportResult
	ts.Upload(admin, "11月.csv", []byte(november), map[string]string{"period": "2024-11"}, http.StatusOK, &imp)
	if imp.Status != "committed" || imp.Updated != 2 {
		t.Fatalf("November's ledger: %+v", imp)
	}
	for _, c := range []map[string]string{
		{"code": s.removed.Code, "action": "remove", "effective": "2024-10", "reason": "项目终止"},
		{"code": s.added.Code, "action": "add", "effective": "2024-10", "reason": "新增重大项目"},
		{"code": s.prepare.Code, "action": "implement", "effective": "2024-10", "reason": "前期手续完成"},
	} {
		ts.Do("POST", "/api/v1/lists/2024/changes", admin, c, http.StatusOK, nil)
	}
	ts.Do("POST", "/api/v1/supervisions", admin, map[string]string{"code": s.continuing.Code, "deadline": "2024-12-01", "description": "用地指标不足，需市自然资源局协调"}, http.StatusCreated, nil)

	for m, outputs := range before {
		after := monthOutputs(t, ts, reviewer, cookie, m, codes)
		for what, b := range outputs {
			if a := after[what]; a != b {
				t.Errorf("%s changed after facts dated after month %d:\n%s", what, m, firstDifference(b, a))
			}
		}
		if d := after[fmt.Sprintf("/dashboard?year=2024&month=%d", m)]; !strings.Contains(d, fmt.Sprintf(`督办事项（截至2024年%d月底） <small id="sv-counts">未办结 0 项 · 逾期 0 项`, m+1)) {
			t.Errorf("month %d's dashboard shows a 督办 item opened in December", m)
		}
	}
	for _, month := range []int{11, 12} { // collected in December and in January: not over on 20 December
		if d := ts.PageBody(fmt.Sprintf("/dashboard?year=2024&month=%d", month), cookie); !strings.Contains(d, `督办事项 <small id="sv-counts">未办结 1 项 · 逾期 1 项`) {
			t.Errorf("the dashboard of month %d does not show the item opened on 20 December", month)
		}
	}
}

// subjects are the demo projects the later facts are about.
type subjects struct {
	continuing models.Project // 张店区, 续建, on the list all year
	late       models.Project // 张店区, 新开工, started in October or November
	removed    models.Project // on the list all year, withdrawn from October
	added      models.Project // on the 2023 list only, added from October
	prepare    models.Project // the 准备类 project
}

func pickSubjects(t *testing.T) subjects {
	t.Helper()
	var s subjects
	in2024 := map[string]bool{}
	sept := models.MonthOf(2024, 9)
	for _, p := range demo.Portfolio2024WithChanges() {
		in2024[p.Code] = true
		whole := p.ListFrom.IsZero() && p.ListUntil.IsZero() && p.Class.OrImplement() == models.ClassImplement
		switch {
		case p.Class == models.ClassPrepare:
			s.prepare = p
		case whole && p.District == "张店区" && p.Nature == models.NatureContinuing && s.continuing.Code == "":
			s.continuing = p
		case whole && p.District == "张店区" && p.Nature == models.NatureNew && p.ActualStart > sept && p.ActualStart <= models.MonthOf(2024, 11) && s.late.Code == "":
			s.late = p
		case whole && p.District != "张店区" && s.removed.Code == "":
			s.removed = p
		}
	}
	for _, p := range demo.Portfolio2023() {
		if !in2024[p.Code] && s.added.Code == "" {
			s.added = p
		}
	}
	for what, p := range map[string]models.Project{"continuing": s.continuing, "late": s.late, "removed": s.removed, "added": s.added, "prepare": s.prepare} {
		if p.Code == "" {
			t.Fatalf("the demo has no %s project", what)
		}
	}
	return s
}

// monthOutputs reads every output for month m of 2024 (and its quarter,
// m being a quarter's last month), by name.
func monthOutputs(t *testing.T, ts *servertest.Server, token, cookie string, m int, codes []string) map[string]string {
	t.Helper()
	out := map[string]string{}
	get := func(path string) string {
		status, _, body := download(t, ts, token, path)
		return fmt.Sprintf("%d %s", status, body)
	}
	month, quarter := fmt.Sprintf("year=2024&month=%d", m), fmt.Sprintf("year=2024&quarter=%d", m/3)
	for _, p := range []string{"/api/v1/rates?" + month, "/api/v1/rates?" + quarter,
		"/api/v1/projects?per_page=1000&" + month, "/api/v1/submissions?" + month} {
		out[p] = get(p)
	}
	for _, c := range codes {
		p := "/api/v1/projects/" + c + "?" + month
		out[p] = get(p)
	}
	for _, p := range []string{"/api/v1/reports/quarterly.xlsx?" + quarter, "/api/v1/reports/quarterly.xlsx?" + month, "/api/v1/projects.xlsx?" + month} {
		_, _, body := download(t, ts, token, p)
		out[p] = workbookText(t, body)
	}
	for _, p := range []string{"/api/v1/reports/quarterly.docx?" + quarter, "/api/v1/reports/quarterly.docx?" + month} {
		_, _, body := download(t, ts, token, p)
		out[p] = docText(t, body)
	}
	for _, p := range []string{"/dashboard?" + month, "/projects?" + month, "/submissions?" + month} {
		out[p] = pageOfMonth(ts.PageBody(p, cookie))
	}
	for _, c := range append(codes[:3:3], codes[4]) { // the added one is not on the list then
		p := "/projects/" + c + "?" + month
		out[p] = pageOfMonth(ts.PageBody(p, cookie))
	}
	return out
}

// notOfTheMonth are the parts of a page that are a record of what was
// done or work to do today, not figures as of its month: the dashboard's
// latest imports, a project's 修改记录 (every change, dated when it was
// made), its edit form and its 督办 section (the items to answer today and
// the forms; the dashboard's 督办 panel is as of the month and compared).
var notOfTheMonth = []*regexp.Regexp{
	regexp.MustCompile(`(?s)<h2>最近的导入.*?</section>`),
	regexp.MustCompile(`(?s)<section class="card" id="history">.*?</section>`),
	regexp.MustCompile(`(?s)<details class="card" id="edit".*?</details>`),
	regexp.MustCompile(`(?s)<section class="card" id="supervision">.*?</section>`),
}

func pageOfMonth(html string) string {
	for _, re := range notOfTheMonth {
		html = re.ReplaceAllString(html, "")
	}
	return html
}

// firstDifference shows where two texts part, with some context.
func firstDifference(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-300)
	return fmt.Sprintf("before: …%s…\nafter:  …%s…", clip(a, from, i+300), clip(b, from, i+300))
}

func clip(s string, from, to int) string {
	return strings.ToValidUTF8(s[min(from, len(s)):min(to, len(s))], "")
}
