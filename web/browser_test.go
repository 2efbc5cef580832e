package web_test

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"tracker/models"
	"tracker/server/servertest"
	"tracker/web"
)

// chromiumPath is Debian's chromium package; the tests never download a
// browser.
const chromiumPath = "/usr/bin/chromium"

// browserSession is one headless Chromium tab on the test server, with a
// record of every request that left the server and every console error.
type browserSession struct {
	t         *testing.T
	ctx       context.Context
	base      string
	artifacts string
	shot      int

	mu       sync.Mutex
	outside  []string
	problems []string
	uploads  []network.ResourceType // how each POST /imports was sent
}

func newBrowser(t *testing.T, ts *servertest.Server) *browserSession {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI needs %s for the browser tests: %v", chromiumPath, err)
		}
		t.Skipf("no %s: browser tests skipped (apt-get install chromium)", chromiumPath)
	}
	artifacts := os.Getenv("TRACKER_ARTIFACTS")
	if artifacts == "" {
		artifacts = t.TempDir()
	}
	if err := os.MkdirAll(artifacts, 0o755); err != nil {
		t.Fatal(err)
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromiumPath), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-default-apps", true), chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-features", "Translate,OptimizationHints,MediaRouter"),
		chromedp.Flag("disable-dev-shm-usage", true), chromedp.Flag("lang", "zh-CN"),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1366, 768))
	ctx, cancel := chromedp.NewContext(alloc)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	b := &browserSession{t: t, ctx: ctx, base: ts.HTTP.URL, artifacts: artifacts}
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	host := mustHost(t, ts.HTTP.URL)
	if err := chromedp.Listen(ctx, func(ev any) { b.observe(ev, host) }); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, cdplog.Enable, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	return b
}

func mustHost(t *testing.T, raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return u.Host
}

// observe records requests to any host but the test server's, and errors
// in the console (a script error or a Content-Security-Policy violation).
func (b *browserSession) observe(ev any, host string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch e := ev.(type) {
	case *network.EventRequestWillBeSent:
		u, err := url.Parse(e.Request.URL)
		if err != nil || (u.Scheme == "http" || u.Scheme == "https") && u.Host != host || u.Scheme == "ws" || u.Scheme == "wss" {
			b.outside = append(b.outside, e.Request.URL)
		}
		if e.Request.Method == "POST" && err == nil && u.Path == "/imports" {
			b.uploads = append(b.uploads, e.Type)
		}
	case *cdplog.EventEntryAdded:
		if e.Entry.Level == cdplog.EntryLevelError {
			b.problems = append(b.problems, fmt.Sprintf("%s: %s (%s)", e.Entry.Source, e.Entry.Text, e.Entry.URL))
		}
	case *runtime.EventExceptionThrown:
		b.problems = append(b.problems, "exception: "+e.ExceptionDetails.Text)
	}
}

// check fails the test on any request that left the server or any console
// error seen so far.
func (b *browserSession) check() {
	b.t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, u := range b.outside {
		b.t.Errorf("a page requested a resource outside the server: %s", u)
	}
	for _, p := range b.problems {
		b.t.Errorf("browser console: %s", p)
	}
	b.outside, b.problems = nil, nil
}

// guardSelfCheck makes the page reach outside the server, as a page must
// never do, and checks that observe noticed: a watch that sees nothing
// proves nothing.
func (b *browserSession) guardSelfCheck() {
	b.t.Helper()
	b.do("reach outside", chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`void (new Image().src = "http://192.0.2.1/probe.png")`))
		return err
	}), chromedp.Sleep(300*time.Millisecond))
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.outside)+len(b.problems) == 0 {
		b.t.Error("an outside request went unnoticed: the watch on the browser does not work")
	}
	b.t.Logf("the watch saw the probe: outside %q, console %q", b.outside, b.problems)
	b.outside, b.problems = nil, nil
}

// do runs actions with a time limit, failing the test with the step name.
func (b *browserSession) do(step string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		b.screenshot("failed-" + step)
		b.t.Fatalf("%s: %v", step, err)
	}
}

// open navigates to a path and waits for the page's main element.
func (b *browserSession) open(path string) {
	b.t.Helper()
	b.do("open "+path, chromedp.Navigate(b.base+path), chromedp.WaitReady(chromedp.CSS("main")))
}

// submit clicks a button that loads a new page and waits for the page.
func (b *browserSession) submit(step string, sel string) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	if _, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(sel))); err != nil {
		b.screenshot("failed-" + step)
		b.t.Fatalf("%s: %v", step, err)
	}
}

func (b *browserSession) text(sel string) string {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		b.screenshot("failed-text")
		b.t.Fatalf("text of %s: %v", sel, err)
	}
	return strings.TrimSpace(s)
}

// screenshot saves the whole page as NN-name.png in the artifacts folder.
func (b *browserSession) screenshot(name string) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		b.t.Errorf("screenshot %s: %v", name, err)
		return
	}
	b.shot++
	path := filepath.Join(b.artifacts, fmt.Sprintf("%02d-%s.png", b.shot, name))
	if err := os.WriteFile(path, png, 0o644); err != nil {
		b.t.Error(err)
	}
}

func (b *browserSession) login(name string) {
	b.t.Helper()
	b.open("/login")
	b.screenshot("login")
	b.do("fill login", chromedp.SetValue(chromedp.ID("username"), name), chromedp.SetValue(chromedp.ID("password"), "password-"+name))
	b.submit("login", "form[action='/login'] button")
}

// TestPagesInChromium walks the office's month in a real browser: log in,
// read the rates, upload a ledger with one bad row, see its problem in the
// preview, commit, see the dashboard change, revert, download the quarterly
// workbook; then log out, log in as the 张店区 uploader, and upload once
// more with JavaScript off.
func TestPagesInChromium(t *testing.T) {
	ts := servertest.New(t)
	b := newBrowser(t, ts)

	b.login("admin")
	if got := b.text("#investment-rate"); got != "104.1%" {
		t.Errorf("dashboard investment rate %q, want 104.1%% (December)", got)
	}
	if got := b.text("#start-rate"); got != "100.0%" {
		t.Errorf("dashboard start rate %q, want 100.0%%", got)
	}
	b.screenshot("dashboard")

	b.open("/projects?year=2024&month=12&sort=total&desc=1")
	b.screenshot("projects")
	b.submit("open a project", "table.projects td.name a")
	b.screenshot("project")

	b.open("/dashboard?year=2024&month=6")
	june := b.text("#investment-rate")
	p := servertest.FirstProject("张店区")
	old, _ := p.CompletedAsOf(models.MonthOf(2024, 6))
	id := b.uploadLedger(p, (old + 2000000*models.Wan).WanString(), true)

	b.submit("commit", "#commit")
	if got := b.text("#import-status"); got != "已提交" {
		t.Errorf("after commit the status is %q", got)
	}
	b.screenshot("committed")
	b.open("/dashboard?year=2024&month=6")
	changed := b.text("#investment-rate")
	if changed == june {
		t.Errorf("the June rate did not change after the commit: %s", changed)
	}
	if got := b.text("#submission-count"); !strings.HasPrefix(got, "已报送 0 / 12 个单位") {
		t.Errorf("June submissions read %q after the office's own import, want 已报送 0 / 12: the office's import is no unit's 报送", got)
	}
	b.screenshot("dashboard-after-commit")

	b.open(fmt.Sprintf("/imports/%d", id))
	b.submit("ask to revert", "#revert")
	b.screenshot("revert-confirm")
	b.submit("revert", "#confirm-revert")
	if got := b.text("#import-status"); got != "已撤销" {
		t.Errorf("after revert the status is %q", got)
	}
	b.open("/dashboard?year=2024&month=6")
	if got := b.text("#investment-rate"); got != june {
		t.Errorf("June rate after revert %s, want %s as before", got, june)
	}

	b.open("/imports")
	b.screenshot("imports")
	for name, path := range map[string]string{"imports": "/imports", "project": "/projects/" + p.Code + "?year=2024&month=6",
		"lists": "/lists?year=2024", "submissions": "/submissions?year=2024&month=6"} {
		b.datesWhole("desktop "+name, path)
	}
	b.open("/reports")
	b.screenshot("reports")
	if data := b.download("#download-quarterly"); !bytes.HasPrefix(data, []byte("PK")) || len(data) < 5000 {
		t.Errorf("the quarterly report is not a workbook: %d bytes starting %q", len(data), data[:min(len(data), 8)])
	}
	if data := b.download("#download-notice"); !bytes.HasPrefix(data, []byte("PK")) || !bytes.Contains(data, []byte("word/document.xml")) {
		t.Errorf("the 通报 is not a .docx: %d bytes starting %q", len(data), data[:min(len(data), 8)])
	}
	b.open("/users")
	b.screenshot("users")
	b.remapColumn()
	b.check()
	b.guardSelfCheck()

	b.submit("log out", ".who form button")
	b.login("zhangdian")
	if loc, _ := chromedp.Run(b.ctx, chromedp.Location()); !strings.HasSuffix(loc, "/imports") {
		t.Errorf("a district uploader lands on %s, want 数据导入", loc)
	}
	if got := b.text("main h2 small"); got != "张店区" {
		t.Errorf("the upload form names unit %q", got)
	}
	b.screenshot("uploader-imports")

	b.do("turn JavaScript off", chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	}))
	b.uploadLedger(p, (old + 1*models.Wan).WanString(), false)
	b.submit("discard without JavaScript", "form[action$='/discard'] button")
	if !strings.Contains(b.text(".notice"), "已放弃") {
		t.Error("discarding without JavaScript showed no notice")
	}
	b.check()
}

// uploadLedger uploads a 张店区 ledger with one good and one bad row from the
// 数据导入 page and checks the preview: the bad row's problem and the good
// row's change. It returns the import's number.
func (b *browserSession) uploadLedger(p models.Project, completed string, withJS bool) int64 {
	b.t.Helper()
	file := filepath.Join(b.t.TempDir(), "张店区1-6月台账.csv")
	if err := os.WriteFile(file, servertest.ZhangdianCSV(p.Code, p.Name, completed), 0o644); err != nil {
		b.t.Fatal(err)
	}
	b.open("/imports")
	b.do("choose the file", chromedp.SetUploadFiles(chromedp.ID("file"), []string{file}))
	want := network.ResourceTypeDocument
	if withJS {
		want = network.ResourceTypeXHR // the progress bar's request
		b.do("upload with progress", chromedp.Click(chromedp.CSS("form[data-upload] button")), chromedp.WaitVisible(chromedp.ID("import-status")))
	} else {
		b.submit("upload without JavaScript", "form[data-upload] button")
	}
	b.mu.Lock()
	if n := len(b.uploads); n == 0 || b.uploads[n-1] != want {
		b.t.Errorf("the upload was sent as %v, want %s last", b.uploads, want)
	}
	b.mu.Unlock()
	if got := b.text("#import-status"); got != "预览中" {
		b.t.Fatalf("after upload the status is %q", got)
	}
	problems := b.text("table.problems tbody")
	if !strings.Contains(problems, "第4行") || !strings.Contains(problems, "错误") {
		b.t.Errorf("the preview does not show row 4's error: %q", problems)
	}
	if changes := b.text("table.changes tbody"); !strings.Contains(changes, p.Code) || !strings.Contains(changes, web.AmountText(wanMoney(b.t, completed))) {
		b.t.Errorf("the preview does not show the change to %s: %q", completed, changes)
	}
	name := "preview"
	if !withJS {
		name = "preview-without-javascript"
	}
	b.screenshot(name)
	loc, err := chromedp.Run(b.ctx, chromedp.Location())
	if err != nil {
		b.t.Fatal(err)
	}
	var id int64
	fmt.Sscanf(loc[strings.LastIndex(loc, "/")+1:], "%d", &id)
	return id
}

// remapColumn uploads a ledger whose cumulative column has a label nothing
// recognises (本期数), chooses its field in the preview and reads it again.
func (b *browserSession) remapColumn() {
	b.t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "importer", "testdata", "columns", "layout_06.xlsx"))
	if err != nil {
		b.t.Fatal(err)
	}
	file := filepath.Join(b.t.TempDir(), "周村区1-6月.xlsx")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		b.t.Fatal(err)
	}
	b.open("/imports")
	b.do("choose the ledger", chromedp.SetUploadFiles(chromedp.ID("file"), []string{file}),
		chromedp.SetValue(chromedp.ID("period"), "2025-06")) // 2025 has no list yet: its first ledgers may bring new projects
	b.do("upload it", chromedp.Click(chromedp.CSS("form[data-upload] button")), chromedp.WaitVisible(chromedp.ID("remap")))
	b.do("read 本期数 as the cumulative figure", chromedp.SetValue(chromedp.CSS(`select[data-column="E"]`), "completed_ytd_wan"))
	b.submit("preview again", "#remap")
	if got := b.text(".notice"); !strings.Contains(got, "已按所选的列对应关系重新预览") {
		b.t.Errorf("after choosing a column's field the notice is %q", got)
	}
	if got := b.text("table.changes tbody"); !strings.Contains(got, "累计完成投资（万元）（2025年6月）") || !strings.Contains(got, "9,650.50") {
		b.t.Errorf("the new preview does not read column E: %q", got)
	}
	b.screenshot("preview-remapped")
}

// download clicks a download button and returns the downloaded file.
func (b *browserSession) download(sel string) []byte {
	b.t.Helper()
	dir := b.t.TempDir()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	events := chromedp.BrowserEvents(ctx, browser.DownloadProgress)
	enabled := true
	_, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dir, EventsEnabled: &enabled})
	if err != nil {
		b.t.Fatal(err)
	}
	b.do("click download", chromedp.Click(chromedp.CSS(sel)))
	for ev, err := range events {
		if err != nil {
			b.t.Fatalf("waiting for the download: %v", err)
		}
		switch ev.State {
		case browser.DownloadProgressStateCompleted:
			data, err := os.ReadFile(filepath.Join(dir, ev.GUID))
			if err != nil {
				b.t.Fatal(err)
			}
			return data
		case browser.DownloadProgressStateCanceled:
			b.t.Fatal("the download was canceled")
		}
	}
	b.t.Fatal("no download")
	return nil
}

func wanMoney(t *testing.T, wan string) models.Money {
	t.Helper()
	m, err := models.ParseDecimal(wan, models.Wan)
	if err != nil {
		t.Fatal(err)
	}
	return m
}
