package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"tracker/models"
	"tracker/server/servertest"
)

// setProblems gives a project a 存在问题 for June 2024 by a hand edit.
func setProblems(t *testing.T, ts *servertest.Server, code, problems string) {
	t.Helper()
	admin := ts.Login("admin")
	ts.Do("PATCH", "/api/v1/projects/"+code, admin, map[string]any{"period": "2024-06", "problems": problems, "note": "补报存在问题"}, http.StatusOK, nil)
}

// section is the 督办 section of a project page.
func section(t *testing.T, body string) string {
	t.Helper()
	i := strings.Index(body, `id="supervision"`)
	j := strings.Index(body, `id="history"`)
	if i < 0 || j < i {
		t.Fatalf("no 督办 section in the page")
	}
	return body[i:j]
}

// TestSupervisionThroughThePages: the office opens a 督办 item from the
// project page (the form prefilled from its 存在问题), the unit's uploader
// replies, the office closes and reopens it; every refusal keeps the page
// with a Chinese message; each role sees only the forms it may use.
func TestSupervisionThroughThePages(t *testing.T) {
	ts := servertest.New(t)
	now := time.Date(2024, 7, 10, 2, 0, 0, 0, time.UTC)
	ts.Store.SetClock(func() time.Time { return now })
	p := servertest.FirstProject("张店区")
	setProblems(t, ts, p.Code, "用地预审未批复，需市自然资源局协调")
	admin, zd, rev := signIn(ts, "admin"), signIn(ts, "zhangdian"), signIn(ts, "reviewer")
	page := "/projects/" + p.Code + "?year=2024"

	sec := section(t, admin.page(page, http.StatusOK))
	wantContains(t, "the office's 督办 section", sec, "这个项目还没有督办事项", `id="sv-open-form"`,
		`<option value="张店区" selected>张店区</option>`, `value="2024-07-24"`, ">用地预审未批复，需市自然资源局协调</textarea>")
	if sec := section(t, zd.page(page, http.StatusOK)); strings.Contains(sec, "sv-open-form") {
		t.Error("an uploader is offered the 交办 form")
	}
	open := url.Values{"csrf": {admin.csrf()}, "code": {p.Code}, "unit": {"张店区"}, "deadline": {"2024-07-15"}, "description": {"用地预审未批复，请于7月15日前协调"}}
	if resp, _ := zd.post("/supervisions", url.Values{"csrf": {zd.csrf()}, "code": {p.Code}, "deadline": {"2024-07-15"}, "description": {"x"}}); resp.StatusCode != http.StatusForbidden {
		t.Errorf("an uploader opens an item: %d, want 403", resp.StatusCode)
	}
	bad := url.Values{"csrf": {admin.csrf()}, "code": {p.Code}, "unit": {"张店区"}, "deadline": {"7月15日"}, "description": {"保留我写的内容"}}
	resp, body := admin.post("/supervisions", bad)
	if resp.StatusCode != http.StatusBadRequest {
		t.Fatalf("a bad deadline: %d, want 400", resp.StatusCode)
	}
	wantContains(t, "the page after a bad deadline", body, "办理期限“7月15日”不对", `value="7月15日"`, ">保留我写的内容</textarea>")
	resp, _ = admin.post("/supervisions", open)
	loc := resp.Header.Get("Location")
	if resp.StatusCode != http.StatusSeeOther || !regexp.MustCompile(`^/projects/`+regexp.QuoteMeta(p.Code)+`\?ok=sv_opened#sv-\d+$`).MatchString(loc) {
		t.Fatalf("open: %d %s", resp.StatusCode, loc)
	}
	id := loc[strings.LastIndex(loc, "-")+1:]
	path := "/supervisions/" + id

	sec = section(t, zd.page(page, http.StatusOK))
	wantContains(t, "the uploader's 督办 section", sec, "第"+id+"号督办", "待回复", "2024-07-15", "用地预审未批复，请于7月15日前协调", `action="`+path+`/reply"`)
	if strings.Contains(sec, "/close") {
		t.Error("the uploader is offered 办结")
	}
	if sec := section(t, rev.page(page, http.StatusOK)); strings.Contains(sec, "<form") {
		t.Error("a reviewer is offered a form")
	}
	if resp, _ := rev.post(path+"/reply", url.Values{"csrf": {rev.csrf()}, "text": {"x"}}); resp.StatusCode != http.StatusForbidden {
		t.Errorf("a reviewer replies: %d, want 403", resp.StatusCode)
	}
	if resp, _ := zd.post(path+"/close", url.Values{"csrf": {zd.csrf()}}); resp.StatusCode != http.StatusForbidden {
		t.Errorf("the uploader closes: %d, want 403", resp.StatusCode)
	}
	resp, body = zd.post(path+"/reply", url.Values{"csrf": {zd.csrf()}, "text": {"  "}})
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "请填写回复内容") {
		t.Errorf("an empty reply: %d", resp.StatusCode)
	}
	now = now.Add(time.Hour)
	resp, _ = zd.post(path+"/reply", url.Values{"csrf": {zd.csrf()}, "text": {"已报市自然资源局，预计7月20日批复"}})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/projects/"+p.Code+"?ok=sv_reply#sv-"+id {
		t.Fatalf("reply: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	body = admin.page(page+"&ok=sv_reply", http.StatusOK)
	sec = section(t, body)
	wantContains(t, "the office's section after the reply", sec, "已回复", "已报市自然资源局，预计7月20日批复",
		"2024-07-10 11:00</span> zhangdian 回复：已报市自然资源局", `action="`+path+`/close"`)
	resp, _ = admin.post(path+"/close", url.Values{"csrf": {admin.csrf()}, "text": {"已批复"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("close: %d", resp.StatusCode)
	}
	if resp, body := zd.post(path+"/reply", url.Values{"csrf": {zd.csrf()}, "text": {"补充"}}); resp.StatusCode != http.StatusConflict || !strings.Contains(body, "不能回复") {
		t.Errorf("a reply to a closed item: %d", resp.StatusCode)
	}
	sec = section(t, admin.page(page, http.StatusOK))
	wantContains(t, "the section after closing", sec, "已办结", "admin 办结：已批复", `action="`+path+`/reopen"`)
	if strings.Contains(sec, "/reply") {
		t.Error("a closed item offers a reply")
	}
	sv, err := ts.Store.Supervision(t.Context(), mustID(t, id))
	if err != nil || sv.Status != models.SupervisionClosed || len(sv.Steps) != 3 {
		t.Errorf("stored: %+v %v", sv, err)
	}
}

func mustID(t *testing.T, s string) int64 {
	t.Helper()
	var id int64
	if _, err := fmt.Sscan(s, &id); err != nil {
		t.Fatal(err)
	}
	return id
}

// TestSupervisionListAndDashboardPanel: 督办事项 lists the open and overdue
// items with exact counts; the dashboard's panel has the same counts and
// the overdue list.
func TestSupervisionListAndDashboardPanel(t *testing.T) {
	ts := servertest.New(t)
	now := time.Date(2024, 7, 10, 2, 0, 0, 0, time.UTC)
	ts.Store.SetClock(func() time.Time { return now })
	admin := ts.Login("admin")
	zdp, zcp := servertest.FirstProject("张店区"), servertest.FirstProject("淄川区")
	var ids []int64
	for _, o := range []map[string]string{
		{"code": zdp.Code, "deadline": "2024-07-05", "description": "资金未到位"},   // overdue
		{"code": zdp.Code, "deadline": "2024-07-31", "description": "施工许可待办"},  // in time
		{"code": zcp.Code, "deadline": "2024-07-01", "description": "环评待批复"},   // closed below
		{"code": zcp.Code, "deadline": "2024-07-09", "description": "电力接入待协调"}, // overdue, replied
	} {
		var sv struct {
			ID int64 `json:"id"`
		}
		ts.Do("POST", "/api/v1/supervisions", admin, o, http.StatusCreated, &sv)
		ids = append(ids, sv.ID)
	}
	ts.Do("POST", fmt.Sprintf("/api/v1/supervisions/%d/close", ids[2]), admin, nil, http.StatusOK, nil)
	ts.Do("POST", fmt.Sprintf("/api/v1/supervisions/%d/reply", ids[3]), admin, map[string]string{"text": "已对接供电公司"}, http.StatusOK, nil)

	pc := signIn(ts, "zhangdian")
	body := pc.page("/supervisions", http.StatusOK)
	wantContains(t, "督办事项", body, `<p class="summary" id="sv-summary">待回复 2 · 已回复 1 · 逾期 2 · 已办结 1 · 共 4 项</p>`,
		`<a href="/supervisions" aria-current="page">督办事项</a>`, "今天是 2024-07-10")
	rows := regexp.MustCompile(`<tr data-id="(\d+)" data-status="(\w+)"( class="overdue")?>`).FindAllStringSubmatch(body, -1)
	var got []string
	for _, r := range rows {
		got = append(got, r[1]+r[2]+map[bool]string{true: "!", false: ""}[r[3] != ""])
	}
	want := fmt.Sprintf("[%dopen! %dreplied! %dopen]", ids[0], ids[3], ids[1])
	if fmt.Sprint(got) != want {
		t.Errorf("未办结 rows %v, want %s (overdue first)", got, want)
	}
	if n := strings.Count(body, "去回复"); n != 2 {
		t.Errorf("张店区's uploader may reply to %d items, want its 2", n)
	}
	for q, want := range map[string]int{"?show=overdue": 2, "?show=closed": 1, "?show=all": 4, "?show=all&unit=淄川区": 2, "?unit=张店": 2} {
		if n := strings.Count(pc.page("/supervisions"+q, http.StatusOK), "<tr data-id="); n != want {
			t.Errorf("/supervisions%s: %d rows, want %d", q, n, want)
		}
	}
	wantContains(t, "a bad view", pc.page("/supervisions?show=x", http.StatusBadRequest), "参数 show")
	wantContains(t, "no closed item of 张店区", pc.page("/supervisions?show=closed&unit=张店区", http.StatusOK), "没有已办结的督办事项")

	dash := pc.page("/dashboard?year=2024&month=6", http.StatusOK)
	wantContains(t, "the dashboard's 督办 panel", dash, `<small id="sv-counts">未办结 3 项 · 逾期 2 项`)
	overdue := regexp.MustCompile(`<tr data-id="(\d+)">`).FindAllStringSubmatch(dash[strings.Index(dash, `id="sv-overdue"`):], -1)
	if len(overdue) != 2 || overdue[0][1] != fmt.Sprint(ids[0]) || overdue[1][1] != fmt.Sprint(ids[3]) {
		t.Errorf("overdue list %v, want items %d and %d", overdue, ids[0], ids[3])
	}
	wantContains(t, "the overdue list", dash, zdp.Name, zcp.Name, "2024-07-05", "2024-07-09")
}

// TestDashboardListsTheTenEarliestOverdue: with 12 overdue items the panel
// counts 12 and lists the 10 earliest deadlines, pointing to the rest.
func TestDashboardListsTheTenEarliestOverdue(t *testing.T) {
	ts := servertest.New(t)
	now := time.Date(2024, 7, 31, 2, 0, 0, 0, time.UTC)
	ts.Store.SetClock(func() time.Time { return now })
	admin := ts.Login("admin")
	p := servertest.FirstProject("张店区")
	for d := 12; d >= 1; d-- {
		ts.Do("POST", "/api/v1/supervisions", admin, map[string]string{"code": p.Code, "deadline": fmt.Sprintf("2024-07-%02d", d), "description": "逾期事项"}, http.StatusCreated, nil)
	}
	dash := signIn(ts, "reviewer").page("/dashboard?year=2024&month=6", http.StatusOK)
	wantContains(t, "the panel", dash, `<small id="sv-counts">未办结 12 项 · 逾期 12 项`, "只列出办理期限最早的10项", `href="/supervisions?show=overdue"`)
	table := dash[strings.Index(dash, `id="sv-overdue"`):]
	table = table[:strings.Index(table, "</table>")]
	if n := strings.Count(table, "<tr data-id="); n != 10 || !strings.Contains(table, "2024-07-01") || !strings.Contains(table, "2024-07-10") || strings.Contains(table, "2024-07-11") {
		t.Errorf("the overdue list has %d rows; want the 10 of 1 to 10 July", n)
	}
}

// TestUploaderSeesItsItemsToReplyOnImports: an uploader lands on 数据导入,
// which lists its unit's items waiting for a reply, and no other unit's.
func TestUploaderSeesItsItemsToReplyOnImports(t *testing.T) {
	ts := servertest.New(t)
	now := time.Date(2024, 7, 10, 2, 0, 0, 0, time.UTC)
	ts.Store.SetClock(func() time.Time { return now })
	admin := ts.Login("admin")
	zdp, zcp := servertest.FirstProject("张店区"), servertest.FirstProject("淄川区")
	var replied struct {
		ID int64 `json:"id"`
	}
	ts.Do("POST", "/api/v1/supervisions", admin, map[string]string{"code": zdp.Code, "deadline": "2024-07-05", "description": "资金未到位"}, http.StatusCreated, nil)
	ts.Do("POST", "/api/v1/supervisions", admin, map[string]string{"code": zdp.Code, "deadline": "2024-07-31", "description": "已回复的事项"}, http.StatusCreated, &replied)
	ts.Do("POST", fmt.Sprintf("/api/v1/supervisions/%d/reply", replied.ID), admin, map[string]string{"text": "代为回复"}, http.StatusOK, nil)
	ts.Do("POST", "/api/v1/supervisions", admin, map[string]string{"code": zcp.Code, "deadline": "2024-07-05", "description": "淄川区的事项"}, http.StatusCreated, nil)
	body := signIn(ts, "zhangdian").page("/imports", http.StatusOK)
	i := strings.Index(body, `id="sv-to-reply"`)
	if i < 0 {
		t.Fatal("no 待回复 card on the uploader's 数据导入")
	}
	card := body[i : i+strings.Index(body[i:], "</section>")]
	wantContains(t, "the card", card, "张店区有 1 项督办事项待回复", "资金未到位", "办理期限 2024-07-05", "逾期")
	if strings.Contains(card, "淄川区的事项") || strings.Contains(card, "已回复的事项") {
		t.Error("the card lists another unit's item or one already replied")
	}
	if strings.Contains(signIn(ts, "admin").page("/imports", http.StatusOK), `id="sv-to-reply"`) {
		t.Error("the office gets the uploader's card")
	}
}
