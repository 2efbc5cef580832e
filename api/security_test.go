package api

import (
	"io"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"testing"
)

// who is a caller of the route table: anonymous, or one of the test users
// signed in through the API (bearer) and the pages (cookie + CSRF).
type who struct {
	name          string
	token, cookie string
}

// expect is one route's expected status for anonymous, reviewer, the 张店区
// uploader and admin callers.
type expect struct{ anon, reviewer, uploader, admin int }

// routeTable is every route of the router with the status each kind of
// caller must get for a harmless request (unknown ids, empty bodies), so
// the table checks who is let in without changing the data. Pages send
// callers without a session to the login page (303). A route that
// is added without a row here fails TestEveryRouteIsInTheSecurityTable.
func routeTable() map[string]expect {
	all := func(s int) expect { return expect{s, s, s, s} }
	api := func(r, u, a int) expect { return expect{401, r, u, a} }
	page := func(r, u, a int) expect { return expect{303, r, u, a} }
	return map[string]expect{
		"GET /healthz": all(200), "GET /api/openapi.json": all(200), "GET /api/v1/version": all(200), "GET /metrics": all(200),
		"GET /static/*filepath": all(200), "GET /login": expect{200, 303, 303, 303}, "POST /login": all(401), "POST /api/v1/login": all(400),

		"GET /api/v1/me": api(200, 200, 200), "GET /api/v1/tokens": api(200, 200, 200), "POST /api/v1/me/password": api(400, 400, 400),
		"GET /account/password": page(200, 200, 200), "POST /account/password": page(400, 400, 400),
		"DELETE /api/v1/tokens/:id": api(400, 400, 400), "POST /api/v1/logout": api(204, 204, 204),
		"GET /api/v1/projects": api(200, 200, 200), "GET /api/v1/projects.xlsx": api(200, 200, 200),
		"GET /api/v1/projects/:code": api(200, 200, 200), "GET /api/v1/rates": api(200, 200, 200),
		"GET /api/v1/units": api(200, 200, 200), "GET /api/v1/submissions": api(200, 200, 200),
		"GET /api/v1/template.xlsx": api(200, 200, 200), "GET /api/v1/reports/quarterly.xlsx": api(200, 200, 200),
		"GET /api/v1/imports": api(200, 200, 200), "GET /api/v1/imports/:id": api(404, 404, 404),
		"GET /api/v1/imports/:id/file": api(404, 404, 404), "GET /api/v1/imports/:id/problems.xlsx": api(404, 404, 404),
		"GET /api/v1/locks":    api(200, 200, 200),
		"POST /api/v1/imports": api(403, 400, 400), "POST /api/v1/imports/:id/commit": api(403, 404, 404),
		"POST /api/v1/imports/:id/revert": api(403, 404, 404), "PATCH /api/v1/projects/:code": api(403, 400, 400),
		"GET /api/v1/audit": api(403, 403, 200), "GET /api/v1/audit.xlsx": api(403, 403, 200),
		"POST /api/v1/locks": api(403, 403, 400), "DELETE /api/v1/locks": api(403, 403, 400),

		"GET /": page(303, 303, 303), "POST /logout": page(303, 303, 303),
		"GET /dashboard": page(200, 200, 200), "GET /projects": page(200, 200, 200), "GET /projects.xlsx": page(200, 200, 200),
		"GET /projects/:code": page(200, 200, 200), "GET /imports": page(200, 200, 200), "GET /imports/:id": page(404, 404, 404),
		"GET /imports/:id/file": page(404, 404, 404), "GET /imports/:id/revert": page(404, 404, 404),
		"GET /imports/:id/problems.xlsx": page(404, 404, 404), "GET /reports": page(200, 200, 200),
		"GET /reports/quarterly.xlsx": page(200, 200, 200), "GET /reports/template.xlsx": page(200, 200, 200),
		"POST /imports": page(403, 400, 400), "POST /imports/:id/commit": page(403, 404, 404),
		"POST /imports/:id/discard": page(403, 404, 404), "POST /imports/:id/revert": page(403, 404, 404),
		"POST /projects/:code/edit": page(403, 400, 400),
		"GET /users":                page(403, 403, 200), "GET /audit.xlsx": page(403, 403, 200),
		"POST /users": page(403, 403, 400), "POST /users/:id/role": page(403, 403, 400),
		"POST /users/:id/password": page(403, 403, 400), "POST /users/:id/disabled": page(403, 403, 404),
		"POST /reports/locks": page(403, 403, 400),
	}
}

func TestEveryRouteIsInTheSecurityTable(t *testing.T) {
	ts := newTestServer(t)
	table := routeTable()
	var missing []string
	for _, r := range ts.srv.Config.Handler.(*Server).engine.Routes() {
		if _, ok := table[r.Method+" "+r.Path]; !ok {
			missing = append(missing, r.Method+" "+r.Path)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("routes without a row in routeTable (say who may call them): %v", missing)
	}
}

func TestRouteTableStatuses(t *testing.T) {
	eachServer(t, func(t *testing.T, ts *testServer) {
		own := firstProject("张店区").Code
		callers := []who{{name: "anon"}}
		for _, n := range []string{"reviewer", "zhangdian", "admin"} {
			callers = append(callers, who{name: n, token: ts.login(n), cookie: ts.pageLogin(n)})
		}
		for route, want := range routeTable() {
			method, path, _ := strings.Cut(route, " ")
			for i, c := range callers {
				if method == "POST" && strings.HasSuffix(path, "logout") {
					continue // would end the session the other rows use; covered in the auth tests
				}
				got := ts.call(method, samplePath(path, own), c)
				if w := [4]int{want.anon, want.reviewer, want.uploader, want.admin}[i]; got != w {
					t.Errorf("%s as %s: status %d, want %d", route, c.name, got, w)
				}
			}
		}
	})
}

// samplePath fills a route's parameters with harmless values: an unknown
// import or user id, the uploader's own project, a real static file.
func samplePath(path, own string) string {
	r := strings.NewReplacer(":id", "999", ":code", own, "*filepath", "app.css")
	p := r.Replace(path)
	if strings.HasPrefix(p, "/api/v1/projects/") || strings.HasPrefix(p, "/projects/") {
		p += "?year=2024"
	}
	return p
}

// call sends an empty request as c and returns the status, not following
// redirects. Page POSTs carry the session's CSRF token.
func (ts *testServer) call(method, path string, c who) int {
	ts.t.Helper()
	form := url.Values{}
	if c.cookie != "" {
		form.Set("csrf", csrfToken(c.cookie))
	}
	var body io.Reader
	if method != "GET" {
		body = strings.NewReader(form.Encode())
	}
	req, _ := http.NewRequest(method, ts.srv.URL+path, body)
	if method != "GET" {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if strings.HasPrefix(path, "/api/") && c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	} else if c.cookie != "" {
		req.AddCookie(&http.Cookie{Name: sessionCookie, Value: c.cookie})
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		ts.t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode
}

// pageLogin signs in through the login form and returns the session cookie.
func (ts *testServer) pageLogin(name string) string {
	ts.t.Helper()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	form := url.Values{"username": {name}, "password": {"password-" + name}}
	req, _ := http.NewRequest("POST", ts.srv.URL+"/login", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", ts.srv.URL)
	resp, err := client.Do(req)
	if err != nil {
		ts.t.Fatal(err)
	}
	resp.Body.Close()
	for _, ck := range resp.Cookies() {
		if ck.Name == sessionCookie {
			return ck.Value
		}
	}
	ts.t.Fatalf("no session cookie for %s (status %d)", name, resp.StatusCode)
	return ""
}

// TestScriptAndSQLLookingInputIsPlainText stores names that look like SQL
// and HTML and gets them back unchanged from the API and escaped on pages.
func TestScriptAndSQLLookingInputIsPlainText(t *testing.T) {
	eachServer(t, func(t *testing.T, ts *testServer) {
		admin := ts.login("admin")
		names := map[string]string{
			"2406-370303-26-01-000901": "<script>alert('x')</script>",
			"2406-370303-26-01-000902": "');DROP/**/TABLE/**/projects;--",
			"2406-370303-26-01-000903": "=HYPERLINK(\"http://x\")",
		}
		csv := "张店区2024年1-6月市重大项目建设情况台账\n项目代码,项目名称,所属区县,建设性质,1-6月累计完成投资（万元）\n"
		for code, name := range names {
			csv += code + `,"` + strings.ReplaceAll(name, `"`, `""`) + `",张店区,新开工,1` + "\n"
		}
		var imp importResult
		ts.upload(admin, "注入.csv", []byte(csv), nil, http.StatusOK, &imp)
		if imp.Status != "committed" || imp.RowsImported != 3 {
			t.Fatalf("import %+v", imp)
		}
		cookie := ts.pageLogin("reviewer")
		for code, name := range names {
			var p struct {
				Name string `json:"name"`
			}
			ts.do("GET", "/api/v1/projects/"+code+"?year=2024", admin, nil, http.StatusOK, &p)
			if p.Name != name {
				t.Errorf("%s stored as %q, want %q", code, p.Name, name)
			}
			page := ts.pageBody("/projects/"+code+"?year=2024", cookie)
			if strings.Contains(page, name) && strings.ContainsAny(name, "<>'\"") {
				t.Errorf("%s: the page shows %q unescaped", code, name)
			}
		}
		var list struct {
			Total int `json:"total"`
		}
		ts.do("GET", "/api/v1/projects?year=2024", admin, nil, http.StatusOK, &list)
		if list.Total != 533 {
			t.Errorf("%d projects, want 533: the projects table is intact", list.Total)
		}
	})
}

// pageBody GETs a page with a session cookie and returns its HTML.
func (ts *testServer) pageBody(path, cookie string) string {
	ts.t.Helper()
	req, _ := http.NewRequest("GET", ts.srv.URL+path, nil)
	req.AddCookie(&http.Cookie{Name: sessionCookie, Value: cookie})
	return string(ts.send(req, http.StatusOK, nil))
}
