package web_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"tracker/models"
	"tracker/server/servertest"
)

// TestSupervisionRoundTripInChromium runs a 督办 item in a real browser as
// both roles: the admin opens it from the project page, whose form holds
// the project's latest 存在问题; the 张店区 uploader finds it on 督办事项 and
// replies on the project page; past the deadline the dashboard counts it
// overdue; the admin closes it and the counts fall to zero. Every step is
// in the audit trail.
func TestSupervisionRoundTripInChromium(t *testing.T) {
	ts := servertest.New(t)
	now := time.Date(2024, 7, 10, 2, 0, 0, 0, time.UTC)
	ts.Store.SetClock(func() time.Time { return now })
	p := servertest.FirstProject("张店区")
	const problems = "用地预审未批复，需市自然资源局协调"
	const reply = "已报市自然资源局，预计7月20日前批复"
	ts.Do("PATCH", "/api/v1/projects/"+p.Code, ts.Login("admin"), map[string]any{"period": "2024-06", "problems": problems, "note": "补报存在问题"}, http.StatusOK, nil)
	b := newBrowser(t, ts)
	page := "/projects/" + p.Code + "?year=2024"

	b.login("admin")
	b.open(page)
	if got := b.value("#sv-description"); got != problems {
		t.Errorf("the 交办 form holds %q, want the project's 存在问题 %q", got, problems)
	}
	b.do("set the deadline", chromedp.SetValue(chromedp.ID("sv-deadline"), "2024-07-15"))
	b.screenshot("supervision-open-form")
	b.submit("open the item", "#sv-open-form button")
	items, err := ts.Store.Supervisions(context.Background(), models.SupervisionFilter{})
	if err != nil || len(items) != 1 {
		t.Fatalf("items after 交办: %+v %v", items, err)
	}
	sv := fmt.Sprintf("#sv-%d", items[0].ID)
	wantIn(t, "the opened item", b.text(sv), "待回复", "张店区", "2024-07-15", problems, "admin 交办")
	b.screenshot("supervision-opened")
	b.submit("log out", ".who form button")

	b.login("zhangdian")
	b.open("/supervisions")
	if got := b.text("#sv-summary"); got != "待回复 1 · 已回复 0 · 逾期 0 · 已办结 0 · 共 1 项" {
		t.Errorf("督办事项 for the uploader: %q", got)
	}
	b.screenshot("supervision-list-uploader")
	b.submit("go to reply", "#supervisions a[href$='"+sv+"']")
	b.do("write the reply", chromedp.SetValue(chromedp.CSS(sv+" textarea[name=text]"), reply))
	b.submit("reply", sv+" form[action$='/reply'] button")
	wantIn(t, "the notice after replying", b.text(".notice"), "已回复")
	wantIn(t, "the replied item", b.text(sv), "已回复", "zhangdian 回复："+reply)
	b.screenshot("supervision-replied")
	b.submit("log out", ".who form button")

	now = time.Date(2024, 7, 16, 1, 0, 0, 0, time.UTC) // past 15 July in Zibo
	b.login("admin")
	b.open("/dashboard?year=2024&month=6")
	if got := b.text("#sv-counts"); got != "未办结 1 项 · 逾期 1 项 · 督办事项" {
		t.Errorf("the dashboard's 督办 panel: %q", got)
	}
	wantIn(t, "the overdue list", b.text("#sv-overdue"), p.Name, "张店区", "2024-07-15", "已回复", "逾期")
	b.screenshot("supervision-dashboard-overdue")
	b.open(page)
	b.do("write the closing note", chromedp.SetValue(chromedp.CSS(sv+" form[action$='/close'] input[name=text]"), "已批复"))
	b.submit("close", sv+" form[action$='/close'] button")
	wantIn(t, "the closed item", b.text(sv), "已办结", "admin 办结：已批复")
	b.screenshot("supervision-closed")
	b.open("/dashboard?year=2024&month=6")
	if got := b.text("#sv-counts"); got != "未办结 0 项 · 逾期 0 项 · 督办事项" {
		t.Errorf("the dashboard's 督办 panel after 办结: %q", got)
	}
	b.check()

	trail, err := ts.Store.Audit(context.Background(), models.AuditFilter{Code: p.Code})
	if err != nil {
		t.Fatal(err)
	}
	var steps []string
	for _, e := range trail {
		if e.Kind == models.AuditSupervision {
			steps = append(steps, string(e.Action)+" "+e.User+" "+e.Note)
		}
	}
	if want := "[close admin 已批复 reply zhangdian " + reply + " open admin " + problems + "]"; fmt.Sprint(steps) != want {
		t.Errorf("audit trail %v, want %s", steps, want)
	}
}

// value is the current value of a form field (a textarea's text is its
// value, not its inner text).
func (b *browserSession) value(sel string) string {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Value(chromedp.CSS(sel)))
	if err != nil {
		b.screenshot("failed-value")
		b.t.Fatalf("value of %s: %v", sel, err)
	}
	return v
}
