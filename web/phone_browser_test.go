package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"tracker/models"
	"tracker/models/demo"
	"tracker/models/store"
	"tracker/server/servertest"
)

// phoneWidth is a common phone's CSS width (iPhone 12 to 15).
const phoneWidth = 390

// phoneLayout is what a page measures at phone width.
type phoneLayout struct {
	Width  int      `json:"width"`  // document.documentElement.scrollWidth
	Split  []string `json:"split"`  // navigation words broken over two lines
	Wide   []string `json:"wide"`   // elements reaching past the screen outside a scrolling box
	Small  []string `json:"small"`  // text under 12 px
	Narrow []string `json:"narrow"` // card values squeezed under 8 characters' width
	Cut    []string `json:"cut"`    // project cards' and fact lists' cells past the screen's edge
	Broken []string `json:"broken"` // dates and months of table cells broken over two lines
}

// measurePhone runs in the page: the document's width, every link and
// button of the header whose text runs over more than one line, elements
// past the right edge that no scrolling box holds, text smaller than
// 12 px (in charts, as scaled on the screen, with half a pixel's
// rounding), values of fact lists (the project and import pages' cards) given
// less than 8em, and cells of the 项目库's project cards and of fact lists
// that reach past the screen even inside a scrolling box, and dates of
// table cells broken over two lines (measureDates).
const measurePhone = `(() => {
  const out = {width: document.documentElement.scrollWidth, split: [], wide: [], small: [], narrow: [], cut: [], broken: ` + measureDates + `};
  const lines = el => { const r = document.createRange(); r.selectNodeContents(el);
    return new Set([...r.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.top))).size; };
  for (const el of document.querySelectorAll("header.top nav a, header.top .who a, header.top .who small, header.top .who button, header.top .brand span")) {
    if (lines(el) > 1) out.split.push(el.textContent.trim());
  }
  const name = el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : "");
  const scrolled = el => { for (let p = el.parentElement; p; p = p.parentElement) { const o = getComputedStyle(p).overflowX; if (o === "auto" || o === "scroll" || o === "hidden") return true; } return false; };
  for (const el of document.querySelectorAll("body *")) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || getComputedStyle(el).visibility === "hidden") continue;
    if (r.right > document.documentElement.clientWidth + 0.5 && !scrolled(el) && out.wide.length < 8) out.wide.push(name(el) + " " + Math.round(r.right));
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (own && parseFloat(getComputedStyle(el).fontSize) < 12 && out.small.length < 8) out.small.push(name(el) + " " + el.textContent.trim().slice(0, 20));
  }
  for (const tx of document.querySelectorAll("svg.chart text")) {
    const svg = tx.ownerSVGElement, vb = svg.viewBox.baseVal;
    const size = parseFloat(getComputedStyle(tx).fontSize) * svg.getBoundingClientRect().width / vb.width;
    if (size < 11.5 && out.small.length < 8) out.small.push("svg text " + tx.textContent.trim().slice(0, 12) + " " + size.toFixed(1) + "px");
  }
  const em = parseFloat(getComputedStyle(document.documentElement).fontSize);
  for (const dd of document.querySelectorAll(".facts dd")) {
    const w = dd.getBoundingClientRect().width;
    if (w > 0 && w < 8 * em && out.narrow.length < 8) out.narrow.push(dd.previousElementSibling.textContent.trim() + " " + Math.round(w));
  }
  for (const el of document.querySelectorAll("table.projects td, .facts dt, .facts dd")) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > document.documentElement.clientWidth + 0.5 && out.cut.length < 8) out.cut.push(name(el) + " " + el.textContent.trim().slice(0, 20));
  }
  return out;
})()`

// TestPagesAtPhoneWidth opens every page at 390 px in Chromium, as the
// admin and as a district uploader: no page is wider than the screen, no
// navigation word breaks over two lines, no text is under 12 px, and the
// cards of the project and import pages give their values room. A
// screenshot of each page lands in the artifacts.
func TestPagesAtPhoneWidth(t *testing.T) {
	ts := servertest.New(t)
	p := servertest.FirstProject("张店区")
	var imp servertest.ImportResult
	ts.Upload(ts.Login("zhangdian"), "张店区1-6月台账.csv", servertest.ZhangdianCSV(p.Code, p.Name, "12345.67"), nil, 200, &imp)
	var committed servertest.ImportResult
	ts.Upload(ts.Login("admin"), "张店区1-6月台账.csv", servertest.ZhangdianCSV(p.Code, p.Name, "12345.68"), nil, 200, &committed)
	if committed.Status != "committed" {
		t.Fatalf("the office's upload is %s, want committed", committed.Status)
	}
	if _, err := ts.Store.OpenSupervision(context.Background(), store.NewSupervision{Code: p.Code, Unit: "张店区",
		Deadline: "2024-07-31", Description: "项目用电指标尚未落实，请张店区协调供电公司于7月底前解决并报告进展"}, models.User{Name: "admin", Role: models.RoleAdmin}); err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, ts)
	b.phone()
	b.checkPhone("login", "/login")
	pages := []struct{ name, path string }{
		{"dashboard", "/dashboard?year=2024&month=6"},
		{"projects", "/projects?year=2024&month=6"},
		{"project", "/projects/" + p.Code + "?year=2024&month=6"},
		{"imports", "/imports"},
		{"import", fmt.Sprintf("/imports/%d", imp.ID)},
		{"revert", fmt.Sprintf("/imports/%d/revert", committed.ID)},
		{"reports", "/reports"},
		{"submissions", "/submissions?year=2024&month=6"},
		{"supervisions", "/supervisions"},
		{"lists", "/lists"},
		{"users", "/users"},
		{"account", "/account/password"},
	}
	b.login("admin")
	for _, pg := range pages {
		b.checkPhone("admin-"+pg.name, pg.path)
	}
	b.supervisionCards()
	b.searchSeveralWords()
	b.submit("log out", ".who form button")
	b.login("zhangdian")
	for _, pg := range []struct{ name, path string }{{"imports", "/imports"}, {"import", fmt.Sprintf("/imports/%d", imp.ID)}, {"project", "/projects/" + p.Code + "?year=2024&month=6"}} {
		b.checkPhone("uploader-"+pg.name, pg.path)
	}
	b.do("open the edit form", chromedp.Evaluate[chromedp.Void](`void (document.getElementById("edit").open = true)`))
	b.checkPhone("uploader-project-edit", "")
	b.check()
}

// measureDates is an expression run in the page: each date or month in a
// table cell (2024年3月, 2024-07-31, 2024-07-01 09:05) whose text runs
// over more than one line, with the line count, at most 8.
const measureDates = `(() => {
  const broken = [], re = /\d{4}年\d{1,2}月|(?<![\d-])\d{4}-\d{2}-\d{2}(?![\d-])( \d{2}:\d{2})?/g;
  for (const td of document.querySelectorAll("td")) {
    if (td.getBoundingClientRect().width === 0) continue;
    const walk = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      for (const m of n.textContent.matchAll(re)) {
        const r = document.createRange(); r.setStart(n, m.index); r.setEnd(n, m.index + m[0].length);
        const lines = new Set([...r.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.top))).size;
        if (lines > 1 && broken.length < 8) broken.push(m[0] + " " + lines);
      }
    }
  }
  return broken;
})()`

// datesWhole opens a page and fails for each date of its table cells
// broken over two lines (measureDates).
func (b *browserSession) datesWhole(name, path string) {
	b.t.Helper()
	b.open(path)
	broken, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]string](measureDates))
	if err != nil {
		b.t.Fatalf("%s: %v", name, err)
	}
	if len(broken) > 0 {
		b.t.Errorf("%s (%s): dates broken over two lines: %q", name, path, broken)
	}
}

// phone makes the tab a 390 px wide phone screen.
func (b *browserSession) phone() {
	b.t.Helper()
	b.do("phone screen", chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
			Width: phoneWidth, Height: 844, DeviceScaleFactor: 2, Mobile: true})
		return err
	}))
}

// checkPhone opens a page at phone width, screenshots it and checks its
// layout.
func (b *browserSession) checkPhone(name, path string) {
	b.t.Helper()
	if path != "" { // "" is the page the tab is on
		b.open(path)
	}
	l, err := chromedp.Run(b.ctx, chromedp.Evaluate[phoneLayout](measurePhone))
	if err != nil {
		b.t.Fatalf("%s: %v", name, err)
	}
	b.screenshot("phone-" + name)
	if l.Width > phoneWidth {
		b.t.Errorf("%s (%s) is %d px wide at %d px: %s", name, path, l.Width, phoneWidth, strings.Join(l.Wide, ", "))
	}
	for what, list := range map[string][]string{"navigation split over two lines": l.Split, "text under 12 px": l.Small, "card values under 8em": l.Narrow,
		"cells past the screen": l.Cut, "dates broken over two lines": l.Broken} {
		if len(list) > 0 {
			b.t.Errorf("%s: %s: %q", name, what, list)
		}
	}
}

// supervisionCards opens 督办事项 at phone width: the item is a card that
// needs no sideways scrolling, its 督办内容 right under the project, on
// the screen from its first character, before the unit and the deadline.
func (b *browserSession) supervisionCards() {
	b.t.Helper()
	b.open("/supervisions")
	type card struct {
		Scroll    int     `json:"scroll"`
		Box       int     `json:"box"`
		DescLeft  float64 `json:"descLeft"`
		DescRight float64 `json:"descRight"`
		DescTop   float64 `json:"descTop"`
		Project   float64 `json:"project"`
		Due       float64 `json:"due"`
		Desc      string  `json:"desc"`
	}
	got, err := chromedp.Run(b.ctx, chromedp.Evaluate[card](`(() => {
  const t = document.getElementById("supervisions"), r = s => t.querySelector(s).getBoundingClientRect();
  return {scroll: t.parentElement.scrollWidth, box: t.parentElement.clientWidth, descLeft: r("td.sv-desc").left, descRight: r("td.sv-desc").right,
    descTop: r("td.sv-desc").top, project: r("td.sv-project").top, due: r("td.date").top, desc: t.querySelector("td.sv-desc").textContent};
})()`))
	if err != nil {
		b.t.Fatal(err)
	}
	if got.Scroll > got.Box || got.DescLeft < 0 || got.DescRight > phoneWidth {
		b.t.Errorf("督办事项 at %d px: the table is %d px in a %d px box, 督办内容 from %.0f to %.0f px", phoneWidth, got.Scroll, got.Box, got.DescLeft, got.DescRight)
	}
	if !(got.Project < got.DescTop && got.DescTop < got.Due) {
		b.t.Errorf("督办事项 at %d px: project at %.0f, 督办内容 at %.0f, 办理期限 at %.0f px; want the project, then 督办内容, then the deadline", phoneWidth, got.Project, got.DescTop, got.Due)
	}
	if !strings.HasPrefix(got.Desc, "督办内容：") && !strings.HasPrefix(got.Desc, "项目用电指标") {
		b.t.Errorf("督办内容 reads %q", got.Desc)
	}
}

// searchSeveralWords types 淄博 光伏 into the 项目库's search at phone width
// and checks the cards: exactly the projects on December's list holding
// both words, each in the code, name, unit or 责任单位 (counted here from
// the demo portfolio).
func (b *browserSession) searchSeveralWords() {
	b.t.Helper()
	dec := models.MonthOf(2024, 12)
	holds := func(p models.Project, w string) bool {
		return strings.Contains(p.Code, w) || strings.Contains(p.Name, w) || strings.Contains(p.District, w) || strings.Contains(p.Unit, w)
	}
	var want []string
	for _, p := range demo.Portfolio2024WithChanges() {
		if p.OnListAt(dec) && holds(p, "淄博") && holds(p, "光伏") {
			want = append(want, p.Code)
		}
	}
	b.open("/projects?year=2024&month=12")
	b.do("search for two words", chromedp.SetValue(chromedp.ID("q"), "淄博 光伏"))
	b.submit("search", "form.filters button.primary")
	if got := b.text("#project-total"); got != fmt.Sprint(len(want)) || len(want) == 0 {
		b.t.Errorf("淄博 光伏 finds %s projects, want %d", got, len(want))
	}
	codes, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("table.projects td.code")].map(e => e.textContent.trim())`))
	if err != nil {
		b.t.Fatal(err)
	}
	if strings.Join(codes, ",") != strings.Join(want, ",") {
		b.t.Errorf("淄博 光伏 shows %q, want %q", codes, want)
	}
	b.checkPhone("admin-search", "")
	b.t.Logf("淄博 光伏: %d projects", len(want))
}
