package server_test

// Regression tests of the second penetration test (2026-12-03, an attack
// on a running server from outside), one function per finding.

import (
	"context"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"tracker/httpx"
	"tracker/models"
	"tracker/server"
	"tracker/server/servertest"
	"tracker/web"
)

// get sends a GET with a bearer token (or the page session cookie) and
// returns the status, the Retry-After header and the body.
func get(t *testing.T, url, token, cookie string) (int, string, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if cookie != "" {
		req.AddCookie(&http.Cookie{Name: "tracker_session", Value: cookie})
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Retry-After"), string(raw)
}

// Finding: heavy requests had no bound. Eight concurrent problems.xlsx of
// a 100,000-row ledger took 10.5 GiB on a running server. Now at most
// HeavySlots run at once; the others wait their turn (HeavyWait) and then
// get 429. Here one slot, held by an upload whose body has not ended, and
// no waiting: every heavy route (API and page) gets 429 with a Chinese
// message, light routes answer, an anonymous caller still gets 401; once
// the upload ends, the heavy routes answer again, and a request that waits
// within HeavyWait gets its turn.
func TestHeavyRequestsTakeTurns(t *testing.T) {
	ts := servertest.New(t)
	ts.With(server.Config{HeavySlots: 1, HeavyWait: -1}, servertest.DiscardLog())
	admin, cookie := ts.Login("admin"), ts.PageLogin("admin")
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	req, _ := http.NewRequest("POST", ts.HTTP.URL+"/api/v1/imports", pr)
	req.Header.Set("Authorization", "Bearer "+admin)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	done := make(chan int)
	go func() {
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			done <- 0
			return
		}
		resp.Body.Close()
		done <- resp.StatusCode
	}()
	fw, _ := mw.CreateFormFile("file", "张店区.csv")
	fw.Write(servertest.ZhangdianCSV(servertest.FirstProject("张店区").Code, "某项目", "1"))
	template := ts.HTTP.URL + "/api/v1/template.xlsx"
	for i := 0; ; i++ { // until the upload's handler holds the slot
		if status, _, _ := get(t, template, admin, ""); status == http.StatusTooManyRequests {
			break
		} else if i == 500 {
			t.Fatalf("the template never waited for the held slot (status %d)", status)
		}
		time.Sleep(10 * time.Millisecond)
	}
	heavy := []string{"/api/v1/template.xlsx", "/api/v1/reports/quarterly.xlsx?year=2024&quarter=2", "/api/v1/projects.xlsx?year=2024", "/api/v1/audit.xlsx"}
	for _, p := range heavy {
		status, retry, body := get(t, ts.HTTP.URL+p, admin, "")
		if status != http.StatusTooManyRequests || retry == "" || !strings.Contains(body, "服务器正忙") {
			t.Errorf("%s while the slot is held: %d, Retry-After %q, %.200s; want 429 with 服务器正忙", p, status, retry, body)
		}
	}
	if status, _, body := get(t, ts.HTTP.URL+"/reports/quarterly.xlsx?year=2024&quarter=2", "", cookie); status != 429 || !strings.Contains(body, "服务器正忙") {
		t.Errorf("the page's workbook while the slot is held: %d, want a 429 page", status)
	}
	if status, _, _ := get(t, ts.HTTP.URL+"/api/v1/projects?year=2024", admin, ""); status != 200 {
		t.Errorf("a light route while the slot is held: %d, want 200", status)
	}
	if status, _, _ := get(t, template, "", ""); status != 401 {
		t.Errorf("an anonymous heavy request: %d, want 401 before any turn", status)
	}
	mw.Close()
	pw.Close()
	if status := <-done; status != 200 {
		t.Errorf("the upload that held the slot: %d, want 200", status)
	}
	if status, _, _ := get(t, template, admin, ""); status != 200 {
		t.Errorf("the template once the slot is free: %d, want 200", status)
	}

	ts.With(server.Config{HeavySlots: 1}, servertest.DiscardLog()) // waits up to a minute
	admin = ts.Login("admin")
	pr, pw = io.Pipe()
	req, _ = http.NewRequest("POST", ts.HTTP.URL+"/api/v1/imports", pr)
	req.Header.Set("Authorization", "Bearer "+admin)
	mw = multipart.NewWriter(pw)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	go func() {
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			resp.Body.Close()
		}
		done <- 0
	}()
	mw.CreateFormFile("file", "张店区.csv")
	waited := make(chan int)
	go func() { status, _, _ := get(t, ts.HTTP.URL+"/api/v1/template.xlsx", admin, ""); waited <- status }()
	pw.CloseWithError(io.ErrUnexpectedEOF)
	<-done
	if status := <-waited; status != 200 {
		t.Errorf("a heavy request that waited its turn: %d, want 200", status)
	}
}

// TestEveryHeavyRouteIsARoute: each route httpx.Work bounds is registered
// (a renamed route would silently lose its bound).
func TestEveryHeavyRouteIsARoute(t *testing.T) {
	ts := servertest.New(t)
	routes := map[string]bool{}
	for _, r := range ts.Handler().Routes() {
		routes[r.Method+" "+r.Path] = true
	}
	for _, r := range httpx.HeavyRoutes() {
		if !routes[r] {
			t.Errorf("heavy route %s is not registered", r)
		}
	}
}

// unitObjects are 张店区's objects another unit's uploader must not reach:
// an upload of its uploader waiting for review, a 督办 item, a remembered
// column mapping, the uploader's user id and one of its tokens.
type unitObjects struct {
	imp, supervision, mapping, user int64
	token, code                     string
}

// zhangdianObjects makes unitObjects on ts, and the 淄川区 uploader zichuan.
func zhangdianObjects(t *testing.T, ts *servertest.Server) unitObjects {
	ctx := context.Background()
	if _, err := ts.Store.CreateUser(ctx, models.User{Name: "zichuan", Role: models.RoleUploader, District: "淄川区"}, "password-zichuan"); err != nil {
		t.Fatal(err)
	}
	o := unitObjects{code: servertest.FirstProject("张店区").Code}
	zd, admin := ts.Login("zhangdian"), ts.Login("admin")
	var imp servertest.ImportResult
	ts.Upload(zd, "张店区台账.csv", servertest.ZhangdianCSV(o.code, "某项目", "12"), nil, http.StatusOK, &imp)
	if imp.Status != "submitted" {
		t.Fatalf("the 张店区 upload is %s, want submitted", imp.Status)
	}
	o.imp = imp.ID
	var sv struct {
		ID int64 `json:"id"`
	}
	ts.Do("POST", "/api/v1/supervisions", admin, map[string]string{"code": o.code, "deadline": "2024-07-15", "description": "用地未批复"}, http.StatusCreated, &sv)
	o.supervision = sv.ID
	if err := ts.Store.SaveColumnMapping(ctx, models.ColumnMapping{Unit: "张店区", Signature: "攻击测试", Sheet: "台账",
		Columns: map[string]string{"A": "code"}, Labels: map[string]string{"A": "项目代码"}, User: "zhangdian"}); err != nil {
		t.Fatal(err)
	}
	ms, err := ts.Store.ColumnMappings(ctx, nil)
	if err != nil || len(ms) == 0 {
		t.Fatalf("mappings %v %v", ms, err)
	}
	o.mapping = ms[len(ms)-1].ID
	users, err := ts.Store.Users(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range users {
		if u.Name == "zhangdian" {
			o.user = u.ID
		}
	}
	var tokens struct {
		Items []struct {
			ID string `json:"id"`
		} `json:"items"`
	}
	ts.Do("GET", "/api/v1/tokens", zd, nil, http.StatusOK, &tokens)
	o.token = tokens.Items[0].ID
	return o
}

// path fills a route's parameters with o's objects.
func (o unitObjects) path(route string) string {
	id := func(prefix string, n int64) string {
		return strings.Replace(route, prefix+":id", prefix+strconv.FormatInt(n, 10), 1)
	}
	switch {
	case strings.Contains(route, "/imports/:id"):
		route = id("/imports/", o.imp)
	case strings.Contains(route, "/supervisions/:id"):
		route = id("/supervisions/", o.supervision)
	case strings.Contains(route, "/mappings/:id"):
		route = id("/mappings/", o.mapping)
	case strings.Contains(route, "/users/:id"):
		route = id("/users/", o.user)
	case strings.Contains(route, "/tokens/:id"):
		route = strings.Replace(route, ":id", o.token, 1)
	}
	r := strings.NewReplacer(":code", o.code, ":year", "2024", "*filepath", "app.css").Replace(route)
	if strings.Contains(r, "/projects/") {
		r += "?year=2024"
	}
	return r
}

// objectTable is, for every route with a parameter, the status an
// anonymous caller, the reviewer and 淄川区's uploader get for 张店区's
// real objects (harmless requests: empty bodies, so a body checked first
// answers 400; the test sends those with a real body too). 404 where an uploader of
// another unit must not learn the object exists (imports, mappings,
// tokens); 403 where it is visible but not theirs to change. A route with
// a parameter added without a row fails TestEveryRouteWithAnIDIsInTheObjectTable.
func objectTable() map[string][3]int {
	api := func(r, u int) [3]int { return [3]int{401, r, u} }
	page := func(r, u int) [3]int { return [3]int{303, r, u} }
	return map[string][3]int{
		"GET /static/*filepath":   {200, 200, 200},
		"GET /api/v1/imports/:id": api(200, 404), "GET /api/v1/imports/:id/file": api(200, 404),
		"GET /api/v1/imports/:id/problems.xlsx": api(200, 404),
		"POST /api/v1/imports/:id/commit":       api(403, 404), "POST /api/v1/imports/:id/revert": api(403, 404),
		"POST /api/v1/imports/:id/discard": api(403, 404), "POST /api/v1/imports/:id/withdraw": api(403, 404),
		"POST /api/v1/imports/:id/approve": api(403, 403), "POST /api/v1/imports/:id/return": api(403, 403),
		"POST /api/v1/imports/:id/additions": api(403, 403),
		"GET /api/v1/projects/:code":         api(200, 200), "PATCH /api/v1/projects/:code": api(403, 400),
		"GET /api/v1/lists/:year": api(200, 200), "POST /api/v1/lists/:year/changes": api(403, 403),
		"POST /api/v1/lists/:year/rollover": api(403, 403),
		"DELETE /api/v1/mappings/:id":       api(403, 404), "DELETE /api/v1/tokens/:id": api(404, 404),
		"GET /api/v1/supervisions/:id": api(200, 200), "POST /api/v1/supervisions/:id/reply": api(403, 400),
		"POST /api/v1/supervisions/:id/close": api(403, 403), "POST /api/v1/supervisions/:id/reopen": api(403, 403),

		"GET /imports/:id": page(200, 404), "GET /imports/:id/file": page(200, 404),
		"GET /imports/:id/problems.xlsx": page(200, 404), "GET /imports/:id/revert": page(403, 404),
		"POST /imports/:id/commit": page(403, 404), "POST /imports/:id/revert": page(403, 404),
		"POST /imports/:id/discard": page(403, 404), "POST /imports/:id/withdraw": page(403, 404),
		"POST /imports/:id/remap": page(403, 404), "POST /imports/:id/forget-mapping": page(403, 404),
		"POST /imports/:id/approve": page(403, 403), "POST /imports/:id/return": page(403, 403),
		"POST /imports/:id/additions": page(403, 403),
		"GET /projects/:code":         page(200, 200), "POST /projects/:code/edit": page(403, 400),
		"POST /supervisions/:id/reply": page(403, 403), "POST /supervisions/:id/close": page(403, 403),
		"POST /supervisions/:id/reopen": page(403, 403),
		"POST /users/:id/role":          page(403, 403), "POST /users/:id/password": page(403, 403),
		"POST /users/:id/disabled": page(403, 403),
	}
}

func TestEveryRouteWithAnIDIsInTheObjectTable(t *testing.T) {
	ts := servertest.New(t)
	table := objectTable()
	var missing []string
	for _, r := range ts.Handler().Routes() {
		if _, ok := table[r.Method+" "+r.Path]; strings.ContainsAny(r.Path, ":*") && !ok {
			missing = append(missing, r.Method+" "+r.Path)
		}
	}
	if len(missing) > 0 {
		t.Errorf("routes with a parameter without a row in objectTable (say who may reach another unit's object): %v", missing)
	}
}

// Finding check (IDOR): 淄川区's uploader, the reviewer and anonymous
// callers ask every route with an id for 张店区's real objects; nothing
// changes (the upload still waits for review, the item is still open) and
// 张店区's upload is absent from 淄川区's lists and pages. The edits with
// a real body are refused 403.
func TestAnotherUnitsObjectsByID(t *testing.T) {
	servertest.Each(t, func(t *testing.T, ts *servertest.Server) {
		o := zhangdianObjects(t, ts)
		callers := []servertest.Caller{{Name: "anon"}}
		for _, n := range []string{"reviewer", "zichuan"} {
			callers = append(callers, servertest.Caller{Name: n, Token: ts.Login(n), Cookie: ts.PageLogin(n)})
		}
		for route, want := range objectTable() {
			method, path, _ := strings.Cut(route, " ")
			for i, c := range callers {
				if got := ts.Call(method, o.path(path), c); got != want[i] {
					t.Errorf("%s (%s) as %s: status %d, want %d", route, o.path(path), c.Name, got, want[i])
				}
			}
		}
		zc := callers[2]
		edit := map[string]any{"period": "2024-06", "completed_ytd_wan": 1, "note": "越权修改"}
		ts.Do("PATCH", "/api/v1/projects/"+o.code, zc.Token, edit, http.StatusForbidden, nil)
		ts.Do("POST", fmt.Sprintf("/api/v1/supervisions/%d/reply", o.supervision), zc.Token, map[string]string{"text": "越权回复"}, http.StatusForbidden, nil)
		form := url.Values{"csrf": {web.CSRFToken(zc.Cookie)}, "period": {"2024-06"}, "completed_ytd_wan": {"1"}, "note": {"越权修改"}}
		req, _ := http.NewRequest("POST", ts.HTTP.URL+"/projects/"+o.code+"/edit", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.AddCookie(&http.Cookie{Name: web.SessionCookie, Value: zc.Cookie})
		ts.Send(req, http.StatusForbidden, nil)
		var imp servertest.ImportResult
		ts.Do("GET", "/api/v1/imports/"+strconv.FormatInt(o.imp, 10), ts.Login("admin"), nil, http.StatusOK, &imp)
		if imp.Status != "submitted" {
			t.Errorf("张店区's upload is %s after the others' tries, want submitted", imp.Status)
		}
		if body := ts.PageBody("/imports", callers[1].Cookie); !strings.Contains(body, "张店区台账.csv") {
			t.Errorf("the reviewer's 数据导入 does not list 张店区's upload: the check below would prove nothing")
		}
		for _, p := range []string{"/imports", "/submissions?year=2024&month=6", "/dashboard"} {
			if body := ts.PageBody(p, zc.Cookie); strings.Contains(body, "张店区台账.csv") || strings.Contains(body, fmt.Sprintf("/imports/%d", o.imp)) {
				t.Errorf("%s shows 淄川区's uploader 张店区's upload", p)
			}
		}
		raw := ts.Do("GET", "/api/v1/imports", zc.Token, nil, http.StatusOK, nil)
		if strings.Contains(string(raw), "张店区台账.csv") {
			t.Errorf("GET /api/v1/imports lists 张店区's upload to 淄川区's uploader")
		}
	})
}

// pageLoginWith signs in through the log-in form with a password and
// returns the session cookie.
func pageLoginWith(t *testing.T, ts *servertest.Server, name, password string) string {
	t.Helper()
	form := url.Values{"username": {name}, "password": {password}}
	req, _ := http.NewRequest("POST", ts.HTTP.URL+"/login", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := noFollow.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	for _, ck := range resp.Cookies() {
		if ck.Name == web.SessionCookie {
			return ck.Value
		}
	}
	t.Fatalf("no session for %s: %d", name, resp.StatusCode)
	return ""
}

var noFollow = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

// call sends an empty request (a page POST with csrf when csrf is true)
// and returns the status, the Location and the body.
func call(t *testing.T, ts *servertest.Server, method, path, token, cookie string, csrf bool) (int, string, string) {
	t.Helper()
	form := url.Values{}
	if csrf {
		form.Set("csrf", web.CSRFToken(cookie))
	}
	var body io.Reader
	if method != "GET" {
		body = strings.NewReader(form.Encode())
	}
	req, _ := http.NewRequest(method, ts.HTTP.URL+path, body)
	if method != "GET" {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if strings.HasPrefix(path, "/api/") && token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	} else if cookie != "" {
		req.AddCookie(&http.Cookie{Name: web.SessionCookie, Value: cookie})
	}
	resp, err := noFollow.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Location"), string(raw)
}

// public says whether anonymous callers are answered on route (the route
// table's anonymous column is neither 401 nor the log-in page).
func public(route string) bool {
	e := routeTable()[route]
	return e.anon != 401 && e.anon != 303
}

// Finding check: a user whose password an admin reset reaches nothing
// but the password change, who they are and the log-out, on every route
// of the router: the API answers 403, the pages send to 修改密码.
func TestMustChangePasswordHoldsOnEveryRoute(t *testing.T) {
	ts := servertest.New(t)
	ctx := context.Background()
	users, _ := ts.Store.Users(ctx)
	for _, u := range users {
		if u.Name == "zhangdian" {
			if err := ts.Store.ResetPassword(ctx, u.ID, "Reset-By-Admin-2024"); err != nil {
				t.Fatal(err)
			}
		}
	}
	var login struct {
		Token string `json:"token"`
	}
	ts.Do("POST", "/api/v1/login", "", map[string]string{"username": "zhangdian", "password": "Reset-By-Admin-2024"}, http.StatusOK, &login)
	cookie := pageLoginWith(t, ts, "zhangdian", "Reset-By-Admin-2024")
	allowed := map[string]bool{"POST /api/v1/me/password": true, "GET /api/v1/me": true, "POST /api/v1/logout": true,
		"GET /account/password": true, "POST /account/password": true, "POST /logout": true,
		"POST /login": true, "POST /api/v1/login": true} // logging in again is not a way round
	own := servertest.FirstProject("张店区").Code
	for _, r := range ts.Handler().Routes() {
		route := r.Method + " " + r.Path
		if public(route) || allowed[route] {
			continue
		}
		status, location, _ := call(t, ts, r.Method, samplePath(r.Path, own), login.Token, cookie, true)
		if strings.HasPrefix(r.Path, "/api/") {
			if status != http.StatusForbidden {
				t.Errorf("%s before the password change: %d, want 403", route, status)
			}
		} else if status != http.StatusSeeOther || location != "/account/password" {
			t.Errorf("%s before the password change: %d to %q, want 303 to /account/password", route, status, location)
		}
	}
	if status, _, _ := call(t, ts, "GET", "/api/v1/me", login.Token, "", false); status != 200 {
		t.Errorf("GET /api/v1/me: %d, want 200", status)
	}
	if status, _, _ := call(t, ts, "GET", "/account/password", "", cookie, false); status != 200 {
		t.Errorf("GET /account/password: %d, want 200", status)
	}
}

// Finding check (CSRF): every page POST of the router, sent by a signed-in
// admin without the session's token or with another session's, is refused
// with 403 before it does anything; the log-in form (no session yet) is
// checked by its Origin instead (TestLoginRedirectsOnlyWithinTheSite).
func TestEveryPageFormWantsTheCSRFToken(t *testing.T) {
	ts := servertest.New(t)
	cookie, other := ts.PageLogin("admin"), ts.PageLogin("reviewer")
	own := servertest.FirstProject("张店区").Code
	n := 0
	for _, r := range ts.Handler().Routes() {
		if r.Method == "GET" || strings.HasPrefix(r.Path, "/api/") || r.Path == "/login" || r.Path == "/metrics" {
			continue
		}
		n++
		path := samplePath(r.Path, own)
		for _, forged := range []url.Values{{}, {"csrf": {web.CSRFToken(other)}}} {
			req, _ := http.NewRequest(r.Method, ts.HTTP.URL+path, strings.NewReader(forged.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.AddCookie(&http.Cookie{Name: web.SessionCookie, Value: cookie})
			resp, err := noFollow.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			raw, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusForbidden || !strings.Contains(string(raw), "安全校验未通过") {
				t.Errorf("%s %s with csrf %q: %d, want 403 安全校验未通过", r.Method, r.Path, forged.Get("csrf"), resp.StatusCode)
			}
		}
	}
	if n < 25 {
		t.Errorf("only %d page forms checked", n)
	}
	if status, _, _ := call(t, ts, "GET", "/dashboard", "", cookie, false); status != 200 {
		t.Errorf("the session after the forged forms: %d, want 200 (POST /logout without the token must not end it)", status)
	}
}

// Finding: behind a reverse proxy on the same host, named in
// TRACKER_TRUSTED_PROXIES as the security section says, /metrics without a
// token answered every client, since it judged the TCP peer (the proxy,
// on loopback). It now judges the client the proxy forwards, as the login
// throttles do; the proxy's own requests, and a local scraper, still pass.
func TestMetricsBehindATrustedLocalProxyAnswerLoopbackOnly(t *testing.T) {
	ts := servertest.New(t)
	srv := ts.With(server.Config{TrustedProxies: []string{"127.0.0.1"}}, servertest.DiscardLog())
	for forwarded, want := range map[string]int{"203.0.113.5": http.StatusForbidden, "": http.StatusOK, "127.0.0.1": http.StatusOK} {
		req := httptest.NewRequest("GET", "/metrics", nil)
		req.RemoteAddr = "127.0.0.1:5000"
		if forwarded != "" {
			req.Header.Set("X-Forwarded-For", forwarded)
		}
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		if rec.Code != want {
			t.Errorf("through the proxy for %q: %d, want %d", forwarded, rec.Code, want)
		}
	}
	// Without a trusted proxy the header is ignored: the TCP peer decides.
	srv = ts.With(server.Config{}, servertest.DiscardLog())
	req := httptest.NewRequest("GET", "/metrics", nil)
	req.RemoteAddr = "10.0.0.5:5000"
	req.Header.Set("X-Forwarded-For", "127.0.0.1")
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	if rec.Code != http.StatusForbidden {
		t.Errorf("a forged X-Forwarded-For 127.0.0.1 from 10.0.0.5: %d, want 403", rec.Code)
	}
}
