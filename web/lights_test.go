package web_test

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"tracker/models"
	"tracker/server/servertest"
)

// lightNames are the lights by the name of their CSS variables.
var lightNames = map[models.Light]string{models.LightGreen: "green", models.LightYellow: "yellow", models.LightRed: "red"}

// pageBackgrounds are the backgrounds of app.css text in a light's ink
// stands on: cards, the dashboard's figure boxes, table headers.
var pageBackgrounds = []string{"FFFFFF", "F6F8FB", "EEF2F7"}

// TestPagesUseTheWorkbooksLights: /static/lights.css holds the fills and
// text colours of models.Light.Colours, and inks that read at 4.5:1 on
// every page background; every rule of app.css for a light (.light-*,
// .tone-*) takes its colours from those variables and no colour of its
// own.
func TestPagesUseTheWorkbooksLights(t *testing.T) {
	ts := servertest.New(t)
	resp, err := http.Get(ts.HTTP.URL + "/static/lights.css")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	css := string(raw)
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/css") {
		t.Fatalf("lights.css: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	vars := cssVars(css)
	for _, l := range models.Lights() {
		fill, text := l.Colours()
		n := lightNames[l]
		if got := vars["--light-"+n]; got != fill {
			t.Errorf("--light-%s is #%s, want #%s as the workbooks", n, got, fill)
		}
		if got := vars["--light-"+n+"-text"]; got != text {
			t.Errorf("--light-%s-text is #%s, want #%s", n, got, text)
		}
		ink := vars["--light-"+n+"-ink"]
		for _, bg := range pageBackgrounds {
			if c := models.Contrast(ink, bg); c < 4.5 {
				t.Errorf("--light-%s-ink #%s on #%s: %.2f:1, want 4.5:1", n, ink, bg, c)
			}
		}
		t.Logf("%s: fill #%s, text #%s (%.2f:1), ink #%s (%.2f:1 on white)", l, fill, text, models.Contrast(text, fill), ink, models.Contrast(ink, "FFFFFF"))
	}
	app, err := os.ReadFile("static/app.css")
	if err != nil {
		t.Fatal(err)
	}
	rules := regexp.MustCompile(`([^{}]+)\{([^{}]*)\}`).FindAllStringSubmatch(string(app), -1)
	seen := 0
	for _, r := range rules {
		sel, body := strings.TrimSpace(r[1]), r[2]
		m := regexp.MustCompile(`\.(?:light|tone)-(green|yellow|red)\b`).FindStringSubmatch(sel)
		if m == nil || strings.HasPrefix(sel, "@") {
			continue
		}
		seen++
		if strings.Contains(body, "#") || strings.Contains(body, "rgb") || !strings.Contains(body, "var(--light-"+m[1]) {
			t.Errorf("app.css %s { %s }: a light's rule must take its colours from lights.css (var(--light-%s…))", sel, strings.TrimSpace(body), m[1])
		}
	}
	if seen < 6 {
		t.Errorf("app.css has %d rules for lights, want the three .light-* and three .tone-* at least", seen)
	}
}

// cssVars reads "--name: #RRGGBB;" declarations (the value without "#").
func cssVars(css string) map[string]string {
	out := map[string]string{}
	for _, m := range regexp.MustCompile(`(--[a-z-]+):\s*#([0-9A-Fa-f]{6});`).FindAllStringSubmatch(css, -1) {
		out[m[1]] = strings.ToUpper(m[2])
	}
	return out
}

// TestLightsInChromium reads, in the browser, the colours of a light
// badge of each colour on the 项目库 and of the dashboard's rate: exactly
// the workbooks' fill and text, and the ink of lights.css.
func TestLightsInChromium(t *testing.T) {
	ts := servertest.New(t)
	b := newBrowser(t, ts)
	b.login("admin")
	for _, l := range models.Lights() {
		b.open("/projects?year=2024&month=6&light=" + url.QueryEscape(string(l)))
		got, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]string](`(() => { const e = document.querySelector("td[data-label=投资灯] .light"); const s = getComputedStyle(e); return [e.textContent, s.backgroundColor, s.color]; })()`))
		if err != nil {
			t.Fatal(err)
		}
		fill, text := l.Colours()
		if want := []string{string(l), cssRGB(fill), cssRGB(text)}; strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("a %s light on the page: %q, want %q", l, got, want)
		}
	}
	b.screenshot("lights")
	b.open("/dashboard?year=2024&month=6")
	got, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]string](`(() => { const e = document.getElementById("investment-rate"); return [e.dataset.light, getComputedStyle(e).color]; })()`))
	if err != nil {
		t.Fatal(err)
	}
	css := cssVars(string(ts.Send(mustGet(t, ts.HTTP.URL+"/static/lights.css"), http.StatusOK, nil)))
	if len(got) != 2 || css["--light-"+lightNames[models.Light(got[0])]+"-ink"] == "" || got[1] != cssRGB(css["--light-"+lightNames[models.Light(got[0])]+"-ink"]) {
		t.Errorf("June's rate (light, colour) %q, want its light's ink from lights.css %v", got, css)
	}
	b.check()
}

func mustGet(t *testing.T, u string) *http.Request {
	t.Helper()
	req, err := http.NewRequest("GET", u, nil)
	if err != nil {
		t.Fatal(err)
	}
	return req
}

// cssRGB writes "E00000" as a browser reports a computed colour.
func cssRGB(hex string) string {
	v, _ := strconv.ParseUint(hex, 16, 32)
	return fmt.Sprintf("rgb(%d, %d, %d)", v>>16&0xff, v>>8&0xff, v&0xff)
}
