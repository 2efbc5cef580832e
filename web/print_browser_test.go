package web_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"tracker/server/servertest"
)

// printWidth is A4 landscape less the 10 mm margins of app.css's @page,
// in CSS pixels (277 mm at 96 px to the inch).
const printWidth = 1047

// printLayout is what a page measures as printed.
type printLayout struct {
	Width    int      `json:"width"`    // the document's width
	Cut      []string `json:"cut"`      // table cells past the sheet's right edge
	Small    []string `json:"small"`    // text under 8 pt (10.67 px)
	Controls []string `json:"controls"` // forms, buttons and menus that print
}

const measurePrint = `(() => {
  const out = {width: document.documentElement.scrollWidth, cut: [], small: [], controls: []};
  const shown = el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden"; };
  for (const el of document.querySelectorAll("td, th")) {
    if (shown(el) && el.getBoundingClientRect().right > ` + "1047" + ` + 0.5 && out.cut.length < 8) out.cut.push(el.textContent.trim().slice(0, 20));
  }
  for (const el of document.querySelectorAll("body *")) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (own && shown(el) && !el.closest("svg") && parseFloat(getComputedStyle(el).fontSize) < 10.6 && out.small.length < 8) out.small.push(el.tagName + " " + el.textContent.trim().slice(0, 20));
  }
  for (const el of document.querySelectorAll("form, button, select, input, textarea, nav, a.button")) {
    if (shown(el) && out.controls.length < 8) out.controls.push(el.tagName + " " + (el.textContent || el.name || "").trim().slice(0, 20));
  }
  return out;
})()`

// TestPagesPrintInChromium prints 项目库, 年度清单, 总览, a project, 报送情况
// and 督办事项 on A4 landscape: every column of the tables is on the sheet
// (a scrolling box cut 项目库 after 年度计划), no text under 8 pt, no menu,
// form or button. The PDF of 项目库 lands in the artifacts.
func TestPagesPrintInChromium(t *testing.T) {
	ts := servertest.New(t)
	walkFixture(t, ts)
	p := servertest.FirstProject("张店区")
	b := newBrowser(t, ts)
	b.login("admin")
	b.do("print media", chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
			return err
		}
		_, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: printWidth, Height: 740, DeviceScaleFactor: 1})
		return err
	}))
	for _, path := range []string{"/projects?year=2024&month=6", "/lists?year=2024", "/dashboard?year=2024&month=6",
		"/projects/" + p.Code + "?year=2024&month=6", "/submissions?year=2024&month=6", "/supervisions?show=all"} {
		b.open(path)
		l, err := chromedp.Run(b.ctx, chromedp.Evaluate[printLayout](measurePrint))
		if err != nil {
			t.Fatal(err)
		}
		if l.Width > printWidth {
			t.Errorf("%s prints %d px wide on a %d px sheet", path, l.Width, printWidth)
		}
		for what, list := range map[string][]string{"cells past the sheet": l.Cut, "text under 8 pt": l.Small, "controls that print": l.Controls} {
			if len(list) > 0 {
				t.Errorf("%s: %s: %q", path, what, list)
			}
		}
		if strings.HasPrefix(path, "/projects?") {
			b.pdf("print-projects")
		}
	}
	b.check()
}

// pdf prints the page as Chromium prints it (the stylesheet's @page) into
// the artifacts.
func (b *browserSession) pdf(name string) {
	b.t.Helper()
	yes := true
	res, err := chromedp.Call(b.ctx, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: &yes})
	if err != nil {
		b.t.Errorf("print %s: %v", name, err)
		return
	}
	b.shot++
	if err := os.WriteFile(filepath.Join(b.artifacts, fmt.Sprintf("%02d-%s.pdf", b.shot, name)), res.Data, 0o644); err != nil {
		b.t.Error(err)
	}
}
