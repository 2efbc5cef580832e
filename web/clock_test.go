package web_test

import (
	"net/http"
	"testing"
	"time"

	"tracker/server/servertest"
)

// TestSubmissionPagesReadTheStoresClock: 报送情况 and the dashboard's
// 报送 panel judge 逾期 by the store's clock, as GET /api/v1/submissions
// does. June 2024's deadline is 2024-07-05; the demo has sent nothing.
func TestSubmissionPagesReadTheStoresClock(t *testing.T) {
	ts := servertest.New(t)
	admin := signIn(ts, "admin")
	for _, c := range []struct {
		at             time.Time
		summary, panel string
	}{
		{time.Date(2024, 7, 5, 15, 59, 0, 0, time.UTC), "已报送 0 / 12 个单位 · 待审核 0 · 逾期 0<", `已报送 0 / 12 个单位 · <a href="/submissions`},
		{time.Date(2024, 7, 5, 16, 0, 0, 0, time.UTC), "已报送 0 / 12 个单位 · 待审核 0 · 逾期 12<", `已报送 0 / 12 个单位 · 逾期 12 · <a href="/submissions`},
	} {
		at := c.at
		ts.Store.SetClock(func() time.Time { return at })
		wantContains(t, "报送情况 at "+at.String(), admin.page("/submissions?year=2024&month=6", http.StatusOK), c.summary)
		wantContains(t, "the dashboard at "+at.String(), admin.page("/dashboard?year=2024&month=6", http.StatusOK), c.panel)
	}
}
