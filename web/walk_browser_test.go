package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"tracker/models"
	"tracker/models/store"
	"tracker/server/servertest"
)

// pageReading is what the walk reads from each page in the browser.
type pageReading struct {
	Title string `json:"title"`
	Text  string `json:"text"`  // the body's visible text
	Attrs string `json:"attrs"` // the placeholders, titles, options and labels for screen readers
	// Width is the document's width at the 1366 px screen; Unlabelled the
	// form fields and buttons a screen reader or a keyboard user cannot
	// name; Links the page's links to this site.
	Width      int      `json:"width"`
	Unlabelled []string `json:"unlabelled"`
	Broken     []string `json:"broken"` // imports' numbers (第12号) broken over two lines
	Links      []string `json:"links"`
}

// readPage runs in the page. A field is labelled by a <label for>, an
// enclosing <label>, aria-label or aria-labelledby; a button by its text
// or aria-label.
const readPage = `(() => {
  const extra = [...document.querySelectorAll("[placeholder], [title], [aria-label], option")]
    .map(e => [e.getAttribute("placeholder"), e.getAttribute("title"), e.getAttribute("aria-label"), e.tagName === "OPTION" ? e.textContent : ""].join(" "));
  const unlabelled = [];
  for (const el of document.querySelectorAll("input, select, textarea, button")) {
    if (el.type === "hidden" || el.closest("[hidden]")) continue;
    const named = el.getAttribute("aria-label") || el.getAttribute("aria-labelledby") || el.closest("label") ||
      (el.id && document.querySelector('label[for="' + el.id + '"]')) || (el.tagName === "BUTTON" && el.textContent.trim());
    if (!named) unlabelled.push(el.outerHTML.slice(0, 80));
  }
  const lines = el => { const r = document.createRange(); r.selectNodeContents(el);
    return new Set([...r.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.top))).size; };
  const broken = [...document.querySelectorAll("td.record")].filter(td => lines(td) > 1).map(td => td.textContent.trim());
  const links = [...document.querySelectorAll("a[href]")].map(a => a.href).filter(h => h.startsWith(location.origin + "/"));
  return {title: document.title, text: document.body.innerText, attrs: extra.join("\n"), width: document.documentElement.scrollWidth, unlabelled, broken, links};
})()`

// englishText finds what a Chinese page must not show: words of English
// (an error such as "record not found" or "invalid"), a Go or script
// leftover, and figures written the wrong way (a percent with two
// decimals, a month as 2024-06 outside a form).
var (
	englishText  = regexp.MustCompile(`\b(?:[a-z]{3,}|[A-Z][a-z]{2,})\b|\bnull\b|\bNaN\b|\bundefined\b|Infinity|%!|<nil>|\{\{|map\[|0001-01-01`)
	wrongFigures = regexp.MustCompile(`\d\.\d{2,}%|(?:^|[^\d-])\d{4}-\d{2}(?:[^\d-]|$)`)
)

// allowedWords are the Latin words a page may show: the users' names, the
// file kinds and the office programs named in the hints.
var allowedWords = []string{"admin", "reviewer", "zhangdian", "xlsx", "xls", "csv", "xlsm", "Excel", "Word", "docx"}

// chineseProblems returns the text of a page that is not the Chinese a
// user should read; a form's hints (attrs: placeholders and the like) may
// show a month as 2024-06, the way the field takes it.
func chineseProblems(text, attrs string) []string {
	var out []string
	for _, m := range append(append(englishText.FindAllString(text, -1), wrongFigures.FindAllString(text, -1)...), englishText.FindAllString(attrs, -1)...) {
		if !slices.Contains(allowedWords, m) {
			out = append(out, strings.TrimSpace(m))
		}
	}
	return out
}

// TestChineseProblemsFindsWhatItMust: the walk's text check catches an
// English error, a raw Go value and a mis-formatted figure, and lets the
// office's own writing pass.
func TestChineseProblemsFindsWhatItMust(t *testing.T) {
	for text, want := range map[string]int{
		"record not found": 3, "导入失败：invalid character": 2, "完成率 NaN%": 1, "undefined": 1, "null": 1, "%!d(string=x)": 2,
		"计划开工 2024-06": 1, "完成率 104.15%": 1, "<nil>": 1, "Error": 1,
		"1-12月累计完成投资1181.00亿元，占年度计划的104.1%": 0, "下载数据修改记录（Excel）": 0, "admin 管理员": 0,
		"办理期限 2024-07-31": 0, "2024-07-01 09:05": 0, "MDI配套产业项目 10MW": 0, "张店区1-6月台账.csv": 0,
	} {
		if got := chineseProblems(text, ""); len(got) != want {
			t.Errorf("%q: found %q, want %d", text, got, want)
		}
	}
}

// walkFixture makes the year's work the pages show: the 张店区 uploader's
// June ledger waiting for review and an earlier one returned with a
// reason, an office import committed, a hand edit and a 督办 item. It
// returns the imports' numbers by what they are.
func walkFixture(t *testing.T, ts *servertest.Server) map[string]int64 {
	t.Helper()
	p := servertest.FirstProject("张店区")
	uploader, admin := ts.Login("zhangdian"), ts.Login("admin")
	var returned, waiting, committed servertest.ImportResult
	ts.Upload(uploader, "张店区1-6月台账（初报）.csv", servertest.ZhangdianCSV(p.Code, p.Name, "12345.6789"), nil, 200, &returned)
	ts.Do("POST", fmt.Sprintf("/api/v1/imports/%d/return", returned.ID), admin, map[string]string{"reason": "第3行累计完成投资小于上月，请核实后重新上传"}, 200, nil)
	ts.Upload(uploader, "张店区1-6月台账.csv", servertest.ZhangdianCSV(p.Code, p.Name, "12400.5"), nil, 200, &waiting)
	ts.Upload(admin, "张店区1-6月台账（市重大项目办代报）.csv", servertest.ZhangdianCSV(p.Code, p.Name, "12345.68"), nil, 200, &committed)
	if returned.Status != "submitted" || waiting.Status != "submitted" || committed.Status != "committed" {
		t.Fatalf("fixture: %s, %s, %s", returned.Status, waiting.Status, committed.Status)
	}
	if _, err := ts.Store.OpenSupervision(context.Background(), store.NewSupervision{Code: p.Code, Unit: "张店区",
		Deadline: "2024-07-31", Description: "项目用电指标尚未落实，请张店区协调供电公司于7月底前解决并报告进展"}, models.User{Name: "admin", Role: models.RoleAdmin}); err != nil {
		t.Fatal(err)
	}
	return map[string]int64{"returned": returned.ID, "waiting": waiting.ID, "committed": committed.ID}
}

// TestEveryPageAsEveryRoleInChromium walks every page as the office
// (admin), a reviewer and the 张店区 uploader at 1366×768 and fails on any
// request that leaves the server, any answer of the page or of a
// resource it loads that is not 2xx, any console error, any English or
// leftover text (chineseProblems), a page wider than the screen, a form
// field or button without a label, an import's number broken over two
// lines, and any link of the pages that does
// not open for that user (downloads included). A screenshot of each page
// lands in the artifacts.
func TestEveryPageAsEveryRoleInChromium(t *testing.T) {
	ts := servertest.New(t)
	ids := walkFixture(t, ts)
	p := servertest.FirstProject("张店区")
	project := "/projects/" + p.Code + "?year=2024&month=6"
	common := []string{"/dashboard", "/dashboard?year=2024&month=6", "/projects?year=2024&month=6", "/projects?year=2024&month=6&page=2",
		project, "/imports", fmt.Sprintf("/imports/%d", ids["returned"]), fmt.Sprintf("/imports/%d", ids["waiting"]),
		fmt.Sprintf("/imports/%d", ids["committed"]), "/submissions?year=2024&month=6", "/supervisions", "/supervisions?show=all",
		"/lists?year=2024", "/lists?year=2024&month=12&page=2", "/reports", "/account/password"}
	roles := map[string][]string{
		"admin":     append(slices.Clone(common), "/users", fmt.Sprintf("/imports/%d/revert", ids["committed"]), "/reports/locks?year=2024&quarter=2"),
		"reviewer":  common,
		"zhangdian": common,
	}
	b := newBrowser(t, ts)
	b.watchAnswers()
	for _, role := range []string{"admin", "reviewer", "zhangdian"} {
		b.login(role)
		links := map[string]bool{}
		for _, path := range roles[role] {
			for _, l := range b.walkPage(role, path) {
				links[l] = true
			}
		}
		b.submit("log out", ".who form button")
		followLinks(t, signIn(ts, role), role, links)
	}
}

// watchAnswers records every answer that is not 2xx (a redirect is not an
// answer but a step to one).
func (b *browserSession) watchAnswers() {
	b.t.Helper()
	if err := chromedp.Listen(b.ctx, func(ev any) {
		if e, ok := ev.(*network.EventResponseReceived); ok && (e.Response.Status < 200 || e.Response.Status > 299) {
			b.mu.Lock()
			b.problems = append(b.problems, fmt.Sprintf("%s answered %d (%s)", e.Response.URL, e.Response.Status, e.Type))
			b.mu.Unlock()
		}
	}); err != nil {
		b.t.Fatal(err)
	}
}

// walkPage opens one page as role, checks it and returns its links.
func (b *browserSession) walkPage(role, path string) []string {
	b.t.Helper()
	b.open(path)
	r, err := chromedp.Run(b.ctx, chromedp.Evaluate[pageReading](readPage))
	if err != nil {
		b.t.Fatalf("%s %s: %v", role, path, err)
	}
	b.screenshotView("walk-" + role + "-" + strings.NewReplacer("/", "_", "?", "_", "&", "_", "=", "").Replace(strings.TrimPrefix(path, "/")))
	where := role + " " + path
	if !servertest.HasChinese(r.Title) || strings.Contains(r.Title, "找不到") || strings.Contains(r.Title, "没有权限") {
		b.t.Errorf("%s: title %q", where, r.Title)
	}
	if bad := chineseProblems(r.Text, r.Attrs); len(bad) > 0 {
		b.t.Errorf("%s shows text that is not Chinese or is a leftover: %q", where, bad)
	}
	if r.Width > 1366 {
		b.t.Errorf("%s is %d px wide on a 1366 px screen", where, r.Width)
	}
	if len(r.Broken) > 0 {
		b.t.Errorf("%s: numbers of imports broken over two lines: %q", where, r.Broken)
	}
	if len(r.Unlabelled) > 0 {
		b.t.Errorf("%s: fields or buttons without a label: %q", where, r.Unlabelled)
	}
	b.checkAs(where)
	return r.Links
}

// checkAs is check with the page named in each failure.
func (b *browserSession) checkAs(where string) {
	b.t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, u := range b.outside {
		b.t.Errorf("%s requested a resource outside the server: %s", where, u)
	}
	for _, p := range b.problems {
		b.t.Errorf("%s: %s", where, p)
	}
	b.outside, b.problems = nil, nil
}

// linkKind groups links that open the same page with other data (every
// project, every page of a list), so the walk follows a few of each.
var linkKind = regexp.MustCompile(`/\d{4}-\d{6}-\d{2}-\d{2}-\d{6}|/\d+|[?&](page|district|show|light|status|sort|desc|q|unit|nature|category)=[^&]*`)

// followLinks GETs the links of role's pages one after the other as role
// (a session of its own, as a second tab would): every one must answer
// 200, after at most one redirect that does not lead to the log-in page,
// and a download must be a file, not JSON. Links that differ only in their
// data are followed two of a kind. (The walk's browser fetching them all
// at once kept the server's SQLite busy with 60 session writes in a
// row on a loaded machine.)
func followLinks(t *testing.T, pc *pageClient, role string, links map[string]bool) {
	t.Helper()
	kinds := map[string]int{}
	var list []string
	for l := range links {
		list = append(list, l)
	}
	slices.Sort(list)
	followed := 0
	for _, l := range list {
		u, err := url.Parse(l)
		if err != nil {
			t.Errorf("%s: a link that is no address: %q", role, l)
			continue
		}
		kind := linkKind.ReplaceAllString(u.Path+"?"+u.RawQuery, "·")
		if kinds[kind]++; kinds[kind] > 2 {
			continue
		}
		followed++
		resp, _ := pc.get(u.RequestURI())
		landed := u.Path
		if loc := resp.Header.Get("Location"); resp.StatusCode == http.StatusSeeOther || resp.StatusCode == http.StatusFound {
			landed = strings.Split(loc, "?")[0]
			resp, _ = pc.get(loc)
		}
		if resp.StatusCode != http.StatusOK || landed == "/login" || strings.Contains(resp.Header.Get("Content-Type"), "json") {
			t.Errorf("%s: the link %s answers %d %s at %s", role, u.RequestURI(), resp.StatusCode, resp.Header.Get("Content-Type"), landed)
		}
	}
	t.Logf("%s: followed %d of %d links", role, followed, len(list))
}

// screenshotView saves what the 1366×768 screen shows as NN-name.png (the
// walk's pages; a whole long page takes seconds on a loaded machine).
func (b *browserSession) screenshotView(name string) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		b.t.Errorf("screenshot %s: %v", name, err)
		return
	}
	b.shot++
	if err := os.WriteFile(filepath.Join(b.artifacts, fmt.Sprintf("%02d-%s.png", b.shot, name)), png, 0o644); err != nil {
		b.t.Error(err)
	}
}
