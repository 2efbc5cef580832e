package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"tracker/models"
	"tracker/server/servertest"
	"tracker/web"
)

func TestAPasswordSomeoneElseChoseMustBeChangedFirst(t *testing.T) {
	ts := servertest.New(t)
	ctx := context.Background()
	if _, err := ts.Store.CreateUser(ctx, models.User{Name: "boot", Role: models.RoleAdmin, MustChangePassword: true}, "password-boot"); err != nil {
		t.Fatal(err)
	}
	cookie := ts.PageLogin("boot")
	me := servertest.Caller{Name: "boot", Cookie: cookie}
	for _, path := range []string{"/dashboard", "/projects", "/users"} {
		if got := callLocation(ts, path, me); got != web.PasswordPath {
			t.Errorf("%s sends to %q, want the password page", path, got)
		}
	}
	if got := ts.Call("GET", web.PasswordPath, me); got != http.StatusOK {
		t.Errorf("password page: %d", got)
	}
	token := ts.Login("boot") // the API keeps working
	var u models.User
	ts.Do("GET", "/api/v1/me", token, nil, http.StatusOK, &u)
	if !u.MustChangePassword {
		t.Error("/me does not say the password must change")
	}
	post := func(old, new, confirm string) int {
		form := url.Values{"csrf": {web.CSRFToken(cookie)}, "old_password": {old}, "new_password": {new}, "confirm_password": {confirm}}
		req, _ := http.NewRequest("POST", ts.HTTP.URL+web.PasswordPath, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.AddCookie(&http.Cookie{Name: web.SessionCookie, Value: cookie})
		resp, err := noRedirects.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if got := post("password-boot", "new-password-9", "different-9"); got != http.StatusBadRequest {
		t.Errorf("mismatched confirmation: %d", got)
	}
	if got := post("password-boot", "new-password-9", "new-password-9"); got != http.StatusSeeOther {
		t.Fatalf("change: %d", got)
	}
	if got := ts.Call("GET", "/dashboard", me); got != http.StatusOK {
		t.Errorf("dashboard after the change: %d", got)
	}
	ts.Do("GET", "/api/v1/me", token, nil, http.StatusUnauthorized, nil) // other sessions end
	ts.Do("POST", "/api/v1/login", "", map[string]string{"username": "boot", "password": "new-password-9"}, http.StatusOK, nil)
}

var noRedirects = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

// callLocation GETs path as c and returns where it redirects ("" if not).
func callLocation(ts *servertest.Server, path string, c servertest.Caller) string {
	ts.T.Helper()
	req, _ := http.NewRequest("GET", ts.HTTP.URL+path, nil)
	req.AddCookie(&http.Cookie{Name: web.SessionCookie, Value: c.Cookie})
	resp, err := noRedirects.Do(req)
	if err != nil {
		ts.T.Fatal(err)
	}
	resp.Body.Close()
	return resp.Header.Get("Location")
}

func TestProjectPageShowsItsHistory(t *testing.T) {
	ts := servertest.New(t)
	p := servertest.FirstProject("张店区")
	var edit servertest.ImportResult
	ts.Do("PATCH", "/api/v1/projects/"+p.Code, ts.Login("zhangdian"), map[string]any{"period": "2024-06", "completed_ytd_wan": 4321.5, "note": "更正"}, http.StatusOK, &edit)
	ts.Do("POST", fmt.Sprintf("/api/v1/imports/%d/approve", edit.ID), ts.Login("admin"), nil, http.StatusOK, nil) // review on: in force once approved
	page := ts.PageBody("/projects/"+p.Code+"?year=2024", ts.PageLogin("reviewer"))
	for _, want := range []string{"修改记录", "zhangdian", "手工修改", "4,321.50"} {
		if !strings.Contains(page, want) {
			t.Errorf("project page lacks %q", want)
		}
	}
}
