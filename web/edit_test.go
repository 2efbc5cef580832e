package web_test

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"tracker/models"
	"tracker/server/servertest"
)

// TestHandEditWithABadValueKeepsTheForm posts the project page's edit form
// with values that cannot be saved: each time the page comes back with a
// 4xx, the form open and filled in as typed, the Chinese message beside
// the field it concerns, and nothing stored (no import, the figure as it
// was).
func TestHandEditWithABadValueKeepsTheForm(t *testing.T) {
	ts := servertest.New(t)
	zd := signIn(ts, "zhangdian")
	p := servertest.FirstProject("张店区")
	june := models.MonthOf(2024, 6)
	before := storedCompleted(t, ts, p.Code, june)
	imports := importCount(t, ts)
	cases := []struct {
		name, field, completed, start, note string
		status                              int
		message                             string
	}{
		{"not a number", "completed_ytd_wan", "12,3a4.5", "", "区县来函更正", http.StatusBadRequest, "累计完成投资“12,3a4.5”不是有效的金额（万元）"},
		{"negative", "completed_ytd_wan", "-5", "", "区县来函更正", http.StatusBadRequest, "累计完成投资不能为负数"},
		{"bad month", "actual_start", "8,000", "2024-13", "区县来函更正", http.StatusBadRequest, "实际开工时间“2024-13”格式不对，应为 YYYY-MM，例如 2024-06"},
		{"no reason", "note", "8,000", "2024-03", "  ", http.StatusBadRequest, "请填写修改原因，便于日后核对"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := zd.post("/projects/"+p.Code+"/edit", url.Values{"csrf": {zd.csrf()}, "period": {"2024-06"},
				"completed_ytd_wan": {tc.completed}, "actual_start": {tc.start}, "note": {tc.note}})
			if resp.StatusCode != tc.status {
				t.Fatalf("status %d, want %d: %.300s", resp.StatusCode, tc.status, body)
			}
			if got := elementText(body, `span class="field-error" id="error-`+tc.field+`"`); got != tc.message {
				t.Errorf("beside %s: %q, want %q", tc.field, got, tc.message)
			}
			if n := strings.Count(body, `class="field-error"`); n != 1 {
				t.Errorf("%d field messages, want 1", n)
			}
			wantContains(t, "the page", body, `<details class="card" id="edit" open>`, `aria-invalid="true" aria-describedby="error-`+tc.field+`"`,
				`<option value="2024-06" selected>`, "未保存："+html.EscapeString(tc.message))
			wantValue(t, body, "edit-completed", tc.completed)
			wantValue(t, body, "edit-start", tc.start)
			wantValue(t, body, "edit-note", tc.note)
			wantValue(t, body, "edit-plan", "")
		})
	}
	if got := storedCompleted(t, ts, p.Code, june); got != before {
		t.Errorf("June's figure is %s after refused edits, want %s as before", got.WanString(), before.WanString())
	}
	if got := importCount(t, ts); got != imports {
		t.Errorf("%d imports after refused edits, want %d", got, imports)
	}
	resp, _ := zd.post("/projects/"+p.Code+"/edit", url.Values{"csrf": {zd.csrf()}, "period": {"2024-06"}, "completed_ytd_wan": {"8,000"}, "note": {"区县来函更正"}})
	if resp.StatusCode != http.StatusSeeOther || importCount(t, ts) != imports+1 || storedCompleted(t, ts, p.Code, june) != 8000*models.Wan {
		t.Errorf("the corrected edit: status %d, %d imports, June %s; want 303, %d, 8000", resp.StatusCode, importCount(t, ts),
			storedCompleted(t, ts, p.Code, june).WanString(), imports+1)
	}
}

// wantValue checks the value attribute of the input with the given id.
func wantValue(t *testing.T, body, id, want string) {
	t.Helper()
	m := regexp.MustCompile(`<input id="` + id + `"[^>]*?value="([^"]*)"`).FindStringSubmatch(body)
	if m == nil {
		t.Errorf("no input %s with a value", id)
		return
	}
	if got := html.UnescapeString(m[1]); got != want {
		t.Errorf("input %s holds %q, want %q as typed", id, got, want)
	}
}

// elementText is the text of the first element whose opening tag starts
// with open.
func elementText(body, open string) string {
	i := strings.Index(body, "<"+open)
	if i < 0 {
		return ""
	}
	rest := body[i:]
	rest = rest[strings.Index(rest, ">")+1:]
	return html.UnescapeString(rest[:strings.Index(rest, "<")])
}

func storedCompleted(t *testing.T, ts *servertest.Server, code string, m models.Month) models.Money {
	t.Helper()
	p, err := ts.Store.Project(context.Background(), code, m.Year())
	if err != nil {
		t.Fatal(err)
	}
	c, _ := p.CompletedAsOf(m)
	return c
}

func importCount(t *testing.T, ts *servertest.Server) int {
	t.Helper()
	list, err := ts.Store.Imports(context.Background(), models.ImportFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return len(list)
}
