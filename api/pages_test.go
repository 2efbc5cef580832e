package api

import (
	"bytes"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"tracker/models"
	"tracker/models/store"
)

// pageClient is a browser without script: a cookie jar, forms posted by
// hand, redirects reported rather than followed.
type pageClient struct {
	ts      *testServer
	http    *http.Client
	session string
}

func (ts *testServer) pages() *pageClient {
	jar, _ := cookiejar.New(nil)
	return &pageClient{ts: ts, http: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
}

// signIn logs in through the log-in form and keeps the session cookie.
func (ts *testServer) signIn(name string) *pageClient {
	ts.t.Helper()
	pc := ts.pages()
	resp, _ := pc.post("/login", url.Values{"username": {name}, "password": {"password-" + name}})
	if resp.StatusCode != http.StatusSeeOther {
		ts.t.Fatalf("log in as %s: status %d", name, resp.StatusCode)
	}
	for _, c := range resp.Cookies() {
		if c.Name == sessionCookie {
			pc.session = c.Value
		}
	}
	return pc
}

func (pc *pageClient) csrf() string { return csrfToken(pc.session) }

func (pc *pageClient) do(req *http.Request) (*http.Response, string) {
	pc.ts.t.Helper()
	req.Header.Set("Accept", "text/html")
	resp, err := pc.http.Do(req)
	if err != nil {
		pc.ts.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

func (pc *pageClient) get(path string) (*http.Response, string) {
	req, _ := http.NewRequest("GET", pc.ts.srv.URL+path, nil)
	return pc.do(req)
}

func (pc *pageClient) post(path string, form url.Values) (*http.Response, string) {
	req, _ := http.NewRequest("POST", pc.ts.srv.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return pc.do(req)
}

// page gets a page and checks its status.
func (pc *pageClient) page(path string, want int) string {
	pc.ts.t.Helper()
	resp, body := pc.get(path)
	if resp.StatusCode != want {
		pc.ts.t.Fatalf("GET %s: status %d, want %d: %.400s", path, resp.StatusCode, want, body)
	}
	return body
}

// upload posts a ledger through the 数据导入 form as a browser without
// script does, and returns the response.
func (pc *pageClient) upload(name string, data []byte, csrf string) (*http.Response, string) {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	mw.WriteField("csrf", csrf)
	mw.WriteField("period", "")
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write(data)
	mw.Close()
	req, _ := http.NewRequest("POST", pc.ts.srv.URL+"/imports", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return pc.do(req)
}

// previewed uploads a ledger and returns the preview's address.
func (pc *pageClient) previewed(name string, data []byte) string {
	pc.ts.t.Helper()
	resp, body := pc.upload(name, data, pc.csrf())
	if resp.StatusCode != http.StatusSeeOther {
		pc.ts.t.Fatalf("upload %s: status %d: %.400s", name, resp.StatusCode, body)
	}
	return resp.Header.Get("Location")
}

func wantContains(t *testing.T, what, body string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(body, p) {
			t.Errorf("%s does not contain %q", what, p)
		}
	}
}

func TestPageLoginSetsAnHttpOnlySessionCookieAndLandsByRole(t *testing.T) {
	ts := newTestServer(t)
	anon := ts.pages()
	resp, _ := anon.get("/dashboard?month=6")
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/login?next=%2Fdashboard%3Fmonth%3D6" {
		t.Errorf("without a session: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	resp, body := anon.post("/login", url.Values{"username": {"admin"}, "password": {"wrong-password"}})
	if resp.StatusCode != http.StatusUnauthorized || !strings.Contains(body, "用户名或密码错误") {
		t.Errorf("wrong password: %d", resp.StatusCode)
	}
	resp, _ = anon.post("/login", url.Values{"username": {"admin"}, "password": {"password-admin"}, "next": {"/projects?q=1"}})
	if got := resp.Header.Get("Location"); got != "/projects?q=1" {
		t.Errorf("next: redirected to %q", got)
	}
	var cookie *http.Cookie
	for _, c := range resp.Cookies() {
		if c.Name == sessionCookie {
			cookie = c
		}
	}
	if cookie == nil || !cookie.HttpOnly || cookie.SameSite != http.SameSiteLaxMode || cookie.Path != "/" || cookie.Secure || cookie.Value == "" {
		t.Errorf("session cookie %+v", cookie)
	}
	for name, want := range map[string]string{"admin": "/dashboard", "zhangdian": "/imports", "reviewer": "/dashboard"} {
		resp, _ := ts.signIn(name).get("/")
		if got := resp.Header.Get("Location"); got != want {
			t.Errorf("%s lands on %q, want %q", name, got, want)
		}
	}
	resp, _ = ts.pages().post("/login", url.Values{"username": {"admin"}, "password": {"password-admin"}, "next": {"//evil.example/x"}})
	if got := resp.Header.Get("Location"); got != "/dashboard" {
		t.Errorf("an outside next was followed: %q", got)
	}
}

func TestLogoutEndsTheSession(t *testing.T) {
	ts := newTestServer(t)
	pc := ts.signIn("reviewer")
	pc.page("/dashboard", http.StatusOK)
	resp, _ := pc.post("/logout", url.Values{"csrf": {pc.csrf()}})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/login" {
		t.Fatalf("logout: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	if _, err := ts.store.UserByToken(t.Context(), pc.session); err == nil {
		t.Error("the session's token still works after logout")
	}
	if resp, _ := pc.get("/dashboard"); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("after logout /dashboard answers %d", resp.StatusCode)
	}
}

func TestPagesRenderInChinese(t *testing.T) {
	ts := newTestServer(t)
	pc := ts.signIn("admin")
	p := firstProject("张店区")
	pages := map[string][]string{
		"/dashboard":                   {"总览", "年度投资完成率", "104.1%", "项目开工率", "100.0%", "序时进度", "<svg", "台账报送情况", "还没有导入记录"},
		"/dashboard?year=2024&month=6": {"截至2024年6月", "未按计划开工项目", "滞后项目"},
		"/projects":                    {"项目库", "共 <strong id=\"project-total\">530</strong> 个项目", "下一页"},
		"/projects?district=张店区&nature=新开工":      {p.District, "新开工"},
		"/projects?q=" + url.QueryEscape(p.Name): {p.Code, "共 <strong id=\"project-total\">1</strong>"},
		"/projects?q=不存在的项目名":                    {"没有符合条件的项目"},
		"/projects/" + p.Code + "?year=2024":     {p.Name, "各月累计完成投资", "<svg", "演示数据", "项目信息"},
		"/imports":                               {"上传台账", "导入记录", "还没有导入记录"},
		"/reports":                               {"季度通报", "下载季度报表", "/reports/template.xlsx"},
		"/users":                                 {"添加用户", "zhangdian", "reviewer", "重置"},
	}
	for path, parts := range pages {
		wantContains(t, path, pc.page(path, http.StatusOK), parts...)
	}
	wantContains(t, "unknown project", pc.page("/projects/0000-000000-00-00-000000", http.StatusNotFound), "没有项目代码")
}

// TestPagesHaveNoInlineScriptOrStyle keeps the pages within the server's
// Content-Security-Policy (script-src and style-src 'self').
func TestPagesHaveNoInlineScriptOrStyle(t *testing.T) {
	ts := newTestServer(t)
	pc := ts.signIn("admin")
	loc := pc.previewed("a.csv", zhangdianCSV(firstProject("张店区").Code, "项目", "1"))
	inline := regexp.MustCompile(`(?i)<script(?:\s[^>]*)?>\s*[^<\s]|<style|\sstyle=|\son[a-z]+=|javascript:`)
	for _, path := range []string{"/login", "/dashboard", "/projects", "/imports", loc, "/reports", "/users"} {
		c := pc
		if path == "/login" {
			c = ts.pages()
		}
		if m := inline.FindString(c.page(path, http.StatusOK)); m != "" {
			t.Errorf("%s has inline script or style: %q", path, m)
		}
	}
	for path, ctype := range map[string]string{"/static/app.css": "text/css", "/static/app.js": "text/javascript", "/static/icon.svg": "image/svg+xml"} {
		resp, _ := ts.pages().get(path)
		if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), ctype) {
			t.Errorf("%s: %d %s", path, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
	}
	if resp, _ := ts.pages().get("/static/"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("/static/ lists a directory: %d", resp.StatusCode)
	}
}

func TestPostWithoutTheCSRFTokenIs403(t *testing.T) {
	ts := newTestServer(t)
	pc := ts.signIn("admin")
	for _, form := range []url.Values{{}, {"csrf": {"0123"}}, {"csrf": {csrfToken("another-session")}}} {
		resp, body := pc.post("/logout", form)
		if resp.StatusCode != http.StatusForbidden || !strings.Contains(body, "安全校验未通过") {
			t.Errorf("logout with %v: %d", form, resp.StatusCode)
		}
	}
	resp, body := pc.upload("a.csv", zhangdianCSV(firstProject("张店区").Code, "x", "1"), "")
	if resp.StatusCode != http.StatusForbidden || !strings.Contains(body, "安全校验未通过") {
		t.Errorf("upload without csrf: %d", resp.StatusCode)
	}
	resp, _ = pc.post("/users", url.Values{"name": {"mallory"}, "role": {"admin"}, "password": {"12345678"}})
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("add user without csrf: %d", resp.StatusCode)
	}
	resp, body = ts.pages().post("/login", url.Values{"username": {"admin"}, "password": {"password-admin"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Errorf("log in (no session yet, no token needed): %d %.200s", resp.StatusCode, body)
	}
	req, _ := http.NewRequest("POST", ts.srv.URL+"/login", strings.NewReader("username=admin&password=password-admin"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", "https://evil.example")
	if resp, _ := ts.pages().do(req); resp.StatusCode != http.StatusForbidden {
		t.Errorf("log in posted from another site: %d", resp.StatusCode)
	}
}

// TestUploadPreviewCommitRevertWithoutJavaScript drives 数据导入 with plain
// form posts, as a browser with script off does.
func TestUploadPreviewCommitRevertWithoutJavaScript(t *testing.T) {
	ts := newTestServer(t)
	pc := ts.signIn("zhangdian")
	p := firstProject("张店区")
	loc := pc.previewed("张店区1-6月.csv", zhangdianCSV(p.Code, p.Name, "12345.67"))
	preview := pc.page(loc, http.StatusOK)
	wantContains(t, "preview", preview, "预览中", "第4行", "错误", "项目代码", "<del>", "<ins>12345.67</ins>", "确认提交", "放弃本次导入", "problems.xlsx")
	id := strings.TrimPrefix(loc, "/imports/")

	resp, _ := pc.post(loc+"/commit", url.Values{"csrf": {pc.csrf()}})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != loc+"?ok=committed" {
		t.Fatalf("commit: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	wantContains(t, "committed", pc.page(loc+"?ok=committed", http.StatusOK), "已提交：数据已按本次导入更新", "撤销本次导入")
	wantContains(t, "project", pc.page("/projects/"+p.Code+"?year=2024", http.StatusOK), "第"+id+"号导入", "张店区1-6月.csv")
	wantContains(t, "dashboard", ts.signIn("admin").page("/dashboard?year=2024&month=6", http.StatusOK), "已报送")
	if resp, body := pc.get("/imports/" + id + "/file"); resp.StatusCode != http.StatusOK || !strings.Contains(body, p.Code) {
		t.Errorf("original file: %d", resp.StatusCode)
	}
	if resp, body := pc.get("/imports/" + id + "/problems.xlsx"); resp.StatusCode != http.StatusOK || !strings.HasPrefix(body, "PK") {
		t.Errorf("problems workbook: %d", resp.StatusCode)
	}

	wantContains(t, "confirm", pc.page(loc+"/revert", http.StatusOK), "确认撤销第"+id+"号导入")
	resp, _ = pc.post(loc+"/revert", url.Values{"csrf": {pc.csrf()}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("revert: %d", resp.StatusCode)
	}
	wantContains(t, "reverted", pc.page(loc+"?ok=reverted", http.StatusOK), "已撤销")
	resp, body := pc.post(loc+"/revert", url.Values{"csrf": {pc.csrf()}})
	if resp.StatusCode != http.StatusConflict || !strings.Contains(body, "只有已提交的导入可以撤销") {
		t.Errorf("second revert: %d", resp.StatusCode)
	}

	discard := pc.previewed("again.csv", zhangdianCSV(p.Code, p.Name, "1.5"))
	if resp, _ := pc.post(discard+"/discard", url.Values{"csrf": {pc.csrf()}}); resp.Header.Get("Location") != "/imports?ok=discarded" {
		t.Errorf("discard: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	pc.page(discard, http.StatusNotFound)
}

func TestUploadErrorsShowOnTheFormOrAsJSON(t *testing.T) {
	ts := newTestServer(t)
	pc := ts.signIn("admin")
	resp, body := pc.upload("notes.xlsx", []byte("这不是表格，只是几句话。"), pc.csrf())
	if resp.StatusCode < 400 || resp.StatusCode >= 500 || !strings.Contains(body, `class="alert"`) || !strings.Contains(body, "上传台账") {
		t.Errorf("unreadable file: %d %.300s", resp.StatusCode, body)
	}
	resp, body = pc.upload("empty.csv", nil, pc.csrf())
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "请选择要上传的台账文件") {
		t.Errorf("no file: %d", resp.StatusCode)
	}
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	mw.WriteField("csrf", pc.csrf())
	fw, _ := mw.CreateFormFile("file", "a.csv")
	fw.Write(zhangdianCSV(firstProject("张店区").Code, "x", "1"))
	mw.Close()
	req, _ := http.NewRequest("POST", ts.srv.URL+"/imports", &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Accept", "application/json")
	res, err := pc.http.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var out struct{ Location string }
	raw, _ := io.ReadAll(res.Body)
	decodeJSON(t, raw, &out)
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(out.Location, "/imports/") {
		t.Errorf("script upload: %d %s", res.StatusCode, raw)
	}
}

func TestUploaderSeesOnlyItsUnitsImports(t *testing.T) {
	ts := newTestServer(t)
	admin, zd := ts.signIn("admin"), ts.signIn("zhangdian")
	other := firstProject("淄川区")
	zichuan := "\ufeff淄川区2024年1-6月市重大项目建设情况台账\n项目代码,项目名称,所属区县,1-6月累计完成投资（万元）\n" +
		fmt.Sprintf("%s,%s,淄川区,4321\n", other.Code, other.Name)
	theirs := admin.previewed("淄川区.csv", []byte(zichuan))
	mine := zd.previewed("张店区.csv", zhangdianCSV(firstProject("张店区").Code, "x", "1"))

	list := zd.page("/imports", http.StatusOK)
	if strings.Contains(list, "淄川区.csv") || !strings.Contains(list, "张店区.csv") {
		t.Errorf("the uploader's history:\n%s", list)
	}
	zd.page(theirs, http.StatusNotFound)
	zd.page(theirs+"/file", http.StatusNotFound)
	zd.page(mine, http.StatusOK)
	if resp, _ := zd.post(theirs+"/commit", url.Values{"csrf": {zd.csrf()}}); resp.StatusCode != http.StatusNotFound {
		t.Errorf("an uploader committed another unit's import: %d", resp.StatusCode)
	}
	wantContains(t, "admin's history", admin.page("/imports", http.StatusOK), "淄川区.csv", "张店区.csv")
}

func TestReviewerCannotReachUsersOrUpload(t *testing.T) {
	ts := newTestServer(t)
	rv := ts.signIn("reviewer")
	body := rv.page("/users", http.StatusForbidden)
	wantContains(t, "403 page", body, "没有权限", "审阅人")
	if strings.Contains(rv.page("/dashboard", http.StatusOK), `href="/users"`) {
		t.Error("a reviewer's menu offers 用户管理")
	}
	if strings.Contains(rv.page("/imports", http.StatusOK), "上传并预览") {
		t.Error("a reviewer sees the upload form")
	}
	if resp, _ := rv.upload("a.csv", zhangdianCSV("x", "y", "1"), rv.csrf()); resp.StatusCode != http.StatusForbidden {
		t.Errorf("a reviewer uploaded: %d", resp.StatusCode)
	}
	if resp, _ := rv.post("/users", url.Values{"csrf": {rv.csrf()}, "name": {"x"}, "role": {"admin"}, "password": {"12345678"}}); resp.StatusCode != http.StatusForbidden {
		t.Errorf("a reviewer added a user: %d", resp.StatusCode)
	}
	ts.signIn("zhangdian").page("/users", http.StatusForbidden)
}

func TestAdminManagesUsers(t *testing.T) {
	ts := newTestServer(t)
	pc := ts.signIn("admin")
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
	users, _ := ts.store.Users(t.Context())
	var id int64
	for _, u := range users {
		if u.Name == "zichuan" {
			id = u.ID
		}
	}
	zc := ts.signIn("zichuan")
	post(fmt.Sprintf("/users/%d/role", id), url.Values{"role": {"reviewer"}}, "role")
	post(fmt.Sprintf("/users/%d/password", id), url.Values{"password": {"a-new-password"}}, "password")
	if resp, _ := zc.get("/dashboard"); resp.StatusCode != http.StatusSeeOther {
		t.Error("the session survived a password reset")
	}
	post(fmt.Sprintf("/users/%d/disabled", id), url.Values{"disabled": {"1"}}, "disabled")
	if resp, _ := ts.pages().post("/login", url.Values{"username": {"zichuan"}, "password": {"a-new-password"}}); resp.StatusCode != http.StatusUnauthorized {
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
	ts := newTestServer(t)
	pc := ts.signIn("reviewer")
	for _, path := range []string{"/reports/quarterly.xlsx?year=2024&quarter=4", "/reports/quarterly.xlsx?year=2024&month=6", "/reports/template.xlsx"} {
		resp, body := pc.get(path)
		if resp.StatusCode != http.StatusOK || !strings.HasPrefix(body, "PK") || !strings.Contains(resp.Header.Get("Content-Disposition"), "attachment") {
			t.Errorf("%s: %d %s", path, resp.StatusCode, resp.Header.Get("Content-Disposition"))
		}
	}
	if resp, _ := ts.pages().get("/reports/quarterly.xlsx?year=2024&quarter=4"); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("a download without a session: %d", resp.StatusCode)
	}
}

func TestUnknownAddressIsAPageForBrowsersAndJSONForTheAPI(t *testing.T) {
	ts := newTestServer(t)
	wantContains(t, "404 page", ts.pages().page("/no-such-page", http.StatusNotFound), "找不到页面", "<html")
	var e errorBody
	ts.do("GET", "/api/v1/no-such-thing", "", nil, http.StatusNotFound, &e)
	if e.Error.Code != "not_found" {
		t.Errorf("API 404: %+v", e)
	}
}

func TestAnEmptyDatabaseSaysWhatToDo(t *testing.T) {
	s, err := store.Open(filepath.Join(t.TempDir(), "empty.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.CreateUser(t.Context(), models.User{Name: "admin", Role: models.RoleAdmin}, "password-admin"); err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(NewServer(s, Config{}, discardLog()))
	t.Cleanup(hs.Close)
	pc := (&testServer{t: t, srv: hs, store: s}).signIn("admin")
	for _, path := range []string{"/dashboard", "/projects"} {
		wantContains(t, path, pc.page(path, http.StatusOK), "还没有任何年度的重大项目清单", `href="/imports"`)
	}
	wantContains(t, "/reports", pc.page("/reports", http.StatusOK), "暂时无法生成报表")
	wantContains(t, "/imports", pc.page("/imports", http.StatusOK), "还没有导入记录")
}

func TestHandEditFromTheProjectPage(t *testing.T) {
	ts := newTestServer(t)
	zd := ts.signIn("zhangdian")
	mine, theirs := firstProject("张店区"), firstProject("淄川区")
	page := "/projects/" + mine.Code + "?year=2024&month=6"
	wantContains(t, "own project", zd.page(page, http.StatusOK), "手工修改本项目数据", `name="completed_ytd_wan"`)
	if strings.Contains(zd.page("/projects/"+theirs.Code+"?year=2024", http.StatusOK), "手工修改本项目数据") {
		t.Error("an uploader is offered to edit another unit's project")
	}
	edit := func(code string, form url.Values) (*http.Response, string) {
		form.Set("csrf", zd.csrf())
		return zd.post("/projects/"+code+"/edit", form)
	}
	resp, body := edit(mine.Code, url.Values{"period": {"2024-06"}, "completed_ytd_wan": {"7,654.32"}})
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "请填写修改原因") {
		t.Errorf("edit without a reason: %d", resp.StatusCode)
	}
	resp, _ = edit(theirs.Code, url.Values{"period": {"2024-06"}, "completed_ytd_wan": {"1"}, "note": {"试图修改"}})
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("an uploader edited another unit's project: %d", resp.StatusCode)
	}
	resp, body = edit(mine.Code, url.Values{"period": {"2024-06"}, "completed_ytd_wan": {"7,654.32"}, "note": {"区县来函更正"}})
	loc := resp.Header.Get("Location")
	if resp.StatusCode != http.StatusSeeOther || !strings.HasSuffix(loc, "?ok=edited") {
		t.Fatalf("edit: %d %s %.300s", resp.StatusCode, loc, body)
	}
	wantContains(t, "edit record", zd.page(loc, http.StatusOK), "已保存手工修改", "手工修改", "<ins>7654.32</ins>", "撤销本次导入")
	wantContains(t, "project after edit", zd.page(page, http.StatusOK), "7,654.32", "手工修改 "+mine.Code)
}

// TestWorkbookLinksFollowTheAPI offers the project list and audit trail
// workbooks under the page session when the API has them.
func TestWorkbookLinksFollowTheAPI(t *testing.T) {
	ts := newTestServer(t)
	srv := NewServer(ts.store, Config{}, discardLog())
	admin := ts.signIn("admin")
	checks := []struct{ api, page, link, from string }{
		{"/api/v1/projects.xlsx", "/projects.xlsx?year=2024&district=张店区", "导出项目清单", "/projects"},
		{"/api/v1/audit.xlsx", "/audit.xlsx", "下载数据修改记录", "/imports"},
	}
	for _, c := range checks {
		if srv.apiHandler("GET", c.api) == nil {
			t.Logf("%s not served: no page link expected", c.api)
			continue
		}
		wantContains(t, c.from, admin.page(c.from, http.StatusOK), c.link)
		resp, body := admin.get(c.page)
		if resp.StatusCode != http.StatusOK || !strings.HasPrefix(body, "PK") {
			t.Errorf("%s: %d", c.page, resp.StatusCode)
		}
	}
	if resp, _ := ts.signIn("reviewer").get("/audit.xlsx"); resp.StatusCode != http.StatusForbidden && resp.StatusCode != http.StatusNotFound {
		t.Errorf("a reviewer downloaded the audit trail: %d", resp.StatusCode)
	}
}
