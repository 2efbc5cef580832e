package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"tracker/api"
	"tracker/httpx"
	"tracker/server"
	"tracker/server/servertest"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"

	"tracker/models"
)

func loadOpenAPI(t *testing.T) *openapi3.T {
	t.Helper()
	doc, err := openapi3.NewLoader().LoadFromData(api.OpenAPIDoc)
	if err != nil {
		t.Fatalf("openapi.json does not load: %v", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("openapi.json is not a valid OpenAPI 3 description: %v", err)
	}
	return doc
}

// conformance sends real requests and checks each request and its answer
// against the description of the route it names.
type conformance struct {
	t       *testing.T
	ts      *servertest.Server
	doc     *openapi3.T
	checked map[string][]int // "METHOD /path/{param}" → statuses seen
}

// call sends one request to the route with the OpenAPI path template tmpl
// (path is tmpl filled in, with a query), validates request and answer,
// checks the status and returns the body.
func (c *conformance) call(method, tmpl, path, token, contentType string, body []byte, want int) []byte {
	c.t.Helper()
	req, _ := http.NewRequest(method, c.ts.HTTP.URL+path, bytes.NewReader(body))
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	item := c.doc.Paths.Find(tmpl)
	if item == nil || item.GetOperation(method) == nil {
		c.t.Fatalf("%s %s is not in openapi.json", method, tmpl)
	}
	in := &openapi3filter.RequestValidationInput{Request: req, PathParams: pathParams(tmpl, req.URL.Path),
		Route:   &routers.Route{Spec: c.doc, Path: tmpl, PathItem: item, Method: method, Operation: item.GetOperation(method)},
		Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc, IncludeResponseStatus: true}}
	if want < 400 {
		if err := openapi3filter.ValidateRequest(context.Background(), in); err != nil {
			c.t.Errorf("%s %s: request does not match the description: %v", method, path, err)
		}
		req.Body = io.NopCloser(bytes.NewReader(body))
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != want {
		c.t.Fatalf("%s %s: status %d, want %d: %.300s", method, path, resp.StatusCode, want, raw)
	}
	out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: resp.StatusCode, Header: resp.Header, Options: in.Options}
	out.SetBodyBytes(raw)
	if err := openapi3filter.ValidateResponse(context.Background(), out); err != nil {
		c.t.Errorf("%s %s → %d: answer does not match the description: %v", method, path, resp.StatusCode, err)
	}
	key := method + " " + tmpl
	c.checked[key] = append(c.checked[key], resp.StatusCode)
	return raw
}

func (c *conformance) json(method, tmpl, path, token string, body any, want int) []byte {
	c.t.Helper()
	var b []byte
	if body != nil {
		b, _ = json.Marshal(body)
	}
	return c.call(method, tmpl, path, token, "application/json", b, want)
}

// pathParams matches a filled path against its template.
func pathParams(tmpl, path string) map[string]string {
	names := regexp.MustCompile(`\{(\w+)\}`).FindAllStringSubmatch(tmpl, -1)
	re := regexp.MustCompile("^" + regexp.MustCompile(`\\\{\w+\\\}`).ReplaceAllString(regexp.QuoteMeta(tmpl), `([^/]+)`) + "$")
	m := re.FindStringSubmatch(path)
	out := map[string]string{}
	for i, n := range names {
		if m != nil {
			v, _ := url.PathUnescape(m[i+1])
			out[n[1]] = v
		}
	}
	return out
}

func multipartBody(fields map[string]string, name string, data []byte) (string, []byte) {
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write(data)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	mw.Close()
	return mw.FormDataContentType(), b.Bytes()
}

// TestOpenAPIConformance sends requests to every route under /api/v1 and
// /healthz of a real server on the demo portfolio, checks every request
// and answer against openapi.json, and fails when a route has no path
// there, or a described operation no route or no successful call.
func TestOpenAPIConformance(t *testing.T) {
	openapi3filter.RegisterBodyDecoder(httpx.XLSXType, openapi3filter.FileBodyDecoder)
	ts := servertest.New(t)
	srv := ts.With(server.Config{Version: "1.2.3"}, servertest.DiscardLog())
	c := &conformance{t: t, ts: ts, doc: loadOpenAPI(t), checked: map[string][]int{}}

	c.call("GET", "/healthz", "/healthz", "", "", nil, 200)
	if v := c.call("GET", "/api/v1/version", "/api/v1/version", "", "", nil, 200); string(v) != `{"version":"1.2.3"}` {
		t.Errorf("version %s", v)
	}
	var login struct {
		Token string `json:"token"`
	}
	servertest.DecodeJSON(t, c.json("POST", "/api/v1/login", "/api/v1/login", "", map[string]string{"username": "zhangdian", "password": "password-zhangdian"}, 200), &login)
	up, admin, reviewer := login.Token, ts.Login("admin"), ts.Login("reviewer")
	c.json("POST", "/api/v1/login", "/api/v1/login", "", map[string]string{"username": "admin", "password": "wrong"}, 401)
	c.call("POST", "/api/v1/login", "/api/v1/login", "", "application/json", []byte(`"not an object"`), 400)
	c.call("GET", "/api/v1/me", "/api/v1/me", up, "", nil, 200)
	c.call("GET", "/api/v1/me", "/api/v1/me", "", "", nil, 401)
	spare := ts.Login("reviewer")
	var tokens struct {
		Items []struct {
			ID      string `json:"id"`
			Current bool   `json:"current"`
		} `json:"items"`
	}
	servertest.DecodeJSON(t, c.call("GET", "/api/v1/tokens", "/api/v1/tokens", reviewer, "", nil, 200), &tokens)
	for _, tk := range tokens.Items {
		if !tk.Current {
			c.call("DELETE", "/api/v1/tokens/{id}", "/api/v1/tokens/"+tk.ID, reviewer, "", nil, 204)
		}
	}
	c.call("DELETE", "/api/v1/tokens/{id}", "/api/v1/tokens/0123456789abcdef", reviewer, "", nil, 404)
	c.call("DELETE", "/api/v1/tokens/{id}", "/api/v1/tokens/x", reviewer, "", nil, 400)
	c.call("GET", "/api/v1/me", "/api/v1/me", spare, "", nil, 401)
	c.json("POST", "/api/v1/me/password", "/api/v1/me/password", reviewer, map[string]string{"old_password": "wrong", "new_password": "new-password-1"}, 400)
	c.json("POST", "/api/v1/me/password", "/api/v1/me/password", reviewer, map[string]string{"old_password": "password-reviewer", "new_password": "new-password-1"}, 204)

	p := servertest.FirstProject("张店区")
	c.call("GET", "/api/v1/projects", "/api/v1/projects?year=2024&district=张店区&nature=续建&page=1&per_page=3", reviewer, "", nil, 200)
	c.call("GET", "/api/v1/projects", "/api/v1/projects?per_page=1001", reviewer, "", nil, 400)
	c.call("GET", "/api/v1/projects.xlsx", "/api/v1/projects.xlsx?year=2024&district="+url.QueryEscape("张店区"), reviewer, "", nil, 200)
	c.call("GET", "/api/v1/projects/{code}", "/api/v1/projects/"+p.Code+"?year=2024", reviewer, "", nil, 200)
	c.call("GET", "/api/v1/projects/{code}", "/api/v1/projects/2403-370303-04-01-999999", reviewer, "", nil, 404)
	c.call("GET", "/api/v1/rates", "/api/v1/rates?year=2024&quarter=2", reviewer, "", nil, 200)
	c.call("GET", "/api/v1/rates", "/api/v1/rates?year=2024&month=7", reviewer, "", nil, 200)
	c.call("GET", "/api/v1/rates", "/api/v1/rates?year=2024&quarter=5", reviewer, "", nil, 400)
	c.call("GET", "/api/v1/units", "/api/v1/units", reviewer, "", nil, 200)
	c.call("GET", "/api/v1/template.xlsx", "/api/v1/template.xlsx", reviewer, "", nil, 200)
	c.call("GET", "/api/v1/reports/quarterly.xlsx", "/api/v1/reports/quarterly.xlsx?year=2024&quarter=2", reviewer, "", nil, 200)
	c.call("GET", "/api/v1/reports/quarterly.docx", "/api/v1/reports/quarterly.docx?year=2024&quarter=2", reviewer, "", nil, 200)
	c.call("GET", "/api/v1/reports/quarterly.docx", "/api/v1/reports/quarterly.docx?year=2024&month=13", reviewer, "", nil, 400)

	ct, body := multipartBody(map[string]string{"dry_run": "true", "period": "2024-06"}, "张店区.csv", servertest.ZhangdianCSV(p.Code, p.Name, "12345.67"))
	var imp servertest.ImportResult
	servertest.DecodeJSON(t, c.call("POST", "/api/v1/imports", "/api/v1/imports", up, ct, body, 200), &imp)
	ct, body = multipartBody(nil, "picture.xlsx", append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 100)...))
	c.call("POST", "/api/v1/imports", "/api/v1/imports", up, ct, body, 415)
	c.call("POST", "/api/v1/imports", "/api/v1/imports", reviewer, ct, body, 403)
	id := fmt.Sprint(imp.ID)
	c.call("GET", "/api/v1/imports", "/api/v1/imports?period=2024-06&district="+url.QueryEscape("张店区"), reviewer, "", nil, 200)
	c.call("GET", "/api/v1/imports/{id}", "/api/v1/imports/"+id, reviewer, "", nil, 200)
	c.call("GET", "/api/v1/imports/{id}", "/api/v1/imports/999", reviewer, "", nil, 404)
	c.call("GET", "/api/v1/imports/{id}/file", "/api/v1/imports/"+id+"/file", reviewer, "", nil, 200)
	c.call("GET", "/api/v1/imports/{id}/problems.xlsx", "/api/v1/imports/"+id+"/problems.xlsx", reviewer, "", nil, 200)
	c.call("POST", "/api/v1/imports/{id}/commit", "/api/v1/imports/"+id+"/commit", up, "", nil, 200) // submitted for review
	c.call("POST", "/api/v1/imports/{id}/commit", "/api/v1/imports/"+id+"/commit", up, "", nil, 409)
	c.call("POST", "/api/v1/imports/{id}/approve", "/api/v1/imports/"+id+"/approve", up, "", nil, 403)
	c.json("POST", "/api/v1/imports/{id}/return", "/api/v1/imports/"+id+"/return", admin, map[string]string{"reason": " "}, 400)
	c.call("POST", "/api/v1/imports/{id}/approve", "/api/v1/imports/"+id+"/approve", admin, "", nil, 200)
	c.call("POST", "/api/v1/imports/{id}/approve", "/api/v1/imports/"+id+"/approve", admin, "", nil, 409)
	c.call("POST", "/api/v1/imports/{id}/discard", "/api/v1/imports/"+id+"/discard", up, "", nil, 409) // committed: revert instead
	ct, body = multipartBody(map[string]string{"period": "2024-06"}, "张店区.csv", servertest.ZhangdianCSV(p.Code, p.Name, "12000"))
	var sent servertest.ImportResult
	servertest.DecodeJSON(t, c.call("POST", "/api/v1/imports", "/api/v1/imports", up, ct, body, 200), &sent)
	c.json("POST", "/api/v1/imports/{id}/return", "/api/v1/imports/"+fmt.Sprint(sent.ID)+"/return", up, map[string]string{"reason": "x"}, 403)
	c.json("POST", "/api/v1/imports/{id}/return", "/api/v1/imports/"+fmt.Sprint(sent.ID)+"/return", admin, map[string]string{"reason": "请核实第4行"}, 200)
	c.json("POST", "/api/v1/imports/{id}/return", "/api/v1/imports/"+fmt.Sprint(sent.ID)+"/return", admin, map[string]string{"reason": "再退"}, 409)
	ct, body = multipartBody(map[string]string{"period": "2024-06"}, "张店区.csv", servertest.ZhangdianCSV(p.Code, p.Name, "12100"))
	var taken servertest.ImportResult
	servertest.DecodeJSON(t, c.call("POST", "/api/v1/imports", "/api/v1/imports", up, ct, body, 200), &taken)
	c.call("POST", "/api/v1/imports/{id}/withdraw", "/api/v1/imports/"+fmt.Sprint(taken.ID)+"/withdraw", reviewer, "", nil, 403)
	c.call("POST", "/api/v1/imports/{id}/withdraw", "/api/v1/imports/"+fmt.Sprint(taken.ID)+"/withdraw", up, "", nil, 200)
	c.call("POST", "/api/v1/imports/{id}/withdraw", "/api/v1/imports/"+fmt.Sprint(taken.ID)+"/withdraw", up, "", nil, 409)
	ct, body = multipartBody(map[string]string{"dry_run": "true"}, "张店区.csv", servertest.ZhangdianCSV(p.Code, p.Name, "12345.67"))
	var spareImp servertest.ImportResult
	servertest.DecodeJSON(t, c.call("POST", "/api/v1/imports", "/api/v1/imports", up, ct, body, 200), &spareImp)
	spareID := fmt.Sprint(spareImp.ID)
	c.call("POST", "/api/v1/imports/{id}/discard", "/api/v1/imports/"+spareID+"/discard", reviewer, "", nil, 403)
	c.call("POST", "/api/v1/imports/{id}/discard", "/api/v1/imports/"+spareID+"/discard", up, "", nil, 204)
	c.call("POST", "/api/v1/imports/{id}/discard", "/api/v1/imports/"+spareID+"/discard", up, "", nil, 404)
	c.call("GET", "/api/v1/imports/{id}", "/api/v1/imports/"+spareID, reviewer, "", nil, 404)
	c.call("GET", "/api/v1/submissions", "/api/v1/submissions?year=2024&month=6", reviewer, "", nil, 200)
	ct, body = multipartBody(map[string]string{"dry_run": "true", "mapping": `{"C": ""}`}, "张店区.csv", servertest.ZhangdianCSV(p.Code, p.Name, "1"))
	c.call("POST", "/api/v1/imports", "/api/v1/imports", up, ct, body, 200)
	var mappings struct {
		Items []struct {
			ID int64 `json:"id"`
		} `json:"items"`
	}
	servertest.DecodeJSON(t, c.call("GET", "/api/v1/mappings", "/api/v1/mappings", up, "", nil, 200), &mappings)
	if len(mappings.Items) != 1 {
		t.Fatalf("mappings %+v", mappings)
	}
	mid := fmt.Sprint(mappings.Items[0].ID)
	c.call("DELETE", "/api/v1/mappings/{id}", "/api/v1/mappings/"+mid, reviewer, "", nil, 403)
	c.call("DELETE", "/api/v1/mappings/{id}", "/api/v1/mappings/"+mid, up, "", nil, 204)
	c.call("DELETE", "/api/v1/mappings/{id}", "/api/v1/mappings/"+mid, up, "", nil, 404)

	c.json("PATCH", "/api/v1/projects/{code}", "/api/v1/projects/"+p.Code, up, map[string]any{"period": "2024-07", "completed_ytd_wan": 20000.5, "note": "核实"}, 200)
	c.json("PATCH", "/api/v1/projects/{code}", "/api/v1/projects/"+p.Code, reviewer, map[string]any{"period": "2024-07", "completed_ytd_wan": 1}, 403)
	var sv struct {
		ID int64 `json:"id"`
	}
	c.json("POST", "/api/v1/supervisions", "/api/v1/supervisions", up, map[string]string{"code": p.Code, "deadline": "2024-07-15", "description": "x"}, 403)
	c.json("POST", "/api/v1/supervisions", "/api/v1/supervisions", admin, map[string]string{"code": p.Code, "deadline": "7月", "description": "x"}, 400)
	servertest.DecodeJSON(t, c.json("POST", "/api/v1/supervisions", "/api/v1/supervisions", admin,
		map[string]string{"code": p.Code, "unit": "张店区", "deadline": "2024-07-15", "description": "用地预审未批复"}, 201), &sv)
	svp := fmt.Sprintf("/api/v1/supervisions/%d", sv.ID)
	c.call("GET", "/api/v1/supervisions", "/api/v1/supervisions?status=open&unit="+url.QueryEscape("张店区")+"&overdue=1&page=1&per_page=20", reviewer, "", nil, 200)
	c.call("GET", "/api/v1/supervisions", "/api/v1/supervisions?overdue=x", reviewer, "", nil, 400)
	c.call("GET", "/api/v1/supervisions/{id}", svp, reviewer, "", nil, 200)
	c.call("GET", "/api/v1/supervisions/{id}", "/api/v1/supervisions/999", reviewer, "", nil, 404)
	c.json("POST", "/api/v1/supervisions/{id}/reply", svp+"/reply", reviewer, map[string]string{"text": "x"}, 403)
	c.json("POST", "/api/v1/supervisions/{id}/reply", svp+"/reply", up, map[string]string{"text": "已报市自然资源局"}, 200)
	c.json("POST", "/api/v1/supervisions/{id}/reopen", svp+"/reopen", admin, map[string]string{"text": "x"}, 409)
	c.json("POST", "/api/v1/supervisions/{id}/close", svp+"/close", admin, map[string]string{"text": "已批复"}, 200)
	c.json("POST", "/api/v1/supervisions/{id}/reopen", svp+"/reopen", admin, map[string]string{"text": "批复有误"}, 200)
	c.call("GET", "/api/v1/audit", "/api/v1/audit?code="+p.Code+"&from=2020-01-01&limit=10", admin, "", nil, 200)
	c.call("GET", "/api/v1/audit", "/api/v1/audit", reviewer, "", nil, 403)
	c.call("GET", "/api/v1/audit.xlsx", "/api/v1/audit.xlsx", admin, "", nil, 200)

	c.json("POST", "/api/v1/locks", "/api/v1/locks", admin, map[string]int{"year": 2024, "quarter": 2}, 200)
	c.call("GET", "/api/v1/locks", "/api/v1/locks", reviewer, "", nil, 200)
	c.call("POST", "/api/v1/imports/{id}/revert", "/api/v1/imports/"+id+"/revert", up, "", nil, 409) // Q2 is locked
	c.json("DELETE", "/api/v1/locks", "/api/v1/locks", admin, map[string]int{"year": 2024, "quarter": 2}, 200)
	c.call("POST", "/api/v1/imports/{id}/revert", "/api/v1/imports/"+id+"/revert", admin, "", nil, 200)
	newRow := servertest.ZhangdianCSV("2406-370303-04-01-000777", "增补测试项目", "5")
	ct, body = multipartBody(map[string]string{"dry_run": "true", "period": "2024-06"}, "增补.csv", newRow)
	var pre servertest.ImportResult
	servertest.DecodeJSON(t, c.call("POST", "/api/v1/imports", "/api/v1/imports", admin, ct, body, 200), &pre)
	c.json("POST", "/api/v1/imports/{id}/additions", "/api/v1/imports/"+fmt.Sprint(pre.ID)+"/additions", admin,
		map[string]any{"codes": []string{"*"}, "reason": "年中增补"}, 200)
	c.json("POST", "/api/v1/imports/{id}/additions", "/api/v1/imports/"+fmt.Sprint(pre.ID)+"/additions", admin,
		map[string]any{"codes": []string{"*"}}, 400)
	c.call("GET", "/api/v1/lists/{year}", "/api/v1/lists/2024", reviewer, "", nil, 200)
	c.call("GET", "/api/v1/lists/{year}", "/api/v1/lists/1999", reviewer, "", nil, 404)
	var change servertest.ImportResult
	servertest.DecodeJSON(t, c.json("POST", "/api/v1/lists/{year}/changes", "/api/v1/lists/2024/changes", admin,
		map[string]string{"code": p.Code, "action": "remove", "effective": "2024-09", "reason": "项目终止"}, 200), &change)
	c.json("POST", "/api/v1/lists/{year}/changes", "/api/v1/lists/2024/changes", admin,
		map[string]string{"code": p.Code, "action": "remove", "effective": "2024-10", "reason": "再次调出"}, 409)
	c.json("POST", "/api/v1/lists/{year}/changes", "/api/v1/lists/2024/changes", up,
		map[string]string{"code": p.Code, "action": "add", "effective": "2024-10", "reason": "x"}, 403)
	c.call("POST", "/api/v1/imports/{id}/revert", "/api/v1/imports/"+fmt.Sprint(change.ID)+"/revert", admin, "", nil, 200)
	var roll servertest.ImportResult
	servertest.DecodeJSON(t, c.call("POST", "/api/v1/lists/{year}/rollover", "/api/v1/lists/2024/rollover", admin, "", nil, 200), &roll)
	c.call("POST", "/api/v1/imports/{id}/discard", "/api/v1/imports/"+fmt.Sprint(roll.ID)+"/discard", admin, "", nil, 204)
	var blocks struct {
		Items []httpx.Block `json:"items"`
	}
	servertest.DecodeJSON(t, c.call("GET", "/api/v1/login-blocks", "/api/v1/login-blocks", admin, "", nil, 200), &blocks)
	c.call("GET", "/api/v1/login-blocks", "/api/v1/login-blocks", reviewer, "", nil, 403)
	c.call("DELETE", "/api/v1/login-blocks", "/api/v1/login-blocks?account=admin&address=127.0.0.1", admin, "", nil, 200)
	c.call("DELETE", "/api/v1/login-blocks", "/api/v1/login-blocks", admin, "", nil, 400)
	c.call("POST", "/api/v1/logout", "/api/v1/logout", up, "", nil, 204)

	c.checkCoverage(srv)
}

// checkCoverage: every /api/v1 route and /healthz has an operation in the
// description that was called successfully; every operation is a route.
func (c *conformance) checkCoverage(srv *server.Server) {
	c.t.Helper()
	routes := map[string]bool{}
	for _, r := range srv.Routes() {
		if !strings.HasPrefix(r.Path, "/api/v1/") && r.Path != "/healthz" {
			continue
		}
		key := r.Method + " " + regexp.MustCompile(`:(\w+)`).ReplaceAllString(r.Path, "{$1}")
		routes[key] = true
		item := c.doc.Paths.Find(strings.SplitN(key, " ", 2)[1])
		if item == nil || item.GetOperation(r.Method) == nil {
			c.t.Errorf("route %s has no operation in openapi.json", key)
			continue
		}
		if !slices.ContainsFunc(c.checked[key], func(s int) bool { return s < 300 }) {
			c.t.Errorf("route %s was never answered successfully in this test (statuses %v)", key, c.checked[key])
		}
	}
	var described []string
	for path, item := range c.doc.Paths.Map() {
		for method := range item.Operations() {
			described = append(described, method+" "+path)
		}
	}
	sort.Strings(described)
	for _, key := range described {
		if !routes[key] {
			c.t.Errorf("openapi.json describes %s, which the server has no route for", key)
		}
	}
}

// TestOpenAPIErrorCodesAreTheErrorTable: the description's error codes are
// exactly the codes httpx maps to statuses.
func TestOpenAPIErrorCodesAreTheErrorTable(t *testing.T) {
	doc := loadOpenAPI(t)
	var got []string
	for _, v := range doc.Components.Schemas["Error"].Value.Properties["error"].Value.Properties["code"].Value.Enum {
		got = append(got, v.(string))
	}
	want := httpx.Codes()
	sort.Strings(got)
	if !slices.Equal(got, want) {
		t.Errorf("openapi.json error codes %v, the error table %v", got, want)
	}
}

func TestOpenAPIIsServedWithoutLogin(t *testing.T) {
	ts := servertest.New(t)
	raw := ts.Do("GET", "/api/openapi.json", "", nil, http.StatusOK, nil)
	if !bytes.Equal(raw, api.OpenAPIDoc) {
		t.Error("/api/openapi.json differs from the served description")
	}
}

// TestOpenAPIFieldsAreTheRegistry keeps the described Project and
// ProjectEdit equal to the field registry: every field of a project is a
// property of Project, every editable one of ProjectEdit, and nothing else.
func TestOpenAPIFieldsAreTheRegistry(t *testing.T) {
	doc := loadOpenAPI(t)
	check := func(schema string, want []string) {
		got := []string{}
		for name := range doc.Components.Schemas[schema].Value.Properties {
			got = append(got, name)
		}
		sort.Strings(got)
		sort.Strings(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s properties = %v, want %v", schema, got, want)
		}
	}
	project := []string{"code", "investments", "year"}
	for _, d := range models.FieldDefs() {
		project = append(project, d.Name)
	}
	check("Project", project)
	edit := []string{"period", "note"}
	for _, d := range models.EditableFields() {
		edit = append(edit, d.Name)
	}
	check("ProjectEdit", edit)
}
