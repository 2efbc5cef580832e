package servertest

import (
	"bytes"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"

	"tracker/models"
	"tracker/models/demo"
	"tracker/web"
)

// Upload posts a file to /api/v1/imports with form fields.
func (ts *Server) Upload(token, name string, data []byte, fields map[string]string, wantStatus int, out any) []byte {
	ts.T.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write(data)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	mw.Close()
	req, _ := http.NewRequest("POST", ts.HTTP.URL+"/api/v1/imports", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+token)
	return ts.Send(req, wantStatus, out)
}

// Caller is a caller of the route table: anonymous, or one of the test
// users signed in through the API (Token) and the pages (Cookie).
type Caller struct {
	Name          string
	Token, Cookie string
}

// Call sends an empty request as c and returns the status, not following
// redirects. API paths carry c's bearer token, pages its session cookie;
// page POSTs carry the session's CSRF token.
func (ts *Server) Call(method, path string, c Caller) int {
	ts.T.Helper()
	form := url.Values{}
	if c.Cookie != "" {
		form.Set("csrf", web.CSRFToken(c.Cookie))
	}
	var body io.Reader
	if method != "GET" {
		body = strings.NewReader(form.Encode())
	}
	req, _ := http.NewRequest(method, ts.HTTP.URL+path, body)
	if method != "GET" {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if strings.HasPrefix(path, "/api/") && c.Token != "" {
		req.Header.Set("Authorization", "Bearer "+c.Token)
	} else if c.Cookie != "" {
		req.AddCookie(&http.Cookie{Name: web.SessionCookie, Value: c.Cookie})
	}
	resp, err := noRedirects.Do(req)
	if err != nil {
		ts.T.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode
}

var noRedirects = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

// PageLogin signs in through the login form and returns the session cookie.
func (ts *Server) PageLogin(name string) string {
	ts.T.Helper()
	form := url.Values{"username": {name}, "password": {"password-" + name}}
	req, _ := http.NewRequest("POST", ts.HTTP.URL+"/login", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", ts.HTTP.URL)
	resp, err := noRedirects.Do(req)
	if err != nil {
		ts.T.Fatal(err)
	}
	resp.Body.Close()
	for _, ck := range resp.Cookies() {
		if ck.Name == web.SessionCookie {
			return ck.Value
		}
	}
	ts.T.Fatalf("no session cookie for %s (status %d)", name, resp.StatusCode)
	return ""
}

// PageBody GETs a page with a session cookie and returns its HTML.
func (ts *Server) PageBody(path, cookie string) string {
	ts.T.Helper()
	req, _ := http.NewRequest("GET", ts.HTTP.URL+path, nil)
	req.AddCookie(&http.Cookie{Name: web.SessionCookie, Value: cookie})
	return string(ts.Send(req, http.StatusOK, nil))
}

// ZhangdianCSV is a district ledger as a spreadsheet program saves it: a
// title, a header, one good row for a real project and one with a bad code.
func ZhangdianCSV(code, name string, completedWan string) []byte {
	return []byte("\ufeff张店区2024年1-6月市重大项目建设情况台账,,,\n" +
		"项目代码,项目名称,所属区县,1-6月累计完成投资（万元）\n" +
		fmt.Sprintf("%s,%s,张店区,%s\n", code, name, completedWan) +
		"2403-3703-04-01-000123,代码错误的项目,张店区,100\n")
}

// ImportResult is the part of the API's import answer the tests read.
type ImportResult struct {
	ID           int64  `json:"id"`
	Status       string `json:"status"`
	Kind         string `json:"kind"`
	SHA256       string `json:"sha256"`
	Period       string `json:"period"`
	RowsTotal    int    `json:"rows_total"`
	RowsImported int    `json:"rows_imported"`
	Updated      int    `json:"updated"`
	Problems     []struct {
		Sheet, Column, Severity, Message string
		Row                              int
	} `json:"problems"`
	Changes []struct {
		Code, Field string
		Old, New    *string
	} `json:"changes"`
}

// FirstProject is the demo portfolio's first project of a district.
func FirstProject(district string) models.Project {
	for _, p := range demo.Portfolio2024() {
		if p.District == district {
			return p
		}
	}
	panic("no project in " + district)
}

// HasChinese says whether s holds a CJK character (a message for users).
func HasChinese(s string) bool {
	for _, r := range s {
		if r >= 0x4e00 && r <= 0x9fff {
			return true
		}
	}
	return false
}
