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
				"completed_ytd_wan": {tc.completed}, "actual_start": {tc.start}, "note": {tc.note}, "progress": {"主体结构封顶，<b>设备</b>进场"}})
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
			wantValue(t, body, "edit-completed-ytd-wan", tc.completed)
			wantContains(t, "the form", body, `<label for="edit-completed-ytd-wan">1-N月累计完成投资（万元）</label>`, `<label for="edit-planned-completion">计划竣工时间</label>`)
			wantValue(t, body, "edit-actual-start", tc.start)
			wantValue(t, body, "edit-note", tc.note)
			wantValue(t, body, "edit-annual-plan-wan", "")
			if got := elementText(body, `textarea id="edit-progress"`); got != "主体结构封顶，<b>设备</b>进场" {
				t.Errorf("形象进度 holds %q, want the text as typed", got)
			}
		})
	}
	if got := storedCompleted(t, ts, p.Code, june); got != before {
		t.Errorf("June's figure is %s after refused edits, want %s as before", got.WanString(), before.WanString())
	}
	if got := importCount(t, ts); got != imports {
		t.Errorf("%d imports after refused edits, want %d", got, imports)
	}
	lockedQuarter(t, ts, zd, p.Code, imports, before)
	resp, _ := zd.post("/projects/"+p.Code+"/edit", url.Values{"csrf": {zd.csrf()}, "period": {"2024-06"}, "completed_ytd_wan": {"8,000"}, "note": {"区县来函更正"},
		"progress": {"主体结构封顶"}, "problems": {"需协调用电指标"}, "planned_completion": {"2026-06"}})
	if resp.StatusCode != http.StatusSeeOther || importCount(t, ts) != imports+1 || storedCompleted(t, ts, p.Code, june) != before {
		t.Errorf("the corrected edit: status %d, %d imports, June %s; want 303, %d, %s until approved", resp.StatusCode, importCount(t, ts),
			storedCompleted(t, ts, p.Code, june).WanString(), imports+1, before.WanString())
	}
	id := strings.TrimSuffix(strings.TrimPrefix(resp.Header.Get("Location"), "/imports/"), "?ok=edit_sent")
	ts.Do("POST", "/api/v1/imports/"+id+"/approve", ts.Login("admin"), nil, http.StatusOK, nil)
	if got := storedCompleted(t, ts, p.Code, june); got != 8000*models.Wan {
		t.Errorf("June after the office approved the edit: %s, want 8000", got.WanString())
	}
	page := zd.page("/projects/"+p.Code+"?year=2024&month=6", http.StatusOK)
	if got := elementText(page, `dd id="planned-completion"`); got != "2026年6月" {
		t.Errorf("计划竣工 after the edit %q, want 2026年6月", got)
	}
	wantContains(t, "the project page after the edit", page, `<dd id="progress" class="prose">主体结构封顶</dd>`, `<dd id="problems" class="prose">需协调用电指标</dd>`)
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

// lockedQuarter: an edit of a month in a locked quarter comes back with
// 409, the form as typed and the lock's message above the form (it
// concerns no one field); nothing is stored. The quarter is reopened.
func lockedQuarter(t *testing.T, ts *servertest.Server, zd *pageClient, code string, imports int, before models.Money) {
	t.Helper()
	ctx := context.Background()
	if err := ts.Store.LockQuarter(ctx, 2024, 2, models.User{Name: "admin", Role: models.RoleAdmin}); err != nil {
		t.Fatal(err)
	}
	resp, body := zd.post("/projects/"+code+"/edit", url.Values{"csrf": {zd.csrf()}, "period": {"2024-05"}, "completed_ytd_wan": {"8,000"}, "note": {"区县来函更正"}})
	if resp.StatusCode != http.StatusConflict {
		t.Fatalf("edit in a locked quarter: %d, want 409", resp.StatusCode)
	}
	msg := elementText(body, `p class="alert" id="edit-error"`)
	if !strings.Contains(msg, "锁定") || strings.Contains(body, `class="field-error"`) {
		t.Errorf("the lock's message above the form is %q (and no field's message), want one naming the lock", msg)
	}
	wantContains(t, "the page", body, `<details class="card" id="edit" open>`, `<option value="2024-05" selected>`)
	wantValue(t, body, "edit-completed-ytd-wan", "8,000")
	wantValue(t, body, "edit-note", "区县来函更正")
	if storedCompleted(t, ts, code, models.MonthOf(2024, 6)) != before || importCount(t, ts) != imports {
		t.Error("an edit of a locked quarter stored something")
	}
	if err := ts.Store.UnlockQuarter(ctx, 2024, 2); err != nil {
		t.Fatal(err)
	}
}
