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
	ts.Do("POST", fmt.Sprintf("/api/v1/imports/%d/approve", edit.ID), admin, nil, http.StatusOK, nil) // review on: in force once approved
	ts.Do("POST", "/api/v1/lists/2024/changes", admin, map[string]string{"code": p.Code, "action": "remove", "effective": "2024-09", "reason": "项目终止"}, http.StatusOK, &change)
	got := historyRows(t, ts.PageBody("/projects/"+p.Code+"?year=2024", reviewer))
	want := [][]string{
		{"时间", "修改人", "来源", "内容", "原值", "新值", "修改原因", "状态"},
		{"2024-07-01 09:05", "admin", fmt.Sprintf("第%d号导入", change.ID), "调出清单月份", "（空）", "2024年9月", "项目终止", "已提交"},
		{"2024-07-01 09:05", "zhangdian", fmt.Sprintf("第%d号手工修改", edit.ID), "累计完成投资（万元）（2024年6月）", "8,184.48", "4,321.50", "与区县核实后更正6月数据", "已提交"},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("修改记录\n got %q\nwant %q", got, want)
	}
	if page := ts.PageBody("/imports", ts.PageLogin("admin")); !strings.Contains(page, `<small class="edit-note">修改原因：与区县核实后更正6月数据</small>`) {
		t.Error("the import list does not show the edit's 修改原因")
	}
}

// TestImportPageShowsItsReason: a list change's page shows its 调整原因 and
// an upload whose 增补 was accepted its 增补或更正原因; that upload's
// changes carry the reason in the project's 修改记录 too.
func TestImportPageShowsItsReason(t *testing.T) {
	ts := servertest.New(t)
	admin, page := ts.Login("admin"), ts.PageLogin("admin")
	p := servertest.FirstProject("张店区")
	var change, pre servertest.ImportResult
	ts.Do("POST", "/api/v1/lists/2024/changes", admin, map[string]string{"code": p.Code, "action": "remove", "effective": "2024-09", "reason": "项目终止"}, http.StatusOK, &change)
	if body := ts.PageBody(fmt.Sprintf("/imports/%d", change.ID), page); !strings.Contains(body, `<dt>调整原因</dt><dd id="import-reason">项目终止</dd>`) {
		t.Error("the list change's page does not show its reason")
	}
	code := "2406-370303-04-01-000777"
	csv := "\ufeff张店区2024年1-6月市重大项目建设情况台账,,,,\n项目代码,项目名称,所属区县,建设性质,1-6月累计完成投资（万元）\n" + code + ",增补测试项目,张店区,续建,5\n"
	ts.Upload(admin, "增补.csv", []byte(csv), map[string]string{"period": "2024-06", "additions": "*", "addition_reason": "经市政府同意年中增补"}, http.StatusOK, &pre)
	if pre.Status != "committed" {
		t.Fatalf("增补 upload %+v", pre)
	}
	if body := ts.PageBody(fmt.Sprintf("/imports/%d", pre.ID), page); !strings.Contains(body, `<dt>增补或更正原因</dt><dd id="import-reason">经市政府同意年中增补</dd>`) {
		t.Error("the upload's page does not show its 增补 reason")
	}
	var edit servertest.ImportResult
	ts.Do("PATCH", "/api/v1/projects/"+p.Code, admin, map[string]any{"period": "2024-06", "completed_ytd_wan": 1, "note": "核对"}, http.StatusOK, &edit)
	if body := ts.PageBody(fmt.Sprintf("/imports/%d", edit.ID), page); strings.Contains(body, `id="import-reason"`) || !strings.Contains(body, `<dd id="edit-note">核对</dd>`) {
		t.Error("a hand edit's page shows an import reason, or not its 修改原因")
	}
	rows := historyRows(t, ts.PageBody("/projects/"+code+"?year=2024", page))
	if len(rows) < 2 || rows[1][6] != "经市政府同意年中增补" {
		t.Errorf("the added project's 修改记录 %q, want the 增补 reason", rows)
	}
}

// TestProjectHistoryListsOnlyChangesInForce: with review on, a unit's
// upload waiting for review (待审核) and one returned (已退回) changed no
// figure, so the project page's 修改记录 lists neither; a line above it
// names the waiting one with a link. Once approved, its change is listed
// and the line is gone.
func TestProjectHistoryListsOnlyChangesInForce(t *testing.T) {
	ts := servertest.New(t)
	p := servertest.FirstProject("张店区")
	up, admin, reviewer := ts.Login("zhangdian"), ts.Login("admin"), ts.PageLogin("reviewer")
	ts.Store.SetClock(func() time.Time { return time.Date(2024, 7, 1, 1, 5, 30, 0, time.UTC) })
	var returned, sent servertest.ImportResult
	ts.Upload(up, "张店区1-6月.csv", servertest.ZhangdianCSV(p.Code, p.Name, "5000.25"), nil, http.StatusOK, &returned)
	ts.Do("POST", fmt.Sprintf("/api/v1/imports/%d/return", returned.ID), admin, map[string]string{"reason": "第4行项目代码有误"}, http.StatusOK, nil)
	ts.Upload(up, "张店区1-6月（重报）.csv", servertest.ZhangdianCSV(p.Code, p.Name, "6000.5"), nil, http.StatusOK, &sent)
	if returned.Status != "submitted" || sent.Status != "submitted" {
		t.Fatalf("uploads are %s and %s, want submitted", returned.Status, sent.Status)
	}
	page := ts.PageBody("/projects/"+p.Code+"?year=2024", reviewer)
	if got := historyRows(t, page); len(got) != 0 {
		t.Errorf("修改记录 lists changes not in force: %q", got)
	}
	line := fmt.Sprintf(`<p class="pending" id="history-pending">有1份待审核的报送涉及本项目（审核通过前不改变任何数据，不列入修改记录）：<a href="/imports/%d">第%d号导入</a></p>`, sent.ID, sent.ID)
	wantContains(t, "project page", page, line, "导入和手工修改都还没有改动过这个项目")

	ts.Do("POST", fmt.Sprintf("/api/v1/imports/%d/approve", sent.ID), admin, nil, http.StatusOK, nil)
	page = ts.PageBody("/projects/"+p.Code+"?year=2024", reviewer)
	want := [][]string{
		{"时间", "修改人", "来源", "内容", "原值", "新值", "修改原因", "状态"},
		{"2024-07-01 09:05", "zhangdian", fmt.Sprintf("第%d号导入", sent.ID), "累计完成投资（万元）（2024年6月）", "8,184.48", "6,000.50", "", "已提交"},
	}
	if got := historyRows(t, page); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("修改记录 after approval\n got %q\nwant %q", got, want)
	}
	if strings.Contains(page, `id="history-pending"`) {
		t.Error("the approved upload is still named as waiting")
	}
}
