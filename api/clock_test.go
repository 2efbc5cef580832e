package api_test

import (
	"net/http"
	"testing"
	"time"

	"tracker/server/servertest"
)

// TestSubmissionsReadTheStoresClock: GET /api/v1/submissions judges 逾期
// by the store's clock, the one every timestamp comes from, not the
// system's. June 2024's deadline is 2024-07-05 (the 5th of the next month):
// on 2024-07-05 (office time) no unit of the demo, which has sent nothing,
// is late yet; on 2024-07-06 all twelve are.
func TestSubmissionsReadTheStoresClock(t *testing.T) {
	ts := servertest.New(t)
	admin := ts.Login("admin")
	for _, c := range []struct {
		at   time.Time
		late int
	}{
		{time.Date(2024, 7, 5, 15, 59, 0, 0, time.UTC), 0}, // 23:59 in 淄博
		{time.Date(2024, 7, 5, 16, 0, 0, 0, time.UTC), 12}, // 00:00 on the 6th
	} {
		at := c.at
		ts.Store.SetClock(func() time.Time { return at })
		var subs []submissionJSON
		ts.Do("GET", "/api/v1/submissions?year=2024&month=6", admin, nil, http.StatusOK, &subs)
		late := 0
		for _, s := range subs {
			if s.Late {
				late++
			}
			if s.Deadline != "2024-07-05" {
				t.Errorf("%s: deadline %s, want 2024-07-05", s.Unit, s.Deadline)
			}
		}
		if len(subs) != 12 || late != c.late {
			t.Errorf("at %s: %d of %d units late, want %d of 12", at, late, len(subs), c.late)
		}
	}
}
