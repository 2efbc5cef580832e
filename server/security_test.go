package server_test

import (
	"net/http"
	"sort"
	"strings"
	"testing"

	"tracker/server/servertest"
)

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
		"GET /api/v1/reports/quarterly.docx": api(200, 200, 200), "GET /reports/quarterly.docx": page(200, 200, 200),
		"GET /api/v1/imports": api(200, 200, 200), "GET /api/v1/imports/:id": api(404, 404, 404),
		"GET /api/v1/imports/:id/file": api(404, 404, 404), "GET /api/v1/imports/:id/problems.xlsx": api(404, 404, 404),
		"GET /api/v1/locks": api(200, 200, 200), "GET /api/v1/lists/:year": api(200, 200, 200),
		"POST /api/v1/lists/:year/changes": api(403, 403, 400), "POST /api/v1/imports/:id/additions": api(403, 403, 400),
		"POST /api/v1/imports/:id/approve": api(403, 403, 404), "POST /api/v1/imports/:id/return": api(403, 403, 400),
		"POST /api/v1/lists/:year/rollover": api(403, 403, 200),
		"POST /api/v1/imports":              api(403, 400, 400), "POST /api/v1/imports/:id/commit": api(403, 404, 404),
		"GET /api/v1/mappings": api(200, 200, 200), "DELETE /api/v1/mappings/:id": api(403, 404, 404),
		"POST /api/v1/imports/:id/revert": api(403, 404, 404), "PATCH /api/v1/projects/:code": api(403, 400, 400),
		"POST /api/v1/imports/:id/discard": api(403, 404, 404), "POST /api/v1/imports/:id/withdraw": api(403, 404, 404),
		"GET /api/v1/audit": api(403, 403, 200), "GET /api/v1/audit.xlsx": api(403, 403, 200),
		"POST /api/v1/locks": api(403, 403, 400), "DELETE /api/v1/locks": api(403, 403, 400),
		"GET /api/v1/login-blocks": api(403, 403, 200), "DELETE /api/v1/login-blocks": api(403, 403, 400),
		"GET /api/v1/supervisions": api(200, 200, 200), "GET /api/v1/supervisions/:id": api(404, 404, 404),
		"POST /api/v1/supervisions": api(403, 403, 400), "POST /api/v1/supervisions/:id/reply": api(403, 400, 400),
		"POST /api/v1/supervisions/:id/close": api(403, 403, 400), "POST /api/v1/supervisions/:id/reopen": api(403, 403, 400),

		"GET /": page(303, 303, 303), "POST /logout": page(303, 303, 303),
		"GET /dashboard": page(200, 200, 200), "GET /projects": page(200, 200, 200), "GET /projects.xlsx": page(200, 200, 200),
		"GET /projects/:code": page(200, 200, 200), "GET /imports": page(200, 200, 200), "GET /imports/:id": page(404, 404, 404),
		"GET /imports/:id/file": page(404, 404, 404), "GET /imports/:id/revert": page(404, 404, 404),
		"GET /imports/:id/problems.xlsx": page(404, 404, 404), "GET /reports": page(200, 200, 200),
		"GET /reports/quarterly.xlsx": page(200, 200, 200), "GET /reports/template.xlsx": page(200, 200, 200),
		"POST /imports": page(403, 400, 400), "POST /imports/:id/commit": page(403, 404, 404),
		"POST /imports/:id/discard": page(403, 404, 404), "POST /imports/:id/revert": page(403, 404, 404),
		"POST /imports/:id/remap": page(403, 404, 404), "POST /imports/:id/forget-mapping": page(403, 404, 404),
		"POST /projects/:code/edit": page(403, 400, 400),
		"GET /users":                page(403, 403, 200), "GET /audit.xlsx": page(403, 403, 200),
		"POST /users": page(403, 403, 400), "POST /users/:id/role": page(403, 403, 400),
		"POST /users/:id/password": page(403, 403, 400), "POST /users/:id/disabled": page(403, 403, 404),
		"POST /users/login-blocks": page(403, 403, 400),
		"POST /reports/locks":      page(403, 403, 400), "GET /reports/locks": page(403, 403, 400),
		"GET /lists": page(200, 200, 200), "POST /lists/changes": page(403, 403, 400), "POST /lists/rollover": page(403, 403, 400), "POST /imports/:id/additions": page(403, 403, 400),
		"GET /supervisions": page(200, 200, 200), "POST /supervisions": page(403, 403, 400),
		"POST /supervisions/:id/reply": page(403, 404, 404), "POST /supervisions/:id/close": page(403, 403, 404),
		"POST /supervisions/:id/reopen": page(403, 403, 404),
		"POST /imports/:id/approve":     page(403, 403, 404), "POST /imports/:id/return": page(403, 403, 404),
		"POST /imports/:id/withdraw": page(403, 404, 404), "GET /submissions": page(200, 200, 200),
	}
}

func TestEveryRouteIsInTheSecurityTable(t *testing.T) {
	ts := servertest.New(t)
	table := routeTable()
	var missing []string
	for _, r := range ts.Handler().Routes() {
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
	servertest.Each(t, func(t *testing.T, ts *servertest.Server) {
		own := servertest.FirstProject("张店区").Code
		callers := []servertest.Caller{{Name: "anon"}}
		for _, n := range []string{"reviewer", "zhangdian", "admin"} {
			callers = append(callers, servertest.Caller{Name: n, Token: ts.Login(n), Cookie: ts.PageLogin(n)})
		}
		for route, want := range routeTable() {
			method, path, _ := strings.Cut(route, " ")
			for i, c := range callers {
				if method == "POST" && strings.HasSuffix(path, "logout") {
					continue // would end the session the other rows use; covered in the auth tests
				}
				got := ts.Call(method, samplePath(path, own), c)
				if w := [4]int{want.anon, want.reviewer, want.uploader, want.admin}[i]; got != w {
					t.Errorf("%s as %s: status %d, want %d", route, c.Name, got, w)
				}
			}
		}
	})
}

// samplePath fills a route's parameters with harmless values: an unknown
// import or user id, the uploader's own project, a real static file.
func samplePath(path, own string) string {
	r := strings.NewReplacer(":id", "999", ":code", own, "*filepath", "app.css", ":year", "2024")
	p := r.Replace(path)
	if strings.HasPrefix(p, "/api/v1/projects/") || strings.HasPrefix(p, "/projects/") {
		p += "?year=2024"
	}
	return p
}

// TestScriptAndSQLLookingInputIsPlainText stores names that look like SQL
// and HTML and gets them back unchanged from the API and escaped on pages.
func TestScriptAndSQLLookingInputIsPlainText(t *testing.T) {
	servertest.Each(t, func(t *testing.T, ts *servertest.Server) {
		admin := ts.Login("admin")
		names := map[string]string{
			"2406-370303-26-01-000901": "<script>alert('x')</script>",
			"2406-370303-26-01-000902": "');DROP/**/TABLE/**/projects;--",
			"2406-370303-26-01-000903": "=HYPERLINK(\"http://x\")",
		}
		csv := "张店区2024年1-6月市重大项目建设情况台账\n项目代码,项目名称,所属区县,建设性质,1-6月累计完成投资（万元）\n"
		for code, name := range names {
			csv += code + `,"` + strings.ReplaceAll(name, `"`, `""`) + `",张店区,新开工,1` + "\n"
		}
		var imp servertest.ImportResult
		ts.Upload(admin, "注入.csv", []byte(csv), map[string]string{"additions": "*", "addition_reason": "增补测试项目"}, http.StatusOK, &imp)
		if imp.Status != "committed" || imp.RowsImported != 3 {
			t.Fatalf("import %+v", imp)
		}
		cookie := ts.PageLogin("reviewer")
		for code, name := range names {
			var p struct {
				Name string `json:"name"`
			}
			ts.Do("GET", "/api/v1/projects/"+code+"?year=2024", admin, nil, http.StatusOK, &p)
			if p.Name != name {
				t.Errorf("%s stored as %q, want %q", code, p.Name, name)
			}
			page := ts.PageBody("/projects/"+code+"?year=2024", cookie)
			if strings.Contains(page, name) && strings.ContainsAny(name, "<>'\"") {
				t.Errorf("%s: the page shows %q unescaped", code, name)
			}
		}
		var list struct {
			Total int `json:"total"`
		}
		ts.Do("GET", "/api/v1/projects?year=2024", admin, nil, http.StatusOK, &list)
		if list.Total != 533 {
			t.Errorf("%d projects, want 533: the projects table is intact", list.Total)
		}
	})
}
