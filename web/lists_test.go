package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"tracker/models"
	"tracker/server/servertest"
)

// TestTheOfficeAcceptsAnAdditionInThePreview: a ledger row for a code not
// on the list is refused, the admin accepts it as 增补 with a reason, the
// preview is planned again and the commit adds it from the ledger's month:
// June's rates count it, May's are unchanged.
func TestTheOfficeAcceptsAnAdditionInThePreview(t *testing.T) {
	ts := servertest.New(t)
	admin := signIn(ts, "admin")
	const code = "2406-370303-04-01-000777"
	csv := "\ufeff张店区2024年1-6月市重大项目建设情况台账\n项目代码,项目名称,所属区县,建设性质,1-6月累计完成投资（万元）\n" +
		code + ",年中增补的项目,张店区,新开工,88\n"
	token := ts.Login("admin")
	rates := func(month int) (string, models.Rates) {
		var r models.Rates
		raw := ts.Do("GET", fmt.Sprintf("/api/v1/rates?year=2024&month=%d", month), token, nil, http.StatusOK, &r)
		return string(raw), r
	}
	may, _ := rates(5)
	_, june := rates(6)
	loc := admin.previewed("增补.csv", []byte(csv))
	page := admin.page(loc, http.StatusOK)
	wantContains(t, "refused", page, "不在2024年清单中", `id="additions"`, `value="`+code+`" checked`)
	if page := signIn(ts, "zhangdian").page("/imports", http.StatusOK); strings.Contains(page, "确认增补") {
		t.Error("an uploader is offered to accept additions")
	}
	resp, _ := admin.post(loc+"/additions", url.Values{"csrf": {admin.csrf()}, "code": {code}, "reason": {"经市政府同意年中增补"}})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != loc+"?ok=accepted" {
		t.Fatalf("accept: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	wantContains(t, "replanned", admin.page(loc+"?ok=accepted", http.StatusOK), "已确认增补", "预览中", "新建项目", "列入清单月份")
	if resp, _ := admin.post(loc+"/commit", url.Values{"csrf": {admin.csrf()}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("commit: %d", resp.StatusCode)
	}
	var p models.Project
	ts.Do("GET", "/api/v1/projects/"+code+"?year=2024", ts.Login("admin"), nil, http.StatusOK, &p)
	if p.ListFrom != models.MonthOf(2024, 6) || p.CompletedYTD != 88*models.Wan {
		t.Errorf("the addition: list_from %v, completed %v", p.ListFrom, p.CompletedYTD)
	}
	if after, _ := rates(5); after != may {
		t.Errorf("May's rates changed with an addition from June:\n%s\n%s", may, after)
	}
	if _, after := rates(6); after.Projects != june.Projects+1 || after.Completed != june.Completed+88*models.Wan || after.PlannedStarts != june.PlannedStarts {
		t.Errorf("June: %d projects, %v completed, %d planned starts; want %d, %v, %d", after.Projects, after.Completed, after.PlannedStarts,
			june.Projects+1, june.Completed+88*models.Wan, june.PlannedStarts)
	}
	wantContains(t, "list page", admin.page("/lists?year=2024&month=6", http.StatusOK), code, "经市政府同意年中增补", "增补")
}

// TestTheOfficeWithdrawsAProjectOnTheListPage: 调出 from the form, shown
// in the year's changes; a refused change keeps the form filled in.
func TestTheOfficeWithdrawsAProjectOnTheListPage(t *testing.T) {
	ts := servertest.New(t)
	admin := signIn(ts, "admin")
	p := servertest.FirstProject("张店区")
	page := admin.page("/lists?year=2024&month=12", http.StatusOK)
	wantContains(t, "list", page, "2024年清单", `id="list-on">530<`, "调出", "增补", "转为实施类")
	form := url.Values{"csrf": {admin.csrf()}, "year": {"2024"}, "code": {p.Code}, "action": {"remove"}, "effective": {"2024-09"}, "reason": {"项目终止"}}
	if resp, _ := admin.post("/lists/changes", form); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("remove: %d", resp.StatusCode)
	}
	wantContains(t, "changed", admin.page("/lists?year=2024&month=12&ok=list_changed", http.StatusOK), "已调整年度清单", `id="list-on">529<`, "项目终止")
	resp, body := admin.post("/lists/changes", form)
	if resp.StatusCode != http.StatusConflict || !strings.Contains(body, "项目在生效月份已不在清单中") || !strings.Contains(body, `value="`+p.Code+`"`) {
		t.Errorf("a second removal: %d", resp.StatusCode)
	}
	if resp, _ := signIn(ts, "zhangdian").post("/lists/changes", form); resp.StatusCode != http.StatusForbidden {
		t.Errorf("an uploader changed the list: %d", resp.StatusCode)
	}
}

// TestAListImportPreviewSaysWhatItAddsKeepsAndDrops: the rollover's
// preview, then a published list over it keeping one and adding one.
func TestAListImportPreviewSaysWhatItAddsKeepsAndDrops(t *testing.T) {
	ts := servertest.New(t)
	admin := signIn(ts, "admin")
	resp, _ := admin.post("/lists/rollover", url.Values{"csrf": {admin.csrf()}, "year": {"2024"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("rollover: %d", resp.StatusCode)
	}
	loc := resp.Header.Get("Location")
	wantContains(t, "rollover preview", admin.page(loc, http.StatusOK), "年度清单", `id="list-summary">列入`, "移出 0 个")
	if resp, _ := admin.post(loc+"/commit", url.Values{"csrf": {admin.csrf()}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("commit: %d", resp.StatusCode)
	}
	p := servertest.FirstProject("张店区")
	published := "2025年市重大项目名单\n项目代码,项目名称,所属区县,建设性质,年度计划投资（万元）\n" + p.Code + "," + p.Name + ",张店区,续建,100\n" +
		"2501-370303-04-01-000001,新列入项目,张店区,新开工,50\n"
	var imp servertest.ImportResult
	ts.Upload(ts.Login("admin"), "2025年清单.csv", []byte(published), map[string]string{"kind": "list", "dry_run": "true"}, http.StatusOK, &imp)
	if imp.Kind != "list" {
		t.Errorf("a list import's kind is %q, want list", imp.Kind)
	}
	page := admin.page(fmt.Sprintf("/imports/%d", imp.ID), http.StatusOK)
	if !strings.Contains(page, `id="list-summary">列入 1 个，保留 1 个，移出 `) || strings.Contains(page, "移出 0 个") {
		t.Errorf("the published list's preview does not say 1 added, 1 kept and the rest dropped")
	}
}

// TestTheListPagesItsProjects: 年度清单 shows its projects 50 a page as
// 项目库 (it listed all 530 on one page some 20,000 px long), the count of
// the filter over every page, page links that keep the year, month and
// filter, a 生效月份 chosen from the year's months, and an empty filter
// that says what it found.
func TestTheListPagesItsProjects(t *testing.T) {
	ts := servertest.New(t)
	admin := signIn(ts, "admin")
	first := admin.page("/lists?year=2024&month=12&show=on", http.StatusOK)
	wantContains(t, "page 1", first, `<small id="list-shown">530 个</small>`, `<nav class="pager" aria-label="分页">`,
		`<a href="/lists?month=12&amp;page=2&amp;show=on&amp;year=2024" rel="next">下一页</a>`,
		`<a href="/lists?month=12&amp;page=11&amp;show=on&amp;year=2024" aria-label="第11页">11</a>`,
		`<option value="2024-07">2024年7月起</option>`, "由2024年清单结转生成2025年清单（预览）…")
	if n := strings.Count(first, `<td class="code"><a href="/projects/`); n != 50+5 { // 50 projects and the 5 changes of the year
		t.Errorf("page 1 has %d code links, want 50 projects and 5 changes", n)
	}
	last := admin.page("/lists?year=2024&month=12&show=on&page=11", http.StatusOK)
	if n := strings.Count(last, `<td class="code"><a href="/projects/`); n != 30+5 {
		t.Errorf("page 11 has %d code links, want the last 30 projects and 5 changes", n)
	}
	wantContains(t, "准备类", admin.page("/lists?year=2024&month=12&show=prepare", http.StatusOK),
		`<p class="empty" id="list-empty">截至2024年12月清单中没有准备类项目：清单中的项目都计入两个完成率。</p>`)
}
