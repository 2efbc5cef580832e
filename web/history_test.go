package web_test

import (
	"fmt"
	"html"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"tracker/server/servertest"
)

// historyRows returns the cells of the rows of the project page's 修改记录,
// as text.
func historyRows(t *testing.T, page string) [][]string {
	t.Helper()
	i := strings.Index(page, `id="history"`)
	if i < 0 {
		t.Fatal("no 修改记录 on the project page")
	}
	section := page[i : i+strings.Index(page[i:], "</section>")]
	tags := regexp.MustCompile(`<[^>]*>`)
	var rows [][]string
	for _, tr := range regexp.MustCompile(`(?s)<tr>(.*?)</tr>`).FindAllStringSubmatch(section, -1) {
		var cells []string
		for _, td := range regexp.MustCompile(`(?s)<t[dh][^>]*>(.*?)</t[dh]>`).FindAllStringSubmatch(tr[1], -1) {
			cells = append(cells, strings.TrimSpace(html.UnescapeString(tags.ReplaceAllString(td[1], ""))))
		}
		rows = append(rows, cells)
	}
	return rows
}

// TestProjectHistoryShowsEachReason: the project page's 修改记录 shows the
// hand edit's 修改原因 and the list change's reason, at the office's time;
// the import list shows the edit's 修改原因 too.
func TestProjectHistoryShowsEachReason(t *testing.T) {
	ts := servertest.New(t)
	p := servertest.FirstProject("张店区")
	up, admin, reviewer := ts.Login("zhangdian"), ts.Login("admin"), ts.PageLogin("reviewer")
	ts.Store.SetClock(func() time.Time { return time.Date(2024, 7, 1, 1, 5, 30, 0, time.UTC) })
	var edit, change servertest.ImportResult
	ts.Do("PATCH", "/api/v1/projects/"+p.Code, up, map[string]any{"period": "2024-06", "completed_ytd_wan": 4321.5, "note": "与区县核实后更正6月数据"}, http.StatusOK, &edit)
	ts.Do("POST", "/api/v1/lists/2024/changes", admin, map[string]string{"code": p.Code, "action": "remove", "effective": "2024-09", "reason": "项目终止"}, http.StatusOK, &change)
	got := historyRows(t, ts.PageBody("/projects/"+p.Code+"?year=2024", reviewer))
	want := [][]string{
		{"时间", "修改人", "来源", "内容", "原值", "新值", "修改原因", "状态"},
		{"2024-07-01 09:05", "admin", fmt.Sprintf("第%d号导入", change.ID), "调出清单月份", "（空）", "2024-09", "项目终止", "已提交"},
		{"2024-07-01 09:05", "zhangdian", fmt.Sprintf("第%d号手工修改", edit.ID), "累计完成投资（万元）（2024年6月）", "8184.48", "4321.5", "与区县核实后更正6月数据", "已提交"},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("修改记录\n got %q\nwant %q", got, want)
	}
	if page := ts.PageBody("/imports", ts.PageLogin("admin")); !strings.Contains(page, `<small class="edit-note">修改原因：与区县核实后更正6月数据</small>`) {
		t.Error("the import list does not show the edit's 修改原因")
	}
}
