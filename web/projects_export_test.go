package web_test

import (
	"bytes"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"tracker/models"
	"tracker/server/servertest"
)

var (
	pageCodeRE   = regexp.MustCompile(`<td class="code"><a href="/projects/([^?"]+)\?`)
	pageNextRE   = regexp.MustCompile(`<a href="([^"]+)" rel="next">`)
	pageExportRE = regexp.MustCompile(`<a class="button small" href="(/projects\.xlsx\?[^"]+)"`)
)

// pageRows follows a 项目库 page through all its pages and returns the
// codes it shows in order, and the address of its export.
func pageRows(t *testing.T, pc *pageClient, path string) ([]string, string) {
	t.Helper()
	var codes []string
	export := ""
	for path != "" {
		body := pc.page(path, http.StatusOK)
		for _, m := range pageCodeRE.FindAllStringSubmatch(body, -1) {
			codes = append(codes, m[1])
		}
		if export == "" {
			if m := pageExportRE.FindStringSubmatch(body); m != nil {
				export = html.UnescapeString(m[1])
			}
		}
		path = ""
		if m := pageNextRE.FindStringSubmatch(body); m != nil {
			path = html.UnescapeString(m[1])
		}
	}
	return codes, export
}

// workbookCodes reads the 项目代码 column of an exported 项目清单 in order.
func workbookCodes(t *testing.T, data []byte) []string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the export is not a workbook: %v", err)
	}
	rows, err := f.GetRows("项目清单")
	if err != nil {
		t.Fatal(err)
	}
	col, codes := -1, []string{}
	for _, r := range rows {
		if col < 0 {
			for i, v := range r {
				if v == "项目代码" {
					col = i
				}
			}
			continue
		}
		if col < len(r) && models.ValidCode(r[col]) {
			codes = append(codes, r[col])
		}
	}
	if col < 0 {
		t.Fatal("the export has no 项目代码 column")
	}
	return codes
}

// TestProjectExportHoldsThePageRows: for each filter combination the
// project-list export started from the 项目库 (and the API's export with
// the same parameters) holds exactly the rows of all the page's pages, in
// the page's order.
func TestProjectExportHoldsThePageRows(t *testing.T) {
	ts := servertest.New(t)
	pc := signIn(ts, "reviewer")
	token := ts.Login("reviewer")
	boshan, _ := pageRows(t, pc, "/projects?year=2024&month=6&district="+url.QueryEscape("博山区"))
	cases := []struct {
		query   string
		atLeast int
	}{
		{"district=博山区&light=红", 1},
		{"district=博山区&light=黄&sort=rate", 1},
		{"status=lagging&sort=rate&desc=1", 2},
		{"status=overdue&nature=新开工&sort=district", 1},
		{"category=工业&light=绿&sort=total&desc=1", 51}, // more than one page
		{"status=unreported&sort=completed", 1},
		{"q=淄博 光伏", 1},
		{"status=early&sort=name", 1},
		{"", 530},
	}
	for _, c := range cases {
		vals, _ := url.ParseQuery(c.query)
		vals.Set("year", "2024")
		vals.Set("month", "6")
		codes, export := pageRows(t, pc, "/projects?"+vals.Encode())
		if len(codes) < c.atLeast {
			t.Errorf("%s: the page shows %d projects, want at least %d", c.query, len(codes), c.atLeast)
		}
		if export == "" {
			t.Fatalf("%s: the page offers no export", c.query)
		}
		got, err := url.ParseQuery(strings.TrimPrefix(export, "/projects.xlsx?"))
		if err != nil || got.Encode() != vals.Encode() {
			t.Errorf("%s: the export link %s does not carry the page's parameters %s", c.query, export, vals.Encode())
		}
		resp, body := pc.get(export)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("%s: export %d: %.300s", c.query, resp.StatusCode, body)
		}
		if rows := workbookCodes(t, []byte(body)); strings.Join(rows, ",") != strings.Join(codes, ",") {
			t.Errorf("%s: the export holds %d rows, the page %d (or in another order):\nexport %v\npage   %v", c.query, len(rows), len(codes), rows, codes)
		}
		api := ts.Do("GET", "/api/v1/projects.xlsx?"+vals.Encode(), token, nil, http.StatusOK, nil)
		if rows := workbookCodes(t, api); strings.Join(rows, ",") != strings.Join(codes, ",") {
			t.Errorf("%s: the API export holds %d rows, the page %d (or in another order)", c.query, len(rows), len(codes))
		}
		t.Logf("%s: %d rows", c.query, len(codes))
	}
	if red, _ := pageRows(t, pc, "/projects?year=2024&month=6&light=红&district="+url.QueryEscape("博山区")); len(red) >= len(boshan) {
		t.Errorf("博山区 red lights %d of %d 博山区 projects: the light filter does nothing", len(red), len(boshan))
	}
}

// TestSearchWithSeveralWords: `淄博 光伏` finds the projects holding both
// words, each in the code, name, unit or 责任单位, on the page and in the
// API alike; a bad filter is a 400 with a Chinese message.
func TestSearchWithSeveralWords(t *testing.T) {
	ts := servertest.New(t)
	token := ts.Login("reviewer")
	var all struct {
		Items []models.Project `json:"items"`
	}
	ts.Do("GET", "/api/v1/projects?year=2024&month=12&per_page=1000", token, nil, http.StatusOK, &all)
	holds := func(p models.Project, w string) bool {
		return strings.Contains(p.Code, w) || strings.Contains(p.Name, w) || strings.Contains(p.District, w) || strings.Contains(p.Unit, w)
	}
	var want []string
	for _, p := range all.Items {
		if holds(p, "淄博") && holds(p, "光伏") {
			want = append(want, p.Code)
		}
	}
	if len(want) == 0 || len(want) == len(all.Items) {
		t.Fatalf("the demo has %d of %d projects with 淄博 and 光伏: no test", len(want), len(all.Items))
	}
	for _, q := range []string{"淄博 光伏", "光伏　淄博", " 淄博  光伏 "} {
		var got struct {
			Total int              `json:"total"`
			Items []models.Project `json:"items"`
		}
		ts.Do("GET", "/api/v1/projects?year=2024&month=12&per_page=1000&q="+url.QueryEscape(q), token, nil, http.StatusOK, &got)
		codes := map[string]bool{}
		for _, p := range got.Items {
			codes[p.Code] = true
		}
		for _, c := range want {
			if !codes[c] {
				t.Errorf("API q=%q misses %s", q, c)
			}
		}
		if got.Total != len(want) || len(got.Items) != len(want) {
			t.Errorf("API q=%q: %d projects, want %d", q, got.Total, len(want))
		}
		page, _ := pageRows(t, signIn(ts, "reviewer"), "/projects?year=2024&month=12&q="+url.QueryEscape(q))
		if strings.Join(page, ",") != strings.Join(sortedCodes(want), ",") {
			t.Errorf("page q=%q shows %v, want %v", q, page, want)
		}
	}
	t.Logf("淄博 光伏: %d projects", len(want))

	for path, msg := range map[string]string{
		"/api/v1/projects.xlsx?light=紫":  "预警灯“紫”无效",
		"/api/v1/projects.xlsx?status=x": "状态“x”无效",
		"/api/v1/projects?sort=height":   "排序“height”无效",
		"/api/v1/projects.xlsx?desc=yes": "参数 desc",
	} {
		body := string(ts.Do("GET", path, token, nil, http.StatusBadRequest, nil))
		if !strings.Contains(body, msg) {
			t.Errorf("%s: %s, want %q", path, body, msg)
		}
	}
}

func sortedCodes(codes []string) []string {
	out := append([]string(nil), codes...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}
