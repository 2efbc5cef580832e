package server_test

// Regression tests of the second penetration test (2026-12-03, an attack
// on a running server from outside), one function per finding.

import (
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"
	"time"

	"tracker/httpx"
	"tracker/server"
	"tracker/server/servertest"
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
