package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"tracker/server/servertest"
)

func TestReviewerCannotReachUsersOrUpload(t *testing.T) {
	ts := servertest.New(t)
	rv := signIn(ts, "reviewer")
	body := rv.page("/users", http.StatusForbidden)
	wantContains(t, "403 page", body, "没有权限", "审阅人")
	if strings.Contains(rv.page("/dashboard", http.StatusOK), `href="/users"`) {
		t.Error("a reviewer's menu offers 用户管理")
	}
	if strings.Contains(rv.page("/imports", http.StatusOK), "上传并预览") {
		t.Error("a reviewer sees the upload form")
	}
	if resp, _ := rv.upload("a.csv", servertest.ZhangdianCSV("x", "y", "1"), rv.csrf()); resp.StatusCode != http.StatusForbidden {
		t.Errorf("a reviewer uploaded: %d", resp.StatusCode)
	}
	if resp, _ := rv.post("/users", url.Values{"csrf": {rv.csrf()}, "name": {"x"}, "role": {"admin"}, "password": {"12345678"}}); resp.StatusCode != http.StatusForbidden {
		t.Errorf("a reviewer added a user: %d", resp.StatusCode)
	}
	signIn(ts, "zhangdian").page("/users", http.StatusForbidden)
}

func TestAdminManagesUsers(t *testing.T) {
	ts := servertest.New(t)
	pc := signIn(ts, "admin")
	post := func(path string, form url.Values, wantOK string) string {
		t.Helper()
		form.Set("csrf", pc.csrf())
		resp, body := pc.post(path, form)
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/users?ok="+wantOK {
			t.Fatalf("POST %s: %d %s %.300s", path, resp.StatusCode, resp.Header.Get("Location"), body)
		}
		return body
	}
	post("/users", url.Values{"name": {"zichuan"}, "role": {"uploader"}, "district": {"淄川区"}, "password": {"password-zichuan"}}, "created")
	wantContains(t, "users", pc.page("/users?ok=created", http.StatusOK), "已添加用户", "zichuan")
	users, _ := ts.Store.Users(t.Context())
	var id int64
	for _, u := range users {
		if u.Name == "zichuan" {
			id = u.ID
		}
	}
	zc := signIn(ts, "zichuan")
	post(fmt.Sprintf("/users/%d/role", id), url.Values{"role": {"reviewer"}}, "role")
	post(fmt.Sprintf("/users/%d/password", id), url.Values{"password": {"a-new-password"}}, "password")
	if resp, _ := zc.get("/dashboard"); resp.StatusCode != http.StatusSeeOther {
		t.Error("the session survived a password reset")
	}
	post(fmt.Sprintf("/users/%d/disabled", id), url.Values{"disabled": {"1"}}, "disabled")
	if resp, _ := newPageClient(ts).post("/login", url.Values{"username": {"zichuan"}, "password": {"a-new-password"}}); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("a disabled user logged in: %d", resp.StatusCode)
	}
	post(fmt.Sprintf("/users/%d/disabled", id), url.Values{"disabled": {"0"}}, "enabled")

	resp, body := pc.post("/users", url.Values{"csrf": {pc.csrf()}, "name": {"x"}, "role": {"uploader"}, "password": {"password-x"}})
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "填报员必须指定") {
		t.Errorf("uploader without a unit: %d", resp.StatusCode)
	}
	for _, u := range users {
		if u.Name == "admin" {
			resp, body = pc.post(fmt.Sprintf("/users/%d/disabled", u.ID), url.Values{"csrf": {pc.csrf()}, "disabled": {"1"}})
		}
	}
	if resp.StatusCode != http.StatusConflict || !strings.Contains(body, "不能停用自己") {
		t.Errorf("admin disabled itself: %d", resp.StatusCode)
	}
}

func TestPageDownloads(t *testing.T) {
	ts := servertest.New(t)
	pc := signIn(ts, "reviewer")
	for _, path := range []string{"/reports/quarterly.xlsx?year=2024&quarter=4", "/reports/quarterly.xlsx?year=2024&month=6", "/reports/template.xlsx",
		"/reports/quarterly.docx?year=2024&quarter=4", "/reports/quarterly.docx?year=2024&month=6"} {
		resp, body := pc.get(path)
		if resp.StatusCode != http.StatusOK || !strings.HasPrefix(body, "PK") || !strings.Contains(resp.Header.Get("Content-Disposition"), "attachment") {
			t.Errorf("%s: %d %s", path, resp.StatusCode, resp.Header.Get("Content-Disposition"))
		}
	}
	if resp, _ := newPageClient(ts).get("/reports/quarterly.xlsx?year=2024&quarter=4"); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("a download without a session: %d", resp.StatusCode)
	}
}

// TestWorkbookLinksFollowTheAPI offers the API's project list and audit
// trail workbooks under the page session.
func TestWorkbookLinksFollowTheAPI(t *testing.T) {
	ts := servertest.New(t)
	admin := signIn(ts, "admin")
	checks := []struct{ api, page, link, from string }{
		{"/api/v1/projects.xlsx", "/projects.xlsx?year=2024&district=张店区", "导出项目清单", "/projects"},
		{"/api/v1/audit.xlsx", "/audit.xlsx", "下载数据修改记录", "/imports"},
	}
	for _, c := range checks {
		wantContains(t, c.from, admin.page(c.from, http.StatusOK), c.link)
		resp, body := admin.get(c.page)
		if resp.StatusCode != http.StatusOK || !strings.HasPrefix(body, "PK") {
			t.Errorf("%s: %d", c.page, resp.StatusCode)
		}
	}
	if resp, _ := signIn(ts, "reviewer").get("/audit.xlsx"); resp.StatusCode != http.StatusForbidden && resp.StatusCode != http.StatusNotFound {
		t.Errorf("a reviewer downloaded the audit trail: %d", resp.StatusCode)
	}
}

func TestAdminLocksAQuarterFromTheReportsPage(t *testing.T) {
	ts := servertest.New(t)
	admin, zd := signIn(ts, "admin"), signIn(ts, "zhangdian")
	wantContains(t, "reports", admin.page("/reports", http.StatusOK), "2024年季度锁定", "锁定")
	resp, _ := admin.post("/reports/locks", url.Values{"csrf": {admin.csrf()}, "year": {"2024"}, "quarter": {"2"}, "lock": {"1"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("lock: %d", resp.StatusCode)
	}
	wantContains(t, "locked", admin.page("/reports?ok=locked", http.StatusOK), "已锁定该季度", "已锁定", "解锁")
	p := servertest.FirstProject("张店区")
	// A locked quarter is refused at preview already, on the form itself.
	resp, body := zd.upload("张店区.csv", servertest.ZhangdianCSV(p.Code, p.Name, "1"), zd.csrf())
	if resp.StatusCode != http.StatusConflict || !strings.Contains(body, "2024年第2季度已锁定") || !strings.Contains(body, `name="file"`) {
		t.Errorf("preview into a locked quarter: %d %.300s", resp.StatusCode, body)
	}
	if resp, _ := zd.post("/reports/locks", url.Values{"csrf": {zd.csrf()}, "year": {"2024"}, "quarter": {"2"}, "lock": {"0"}}); resp.StatusCode != http.StatusForbidden {
		t.Errorf("an uploader unlocked a quarter: %d", resp.StatusCode)
	}
	if strings.Contains(zd.page("/reports", http.StatusOK), `action="/reports/locks"`) {
		t.Error("an uploader is offered the lock buttons")
	}
	admin.post("/reports/locks", url.Values{"csrf": {admin.csrf()}, "year": {"2024"}, "quarter": {"2"}, "lock": {"0"}})
	loc := zd.previewed("张店区.csv", servertest.ZhangdianCSV(p.Code, p.Name, "1"))
	if resp, _ := zd.post(loc+"/commit", url.Values{"csrf": {zd.csrf()}}); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("commit after unlocking: %d", resp.StatusCode)
	}
}
