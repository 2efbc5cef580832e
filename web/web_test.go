package web_test

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"tracker/models"
	"tracker/models/store"
	"tracker/server/servertest"
	"tracker/web"
)

// pageClient is a browser without script: a cookie jar, forms posted by
// hand, redirects reported rather than followed.
type pageClient struct {
	ts      *servertest.Server
	http    *http.Client
	session string
}

func newPageClient(ts *servertest.Server) *pageClient {
	jar, _ := cookiejar.New(nil)
	return &pageClient{ts: ts, http: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
}

// signIn logs in through the log-in form and keeps the session cookie.
func signIn(ts *servertest.Server, name string) *pageClient {
	ts.T.Helper()
	pc := newPageClient(ts)
	resp, _ := pc.post("/login", url.Values{"username": {name}, "password": {"password-" + name}})
	if resp.StatusCode != http.StatusSeeOther {
		ts.T.Fatalf("log in as %s: status %d", name, resp.StatusCode)
	}
	for _, c := range resp.Cookies() {
		if c.Name == web.SessionCookie {
			pc.session = c.Value
		}
	}
	return pc
}

func (pc *pageClient) csrf() string { return web.CSRFToken(pc.session) }

func (pc *pageClient) do(req *http.Request) (*http.Response, string) {
	pc.ts.T.Helper()
	req.Header.Set("Accept", "text/html")
	resp, err := pc.http.Do(req)
	if err != nil {
		pc.ts.T.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

func (pc *pageClient) get(path string) (*http.Response, string) {
	req, _ := http.NewRequest("GET", pc.ts.HTTP.URL+path, nil)
	return pc.do(req)
}

func (pc *pageClient) post(path string, form url.Values) (*http.Response, string) {
	req, _ := http.NewRequest("POST", pc.ts.HTTP.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return pc.do(req)
}

// page gets a page and checks its status.
func (pc *pageClient) page(path string, want int) string {
	pc.ts.T.Helper()
	resp, body := pc.get(path)
	if resp.StatusCode != want {
		pc.ts.T.Fatalf("GET %s: status %d, want %d: %.400s", path, resp.StatusCode, want, body)
	}
	return body
}

// upload posts a ledger through the 数据导入 form as a browser without
// script does, and returns the response.
func (pc *pageClient) upload(name string, data []byte, csrf string) (*http.Response, string) {
	return pc.send(name, data, map[string]string{"csrf": csrf, "period": ""})
}

// uploadWith posts a ledger through the form with the given fields.
func (pc *pageClient) uploadWith(name string, data []byte, fields map[string]string) (*http.Response, string) {
	fields["csrf"] = pc.csrf()
	return pc.send(name, data, fields)
}

// send posts the upload form's fields and file.
func (pc *pageClient) send(name string, data []byte, fields map[string]string) (*http.Response, string) {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write(data)
	mw.Close()
	req, _ := http.NewRequest("POST", pc.ts.HTTP.URL+"/imports", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return pc.do(req)
}

// previewed uploads a ledger and returns the preview's address.
func (pc *pageClient) previewed(name string, data []byte) string {
	pc.ts.T.Helper()
	resp, body := pc.upload(name, data, pc.csrf())
	if resp.StatusCode != http.StatusSeeOther {
		pc.ts.T.Fatalf("upload %s: status %d: %.400s", name, resp.StatusCode, body)
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
	ts := servertest.New(t)
	anon := newPageClient(ts)
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
		if c.Name == web.SessionCookie {
			cookie = c
		}
	}
	if cookie == nil || !cookie.HttpOnly || cookie.SameSite != http.SameSiteLaxMode || cookie.Path != "/" || cookie.Secure || cookie.Value == "" {
		t.Errorf("session cookie %+v", cookie)
	}
	for name, want := range map[string]string{"admin": "/dashboard", "zhangdian": "/imports", "reviewer": "/dashboard"} {
		resp, _ := signIn(ts, name).get("/")
		if got := resp.Header.Get("Location"); got != want {
			t.Errorf("%s lands on %q, want %q", name, got, want)
		}
	}
	resp, _ = newPageClient(ts).post("/login", url.Values{"username": {"admin"}, "password": {"password-admin"}, "next": {"//evil.example/x"}})
	if got := resp.Header.Get("Location"); got != "/dashboard" {
		t.Errorf("an outside next was followed: %q", got)
	}
}

func TestLogoutEndsTheSession(t *testing.T) {
	ts := servertest.New(t)
	pc := signIn(ts, "reviewer")
	pc.page("/dashboard", http.StatusOK)
	resp, _ := pc.post("/logout", url.Values{"csrf": {pc.csrf()}})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/login" {
		t.Fatalf("logout: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	if _, err := ts.Store.UserByToken(t.Context(), pc.session); err == nil {
		t.Error("the session's token still works after logout")
	}
	if resp, _ := pc.get("/dashboard"); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("after logout /dashboard answers %d", resp.StatusCode)
	}
}

func TestPagesRenderInChinese(t *testing.T) {
	ts := servertest.New(t)
	pc := signIn(ts, "admin")
	p := servertest.FirstProject("张店区")
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
	ts := servertest.New(t)
	pc := signIn(ts, "admin")
	loc := pc.previewed("a.csv", servertest.ZhangdianCSV(servertest.FirstProject("张店区").Code, "项目", "1"))
	inline := regexp.MustCompile(`(?i)<script(?:\s[^>]*)?>\s*[^<\s]|<style|\sstyle=|\son[a-z]+=|javascript:`)
	for _, path := range []string{"/login", "/dashboard", "/projects", "/imports", loc, "/reports", "/users"} {
		c := pc
		if path == "/login" {
			c = newPageClient(ts)
		}
		if m := inline.FindString(c.page(path, http.StatusOK)); m != "" {
			t.Errorf("%s has inline script or style: %q", path, m)
		}
	}
	for path, ctype := range map[string]string{"/static/app.css": "text/css", "/static/app.js": "text/javascript", "/static/icon.svg": "image/svg+xml"} {
		resp, _ := newPageClient(ts).get(path)
		if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), ctype) {
			t.Errorf("%s: %d %s", path, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
	}
	if resp, _ := newPageClient(ts).get("/static/"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("/static/ lists a directory: %d", resp.StatusCode)
	}
}

func TestPostWithoutTheCSRFTokenIs403(t *testing.T) {
	ts := servertest.New(t)
	pc := signIn(ts, "admin")
	for _, form := range []url.Values{{}, {"csrf": {"0123"}}, {"csrf": {web.CSRFToken("another-session")}}} {
		resp, body := pc.post("/logout", form)
		if resp.StatusCode != http.StatusForbidden || !strings.Contains(body, "安全校验未通过") {
			t.Errorf("logout with %v: %d", form, resp.StatusCode)
		}
	}
	resp, body := pc.upload("a.csv", servertest.ZhangdianCSV(servertest.FirstProject("张店区").Code, "x", "1"), "")
	if resp.StatusCode != http.StatusForbidden || !strings.Contains(body, "安全校验未通过") {
		t.Errorf("upload without csrf: %d", resp.StatusCode)
	}
	resp, _ = pc.post("/users", url.Values{"name": {"mallory"}, "role": {"admin"}, "password": {"12345678"}})
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("add user without csrf: %d", resp.StatusCode)
	}
	resp, body = newPageClient(ts).post("/login", url.Values{"username": {"admin"}, "password": {"password-admin"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Errorf("log in (no session yet, no token needed): %d %.200s", resp.StatusCode, body)
	}
	req, _ := http.NewRequest("POST", ts.HTTP.URL+"/login", strings.NewReader("username=admin&password=password-admin"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", "https://evil.example")
	if resp, _ := newPageClient(ts).do(req); resp.StatusCode != http.StatusForbidden {
		t.Errorf("log in posted from another site: %d", resp.StatusCode)
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
	pc := signIn(servertest.Serve(t, s), "admin")
	for _, path := range []string{"/dashboard", "/projects"} {
		wantContains(t, path, pc.page(path, http.StatusOK), "还没有任何年度的重大项目清单", `href="/imports"`)
	}
	wantContains(t, "/reports", pc.page("/reports", http.StatusOK), "暂时无法生成报表")
	wantContains(t, "/imports", pc.page("/imports", http.StatusOK), "还没有导入记录")
}
