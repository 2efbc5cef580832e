package web_test

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"tracker/models"
	"tracker/server/servertest"
)

// TestReviewRoundTripInChromium runs the office's review in a real browser
// as both roles: the 张店区 uploader sends June's ledger, which waits as
// 待审核 with no figure changed; the admin returns it with a reason; the
// uploader reads the reason on the import's page and sends a corrected
// ledger; the admin approves it and the June figures change by exactly
// the correction. At each step 报送情况 (its count and 催报 list) and the
// dashboard's 报送 panel say the same for June.
func TestReviewRoundTripInChromium(t *testing.T) {
	ts := servertest.New(t)
	b := newBrowser(t, ts)
	p := servertest.FirstProject("张店区")
	june := models.MonthOf(2024, 6)
	old, _ := p.CompletedAsOf(june)
	first, corrected := old+2000000*models.Wan, old+1500000*models.Wan
	before := juneRates(t, ts)
	units := unitNames(t, ts)
	if len(units) != 12 {
		t.Fatalf("%d reporting units, want 12: %q", len(units), units)
	}

	b.login("admin")
	b.open("/dashboard?year=2024&month=6")
	rate := b.text("#investment-rate")
	if want := percentOf(float64(before.Completed), float64(before.Plan)); rate != want {
		t.Errorf("June's rate on the dashboard %s, want %s from the API", rate, want)
	}
	b.agreeOnSubmissions(units, 0, 0, "")
	b.submit("log out", ".who form button")

	b.login("zhangdian")
	sent := b.uploadLedger(p, first.WanString(), true)
	b.submit("send for review", "#commit")
	if got := b.text("#import-status"); got != "待审核" {
		t.Errorf("an uploader's sent ledger is %q, want 待审核", got)
	}
	wantIn(t, "the waiting notice", b.text("#review-waiting"), "等待市重大项目办审核")
	b.screenshot("review-submitted")
	b.open("/dashboard?year=2024&month=6")
	if got := b.text("#investment-rate"); got != rate {
		t.Errorf("June's rate %s while the ledger waits for review, want %s as before", got, rate)
	}
	if got := storedCompleted(t, ts, p.Code, june); got != old {
		t.Errorf("the project's June figure is %s while waiting, want %s", got.WanString(), old.WanString())
	}
	b.agreeOnSubmissions(units, 0, 1, "张店区")
	b.submit("log out", ".who form button")

	const reason = "第3行1-6月累计完成投资比上月多200亿元，请核实后重新上传"
	b.login("admin")
	b.open("/imports")
	waiting := b.text("#waiting tbody")
	wantIn(t, "the 待审核 list", waiting, fmt.Sprintf("第%d号", sent), "张店区", "zhangdian")
	b.screenshot("review-waiting-list")
	b.submit("open the waiting ledger", "#waiting td.ops a")
	b.screenshot("review-admin-preview")
	b.do("write the reason", chromedp.SetValue(chromedp.ID("return-reason-input"), reason))
	b.submit("return it", "#return")
	if got := b.text("#import-status"); got != "已退回" {
		t.Errorf("after 退回 the status is %q", got)
	}
	b.screenshot("review-returned-admin")
	if got := storedCompleted(t, ts, p.Code, june); got != old {
		t.Errorf("the project's June figure is %s after 退回, want %s", got.WanString(), old.WanString())
	}
	b.agreeOnSubmissions(units, 0, 0, "")
	b.submit("log out", ".who form button")

	b.login("zhangdian")
	b.open(fmt.Sprintf("/imports/%d", sent))
	got := b.text("#return-reason")
	wantIn(t, "the returned ledger's page", got, "市重大项目办已退回本次报送", "admin", "退回原因："+reason)
	b.screenshot("review-returned-uploader")
	resent := b.uploadLedger(p, corrected.WanString(), true)
	b.submit("send again", "#commit")
	if got := b.text("#import-status"); got != "待审核" {
		t.Errorf("the corrected ledger is %q, want 待审核", got)
	}
	b.submit("log out", ".who form button")

	b.login("admin")
	b.open(fmt.Sprintf("/imports/%d", resent))
	b.submit("approve", "#approve")
	if got := b.text("#import-status"); got != "已提交" {
		t.Errorf("after 审核通过 the status is %q", got)
	}
	wantIn(t, "the approval", b.text("#approved-by"), "admin")
	b.screenshot("review-approved")
	if got := storedCompleted(t, ts, p.Code, june); got != corrected {
		t.Errorf("the project's June figure is %s after approval, want %s", got.WanString(), corrected.WanString())
	}
	b.open("/dashboard?year=2024&month=6")
	want := percentOf(float64(before.Completed+corrected-old), float64(before.Plan))
	if got := b.text("#investment-rate"); got != want || want == rate {
		t.Errorf("June's rate after approval %s, want %s (was %s)", got, want, rate)
	}
	b.agreeOnSubmissions(units, 1, 0, "")
	b.screenshot("review-dashboard-after")
	b.check()
}

// agreeOnSubmissions checks June on 报送情况 and on the dashboard: approved
// units of 12, waiting ones, every unit late (the deadline, 2024-07-05, is
// past), the 催报 text naming exactly the units not sent, and the panel's
// units not done exactly those not approved. waitingUnit, when set, is the
// unit whose ledger waits.
func (b *browserSession) agreeOnSubmissions(units []string, approved, waiting int, waitingUnit string) {
	b.t.Helper()
	b.open("/submissions?year=2024&month=6")
	sum := fmt.Sprintf("已报送 %d / %d 个单位 · 待审核 %d · 逾期 %d", approved, len(units), waiting, len(units))
	if got := b.text("#submission-summary"); got != sum {
		b.t.Errorf("报送情况 reads %q, want %q", got, sum)
	}
	var notSent []string
	for _, u := range units {
		if approved == 0 || u != "张店区" {
			if u != waitingUnit {
				notSent = append(notSent, u)
			}
		}
	}
	remind := strings.Join(notSent, "、") + "：2024年6月重大项目台账已过报送截止日期（7月5日），请尽快报送。"
	got, err := chromedp.Run(b.ctx, chromedp.Value(chromedp.ID("reminder")))
	if err != nil {
		b.t.Fatal(err)
	}
	if got != remind {
		b.t.Errorf("催报 reads %q, want %q", got, remind)
	}
	b.screenshot(fmt.Sprintf("submissions-%d-%d", approved, waiting))
	b.open("/dashboard?year=2024&month=6")
	head := fmt.Sprintf("已报送 %d / %d 个单位 · 逾期 %d · 报送情况", approved, len(units), len(units))
	if waiting > 0 {
		head = fmt.Sprintf("已报送 %d / %d 个单位 · 待审核 %d · 逾期 %d · 报送情况", approved, len(units), waiting, len(units))
	}
	if got := b.text("#submission-count"); got != head {
		b.t.Errorf("the dashboard's panel reads %q, want %q", got, head)
	}
	missing, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("ul.submissions li.missing .unit")].map(e => e.textContent)`))
	if err != nil {
		b.t.Fatal(err)
	}
	var notApproved []string
	for _, u := range units {
		if approved == 0 || u != "张店区" {
			notApproved = append(notApproved, u)
		}
	}
	if strings.Join(missing, "、") != strings.Join(notApproved, "、") {
		b.t.Errorf("the dashboard's panel shows not done %q, want %q", missing, notApproved)
	}
}

func unitNames(t *testing.T, ts *servertest.Server) []string {
	t.Helper()
	us, err := ts.Store.Units(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	names := make([]string, len(us))
	for i, u := range us {
		names[i] = u.Name
	}
	return names
}

type rateTotals struct{ Completed, Plan models.Money }

// juneRates are the city's June totals from /api/v1/rates.
func juneRates(t *testing.T, ts *servertest.Server) rateTotals {
	t.Helper()
	var out struct {
		Completed float64 `json:"completed_wan"`
		Plan      float64 `json:"annual_plan_wan"`
	}
	servertest.DecodeJSON(t, ts.Do("GET", "/api/v1/rates?year=2024&month=6", ts.Login("admin"), nil, http.StatusOK, nil), &out)
	return rateTotals{models.Money(math.Round(out.Completed * float64(models.Wan))), models.Money(math.Round(out.Plan * float64(models.Wan)))}
}

// percentOf is a/b in percent with one decimal, rounded half away from zero.
func percentOf(a, b float64) string {
	return fmt.Sprintf("%.1f%%", math.Round(a/b*1000+1e-9)/10)
}

func wantIn(t *testing.T, what, got string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(got, p) {
			t.Errorf("%s %q does not contain %q", what, got, p)
		}
	}
}
