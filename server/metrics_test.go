package server_test

import (
	"bufio"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"tracker/httpx"
	"tracker/models"
	"tracker/server"
	"tracker/server/servertest"
)

// scrape reads /metrics and returns its samples by series
// (`name{labels}`), after checking the text format.
func scrape(ts *servertest.Server, header string) map[string]float64 {
	ts.T.Helper()
	req, _ := http.NewRequest("GET", ts.HTTP.URL+"/metrics", nil)
	if header != "" {
		req.Header.Set("Authorization", header)
	}
	raw := ts.Send(req, http.StatusOK, nil)
	return parseExposition(ts.T, string(raw))
}

var (
	sampleLine = regexp.MustCompile(`^([a-z_]+)(\{[a-z_]+="[^"]*"(?:,[a-z_]+="[^"]*")*\})? (\S+)$`)
	labelPair  = regexp.MustCompile(`([a-z_]+)="([^"]*)"`)
)

// canonical writes a series' labels in a fixed order: route, method,
// status, outcome, the rest by name, le last, as the tests spell them.
func canonical(labels string) string {
	if labels == "" {
		return ""
	}
	rank := map[string]int{"route": 1, "method": 2, "status": 3, "outcome": 4, "le": 9}
	pairs := labelPair.FindAllStringSubmatch(labels, -1)
	sort.SliceStable(pairs, func(i, j int) bool {
		ri, rj := rank[pairs[i][1]], rank[pairs[j][1]]
		if ri == 0 {
			ri = 5
		}
		if rj == 0 {
			rj = 5
		}
		return ri < rj || ri == rj && pairs[i][1] < pairs[j][1]
	})
	out := make([]string, len(pairs))
	for i, p := range pairs {
		out[i] = p[0]
	}
	return "{" + strings.Join(out, ",") + "}"
}

// parseExposition checks the Prometheus text format: each family has HELP
// and TYPE before its samples, sample lines are well formed, histogram
// buckets are cumulative and end in +Inf equal to _count. Series are
// keyed with their labels in canonical order.
func parseExposition(t *testing.T, text string) map[string]float64 {
	t.Helper()
	out := map[string]float64{}
	typed := map[string]string{}
	sc := bufio.NewScanner(strings.NewReader(text))
	for sc.Scan() {
		line := sc.Text()
		if f := strings.Fields(line); len(f) >= 4 && f[0] == "#" && f[1] == "TYPE" {
			typed[f[2]] = f[3]
			continue
		}
		if strings.HasPrefix(line, "# HELP ") {
			continue
		}
		m := sampleLine.FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("bad exposition line %q", line)
		}
		family := regexp.MustCompile(`_(bucket|sum|count)$`).ReplaceAllString(m[1], "")
		if typed[m[1]] == "" && typed[family] != "histogram" && typed[family] != "summary" {
			t.Errorf("%s has no # TYPE before it", m[1])
		}
		v, err := strconv.ParseFloat(m[3], 64)
		if err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		out[m[1]+canonical(m[2])] = v
	}
	checkBuckets(t, out)
	return out
}

var bucketSeries = regexp.MustCompile(`^(\w+)_bucket\{(.*?),?le="([^"]+)"\}$`)

func checkBuckets(t *testing.T, samples map[string]float64) {
	t.Helper()
	type key struct{ name, labels string }
	bounds := map[key][][2]float64{}
	for s, v := range samples {
		m := bucketSeries.FindStringSubmatch(s)
		if m == nil {
			continue
		}
		le, _ := strconv.ParseFloat(strings.Replace(m[3], "+Inf", "Inf", 1), 64)
		k := key{m[1], m[2]}
		bounds[k] = append(bounds[k], [2]float64{le, v})
	}
	for k, bs := range bounds {
		for i := range bs {
			for j := range bs {
				if bs[i][0] < bs[j][0] && bs[i][1] > bs[j][1] {
					t.Errorf("%s{%s}: bucket le=%v has %v > le=%v's %v", k.name, k.labels, bs[i][0], bs[i][1], bs[j][0], bs[j][1])
				}
			}
		}
		braces := ""
		if k.labels != "" {
			braces = "{" + k.labels + "}"
		}
		inf := fmt.Sprintf("%s_bucket{%s", k.name, k.labels)
		if k.labels != "" {
			inf += ","
		}
		if samples[inf+`le="+Inf"}`] != samples[k.name+"_count"+braces] {
			t.Errorf("%s%s: +Inf bucket %v, count %v", k.name, braces, samples[inf+`le="+Inf"}`], samples[k.name+"_count"+braces])
		}
	}
}

// TestMetricsCountRequestsImportsAndReports scrapes /metrics after known
// requests and checks the exact counts.
func TestMetricsCountRequestsImportsAndReports(t *testing.T) {
	ts := servertest.New(t)
	// Review off: the uploader's commit applies its row at once.
	ts.With(server.Config{Collection: models.Collection{NoReview: true}}, servertest.DiscardLog())
	ts.Do("GET", "/healthz", "", nil, http.StatusOK, nil)
	ts.Do("GET", "/healthz", "", nil, http.StatusOK, nil)
	token := ts.Login("zhangdian")
	ts.Do("GET", "/api/v1/projects?year=2024&per_page=5", token, nil, http.StatusOK, nil)
	ts.Do("GET", "/api/v1/projects/2403-370303-04-01-999999", token, nil, http.StatusNotFound, nil)
	ts.Do("GET", "/api/v1/projects/2403-370303-04-01-999998", token, nil, http.StatusNotFound, nil)
	ts.Do("GET", "/api/v1/projects", "", nil, http.StatusUnauthorized, nil)
	ts.Do("GET", "/api/v1/nothing/here", "", nil, http.StatusNotFound, nil)
	ts.Do("BREW", "/api/v1/nothing", "", nil, http.StatusNotFound, nil)
	p := servertest.FirstProject("张店区")
	var preview servertest.ImportResult
	ts.Upload(token, "张店区1-6月.csv", servertest.ZhangdianCSV(p.Code, p.Name, "12345.67"), map[string]string{"dry_run": "true"}, http.StatusOK, &preview)
	ts.Do("POST", fmt.Sprintf("/api/v1/imports/%d/commit", preview.ID), token, nil, http.StatusOK, nil)
	ts.Do("GET", "/api/v1/reports/quarterly.xlsx?year=2024&quarter=2", token, nil, http.StatusOK, nil)

	got := scrape(ts, "")
	want := map[string]float64{
		`tracker_http_requests_total{route="/healthz",method="GET",status="200"}`:                       2,
		`tracker_http_requests_total{route="/api/v1/login",method="POST",status="200"}`:                 1,
		`tracker_http_requests_total{route="/api/v1/projects",method="GET",status="200"}`:               1,
		`tracker_http_requests_total{route="/api/v1/projects",method="GET",status="401"}`:               1,
		`tracker_http_requests_total{route="/api/v1/projects/:code",method="GET",status="404"}`:         2,
		`tracker_http_requests_total{route="unmatched",method="GET",status="404"}`:                      1,
		`tracker_http_requests_total{route="unmatched",method="OTHER",status="404"}`:                    1,
		`tracker_http_requests_total{route="/api/v1/imports",method="POST",status="200"}`:               1,
		`tracker_http_requests_total{route="/api/v1/imports/:id/commit",method="POST",status="200"}`:    1,
		`tracker_http_requests_total{route="/api/v1/reports/quarterly.xlsx",method="GET",status="200"}`: 1,
		`tracker_http_request_duration_seconds_count{route="/healthz"}`:                                 2,
		`tracker_http_request_duration_seconds_bucket{route="/healthz",le="+Inf"}`:                      2,
		`tracker_http_request_duration_seconds_count{route="/api/v1/projects/:code"}`:                   2,
		`tracker_import_rows_total{outcome="read"}`:                                                     4, // preview 2, commit 2
		`tracker_import_rows_total{outcome="applied"}`:                                                  1,
		`tracker_import_rows_total{outcome="rejected"}`:                                                 2, // the bad code, at each reading
		`tracker_import_duration_seconds_count`:                                                         2,
		`tracker_report_duration_seconds_count`:                                                         1,
	}
	for series, v := range want {
		if got[series] != v {
			t.Errorf("%s = %v, want %v", series, got[series], v)
		}
	}
	var requests float64
	for s, v := range got {
		if strings.HasPrefix(s, "tracker_http_requests_total{") {
			requests += v
		}
	}
	if requests != 12 {
		t.Errorf("%v requests counted in all, want 12 (the scrape counts after it answers)", requests)
	}
	for _, series := range []string{"go_goroutines", "go_memstats_heap_alloc_bytes", "process_resident_memory_bytes", "process_start_time_seconds"} {
		if got[series] <= 0 {
			t.Errorf("%s = %v, want the runtime's or process's figure", series, got[series])
		}
	}
	again := scrape(ts, "")
	if again[`tracker_http_requests_total{route="/metrics",method="GET",status="200"}`] != 1 {
		t.Errorf("the second scrape does not count the first")
	}
}

func TestMetricsWantTheTokenWhenOneIsSet(t *testing.T) {
	ts := servertest.New(t)
	srv := ts.With(server.Config{MetricsToken: "scrape-me"}, servertest.DiscardLog())
	for _, h := range []string{"", "Bearer wrong", "scrape-me", "Basic c2NyYXBlLW1l"} {
		req, _ := http.NewRequest("GET", ts.HTTP.URL+"/metrics", nil)
		if h != "" {
			req.Header.Set("Authorization", h)
		}
		var e httpx.ErrorBody
		ts.Send(req, http.StatusUnauthorized, &e)
		if e.Error.Code != "unauthorized" || e.Error.Message == "" {
			t.Errorf("%q: %+v", h, e)
		}
	}
	if got := scrape(ts, "Bearer scrape-me"); len(got) == 0 {
		t.Error("no samples with the token")
	}
	// On a separate metrics address the token is still required.
	rec := httptest.NewRecorder()
	srv.MetricsHandler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	if rec.Code != http.StatusUnauthorized {
		t.Errorf("metrics handler without token: %d", rec.Code)
	}
	rec = httptest.NewRecorder()
	srv.MetricsHandler().ServeHTTP(rec, httptest.NewRequest("GET", "/healthz", nil))
	if rec.Code != http.StatusNotFound {
		t.Errorf("metrics handler serves /healthz: %d", rec.Code)
	}
}

func TestMetricsWithoutTokenAnswerLoopbackOnly(t *testing.T) {
	ts := servertest.New(t)
	srv := ts.With(server.Config{}, servertest.DiscardLog())
	for addr, want := range map[string]int{
		"127.0.0.1:5000": http.StatusOK, "[::1]:5000": http.StatusOK,
		"10.0.0.5:5000": http.StatusForbidden, "[2001:db8::1]:5000": http.StatusForbidden,
	} {
		req := httptest.NewRequest("GET", "/metrics", nil)
		req.RemoteAddr = addr
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		if rec.Code != want {
			t.Errorf("from %s: %d, want %d", addr, rec.Code, want)
		}
		if want == http.StatusOK && !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/plain; version=0.0.4; charset=utf-8") {
			t.Errorf("Content-Type %q", rec.Header().Get("Content-Type"))
		}
	}
	// Without a token the separate address answers anyone who reaches it.
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("GET", "/metrics", nil)
	req.RemoteAddr = "10.0.0.5:5000"
	srv.MetricsHandler().ServeHTTP(rec, req)
	body, _ := io.ReadAll(rec.Body)
	if rec.Code != http.StatusOK || !strings.Contains(string(body), "# TYPE tracker_http_requests_total counter") {
		t.Errorf("metrics handler: %d %.200s", rec.Code, body)
	}
}
